/* slow.c: the IEEE 802.3 Slow Protocols (ethertype 0x8809): LACP,
 * Marker and OAM, as tcpdump prints them ("LACPv1, length 110"); at -v
 * the TLVs of LACP and Marker follow, or OAM's body (slow_oam.c). */
#include "decode/dec.h"

enum { SLOW_LACP = 1, SLOW_MARKER = 2, SLOW_OAM = 3 };

static const struct dec_tok subtypes[] = {
	{ SLOW_LACP, "LACP" }, { SLOW_MARKER, "MARKER" }, { SLOW_OAM, "OAM" }, { 0, NULL } };

/* TLV names keyed by subtype << 8 | type: both share the terminator. */
static const struct dec_tok tlv_names[] = {
	{ SLOW_LACP << 8 | 0, "Terminator" }, { SLOW_LACP << 8 | 1, "Actor Information" },
	{ SLOW_LACP << 8 | 2, "Partner Information" }, { SLOW_LACP << 8 | 3, "Collector Information" },
	{ SLOW_MARKER << 8 | 0, "Terminator" }, { SLOW_MARKER << 8 | 1, "Marker Information" },
	{ 0, NULL } };

static const struct dec_tok lacp_state[] = {
	{ 0x01, "Activity" }, { 0x02, "Timeout" }, { 0x04, "Aggregation" }, { 0x08, "Synchronization" },
	{ 0x10, "Collecting" }, { 0x20, "Distributing" }, { 0x40, "Default" }, { 0x80, "Expired" },
	{ 0, NULL } };

/* The value length (after type and length) each known TLV must have;
 * 0: a TLV tcpdump does not decode. */
static unsigned tlv_size(unsigned key)
{
	static const struct { unsigned key, size; } sizes[] = {
		{ SLOW_LACP << 8 | 1, 18 }, { SLOW_LACP << 8 | 2, 18 }, { SLOW_LACP << 8 | 3, 14 },
		{ SLOW_MARKER << 8 | 1, 14 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		if (sizes[i].key == key)
			return sizes[i].size;
	return 0;
}

/* One known TLV's value v (its size already checked). */
static void tlv_body(struct dec_ctx *d, unsigned key, const uint8_t *v)
{
	if (key == (SLOW_LACP << 8 | 3)) {
		dec_printf(d, "\n\t  Max Delay %u", dec_be16(d, v));
		return;
	}
	if (key == (SLOW_MARKER << 8 | 1)) {
		dec_printf(d, "\n\t  Request System ");
		dec_mac(d, v + 2);
		dec_printf(d, ", Request Port %u, Request Transaction ID 0x%08x", dec_get_be16(v),
			   dec_get_be32(v + 8));
		return;
	}
	dec_printf(d, "\n\t  System ");
	dec_mac(d, v + 2);
	dec_printf(d, ", System Priority %u, Key %u, Port %u, Port Priority %u\n\t  State Flags [",
		   dec_get_be16(v), dec_get_be16(v + 8), dec_get_be16(v + 12), dec_get_be16(v + 10));
	dec_bits(d, lacp_state, dec_u8(d, v + 14), "none");
	dec_printf(d, "]");
}

/* tcpdump's slow_marker_lacp_print: TLVs up to the terminator. */
static void lacp_tlvs(struct dec_ctx *d, unsigned st, const uint8_t *p, size_t len)
{
	while (len) {
		if (len < 2)
			goto tooshort;
		unsigned type = dec_u8(d, p), tl = dec_u8(d, p + 1), key = st << 8 | type;
		dec_printf(d, "\n\t%s TLV (0x%02x), length %u", dec_tok(tlv_names, key, "Unknown"), type, tl);
		if (type == 0)
			return;
		if (tl < 2) {
			dec_printf(d, "\n\t    ERROR: illegal length - should be >= 2");
			return;
		}
		if (len < tl)
			goto tooshort;
		dec_need(d, p, tl);
		unsigned size = tlv_size(key);
		if (size && size != tl - 2U)
			dec_printf(d, "\n\t    ERROR: illegal length - should be %u", size + 2);
		else if (size)
			tlv_body(d, key, p + 2);
		else if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t  ", p + 2, tl - 2U);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t  ", p + 2, tl - 2U);
		p += tl;
		len -= tl;
	}
	return;
tooshort:
	dec_printf(d, "\n\t\t packet is too short");
}

void dec_slow(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_SLOW);
	d->proto = "slow";
	if (len < 1)
		goto tooshort;
	unsigned st = dec_u8(d, p);
	const char *name = dec_tok(subtypes, st, NULL);
	if (st == SLOW_LACP || st == SLOW_MARKER) { /* a version byte follows */
		if (len < 2)
			goto tooshort;
		if (dec_u8(d, p + 1) != 1) {
			dec_printf(d, "%s version %u packet not supported", name, p[1]);
			return;
		}
		dec_printf(d, "%sv%u, length %zu", name, p[1], len);
	} else if (name)
		dec_printf(d, "%s, length %zu", name, len);
	else { /* and tcpdump's hex lines of it all, whatever the options */
		dec_printf(d, "unknown (%u), length %zu", st, len);
		dec_hexlines(d, "\n\t", p, len);
		return;
	}
	if (!d->o.vflag)
		return;
	if (st == SLOW_OAM)
		dec_slow_oam(d, p + 1, len - 1); /* slow_oam.c */
	else
		lacp_tlvs(d, st, p + 2, len - 2);
	return;
tooshort:
	dec_printf(d, d->o.vflag ? "\n\t\t packet is too short" : " (packet is too short)");
}
