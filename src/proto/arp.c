/* arp.c: ARP operations (RFC 826, RFC 903 for RARP, RFC 2390 for
 * InARP), as tcpdump, dissect and explain name them. */
#include "proto/proto.h"

static const struct proto_row arp_rows[] = {
	/* value, flags, { tcpdump, dissect, explain } */
	{ 0, 0, { NULL, "?" } },
	{ 1, 0, { "Request", "request", "ARP request" } },
	{ 2, 0, { "Reply", "reply", "ARP reply" } },
	{ 3, 0, { "Reverse Request", "RARP request", "RARP request" } },
	{ 4, 0, { "Reverse Reply", "RARP reply", "RARP reply" } },
	{ 8, 0, { "Inverse Request" } },
	{ 9, 0, { "Inverse Reply" } },
	{ 10, 0, { "NACK Reply" } },
};
const struct proto_table proto_arp_ops = PROTO_TABLE(arp_rows);
