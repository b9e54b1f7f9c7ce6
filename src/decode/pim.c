/* pim.c: PIM version 2 (RFC 7761 PIM-SM, RFC 3973 PIM-DM, RFC 5015
 * BIDIR-PIM), as tcpdump 4.99 prints it: "PIMv2, TYPE, length L"; with -v
 * "PIMv2, length L" and on the next line after a tab the type, the
 * checksum and the message: Hello options, Register (the encapsulated
 * datagram through the IPv4/IPv6 printers), Register-Stop, Join/Prune,
 * Graft, Bootstrap, Assert, Candidate-RP, Prune Refresh, DF Election.
 * Addresses are "encoded" (family, encoding, then mask and flags for
 * groups and sources), or plain when the header gives RFC 2117's address
 * length.  A length that runs out is tcpdump's return-style " [|pimv2]";
 * a read past the capture the jump.  Other versions print "PIMv%u,
 * length L" (version 1 comes inside IGMP, not ours). */
#include "decode/dec.h"

static const char *const pimv2_types[] = {
	"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap", "Assert", "Graft",
	"Graft Acknowledgement", "Candidate RP Advertisement", "Prune Refresh", "DF Election", "ECMP Redirect",
};

/* The reading position of a PIMv2 message: bytes left by its length. */
struct pim {
	struct dec_ctx *d;
	const struct dec_net *n;
	const uint8_t *p;
	size_t len;
	unsigned alen;             /* RFC 2117 address length, 0: encoded */
	unsigned type, rsv;        /* the message type and the byte after it */
};

enum pim_addr { PIM_UNICAST, PIM_GROUP, PIM_SOURCE };

/* tcpdump's "goto trunc": the marker, and the printer returns. */
_Noreturn static void pim_cut(struct pim *m)
{
	dec_trunc_ret(m->d);
}

static void skip(struct pim *m, size_t n)
{
	m->p += n;
	m->len -= n;
}

/* An encoded address (RFC 7761 4.9.1): the printed text, the flags of a
 * group ("(0x..)") or a source ("(SWR)"); cut short, tcpdump's trunc. */
static void addr(struct pim *m, enum pim_addr at)
{
	struct dec_ctx *d = m->d;
	size_t hdr = 0, alen = m->alen;
	int v6;
	if (alen == 0) {
		if (m->len < 2)
			pim_cut(m);
		unsigned af = dec_u8(d, m->p);
		if ((af != 1 && af != 2) || dec_u8(d, m->p + 1) != 0)
			pim_cut(m);
		v6 = af == 2;
		alen = v6 ? 16 : 4;
		hdr = 2;
	} else if (alen == 4 || alen == 16)
		v6 = alen == 16;
	else
		pim_cut(m);
	const uint8_t *q = m->p + hdr;
	size_t left = m->len - hdr, extra = at == PIM_UNICAST ? 0 : 2;
	if (left < alen + extra || !dec_has(d, q, alen + extra))
		pim_cut(m);
	if (v6)
		dec_ip6addr(d, q + extra);
	else
		dec_ip4addr(d, q + extra);
	if (at != PIM_UNICAST) {
		if (q[1] != (v6 ? 128 : 32))
			dec_printf(d, "/%u", q[1]);
		if (q[0] && at == PIM_GROUP)
			dec_printf(d, "(0x%02x)", q[0]);
		else if (q[0]) {
			dec_printf(d, "(%s%s%s", q[0] & 0x04 ? "S" : "", q[0] & 0x02 ? "W" : "", q[0] & 0x01 ? "R" : "");
			if (q[0] & 0xf8)
				dec_printf(d, "+0x%02x", q[0] & 0xf8);
			dec_printf(d, ")");
		}
	}
	skip(m, hdr + alen + extra);
}

/* Most addresses follow a word of their own: " RP=", " group=". */
static void laddr(struct pim *m, const char *label, enum pim_addr at)
{
	dec_printf(m->d, "%s", label);
	addr(m, at);
}

static void need(struct pim *m, size_t n)
{
	if (m->len < n)
		pim_cut(m);
}

static const struct dec_tok hello_options[] = {
	{ 1, "Hold Time" }, { 2, "LAN Prune Delay" }, { 18, "DR Priority (Old)" }, { 19, "DR Priority" },
	{ 20, "Generation ID" }, { 21, "State Refresh Capability" }, { 22, "Bi-Directional Capability" },
	{ 24, "Address List" }, { 65001, "Address List (Old)" }, { 0, NULL },
};

/* 0 when tcpdump stops at a bad option length ("(invalid)"). */
static int hello_option(struct pim *m, unsigned type, unsigned olen)
{
	struct dec_ctx *d = m->d;
	const uint8_t *v = m->p;
	unsigned want = type == 1 ? 2 : type == 2 || type == 20 || type == 21 ? 4 : 0;
	if (want && olen != want) {
		dec_printf(d, "[option length %u != %u] (invalid)", olen, want);
		return 0;
	}
	switch (type) {
	case 1:
		dec_relts(d, dec_be16(d, v));
		break;
	case 2: {
		unsigned delay = dec_be16(d, v), over = dec_be16(d, v + 2);
		dec_printf(d, "\n\t    T-bit=%u, LAN delay %ums, Override interval %ums", delay >> 15, delay & 0x7fff,
			   over);
		break;
	}
	case 18: case 19:
		if (olen == 0)
			dec_printf(d, "Bi-Directional Capability (Old)");
		else if (olen == 4)
			dec_printf(d, "%u", dec_be32(d, v));
		else {
			dec_printf(d, "[option length %u != 4] (invalid)", olen);
			return 0;
		}
		break;
	case 20:
		dec_printf(d, "0x%08x", dec_be32(d, v));
		break;
	case 21:
		dec_printf(d, "v%u", dec_u8(d, v));
		if (dec_u8(d, v + 1)) {
			dec_printf(d, ", interval ");
			dec_relts(d, dec_u8(d, v + 1));
		}
		if (dec_be16(d, v + 2))
			dec_printf(d, " ?0x%04x?", dec_be16(d, v + 2));
		break;
	case 22:
		break;
	case 24: case 65001:
		if (d->o.vflag > 1) {
			struct pim a = *m;
			while (a.p < v + olen) {
				dec_printf(d, "\n\t    ");
				addr(&a, PIM_UNICAST);
			}
		}
		break;
	default:
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t    ", v, olen);
	}
	if (d->o.vflag > 1)
		dec_hexlines(d, "\n\t    ", v, olen);
	return 1;
}

static void hello(struct pim *m)
{
	struct dec_ctx *d = m->d;
	while (m->len > 0) {
		need(m, 4);
		unsigned type = dec_be16(d, m->p), olen = dec_be16(d, m->p + 2);
		const char *name = dec_tok(hello_options, type, "Unknown");
		dec_printf(d, "\n\t  %s Option (%u), length %u, Value: ", name, type, olen);
		skip(m, 4);
		need(m, olen);
		if (!dec_has(d, m->p, olen))
			pim_cut(m);
		if (!hello_option(m, type, olen))
			return;
		skip(m, olen);
	}
}

static void reg(struct pim *m)
{
	struct dec_ctx *d = m->d;
	need(m, 4);
	if (!dec_has(d, m->p, 4))
		pim_cut(m);
	uint32_t flags = dec_get_be32(m->p);
	dec_printf(d, ", Flags [ %s ]\n\t", flags == 0x80000000u ? "Border" : flags == 0x40000000u ? "Null" : "none");
	skip(m, 4);
	if (m->len == 0)
		pim_cut(m);
	unsigned v = dec_u8(d, m->p) >> 4;
	if (v == 0) {
		dec_need(d, m->p + 12, 8);
		dec_printf(d, "IP-Null-header ");
		dec_ip4addr(d, m->p + 12);
		dec_printf(d, " > ");
		dec_ip4addr(d, m->p + 16);
	} else if (v == 4)
		dec_ip(d, m->p, m->len);
	else if (v == 6)
		dec_ip6(d, m->p, m->len);
	else
		dec_printf(d, "IP ver %u", v);
}

static void join_prune(struct pim *m)
{
	struct dec_ctx *d = m->d;
	unsigned type = m->type;
	if (type != 7) {
		laddr(m, ", upstream-neighbor: ", PIM_UNICAST);
	}
	need(m, 4);
	if (!dec_has(d, m->p, 4))
		pim_cut(m);
	unsigned ngroups = m->p[1], hold = dec_get_be16(m->p + 2);
	dec_printf(d, "\n\t  %u group(s)", ngroups);
	if (type != 7) {
		dec_printf(d, ", holdtime: ");
		if (hold == 0xffff)
			dec_printf(d, "infinite");
		else
			dec_relts(d, hold);
	}
	skip(m, 4);
	for (unsigned i = 0; i < ngroups; i++) {
		dec_printf(d, "\n\t    group #%u: ", i + 1);
		addr(m, PIM_GROUP);
		need(m, 4);
		if (!dec_has(d, m->p, 4))
			pim_cut(m);
		unsigned njoin = dec_get_be16(m->p), nprune = dec_get_be16(m->p + 2);
		dec_printf(d, ", joined sources: %u, pruned sources: %u", njoin, nprune);
		skip(m, 4);
		for (unsigned j = 0; j < njoin; j++) {
			dec_printf(d, "\n\t      joined source #%u: ", j + 1);
			addr(m, PIM_SOURCE);
		}
		for (unsigned j = 0; j < nprune; j++) {
			dec_printf(d, "\n\t      pruned source #%u: ", j + 1);
			addr(m, PIM_SOURCE);
		}
	}
}

static void bootstrap(struct pim *m)
{
	struct dec_ctx *d = m->d;
	need(m, 2);
	dec_printf(d, " tag=%x", dec_be16(d, m->p));
	skip(m, 2);
	need(m, 1);
	dec_printf(d, " hashmlen=%u", dec_u8(d, m->p));
	need(m, 2);
	if (!dec_has(d, m->p + 2, 1))
		pim_cut(m);
	dec_printf(d, " BSRprio=%u", dec_u8(d, m->p + 1));
	skip(m, 2);
	laddr(m, " BSR=", PIM_UNICAST);
	for (unsigned i = 0; m->len > 0; i++) {
		dec_printf(d, " (group%u: ", i);
		addr(m, PIM_GROUP);
		need(m, 1);
		dec_printf(d, " RPcnt=%u", dec_u8(d, m->p));
		need(m, 2);
		unsigned frp = dec_u8(d, m->p + 1);
		dec_printf(d, " FRPcnt=%u", frp);
		need(m, 4);
		skip(m, 4);
		for (unsigned j = 0; j < frp && m->len > 0; j++) {
			dec_printf(d, " RP%u=", j);
			addr(m, PIM_UNICAST);
			need(m, 2);
			dec_printf(d, ",holdtime=");
			dec_relts(d, dec_be16(d, m->p));
			need(m, 3);
			dec_printf(d, ",prio=%u", dec_u8(d, m->p + 2));
			need(m, 4);
			skip(m, 4);
		}
		dec_printf(d, ")");
	}
}

static void candidate_rp(struct pim *m)
{
	struct dec_ctx *d = m->d;
	need(m, 1);
	unsigned n = dec_u8(d, m->p);
	dec_printf(d, " prefix-cnt=%u", n);
	need(m, 2);
	dec_printf(d, " prio=%u", dec_u8(d, m->p + 1));
	need(m, 4);
	dec_printf(d, " holdtime=");
	dec_relts(d, dec_be16(d, m->p + 2));
	skip(m, 4);
	laddr(m, " RP=", PIM_UNICAST);
	for (unsigned i = 0; i < n && m->len > 0; i++) {
		dec_printf(d, " Group%u=", i);
		addr(m, PIM_GROUP);
	}
}

static void df_election(struct pim *m)
{
	unsigned subtype = m->rsv >> 4;
	static const char *const names[] = { "Unknown", "Offer", "Winner", "Backoff", "Pass" };
	struct dec_ctx *d = m->d;
	dec_printf(d, "\n\t  %s,", subtype < 5 ? names[subtype] : "Unknown");
	laddr(m, " rpa=", PIM_UNICAST);
	dec_printf(d, " sender pref=%u", dec_be32(d, m->p));
	dec_printf(d, " sender metric=%u", dec_be32(d, m->p + 4));
	m->p += 8, m->len -= 8; /* tcpdump's u_int may wrap here */
	if (subtype != 3 && subtype != 4)
		return;
	const char *who = subtype == 3 ? "offer" : "new winner";
	dec_printf(d, "\n\t  %s addr=", who);
	addr(m, PIM_UNICAST);
	dec_printf(d, " %s pref=%u", who, dec_be32(d, m->p));
	dec_printf(d, " %s metric=%u", who, dec_be32(d, m->p + 4));
	m->p += 8, m->len -= 8;
	if (subtype == 3)
		dec_printf(d, " interval %dms", dec_be16(d, m->p));
}

static void register_stop(struct pim *m)
{
	laddr(m, " group=", PIM_GROUP);
	laddr(m, " source=", PIM_UNICAST);
}

static void assert_msg(struct pim *m)
{
	struct dec_ctx *d = m->d;
	laddr(m, " group=", PIM_GROUP);
	laddr(m, " src=", PIM_UNICAST);
	need(m, 8);
	if (!dec_has(d, m->p, 8))
		pim_cut(m);
	if (m->p[0] & 0x80)
		dec_printf(d, " RPT");
	dec_printf(d, " pref=%u", dec_get_be32(m->p) & 0x7fffffff);
	dec_printf(d, " metric=%u", dec_get_be32(m->p + 4));
}

static void prune_refresh(struct pim *m)
{
	struct dec_ctx *d = m->d;
	laddr(m, " src=", PIM_UNICAST);
	laddr(m, " grp=", PIM_GROUP);
	laddr(m, " forwarder=", PIM_UNICAST);
	need(m, 2);
	dec_printf(d, " TUNR ");
	dec_relts(d, dec_be16(d, m->p));
}

/* The message bodies by type (RFC 7761 4.9; 9 is RFC 3973's state
 * refresh, 10 RFC 5015's DF election). */
static void (*const bodies[])(struct pim *m) = {
	hello, reg, register_stop, join_prune, bootstrap, assert_msg, join_prune, join_prune,
	candidate_rp, prune_refresh, df_election,
};

/* Over IPv4 the sum covers the message, over IPv6 also the pseudo-header;
 * -1 when not all captured. */
static int cksum_bad(struct pim *m, const uint8_t *p, size_t len)
{
	if (!dec_has(m->d, p, len))
		return -1;
	const struct dec_net *n = m->n;
	uint16_t s = n->v6 ? dec_cksum_ip6(n->iph + 8, n->iph + 24, p, len, PROTO_IP_PIM) : dec_fold(dec_sum(p, len, 0));
	return s != 0;
}

static void pimv2(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "pimv2";
	struct pim m = { .d = d, .n = n, .p = p, .len = len };
	if (len < 2) {
		dec_printf(d, "[length %zu < 2] (invalid)", len);
		return;
	}
	unsigned type = dec_u8(d, p) & 0x0f, rsv = dec_u8(d, p + 1);
	m.alen = rsv & 0x0f;
	if (m.alen)
		dec_printf(d, ", RFC2117-encoding");
	if (len < 4) {
		dec_printf(d, "[length %zu < 4] (invalid)", len);
		return;
	}
	unsigned sum = dec_be16(d, p + 2);
	dec_printf(d, ", cksum 0x%04x ", sum);
	int bad = -1;
	if (sum != 0) {
		bad = cksum_bad(&m, p, type == 1 ? 8 : len);
		if (type == 1 && bad == 1) /* RFC 7761 4.9.3: or over all of it */
			bad = cksum_bad(&m, p, len);
	}
	dec_printf(d, "%s", bad < 0 ? "(unverified)" : bad ? "(incorrect)" : "(correct)");
	skip(&m, 4);
	m.type = type, m.rsv = rsv;
	if (type < sizeof bodies / sizeof bodies[0])
		bodies[type](&m);
	else
		dec_printf(d, " [type %u]", type);
}

void dec_pim(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "pim";
	unsigned tv = dec_u8(d, p), version = tv >> 4, type = tv & 0x0f;
	const char *name = type < sizeof pimv2_types / sizeof pimv2_types[0] ? pimv2_types[type] : "Unknown Type";
	if (version != 2)
		dec_printf(d, "PIMv%u, length %zu", version, len);
	else if (!d->o.vflag)
		dec_printf(d, "PIMv2, %s, length %zu", name, len);
	else {
		dec_printf(d, "PIMv2, length %zu\n\t%s", len, name);
		pimv2(d, n, p, len);
	}
}

/* PIM version 1, carried in IGMP (type 0x14), after "igmp pimv1":
 * " TYPE" and its fields.  tcpdump's checks here print " [|pimv1]" and
 * return to the IGMP printer, which goes on (its -v checksum). */
static const char *const pimv1_types[] = {
	"Query", "Register", "Register-Stop", "Join/Prune", "RP-reachable", "Assert", "Graft", "Graft-ACK",
};

/* A PIMv1 address after its label, checked first. */
static void v1_addr(struct dec_ctx *d, const char *label, const uint8_t *p)
{
	dec_need(d, p, 4);
	dec_printf(d, "%s", label);
	dec_ip4addr(d, p);
}

static void mask(struct dec_ctx *d, const uint8_t *p)
{
	if (dec_be32(d, p) != 0xffffffffu)
		v1_addr(d, "/", p);
}

/* PIMv1's " for S > D": the source and destination of a register (the
 * datagram inside), a register-stop or an assert. */
static void v1_for(struct dec_ctx *d, const uint8_t *src, const uint8_t *dst)
{
	dec_printf(d, " for ");
	dec_ip4addr(d, src);
	dec_printf(d, " > ");
	dec_ip4addr(d, dst);
}

/* 0 when cut short by the message length. */
static int pimv1_join_prune(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	unsigned njoin;
	if (dec_has(d, p, 30) && p[11] == 1 && (njoin = dec_get_be16(p + 20)) + dec_get_be16(p + 22) == 1) {
		dec_printf(d, " RPF ");
		dec_ip4addr(d, p);
		dec_printf(d, " ");
		unsigned hold = dec_get_be16(p + 6);
		if (hold != 180) {
			dec_printf(d, "Hold ");
			dec_relts(d, hold);
		}
		dec_printf(d, "%s (", njoin ? "Join" : "Prune");
		dec_ip4addr(d, p + 26);
		dec_printf(d, "/%u, ", p[25] & 0x3f);
		dec_ip4addr(d, p + 12);
		mask(d, p + 16);
		dec_printf(d, ") %s%s %s", p[24] & 1 ? "Sparse" : "Dense", p[25] & 0x80 ? " WC" : "", p[25] & 0x40 ? "RP" : "SPT");
		return 1;
	}
	if (len < 4)
		return 0;
	if (d->o.vflag > 1)
		dec_printf(d, "\n");
	v1_addr(d, " Upstream Nbr: ", p);
	p += 4, len -= 4;
	if (len < 4)
		return 0;
	if (d->o.vflag > 1)
		dec_printf(d, "\n");
	dec_printf(d, " Hold time: ");
	dec_relts(d, dec_be16(d, p + 2));
	if (d->o.vflag < 2)
		return 1;
	p += 4, len -= 4;
	if (len < 4)
		return 0;
	unsigned ngroups = dec_u8(d, p + 3);
	p += 4, len -= 4;
	for (; ngroups; ngroups--) {
		if (len < 4)
			return 0;
		v1_addr(d, "\n\tGroup: ", p);
		p += 4, len -= 4;
		if (len < 4)
			return 0;
		mask(d, p);
		p += 4, len -= 4;
		if (len < 4)
			return 0;
		unsigned nj = dec_be16(d, p), np = dec_be16(d, p + 2);
		dec_printf(d, " joined: %u pruned: %u", nj, np);
		p += 4, len -= 4;
		for (unsigned i = 0; i < nj + np; i++) {
			if (len < 6)
				return 0;
			dec_need(d, p, 6);
			dec_printf(d, "\n\t%s %s%s%s", i < nj ? "Join " : "Prune", p[0] & 1 ? "Sparse " : "Dense ",
				   p[1] & 0x80 ? "WC " : "", p[1] & 0x40 ? "RP " : "SPT ");
			dec_ip4addr(d, p + 2);
			dec_printf(d, "/%u", p[1] & 0x3f);
			p += 6, len -= 6;
		}
	}
	return 1;
}

void dec_pimv1(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "pimv1";
	unsigned type = dec_u8(d, p + 1);
	if (type < sizeof pimv1_types / sizeof pimv1_types[0])
		dec_printf(d, " %s", pimv1_types[type]);
	else
		dec_printf(d, " [type %u]", type);
	int ok = 1;
	switch (type) {
	case 0: /* query */
		if (dec_has(d, p + 8, 1)) {
			static const char *const modes[] = { " Dense-mode", " Sparse-mode", " Sparse-Dense-mode" };
			unsigned mode = p[8] >> 4;
			if (mode < 3)
				dec_printf(d, "%s", modes[mode]);
			else
				dec_printf(d, " mode-%u", mode);
		}
		if (d->o.vflag) {
			dec_printf(d, " (Hold-time ");
			dec_relts(d, dec_be16(d, p + 10));
			dec_printf(d, ")");
		}
		break;
	case 1: /* register: the addresses of the datagram inside */
		if (!dec_has(d, p + 8, 20)) {
			ok = 0;
			break;
		}
		v1_for(d, p + 20, p + 24);
		break;
	case 2:
		dec_need(d, p + 8, 8);
		v1_for(d, p + 8, p + 12);
		break;
	case 4:
		if (!d->o.vflag)
			break;
		v1_addr(d, " group ", p + 8);
		mask(d, p + 12);
		v1_addr(d, " RP ", p + 16);
		dec_printf(d, " hold ");
		dec_relts(d, dec_be16(d, p + 22));
		break;
	case 5:
		dec_need(d, p + 8, 12);
		v1_for(d, p + 16, p + 8);
		mask(d, p + 12);
		dec_need(d, p + 20, 8);
		dec_printf(d, " %s pref %u metric %u", p[20] & 0x80 ? "RP-tree" : "SPT", dec_get_be32(p + 20) & 0x7fffffff,
			   dec_get_be32(p + 24));
		break;
	case 3: case 6: case 7:
		if (d->o.vflag)
			ok = len >= 8 && pimv1_join_prune(d, p + 8, len - 8);
		break;
	}
	if (!ok) {
		dec_printf(d, " [|pimv1]");
		return;
	}
	unsigned v = dec_u8(d, p + 4) >> 4;
	if (v != 1)
		dec_printf(d, " [v%u]", v);
}
