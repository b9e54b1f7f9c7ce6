#!/bin/sh
# optsize.sh: program sizes against libpcap's optimizer, over the
# expression list, for each link type bpfx compiles (bench/optsize).  Fails
# if bpfx --loose's total is over libpcap's or any --loose program is more
# than 10% longer than libpcap's; the exact default's figures are printed
# beside them (it keeps loads libpcap drops, see src/opt/loose.c).
srcdir=${srcdir:-.}
status=0
for lt in EN10MB RAW IPV4 IPV6 NULL LOOP LINUX_SLL LINUX_SLL2; do
	bench/optsize "$srcdir/tests/diff/exprs.txt" "$lt" || status=1
done
exit $status
