#!/bin/sh
# compare.sh: decprint against tcpdump 4.99 over examples/, synthesized
# captures and ../shared/corpus (see compare.py for the counts and the
# pass criteria).  Skips (77) without tcpdump or python3.
srcdir=${srcdir:-$(dirname "$0")/../..}
command -v tcpdump >/dev/null 2>&1 || { echo "compare: tcpdump not found, skipping"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "compare: python3 not found, skipping"; exit 77; }
exec python3 "$srcdir/tests/decode/compare.py" "${DECPRINT:-./tests/decode/decprint}" "$srcdir" .
