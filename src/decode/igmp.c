/* igmp.c: IGMP (RFC 1112 v1, RFC 2236 v2, RFC 3376 v3), as tcpdump 4.99
 * prints it after "SRC > DST: ":
 *
 *   igmp query v1|v2[ [max resp time N]][ [gaddr G]][ [len L]]
 *   igmp query v3[ [max resp time T]][ [gaddr G[ { S... }|, N source(s)]]]
 *   igmp v1 report G / igmp v2 report G / igmp leave G
 *   igmp v3 report, N group record(s)[ [gaddr G TYPE{ S... }|, N source(s)]]...
 *   mtrace|mresp QID: SRC to DST reply-to R[ with-ttl T]
 *   igmp pimv1 TYPE ... (pim.c), igmp dvmrp ... (dvmrp.c), igmp-TYPE
 *
 * A query of 12 bytes or more is version 3 (RFC 3376 7.1).  -v adds the
 * group records of a report and a bad checksum; -vv the sources.  -q
 * prints only "igmp". */
#include "decode/dec.h"

#define IGMP_QUERY 0x11
#define IGMP_V1_REPORT 0x12
#define IGMP_DVMRP 0x13
#define IGMP_PIMV1 0x14
#define IGMP_V2_REPORT 0x16
#define IGMP_LEAVE 0x17
#define IGMP_MTRACE_RESP 0x1e
#define IGMP_MTRACE 0x1f
#define IGMP_V3_REPORT 0x22
#define IGMP_MRC_DEFAULT 100 /* 10 s, which tcpdump leaves unsaid */

static void addr(struct dec_ctx *d, const char *pre, const uint8_t *p)
{
	dec_need(d, p, 4); /* before pre: tcpdump formats the address first */
	dec_printf(d, "%s", pre);
	dec_ip4addr(d, p);
}

static const struct dec_mcast igmp_v3 = { 4, addr, " [v3-report-#%u]" };

/* Max resp code (RFC 3376 4.1.1): below 128 tenths of a second, above a
 * floating-point form. */
static void query_v3(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_printf(d, " v3");
	if (len < 12 || (len & 3)) {
		dec_printf(d, " [invalid len %zu]", len);
		return;
	}
	unsigned mrc = dec_u8(d, p + 1);
	unsigned mrt = mrc < 128 ? mrc : ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
	if (mrc != IGMP_MRC_DEFAULT) {
		dec_printf(d, " [max resp time ");
		if (mrt < 600)
			dec_printf(d, "%.1fs", mrt * 0.1);
		else
			dec_relts(d, mrt / 10);
		dec_printf(d, "]");
	}
	if (dec_be32(d, p + 4) == 0)
		return;
	addr(d, " [gaddr ", p + 4);
	dec_mcast_query_sources(d, &igmp_v3, p, len, 10);
	dec_printf(d, "]");
}

static void report_v3(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 16 || (len & 3)) {
		dec_printf(d, " [invalid len %zu]", len);
		return;
	}
	dec_mcast_records(d, &igmp_v3, p, len);
}

/* Reports and leaves before IGMPv3: the name, then the group address;
 * tcpdump notes a v1 report's length other than 8. */
static const struct {
	unsigned type;
	const char *name;
	int len8;
} addr_msgs[] = {
	{ IGMP_V1_REPORT, "igmp v1 report ", 1 }, { IGMP_V2_REPORT, "igmp v2 report ", 0 },
	{ IGMP_LEAVE, "igmp leave ", 0 },
};

/* 0 when type is none of them. */
static int addr_msg(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < sizeof addr_msgs / sizeof addr_msgs[0]; i++)
		if (addr_msgs[i].type == type) {
			addr(d, addr_msgs[i].name, p + 4);
			if (addr_msgs[i].len8 && len != 8)
				dec_printf(d, " [len %zu]", len);
			return 1;
		}
	return 0;
}

/* Multicast traceroute (draft-ietf-idmr-traceroute-ipm): the query after
 * the IGMP header, 16 bytes: source, destination, response address,
 * response TTL and a 24-bit query id. */
static void mtrace(struct dec_ctx *d, const char *name, const uint8_t *p, size_t len)
{
	const uint8_t *q = p + 8;
	if (len < 8 + 16) {
		dec_printf(d, " [invalid len %zu]", len);
		return;
	}
	dec_need(d, q, 16);
	dec_printf(d, "%s %u: ", name, (unsigned)dec_be32(d, q + 12) & 0xffffff);
	dec_ip4addr(d, q);
	dec_printf(d, " to ");
	dec_ip4addr(d, q + 4);
	dec_printf(d, " reply-to ");
	dec_ip4addr(d, q + 8);
	if ((dec_be32(d, q + 8) & 0xf0000000) == 0xe0000000) /* class D */
		dec_printf(d, " with-ttl %u", dec_u8(d, q + 12));
}

void dec_igmp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	if (n->v6) {
		dec_printf(d, "[IGMP requires IPv4] (invalid)");
		return;
	}
	d->proto = "igmp";
	if (d->o.qflag) {
		dec_printf(d, "igmp");
		return;
	}
	unsigned type = dec_u8(d, p);
	switch (type) {
	case IGMP_QUERY:
		dec_printf(d, "igmp query");
		if (len >= 12) {
			query_v3(d, p, len);
			break;
		}
		unsigned mrt = dec_u8(d, p + 1);
		if (mrt) {
			dec_printf(d, " v2");
			if (mrt != IGMP_MRC_DEFAULT)
				dec_printf(d, " [max resp time %u]", mrt);
		} else
			dec_printf(d, " v1");
		if (dec_be32(d, p + 4))
			addr(d, " [gaddr ", p + 4), dec_printf(d, "]");
		if (len != 8)
			dec_printf(d, " [len %zu]", len);
		break;
	case IGMP_V3_REPORT:
		dec_printf(d, "igmp v3 report");
		report_v3(d, p, len);
		break;
	case IGMP_DVMRP:
		dec_printf(d, "igmp dvmrp");
		if (len < 8)
			dec_printf(d, " [len %zu]", len);
		else
			dec_dvmrp(d, p, len);
		d->proto = "igmp";
		break;
	case IGMP_PIMV1:
		dec_printf(d, "igmp pimv1");
		dec_pimv1(d, p, len);
		d->proto = "igmp";
		break;
	case IGMP_MTRACE_RESP:
		mtrace(d, "mresp", p, len);
		break;
	case IGMP_MTRACE:
		mtrace(d, "mtrace", p, len);
		break;
	default:
		if (!addr_msg(d, type, p, len))
			dec_printf(d, "igmp-%u", type);
		break;
	}
	if (d->o.vflag && len >= 4 && dec_has(d, p, len) && dec_fold(dec_sum(p, len, 0)) != 0)
		dec_printf(d, " bad igmp cksum %x!", dec_be16(d, p + 2));
}
