/* msnlb.c: Microsoft Network Load Balancing heartbeats (ethertype 0x886f)
 * as tcpdump 4.99 prints them: the host priority (little-endian, after 8
 * unknown bytes), the cluster's and the host's IPv4 addresses; the rest
 * of the undocumented message is not shown. */
#include "decode/dec.h"

void dec_msnlb(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	(void)len;
	d->proto = "msnlb";
	dec_printf(d, "MS NLB heartbeat");
	dec_printf(d, ", host priority: %u", dec_le32(d, p + 8));
	static const char *const addrs[] = { "cluster", "host" }; /* at 12, then 16 */
	for (int i = 0; i < 2; i++) {
		dec_need(d, p + 12 + 4 * i, 4);
		dec_printf(d, ", %s IP: ", addrs[i]);
		dec_ip4addr(d, p + 12 + 4 * i);
	}
}
