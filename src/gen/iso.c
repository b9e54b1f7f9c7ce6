/* iso.c: OSI protocols: `iso`, `clnp`, `esis`, `isis` and the IS-IS PDU
 * words `l1`, `l2`, `iih`, `lsp`, `snp`, `csnp`, `psnp`, and `iso proto N`,
 * `isis proto N` (pcap-filter(7)).
 *
 * `iso` is the link type's test for the ISO network layer (LLC SAP 0xfe:
 * DSAP and SSAP 0xfefe on 802.2 links, PPP's OSI protocol, Cisco HDLC's
 * 0xfefe, ...: gen_linktype).  The protocol after it is the NLPID byte
 * (ISO/TR 9577): CLNP 0x81, ES-IS 0x82, IS-IS 0x83; an IS-IS PDU's type is
 * the byte 4 past the NLPID (ISO 10589 9.5), compared whole, as libpcap
 * does.  libpcap reads the NLPID where the 802.2 header would end without
 * SNAP (its off_nl_nosnap): 3 bytes into an Ethernet payload, 5 bytes
 * before where SNAP would put the network layer on LLC links, after
 * Cisco HDLC's control byte... the offsets below are its, link type by
 * link type. */
#include "gen/gen.h"
#include "error.h"
#include <pcap/bpf.h>

#define LLCSAP_ISONS 0xfe
#define NLPID_CLNP 0x81         /* ISO 8473 */
#define NLPID_ESIS 0x82         /* ISO 9542 */
#define NLPID_ISIS 0x83         /* ISO 10589 */

/* IS-IS PDU types (ISO 10589 9.5-9.13). */
enum {
	L1_IIH = 15, L2_IIH = 16, PTP_IIH = 17, L1_LSP = 18, L2_LSP = 20,
	L1_CSNP = 24, L2_CSNP = 25, L1_PSNP = 26, L2_PSNP = 27,
};

/* The PDU types each word stands for, in libpcap's order. */
static const struct {
	uint8_t proto;
	uint8_t n;
	uint8_t types[5];
} pdus[] = {
	{ P_L1, 5, { L1_PSNP, L1_CSNP, L1_LSP, L1_IIH, PTP_IIH } },
	{ P_L2, 5, { L2_PSNP, L2_CSNP, L2_LSP, L2_IIH, PTP_IIH } },
	{ P_IIH, 3, { PTP_IIH, L1_IIH, L2_IIH } },
	{ P_LSP, 2, { L1_LSP, L2_LSP } },
	{ P_SNP, 4, { L2_PSNP, L1_PSNP, L1_CSNP, L2_CSNP } },
	{ P_CSNP, 2, { L1_CSNP, L2_CSNP } },
	{ P_PSNP, 2, { L1_PSNP, L2_PSNP } },
};

/* Where the NLPID byte is: the network layer's offset, moved as libpcap's
 * off_nl_nosnap moves it from its off_nl. */
static uint32_t nlpid_off(const struct gen *g)
{
	uint32_t nl = gen_off_linkpl(g);
	if (g->pppoes)
		return nl;
	switch (g->lt->kind) {
	case LT_ETHER:
	case LT_ETHER_PH:
		return nl + 3;  /* DSAP, SSAP, control */
	case LT_LLC:
	case LT_SUNATM:
	case LT_WLAN:
		return nl - 5;  /* after the 3-byte LLC header, not 8-byte LLC+SNAP */
	case LT_CHDLC:
		return nl + 1;
	case LT_MAGIC:
		return nl + (uint32_t)g->lt->nlpid;
	default:
		return nl;
	}
}

/* Frame Relay: the NLPID is the link type's own field (after Q.933's
 * control byte), so libpcap tests the two bytes together. */
static struct cond *nlpid(struct gen *g, uint32_t v)
{
	if (g->lt->kind == LT_FRELAY && !g->pppoes)
		return cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ, 0x0300 | v, 0xffffffff);
	return cond_and(g, gen_linktype(g, LLCSAP_ISONS), cond_cmp(g, nlpid_off(g), 1, BPF_JEQ, v, 0xffffffff));
}

/* The PDU type: 4 bytes past the NLPID, except on Cisco HDLC, where
 * libpcap reads it 4 past the network layer (its NLPID test alone skips
 * the byte before the NLPID there). */
static struct cond *isis_pdu(struct gen *g, uint32_t type)
{
	uint32_t off = nlpid_off(g) + 4 - (g->lt->kind == LT_CHDLC && !g->pppoes);
	return cond_and(g, nlpid(g, NLPID_ISIS), cond_cmp(g, off, 1, BPF_JEQ, type, 0xffffffff));
}

struct cond *gen_iso_word(struct gen *g, int proto)
{
	switch (proto) {
	case P_ISO: return gen_linktype(g, LLCSAP_ISONS);
	case P_CLNP: return nlpid(g, NLPID_CLNP);
	case P_ESIS: return nlpid(g, NLPID_ESIS);
	case P_ISIS: return nlpid(g, NLPID_ISIS);
	}
	for (size_t i = 0; i < sizeof pdus / sizeof pdus[0]; i++) {
		if (pdus[i].proto != proto)
			continue;
		struct cond *c = isis_pdu(g, pdus[i].types[0]);
		for (int k = 1; k < pdus[i].n; k++)
			c = cond_or(g, c, isis_pdu(g, pdus[i].types[k]));
		return c;
	}
	return GEN_FAIL(g, "'%s' is not a protocol word bpfx knows", ast_proto_name(proto));
}

/* iso proto N: the NLPID; isis proto N: the IS-IS PDU type. */
struct cond *gen_iso_proto(struct gen *g, uint32_t v, int proto)
{
	if (proto == P_ISO)
		return nlpid(g, v);
	if (proto == P_ISIS)
		return isis_pdu(g, v);
	if (proto == P_CLNP)
		return GEN_FAIL(g, "'clnp proto' is not supported: CLNP's payload type is not in a fixed place");
	return GEN_FAIL(g, "'%s proto' is bogus: only iso and isis name a protocol inside them", ast_proto_name(proto));
}
