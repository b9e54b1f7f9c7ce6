/* ahcp.c: the Ad-Hoc Configuration Protocol (UDP 5359; ahcpd 0.53's
 * version 1) as tcpdump 4.99 prints it: "AHCP Version 1"; with -v the
 * header's hop counts, nonce and ids and the message type and length;
 * with -vv the options, addresses and prefixes decoded.  A length that
 * does not fit prints " (invalid)" (then the rest must be captured, or
 * " [|ahcp]"). */
#include "decode/dec.h"

#define AHCP_MAGIC 43
#define AHCP_VERSION_1 1
#define AHCP1_HDR 24       /* magic .. destination id */
#define AHCP1_BODY_MIN 4   /* type, MBZ, length */
#define AHCP1_OPT_PAD 0
#define AHCP1_OPT_MANDATORY 1

static const struct dec_tok ahcp1_msgs[] = {
	{ 0, "Discover" }, { 1, "Offer" }, { 2, "Request" }, { 3, "Ack" }, { 4, "Nack" }, { 5, "Release" },
	{ 0, NULL },
};
static const struct dec_tok ahcp1_opts[] = {
	{ AHCP1_OPT_PAD, "Pad" }, { AHCP1_OPT_MANDATORY, "Mandatory" }, { 2, "Origin Time" }, { 3, "Expires" },
	{ 4, "My-IPv6-Address" }, { 5, "My-IPv4-Address" }, { 6, "IPv6 Prefix" }, { 7, "IPv4 Prefix" },
	{ 8, "IPv6 Address" }, { 9, "IPv4 Address" }, { 10, "IPv6 Prefix Delegation" },
	{ 11, "IPv4 Prefix Delegation" }, { 12, "Name Server" }, { 13, "NTP Server" }, { 0, NULL },
};

/* " (invalid)", then tcpdump's check that the n bytes at p are captured. */
static void ahcp_invalid(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	dec_printf(d, " (invalid)");
	dec_need(d, p, n);
}

/* An option's value: how tcpdump decodes it. */
enum ahcp_kind { AHCP_OPAQUE, AHCP_TIME, AHCP_SECONDS, AHCP_ADDR6, AHCP_ADDR4, AHCP_PREFIX6, AHCP_PREFIX4 };
static const unsigned char ahcp_kinds[] = {
	[2] = AHCP_TIME, [3] = AHCP_SECONDS, [4] = AHCP_ADDR6, [5] = AHCP_ADDR4, [6] = AHCP_PREFIX6,
	[8] = AHCP_ADDR6, [9] = AHCP_ADDR4, [10] = AHCP_PREFIX6, [11] = AHCP_PREFIX4, [12] = AHCP_ADDR6,
	[13] = AHCP_ADDR6,
};

static void ahcp_time(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len != 4) {
		ahcp_invalid(d, p, len);
		return;
	}
	char buf[64];
	dec_printf(d, ": %s", dec_format_time(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", (time_t)dec_be32(d, p), 0));
}

/* A list of addresses (alen 4 or 16), each with a prefix length byte
 * when prefix is set. */
static void ahcp_addrs(struct dec_ctx *d, const uint8_t *p, unsigned len, size_t alen, int prefix)
{
	const char *sep = ": ";
	size_t each = alen + (prefix ? 1 : 0);
	for (; len; p += each, len -= (unsigned)each, sep = ", ") {
		if (len < each) {
			ahcp_invalid(d, p, len);
			return;
		}
		dec_need(d, p, each); /* tcpdump reads the prefix length first too */
		dec_printf(d, "%s", sep);
		alen == 4 ? dec_ip4addr(d, p) : dec_ip6addr(d, p);
		if (prefix)
			dec_printf(d, "/%u", p[alen]);
	}
}

static void ahcp_options(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	while (len) {
		unsigned no = dec_u8(d, p);
		p++;
		len--;
		dec_printf(d, "\n\t ");
		dec_tokf(d, ahcp1_opts, no, "Unknown-%u");
		if (no == AHCP1_OPT_PAD || no == AHCP1_OPT_MANDATORY)
			continue;
		if (!len) {
			ahcp_invalid(d, p, len);
			return;
		}
		unsigned olen = dec_u8(d, p);
		p++;
		len--;
		if (olen > len) {
			ahcp_invalid(d, p, len);
			return;
		}
		switch (no < sizeof ahcp_kinds ? ahcp_kinds[no] : AHCP_OPAQUE) {
		case AHCP_TIME:
			ahcp_time(d, p, olen);
			break;
		case AHCP_SECONDS:
			if (olen != 4)
				ahcp_invalid(d, p, olen);
			else
				dec_printf(d, ": %us", dec_be32(d, p));
			break;
		case AHCP_ADDR6: case AHCP_ADDR4: case AHCP_PREFIX6: case AHCP_PREFIX4: {
			unsigned k = ahcp_kinds[no];
			ahcp_addrs(d, p, olen, k == AHCP_ADDR4 || k == AHCP_PREFIX4 ? 4 : 16,
				   k == AHCP_PREFIX6 || k == AHCP_PREFIX4);
			break;
		}
		default:
			dec_printf(d, " (Length %u)", olen);
			dec_need(d, p, olen);
		}
		p += olen;
		len -= olen;
	}
}

static void ahcp1_body(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < AHCP1_BODY_MIN) {
		ahcp_invalid(d, p, len);
		return;
	}
	unsigned type = dec_u8(d, p), mbz = dec_u8(d, p + 1), blen = dec_be16(d, p + 2);
	p += AHCP1_BODY_MIN;
	len -= AHCP1_BODY_MIN;
	if (d->o.vflag) {
		dec_printf(d, "\n\t");
		dec_tokf(d, ahcp1_msgs, type, "Unknown-%u");
		if (mbz)
			dec_printf(d, ", MBZ %u", mbz);
		dec_printf(d, ", Length %u", blen);
	}
	if (blen > len) {
		ahcp_invalid(d, p, len);
		return;
	}
	if (d->o.vflag >= 2) /* the options, not the bytes past the body */
		ahcp_options(d, p, blen);
	else
		dec_need(d, p, blen);
}

static void ahcp_id(struct dec_ctx *d, const char *what, const uint8_t *p)
{
	dec_need(d, p, 8);
	dec_printf(d, ", %s ", what);
	for (unsigned i = 0; i < 8; i++)
		dec_printf(d, i ? ":%02x" : "%02x", p[i]);
}

void dec_ahcp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "ahcp";
	dec_printf(d, "AHCP");
	if (len < 2 || dec_u8(d, p) != AHCP_MAGIC) {
		ahcp_invalid(d, p, len);
		return;
	}
	unsigned version = dec_u8(d, p + 1);
	p += 2;
	len -= 2;
	if (version != AHCP_VERSION_1) {
		dec_printf(d, " Version %u (unknown)", version);
		dec_need(d, p, len);
		return;
	}
	dec_printf(d, " Version 1");
	if (len < AHCP1_HDR - 2) {
		ahcp_invalid(d, p, len);
		return;
	}
	if (!d->o.vflag) {
		dec_need(d, p, AHCP1_HDR - 2);
	} else {
		dec_printf(d, "\n\tHopcount %u", dec_u8(d, p));
		dec_printf(d, ", Original Hopcount %u", dec_u8(d, p + 1));
		dec_printf(d, ", Nonce 0x%08x", dec_be32(d, p + 2));
		ahcp_id(d, "Source Id", p + 6);
		ahcp_id(d, "Destination Id", p + 14);
	}
	ahcp1_body(d, p + AHCP1_HDR - 2, len - (AHCP1_HDR - 2));
}
