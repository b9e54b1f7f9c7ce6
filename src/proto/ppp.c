/* ppp.c: PPP protocol field values (RFC 1661; IANA "PPP DLL Protocol
 * Numbers"), the field PPPoE sessions carry.  tcpdump's names for the two
 * the decoder goes on into; libpcap compares the ethertypes it has no PPP
 * number for (ARP, RARP, PPPoE) as they are, which explain says. */
#include "proto/proto.h"

static const struct proto_row ppp_rows[] = {
	/* value, flags, { tcpdump, dissect, explain } */
	{ 0x0021, 0, { "IP", "IPv4", "IPv4" } },
	{ 0x0023, 0, { NULL, NULL, "OSI" } },
	{ 0x0025, 0, { NULL, NULL, "XNS" } },
	{ 0x0027, 0, { NULL, NULL, "DECnet" } },
	{ 0x0029, 0, { NULL, NULL, "AppleTalk" } },
	{ 0x002b, 0, { NULL, NULL, "IPX" } },
	{ 0x0031, 0, { NULL, NULL, "bridging PDU" } },
	{ 0x0057, 0, { "IP6", "IPv6", "IPv6" } },
	{ 0x0281, 0, { NULL, NULL, "MPLS unicast" } },
	{ 0x0283, 0, { NULL, NULL, "MPLS multicast" } },
	{ 0x0806, 0, { NULL, NULL, "ARP (an ethertype: no PPP number)" } },
	{ 0x8021, 0, { NULL, "IPCP", "IPCP" } },      /* RFC 1332 */
	{ 0x8035, 0, { NULL, NULL, "RARP (an ethertype: no PPP number)" } },
	{ 0x8057, 0, { NULL, "IPv6CP", "IPv6CP" } },  /* RFC 5072 */
	{ 0x8864, 0, { NULL, NULL, "PPPoE session (an ethertype: no PPP number)" } },
	{ 0xc021, 0, { NULL, "LCP", "LCP" } },        /* RFC 1661 */
	{ 0xc023, 0, { NULL, "PAP", "PAP" } },        /* RFC 1334 */
	{ 0xc223, 0, { NULL, "CHAP", "CHAP" } },      /* RFC 1994 */
};
const struct proto_table proto_ppp = PROTO_TABLE(ppp_rows);
