/* bfd.c: BFD (RFC 5880; single hop RFC 5881, multihop RFC 5883, LAG RFC
 * 7130, echo) as tcpdump 4.99 prints it, chosen by the destination port:
 *
 *   BFDv1, Control, State Up, Flags: [none], length: 24          (no -v)
 *   BFDv1, length: 24\n\tControl, State Up, ... Diagnostic: ...  (-v: the
 *   timers and discriminators, then the authentication section)
 *
 * Version 0 (the draft) has its own flags and no state; other versions
 * and echo packets print their length (and with -v the bytes in hex).
 * A control header not all captured makes tcpdump jump out before it
 * prints anything; an authentication section cut short ends the line with
 * " [|bfd]" (the printer returns). */
#include "decode/dec.h"

#define BFD_HDR 24
#define BFD_FLAG_AUTH 0x04

static const struct dec_tok bfd_diags[] = {
	{ 0, "No Diagnostic" }, { 1, "Control Detection Time Expired" }, { 2, "Echo Function Failed" },
	{ 3, "Neighbor Signaled Session Down" }, { 4, "Forwarding Plane Reset" }, { 5, "Path Down" },
	{ 6, "Concatenated Path Down" }, { 7, "Administratively Down" },
	{ 8, "Reverse Concatenated Path Down" }, { 0, NULL },
};
static const struct dec_tok bfd_ports[] = {
	{ PROTO_PORT_BFD_CONTROL, "Control" }, { PROTO_PORT_BFD_MULTIHOP, "Multihop" },
	{ PROTO_PORT_BFD_LAG, "Lag" }, { 0, NULL },
};
static const struct dec_tok bfd_states[] = {
	{ 0, "AdminDown" }, { 1, "Down" }, { 2, "Init" }, { 3, "Up" }, { 0, NULL },
};
static const struct dec_tok bfd_v0_flags[] = {
	{ 0x80, "I Hear You" }, { 0x40, "Demand" }, { 0x20, "Poll" }, { 0x10, "Final" },
	{ 0x08, "Control Plane Independent" }, { BFD_FLAG_AUTH, "Authentication Present" }, { 0x02, "Reserved" },
	{ 0x01, "Reserved" }, { 0, NULL },
};
static const struct dec_tok bfd_v1_flags[] = {
	{ 0x20, "Poll" }, { 0x10, "Final" }, { 0x08, "Control Plane Independent" },
	{ BFD_FLAG_AUTH, "Authentication Present" }, { 0x02, "Demand" }, { 0x01, "Multipoint" }, { 0, NULL },
};
static const struct dec_tok bfd_auths[] = {
	{ 1, "Simple Password" }, { 2, "Keyed MD5" }, { 3, "Meticulous Keyed MD5" }, { 4, "Keyed SHA1" },
	{ 5, "Meticulous Keyed SHA1" }, { 0, NULL },
};

static void print_timers(struct dec_ctx *d, const uint8_t *p)
{
	unsigned mult = dec_u8(d, p + 2);
	uint32_t tx = dec_be32(d, p + 12);
	dec_printf(d, "\n\tDetection Timer Multiplier: %u (%u ms Detection time), BFD Length: %u", mult,
		   (unsigned)(mult * tx / 1000), dec_u8(d, p + 3));
	dec_printf(d, "\n\tMy Discriminator: 0x%08x", dec_be32(d, p + 4));
	dec_printf(d, ", Your Discriminator: 0x%08x", dec_be32(d, p + 8));
	dec_printf(d, "\n\t  Desired min Tx Interval:    %4u ms", dec_be32(d, p + 12) / 1000);
	dec_printf(d, "\n\t  Required min Rx Interval:   %4u ms", dec_be32(d, p + 16) / 1000);
	dec_printf(d, "\n\t  Required min Echo Interval: %4u ms", dec_be32(d, p + 20) / 1000);
}

/* The authentication section (RFC 5880 4.2-4.4) after the header. */
static void print_auth(struct dec_ctx *d, const uint8_t *p)
{
	if (!dec_has(d, p, 4)) {
		dec_printf(d, " [|bfd]");
		return;
	}
	unsigned type = p[0], alen = p[1];
	dec_printf(d, "\n\tAuthentication: %s (%u), length: %u", dec_tok(bfd_auths, type, "Unknown"), type, alen);
	dec_printf(d, "\n\t  Auth Key ID: %u", p[2]);
	unsigned hash = type == 2 || type == 3 ? 16 : 20;
	switch (type) {
	case 1: /* simple password, 1 to 16 bytes */
		if (alen < 4 || alen > 19) {
			dec_printf(d, "[invalid length %u]", alen);
			return;
		}
		dec_printf(d, ", Password: ");
		for (unsigned i = 0; i < alen - 3; i++)
			dec_putc_safe(d, dec_u8(d, p + 3 + i));
		return;
	case 2: case 3: case 4: case 5: /* keyed MD5 / SHA1 */
		if (alen != 8 + hash) {
			dec_printf(d, "[invalid length %u]", alen);
			return;
		}
		dec_printf(d, ", Sequence Number: 0x%08x", dec_be32(d, p + 4));
		if (!dec_has(d, p + 8, hash)) {
			dec_printf(d, " [|bfd]");
			return;
		}
		dec_printf(d, "\n\t  %s: ", hash == 16 ? "Digest" : "Hash");
		for (unsigned i = 0; i < hash; i++)
			dec_printf(d, "%02x", p[8 + i]);
		return;
	}
}

void dec_bfd(struct dec_ctx *d, const uint8_t *p, size_t len, unsigned port)
{
	d->proto = "bfd";
	if (port == PROTO_PORT_BFD_ECHO) {
		dec_printf(d, "BFD, Echo, length: %zu", len);
		if (d->o.vflag)
			dec_hexlines(d, "\n\t", p, len);
		return;
	}
	dec_need(d, p, BFD_HDR); /* tcpdump checks the whole header first */
	unsigned vd = dec_u8(d, p), flags = dec_u8(d, p + 1), version = vd >> 5, diag = vd & 0x1f;
	if (version == 0) { /* the draft's packet: always "Control" */
		if (!d->o.vflag) {
			dec_printf(d, "BFDv0, Control, Flags: [");
			dec_bits(d, bfd_v0_flags, flags, "none");
			dec_printf(d, "], length: %zu", len);
			return;
		}
		dec_printf(d, "BFDv0, length: %zu\n\tControl, Flags: [", len);
		dec_bits(d, bfd_v0_flags, flags, "none");
		dec_printf(d, "], Diagnostic: %s (0x%02x)", dec_tok(bfd_diags, diag, "unknown"), diag);
		print_timers(d, p);
		if (flags & BFD_FLAG_AUTH)
			print_auth(d, p + BFD_HDR);
		return;
	}
	if (version == 1) {
		unsigned state = flags >> 6;
		flags &= ~0xc0u;
		dec_printf(d, "BFDv1, ");
		if (d->o.vflag)
			dec_printf(d, "length: %zu\n\t", len);
		dec_tokf(d, bfd_ports, port, "unknown (%u)");
		dec_printf(d, ", State ");
		dec_tokf(d, bfd_states, state, "unknown (%u)");
		dec_printf(d, ", Flags: [");
		dec_bits(d, bfd_v1_flags, flags, "none");
		if (!d->o.vflag) {
			dec_printf(d, "], length: %zu", len);
			return;
		}
		dec_printf(d, "], Diagnostic: %s (0x%02x)", dec_tok(bfd_diags, diag, "unknown"), diag);
		print_timers(d, p);
		if (flags & BFD_FLAG_AUTH)
			print_auth(d, p + BFD_HDR);
		return;
	}
	dec_printf(d, "BFDv%u, Control, length: %zu", version, len);
	if (d->o.vflag)
		dec_hexlines(d, "\n\t", p, len);
}
