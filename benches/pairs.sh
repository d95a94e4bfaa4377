#!/usr/bin/env bash
# The real pairs of the shared corpus, aligned by the release binary and counted: rows, rows with
# one side empty, and sentences one-sided on both sides with the same words (text both versions
# contain, shown as missing: it must be 0). Usage: benches/pairs.sh [TANDEM] [OUT_DIR]
# Figures in the README's Alignment section and the stop notes come from it.
set -euo pipefail
cd "$(dirname "$0")/.."
tandem=${1:-target/release/tandem}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "skipped: $corpus is absent" >&2; exit 0; }
pair() { "$tandem" --no-config export "$2" "$3" --format json -o "$out/$1.json" 2>/dev/null; }
for episode in js-party-262 practical-ai-253 ship-it-84; do
    pair "$episode" "$corpus"/podcast-revisions/"$episode".before-*.md "$corpus"/podcast-revisions/"$episode".after-*.md
done
pair bookbytes-033 "$corpus"/podcast/bookbytes-033_v2_4405e25.txt "$corpus"/podcast/bookbytes-033_v3_c43f201_timestamps-shifted.txt
pair harris-duda "$corpus"/whitehouse/*harris-duda*_ORIGINAL.md "$corpus"/whitehouse/*harris-duda*_CORRECTED.md
pair sotu-2023 "$corpus"/speeches/*as-prepared-for-delivery.md "$corpus"/speeches/*address-2.md
pair seed assets/seoul-2025-01-06/official-state-dept.txt assets/seoul-2025-01-06/translation-ytn.txt
for subtitles in morevna-ep03:ko morevna-ep03:ru morevna-ep03:zh pepper-and-carrot-ep06:ja pepper-and-carrot-ep06:ru synfig-course-01-basics:zh; do
    episode=${subtitles%%:*} language=${subtitles##*:}
    pair "$episode-en-$language" "$corpus/subtitles/$episode/en.srt" "$corpus/subtitles/$episode/$language.srt"
done
python3 - "$out"/*.json <<'PY'
import collections, json, re, sys
for path in sys.argv[1:]:
    rows = json.load(open(path))["alignment"]
    one = [r for r in rows if not r["official"] or not r["other"]]
    words = lambda s: " ".join(re.findall(r"\w+", s["text"].lower()))
    a = collections.Counter(words(s) for r in one for s in r["official"])
    b = collections.Counter(words(s) for r in one for s in r["other"])
    sentences = sum(len(r["official"]) + len(r["other"]) for r in rows)
    paired = sum(len(r["official"]) + len(r["other"]) for r in rows if r["official"] and r["other"])
    flags = collections.Counter(f["kind"] for r in rows for f in r["flags"])
    print(f"{path.rsplit('/', 1)[-1][:-5]:24} rows {len(rows):5}  one-sided {len(one):4}  "
          f"sentences paired {100 * paired / max(sentences, 1):3.0f}%  "
          f"both-sided text shown missing {sum(min(a[k], b[k]) for k in a if k in b)}  "
          f"speaker-differs {flags['speaker-differs']}")
PY
