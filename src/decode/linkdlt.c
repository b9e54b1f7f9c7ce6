/* linkdlt.c: printers for link types whose kind (src/linktype.c) does
 * not say enough, keyed by DLT: a row per link type. */
#include "decode/dec.h"

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
};

dec_link_fn dec_link_by_dlt(int dlt)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].dlt == dlt)
			return rows[i].print;
	return NULL;
}
