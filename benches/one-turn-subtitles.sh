#!/usr/bin/env bash
# Two builds compared on the corpus's subtitle pairs with every cue's text joined into one turn
# a side (`SPEAKER: cue cue cue …`), so that the sentence aligner's band, not the cue times,
# carries the whole alignment: one-sided rows, paired rows and their mean similarity, per build.
# A change to the band should not lose pairs here (translations, where pairs gain little).
# Usage: benches/one-turn-subtitles.sh BASE_TANDEM NEW_TANDEM
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: benches/one-turn-subtitles.sh BASE_TANDEM NEW_TANDEM}
new=${2:?usage: benches/one-turn-subtitles.sh BASE_TANDEM NEW_TANDEM}
corpus=../shared/corpus/subtitles
[ -d "$corpus" ] || { echo "skipped: $corpus is absent" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for srt in "$corpus"/*/*.srt; do
    episode=$(basename "$(dirname "$srt")")
    python3 - "$srt" "$work/$episode.$(basename "$srt" .srt).txt" <<'PY'
import re, sys
source, turn = sys.argv[1:]
blocks = re.split(r"\n\s*\n", open(source, encoding="utf-8-sig", errors="replace").read().strip())
cues = []
for block in blocks:
    lines = [l.strip() for l in block.split("\n") if "-->" not in l and not l.strip().isdigit()]
    if lines:
        cues.append(" ".join(lines))
open(turn, "w", encoding="utf-8").write("SPEAKER: " + " ".join(cues) + "\n")
PY
done
for english in "$work"/*.en.txt; do
    episode=$(basename "$english" .en.txt)
    for other in "$work/$episode".*.txt; do
        [ "$other" = "$english" ] && continue
        for build in "$base" "$new"; do
            "$build" --no-config export "$english" "$other" --format tsv -o "$work/out.tsv" 2>/dev/null
            awk -F'\t' -v pair="$(basename "$other" .txt)" -v build="$build" 'NR > 1 {
                if ($2 == "" || $5 == "") one++; else { two++; sum += $8 } }
                END { printf "%-28s %-40s one-sided %4d  paired %4d  mean similarity %.3f\n",
                      pair, build, one, two, two ? sum / two : 0 }' "$work/out.tsv"
        done
    done
done
