/* ppp.c: PPP protocol field values (RFC 1661; IANA "PPP DLL Protocol
 * Numbers"), the field PPP links and PPPoE sessions carry, with tcpdump's
 * names (its ppptype2str); libpcap compares the ethertypes it has no PPP
 * number for (ARP, RARP, PPPoE) as they are, which explain says. */
#include "proto/proto.h"

static const struct proto_row ppp_rows[] = {
	/* value, flags, { tcpdump, dissect, explain } */
	{ 0x0021, 0, { "IP", "IPv4", "IPv4" } },
	{ 0x0023, 0, { "OSI", NULL, "OSI" } },
	{ 0x0025, 0, { "NS", NULL, "XNS" } },
	{ 0x0027, 0, { "DECNET", NULL, "DECnet" } },
	{ 0x0029, 0, { "APPLE", NULL, "AppleTalk" } },
	{ 0x002b, 0, { "IPX", NULL, "IPX" } },
	{ 0x0031, 0, { "BRPDU", NULL, "bridging PDU" } },
	{ 0x0057, 0, { "IP6", "IPv6", "IPv6" } },
	{ 0x0281, 0, { "MPLS", NULL, "MPLS unicast" } },
	{ 0x0283, 0, { "MPLS", NULL, "MPLS multicast" } },
	{ 0x0806, 0, { NULL, NULL, "ARP (an ethertype: no PPP number)" } },
	{ 0x8021, 0, { "IPCP", "IPCP", "IPCP" } },      /* RFC 1332 */
	{ 0x8035, 0, { "VINESCP", NULL, "RARP (an ethertype: no PPP number)" } },
	{ 0x8057, 0, { "IP6CP", "IPv6CP", "IPv6CP" } },  /* RFC 5072 */
	{ 0x8864, 0, { NULL, NULL, "PPPoE session (an ethertype: no PPP number)" } },
	{ 0xc021, 0, { "LCP", "LCP", "LCP" } },        /* RFC 1661 */
	{ 0xc023, 0, { "PAP", "PAP", "PAP" } },        /* RFC 1334 */
	{ 0xc223, 0, { "CHAP", "CHAP", "CHAP" } },      /* RFC 1994 */
	/* names tcpdump alone has (the other columns NULL): network protocols */
	{ 0x002d, 0, { "VJC IP" } }, { 0x002f, 0, { "VJNC IP" } }, { 0x0033, 0, { "STII" } },
	{ 0x0035, 0, { "VINES" } }, { 0x003d, 0, { "MLPPP" } }, { 0x00fd, 0, { "Compressed" } },
	{ 0x0201, 0, { "HELLO" } }, { 0x0231, 0, { "LUXCOM" } }, { 0x0233, 0, { "SNS" } },
	/* their control protocols */
	{ 0x8023, 0, { "OSICP" } }, { 0x8025, 0, { "NSCP" } }, { 0x8027, 0, { "DECNETCP" } },
	{ 0x8029, 0, { "APPLECP" } }, { 0x802b, 0, { "IPXCP" } }, { 0x8033, 0, { "STIICP" } },
	{ 0x80fd, 0, { "CCP" } }, { 0x8281, 0, { "MPLSCP" } },
	/* link control, authentication and quality */
	{ 0xc025, 0, { "LQM" } }, { 0xc027, 0, { "SPAP" } }, { 0xc02b, 0, { "BACP" } },
	{ 0xc02d, 0, { "BAP" } }, { 0xc03d, 0, { "MLPPP-CP" } }, { 0xc123, 0, { "Old-SPAP" } },
	{ 0xc227, 0, { "EAP" } },
};
const struct proto_table proto_ppp = PROTO_TABLE(ppp_rows);
