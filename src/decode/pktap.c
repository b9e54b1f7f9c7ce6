/* pktap.c: Apple's PKTAP header (DLT_PKTAP), as tcpdump 4.99 prints it:
 * a little-endian header (its length, a record type, the inner link type,
 * the interface and process names), with -e "DLT EN10MB (1) len 108,
 * length N: ", then the inner frame by its link type; one tcpdump has no
 * printer for gets the header's line and a hex dump. */
#include "decode/dec.h"

enum { PKTAP_HDRLEN = 108 }; /* the structure's size; pkt_len may be more */
enum { PKTAP_LEN = 0, PKTAP_RECTYPE = 4, PKTAP_DLT = 8 };
enum { PKT_REC_NONE = 0, PKT_REC_PACKET = 1 };

/* The inner link types bpfx prints: the DLT-keyed rows, and the kinds
 * src/linktype.c leaves to decode.c. */
static dec_link_fn inner_printer(uint32_t dlt)
{
	if (dlt == DLT_EN10MB)
		return dec_ether;
	if (dlt == DLT_NULL)
		return dec_link_null;
	if (dlt == DLT_RAW)
		return dec_link_raw;
	return dlt == DLT_PKTAP ? NULL : dec_link_by_dlt((int)dlt);
}

static void pktap_hdr(struct dec_ctx *d, const uint8_t *h, size_t len)
{
	uint32_t dlt = dec_get_le32(h + PKTAP_DLT);
	const char *name = pcap_datalink_val_to_name((int)dlt);
	if (!d->o.qflag)
		dec_printf(d, "DLT %s (%u) len %u", name ? name : "UNKNOWN", dlt, dec_get_le32(h + PKTAP_LEN));
	else
		dec_printf(d, "%s", name ? name : "UNKNOWN");
	dec_printf(d, ", length %zu: ", len);
}

int dec_link_pktap(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_link_begin(d, p, len, "pktap", 0);
	if (len < PKTAP_HDRLEN) {
		dec_printf(d, " (packet too short, %zu < %d) (invalid)", len, PKTAP_HDRLEN);
		return 0; /* -x dumps it all */
	}
	uint32_t dlt = dec_le32(d, p + PKTAP_DLT), hl = dec_le32(d, p + PKTAP_LEN);
	if (hl < PKTAP_HDRLEN) {
		dec_printf(d, " (pkt_len too small, %u < %d) (invalid)", hl, PKTAP_HDRLEN);
		return 0;
	}
	if (hl > len) {
		dec_printf(d, " (pkt_len too big, %u > %zu) (invalid)", hl, len);
		return 0;
	}
	dec_need(d, p, hl);
	if (d->o.eflag)
		pktap_hdr(d, p, len);
	uint32_t rectype = dec_le32(d, p + PKTAP_RECTYPE);
	if (rectype == PKT_REC_NONE)
		dec_printf(d, "no data");
	if (rectype != PKT_REC_PACKET)
		return (int)hl;
	dec_link_fn print = inner_printer(dlt);
	d->hdrlen = (int)hl;
	if (print) /* tcpdump counts the inner link header twice for -x (as for PPI) */
		return dec_link_nested(d, print, p + hl, len - hl, (int)hl, 2);
	if (!d->o.eflag)
		pktap_hdr(d, p, len);
	if (!d->o.qflag && !d->o.xflag && !d->o.Xflag) /* tcpdump's suppress_default_print */
		dec_default_print(d, p + hl, dec_avail(d, p + hl, len - hl));
	return (int)hl;
}
