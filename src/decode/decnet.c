/* decnet.c: DECnet Phase IV (ethertype 0x6003; the routing layer of DNA
 * Phase IV, section 10, and NSP) as tcpdump 4.99 prints it: a little-
 * endian length, the routing header (short or long form) or a control
 * message (hellos, routing), then the NSP message:
 *
 *   1.1 > 1.2 45 data 8195>8196 ack 0 oack 0 seg 1
 *   endnode-hello endnode vers 2 eco 0 ueco 0 src 1.1 blksize ... data 2
 *
 * With -v the route flags and hop count follow the length.  A length that
 * does not fit ends the line " (why) (invalid)"; bytes past the capture
 * " [|decnet]".  Addresses print area.node (tcpdump's without libdnet). */
#include "decode/dec.h"

#define DN_SHORT 6         /* flags, dst, src, visits */
#define DN_LONG 21
#define DN_NSP 5           /* flags, dst, src */
#define DN_SGQ_ACK 0x8000  /* a sequence word is an acknowledgement */
#define DN_SGQ_NAK 0x9000
#define DN_SGQ_OTHER 0xa000
#define DN_SGQ_ONAK 0xb000

static const struct dec_tok dn_reasons[] = {
	{ 0, "object rejected connect" }, { 1, "insufficient resources" }, { 2, "unrecognized node name" },
	{ 3, "node is shutting down" }, { 4, "unrecognized object" }, { 5, "invalid object name format" },
	{ 6, "object too busy" }, { 7, "protocol error discovered" }, { 8, "third party abort" },
	{ 9, "user abort" }, { 10, "invalid node name format" }, { 11, "local node shutting down" },
	{ 32, "insufficient local resources" }, { 33, "insufficient remote user resources" },
	{ 34, "invalid access control information" }, { 36, "bad ACCOUNT information" },
	{ 38, "no response from object" }, { 39, "node unreachable" }, { 41, "no link terminate" },
	{ 42, "disconnect complete" }, { 43, "bad image data in connect" }, { 54, "cryptographic service mismatch" },
	{ 0, NULL },
};
static const char *const dn_ntypes[] = { "reserved-ntype? ", "l2rout ", "l1rout ", "endnode " };
static const char *const dn_versions[] = { "ver 3.2 ", "ver 3.1 ", "ver 4.0 ", "ver 4.1 " };

static void addr(struct dec_ctx *d, unsigned a)
{
	dec_printf(d, "%u.%u", (a & 0xfc00) >> 10, a & 0x3ff);
}

/* tcpdump's default print (ND_DEFAULTPRINT) of what a printer does not
 * decode: hex and ASCII as far as captured, then the truncation marker if
 * the bytes run out before len.  Shared with geonet.c. */
void dec_default_print(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	size_t n = dec_avail(d, p, len);
	dec_hexascii(d, p, n);
	if (n < len)
		dec_trunc(d); /* tcpdump's hex printer jumps out there */
}

/* Node type and flags of an initialization (verif_bit 4, block 010) or
 * hello message (verif 4, nomcast 040, block 0100). */
static void info(struct dec_ctx *d, unsigned v, int hello)
{
	dec_printf(d, "%s", dn_ntypes[v & 3]);
	if (v & 4)
		dec_printf(d, "verif ");
	if (hello && (v & 040))
		dec_printf(d, "nomcast ");
	if (v & (hello ? 0100 : 010))
		dec_printf(d, "blo ");
}

/* Routing entries: count, first id or area, cost and hops; the last word
 * is a checksum. */
static void routes(struct dec_ctx *d, const uint8_t *p, size_t len, const char *what)
{
	for (; len > 6; p += 6, len -= 6) {
		dec_need(d, p, 6);
		unsigned count = (unsigned)(p[1] << 8 | p[0]);
		if (count > 1024)
			return; /* tcpdump: bogus from here on */
		unsigned id = (unsigned)(p[3] << 8 | p[2]), inf = (unsigned)(p[5] << 8 | p[4]);
		dec_printf(d, "{%s %u-%u cost %u hops %u} ", what, id, id + count, inf & 0777, (inf >> 10) & 037);
	}
}

/* The common head of the router and endnode hellos, whose fixed part is
 * size bytes (all read before anything is printed); 0: too short. */
static int hello(struct dec_ctx *d, const uint8_t *m, size_t len, size_t size)
{
	if (len < size)
		return 0;
	dec_need(d, m, size);
	info(d, m[10], 1);
	dec_printf(d, "vers %u eco %u ueco %u src ", m[1], m[2], m[3]);
	addr(d, (unsigned)(m[9] << 8 | m[8]));
	return 1;
}

/* The label and source of the 4-byte control messages (verification,
 * test, routing); 0: too short. */
static int src_head(struct dec_ctx *d, const char *label, const uint8_t *m, size_t len)
{
	dec_printf(d, "%s", label);
	if (len < 4)
		return 0;
	dec_need(d, m, 4);
	dec_printf(d, "src ");
	addr(d, (unsigned)(m[2] << 8 | m[1]));
	return 1;
}

/* A control message at m (flags at m[0]); 0: malformed. */
static int ctlmsg(struct dec_ctx *d, const uint8_t *m, size_t len)
{
	unsigned type = m[0] & 017;
	switch (type) {
	case 01: /* initialization */
		dec_printf(d, "init ");
		if (len < 12)
			return 0;
		dec_need(d, m, 12);
		info(d, m[3], 0);
		dec_printf(d, "src ");
		addr(d, (unsigned)(m[2] << 8 | m[1]));
		dec_printf(d, "blksize %u vers %u eco %u ueco %u hello %u", (unsigned)(m[5] << 8 | m[4]), m[6], m[7],
			   m[8], (unsigned)(m[10] << 8 | m[9]));
		return 1;
	case 03: case 05: /* verification, hello and test */
		if (!src_head(d, type == 03 ? "verification " : "test ", m, len))
			return 0;
		dec_printf(d, type == 03 ? " fcnval %o" : " data %o", m[3]);
		return 1;
	case 07: case 011: /* level 1 and level 2 routing */
		if (!src_head(d, type == 07 ? "lev-1-routing " : "lev-2-routing ", m, len))
			return 0;
		dec_printf(d, " ");
		routes(d, m + 4, len - 4, type == 07 ? "ids" : "areas");
		return 1;
	case 013: /* router hello (its list of routers tcpdump leaves out) */
		dec_printf(d, "router-hello ");
		if (!hello(d, m, len, 18))
			return 0;
		dec_printf(d, " blksize %u pri %u hello %u", (unsigned)(m[12] << 8 | m[11]), m[13],
			   (unsigned)(m[16] << 8 | m[15]));
		return 1;
	case 015: /* endnode hello */
		dec_printf(d, "endnode-hello ");
		if (!hello(d, m, len, 32))
			return 0;
		dec_printf(d, " blksize %u rtr ", (unsigned)(m[12] << 8 | m[11]));
		addr(d, (unsigned)(m[27] << 8 | m[26]));
		dec_printf(d, " hello %u data %o", (unsigned)(m[29] << 8 | m[28]), m[31]);
		return 1;
	}
	dec_printf(d, "unknown control message");
	dec_default_print(d, m, dec_avail(d, m, len)); /* tcpdump caps it at the capture */
	return 1;
}

/* The sequence words of a data, interrupt or link-service segment or an
 * acknowledgement at w: an acknowledgement (ack/nak), one of the other
 * channel (oth: "oack"/"onak" or "ackdat"/"nakdat"), then the number
 * (seg: print "seg N").  room: the words the message length allows
 * (3 checked as they come; -1: no check).  0: malformed. */
static int seqwords(struct dec_ctx *d, const uint8_t *w, int room, const char *const oth[2], int seg)
{
	unsigned v = dec_le16(d, w);
	if (v & DN_SGQ_ACK) {
		dec_printf(d, "%s %u ", (v & DN_SGQ_NAK) == DN_SGQ_NAK ? "nak" : "ack", v & 07777);
		if (room >= 0 && room < 2)
			return 0;
		v = dec_le16(d, w + 2);
		if (v & DN_SGQ_OTHER) {
			dec_printf(d, "%s %u ", oth[(v & DN_SGQ_ONAK) == DN_SGQ_ONAK], v & 07777);
			if (seg) {
				if (room >= 0 && room < 3)
					return 0;
				v = dec_le16(d, w + 4);
			}
		}
	}
	if (seg)
		dec_printf(d, "seg %u ", v & 07777);
	return 1;
}

static const char *const dn_oth[2] = { "oack", "onak" };
static const char *const dn_dat[2] = { "ackdat", "nakdat" };

/* The connect initiate / confirm fields from the services byte on. */
static void conn_fields(struct dec_ctx *d, const uint8_t *m)
{
	unsigned services = m[5] & 014;
	if (services == 04)
		dec_printf(d, "seg ");
	else if (services == 010)
		dec_printf(d, "msg ");
	dec_printf(d, "%ssegsize %u ", dn_versions[m[6] & 3], (unsigned)(m[8] << 8 | m[7]));
}

static int nsp(struct dec_ctx *d, const uint8_t *m, size_t len)
{
	if (len < DN_NSP) {
		dec_printf(d, " (nsplen %zu < %d)", len, DN_NSP);
		return 0;
	}
	dec_need(d, m, DN_NSP);
	unsigned flags = m[0], dst = (unsigned)(m[2] << 8 | m[1]), src = (unsigned)(m[4] << 8 | m[3]);
	unsigned sub = flags & 0160;
	int room = len >= 7 ? (int)(len - 5) / 2 : 0;
	switch (flags & 014) {
	case 0: /* data */
		if (sub == 040 || sub == 0 || sub == 0100 || sub == 0140) {
			dec_printf(d, "data %u>%u ", src, dst);
			return len >= 7 && seqwords(d, m + 5, room, dn_oth, 1);
		}
		if (sub == 060) {
			dec_printf(d, "intr ");
			return len >= 7 && seqwords(d, m + 5, room, dn_dat, 1);
		}
		if (sub == 020) {
			dec_printf(d, "link-service %u>%u ", src, dst);
			if (len < 13)
				return 0;
			seqwords(d, m + 5, -1, dn_dat, 1);
			unsigned ls = dec_u8(d, m + 11), fc = dec_u8(d, m + 12);
			if ((ls & 014) == 0) {
				dec_printf(d, "dat seg count %u ", fc);
				static const char *const mods[] = { "", "donotsend-data ", "send-data " };
				if ((ls & 3) < 3)
					dec_printf(d, "%s", mods[ls & 3]);
				else
					dec_printf(d, "reserved-fcmod? %x", ls);
			} else if ((ls & 014) == 4)
				dec_printf(d, "intr req count %u ", fc);
			else
				dec_printf(d, "reserved-fcval-int? %x", ls);
			return 1;
		}
		dec_printf(d, "reserved-subtype? %x %u > %u", flags, src, dst);
		return 1;
	case 04: /* acknowledgements */
		if (sub == 0 || sub == 020) {
			dec_printf(d, "%s %u>%u ", sub ? "ils-ack" : "data-ack", src, dst);
			if (len < 9)
				return 0;
			dec_need(d, m, 9);
			seqwords(d, m + 5, -1, sub ? dn_dat : dn_oth, 0);
		} else if (sub == 040)
			dec_printf(d, "conn-ack %u", dst);
		else
			dec_printf(d, "reserved-acktype? %x %u > %u", flags, src, dst);
		return 1;
	case 010: /* connect and disconnect */
		if (sub == 020 || sub == 0140) {
			dec_printf(d, "%s %u>%u ", sub == 020 ? "conn-initiate" : "retrans-conn-initiate", src, dst);
			if (len < 9)
				return 0;
			dec_need(d, m, 9);
			conn_fields(d, m);
		} else if (sub == 040) {
			dec_printf(d, "conn-confirm %u>%u ", src, dst);
			if (len < 10)
				return 0;
			dec_need(d, m, 10);
			conn_fields(d, m);
			if (m[9])
				dec_printf(d, "optlen %u ", m[9]);
		} else if (sub == 060 || sub == 0100) {
			dec_printf(d, "%s %u>%u ", sub == 060 ? "disconn-initiate" : "disconn-confirm", src, dst);
			if (sub == 060 && len < 8)
				return 0;
			dec_need(d, m, sub == 060 ? 8 : 7);
			dec_tokf(d, dn_reasons, (unsigned)(m[6] << 8 | m[5]), "reason-%u");
			dec_printf(d, " ");
			if (sub == 060 && m[7])
				dec_printf(d, "optlen %u ", m[7]);
		} else
			dec_printf(d, "reserved-ctltype? %x %u > %u", flags, src, dst);
		return 1;
	}
	dec_printf(d, "reserved-type? %x %u > %u", flags, src, dst);
	return 1;
}

/* The message after the length word and any padding; 0: malformed. */
static int message(struct dec_ctx *d, const uint8_t *p, size_t length, unsigned pktlen)
{
	const uint8_t *rh = p + 2;
	unsigned mflags = dec_u8(d, rh);
	if (mflags & 0100) {
		dec_printf(d, "future-version-decnet");
		dec_default_print(d, p, dec_avail(d, p, length)); /* capped, as tcpdump */
		return 1;
	}
	if (mflags & 1)
		return ctlmsg(d, rh, length);
	unsigned src, dst, hops;
	size_t hl;
	if ((mflags & 7) == 6) {
		if (length < DN_LONG) {
			dec_printf(d, " (length %zu < %d)", length, DN_LONG);
			return 0;
		}
		dec_need(d, rh, DN_LONG);
		dst = (unsigned)(rh[8] << 8 | rh[7]);
		src = (unsigned)(rh[16] << 8 | rh[15]);
		hops = rh[18];
		hl = DN_LONG;
	} else if ((mflags & 7) == 2) {
		dec_need(d, rh, DN_SHORT);
		dst = (unsigned)(rh[2] << 8 | rh[1]);
		src = (unsigned)(rh[4] << 8 | rh[3]);
		hops = (rh[5] & 077) + 1u;
		hl = DN_SHORT;
	} else {
		dec_printf(d, "unknown message flags under mask");
		dec_default_print(d, p, dec_avail(d, p, length)); /* capped, as tcpdump */
		return 1;
	}
	addr(d, src);
	dec_printf(d, " > ");
	addr(d, dst);
	dec_printf(d, " %u ", pktlen);
	if (d->o.vflag) {
		static const char *const rflags[] = { "RQR ", "RTS ", "IE " };
		for (unsigned i = 0; i < 3; i++)
			if (mflags & (010u << i))
				dec_printf(d, "%s", rflags[i]);
		dec_printf(d, "%u hops ", hops);
	}
	return nsp(d, rh + hl, length - hl);
}

void dec_decnet(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "decnet";
	int ok = 0;
	if (len < DN_SHORT)
		dec_printf(d, " (length %zu < %d)", len, DN_SHORT);
	else {
		unsigned pktlen = dec_le16(d, p);
		if (pktlen < DN_SHORT)
			dec_printf(d, " (pktlen %u < %d)", pktlen, DN_SHORT);
		else if (pktlen > len)
			dec_printf(d, " (pktlen %u > %zu)", pktlen, len);
		else {
			size_t length = pktlen;
			unsigned mflags = dec_u8(d, p + 2);
			ok = 1;
			if (mflags & 0200) { /* padding before the message */
				unsigned pad = mflags & 0177;
				if (d->o.vflag)
					dec_printf(d, "[pad:%u] ", pad);
				if (length < pad + 2u) {
					dec_printf(d, " (length %zu < %u)", length, pad + 2);
					ok = 0;
				} else {
					dec_need(d, p + 2, pad);
					p += pad;
					length -= pad;
				}
			}
			if (ok)
				ok = message(d, p, length, pktlen);
		}
	}
	if (!ok)
		dec_printf(d, " (invalid)");
}
