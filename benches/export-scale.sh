#!/usr/bin/env bash
# The whole program's TSV export of the bundled pair repeated COPIES times (`tandem-synth`)
# against `wc -l` on the same two files, medians of three runs each, with wall time, CPU time and
# maximum resident set (`/usr/bin/time`). Issue 21's targets: at 1000×, the export within 150× of
# `wc -l`; from 1000× to 10,000×, near-linear growth; peak memory within 4× the pair.
# Usage: benches/export-scale.sh [TANDEM] [COPIES...]   (default: target/release/tandem 1000)
# The pairs are written by `tandem-synth` beside TANDEM: `cargo build --release --features synth`.
# 10,000× writes a 475 MB pair and a 640 MB export in a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
tandem=${1:-target/release/tandem}
shift || true
sizes=${*:-1000}
median() { sort -g | sed -n 2p; }
# Wall seconds, user seconds, maximum resident set in KB of one run of the command given.
measure() {
    local report
    report=$(mktemp)
    # The command's own warnings are not wanted in the table.
    /usr/bin/time -f "%e %U %M" -o "$report" "$@" >/dev/null 2>&1
    cat "$report"
    rm -f "$report"
}
echo "| copies | pair | TSV export: wall / user / max RSS | output | wc -l: wall | export against wc -l | target | RSS against the pair | target |"
echo "|---:|---:|---|---:|---:|---:|---|---:|---|"
for copies in $sizes; do
    dir=$(mktemp -d)
    "$(dirname "$tandem")/tandem-synth" --copies "$copies" --out "$dir"
    files=("$dir/official.txt" "$dir/other.txt")
    pair=$(cat "${files[@]}" | wc -c)
    runs=$(for _ in 1 2 3; do measure "$tandem" --no-config export "${files[@]}" --format tsv -o "$dir/out.tsv"; done)
    output=$(stat -c %s "$dir/out.tsv")
    # wc is timed in nanoseconds: it takes hundredths of a second, below /usr/bin/time's grain.
    counts=$(for _ in 1 2 3; do
        start=$(date +%s%N)
        wc -l "${files[@]}" >/dev/null
        echo $(( $(date +%s%N) - start ))
    done)
    wall=$(awk '{print $1}' <<<"$runs" | median)
    user=$(awk '{print $2}' <<<"$runs" | median)
    rss=$(awk '{print $3}' <<<"$runs" | median)
    wc_seconds=$(median <<<"$counts" | awk '{printf "%.3f", $1 / 1e9}')
    awk -v c="$copies" -v p="$pair" -v w="$wall" -v u="$user" -v r="$rss" -v o="$output" -v x="$wc_seconds" '
        function met(ok) { return ok ? "met" : "NOT met" }
        BEGIN {
        printf "| %d× | %.1f MB | %.2f s / %.2f s / %.0f MB | %.0f MB | %.3f s | %.0f× | within 150×: %s | %.1f× | within 4×: %s |\n",
            c, p / 1e6, w, u, r * 1024 / 1e6, o / 1e6, x, w / x, met(w / x <= 150), r * 1024 / p, met(r * 1024 / p <= 4) }'
    rm -rf "$dir"
done
