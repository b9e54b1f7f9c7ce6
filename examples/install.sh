#!/bin/sh
# install.sh: libbpfx as another program gets it.  `make install` into a
# staging directory (DESTDIR), then examples/count.c compiled against that
# install alone, with `pkg-config --cflags --libs bpfx` (the installed
# bpfx.pc with its prefix moved to the stage), and run through count.sh:
# `tcp port 80` and the others must match as many packets as tcpdump
# prints.
# make installcheck does the same against the real prefix; this runs in
# every make check, so a broken install shows before anyone installs.
: "${srcdir:=.}"
command -v tcpdump >/dev/null || { echo "tcpdump not found: skipped"; exit 77; }
command -v pkg-config >/dev/null || { echo "pkg-config not found: skipped"; exit 77; }
[ -f Makefile ] || { echo "no Makefile here (not run from the build tree): skipped"; exit 77; }
T=$(mktemp -d) || exit 99
trap 'rm -rf "$T"' EXIT
# a make of its own: not a child of the jobserver of the make check that runs us
if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "${MAKE:-make}" install DESTDIR="$T/stage" >"$T/install.log" 2>&1; then
	echo "FAIL: make install DESTDIR=$T/stage:"; tail -20 "$T/install.log"; exit 1
fi
pc=$(find "$T/stage" -name bpfx.pc)
hdr=$(find "$T/stage" -name bpfx.h)
[ -n "$pc" ] && [ -n "$hdr" ] || { echo "FAIL: make install put no bpfx.pc or no bpfx.h"; exit 1; }
# bpfx.pc names the configured prefix; a copy names the staged one
prefix=$(sed -n 's/^prefix=//p' "$pc")
mkdir "$T/pc" && sed "s|^prefix=.*|prefix=$T/stage$prefix|" "$pc" >"$T/pc/bpfx.pc" || exit 99
flags=$(PKG_CONFIG_PATH=$T/pc pkg-config --cflags --libs bpfx) ||
	{ echo "FAIL: pkg-config --cflags --libs bpfx"; exit 1; }
# the flags name the staged install, not the build tree
case "$flags" in *"$T/stage"*) ;; *) echo "FAIL: pkg-config says '$flags', not the install"; exit 1 ;; esac
echo "pkg-config --cflags --libs bpfx: $flags"
# the build's compiler and sanitizer flags (a sanitized libbpfx needs a
# sanitized program), as configure wrote them into the Makefile
cc=$(sed -n 's/^CC = //p' Makefile)
san=$(sed -n 's/^SAN_CFLAGS = //p' Makefile)
# shellcheck disable=SC2086
if ! ${cc:-cc} -Wall -Wextra -Werror $san -o "$T/count" "$srcdir/examples/count.c" $flags 2>"$T/cc.err"; then
	echo "FAIL: count.c against the install:"; cat "$T/cc.err"; exit 1
fi
# run against the staged shared library, not one installed elsewhere
libdir=$(dirname "$(dirname "$pc")")
LD_LIBRARY_PATH=$libdir COUNT=$T/count sh "$srcdir/examples/count.sh"
