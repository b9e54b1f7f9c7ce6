/* igrp.c: Cisco's IGRP (IP protocol 9) as tcpdump 4.99 prints it:
 *
 *   igrp: update V1 edit=3 AS=100 (1/2/0) *.1.2.3 d=.. b=.. r=.. l=.. M=..
 *   mtu=1500 in 0 hops 10.2.0.0 d=...              (-v adds checksum=0x..)
 *
 * The header counts interior, system and exterior routes; the 14-byte
 * entries are walked while the IP payload lasts, and a count or length
 * left over when they end is tcpdump's " (invalid)".  tcpdump subtracts
 * the header from the length without checking it, so a payload shorter
 * than the header walks on until the capture ends (" [|igrp]"). */
#include "decode/dec.h"

#define IGRP_HDR 12
#define IGRP_RTE 14

static const struct dec_tok ops[] = { { 1, "update" }, { 2, "request" }, { 0, NULL } };

static void entry(struct dec_ctx *d, const uint8_t *e)
{
	unsigned delay = (unsigned)dec_be16(d, e + 3) << 8 | dec_u8(d, e + 5);
	unsigned bw = (unsigned)dec_be16(d, e + 6) << 8 | dec_u8(d, e + 8);
	unsigned metric = bw + delay > 0xffffff ? 0xffffff : bw + delay;
	unsigned mtu = dec_be16(d, e + 9);
	dec_need(d, e + 11, 3);
	dec_printf(d, " d=%u b=%u r=%u l=%u M=%u mtu=%u in %u hops", 10 * delay, bw == 0 ? 0 : 10000000 / bw, e[11],
		   e[12], metric, mtu, e[13]);
}

void dec_igrp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = "igrp";
	dec_printf(d, "igrp:");
	unsigned count[3] = { dec_be16(d, p + 4), dec_be16(d, p + 6), dec_be16(d, p + 8) };
	unsigned vop = dec_u8(d, p), ed = dec_u8(d, p + 1), as = dec_be16(d, p + 2);
	dec_printf(d, " ");
	dec_tokf(d, ops, vop & 0x0f, "op-#%u");
	dec_printf(d, " V%u edit=%u AS=%u (%u/%u/%u)", vop >> 4, ed, as, count[0], count[1], count[2]);
	unsigned sum = dec_be16(d, p + 10);
	if (d->o.vflag)
		dec_printf(d, " checksum=0x%04x", sum);
	/* interior "*.a.b.c", system "a.b.c.0", exterior "Xa.b.c.0" */
	static const char *const fmts[] = { " *.%u.%u.%u", " %u.%u.%u.0", " X%u.%u.%u.0" };
	uint32_t left = (uint32_t)len - IGRP_HDR; /* tcpdump's u_int */
	const uint8_t *e = p + IGRP_HDR;
	for (; left >= IGRP_RTE; e += IGRP_RTE, left -= IGRP_RTE) {
		unsigned n0 = dec_u8(d, e), n1 = dec_u8(d, e + 1), n2 = dec_u8(d, e + 2);
		int k = count[0] ? 0 : count[1] ? 1 : count[2] ? 2 : -1;
		if (k < 0) {
			dec_printf(d, " [extra bytes %u]", left);
			break;
		}
		dec_printf(d, fmts[k], n0, n1, n2);
		entry(d, e);
		count[k]--;
	}
	if (count[0] || count[1] || count[2] || left)
		dec_printf(d, " (invalid)");
}
