/* sflow.c: sFlow version 5 (sflow.org's sflow_version_5.txt) as tcpdump
 * 4.99 prints it: "sFlowv5, IPv4 agent A, agent-id N, length L"; with -v
 * the datagram's sequence number, uptime and sample count, then each
 * sample (flow, counter, and their expanded forms) with its records:
 * the generic, Ethernet, 100BaseVG, VLAN and processor counters, the raw
 * packet header, Ethernet frame and switch data flow records; other
 * records of enterprise 0 in hex at -v (not at -vv, as tcpdump).
 *
 * The lengths checked are the ones on the wire, as tcpdump checks them:
 * a sample or record longer than what is left of the datagram ends the
 * line with " (invalid)"; bytes not captured with " [|sflow]".  Records
 * are measured against the rest of the datagram, not of their sample
 * (so does tcpdump).  Each printed line is read whole before any of it
 * is printed, as tcpdump's one ND_PRINT per line does. */
#include <inttypes.h>

#include "decode/dec.h"

#define SFLOW_HDR4 28              /* version, IP version, agent, id, seq, uptime, samples */
#define SFLOW_HDR6 40
#define SFLOW_AGENT_IP4 1
#define SFLOW_AGENT_IP6 2
#define SFLOW_SAMPLE_HDR 8         /* format, length */
#define SFLOW_REC_HDR 8

/* A record or sample body as one text with its fields in place: "#N" an
 * N-byte big-endian number (N = 1, 3, 4, 8), "~N" N bytes skipped, "@"
 * the name (from the row's table) of the last number read, or of the
 * first when none is read yet.  Each "\n" starts a line read whole. */
struct sflow_layout {
	unsigned type;             /* the format number (enterprise 0) */
	const char *name;
	size_t min;                /* tcpdump's length check (its struct size) */
	const char *text;
	const struct dec_tok *names; /* for "@" */
};

static const struct dec_tok sflow_samples[] = {
	{ 1, "flow sample" }, { 2, "counter sample" }, { 3, "expanded flow sample" },
	{ 4, "expanded counter sample" }, { 0, NULL },
};
static const struct dec_tok sflow_protocols[] = {
	{ 1, "Ethernet" }, { 11, "IPv4" }, { 12, "IPv6" }, { 0, NULL },
};
static const struct dec_tok sflow_directions[] = {
	{ 0, "unknown" }, { 1, "full-duplex" }, { 2, "half-duplex" }, { 3, "in" }, { 4, "out" }, { 0, NULL },
};

#define L "\n\t      "
/* the generic counter's second line is printed apart (its status bits) */
#define SFLOW_GENERIC 1
static const struct sflow_layout sflow_counters[] = {
	{ SFLOW_GENERIC, "Generic counter", 88, L "ifindex #4, iftype #4, ifspeed #8, ifdirection #4 (@)", sflow_directions },
	{ 2, "Ethernet counter", 52, L "align errors #4, fcs errors #4, single collision #4, multiple collision #4, test error #4"
		 L "deferred #4, late collision #4, excessive collision #4, mac trans error #4"
		 L "carrier error #4, frames too long #4, mac receive errors #4, symbol errors #4", NULL },
	{ 3, "Token ring counter", 0, "", NULL },
	{ 4, "100 BaseVG counter", 80, L "in high prio frames #4, in high prio octets #8"
		 L "in norm prio frames #4, in norm prio octets #8"
		 L "in ipm errors #4, oversized #4, in data errors #4, null addressed frames #4"
		 L "out high prio frames #4, out high prio octets #8, trans into frames #4"
		 L "in hc high prio octets #8, in hc norm prio octets #8, out hc high prio octets #8", NULL },
	{ 5, "Vlan counter", 28, L "vlan_id #4, octets #8, unicast_pkt #4, multicast_pkt #4, broadcast_pkt #4, discards #4", NULL },
	{ 1001, "Processor counter", 28, L "5sec #4, 1min #4, 5min #4, total_mem #8, total_mem #8", NULL },
	{ 0, NULL, 0, NULL, NULL },
};
/* the rest of the generic counter, after its status word */
static const char sflow_generic_rest[] =
	L "In octets #8, unicast pkts #4, multicast pkts #4, broadcast pkts #4, discards #4"
	L "In errors #4, unknown protos #4"
	L "Out octets #8, unicast pkts #4, multicast pkts #4, broadcast pkts #4, discards #4"
	L "Out errors #4, promisc mode #4";
#define SFLOW_GENERIC_STATUS 20    /* offset of ifstatus */
static const struct sflow_layout sflow_flows[] = {
	{ 1, "Raw packet", 16, L "protocol @ (#4), length #4, stripped bytes #4, header_size #4", sflow_protocols },
	{ 2, "Ethernet frame", 24, L "frame len #4, type ~8~8#4", NULL },
	{ 1001, "Extended Switch data", 16, L "src vlan #4, src pri #4, dst vlan #4, dst pri #4", NULL },
	/* named, and tcpdump prints nothing of them */
	{ 3, "IPv4 Data", 0, "", NULL }, { 4, "IPv6 Data", 0, "", NULL },
	{ 1002, "Extended Router data", 0, "", NULL }, { 1003, "Extended Gateway data", 0, "", NULL },
	{ 1004, "Extended User data", 0, "", NULL }, { 1005, "Extended URL data", 0, "", NULL },
	{ 1006, "Extended MPLS data", 0, "", NULL }, { 1007, "Extended NAT data", 0, "", NULL },
	{ 1008, "Extended MPLS tunnel", 0, "", NULL }, { 1009, "Extended MPLS VC", 0, "", NULL },
	{ 1010, "Extended MPLS FEC", 0, "", NULL }, { 1011, "Extended MPLS LVP FEC", 0, "", NULL },
	{ 1012, "Extended VLAN Tunnel", 0, "", NULL },
	{ 0, NULL, 0, NULL, NULL },
};
#undef L

/* The samples: their header, then records of one kind. */
struct sflow_kind {
	unsigned shift;            /* the enterprise's place in the format word
				      (tcpdump: 20 for counters, 12 for flows) */
	const char *rec_fmt;       /* the record's header line */
	const struct sflow_layout *recs;
};
static const struct sflow_kind sflow_flow_kind = {
	12, "\n\t    enterprise %u %s (%u) length %u", sflow_flows,
};
static const struct sflow_kind sflow_counter_kind = {
	20, "\n\t    enterprise %u, %s (%u) length %u", sflow_counters,
};
static const struct {
	unsigned type;
	size_t min;
	const char *text;          /* its last number is the record count */
	const struct sflow_kind *kind;
} sflow_sample_rows[] = {
	{ 1, 32, " seqnum #4, type #1, idx #3, rate #4, pool #4, drops #4, input #4 output #4 records #4",
	  &sflow_flow_kind },
	{ 2, 12, " seqnum #4, type #1, idx #3, records #4", &sflow_counter_kind },
	{ 3, 44, " seqnum #4, type #4, idx #4, rate #4, pool #4, drops #4, records ~8~8#4", &sflow_flow_kind },
	{ 4, 16, " seqnum #4, type #4, idx #4, records #4", &sflow_counter_kind },
};

static uint64_t get_be(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/* The bytes one line of a layout (up to the next "\n" after its first
 * character) reads. */
static size_t line_width(const char *s, const char **next)
{
	size_t w = 0;
	const char *c = s + (*s == '\n');
	for (; *c && *c != '\n'; c++)
		if ((*c == '#' || *c == '~') && c[1] >= '1' && c[1] <= '9')
			w += (size_t)(c[1] - '0');
	*next = c;
	return w;
}

/* Prints the layout text with its fields from p on; returns the last
 * number read. */
static uint64_t print_layout(struct dec_ctx *d, const uint8_t *p, const char *text, const struct dec_tok *names)
{
	uint64_t last = 0;
	const char *s = text;
	while (*s) {
		const char *end;
		size_t w = line_width(s, &end);
		dec_need(d, p, w);
		/* the "@" before any number names the line's first one */
		uint64_t first = 0;
		for (const char *c = s; c < end; c++)
			if (*c == '#') {
				first = get_be(p, (unsigned)(c[1] - '0'));
				break;
			}
		int seen = 0;
		for (const char *c = s; c < end; c++) {
			if (*c == '#' || *c == '~') {
				unsigned n = (unsigned)(c[1] - '0');
				if (*c == '#') {
					last = get_be(p, n);
					seen = 1;
					dec_printf(d, "%" PRIu64, last);
				}
				p += n;
				c++;
			} else if (*c == '@')
				dec_printf(d, "%s", dec_tok(names, (unsigned)(seen ? last : first), "Unknown"));
			else
				dec_putc(d, *c);
		}
		s = end;
	}
	return last;
}

/* tcpdump's print_unknown_data: hex lines, clipped to the capture. */
static void unknown_data(struct dec_ctx *d, const uint8_t *p, const char *ident, size_t n)
{
	if (p > d->end)
		dec_printf(d, "%sDissector error: print_unknown_data called with pointer past end of packet",
			   ident);
	else
		dec_hexlines(d, ident, p, n);
}

static void print_generic(struct dec_ctx *d, const uint8_t *p)
{
	static const char *const updown[] = { "down", "up" };
	dec_need(d, p + SFLOW_GENERIC_STATUS, 4);
	uint32_t st = dec_get_be32(p + SFLOW_GENERIC_STATUS);
	dec_printf(d, "\n\t      ifstatus %u, adminstatus: %s, operstatus: %s", st, updown[st & 1],
		   updown[(st >> 1) & 1]);
	print_layout(d, p + SFLOW_GENERIC_STATUS + 4, sflow_generic_rest, NULL);
}

/* The records of a sample: 1 when one runs past the datagram's rest. */
static int print_records(struct dec_ctx *d, const struct sflow_kind *k, const uint8_t *p, size_t len,
			 uint32_t n)
{
	for (; n > 0; n--) {
		if (len < SFLOW_REC_HDR)
			return 1;
		uint32_t fmt = dec_be32(d, p), rlen = dec_be32(d, p + 4);
		unsigned type = fmt & 0x0fff, ent = fmt >> k->shift;
		const struct sflow_layout *r = k->recs;
		while (r->text && r->type != type)
			r++;
		dec_printf(d, k->rec_fmt, ent, ent == 0 && r->text ? r->name : "Unknown", type, rlen);
		p += SFLOW_REC_HDR;
		len -= SFLOW_REC_HDR;
		if (len < rlen)
			return 1;
		if (ent == 0) {
			if (!r->text) {
				if (d->o.vflag <= 1)
					unknown_data(d, p, "\n\t\t", rlen);
			} else if (len < r->min)
				return 1;
			else {
				print_layout(d, p, r->text, r->names);
				if (k->recs == sflow_counters && type == SFLOW_GENERIC)
					print_generic(d, p);
			}
		}
		p += rlen;
		len -= rlen;
	}
	return 0;
}

/* The samples after the header: 1 for tcpdump's " (invalid)", *pp and
 * *lenp then where it stopped. */
static int print_samples(struct dec_ctx *d, const uint8_t **pp, size_t *lenp, uint32_t n)
{
	const size_t nrows = sizeof sflow_sample_rows / sizeof sflow_sample_rows[0];
	for (; n > 0 && *lenp > 0; n--) {
		const uint8_t *p = *pp;
		unsigned type = dec_be32(d, p) & 0x0fff;
		uint32_t slen = dec_be32(d, p + 4);
		if (*lenp < SFLOW_SAMPLE_HDR)
			return 1;
		p = *pp += SFLOW_SAMPLE_HDR;
		size_t len = *lenp -= SFLOW_SAMPLE_HDR;
		dec_printf(d, "\n\t%s (%u), length %u,", dec_tok(sflow_samples, type, "Unknown"), type, slen);
		if (type == 0 || slen == 0)
			return 0;
		if (len < slen)
			return 1;
		dec_need(d, p, slen);
		size_t i = 0;
		while (i < nrows && sflow_sample_rows[i].type != type)
			i++;
		if (i == nrows) {
			if (d->o.vflag <= 1)
				unknown_data(d, p, "\n\t    ", slen);
		} else {
			size_t min = sflow_sample_rows[i].min;
			if (len < min)
				return 1;
			uint32_t nrec = (uint32_t)print_layout(d, p, sflow_sample_rows[i].text, NULL);
			if (print_records(d, sflow_sample_rows[i].kind, p + min, len - min, nrec))
				return 1;
		}
		*pp += slen;
		*lenp -= slen;
	}
	return 0;
}

void dec_sflow(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "sflow";
	uint32_t ipv = dec_be32(d, p + 4);
	if ((len < SFLOW_HDR4 && ipv == SFLOW_AGENT_IP4) || (len < SFLOW_HDR6 && ipv == SFLOW_AGENT_IP6)) {
		dec_printf(d, "sFlowv%u", dec_be32(d, p));
		dec_printf(d, " [length %zu < %u] (invalid)", len, SFLOW_HDR4);
		return;
	}
	dec_need(d, p, SFLOW_HDR4);
	uint32_t version = dec_get_be32(p);
	if (version != 5) {
		dec_printf(d, "sFlow version %u packet not supported", version);
		return;
	}
	int v4 = ipv == SFLOW_AGENT_IP4;
	size_t hdr = v4 ? SFLOW_HDR4 : SFLOW_HDR6;
	const uint8_t *after = p + 8 + (v4 ? 4 : 16); /* agent id, seqnum, uptime, samples */
	dec_need(d, p, v4 ? 12 : 24);
	dec_need(d, after, d->o.vflag ? 16 : 4);
	dec_printf(d, "sFlowv%u, %s agent ", version, v4 ? "IPv4" : "IPv6");
	if (v4)
		dec_ip4addr(d, p + 8);
	else
		dec_ip6addr(d, p + 8);
	dec_printf(d, ", agent-id %u, ", dec_get_be32(after));
	if (!d->o.vflag) {
		dec_printf(d, "length %zu", len);
		return;
	}
	uint32_t n = dec_get_be32(after + 12);
	dec_printf(d, "seqnum %u, uptime %u, samples %u, length %zu", dec_get_be32(after + 4),
		   dec_get_be32(after + 8), n, len);
	int bad = len < hdr; /* tcpdump's ND_LCHECK_ZU: an unknown IP version taken as 6 */
	if (!bad) {
		p += hdr;
		len -= hdr;
	}
	if (bad || print_samples(d, &p, &len, n)) {
		dec_printf(d, " (invalid)");
		dec_need(d, p, len);
	}
}
