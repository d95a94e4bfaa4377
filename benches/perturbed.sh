#!/usr/bin/env bash
# Two builds of tandem compared on the same-language corpus: every White House and podcast file
# exported (JSON) against a perturbed copy of itself (about 4% of lines left out, 2% of words
# replaced, 1% of lines followed by an added sentence; the same copy every run), once by each
# build. Prints the files whose exports differ and a count; the exports of those are kept in
# OUT_DIR for reading. An aligner change that should not change output must print "0 differ".
# Usage: benches/perturbed.sh BASE_TANDEM NEW_TANDEM [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: benches/perturbed.sh BASE_TANDEM NEW_TANDEM [OUT_DIR]}
new=${2:?usage: benches/perturbed.sh BASE_TANDEM NEW_TANDEM [OUT_DIR]}
out=${3:-$(mktemp -d)}
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "skipped: $corpus is absent" >&2; exit 0; }
copies=$(mktemp -d)
trap 'rm -rf "$copies"' EXIT
mkdir -p "$out"
files=0 differ=0
for file in "$corpus"/wh-sample/*.md "$corpus"/changelog-sample/*.md "$corpus"/whitehouse/*.md "$corpus"/podcast/*; do
    name=$(basename "$file")
    copy="$copies/$name"
    python3 - "$file" "$copy" <<'PY'
import random, sys
source, copy = sys.argv[1:]
random.seed(source.rsplit("/", 1)[-1])
lines = []
for line in open(source, encoding="utf-8", errors="replace").read().split("\n"):
    if random.random() < 0.04 and line.strip():
        continue
    words = line.split(" ")
    for k in range(len(words)):
        if random.random() < 0.02:
            words[k] = random.choice(["indeed", "the", "economy", "zz"])
    lines.append(" ".join(words))
    if random.random() < 0.01:
        lines.append("An added sentence about something new entirely.")
open(copy, "w", encoding="utf-8").write("\n".join(lines))
PY
    status_base=0 status_new=0
    "$base" --no-config export "$file" "$copy" --format json -o "$out/base.json" 2>/dev/null || status_base=$?
    "$new" --no-config export "$file" "$copy" --format json -o "$out/new.json" 2>/dev/null || status_new=$?
    files=$((files + 1))
    if [ "$status_base" != "$status_new" ] || ! cmp -s "$out/base.json" "$out/new.json"; then
        differ=$((differ + 1))
        echo "differs: $name"
        mv "$out/base.json" "$out/$name.base.json"
        mv "$out/new.json" "$out/$name.new.json"
    fi
done
rm -f "$out/base.json" "$out/new.json"
echo "$files pairs, $differ differ (exports in $out)"
