/* nflog.c: Linux netfilter log records (DLT_NFLOG), as tcpdump 4.99
 * prints them: a 4-byte header (family, version, resource ID), with -e
 * "version 0, resource ID 20, family IPv4 (2), length N: ", then TLVs
 * (lengths in host byte order, padded to 4) up to the payload TLV, whose
 * data is the IPv4 or IPv6 packet; another family gets the header's line
 * and a hex dump. */
#include "decode/dec.h"

enum { NFLOG_HDR_LEN = 4, NFLOG_TLV_LEN = 4, NFULA_PAYLOAD = 9, NF_AF_INET = 2, NF_AF_INET6 = 10 };

static const struct dec_tok families[] = { { NF_AF_INET, "IPv4" }, { NF_AF_INET6, "IPv6" }, { 0, NULL } };

static void hdr(struct dec_ctx *d, const uint8_t *h, size_t len)
{
	dec_printf(d, "version %u, resource ID %u", h[1], dec_get_be16(h + 2));
	if (!d->o.qflag)
		dec_printf(d, ", family %s (%u)", dec_tok(families, h[0], "Unknown"), h[0]);
	else if (dec_tok(families, h[0], NULL))
		dec_printf(d, ", %s", dec_tok(families, h[0], NULL));
	else
		dec_printf(d, ", Unknown NFLOG (0x%02x)", h[0]);
	dec_printf(d, ", length %zu: ", len);
}

/* host byte order, as tcpdump reads it on the little-endian machines
 * that write these captures */
static unsigned he16(const uint8_t *p)
{
	return (unsigned)(p[0] | p[1] << 8);
}

int dec_link_nflog(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "nflog", NFLOG_HDR_LEN);
	if (n >= 0)
		return n;
	const uint8_t *h = p;
	d->hdrlen = NFLOG_HDR_LEN;
	if (h[1] != 0) {
		dec_printf(d, "version %u (unknown)", h[1]);
		return NFLOG_HDR_LEN;
	}
	if (d->o.eflag)
		hdr(d, h, len);
	p += NFLOG_HDR_LEN;
	len -= NFLOG_HDR_LEN;
	while (len > 0) {
		size_t size = dec_has(d, p, NFLOG_TLV_LEN) ? he16(p) : 0;
		size += (4 - size % 4) % 4;
		if (size < NFLOG_TLV_LEN || !dec_has(d, p, size)) {
			dec_printf(d, " [|nflog]");
			return (int)(p - h);
		}
		if (he16(p + 2) == NFULA_PAYLOAD) { /* the packet follows */
			p += NFLOG_TLV_LEN;
			len = len >= NFLOG_TLV_LEN ? len - NFLOG_TLV_LEN : 0;
			break;
		}
		p += size;
		len = len >= size ? len - size : 0;
	}
	d->hdrlen = (int)(p - h);
	if (h[0] == NF_AF_INET)
		dec_ip(d, p, len);
	else if (h[0] == NF_AF_INET6)
		dec_ip6(d, p, len);
	else {
		if (!d->o.eflag)
			hdr(d, h, len + NFLOG_HDR_LEN);
		if (!d->o.qflag) /* -q: no dump */
			d->dump_from = p;
	}
	return (int)(p - h);
}
