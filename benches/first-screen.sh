#!/usr/bin/env bash
# The reader's first screen in tmux: from starting `tandem OFFICIAL OTHER` in a detached 160×45
# session to the first row on the screen (the current-row marker `▸` in the gutter), polled
# every 10 ms with `tmux capture-pane`; the session is then killed. Issue 21's target: 0.3 s
# for any pair within the size limit.
# Usage: benches/first-screen.sh [TANDEM] [COPIES...]   (default: target/release/tandem 1 1000)
# 1 is the bundled pair (no files given); other sizes are written by `tandem-synth` beside
# TANDEM (`cargo build --release --features synth`) into a temporary folder, removed at the end
# (10,000× is 475 MB and takes a minute to write).
set -euo pipefail
cd "$(dirname "$0")/.."
tandem=${1:-target/release/tandem}
shift || true
sizes=${*:-1 1000}
runs=5
scratch=$(mktemp -d)
# A session kept open throughout, so that the tmux server does not exit and start again
# between runs (a client can meet a server on its way out).
keep=first-screen-keep-$$
tmux new -d -s "$keep"
trap 'tmux kill-session -t "$keep"; rm -rf "$scratch"' EXIT

# Seconds from starting the reader with the arguments given to its first row.
first_screen() {
    local session start
    session=first-screen-$$
    start=$(date +%s.%N)
    tmux new -d -s "$session" -x 160 -y 45 "$tandem $*"
    until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q '▸'; do
        if [ "$(echo "$(date +%s.%N) - $start > 120" | bc)" = 1 ]; then
            echo "no first screen after 120 s" >&2
            exit 1
        fi
        sleep 0.01
    done
    echo "$(date +%s.%N) - $start" | bc
    tmux kill-session -t "$session"
}

echo "| pair | first screen, median of $runs | runs |"
echo "|---|---|---|"
for copies in $sizes; do
    args=()
    if [ "$copies" != 1 ]; then
        "$(dirname "$tandem")/tandem-synth" --copies "$copies" --out "$scratch/$copies" >/dev/null
        args=("$scratch/$copies/official.txt" "$scratch/$copies/other.txt")
    fi
    times=$(for _ in $(seq $runs); do first_screen "${args[@]}"; done | sort -g)
    median=$(sed -n "$(((runs + 1) / 2))p" <<<"$times")
    printf '| %s× | %.2f s | %s |\n' "$copies" "$median" "$(printf '%.2f ' $times)"
    rm -rf "${scratch:?}/$copies"
done
