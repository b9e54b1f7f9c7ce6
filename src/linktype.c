/* linktype.c: the link types bpfx compiles for.  Offsets are those of the
 * link headers as libpcap documents them (pcap-linktype(7), LINKTYPE_*). */
#include "linktype.h"
#include "bpfx.h"
#include <pcap/dlt.h>
#include <strings.h>

static const struct linktype table[] = {
	{ .name = "EN10MB", .dlt = DLT_EN10MB, .kind = LT_ETHER, .off_nl = 14, .off_type = 12,
	  .descr = "Ethernet" },
	{ .name = "RAW", .dlt = DLT_RAW, .kind = LT_RAW, .off_nl = 0, .off_type = -1,
	  .descr = "Raw IP" },
	{ .name = "IPV4", .dlt = DLT_IPV4, .kind = LT_IPV4, .off_nl = 0, .off_type = -1,
	  .descr = "Raw IPv4" },
	{ .name = "IPV6", .dlt = DLT_IPV6, .kind = LT_IPV6, .off_nl = 0, .off_type = -1,
	  .descr = "Raw IPv6" },
	/* DLT_NULL: AF_ value in the capturing host's byte order */
	{ .name = "NULL", .dlt = DLT_NULL, .kind = LT_NULL, .off_nl = 4, .off_type = 0,
	  .descr = "BSD loopback" },
	/* DLT_LOOP: AF_ value in network byte order (OpenBSD) */
	{ .name = "LOOP", .dlt = DLT_LOOP, .kind = LT_LOOP, .off_nl = 4, .off_type = 0,
	  .descr = "OpenBSD loopback" },
	/* sll(7): packet type, ARPHRD, addr len, 8-byte addr, protocol */
	{ .name = "LINUX_SLL", .dlt = DLT_LINUX_SLL, .kind = LT_SLL, .off_nl = 16, .off_type = 14,
	  .descr = "Linux cooked v1" },
	/* SLL2: protocol, reserved, ifindex, ARPHRD, pkttype, addr len, addr */
	{ .name = "LINUX_SLL2", .dlt = DLT_LINUX_SLL2, .kind = LT_SLL2, .off_nl = 20, .off_type = 0,
	  .descr = "Linux cooked v2" },
};

const struct linktype *lt_all(int *n)
{
	*n = (int)(sizeof table / sizeof table[0]);
	return table;
}

const struct linktype *lt_by_dlt(int dlt)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].dlt == dlt)
			return &table[i];
	return 0;
}

const struct linktype *lt_by_name(const char *name)
{
	if (!strncasecmp(name, "DLT_", 4))
		name += 4;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (!strcasecmp(table[i].name, name))
			return &table[i];
	return 0;
}

int bpfx_linktype_from_name(const char *name)
{
	const struct linktype *lt = lt_by_name(name);
	return lt ? lt->dlt : -1;
}

const char *bpfx_linktype_name(int dlt)
{
	const struct linktype *lt = lt_by_dlt(dlt);
	return lt ? lt->name : 0;
}
