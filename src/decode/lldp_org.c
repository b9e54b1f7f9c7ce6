/* lldp_org.c: LLDP's organisation-specific TLVs (type 127) after the OUI,
 * as tcpdump 4.99 prints them with -v: the IEEE 802.1 subtypes (VLANs,
 * protocol identity, congestion notification, DCBX ETS, PFC, application
 * priority, EVB, CDCP), the IEEE 802.3 ones (MAC/PHY, power via MDI, link
 * aggregation, frame size) and IANA's MUD-URL.  A TLV too short for its
 * subtype prints no more (tcpdump returns quietly); an unknown subtype or
 * OUI asks for the hex dump.  TIA LLDP-MED and the old DCBX OUI are not
 * decoded yet: those hand off. */
#include "decode/dec.h"

enum { OUI_8021 = 0x0080c2, OUI_8023 = 0x00120f, OUI_IANA = 0x00005e, OUI_TIA = 0x0012bb, OUI_DCBX = 0x001b21 };

static const char *const sub8021[15] = {
	[1] = "Port VLAN Id", [2] = "Port and Protocol VLAN ID", [3] = "VLAN name", [4] = "Protocol Identity",
	[8] = "Congestion Notification", [9] = "ETS Configuration", [10] = "ETS Recommendation",
	[11] = "Priority Flow Control Configuration", [12] = "Application Priority", [13] = "EVB", [14] = "CDCP",
};
static const char *const sub8023[5] = {
	[1] = "MAC/PHY configuration/status", [2] = "Power via MDI", [3] = "Link aggregation", [4] = "Max frame size",
};
static const struct dec_tok ppvid_flags[] = { { 0x02, "supported" }, { 0x04, "enabled" }, { 0, NULL } };
static const struct dec_tok autoneg[] = { { 0x01, "supported" }, { 0x02, "enabled" }, { 0, NULL } };
static const struct dec_tok pmd_caps[] = {
	{ 1 << 14, "10BASE-T hdx" }, { 1 << 13, "10BASE-T fdx" }, { 1 << 12, "100BASE-T4" },
	{ 1 << 11, "100BASE-TX hdx" }, { 1 << 10, "100BASE-TX fdx" }, { 1 << 9, "100BASE-T2 hdx" },
	{ 1 << 8, "100BASE-T2 fdx" }, { 1 << 7, "Pause for fdx links" }, { 1 << 6, "Asym PAUSE for fdx" },
	{ 1 << 5, "Sym PAUSE for fdx" }, { 1 << 4, "Asym and Sym PAUSE for fdx" },
	{ 1 << 3, "1000BASE-{X LX SX CX} hdx" }, { 1 << 2, "1000BASE-{X LX SX CX} fdx" },
	{ 1 << 1, "1000BASE-T hdx" }, { 1 << 0, "1000BASE-T fdx" }, { 0, NULL },
};
/* MAU types (RFC 3636 dot3MauType) by number */
static const char *const mau_types[41] = {
	"Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2", "10BASET duplex mode unknown", "10BASEFP", "10BASEFB",
	"10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx", "10BASET fdx", "10BASEFL hdx", "10BASEFL fdx",
	"100BASET4", "100BASETX hdx", "100BASETX fdx", "100BASEFX hdx", "100BASEFX fdx", "100BASET2 hdx",
	"100BASET2 fdx", "1000BASEX hdx", "1000BASEX fdx", "1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx",
	"1000BASESX fdx", "1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx", "1000BASET fdx", "10GBASEX",
	"10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR", "10GBASESR", "10GBASEW", "10GBASEEW", "10GBASELW",
	"10GBASESW",
};
static const struct dec_tok mdi_bits[] = {
	{ 0x01, "PSE" }, { 0x02, "supported" }, { 0x04, "enabled" }, { 0x08, "can be controlled" }, { 0, NULL },
};
static const char *const power_pairs[3] = { [1] = "signal", [2] = "spare" };
static const char *const power_classes[6] = { [1] = "class0", "class1", "class2", "class3", "class4" };
static const char *const evb_modes[4] = { "Not Supported", "EVB Bridge", "EVB Staion",
					  "Reserved for future Standardization" };

static const char *nth(const char *const *t, unsigned n, unsigned v, const char *dflt)
{
	return v < n && t[v] ? t[v] : dflt;
}

static void text(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dec_putc_safe(d, p[i]);
}

/* tcpdump's nd_printjnp: at most n bytes, up to a NUL. */
static void text_nul(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n && p[i]; i++)
		dec_putc_safe(d, p[i]);
}

/* A string after its length byte at p + off, if the TLV holds it. */
static int counted(struct dec_ctx *d, const char *title, const uint8_t *p, unsigned off, unsigned len)
{
	if (len >= off + 1 && len >= off + 1u + p[off]) {
		dec_printf(d, "%s", title);
		text_nul(d, p + off + 1, p[off]);
	}
	return 0;
}

/* Eight one-bit flags, by priority (0 first). */
static void prio_bits(struct dec_ctx *d, const char *title, unsigned v)
{
	dec_printf(d, "%s\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ", title);
	for (unsigned i = 0; i < 8; i++)
		dec_printf(d, "%-2u ", (v >> i) & 1);
}

/* Eight values under a header of eight columns. */
static void row8(struct dec_ctx *d, const char *title, const char *head, const char *lead, const unsigned v[8])
{
	dec_printf(d, "\n\t    %s\n\t     %s: 0   1   2   3   4   5   6   7\n\t     %s: ", title, head, lead);
	for (unsigned i = 0; i < 8; i++)
		dec_printf(d, "%s%-3u", i ? " " : "", v[i]);
}

/* The tables shared by ETS configuration and recommendation. */
static void ets_tables(struct dec_ctx *d, const uint8_t *p)
{
	unsigned v[8];
	for (unsigned i = 0; i < 8; i++)
		v[i] = i % 2 ? p[i / 2] & 0x0f : p[i / 2] >> 4;
	row8(d, "Priority Assignment Table", "Priority ", "Value    ", v);
	for (unsigned i = 0; i < 8; i++)
		v[i] = p[4 + i];
	row8(d, "TC Bandwidth Table", "TC%   ", "Value ", v);
	for (unsigned i = 0; i < 8; i++)
		v[i] = p[12 + i];
	row8(d, "TSA Assignment Table", "Traffic Class", "Value        ", v);
}

/* The 802.1 subtypes: 1 when tcpdump dumps the TLV in hex. */
static int ieee8021(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned st = p[3], v, n;
	dec_printf(d, "\n\t  %s Subtype (%u)", nth(sub8021, 15, st, "unknown"), st);
	switch (st) {
	case 1:
		if (len >= 6)
			dec_printf(d, "\n\t    port vlan id (PVID): %u", dec_get_be16(p + 4));
		return 0;
	case 2:
		if (len < 7)
			return 0;
		dec_printf(d, "\n\t    port and protocol vlan id (PPVID): %u, flags [", dec_get_be16(p + 5));
		dec_bits(d, ppvid_flags, p[4], "none");
		dec_printf(d, "] (0x%02x)", p[4]);
		return 0;
	case 3:
		if (len < 6)
			return 0;
		dec_printf(d, "\n\t    vlan id (VID): %u", dec_get_be16(p + 4));
		return counted(d, "\n\t    vlan name: ", p, 6, len);
	case 4:
		return counted(d, "\n\t    protocol identity: ", p, 4, len);
	case 8:
		if (len < 6)
			return 0;
		prio_bits(d, "\n\t    Pre-Priority CNPV Indicator", p[4]);
		prio_bits(d, "\n\t    Pre-Priority Ready Indicator", p[5]);
		return 0;
	case 9: case 10: /* ETS configuration, recommendation */
		if (len < 25)
			return 0;
		v = p[4];
		if (st == 9)
			dec_printf(d, "\n\t    Willing:%u, CBS:%u, RES:%u, Max TCs:%u", v >> 7, (v >> 6) & 0x02,
				   (v >> 3) & 0x07, v & 0x07);
		else
			dec_printf(d, "\n\t    RES: %u", v);
		ets_tables(d, p + 5);
		return 0;
	case 11:
		if (len < 6)
			return 0;
		v = p[4];
		dec_printf(d, "\n\t    Willing: %u, MBC: %u, RES: %u, PFC cap:%u ", v >> 7, (v >> 6) & 0x01,
			   (v >> 4) & 0x03, v & 0x0f);
		prio_bits(d, "\n\t    PFC Enable", p[5]);
		return 0;
	case 12:
		if (len < 5)
			return 0;
		dec_printf(d, "\n\t    RES: %u", p[4]);
		if (len == 5 || (len - 5) % 3)
			return 0;
		dec_printf(d, "\n\t    Application Priority Table");
		for (n = 0; n < len - 5; n += 3) {
			v = p[5 + n];
			dec_printf(d, "\n\t      Priority: %u, RES: %u, Sel: %u, Protocol ID: %u", v >> 5, (v >> 3) & 0x03,
				   v & 0x07, dec_get_be16(p + 6 + n));
		}
		return 0;
	case 13:
		if (len < 9)
			return 0;
		dec_printf(d, "\n\t    EVB Bridge Status\n\t      RES: %u, BGID: %u, RRCAP: %u, RRCTR: %u", p[4] >> 3,
			   (p[4] >> 2) & 1, (p[4] >> 1) & 1, p[4] & 1);
		dec_printf(d, "\n\t    EVB Station Status\n\t      RES: %u, SGID: %u, RRREQ: %u,RRSTAT: %u", p[5] >> 4,
			   (p[5] >> 3) & 1, (p[5] >> 2) & 1, p[5] & 3);
		dec_printf(d, "\n\t    R: %u, RTE: %u, EVB Mode: %s [%u]", p[6] >> 5, p[6] & 0x1f, evb_modes[p[7] >> 6],
			   p[7] >> 6);
		dec_printf(d, "\n\t    ROL: %u, RWD: %u, RES: %u, ROL: %u, RKA: %u", (p[7] >> 5) & 1, p[7] & 0x1f,
			   p[8] >> 6, (p[8] >> 5) & 1, p[8] & 0x1f);
		return 0;
	case 14:
		if (len < 8)
			return 0;
		dec_printf(d, "\n\t    Role: %u, RES: %u, Scomp: %u ChnCap: %u", p[4] >> 7, (p[4] >> 4) & 7, (p[4] >> 3) & 1,
			   dec_get_be16(p + 6) & 0x0fff);
		if ((len - 8) % 3)
			return 0;
		for (n = 0; n < len - 8; n += 3) {
			v = (unsigned)p[8 + n] << 16 | (unsigned)p[9 + n] << 8 | p[10 + n];
			dec_printf(d, "\n\t    SCID: %u, SVID: %u", v >> 12, v & 0xfff);
		}
		return 0;
	}
	return 1;
}

static int ieee8023(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned st = p[3];
	dec_printf(d, "\n\t  %s Subtype (%u)", nth(sub8023, 5, st, "unknown"), st);
	switch (st) {
	case 1:
		if (len < 9)
			return 0;
		dec_printf(d, "\n\t    autonegotiation [");
		dec_bits(d, autoneg, p[4], "none");
		dec_printf(d, "] (0x%02x)\n\t    PMD autoneg capability [", p[4]);
		dec_bits(d, pmd_caps, dec_get_be16(p + 5), "unknown");
		dec_printf(d, "] (0x%04x)\n\t    MAU type %s (0x%04x)", dec_get_be16(p + 5),
			   nth(mau_types, 41, dec_get_be16(p + 7), "unknown"), dec_get_be16(p + 7));
		return 0;
	case 2:
		if (len < 7)
			return 0;
		dec_printf(d, "\n\t    MDI power support [");
		dec_bits(d, mdi_bits, p[4], "none");
		dec_printf(d, "], power pair %s, power class %s", nth(power_pairs, 3, p[5], "unknown"),
			   nth(power_classes, 6, p[6], "unknown"));
		return 0;
	case 3:
		if (len < 9)
			return 0;
		dec_printf(d, "\n\t    aggregation status [");
		dec_bits(d, ppvid_flags, (unsigned)p[4] << 1, "none"); /* bits 0 and 1: supported, enabled */
		dec_printf(d, "], aggregation port ID %u", dec_get_be32(p + 5));
		return 0;
	case 4:
		if (len >= 6)
			dec_printf(d, "\n\t    MTU size %u", dec_get_be16(p + 4));
		return 0;
	}
	return 1;
}

/* The value of an organisation-specific TLV (len bytes, captured, OUI
 * printed): 1 for tcpdump's hex dump, 0 for none, -1 to hand off. */
int dec_lldp_org(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned oui = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
	switch (oui) {
	case OUI_8021:
		return len < 4 ? 0 : ieee8021(d, p, len);
	case OUI_8023:
		return len < 4 ? 0 : ieee8023(d, p, len);
	case OUI_IANA:
		if (len < 8)
			return 0;
		dec_printf(d, "\n\t  %s Subtype (%u)", p[3] == 1 ? "MUD-URL" : "unknown", p[3]);
		if (p[3] != 1)
			return 1;
		for (unsigned i = 4; i < len; i++) /* tcpdump's fn_printn */
			if (p[i] < 0x20 || p[i] > 0x7e)
				return -1;
		dec_printf(d, "\n\t  MUD-URL=");
		text(d, p + 4, len - 4);
		return 0;
	case OUI_TIA: case OUI_DCBX:
		return -1;
	}
	return 1;
}
