/* option.c: IPv4 options (RFC 791 3.1, IANA "IP Option Numbers") and
 * TCP option kinds (IANA "TCP Option Kind Numbers"). */
#include "proto/proto.h"

static const struct proto_row ipopt_rows[] = {
	/* value, flags, { tcpdump, dissect } */
	{ 0, 0, { "EOL", "end of options (EOL)" } },
	{ 1, 0, { "NOP", "no operation (NOP)" } },
	{ 7, 0, { "RR", "record route (RR)" } },
	{ 68, 0, { "timestamp", "timestamp (TS)" } },
	{ 82, 0, { "traceroute" } },
	{ 130, 0, { "security", "security" } }, /* RFC 1108 */
	{ 131, 0, { "LSRR", "loose source route (LSRR)" } },
	{ 137, 0, { "SSRR", "strict source route (SSRR)" } },
	{ 148, 0, { "RA", "router alert (RA)" } }, /* RFC 2113 */
};
const struct proto_table proto_ipopts = PROTO_TABLE(ipopt_rows);

static const struct proto_row tcpopt_rows[] = {
	/* value, flags, { tcpdump, dissect } */
	{ 0, 0, { "eol", "end of options (EOL)" } }, /* RFC 9293 */
	{ 1, 0, { "nop", "no operation (NOP), padding" } }, /* RFC 9293 */
	{ 2, 0, { "mss", "maximum segment size (mss)" } }, /* RFC 9293 */
	{ 3, 0, { "wscale", "window scale (wscale)" } }, /* RFC 7323 */
	{ 4, 0, { "sackOK", "SACK permitted (sackOK)" } }, /* RFC 2018 */
	{ 5, 0, { "sack", "selective ACK (sack)" } }, /* RFC 2018 */
	{ 6, 0, { "echo" } }, /* RFC 1072 */
	{ 7, 0, { "echoreply" } }, /* RFC 1072 */
	{ 8, 0, { "TS", "timestamps (TS)" } }, /* RFC 7323 */
	{ 11, 0, { "cc" } }, /* RFC 1644 */
	{ 12, 0, { "ccnew" } }, /* RFC 1644 */
	{ 13, 0, { "ccecho" } }, /* RFC 1644 */
	{ 19, 0, { "md5", "MD5 signature" } }, /* RFC 2385 */
	{ 20, 0, { "scps" } },
	{ 28, 0, { "uto", "user timeout (UTO)" } }, /* RFC 5482 */
	{ 29, 0, { "tcp-ao", "authentication (TCP-AO)" } }, /* RFC 5925 */
	{ 30, 0, { "mptcp", "multipath TCP (MPTCP)" } }, /* RFC 8684 */
	{ 34, 0, { "tfo", "fast open cookie (TFO)" } }, /* RFC 7413 */
	{ 254, 0, { "exp" } }, /* RFC 4727 */
};
const struct proto_table proto_tcpopts = PROTO_TABLE(tcpopt_rows);
