/* juniper.c: Juniper's capture headers (DLT_JUNIPER_*), as tcpdump 4.99
 * prints them: the "MGC" magic and a flags byte, optional extension TLVs
 * (interface indexes, names, media and encapsulation types; -vv shows
 * them), a PIC's cookie for ATM1 and the other cookie-carrying PICs, with
 * -e "In  ATM1-PIC, cookie-len 4, cookie 0x...: hlen N, proto 0x....: ",
 * then the frame: Ethernet, PPP, Cisco HDLC, Frame Relay, PPPoE, or on
 * ATM1 an LLC/SNAP, Cisco-NLPID or bare IP payload.  A capture whose L2
 * header was stripped is guessed at as IPv4 or IPv6. */
#include "decode/dec.h"

enum { JNX_MAGIC = 0x4d4743 };                      /* "MGC" */
enum { JNX_IN = 0x01, JNX_NO_L2 = 0x02, JNX_IIF = 0x04, JNX_FILTER = 0x40, JNX_EXT = 0x80 };
enum { JNX_LS_COOKIE = 0x54, JNX_AS_COOKIE = 0x47, JNX_AS_COOKIE_LEN = 8 };
enum { JNX_TLV_IFD_NAME = 2, JNX_TLV_IFD_MEDIA = 3, JNX_TLV_IFL_ENCAPS = 6, JNX_TLV_TTP_MEDIA = 7,
       JNX_TLV_TTP_ENCAPS = 8 };

static const struct dec_tok jnx_flags[] = {
	{ JNX_EXT, "Ext" }, { JNX_FILTER, "Filter" }, { JNX_IIF, "IIF" }, { JNX_NO_L2, "no-L2" }, { JNX_IN, "In" },
	{ 0, NULL },
};
static const struct dec_tok jnx_tlvs[] = {
	{ 1, "Device Interface Index" }, { 2, "Device Interface Name" }, { 3, "Device Media Type" },
	{ 4, "Logical Interface Index" }, { 5, "Logical Unit Number" }, { 6, "Logical Interface Encapsulation" },
	{ 7, "TTP derived Device Media Type" }, { 8, "TTP derived Logical Interface Encapsulation" }, { 0, NULL },
};
/* Interface media types (IFML) and logical encapsulations (IFLE) */
static const struct dec_tok jnx_ifmt[] = {
	{ 1, "Ethernet" }, { 2, "FDDI" }, { 3, "Token-Ring" }, { 4, "PPP" }, { 57, "PPP-Subordinate" },
	{ 5, "Frame-Relay" }, { 6, "Cisco-HDLC" }, { 7, "SMDS-DXI" }, { 8, "ATM-PVC" }, { 9, "PPP-CCC" },
	{ 10, "Frame-Relay-CCC" }, { 48, "Extended FR-CCC" }, { 11, "IP-over-IP" }, { 12, "GRE" },
	{ 13, "PIM-Encapsulator" }, { 14, "PIM-Decapsulator" }, { 15, "Cisco-HDLC-CCC" }, { 16, "VLAN-CCC" },
	{ 32, "Extended-VLAN-CCC" }, { 17, "Multilink-PPP" }, { 18, "Multilink-FR" }, { 39, "Multilink-FR-UNI-NNI" },
	{ 19, "Multilink" }, { 40, "LinkService" }, { 20, "LSI" }, { 22, "ATM-CCC-Cell-Relay" },
	{ 23, "IPSEC-over-IP" }, { 24, "GGSN" }, { 27, "PPP-TCC" }, { 28, "Frame-Relay-TCC" },
	{ 49, "Extended FR-TCC" }, { 29, "Cisco-HDLC-TCC" }, { 30, "Ethernet-CCC" }, { 31, "VPN-Loopback-tunnel" },
	{ 33, "Ethernet-over-ATM" }, { 46, "Ethernet-VPLS-over-ATM" }, { 34, "Monitor" }, { 35, "Ethernet-TCC" },
	{ 36, "VLAN-TCC" }, { 37, "Extended-VLAN-TCC" }, { 38, "Controller" }, { 41, "VPLS" }, { 42, "VLAN-VPLS" },
	{ 43, "Extended-VLAN-VPLS" }, { 44, "Logical-tunnel" }, { 45, "General-Services" }, { 56, "PPPoE" },
	{ 52, "Flexible-Ethernet-Services" }, { 50, "Flexible-FrameRelay" }, { 53, "Flow-collection" },
	{ 60, "PIC Peer" }, { 59, "Dynamic-Flow-Capture" }, { 0, NULL },
};
static const struct dec_tok jnx_ifle[] = {
	{ 59, "Aggregator" }, { 9, "CCC over ATM" }, { 32, "ATM CCC Cell Relay" }, { 26, "CISCO compatible NLPID" },
	{ 56, "Ethernet over ATM CCC" }, { 41, "Ethernet over ATM LLC" }, { 53, "Ethernet VPLS over ATM LLC" },
	{ 5, "ATM LLC" }, { 55, "MLPPP over ATM LLC" }, { 3, "ATM NLPID" }, { 61, "PPPoE over ATM LLC" },
	{ 8, "PPP over FUNI" }, { 7, "PPP over ATM LLC" }, { 6, "PPP over ATM VCMUX" }, { 2, "ATM SNAP" },
	{ 43, "ATM SNAP TCC" }, { 35, "ATM VCMUX TCC" }, { 4, "ATM VCMUX" }, { 18, "C-HDLC" }, { 25, "C-HDLC CCC" },
	{ 65, "C-HDLC via dialer" }, { 38, "C-HDLC TCC" }, { 58, "Collector" }, { 33, "Crypto" }, { 14, "Ethernet" },
	{ 39, "Ethernet CCC" }, { 51, "Extended VLAN VPLS" }, { 62, "PPPoE over Ethernet" }, { 45, "Ethernet TCC" },
	{ 50, "VLAN VPLS" }, { 49, "VPLS" }, { 42, "Extended VLAN CCC" }, { 47, "Extended VLAN TCC" }, { 13, "FR CCC" },
	{ 10, "FR NLPID" }, { 54, "FR CCC" }, { 12, "FR PPP" }, { 11, "FR SNAP" }, { 36, "FR TCC" }, { 34, "GGSN" },
	{ 22, "GRE NULL" }, { 23, "PPP over GRE" }, { 20, "IPIP" }, { 60, "LAPD" }, { 30, "LSI Null" },
	{ 57, "LT VLAN" }, { 48, "MFR" }, { 29, "MLFR" }, { 28, "MLPPP" }, { 44, "Monitor" }, { 24, "PIMd" },
	{ 21, "PIM Null" }, { 17, "PPP" }, { 63, "PPPoE" }, { 19, "PPP CCC" }, { 64, "" }, { 37, "PPP TCC" },
	{ 52, "General Services" }, { 27, "VLAN CCC" }, { 46, "VLAN TCC" }, { 40, "VT" }, { 0, NULL },
};

/* The PICs that put a cookie after the header, by DLT */
static const struct {
	int dlt;
	unsigned cookie_len;
	const char *name;
} jnx_cookies[] = {
	{ DLT_JUNIPER_ATM1, 4, "ATM1" }, { DLT_JUNIPER_ATM2, 8, "ATM2" }, { DLT_JUNIPER_MLPPP, 2, "MLPPP" },
	{ DLT_JUNIPER_MLFR, 2, "MLFR" }, { DLT_JUNIPER_MFR, 4, "MFR" }, { DLT_JUNIPER_PPPOE, 0, "PPPoE" },
	{ DLT_JUNIPER_PPPOE_ATM, 0, "PPPoE ATM" }, { DLT_JUNIPER_GGSN, 8, "GGSN" },
	{ DLT_JUNIPER_MONITOR, 8, "MONITOR" }, { DLT_JUNIPER_SERVICES, 8, "AS" }, { DLT_JUNIPER_ES, 0, "ES" },
};

/* What the header says */
struct jnx {
	unsigned hlen;             /* header and cookie bytes */
	unsigned proto;            /* the two bytes after the cookie */
	uint8_t cookie[8];
};

/* tcpdump's guess for a payload without a link header: 1 when it was
 * IPv4 or IPv6. */
static int ip_guess(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	unsigned v = dec_u8(d, p);
	if (v >= 0x45 && v <= 0x4f)
		dec_ip(d, p, len);
	else if (v >= 0x60 && v <= 0x6f)
		dec_ip6(d, p, len);
	else
		return 0;
	return 1;
}

/* An extension TLV's value: little-endian below type 128, big-endian
 * from there, -1 for lengths above 4. */
static long tlv_value(struct dec_ctx *d, const uint8_t *p, unsigned type, unsigned n)
{
	if (n < 1 || n > 4)
		return -1;
	dec_need(d, p, n);
	unsigned long v = 0;
	for (unsigned i = 0; i < n; i++)
		v |= (unsigned long)p[type < 128 ? i : n - 1 - i] << (8 * i);
	return (long)v;
}

/* The extension TLVs (ext bytes at t); 0 when one overruns them. */
static int jnx_ext(struct dec_ctx *d, const uint8_t *t, unsigned ext)
{
	while (ext > 2) {
		unsigned type = dec_u8(d, t), n = dec_u8(d, t + 1);
		t += 2;
		if (type == 0 || n == 0)
			break;
		if (ext < n + 2) {
			dec_printf(d, " [extension_length %u < %u] (invalid)", ext, n + 2);
			return 0;
		}
		int vv = d->o.vflag > 1;
		if (vv)
			dec_printf(d, "\n\t  %s Extension TLV #%u, length %u, value ", dec_tok(jnx_tlvs, type, "Unknown"), type, n);
		long v = tlv_value(d, t, type, n);
		if (type == JNX_TLV_IFD_MEDIA || type == JNX_TLV_TTP_MEDIA) {
			if (v != -1 && vv)
				dec_printf(d, "%s (%ld)", dec_tok(jnx_ifmt, (unsigned)v, "Unknown"), v);
		} else if (type == JNX_TLV_IFL_ENCAPS || type == JNX_TLV_TTP_ENCAPS) {
			if (v != -1 && vv)
				dec_printf(d, "%s (%ld)", dec_tok(jnx_ifle, (unsigned)v, "Unknown"), v);
		} else if (type != JNX_TLV_IFD_NAME && v != -1 && vv)
			dec_printf(d, "%ld", v);
		t += n;
		ext -= n + 2;
	}
	if (d->o.vflag > 1)
		dec_printf(d, "\n\t-----original packet-----\n\t");
	return 1;
}

/* The PIC's cookie at q for DLT dlt, into j; 0 when it is invalid. */
static int jnx_cookie(struct dec_ctx *d, const uint8_t *q, int dlt, struct jnx *j)
{
	for (size_t i = 0; i < sizeof jnx_cookies / sizeof jnx_cookies[0]; i++) {
		if (jnx_cookies[i].dlt != dlt)
			continue;
		unsigned cl = jnx_cookies[i].cookie_len, first = dec_u8(d, q);
		if (first == JNX_LS_COOKIE)
			cl += 2;
		else if (first == JNX_AS_COOKIE)
			cl = JNX_AS_COOKIE_LEN;
		if (dlt == DLT_JUNIPER_MFR && (first & 0xc0) == 0xc0)
			cl = 0; /* MFR child links carry none */
		j->hlen += cl;
		if (d->o.eflag)
			dec_printf(d, "%s-PIC, cookie-len %u", jnx_cookies[i].name, cl);
		if (cl > 8) {
			dec_printf(d, " (invalid)");
			return 0;
		}
		if (cl > 0) {
			dec_need(d, q, cl);
			if (d->o.eflag)
				dec_printf(d, ", cookie 0x");
			for (unsigned k = 0; k < cl; k++) {
				j->cookie[k] = q[k];
				if (d->o.eflag)
					dec_printf(d, "%02x", q[k]);
			}
		}
		if (d->o.eflag)
			dec_printf(d, ": ");
		j->proto = dec_be16(d, q + cl);
		return 1;
	}
	return 1;
}

/* The common header at p; 1 when the frame follows (j->hlen bytes on),
 * 0 when the line ends (j->hlen: what -x skips). */
static int jnx_header(struct dec_ctx *d, const uint8_t *p, size_t len, int dlt, struct jnx *j)
{
	*j = (struct jnx){ 0 };
	unsigned flags = dec_u8(d, p + 3);
	if (((unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2]) != JNX_MAGIC) {
		dec_printf(d, "no magic-number found!");
		return 0;
	}
	if (d->o.eflag)
		dec_printf(d, "%3s ", flags & JNX_IN ? "In" : "Out");
	unsigned hl = 4;
	if (d->o.vflag > 1) {
		dec_printf(d, "\n\tJuniper PCAP Flags [");
		dec_bits(d, jnx_flags, flags, "none");
		dec_printf(d, "]");
	}
	if (flags & JNX_EXT) {
		unsigned ext = dec_be16(d, p + 4);
		hl += 2 + ext;
		if (d->o.vflag > 1)
			dec_printf(d, ", PCAP Extension(s) total length %u", ext);
		dec_need(d, p + 6, ext);
		if (!jnx_ext(d, p + 6, ext))
			return 0;
	}
	if (flags & JNX_NO_L2) { /* no link header: guess at the network layer */
		if (d->o.eflag)
			dec_printf(d, "no-L2-hdr, ");
		dec_need(d, p + hl + 4, 1);
		d->hdrlen = (int)hl + 4; /* for an IP header cut short */
		if (!ip_guess(d, p + hl + 4, (uint32_t)(len - (hl + 4))))
			dec_printf(d, "no IP-hdr found!");
		j->hlen = hl + 4;
		return 0;
	}
	j->hlen = hl;
	if (!jnx_cookie(d, p + hl, dlt, j))
		return 0;
	if (d->o.eflag)
		dec_printf(d, "hlen %u, proto 0x%04x, ", j->hlen, j->proto);
	return 1;
}

/* Each link type's frame after the header, its bytes at p; returns the
 * link header length tcpdump's printer returns (hl with its own). */
typedef int (*jnx_fn)(struct dec_ctx *d, const struct jnx *j, const uint8_t *p, size_t len);

static int jnx_ether(struct dec_ctx *d, const struct jnx *j, const uint8_t *p, size_t len)
{
	return dec_link_nested(d, dec_ether, p, len, (int)j->hlen, 1);
}

static int jnx_pppoe(struct dec_ctx *d, const struct jnx *j, const uint8_t *p, size_t len)
{
	return dec_link_nested(d, dec_ether, p, len, (int)j->hlen, 0);
}

static int jnx_ppp(struct dec_ctx *d, const struct jnx *j, const uint8_t *p, size_t len)
{
	return dec_link_nested(d, dec_ppp_frame, p, len, (int)j->hlen, 0);
}

static int jnx_chdlc(struct dec_ctx *d, const struct jnx *j, const uint8_t *p, size_t len)
{
	return dec_link_nested(d, dec_link_chdlc, p, len, (int)j->hlen, 0);
}

static int jnx_frelay(struct dec_ctx *d, const struct jnx *j, const uint8_t *p, size_t len)
{
	return dec_link_nested(d, dec_fr, p, len, (int)j->hlen, 0);
}

/* ATM1: an OAM cell (tcpdump's OAM printer), LLC (NLPID or SNAP), a
 * Cisco-style NLPID, or bare IP. */
static int jnx_atm1(struct dec_ctx *d, const struct jnx *j, const uint8_t *p, size_t len)
{
	d->hdrlen = (int)j->hlen;
	if (j->cookie[0] == 0x80) { /* an OAM cell, without its HEC byte (atm.c) */
		dec_oam(d, p, len, 0);
		return (int)j->hlen;
	}
	dec_need(d, p, 3);
	unsigned w = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
	if (w == 0xfefe03 || w == 0xaaaa03)
		dec_llc(d, NULL, p, len);
	else if (p[0] == 0x03)
		dec_link_nested(d, dec_link_osi, p + 1, len - 1, (int)j->hlen, 0);
	else
		ip_guess(d, p, len);
	return (int)j->hlen;
}

static const struct {
	int dlt;
	const char *proto; /* tcpdump's name for " [|proto]" */
	jnx_fn print;
} jnx_types[] = {
	{ DLT_JUNIPER_ETHER, "juniper_ether", jnx_ether }, { DLT_JUNIPER_ATM1, "juniper_atm1", jnx_atm1 },
	{ DLT_JUNIPER_PPP, "juniper_ppp", jnx_ppp }, { DLT_JUNIPER_CHDLC, "juniper_chdlc", jnx_chdlc },
	{ DLT_JUNIPER_FRELAY, "juniper_frelay", jnx_frelay }, { DLT_JUNIPER_PPPOE, "juniper_pppoe", jnx_pppoe },
};

int dec_link_juniper(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < sizeof jnx_types / sizeof jnx_types[0]; i++) {
		if (jnx_types[i].dlt != d->linktype)
			continue;
		struct jnx j;
		dec_link_begin(d, p, len, jnx_types[i].proto, 0);
		if (!jnx_header(d, p, len, d->linktype, &j))
			return (int)j.hlen;
		d->proto = jnx_types[i].proto;
		/* the length as tcpdump's unsigned int has it, even below 0 */
		return jnx_types[i].print(d, &j, p + j.hlen, (uint32_t)(len - j.hlen));
	}
	return dec_link_other(d, p, len);
}
