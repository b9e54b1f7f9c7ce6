/* mtp.c: SS7 (pcap-filter(7)): the MTP2 signal unit words `fisu`, `lssu`,
 * `msu` and, for high-speed links (Q.703 Annex A: a 12-bit length
 * indicator), `hfisu`, `hlssu`, `hmsu`; and the MTP3 fields `sio`, `opc`,
 * `dpc`, `sls` with their `hsio`, `hopc`, `hdpc`, `hsls` forms.
 *
 * Where the MTP2 header starts is libpcap's off_li, per link type; the
 * other offsets follow from it (Q.703, Q.704): the SIO after the length
 * indicator byte, the routing label's DPC, OPC and SLS in the 4 bytes
 * after the SIO (little-endian bit fields, so a point code is spread over
 * them: libpcap compares the 32-bit word with the value moved into those
 * bits), all 2 bytes later (3 for the SIO) on a high-speed link.
 * Like libpcap, `!=` compares as `=` here: libpcap reverses only `<=` and
 * `<` for these fields, so `sls != 3` is `sls 3` there, and here. */
#include "gen/gen.h"
#include "error.h"
#include <pcap/dlt.h>
#include <pcap/bpf.h>

static const struct {
	int dlt;
	uint32_t li;              /* the length indicator byte */
} mtp2[] = {
	{ DLT_MTP2, 2 },              /* 4-byte header before it (libpcap's) */
	{ DLT_MTP2_WITH_PHDR, 6 },    /* a 4-byte pseudo-header more */
	{ DLT_ERF, 22 },              /* Endace ERF record header, MC HDLC */
};

static int li_off(const struct gen *g, uint32_t *li)
{
	for (size_t i = 0; i < sizeof mtp2 / sizeof mtp2[0]; i++)
		if (mtp2[i].dlt == g->lt->dlt) {
			*li = mtp2[i].li;
			return 0;
		}
	return -1;
}

/* fisu: length 0; lssu: 1 or 2; msu: more (the low 6 bits of the length
 * indicator; on high-speed links the 9 bits 0xff80 of a 16-bit word). */
struct cond *gen_mtp2type(struct gen *g, int unit)
{
	uint32_t li;
	if (unit < 0 || unit > 5)
		return GEN_FAIL(g, "internal: MTP2 unit");
	if (li_off(g, &li))
		return GEN_FAIL(g, "'%s' supported only on MTP2", ast_mtp2_name(unit));
	int hs = unit >= 3;
	uint32_t off = hs ? li + 2 : li, mask = hs ? 0xff80 : 0x3f, two = hs ? 0x100 : 2;
	int size = hs ? 2 : 1;
	switch (unit % 3) {
	case 0: return cond_cmp(g, off, size, BPF_JEQ, 0, mask);
	case 1: return cond_and(g, cond_cmp(g, off, size, BPF_JGT, 0, mask),
				cond_not(g, cond_cmp(g, off, size, BPF_JGT, two, mask)));
	default: return cond_cmp(g, off, size, BPF_JGT, two, mask);
	}
}

/* One comparison: field (0 sio, 1 opc, 2 dpc, 3 sls; +4 high-speed). */
struct cond *gen_mtp3(struct gen *g, const struct ast *n)
{
	uint32_t li, v = n->num2, mask = 0xffffffff, off;
	int field = n->proto, size = 1;
	if (li_off(g, &li))
		return GEN_FAIL(g, "'%s' supported only on SS7", ast_field_name(field));
	uint32_t sio = li + 1 + (field >= 4 ? 3 : 0);
	switch (field % 4) {
	case 0: off = sio; break;
	case 1: /* OPC: bits 0x3c00 to 0x0f, 0x3fc to the third byte, 0x3 to 0xc0 of the second */
		off = sio + 1, size = 4, mask = 0x00c0ff0f;
		v = ((v & 0x3c00) >> 10) + ((v & 0x3fc) << 6) + ((v & 0x3) << 22);
		break;
	case 2: /* DPC: the first byte and the low 6 bits of the second */
		off = sio + 1, size = 4, mask = 0xff3f0000;
		v = ((v & 0xff) << 24) + ((v & 0x3f00) << 8);
		break;
	default: /* SLS: the high nibble of the routing label's last byte */
		off = sio + 4, mask = 0xf0, v <<= 4;
	}
	uint16_t jop = n->op == OP_GT ? BPF_JGT : n->op == OP_GE ? BPF_JGE : BPF_JEQ;
	struct cond *c = cond_cmp(g, off, size, jop, v, mask);
	return n->not_ && jop != BPF_JEQ ? cond_not(g, c) : c;
}
