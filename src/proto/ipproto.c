/* ipproto.c: IP protocol numbers (IANA "Assigned Internet Protocol
 * Numbers"), the IPv4 protocol field and the IPv6 next header.  The
 * tcpdump column is ipproto.c's; the mark column names tcpdump's
 * truncation marker; PROTO_F_PRINTED marks the protocols tcpdump's
 * ip_demux goes on to decode (the rest print " ip-proto-N LEN"). */
#include "proto/proto.h"

static const struct proto_row ipproto_rows[] = {
	/* value, flags, { tcpdump, dissect, explain, pcap, mark } */
	{ 0, 0, { "Options", "IPv6 hop-by-hop options", "IPv6 hop-by-hop options" } }, /* IPv6 hop-by-hop, RFC 8200 */
	{ 1, PROTO_F_PRINTED, { "ICMP", "ICMP", "ICMP", NULL, "icmp" } }, /* RFC 792 */
	{ 2, PROTO_F_PRINTED, { "IGMP", "IGMP", "IGMP", NULL, "igmp" } }, /* RFC 1112 */
	{ 4, PROTO_F_PRINTED, { "IPIP", "IPv4 in IP", "IPv4-in-IP", NULL, "ip" } }, /* RFC 2003 */
	{ 6, PROTO_F_PRINTED, { "TCP", "TCP", "TCP" } }, /* RFC 793 */
	{ 8, PROTO_F_PRINTED, { "EGP" } },
	{ 9, PROTO_F_PRINTED, { "IGRP", NULL, "IGRP" } },
	{ 17, PROTO_F_PRINTED, { "UDP", "UDP", "UDP" } }, /* RFC 768 */
	{ 33, PROTO_F_PRINTED, { "DCCP", NULL, NULL, NULL, "dccp" } }, /* RFC 4340 */
	{ 41, PROTO_F_PRINTED, { "IPv6", "IPv6 in IP", "IPv6-in-IP", NULL, "ip6" } }, /* RFC 2473 */
	{ 43, 0, { "Routing", "IPv6 routing header", "IPv6 routing header" } }, /* RFC 8200 */
	{ 44, 0, { "Fragment", "IPv6 fragment header", "IPv6 fragment header" } }, /* RFC 8200 */
	{ 46, PROTO_F_PRINTED, { "RSVP", NULL, NULL, NULL, "rsvp" } },
	{ 47, PROTO_F_PRINTED, { "GRE", "GRE", "GRE", NULL, "gre" } }, /* RFC 2784 */
	{ 50, PROTO_F_PRINTED, { "ESP", "ESP", "ESP", NULL, "esp" } }, /* RFC 4303 */
	{ 51, PROTO_F_PRINTED, { "AH", "AH", "AH", NULL, "ah" } }, /* RFC 4302 */
	{ 55, PROTO_F_PRINTED, { "Mobile IP" } },
	{ 58, PROTO_F_PRINTED, { "ICMPv6", "ICMPv6", "ICMPv6" } }, /* RFC 4443 */
	{ 59, 0, { NULL, "no next header", "no next header" } }, /* RFC 8200 4.7 */
	{ 60, 0, { NULL, "IPv6 destination options", "IPv6 destination options" } }, /* RFC 8200 4.6 */
	{ 62, 0, { "Mobile IP (old)" } },
	{ 77, PROTO_F_PRINTED, {  } },
	{ 88, PROTO_F_PRINTED, { "EIGRP", NULL, NULL, NULL, "eigrp" } },
	{ 89, PROTO_F_PRINTED, { "OSPF", NULL, NULL, NULL, "ospf" } },
	{ 103, PROTO_F_PRINTED, { "PIM", "PIM", "PIM", NULL, "pim" } }, /* RFC 7761 */
	{ 108, PROTO_F_PRINTED, { "Compressed IP", NULL, "IPcomp" } }, /* RFC 3173 */
	{ 112, PROTO_F_PRINTED, { "VRRP", "VRRP", "VRRP/CARP", NULL, "vrrp" } }, /* RFC 5798 */
	{ 113, PROTO_F_PRINTED, { "PGM" } },
	{ 132, PROTO_F_PRINTED, { "SCTP", "SCTP", "SCTP", NULL, "sctp" } }, /* RFC 4960 */
	{ 135, 0, { "Mobility" } }, /* RFC 6275; decoded over IPv6 only (ip6.c) */
	{ 143, PROTO_F_PRINTED, { "Ethernet" } }, /* RFC 8986 */
};
const struct proto_table proto_ipprotos = PROTO_TABLE(ipproto_rows);
