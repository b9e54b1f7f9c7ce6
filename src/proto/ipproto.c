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

/* The protocol names tcpdump prints without -n for a protocol it shows
 * only by number (" NAME LEN", a later fragment's " NAME"): its own
 * IANA-derived list (netdb_protoname), not the system's protocols
 * database (which names 0 "ip", where tcpdump says "hopopt"). */
const char *const proto_ipproto_netdb[256] = {
	[0] = "hopopt", [1] = "icmp", [2] = "igmp", [3] = "ggp", [4] = "ipencap", [5] = "st", [6] = "tcp",
	[7] = "cbt", [8] = "egp", [9] = "igp", [10] = "bbn-rcc-mon", [11] = "nvp-ii", [12] = "pup",
	[13] = "argus", [14] = "emcon", [15] = "xnet", [16] = "chaos", [17] = "udp", [18] = "mux",
	[19] = "dcn-meas", [20] = "hmp", [21] = "prm", [22] = "xns-idp", [23] = "trunk-1",
	[24] = "trunk-2", [25] = "leaf-1", [26] = "leaf-2", [27] = "rdp", [28] = "irtp", [29] = "iso-tp4",
	[30] = "netblt", [31] = "mfe-nsp", [32] = "merit-inp", [33] = "dccp", [34] = "3pc", [35] = "idpr",
	[36] = "xtp", [37] = "ddp", [38] = "idpr-cmtp", [39] = "tp++", [40] = "il", [41] = "ipv6",
	[42] = "sdrp", [43] = "ipv6-route", [44] = "ipv6-frag", [45] = "idrp", [46] = "rsvp",
	[47] = "gre", [48] = "dsr", [49] = "bna", [50] = "esp", [51] = "ah", [52] = "i-nlsp",
	[53] = "swipe", [54] = "narp", [55] = "mobile", [56] = "tlsp", [57] = "skip", [58] = "ipv6-icmp",
	[59] = "ipv6-nonxt", [60] = "ipv6-opts", [62] = "cftp", [64] = "sat-expak", [65] = "kryptolan",
	[66] = "rvd", [67] = "ippc", [69] = "sat-mon", [70] = "visa", [71] = "ipcv", [72] = "cpnx",
	[73] = "rspf", [74] = "wsn", [75] = "pvp", [76] = "br-sat-mon", [77] = "sun-nd", [78] = "wb-mon",
	[79] = "wb-expak", [80] = "iso-ip", [81] = "vmtp", [82] = "secure-vmtp", [83] = "vines",
	[84] = "ttp", [85] = "nsfnet-igp", [86] = "dgp", [87] = "tcf", [88] = "eigrp", [89] = "ospf",
	[90] = "sprite-rpc", [91] = "larp", [92] = "mtp", [93] = "ax.25", [94] = "ipip", [95] = "micp",
	[96] = "scc-sp", [97] = "etherip", [98] = "encap", [100] = "gmtp", [101] = "ifmp", [102] = "pnni",
	[103] = "pim", [104] = "aris", [105] = "scps", [106] = "qnx", [107] = "a/n", [108] = "ipcomp",
	[109] = "snp", [110] = "compaq-peer", [111] = "ipx-in-ip", [112] = "vrrp", [113] = "pgm",
	[115] = "l2tp", [116] = "ddx", [117] = "iatp", [118] = "stp", [119] = "srp", [120] = "uti",
	[121] = "smp", [122] = "sm", [123] = "ptp", [124] = "isis", [125] = "fire", [126] = "crtp",
	[127] = "crudp", [128] = "sscopmce", [129] = "iplt", [130] = "sps", [131] = "pipe",
	[132] = "sctp", [133] = "fc", [134] = "rsvp-e2e-ignore", [135] = "mobility-header",
	[136] = "udplite", [137] = "mpls-in-ip", [138] = "manet", [139] = "hip", [140] = "shim6",
	[141] = "wesp", [142] = "rohc", [253] = "exptest-253", [254] = "exptest-254", [255] = "reserved",
};
