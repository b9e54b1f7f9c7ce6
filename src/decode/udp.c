/* udp.c: UDP (RFC 768): "SRC.SPORT > DST.DPORT: UDP, length N".  With -vv
 * over IPv4, and -v over IPv6 where the checksum is mandatory, the verdict
 * comes first: "[udp sum ok] ", "[bad udp cksum 0x.. -> 0x..!] " or
 * "[no cksum] ".  On the ports tcpdump hands to an application printer
 * (the table below) the line ends after the ports, where tcpdump's would
 * go on. */
#include "decode/dec.h"

/* Ports on which tcpdump 4.99 decodes an application protocol (from
 * either end), print-udp.c's dispatch, each with its protocol. */
static const unsigned app_ports[] = {
	53,            /* DNS, RFC 1035 */
	67, 68,        /* BOOTP/DHCP, RFC 2131 */
	69,            /* TFTP, RFC 1350 */
	88, 750,       /* Kerberos */
	123,           /* NTP, RFC 5905 */
	/* not NetBIOS 137/138: their printers need ENABLE_SMB, off by default
	 * in tcpdump 4.99, which then prints "UDP, length N" */
	161, 162,      /* SNMP */
	319, 320,      /* PTP */
	496,           /* Cisco Auto-RP */
	500, 4500,     /* ISAKMP, NAT-T */
	514,           /* syslog */
	520, 521,      /* RIP, RIPng */
	525,           /* timed */
	546, 547,      /* DHCPv6 */
	646,           /* LDP */
	654,           /* AODV */
	698,           /* OLSR */
	701,           /* LMP */
	921,           /* lwres */
	1645, 1646, 1700, 1812, 1813, 3799, /* RADIUS */
	1589,          /* VQP */
	1701,          /* L2TP */
	1985,          /* HSRP */
	2049,          /* NFS */
	2103, 2104,    /* Zephyr */
	2123, 2152, 3386, /* GTP */
	2427, 2727,    /* MGCP */
	3503,          /* LSP ping */
	4342,          /* LISP */
	4789,          /* VXLAN */
	4790,          /* VXLAN-GPE */
	5060,          /* SIP */
	5246, 5247,    /* CAPWAP */
	5353,          /* mDNS */
	5355,          /* LLMNR */
	5359,          /* AHCP */
	6081,          /* Geneve */
	6343,          /* sFlow */
	6635,          /* MPLS over UDP */
	6696, 6697,    /* Babel */
	7000, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7009, /* AFS RX */
	8231,          /* HNCP */
	8472,          /* OTV */
	12222, 12223,  /* LWAPP */
	17754,         /* ZEP */
	30490,         /* SOME/IP */
	49152,         /* BCM LI */
};
/* Destination-only ports (BFD control, echo, multihop, LAG; whiteboard). */
static const unsigned app_dports[] = { 3784, 3785, 4784, 6784, 7784, 4567 };

static int app_port(unsigned sport, unsigned dport)
{
	for (size_t i = 0; i < sizeof app_ports / sizeof app_ports[0]; i++)
		if (sport == app_ports[i] || dport == app_ports[i])
			return 1;
	for (size_t i = 0; i < sizeof app_dports / sizeof app_dports[0]; i++)
		if (dport == app_dports[i])
			return 1;
	return 0;
}

static void print_ends(struct dec_ctx *d, const struct dec_net *n, int sport, int dport)
{
	if (n->ports_only) {
		if (sport >= 0)
			dec_printf(d, "%d > %d: ", sport, dport);
		return;
	}
	dec_netaddr(d, n, n->src);
	if (sport >= 0)
		dec_printf(d, ".%d", sport);
	dec_printf(d, " > ");
	dec_netaddr(d, n, n->dst);
	if (dport >= 0)
		dec_printf(d, ".%d", dport);
	dec_printf(d, ": ");
}

static void print_cksum(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t ulen)
{
	uint16_t field = dec_be16(d, p + 6);
	if (!n->v6 && d->o.vflag > 1) {
		if (field == 0) {
			dec_printf(d, "[no cksum] ");
			return;
		}
		if (!dec_has(d, p, ulen))
			return;
		uint16_t sum = dec_cksum_ip4(n->iph, p, ulen, 17);
		if (sum != 0)
			dec_printf(d, "[bad udp cksum 0x%04x -> 0x%04x!] ", field, dec_shouldbe(field, sum));
		else
			dec_printf(d, "[udp sum ok] ");
	} else if (n->v6) {
		if (!dec_has(d, p, ulen))
			return;
		uint16_t sum = dec_cksum_ip6(n->src, n->dst, p, ulen, 17);
		if (sum != 0)
			dec_printf(d, "[bad udp cksum 0x%04x -> 0x%04x!] ", field, dec_shouldbe(field, sum));
		else
			dec_printf(d, "[udp sum ok] ");
	}
}

void dec_udp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_UDP);
	d->proto = "udp";
	if (!dec_has(d, p, 4)) {
		print_ends(d, n, -1, -1);
		dec_trunc_ret(d);
	}
	unsigned sport = dec_be16(d, p), dport = dec_be16(d, p + 2);
	if (!dec_has(d, p, 8)) {
		print_ends(d, n, (int)sport, (int)dport);
		dec_trunc_ret(d);
	}
	if (len < 8) {
		print_ends(d, n, (int)sport, (int)dport);
		dec_printf(d, "truncated-udp %zu", len);
		return;
	}
	size_t ulen = dec_be16(d, p + 4);
	if (ulen == 0 && len > 65535)
		ulen = len;
	if (ulen < 8) {
		print_ends(d, n, (int)sport, (int)dport);
		dec_printf(d, "truncated-udplength %zu", ulen);
		return;
	}
	ulen -= 8;
	len -= 8;
	if (ulen < len)
		len = ulen;
	print_ends(d, n, (int)sport, (int)dport);
	if (d->o.vflag && !d->o.no_cksum && !n->fragmented)
		print_cksum(d, n, p, len + 8);
	if (!d->o.qflag && app_port(sport, dport)) {
		dec_handoff(d, "udp-app"); /* tcpdump goes on into the application protocol */
		return;
	}
	if (ulen > len && !n->fragmented)
		dec_printf(d, "UDP, bad length %zu > %zu", ulen, len);
	else
		dec_printf(d, "UDP, length %zu", ulen);
}
