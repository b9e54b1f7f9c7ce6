/* linkdlt.c: printers for link types whose kind (src/linktype.c) does
 * not say enough, keyed by DLT: a row per link type. */
#include <string.h>

#include "decode/dec.h"

int dec_link_begin(struct dec_ctx *d, const uint8_t *p, size_t len, const char *proto, size_t need)
{
	size_t caplen = dec_avail(d, p, len);
	dec_layer(d, DEC_L_LINK);
	d->proto = proto;
	d->hdrlen = 0;
	if (caplen >= need)
		return -1;
	dec_printf(d, " [|%s]", proto);
	return (int)caplen;
}

int dec_link_nested(struct dec_ctx *d, dec_link_fn print, const uint8_t *p, size_t len, int base, int scale)
{
	jmp_buf outer;
	memcpy(outer, d->trunc, sizeof outer);
	int r = setjmp(d->trunc);
	if (r == DEC_TRUNC_NONE) {
		int n = print(d, p, len);
		memcpy(d->trunc, outer, sizeof outer);
		return base + scale * n;
	}
	memcpy(d->trunc, outer, sizeof outer); /* then the same exit again */
	if (r == DEC_TRUNC_RET)
		d->hdrlen = base + scale * d->hdrlen;
	longjmp(d->trunc, r);
}

int dec_link_osi(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_isoclns(d, p, len);
	return 0;
}

static int wlan(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->hdrlen = 0;
	return dec_wlan(d, p, len, 0, 0);
}

static const struct {
	int dlt;
	dec_link_fn print;
} rows[] = {
	{ DLT_IEEE802_11, wlan },           /* IEEE802_11: the 802.11 frame alone */
	{ DLT_IEEE802_11_RADIO, dec_radiotap },     /* IEEE802_11_RADIO: radiotap, then 802.11 */
	{ DLT_C_HDLC, dec_link_chdlc },                  /* Cisco HDLC */
	{ DLT_PPP, dec_link_ppp },                       /* PPP, maybe with address and control */
	{ DLT_PPP_PPPD, dec_link_ppp },                  /* the same from pppd, with its direction */
	{ DLT_PPP_SERIAL, dec_link_ppp_hdlc },           /* PPP in HDLC-like framing, or Cisco HDLC */
	{ DLT_DSA_TAG_BRCM, dec_link_brcm },        /* Ethernet with a Broadcom switch tag */
	{ DLT_DSA_TAG_DSA, dec_link_dsa },          /* ... with a Marvell DSA tag */
	{ DLT_DSA_TAG_EDSA, dec_link_edsa },        /* ... with a Marvell EDSA tag */
	{ DLT_IPOIB, dec_link_ipoib },              /* IP over InfiniBand */
	{ DLT_NFLOG, dec_link_nflog },              /* Linux netfilter log records */
	{ DLT_PPI, dec_link_ppi },                  /* Per-Packet Information, then 802.11 */
	{ DLT_VSOCK, dec_link_vsock },              /* Linux vsock monitor records */
	{ DLT_SLIP, dec_link_slip },                /* SLIP with its 16-byte link header */
	{ DLT_FRELAY, dec_link_fr },                /* Frame Relay: Q.922 address, NLPID */
	{ DLT_MFR, dec_link_mfr },                  /* FRF.16 multilink Frame Relay */
	{ DLT_ARCNET, dec_link_arcnet },            /* ARCNET, RFC 1051 and RFC 1201 framing */
	{ DLT_ARCNET_LINUX, dec_link_arcnet_linux }, /* the same from Linux, with an offset field */
	{ DLT_PKTAP, dec_link_pktap },              /* Apple's PKTAP header, then the inner frame */
	{ DLT_JUNIPER_ETHER, dec_link_juniper },    /* Juniper's "MGC" header, then Ethernet */
	{ DLT_JUNIPER_ATM1, dec_link_juniper },     /* ... an ATM1 PIC's cookie, then LLC or IP */
	{ DLT_JUNIPER_PPP, dec_link_juniper },      /* ... then PPP */
	{ DLT_JUNIPER_CHDLC, dec_link_juniper },    /* ... then Cisco HDLC */
	{ DLT_JUNIPER_FRELAY, dec_link_juniper },   /* ... then Frame Relay */
	{ DLT_JUNIPER_PPPOE, dec_link_juniper },    /* ... then Ethernet (PPPoE) */
	{ DLT_IEEE802_15_4, dec_link_802154 },      /* IEEE 802.15.4 MAC frames, FCS or not */
	{ DLT_IEEE802_15_4_NOFCS, dec_link_802154 },
	{ DLT_IEEE802_15_4_TAP, dec_link_802154_tap }, /* ... behind a TLV pseudo-header */
	{ DLT_SUNATM, dec_link_sunatm },            /* SunATM: direction, VPI, VCI, then a cell or LLC */
	{ DLT_ATM_RFC1483, dec_link_atm_rfc1483 },  /* blank: 802.2 on ATM, maybe behind 802.6 */
};

dec_link_fn dec_link_by_dlt(int dlt)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].dlt == dlt)
			return rows[i].print;
	return NULL;
}
