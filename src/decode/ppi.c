/* ppi.c: the Per-Packet Information header (DLT_PPI), as tcpdump 4.99
 * prints it: a little-endian header (version, flags, length, the inner
 * link type), with -e "V.0 DLT IEEE802_11 (105) len 32, length N: ", then
 * the inner frame by its link type (802.11, Ethernet); another link type
 * gets the header's line and a hex dump. */
#include "decode/dec.h"

enum { PPI_HDRLEN = 8 };

static void hdr(struct dec_ctx *d, const uint8_t *h, size_t len)
{
	uint32_t dlt = dec_get_le32(h + 4);
	const char *name = pcap_datalink_val_to_name((int)dlt);
	if (!d->o.qflag)
		dec_printf(d, "V.%u DLT %s (%u) len %u", h[0], name ? name : "UNKNOWN", dlt, (unsigned)(h[2] | h[3] << 8));
	else
		dec_printf(d, "%s", name ? name : "UNKNOWN");
	dec_printf(d, ", length %zu: ", len);
}

int dec_link_ppi(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "ppi", PPI_HDRLEN);
	if (n >= 0)
		return n;
	size_t caplen = dec_avail(d, p, len), hl = (size_t)(p[2] | p[3] << 8);
	if (hl < PPI_HDRLEN || hl > 65532) {
		dec_printf(d, " [length %zu < %d or > 65,532] (invalid)", hl, PPI_HDRLEN);
		return (int)caplen;
	}
	if (caplen < hl) {
		dec_printf(d, " [|ppi]");
		return (int)caplen;
	}
	uint32_t dlt = dec_get_le32(p + 4);
	if (d->o.eflag)
		hdr(d, p, len);
	d->hdrlen = (int)hl;
	if (dlt == DLT_IEEE802_11 || dlt == DLT_EN10MB) {
		/* tcpdump counts the inner link header twice for -x */
		int inner = dlt == DLT_EN10MB ? dec_ether(d, p + hl, len - hl) : dec_wlan(d, p + hl, len - hl, 0, 0);
		return (int)hl + 2 * inner;
	}
	if (!d->o.eflag)
		hdr(d, p, len);
	if (!d->o.qflag) /* -q: no dump */
		d->dump_from = p + hl;
	return (int)hl;
}
