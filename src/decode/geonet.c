/* geonet.c: ETSI GeoNetworking (ethertypes 0x8947 and the old 0x0707,
 * EN 302 636-4-1 version 0 common header, BTP-A/B of 636-5-1) and ISO
 * CALM FAST (0x1111, ISO 29281) as tcpdump 4.99 prints them:
 *
 *   GeoNet src:MAC; v:0 NH:0-Any HT:1-0-Beacon HopLim:1 Payload:0
 *     GN_ADDR:00:00:00:0c:42:6d:54:db lat:0 lon:0[; BTP Dst:.. Src:..]
 *   CALM FAST src:MAC; SrcNwref:0; DstNwref:0;
 *
 * src is the Ethernet source (none on other link types).  With -v the
 * rest of the packet follows as hex and ASCII. */
#include <pcap/dlt.h>

#include "decode/dec.h"

#define GN_COMMON 36

static const char *const gn_next[] = { "Any", "BTP-A", "BTP-B", "IPv6" };
/* header type << 4 | subtype; types 0 to 2 have no subtypes */
static const struct dec_tok gn_types[] = {
	{ 0x30, "GeoAnycastCircle" }, { 0x31, "GeoAnycastRect" }, { 0x32, "GeoAnycastElipse" },
	{ 0x40, "GeoBroadcastCircle" }, { 0x41, "GeoBroadcastRect" }, { 0x42, "GeoBroadcastElipse" },
	{ 0x50, "TopoScopeBcast-SH" }, { 0x51, "TopoScopeBcast-MH" },
	{ 0x60, "LocService-Request" }, { 0x61, "LocService-Reply" }, { 0, NULL },
};
static const char *const gn_basic[] = { "Any", "Beacon", "GeoUnicast" };
static const struct dec_tok gn_msgs[] = {
	{ 0, "CAM" }, { 1, "DENM" }, { 101, "TPEGM" }, { 102, "TSPDM" }, { 103, "VPM" }, { 104, "SRM" },
	{ 105, "SLAM" }, { 106, "ecoCAM" }, { 107, "ITM" }, { 150, "SA" }, { 0, NULL },
};

/* "NAME src:MAC; " */
static void intro(struct dec_ctx *d, const char *name)
{
	dec_printf(d, "%s", name);
	if (d->linktype == DLT_EN10MB) {
		dec_printf(d, " src:");
		dec_mac(d, d->start + 6);
	}
	dec_printf(d, "; ");
}

static void user_data(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (d->o.vflag)
		dec_default_print(d, p, len);
}

/* The extended header's length by type and subtype, -1 where tcpdump
 * does not know it (and stops after the common header). */
static int ext_size(unsigned type, unsigned sub)
{
	if (type <= 1 || (type == 5 && sub == 0))
		return 0;
	return type == 5 && sub == 1 ? 68 - GN_COMMON : -1;
}

void dec_geonet(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "geonet";
	intro(d, "GeoNet");
	if (len < GN_COMMON) {
		dec_printf(d, " (common header length %zu < %d) (invalid)", len, GN_COMMON);
		return;
	}
	dec_need(d, p, 8);
	unsigned next = p[0] & 0x0f, type = p[1] >> 4, sub = p[1] & 0x0f;
	dec_printf(d, "v:%u NH:%u-%s ", p[0] >> 4, next, next < 4 ? gn_next[next] : "Unknown");
	dec_printf(d, "HT:%u-%u-%s ", type, sub,
		   type <= 2 ? gn_basic[type] : dec_tok(gn_types, type << 4 | sub, "Unknown"));
	dec_printf(d, "HopLim:%u Payload:%u ", p[7], dec_get_be16(p + 4));
	dec_need(d, p + 8, 8);
	dec_printf(d, "GN_ADDR:");
	for (unsigned i = 0; i < 8; i++)
		dec_printf(d, i ? ":%02x" : "%02x", p[8 + i]);
	dec_printf(d, " ");
	dec_printf(d, "lat:%u ", dec_be32(d, p + 20));
	dec_printf(d, "lon:%u", dec_be32(d, p + 24));
	dec_need(d, p, GN_COMMON);
	p += GN_COMMON;
	len -= GN_COMMON;
	int ext = ext_size(type, sub);
	if (ext >= 0) {
		if (len < (size_t)ext) {
			dec_printf(d, " (header size %d > %zu) (invalid)", ext, len);
			return;
		}
		dec_need(d, p, (size_t)ext);
		p += ext;
		len -= (size_t)ext;
		if (next == 1 || next == 2) { /* BTP-A / BTP-B */
			if (len < 4) {
				dec_printf(d, " (BTP length %zu < 4) (invalid)", len);
				return;
			}
			dec_printf(d, "; BTP Dst:%u", dec_be16(d, p));
			dec_printf(d, " Src:%u", dec_be16(d, p + 2));
			p += 4;
			len -= 4;
			if (len >= 2) { /* an ITS PDU header, tcpdump assumes */
				dec_printf(d, "; ItsPduHeader v:%u", dec_u8(d, p));
				unsigned t = dec_u8(d, p + 1);
				dec_printf(d, " t:%u-", t);
				dec_tokf(d, gn_msgs, t, "unknown (%u)");
			}
		}
	}
	user_data(d, p, len);
}

void dec_calm_fast(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "calm_fast";
	intro(d, "CALM FAST");
	if (len < 2) {
		dec_printf(d, " (length %zu < 2) (invalid)", len);
		dec_need(d, p, len);
		return;
	}
	dec_printf(d, "SrcNwref:%u; ", dec_u8(d, p));
	dec_printf(d, "DstNwref:%u; ", dec_u8(d, p + 1));
	user_data(d, p + 2, len - 2);
}
