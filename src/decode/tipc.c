/* tipc.c: TIPC (Transparent Inter-Process Communication, ethertype
 * 0x88ca) as tcpdump 4.99 prints it: by the user field of the first
 * word, a data message ("TIPC v2.0 1.1.10:1234 > 5678, headerlength ...")
 * with -v its previous node and acks, an internal (link level) message with
 * -v its gaps, fragments and sequence numbers, or a neighbour detection
 * message with -v its signature and ids.  Fields are read as tcpdump reads
 * them, so a message cut short ends where its reads stop, " [|tipc]". */
#include "decode/dec.h"

enum { USER_BCAST = 5, USER_BUNDLER = 6, USER_LINK = 7, USER_CONN = 8, USER_CHANGEOVER = 10, USER_NAMES = 11,
       USER_FRAGMENTER = 12, USER_LINK_CONFIG = 13 };

static const struct dec_tok tipc_users[] = {
	{ 0, "Low Importance Data payload" }, { 1, "Medium Importance Data payload" },
	{ 2, "High Importance Data payload" }, { 3, "Critical Importance Data payload" },
	{ USER_BCAST, "Broadcast Link Protocol internal" }, { USER_BUNDLER, "Message Bundler Protocol internal" },
	{ USER_LINK, "Link State Protocol internal" }, { USER_CONN, "Connection Manager internal" },
	{ USER_CHANGEOVER, "Link Changeover Protocol internal" }, { USER_NAMES, "Name Table Update Protocol internal" },
	{ USER_FRAGMENTER, "Message Fragmentation Protocol internal" },
	{ USER_LINK_CONFIG, "Neighbor Detection Protocol internal" }, { 0, NULL },
};
/* tcpdump's names, 1 and 3 swapped as it has them */
static const struct dec_tok tipc_mtypes[] = {
	{ 0, "CONN_MSG" }, { 1, "MCAST_MSG" }, { 2, "NAMED_MSG" }, { 3, "DIRECT_MSG" }, { 0, NULL },
};
static const struct dec_tok tipc_linkconf_mtypes[] = { { 0, "Link request" }, { 1, "Link response" }, { 0, NULL } };

/* word i of the header */
static uint32_t word(struct dec_ctx *d, const uint8_t *p, unsigned i)
{
	return dec_be32(d, p + 4 * i);
}

/* "Z.C.N": zone, cluster and node of a TIPC address */
static void addr(struct dec_ctx *d, uint32_t a)
{
	dec_printf(d, "%u.%u.%u", a >> 24, (a >> 12) & 0xfff, a & 0xfff);
}

/* "headerlength H bytes, MessageSize M bytes, USER, messageType T" */
static void sizes(struct dec_ctx *d, uint32_t w0, const char *mtype)
{
	dec_printf(d, ", headerlength %u bytes, MessageSize %u bytes, %s, messageType %s", ((w0 >> 21) & 0xf) * 4,
		   w0 & 0x1ffff, dec_tok(tipc_users, (w0 >> 25) & 0xf, "unknown"), mtype);
}

static void payload(struct dec_ctx *d, const uint8_t *p)
{
	uint32_t w0 = word(d, p, 0), w1 = word(d, p, 1), prev = word(d, p, 3);
	uint32_t oport = word(d, p, 4), dport = word(d, p, 5);
	const char *mtype = dec_tok(tipc_mtypes, w1 >> 29, "Unknown");
	if (((w0 >> 21) & 0xf) <= 6) { /* no node addresses */
		dec_printf(d, "TIPC v%u.0 ", w0 >> 29);
		addr(d, prev);
		dec_printf(d, ":%u > %u", oport, dport);
		sizes(d, w0, mtype);
		return;
	}
	uint32_t onode = word(d, p, 6), dnode = word(d, p, 7);
	dec_printf(d, "TIPC v%u.0 ", w0 >> 29);
	addr(d, onode);
	dec_printf(d, ":%u > ", oport);
	addr(d, dnode);
	dec_printf(d, ":%u", dport);
	sizes(d, w0, mtype);
	if (!d->o.vflag)
		return;
	uint32_t w2 = word(d, p, 2);
	dec_printf(d, "\n\tPrevious Node ");
	addr(d, prev);
	dec_printf(d, ", Broadcast Ack %u, Link Ack %u, Link Sequence %u", w1 & 0xffff, w2 >> 16, w2 & 0xffff);
}

/* The line of the link level messages: "TIPC v2.0 FROM > TO, headerlength ..." */
static void link_line(struct dec_ctx *d, uint32_t w0, uint32_t from, uint32_t to, const char *mtype)
{
	dec_printf(d, "TIPC v%u.0 ", w0 >> 29);
	addr(d, from);
	dec_printf(d, " > ");
	addr(d, to);
	sizes(d, w0, mtype);
}

static void internal(struct dec_ctx *d, const uint8_t *p)
{
	uint32_t w0 = word(d, p, 0), w1 = word(d, p, 1), onode = word(d, p, 6), dnode = word(d, p, 7);
	link_line(d, w0, onode, dnode, dec_tok(tipc_mtypes, w1 >> 29, "Unknown"));
	dec_printf(d, " (0x%08x)", w1);
	if (!d->o.vflag)
		return;
	uint32_t w2 = word(d, p, 2), prev = word(d, p, 3), w4 = word(d, p, 4), w5 = word(d, p, 5);
	uint32_t seq = word(d, p, 8), w9 = word(d, p, 9);
	dec_printf(d, "\n\tPrevious Node ");
	addr(d, prev);
	dec_printf(d, ", Session No. %u, Broadcast Ack %u, Sequence Gap %u,  Broadcast Gap After %u, Broadcast Gap To %u, "
		   "Last Sent Packet No. %u, Next sent Packet No. %u, Transport Sequence %u, msg_count %u, Link Tolerance %u",
		   w5 >> 16, w1 & 0xffff, (w1 >> 16) & 0x1fff, w2 >> 16, w2 & 0xffff, w4 >> 16, w4 & 0xffff, seq, w9 >> 16,
		   w9 & 0xffff);
}

static void link_conf(struct dec_ctx *d, const uint8_t *p)
{
	uint32_t w0 = word(d, p, 0), w1 = word(d, p, 1), domain = word(d, p, 2), prev = word(d, p, 3);
	link_line(d, w0, prev, domain, dec_tok(tipc_linkconf_mtypes, w1 >> 29, "Unknown"));
	if (!d->o.vflag)
		return;
	uint32_t net = word(d, p, 4), w5 = word(d, p, 5);
	dec_printf(d, "\n\tNodeSignature %u, network_id %u, media_id %u", w1 & 0xffff, net, w5 & 0xff);
}

void dec_tipc(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	(void)len;
	d->proto = "tipc";
	unsigned user = (word(d, p, 0) >> 25) & 0xf;
	if (user <= 3 || user == USER_NAMES || user == USER_CONN)
		payload(d, p);
	else if (user == USER_LINK_CONFIG)
		link_conf(d, p);
	else if (user == USER_BCAST || user == USER_BUNDLER || user == USER_LINK || user == USER_CHANGEOVER ||
		 user == USER_FRAGMENTER)
		internal(d, p);
}
