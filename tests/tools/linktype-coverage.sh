#!/bin/sh
# linktype-coverage.sh [BPFX]: for every DLT 0..300, named by libpcap
# (pcap_datalink_val_to_name) or not, whether libpcap compiles `ip`, `len > 0`
# and `link[0] = 1` for it (pcap_open_dead + pcap_compile, optimized) and
# whether `bpfx compile -y NAME` does; prints the link types where the two
# differ and a count (issue #12's first measurement).  Needs a C compiler
# and libpcap's headers.  Not part of make check.
B=${1:-./bpfx}
T=$(mktemp -d "${TMPDIR:-/tmp}/lt-coverage.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
cat >"$T/m.c" <<'C'
#include <pcap/pcap.h>
#include <stdio.h>
int main(void)
{
	const char *ex[] = { "ip", "len > 0", "link[0] = 1" };
	for (int d = 0; d <= 300; d++) {
		const char *n = pcap_datalink_val_to_name(d);
		printf("%d %s %d", d, n ? n : "-", n != NULL);
		for (int i = 0; i < 3; i++) {
			pcap_t *p = pcap_open_dead(d, 262144);
			struct bpf_program pr;
			int ok = p && pcap_compile(p, &pr, ex[i], 1, PCAP_NETMASK_UNKNOWN) == 0;
			if (ok)
				pcap_freecode(&pr);
			printf(" %d", ok);
			if (p)
				pcap_close(p);
		}
		printf("\n");
	}
	return 0;
}
C
${CC:-cc} -o "$T/m" "$T/m.c" -lpcap || exit 99
"$T/m" >"$T/libpcap.txt" || exit 99
ndiff=0 n=0
while read -r d name named a b c; do
	n=$((n + 1))
	[ "$name" = - ] && name=$d # bpfx names unnamed ones by number
	r=
	for e in 'ip' 'len > 0' 'link[0] = 1'; do
		if "$B" compile -y "$name" "$e" >/dev/null 2>&1; then r="$r 1"; else r="$r 0"; fi
	done
	if [ "$r" != " $a $b $c" ]; then
		echo "DLT $d $name: libpcap $a $b $c, bpfx$r"
		ndiff=$((ndiff + 1))
	fi
done <"$T/libpcap.txt"
echo "$n DLT numbers (0..300); $ndiff where bpfx and libpcap differ on ip / len > 0 / link[0] = 1"
