/* cdp.c: the Cisco Discovery Protocol (SNAP, OUI 00:00:0c, PID 0x2000),
 * as tcpdump prints it: "CDPv2, ttl: 180s, Device-ID 'NAME'" and a hex
 * dump of every other TLV, ", length N"; -v a line per TLV with its value
 * decoded ("\n\tPort-ID (0x03), value length: 5 bytes: 'Gi0/1'").  Lengths
 * that do not add up end " (invalid)"; bytes past the capture " [|cdp]"
 * (tcpdump jumps out there, so -x dumps the whole frame). */
#include <string.h>

#include "decode/dec.h"

#define CDP_DEV_ID 0x01

/* The value printers: p holds len captured-or-not bytes. */
static void string(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	dec_printf(d, "'");
	for (unsigned i = 0; i < len; i++)
		dec_putc_safe(d, dec_u8(d, p + i));
	dec_printf(d, "'");
}

static const struct dec_tok cap_bits[] = {
	{ 0x01, "Router" }, { 0x02, "Transparent Bridge" }, { 0x04, "Source Route Bridge" },
	{ 0x08, "L2 Switch" }, { 0x10, "L3 capable" }, { 0x20, "IGMP snooping" }, { 0x40, "L1 capable" },
	{ 0, NULL },
};

static void capability(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	(void)len;
	uint32_t v = dec_be32(d, p);
	dec_printf(d, "(0x%08x): ", v);
	dec_bits(d, cap_bits, v, "none");
}

/* A new indented line at each newline of the version text. */
static void version(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	dec_printf(d, "\n\t  ");
	for (unsigned i = 0; i < len; i++) {
		uint8_t c = dec_u8(d, p + i);
		if (c == '\n')
			dec_printf(d, "\n\t  ");
		else
			dec_putc_safe(d, c);
	}
}

static void uint16(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	(void)len;
	dec_printf(d, "%u", dec_be16(d, p));
}

static void duplex(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	(void)len;
	dec_printf(d, "%s", dec_u8(d, p) ? "full" : "half");
}

static void ata186(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len == 2)
		dec_printf(d, "unknown 0x%04x", dec_be16(d, p));
	else {
		dec_need(d, p, 3);
		dec_printf(d, "app %u, vlan %u", p[0], dec_get_be16(p + 1));
	}
}

static void power(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned v = 0;
	dec_need(d, p, len);
	for (unsigned i = 0; i < len; i++)
		v = v << 8 | p[i];
	dec_printf(d, "%1.2fW", v / 1000.0);
}

static void mtu(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	(void)len;
	dec_printf(d, "%u bytes", dec_be32(d, p));
}

static void uint8x(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	(void)len;
	dec_printf(d, "0x%02x", dec_u8(d, p));
}

static void phys_loc(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	dec_printf(d, "0x%02x", dec_u8(d, p));
	if (len > 1) {
		dec_printf(d, "/");
		for (unsigned i = 1; i < len; i++)
			dec_putc_safe(d, dec_u8(d, p + i));
	}
}

/* Addresses: a count, then (protocol type, protocol, address) each; IPv4
 * by NLPID 0xcc, IPv6 by an 802.2 SNAP header, others as bytes.  Returns
 * 0 when malformed (the caller checks the rest is captured). */
static int addresses(struct dec_ctx *d, const uint8_t *p, unsigned l)
{
	static const uint8_t snap_ipv6[8] = { 0xaa, 0xaa, 0x03, 0, 0, 0, 0x86, 0xdd };
	if (l < 4) {
		dec_printf(d, " (not enough space for num)");
		return 0;
	}
	uint32_t num = dec_be32(d, p);
	p += 4;
	l -= 4;
	while (num) {
		if (l < 2) {
			dec_printf(d, " (not enough space for PT+PL)");
			return 0;
		}
		unsigned pt = dec_u8(d, p), pl = dec_u8(d, p + 1);
		p += 2;
		l -= 2;
		if (l < pl + 2) {
			dec_printf(d, " (not enough space for P+AL)");
			return 0;
		}
		unsigned al = dec_be16(d, p + pl);
		int v4 = pt == 1 && pl == 1 && dec_u8(d, p) == 0xcc && al == 4;
		int v6 = pt == 2 && pl == 8 && (dec_need(d, p, 8), !memcmp(p, snap_ipv6, 8)) && al == 16;
		if (v4 || v6) {
			p += pl + 2;
			l -= pl + 2;
			if (l < al) {
				dec_printf(d, " (not enough space for A)");
				return 0;
			}
			dec_need(d, p, al);
			dec_printf(d, "IPv%c (%u) ", v4 ? '4' : '6', num);
			v4 ? dec_ip4addr(d, p) : dec_ip6addr(d, p);
		} else {
			dec_printf(d, "pt=0x%02x, pl=%u, pb=", pt, pl);
			for (unsigned i = 0; i < pl; i++)
				dec_printf(d, " %02x", dec_u8(d, p + i));
			dec_printf(d, ", al=%u, a=", al);
			p += pl + 2;
			l -= pl + 2;
			if (l < al) {
				dec_printf(d, " (not enough space for A)");
				return 0;
			}
			for (unsigned i = 0; i < al; i++)
				dec_printf(d, " %02x", dec_u8(d, p + i));
		}
		p += al;
		l -= al;
		if (--num)
			dec_printf(d, " ");
	}
	if (l)
		dec_printf(d, " (%u bytes of stray data)", l);
	return 1;
}

static int addr_tlv(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	return addresses(d, p, len);
}

static int prefixes(struct dec_ctx *d, const uint8_t *p, unsigned l)
{
	if (l % 5) {
		dec_printf(d, " [length %u is not a multiple of 5]", l);
		return 0;
	}
	dec_printf(d, " IPv4 Prefixes (%u):", l / 5);
	for (; l; l -= 5, p += 5) {
		dec_need(d, p, 5);
		dec_printf(d, " %u.%u.%u.%u/%u", p[0], p[1], p[2], p[3], p[4]);
	}
	return 1;
}

/* A TLV: its name, its value printer (NULL: none, no dump either) or
 * checker (returns 0 when malformed), and the value lengths it accepts
 * (0: any). */
struct cdp_tlv {
	const char *name;
	void (*print)(struct dec_ctx *, const uint8_t *, unsigned);
	int (*check)(struct dec_ctx *, const uint8_t *, unsigned);
	unsigned min, max;
};

static const struct cdp_tlv tlvs[] = {
	[0x01] = { "Device-ID", string, NULL, 0, 0 },
	[0x02] = { "Address", NULL, addr_tlv, 0, 0 },
	[0x03] = { "Port-ID", string, NULL, 0, 0 },
	[0x04] = { "Capability", capability, NULL, 4, 4 },
	[0x05] = { "Version String", version, NULL, 0, 0 },
	[0x06] = { "Platform", string, NULL, 0, 0 },
	[0x07] = { "Prefixes", NULL, prefixes, 0, 0 },
	[0x08] = { "Protocol-Hello option", NULL, NULL, 0, 0 },
	[0x09] = { "VTP Management Domain", string, NULL, 0, 0 },
	[0x0a] = { "Native VLAN ID", uint16, NULL, 2, 2 },
	[0x0b] = { "Duplex", duplex, NULL, 1, 1 },
	[0x0e] = { "ATA-186 VoIP VLAN assignment", ata186, NULL, 3, 3 },
	[0x0f] = { "ATA-186 VoIP VLAN request", ata186, NULL, 2, 3 },
	[0x10] = { "power consumption", power, NULL, 1, 3 },
	[0x11] = { "MTU", mtu, NULL, 4, 4 },
	[0x12] = { "AVVID trust bitmap", uint8x, NULL, 1, 1 },
	[0x13] = { "AVVID untrusted ports CoS", uint8x, NULL, 1, 1 },
	[0x14] = { "System Name", string, NULL, 0, 0 },
	[0x15] = { "System Object ID (not decoded)", NULL, NULL, 0, 0 },
	[0x16] = { "Management Addresses", NULL, addr_tlv, 4, 0 },
	[0x17] = { "Physical Location", phys_loc, NULL, 1, 0 },
};
#define NTLVS (sizeof tlvs / sizeof tlvs[0])

void dec_cdp(struct dec_ctx *d, const uint8_t *p, size_t length)
{
	dec_layer(d, DEC_L_CDP);
	d->proto = "cdp";
	size_t orig = length;
	if (length < 4) {
		dec_printf(d, " (packet length %zu < 4)", length);
		goto invalid;
	}
	dec_need(d, p, 2);
	dec_printf(d, "CDPv%u, ttl: %us", p[0], p[1]);
	unsigned cksum = dec_be16(d, p + 2);
	if (d->o.vflag)
		dec_printf(d, ", checksum: 0x%04x (unverified), length %zu", cksum, orig);
	p += 4;
	length -= 4;
	while (length) {
		if (length < 4) {
			dec_printf(d, " (remaining packet length %zu < 4)", length);
			goto invalid;
		}
		unsigned type = dec_be16(d, p), len = dec_be16(d, p + 2);
		const struct cdp_tlv *t = type < NTLVS && tlvs[type].name ? &tlvs[type] : NULL;
		const char *name = t ? t->name : "unknown field type";
		if (len < 4) {
			if (d->o.vflag)
				dec_printf(d, "\n\t%s (0x%02x), TLV length: %u byte%s (too short)", name, type, len,
					   len == 1 ? "" : "s");
			else
				dec_printf(d, ", %s TLV length %u too short", name, len);
			goto invalid;
		}
		if (len > length) {
			dec_printf(d, " (TLV length %u > %zu)", len, length);
			goto invalid;
		}
		p += 4;
		length -= 4;
		len -= 4;
		if (!d->o.vflag && type == CDP_DEV_ID)
			dec_printf(d, ", Device-ID ");
		else if (d->o.vflag)
			dec_printf(d, "\n\t%s (0x%02x), value length: %u byte%s: ", name, type, len, len == 1 ? "" : "s");
		int covered = 0;
		if (t) {
			if ((t->min && len < t->min) || (t->max && len > t->max))
				dec_printf(d, " (malformed TLV)");
			else if (d->o.vflag || type == CDP_DEV_ID) {
				if (t->print)
					t->print(d, p, len);
				else { /* malformed or not, the value must be captured */
					if (t->check)
						t->check(d, p, len);
					dec_need(d, p, len);
				}
				covered = 1;
			}
		}
		if (!covered) {
			dec_need(d, p, len);
			dec_hexlines(d, "\n\t  ", p, len);
		}
		p += len;
		length -= len;
	}
	if (!d->o.vflag)
		dec_printf(d, ", length %zu", orig);
	return;
invalid:
	dec_printf(d, " (invalid)");
	dec_need(d, p, length);
}
