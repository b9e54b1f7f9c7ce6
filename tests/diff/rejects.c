/* rejects: bpfx refuses an expression as "expression rejects all packets"
 * exactly where libpcap 1.10.3's pcap_compile (optimizing) does, over the
 * pairs `A and B`, `A and not B` and `not A and not B` of the primitives
 * below on several link types: the expressions where one optimizer may
 * prove more than the other (src/opt/weak.c models libpcap's).
 * Single-bit relations (`ip[9] & 1 = 0 and ip[9] & 1 = 1`) and 802.11's
 * `X and not X` are among them.  Both refusing with different messages
 * (bpfx's deliberate refusals) counts as agreement; pairs bpfx refuses on
 * purpose, where libpcap's program has no defined result, are counted
 * apart. */
#include "bpfx.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const prims[] = {
	"ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6", "sctp", "igmp", "vlan", "vlan 10", "mpls", "mpls 5",
	"pppoes", "pppoed", "inbound", "outbound", "ip[0] < 0", "ip[2:2] < 100", "len < 0", "len > 100", "less 60",
	"greater 1000", "tcp port 80", "udp port 53", "port 80", "ip proto 6", "ip proto 17", "ether proto 0x800",
	"ether[12:2] = 0x800", "ether[12:2] = 0x8100", "host 10.0.0.1", "net 10.0.0.0/8", "ip broadcast",
	"ether broadcast", "ip multicast", "tcp[13] = 2", "tcp[13] = 18", "icmp[icmptype] = icmp-echo", "ip[9] = 6",
	"ip[9] = 17", "ip[9] > 10", "ip[9] >= 6", "atalk", "ipx", "stp", "iso", "decnet", "portrange 1-100",
	"ip6 proto 17", "1 = 2", "1 = 1", "link[0] = 1", "link[0] > 5", "ip[6:2] & 0x1fff = 0", "llc", "aarp",
	"clnp", "isis", "ip[1] = 0", "ip[1] != 0", "ip[9] & 1 = 0", "ip[9] & 1 = 1", "llc", "ether multicast",
};
static const int dlts[] = { 1, 0, 12, 113, 276, 9, 16, 104, 107, 7, 10, 6, 8, 123, 137, 105, 127 };

int main(void)
{
	size_t np = sizeof prims / sizeof prims[0];
	char e[256];
	long pairs = 0, agree = 0, fails = 0, deliberate = 0;
	for (size_t d = 0; d < sizeof dlts / sizeof dlts[0]; d++) {
		pcap_t *p = pcap_open_dead(dlts[d], 262144);
		for (size_t a = 0; a < np; a++)
			for (size_t b = 0; b < np; b++)
				for (int form = 0; form < 3; form++) {
					snprintf(e, sizeof e, form == 0 ? "%s and %s" : form == 1 ? "%s and not %s" : "not %s and not %s",
						 prims[a], prims[b]);
					struct bpf_program lp;
					int lok = pcap_compile(p, &lp, e, 1, 0) == 0;
					if (lok)
						pcap_freecode(&lp);
					else if (!strstr(pcap_geterr(p), "rejects all packets"))
						continue; /* libpcap refuses it for another reason */
					struct bpfx_options o;
					struct bpfx_program bp;
					struct bpfx_error err;
					bpfx_options_init(&o);
					o.linktype = dlts[d];
					int bok = bpfx_compile(e, &o, &bp, &err) == 0;
					if (bok)
						bpfx_program_free(&bp);
					else if (strstr(err.msg, "libpcap 1.10.3")) {
						deliberate++; /* a refusal bpfx(1) lists, naming libpcap's fault */
						continue;
					}
					pairs++;
					if (bok == lok) {
						agree++;
					} else if (++fails <= 20) {
						printf("FAIL %s '%s': libpcap %s, bpfx %s\n", pcap_datalink_val_to_name(dlts[d]), e,
						       lok ? "compiles it" : "rejects all packets", bok ? "compiles it" : err.msg);
					}
				}
		pcap_close(p);
	}
	printf("rejects: %ld expression/link-type pairs libpcap compiles or refuses as matching nothing: "
	       "bpfx agrees on %ld, differs on %ld; %ld more bpfx refuses on purpose (libpcap's program has no defined result)\n",
	       pairs, agree, fails, deliberate);
	return fails != 0;
}
