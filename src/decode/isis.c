/* isis.c: the OSI network layer behind 802.2 SAP 0xfe (ISO 9577 NLPIDs)
 * and IS-IS (ISO 10589) as tcpdump 4.99's isoclns printer shows it
 * without -v: the PDU type and its identifying fields,
 *
 *   IS-IS, p2p IIH, src-id 8888.8888.8888, length 1492
 *   IS-IS, L1 LSP, lsp-id 2222.2222.2222.00-00, seq 0x00000010, lifetime  1200s, length 149
 *
 * (with -e "OSI NLPID IS-IS (0x83): " replaces "IS-IS, ").  With -v the
 * common header, the PDU's own header and its TLVs (isis_tlv.c) on lines
 * of their own.  A header that tcpdump rejects prints why, then the PDU
 * in hex.  CLNP and ES-IS are not done: the line stops there (handoff). */
#include "decode/dec.h"

#define ISIS_COMMON 8
#define ISIS_SYSID 6

/* tcpdump's NLPID names, shared with isis_tlv.c */
const struct dec_tok dec_nlpids[] = {
	{ 0x00, "NULL" }, { 0x08, "Q.933" }, { 0x09, "LMI" }, { 0x80, "SNAP" }, { 0x81, "CLNP" }, { 0x82, "ES-IS" },
	{ 0x83, "IS-IS" }, { 0x84, "CONS" }, { 0x85, "IDRP" }, { 0xc1, "ISIS_SPB" }, { 0xb1, "FRF.15" },
	{ 0xcc, "IPv4" }, { 0xcf, "PPP" }, { 0x8a, "X25 ES-IS" }, { 0x8e, "IPv6" }, { 0, NULL },
};
static const struct dec_tok circuit_types[] = {
	{ 1, "Level 1 only" }, { 2, "Level 2 only" }, { 3, "Level 1, Level 2" }, { 0, NULL },
};
static const char *const lsp_istypes[] = { "Unused 0x0 (invalid)", "L1 IS", "Unused 0x2 (invalid)", "L2 IS" };

/* Each PDU type: its name, the length of its own header after the common
 * one, where its identifier starts and how long it is (6: system, 7:
 * node, 8: LSP id), and for LAN hellos where the LAN id starts. */
struct isis_pdu {
	unsigned type;
	const char *name;
	unsigned hdr, id_at, id_len, lan_at;
	const char *bogus; /* tcpdump's prefix of the "bogus fixed header" text */
};
static const struct isis_pdu isis_pdus[] = {
	{ 15, "L1 Lan IIH", 19, 9, 6, 20, ", " }, { 16, "L2 Lan IIH", 19, 9, 6, 20, ", " },
	{ 17, "p2p IIH", 12, 9, 6, 0, ", " },
	{ 18, "L1 LSP", 19, 12, 8, 0, ", " }, { 20, "L2 LSP", 19, 12, 8, 0, ", " },
	{ 24, "L1 CSNP", 25, 10, 7, 0, ", " }, { 25, "L2 CSNP", 25, 10, 7, 0, ", " },
	{ 26, "L1 PSNP", 9, 10, 7, 0, "- " }, { 27, "L2 PSNP", 9, 10, 7, 0, "- " },
};

/* A system, node or LSP id: xxxx.xxxx.xxxx[.nn[-nn]] */
void dec_isis_id(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	dec_need(d, p, len);
	for (unsigned i = 0; i < ISIS_SYSID; i++)
		dec_printf(d, i == 2 || i == 4 ? ".%02x" : "%02x", p[i]);
	if (len >= 7)
		dec_printf(d, ".%02x", p[6]);
	if (len == 8)
		dec_printf(d, "-%02x", p[7]);
}

static const struct isis_pdu *find_pdu(unsigned type)
{
	for (size_t i = 0; i < sizeof isis_pdus / sizeof isis_pdus[0]; i++)
		if (isis_pdus[i].type == type)
			return &isis_pdus[i];
	return NULL;
}

/* ISO 10589's Fletcher checksum of n bytes at p, the checksum field at
 * offset at counted as zero: the value it should have (tcpdump's
 * create_osi_cksum). */
static unsigned osi_cksum(const uint8_t *p, size_t at, size_t n)
{
	uint32_t c0 = 0, c1 = 0;
	for (size_t i = 0; i < n; i++) {
		if (i != at && i != at + 1)
			c0 += p[i];
		c1 += c0;
	}
	c0 %= 255;
	c1 %= 255;
	int32_t mul = (int32_t)((n - at) * c0), x = mul - (int32_t)c0 - (int32_t)c1, y = (int32_t)c1 - mul - 1;
	if (y >= 0)
		y++;
	if (x < 0)
		x--;
	x %= 255;
	y %= 255;
	if (x == 0)
		x = 255;
	if (y == 0)
		y = 255;
	/* x may be negative here: tcpdump's int shift, done on its two's
	 * complement bits */
	return (unsigned)(((uint32_t)x << 8) | ((uint32_t)y & 0xff)) & 0xffff;
}

void dec_osi_cksum(struct dec_ctx *d, const uint8_t *p, unsigned ck, size_t at, size_t n)
{
	if (!ck || !dec_has(d, p + at, 2) || at > n || !dec_has(d, p, n))
		dec_printf(d, " (unverified)");
	else if (osi_cksum(p, at, n) == ck)
		dec_printf(d, " (correct)");
	else
		dec_printf(d, " (incorrect should be 0x%04x)", osi_cksum(p, at, n));
}

/* -v: the PDU's own header on lines of their own, then its TLVs, as far
 * as its PDU length says. */
static void verbose(struct dec_ctx *d, const struct isis_pdu *pdu, const uint8_t *p, size_t len)
{
	unsigned pdu_len = dec_get_be16(p + (pdu->type <= 17 ? 17 : 8)), hdr = ISIS_COMMON + pdu->hdr;
	if (len > pdu_len)
		len = pdu_len;
	if (pdu->type <= 17) { /* hellos */
		dec_printf(d, "\n\t  source-id: ");
		dec_isis_id(d, p + 9, 6);
		dec_printf(d, ", %sholding time: %us, Flags: [", pdu->lan_at ? " " : "", dec_get_be16(p + 15));
		dec_tokf(d, circuit_types, p[8], "unknown circuit type 0x%02x");
		dec_printf(d, "]");
		if (pdu->lan_at) {
			dec_printf(d, "\n\t  lan-id:    ");
			dec_isis_id(d, p + 20, 7);
			dec_printf(d, ", Priority: %u, PDU length: %u", p[19] & 0x7f, pdu_len);
		} else
			dec_printf(d, "\n\t  circuit-id: 0x%02x, PDU length: %u", p[19], pdu_len);
	} else if (pdu->id_len == 8) { /* LSPs */
		unsigned ck = dec_get_be16(p + 24), tb = p[26];
		dec_printf(d, "\n\t  lsp-id: ");
		dec_isis_id(d, p + 12, 8);
		dec_printf(d, ", seq: 0x%08x, lifetime: %5us\n\t  chksum: 0x%04x", dec_get_be32(p + 20), dec_get_be16(p + 10), ck);
		dec_osi_cksum(d, p + 12, ck, 12, len < 12 ? 0 : len - 12);
		dec_printf(d, ", PDU length: %u, Flags: [ %s", pdu_len, tb & 0x04 ? "Overload bit set, " : "");
		if (tb & 0x78)
			dec_printf(d, "%s%s%s%sATT bit set, ", tb & 0x08 ? "default " : "", tb & 0x10 ? "delay " : "",
				   tb & 0x20 ? "expense " : "", tb & 0x40 ? "error " : "");
		dec_printf(d, "%s%s ]", tb & 0x80 ? "P bit set, " : "", lsp_istypes[tb & 3]);
	} else { /* sequence number PDUs */
		dec_printf(d, "\n\t  source-id:    ");
		dec_isis_id(d, p + 10, 7);
		dec_printf(d, ", PDU length: %u", pdu_len);
		if (pdu->hdr == 25) {
			dec_printf(d, "\n\t  start lsp-id: ");
			dec_isis_id(d, p + 17, 8);
			dec_printf(d, "\n\t  end lsp-id:   ");
			dec_isis_id(d, p + 25, 8);
		}
	}
	if (d->o.vflag > 1)
		dec_hexlines(d, "\n\t  ", p + ISIS_COMMON, pdu->hdr);
	if (len < hdr) {
		dec_printf(d, " [packet length %zu < %u] (invalid)", len, hdr);
		return;
	}
	dec_isis_tlvs(d, p, len, p + hdr, len - hdr);
}

/* 0: a header tcpdump rejects (the caller dumps the PDU). */
static int isis(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "isis";
	/* tcpdump's checks here end at its trunc label: the printer returns */
	dec_need_ret(d, p, ISIS_COMMON);
	if (len < ISIS_COMMON)
		dec_trunc_ret(d);
	if (!d->o.eflag)
		dec_printf(d, "IS-IS");
	unsigned fixed = p[1], idlen = p[3], type = p[4], max_area = p[7];
	if (p[2] != 1 || (idlen != ISIS_SYSID && idlen != 0) || p[5] != 1) {
		if (p[2] != 1 || idlen == ISIS_SYSID || idlen == 0)
			dec_printf(d, "version %u packet not supported", p[2] != 1 ? p[2] : p[5]);
		else
			dec_printf(d, "system ID length of %u is not supported", idlen);
		return 0;
	}
	if (len < fixed) {
		dec_printf(d, "fixed header length %u > packet length %zu", fixed, len);
		return 0;
	}
	if (fixed < ISIS_COMMON) {
		dec_printf(d, "fixed header length %u < minimum header size %u", fixed, ISIS_COMMON);
		return 0;
	}
	if (max_area == 255) {
		dec_printf(d, "bad packet -- 255 areas");
		return 0;
	}
	const struct isis_pdu *pdu = find_pdu(type);
	if (!d->o.vflag) {
		dec_printf(d, "%s", d->o.eflag ? "" : ", ");
		if (!pdu) {
			dec_printf(d, "unknown PDU-Type %u, length %zu", type, len);
			return 1;
		}
		dec_printf(d, "%s", pdu->name);
	} else {
		dec_printf(d, "%slength %zu\n\t", d->o.eflag ? "" : ", ", len);
		pdu ? dec_printf(d, "%s", pdu->name) : dec_printf(d, "unknown, type %u", type);
		dec_printf(d, ", hlen: %u, v: %u, pdu-v: %u, sys-id-len: %u (%u), max-area: %u (%u)", fixed, p[2], p[5],
			   ISIS_SYSID, idlen, max_area ? max_area : 3, max_area);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t", p, ISIS_COMMON);
		if (!pdu) {
			dec_hexlines(d, "\n\t  ", p + ISIS_COMMON, len);
			return 0;
		}
	}
	if (fixed != ISIS_COMMON + pdu->hdr) {
		dec_printf(d, "%sbogus fixed header length %u should be %u", pdu->bogus, fixed,
			   pdu->id_len == 8 ? pdu->hdr : ISIS_COMMON + pdu->hdr);
		return 0;
	}
	dec_need_ret(d, p, ISIS_COMMON + pdu->hdr);
	if (len < ISIS_COMMON + pdu->hdr)
		dec_trunc_ret(d);
	if (d->o.vflag) {
		verbose(d, pdu, p, len);
		return 1;
	}
	if (pdu->id_len == 8) {
		dec_printf(d, ", lsp-id ");
		dec_isis_id(d, p + pdu->id_at, 8);
		dec_printf(d, ", seq 0x%08x, lifetime %5us", dec_get_be32(p + 20), dec_get_be16(p + 10));
	} else {
		dec_printf(d, ", src-id ");
		dec_isis_id(d, p + pdu->id_at, pdu->id_len);
	}
	if (pdu->lan_at) {
		dec_printf(d, ", lan-id ");
		dec_isis_id(d, p + pdu->lan_at, 7);
		dec_printf(d, ", prio %u", p[19]);
	}
	dec_printf(d, ", length %zu", len);
	return 1;
}

/* Behind 802.2: the LLC header counts as link header for -x. */
void dec_isoclns(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->hdrlen = (int)(p - d->start);
	dec_osi(d, p, len);
}

/* tcpdump's isoclns_print: the NLPID picks the printer. */
void dec_osi(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "isoclns";
	d->app = "isis";
	unsigned nlpid = dec_u8(d, p);
	if (d->o.eflag)
		dec_printf(d, "OSI NLPID %s (0x%02x): ", dec_tok(dec_nlpids, nlpid, "Unknown"), nlpid);
	switch (nlpid) {
	case 0x83:
		if (!isis(d, p, len))
			dec_hexlines(d, "\n\t", p, len);
		return;
	case 0x00:
		dec_printf(d, "%slength: %zu", d->o.eflag ? "" : ", ", len);
		return;
	case 0xcc:
		dec_ip(d, p + 1, len ? len - 1 : 0);
		return;
	case 0x8e:
		dec_ip6(d, p + 1, len ? len - 1 : 0);
		return;
	case 0x81:
		if (!dec_clnp(d, p, len))
			dec_hexlines(d, "\n\t", p, len);
		return;
	case 0x82:
		dec_esis(d, p, len);
		return;
	case 0x08: /* Q.933 (fr.c) */
		d->app = NULL;
		dec_q933(d, p + 1, len ? len - 1 : 0);
		return;
	case 0xcf: /* PPP */
		d->app = NULL;
		dec_ppp_frame(d, p + 1, len ? len - 1 : 0);
		return;
	}
	if (!d->o.eflag)
		dec_printf(d, "OSI NLPID 0x%02x unknown", nlpid);
	dec_printf(d, "%slength: %zu", d->o.eflag ? "" : ", ", len);
	if (len > 1)
		dec_hexlines(d, "\n\t", p, len);
}
