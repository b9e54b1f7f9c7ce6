#!/bin/sh
# html.sh: the --html pages of `bpfx explain` and `bpfx dissect`, rendered
# in headless Chromium and checked from the rendered DOM (check.py says
# what is checked).  Skips (77) without /usr/bin/chromium (Debian package
# chromium).  Two screenshots and their pages are left in tests/html/shots/
# of the build tree for a person to look at.
: "${srcdir:=.}"
[ -x ./bpfx ] || { echo "no ./bpfx"; exit 99; }
[ -x /usr/bin/python3 ] || { echo "SKIP: /usr/bin/python3 is not installed"; exit 77; }
[ -x /usr/bin/chromium ] || { echo "SKIP: /usr/bin/chromium is not installed (Debian package chromium)"; exit 77; }
exec /usr/bin/python3 "$srcdir/tests/html/check.py" ./bpfx "$srcdir" tests/html/shots
