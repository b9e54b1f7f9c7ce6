/* byte.c: `byte IDX OP VAL` (OP one of = < > & |), libpcap's old
 * primitive: the byte IDX bytes into the link header, as ether[IDX]
 * (vlan and the like do not move it).  `=`, `<` and `>` compare it with
 * VAL.  `&` and `|` are refused (sema.c): libpcap 1.10.3 compiles them
 * without the load of the byte, so its verdict depends on whatever the
 * test before left in A (`byte 2 & 6` alone never matches, `byte 2 | 6`
 * always does), not on the packet. */
#include "gen/gen.h"
#include "error.h"
#include <pcap/bpf.h>

struct cond *gen_byte(struct gen *g, const struct ast *n)
{
	uint32_t off = gen_off_linkhdr(g) + n->num;
	switch (n->op) {
	case OP_EQ: return cond_cmp(g, off, 1, BPF_JEQ, n->num2, 0xffffffff);
	case OP_GT: return cond_cmp(g, off, 1, BPF_JGT, n->num2, 0xffffffff);
	case OP_GE: return cond_not(g, cond_cmp(g, off, 1, BPF_JGE, n->num2, 0xffffffff)); /* `<` */
	default: return GEN_FAIL(g, "internal: byte operator");
	}
}
