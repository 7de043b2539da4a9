#!/usr/bin/env bash
# Rebuilds wiki.txt, enwiki-excerpt.xml and the pre-training records in this folder from the real
# Wikipedia dump sample inside PyPI gensim==4.4.0. Needs pip, unzip, bunzip2, python3 and cargo.
# Usage: datasets/wiki-sample/rebuild.sh [--full OUT_DIR]  (--full: the whole dump's text, no size cap)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DUMP=gensim/test/test_data/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && pip download --quiet --no-deps gensim==4.4.0 -d . && unzip -q -o gensim-4.4.0-*.whl "$DUMP")
echo "a53f4648dec40467ebdcbc7a1307eddb51fe6e28e9309f6ebde81ba0d04bea2d  $TMP/$DUMP" | sha256sum -c --quiet
bunzip2 -c "$TMP/$DUMP" > "$TMP/enwiki.xml"
(cd "$ROOT" && cargo build --release --quiet)
BAMBOO="$ROOT/target/release/bamboo"
if [ "${1:-}" = "--full" ]; then
    mkdir -p "$2"
    "$BAMBOO" data wiki-text --input "$TMP/enwiki.xml" --output "$2/wiki.txt"
    exit 0
fi
"$BAMBOO" data wiki-text --input "$TMP/enwiki.xml" --output "$HERE/wiki.txt" --max-bytes 600000
# A few whole pages of the raw XML (a redirect, a disambiguation page, articles) for the parser tests.
python3 - "$TMP/enwiki.xml" "$HERE/enwiki-excerpt.xml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
head = s[: s.index("  <page>")]
keep = ["AccessibleComputing", "Alain Connes", "Animalia (book)", "Austin (disambiguation)", "Astronomer"]
pages = [p for p in re.findall(r"  <page>.*?</page>\n", s, re.S) if re.search(r"<title>(.*?)</title>", p).group(1) in keep]
open(sys.argv[2], "w", encoding="utf-8", newline="\n").write(head + "".join(pages) + "</mediawiki>\n")
PY
"$BAMBOO" data create-pretraining --input "$HERE/wiki.txt" --vocab "$ROOT/datasets/bert-vocab/vocab.txt" \
    --output "$HERE/pretraining" --max-seq-length 128 --max-predictions-per-seq 20 --masked-lm-prob 0.15 \
    --dupe-factor 1 --short-seq-prob 0.1 --seed 12345 --shards 2 --limit 400
