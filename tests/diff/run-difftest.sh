#!/bin/sh
# The compiler's differential test against libpcap; ../shared/corpus is an
# extra packet source beside the source tree, used when present.
srcdir=${srcdir:-.}
exec tests/diff/difftest "$srcdir/tests/diff/exprs.txt" "$srcdir/tests/diff/invalid.txt" "$srcdir/../shared/corpus"
