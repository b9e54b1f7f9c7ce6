/* port.c: well-known ports: the IANA service names `dissect` prints
 * beside a port, and the ports on which tcpdump 4.99 decodes an
 * application protocol over UDP (print-udp.c's dispatch), from either
 * end (PROTO_F_UDP) or as destination only (PROTO_F_UDP_DST). */
#include "proto/proto.h"

#define U PROTO_F_UDP
#define UD PROTO_F_UDP_DST

static const struct proto_row port_rows[] = {
	/* value, flags, { tcpdump, dissect } */
	{ 22, 0, { NULL, "ssh" } },
	{ 25, 0, { NULL, "smtp" } },
	{ 53, U, { NULL, "domain, DNS" } },  /* DNS, RFC 1035 */
	{ 67, U, { NULL } }, { 68, U, { NULL } }, /* BOOTP/DHCP, RFC 2131 */
	{ 69, U, { NULL } },                 /* TFTP, RFC 1350 */
	{ 80, 0, { NULL, "http" } },
	{ 88, U, { NULL } }, { 750, U, { NULL } }, /* Kerberos */
	{ 123, U, { NULL, "ntp" } },         /* NTP, RFC 5905 */
	/* not NetBIOS 137/138: their printers need ENABLE_SMB, off by default
	 * in tcpdump 4.99, which then prints "UDP, length N" */
	{ 161, U, { NULL } }, { 162, U, { NULL } }, /* SNMP */
	{ 319, U, { NULL } }, { 320, U, { NULL } }, /* PTP */
	{ 443, 0, { NULL, "https" } },
	{ 496, U, { NULL } },                /* Cisco Auto-RP */
	{ 500, U, { NULL } }, { 4500, U, { NULL } }, /* ISAKMP, NAT-T */
	{ 514, U, { NULL } },                /* syslog */
	{ 520, U, { NULL } }, { 521, U, { NULL } }, /* RIP, RIPng */
	{ 525, U, { NULL } },                /* timed */
	{ 546, U, { NULL } }, { 547, U, { NULL } }, /* DHCPv6 */
	{ 646, U, { NULL } },                /* LDP */
	{ 654, U, { NULL } },                /* AODV */
	{ 698, U, { NULL } },                /* OLSR */
	{ 701, U, { NULL } },                /* LMP */
	{ 921, U, { NULL } },                /* lwres */
	{ 1645, U, { NULL } }, { 1646, U, { NULL } }, { 1700, U, { NULL } }, /* RADIUS */
	{ 1812, U, { NULL } }, { 1813, U, { NULL } }, { 3799, U, { NULL } }, /* RADIUS */
	{ 1589, U, { NULL } },               /* VQP */
	{ 1701, U, { NULL } },               /* L2TP */
	{ 1985, U, { NULL } },               /* HSRP */
	{ 2049, U, { NULL } },               /* NFS */
	{ 2103, U, { NULL } }, { 2104, U, { NULL } }, /* Zephyr */
	{ 2123, U, { NULL } }, { 2152, U, { NULL } }, { 3386, U, { NULL } }, /* GTP */
	{ 2427, U, { NULL } }, { 2727, U, { NULL } }, /* MGCP */
	{ 3503, U, { NULL } },               /* LSP ping */
	{ 3784, UD, { NULL } }, { 3785, UD, { NULL } }, { 4784, UD, { NULL } }, /* BFD */
	{ 6784, UD, { NULL } }, { 7784, UD, { NULL } }, /* BFD */
	{ 4342, U, { NULL } },               /* LISP */
	{ 4567, UD, { NULL } },              /* whiteboard */
	{ 4789, U, { NULL } },               /* VXLAN */
	{ 4790, U, { NULL } },               /* VXLAN-GPE */
	{ 5060, U, { NULL } },               /* SIP */
	{ 5246, U, { NULL } }, { 5247, U, { NULL } }, /* CAPWAP */
	{ 5353, U, { NULL, "mdns" } },       /* mDNS */
	{ 5355, U, { NULL } },               /* LLMNR */
	{ 5359, U, { NULL } },               /* AHCP */
	{ 6081, U, { NULL } },               /* Geneve */
	{ 6343, U, { NULL } },               /* sFlow */
	{ PROTO_PORT_RESP, 0, { NULL, "redis" } },
	{ 6635, U, { NULL } },               /* MPLS over UDP */
	{ 6696, U, { NULL } }, { 6697, U, { NULL } }, /* Babel */
	{ 7000, U, { NULL } }, { 7001, U, { NULL } }, { 7002, U, { NULL } }, /* AFS RX */
	{ 7003, U, { NULL } }, { 7004, U, { NULL } }, { 7005, U, { NULL } }, /* AFS RX */
	{ 7006, U, { NULL } }, { 7007, U, { NULL } }, { 7008, U, { NULL } }, /* AFS RX */
	{ 7009, U, { NULL } },               /* AFS RX */
	{ 8080, 0, { NULL, "http-alt" } },
	{ 8231, U, { NULL } },               /* HNCP */
	{ 8472, U, { NULL } },               /* OTV */
	{ 12222, U, { NULL } }, { 12223, U, { NULL } }, /* LWAPP */
	{ 17754, U, { NULL } },              /* ZEP */
	{ 30490, U, { NULL } },              /* SOME/IP */
	{ 49152, U, { NULL } },              /* BCM LI */
};
const struct proto_table proto_ports = PROTO_TABLE(port_rows);
