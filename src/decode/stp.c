/* stp.c: Spanning Tree BPDUs (IEEE 802.1D STP, 802.1w RSTP, 802.1Q MSTP,
 * 802.1aq SPB) inside 802.2 LLC (SAP 0x42, UI), as tcpdump prints them:
 * "STP 802.1w, Rapid STP, Flags [Proposal], bridge-id 8001.00:19:06:ea:
 * b8:80.800c, length 36"; -v adds the timers and the root on lines of
 * their own, MSTP its configuration identifier and one block per MSTI.
 * A BPDU shorter than its type needs ends " (invalid)"; one cut short by
 * the capture " [|stp]". */
#include <stdio.h>

#include "decode/dec.h"

/* Times are in 1/256 s. */
#define STP_TIME(p) (dec_be16(d, p) / 256.0)

enum { STP_V_STP = 0, STP_V_RSTP = 2, STP_V_MSTP = 3, STP_V_SPB = 4 };
enum { STP_T_CONFIG = 0x00, STP_T_RSTP = 0x02, STP_T_TCN = 0x80 };
/* Offsets in a BPDU (802.1Q-2003 14.6) */
enum {
	STP_FLAGS = 4, STP_ROOT = 5, STP_COST = 13, STP_BRIDGE = 17, STP_PORT = 25,
	STP_AGE = 27, STP_MAXAGE = 29, STP_HELLO = 31, STP_FWD = 33, STP_V1LEN = 35,
	STP_CONFIG_LEN = 35, STP_RSTP_LEN = 36, /* a config BPDU, an RSTP one */
	MST_V3LEN = 36, MST_NAME = 39, MST_DIGEST = 73, MST_INTCOST = 89, MST_BRIDGE = 93,
	MST_HOPS = 101, MST_MSTI = 102, MST_MIN_LEN = 102, MST_CONFIG_INFO = 64, MSTI_LEN = 16,
	SPB_MIN_LEN = 87,
};

static const struct dec_tok versions[] = {
	{ STP_V_STP, "802.1d" }, { STP_V_RSTP, "802.1w" }, { STP_V_MSTP, "802.1s" },
	{ STP_V_SPB, "802.1aq" }, { 0, NULL },
};
static const struct dec_tok types[] = {
	{ STP_T_CONFIG, "Config" }, { STP_T_RSTP, "Rapid STP" }, { STP_T_TCN, "Topology Change" },
	{ 0, NULL },
};
static const struct dec_tok flag_bits[] = {
	{ 0x01, "Topology change" }, { 0x02, "Proposal" }, { 0x10, "Learn" }, { 0x20, "Forward" },
	{ 0x40, "Agreement" }, { 0x80, "Topology change ACK" }, { 0, NULL },
};
static const char *const roles[] = { "Unknown", "Alternate", "Root", "Designated" };
#define ROLE(f) roles[((f) >> 2) & 3]

/* A bridge identifier: priority (2 bytes, hex) "." MAC address, into
 * buf; the caller has checked its 8 bytes. */
static const char *bridge_id(char buf[24], const uint8_t *p)
{
	snprintf(buf, 24, "%02x%02x.%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5],
		 p[6], p[7]);
	return buf;
}

/* Each dec_need below covers one of tcpdump's print statements: all of
 * it is printed or none. */
static void timers(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p + STP_AGE, 8);
	dec_printf(d, "\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
		   STP_TIME(p + STP_AGE), STP_TIME(p + STP_MAXAGE), STP_TIME(p + STP_HELLO), STP_TIME(p + STP_FWD));
}

static void flags_of(struct dec_ctx *d, unsigned flags)
{
	dec_bits(d, flag_bits, flags, "none");
}

static void config(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	char b[24];
	unsigned flags = dec_u8(d, p + STP_FLAGS);
	dec_printf(d, ", Flags [");
	flags_of(d, flags);
	dec_printf(d, "]");
	dec_need(d, p + STP_BRIDGE, 10);
	dec_printf(d, ", bridge-id %s.%04x, length %zu", bridge_id(b, p + STP_BRIDGE), dec_be16(d, p + STP_PORT), len);
	if (!d->o.vflag)
		return;
	timers(d, p);
	dec_need(d, p + STP_ROOT, 12);
	dec_printf(d, "\n\troot-id %s, root-pathcost %u", bridge_id(b, p + STP_ROOT), dec_be32(d, p + STP_COST));
	if (p[2] == STP_V_RSTP)
		dec_printf(d, ", port-role %s", ROLE(flags));
}

/* The 32-byte configuration name: up to the first NUL. */
static void name32(struct dec_ctx *d, const uint8_t *p)
{
	for (int i = 0; i < 32; i++) {
		uint8_t c = dec_u8(d, p + i);
		if (!c)
			break;
		dec_putc_safe(d, c);
	}
}

static void mstp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	char b[24];
	unsigned flags = dec_u8(d, p + STP_FLAGS);
	dec_printf(d, ", CIST Flags [");
	flags_of(d, flags);
	dec_printf(d, "], length %zu", len);
	if (!d->o.vflag)
		return;
	dec_printf(d, "\n\tport-role %s, ", ROLE(flags));
	dec_need(d, p + STP_ROOT, 12);
	dec_printf(d, "CIST root-id %s, CIST ext-pathcost %u", bridge_id(b, p + STP_ROOT), dec_be32(d, p + STP_COST));
	dec_need(d, p + STP_BRIDGE, 8);
	dec_printf(d, "\n\tCIST regional-root-id %s, ", bridge_id(b, p + STP_BRIDGE));
	dec_printf(d, "CIST port-id %04x,", dec_be16(d, p + STP_PORT));
	timers(d, p);
	unsigned v3len = dec_be16(d, p + MST_V3LEN);
	dec_printf(d, "\n\tv3len %u, MCID Name ", v3len);
	name32(d, p + MST_NAME);
	dec_need(d, p + MST_NAME + 32, 18);
	const uint8_t *g = p + MST_DIGEST;
	dec_printf(d, ", rev %u,\n\t\tdigest %08x%08x%08x%08x, ", dec_be16(d, p + MST_NAME + 32), dec_get_be32(g),
		   dec_get_be32(g + 4), dec_get_be32(g + 8), dec_get_be32(g + 12));
	dec_printf(d, "CIST int-root-pathcost %u,", dec_be32(d, p + MST_INTCOST));
	dec_need(d, p + MST_BRIDGE, 8);
	dec_printf(d, "\n\tCIST bridge-id %s, ", bridge_id(b, p + MST_BRIDGE));
	dec_printf(d, "CIST remaining-hops %u", dec_u8(d, p + MST_HOPS));
	if (v3len <= MST_CONFIG_INFO)
		return;
	unsigned left = v3len - MST_CONFIG_INFO;
	for (size_t off = MST_MSTI; left >= MSTI_LEN; left -= MSTI_LEN, off += MSTI_LEN) {
		const uint8_t *m = p + off;
		dec_need(d, m, 3);
		unsigned mf = m[0];
		dec_printf(d, "\n\tMSTI %u, Flags [", dec_get_be16(m + 1) & 0x0fff);
		flags_of(d, mf);
		dec_printf(d, "], port-role %s", ROLE(mf));
		dec_need(d, m + 1, 12);
		dec_printf(d, "\n\t\tMSTI regional-root-id %s, pathcost %u", bridge_id(b, m + 1), dec_get_be32(m + 9));
		dec_need(d, m + 13, 3);
		dec_printf(d, "\n\t\tMSTI bridge-prio %u, port-prio %u, hops %u", m[13] >> 4, m[14] >> 4, m[15]);
	}
}

/* The SPB part after the MSTP one, at p + off. */
static void spb(struct dec_ctx *d, const uint8_t *p, size_t off)
{
	if (!d->o.vflag)
		return;
	const uint8_t *s = p + off;
	dec_printf(d, "\n\tv4len %u, AUXMCID Name ", dec_be16(d, s));
	name32(d, s + 3);
	dec_need(d, s + 35, 18);
	dec_printf(d, ", Rev %u,\n\t\tdigest %08x%08x%08x%08x", dec_get_be16(s + 35), dec_get_be32(s + 37),
		   dec_get_be32(s + 41), dec_get_be32(s + 45), dec_get_be32(s + 49));
	dec_need(d, s + 53, 34);
	unsigned a = s[53], f = s[55], c = s[56];
	const uint8_t *g = s + 67;
	dec_printf(d, "\n\tAgreement num %u, Discarded Agreement num %u, Agreement valid-flag %u,"
		   "\n\tRestricted role-flag: %u, Format id %u cap %u, Convention id %u cap %u,"
		   "\n\tEdge count %u, Agreement digest %08x%08x%08x%08x%08x",
		   a >> 6, a >> 4 & 3, a >> 3 & 1, a >> 2 & 1, f >> 4, f, c >> 4, c, dec_get_be16(s + 57),
		   dec_get_be32(g), dec_get_be32(g + 4), dec_get_be32(g + 8), dec_get_be32(g + 12), dec_get_be32(g + 16));
}

void dec_stp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!dec_begin(d, DEC_L_STP, "stp", len, 4, " (invalid)"))
		return;
	if (dec_be16(d, p)) {
		dec_printf(d, "unknown STP version, length %zu", len);
		return;
	}
	unsigned ver = dec_u8(d, p + 2);
	const char *v = dec_tok(versions, ver, NULL);
	if (!v) {
		dec_printf(d, "STP Unknown STP protocol (0x%02x)", ver);
		return;
	}
	dec_printf(d, "STP %s", v);
	unsigned type = dec_u8(d, p + 3);
	const char *t = dec_tok(types, type, NULL);
	if (t)
		dec_printf(d, ", %s", t);
	else
		dec_printf(d, ", Unknown BPDU Type (0x%02x)", type);
	if (type == STP_T_CONFIG) {
		if (len < STP_CONFIG_LEN)
			goto invalid;
		config(d, p, len);
	} else if (type == STP_T_RSTP && ver == STP_V_RSTP) {
		if (len < STP_RSTP_LEN)
			goto invalid;
		config(d, p, len);
	} else if (type == STP_T_RSTP && (ver == STP_V_MSTP || ver == STP_V_SPB)) {
		if (len < MST_MIN_LEN || dec_u8(d, p + STP_V1LEN) != 0)
			goto invalid;
		size_t mlen = (size_t)dec_be16(d, p + MST_V3LEN) + 2;
		if (len < STP_RSTP_LEN + mlen)
			goto invalid;
		mstp(d, p, len);
		if (ver == STP_V_SPB) {
			size_t slen = (size_t)dec_be16(d, p + MST_V3LEN + mlen) + 2;
			if (len < STP_RSTP_LEN + mlen + slen || slen < SPB_MIN_LEN)
				goto invalid;
			spb(d, p, STP_RSTP_LEN + mlen);
		}
	}
	return;
invalid:
	dec_printf(d, " (invalid)");
}
