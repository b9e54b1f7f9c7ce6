/* explain_text.c: the sentences of `explain`, and its text and JSON output
 * (see explain_int.h for how this half meets the analysis).
 *
 * Each instruction is described from the state the forward pass left
 * before it (explain_analyze.c): a load by what the analysis names at the
 * offset it reads, a branch by the role of the field A holds ("is it
 * TCP?"), anything else by what it computes, in the symbolic terms of the
 * state.  Every instruction gets a sentence, never an empty one.  The
 * named constants of the expression ("tcp-ack") are reported where an
 * instruction uses their value.  The output functions only lay out what
 * struct explain holds; they decide nothing. */
#include "explain_int.h"
#include "format.h"
#include "isa.h"
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Sentences
 * ------------------------------------------------------------------- */

static const char *target_word(const struct xctx *c, unsigned t, char buf[48])
{
	if (t >= c->n) {
		xp_put(buf, 48, "%03u (past the end)", t);
		return buf;
	}
	const struct bpf_insn *in = &c->p[t];
	if (in->code == (BPF_RET | BPF_K))
		xp_put(buf, 48, "%03u (%s)", t, in->k ? "accept" : "reject");
	else
		xp_put(buf, 48, "%03u", t);
	return buf;
}

static const char *op_word(uint32_t op)
{
	return op == BPF_JEQ ? "==" : op == BPF_JGT ? ">" : op == BPF_JGE ? ">=" : "&";
}

static void ip4_text(char *buf, size_t size, uint32_t v)
{
	xp_put(buf, size, "%u.%u.%u.%u", v >> 24, v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
}

static int prefix_len(uint32_t m)
{
	int n = 0;
	while (n < 32 && (m & (0x80000000u >> n)))
		n++;
	return (n == 32 ? ALLMASK : n ? ~(ALLMASK >> n) : 0) == m ? n : -1;
}

/* Questions by the role of the field A holds (enum xf_role).  Each takes
 * A, the jump's operator and constant, writes the question into q and
 * returns true, or returns false when it has no sentence for this test
 * (a mask or an operator it does not know): the caller then writes the
 * test out as an expression. */

/* A holds its table field whole: not part of it, not more. */
static bool whole(const struct sym *a)
{
	return a->f->off == a->foff && a->f->size == a->size;
}

/* The question whether A is k: `named` (taking the name, then k) when the
 * table knows k as n, else `plain` (taking k). */
static bool ask_is(char *q, size_t size, const char *n, const char *named, const char *plain, uint32_t k)
{
	if (n)
		xp_put(q, size, named, n, k);
	else
		xp_put(q, size, plain, k);
	return true;
}

static bool q_ethertype(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->mask != ALLMASK || !whole(a))
		return false;
	if (op == BPF_JEQ)
		return ask_is(q, size, xf_ethertype_name(k), "is it %s? (type 0x%04x)", "is the type 0x%04x?", k);
	if (op == BPF_JGT && k == 0x5dc) {
		xp_put(q, size, "is it Ethernet II? (type > 1500; 1500 or less is an 802.3 length)");
		return true;
	}
	return false;
}

static bool q_af(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (op != BPF_JEQ)
		return false;
	xp_put(q, size, "is it IPv%d? (address family 0x%x)", xf_af_version(k) ? xf_af_version(k) : 0, k);
	if (!xf_af_version(k))
		xp_put(q, size, "is the address family 0x%x?", k);
	return true;
}

static bool q_version(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->layer != XL_IPV4 || a->size != 1)
		return false;
	if (a->mask == ALLMASK && op == BPF_JEQ) {
		xp_put(q, size, "is ip[0] 0x%02x? (version %u, header length %u words = %u bytes)", k, k >> 4,
			 k & 0xf, (k & 0xf) * 4);
		return true;
	}
	if (a->mask == 0xf && op == BPF_JEQ) {
		xp_put(q, size, "is the IPv4 header length (IHL) %u words = %u bytes?", k, k * 4);
		return true;
	}
	return false;
}

static bool q_ipproto(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->mask != ALLMASK || op != BPF_JEQ)
		return false;
	const char *n = xf_ipproto_name(k);
	const char *what = a->layer == XL_IPV4 ? "protocol" : "next header";
	if (n)
		xp_put(q, size, "is it %s? (%s %u)", n, what, k);
	else
		xp_put(q, size, "is the %s %u?", what, k);
	return true;
}

/* IPv4 flags and fragment offset, read as ip[6:2] or the byte ip[6] */
static bool q_frag(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	bool full = a->mask == ALLMASK;
	if (a->size == 2 && a->mask == 0x1fff && op == BPF_JEQ && k == 0) {
		xp_put(q, size, "is the fragment offset 0? (not a later fragment)");
		return true;
	}
	if (a->size == 2 && full && op == BPF_JSET && k == 0x1fff) {
		xp_put(q, size, "is it a later fragment? (fragment offset ip[6:2] & 0x1fff != 0)");
		return true;
	}
	if (op == BPF_JSET || (op == BPF_JEQ && k == 0 && !full)) {
		uint32_t m = op == BPF_JSET ? k : a->mask;
		if (a->size == 1)
			m <<= 8;
		const char *bit = m == 0x2000 ? "MF (more fragments)" : m == 0x4000 ? "DF (don't fragment)" :
				  m == 0x8000 ? "reserved" : NULL;
		if (!bit)
			return false;
		xp_put(q, size, "is the %s flag %s?", bit, op == BPF_JSET ? "set" : "clear");
		return true;
	}
	return false;
}

/* a whole IPv4 address, or a network under a prefix mask */
static bool q_addr4(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	char v[80];
	if (op != BPF_JEQ || a->size != 4)
		return false;
	ip4_text(v, sizeof v, k);
	if (a->mask == ALLMASK) {
		xp_put(q, size, "is the %s %s?", a->f->name, v);
		return true;
	}
	if (prefix_len(a->mask) >= 0) {
		xp_put(q, size, "is the %s in %s/%d?", a->f->name, v, prefix_len(a->mask));
		return true;
	}
	return false;
}

/* IPv6 and MAC addresses are compared a few bytes at a time: name them */
static bool q_addr_bytes(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	const struct xfield *f = a->f;
	bool full = a->mask == ALLMASK;
	char v[80];
	int b0 = a->foff - f->off;
	if (op != BPF_JEQ)
		return false;
	if (f->role == XR_ADDR6 && a->size == 4)
		xp_put(v, sizeof v, "%04x:%04x", k >> 16, k & 0xffff);
	else if (a->size == 4)
		xp_put(v, sizeof v, "%02x:%02x:%02x:%02x", k >> 24, k >> 16 & 0xff, k >> 8 & 0xff, k & 0xff);
	else if (a->size == 2)
		xp_put(v, sizeof v, "%02x:%02x", k >> 8, k & 0xff);
	else
		xp_put(v, sizeof v, "%02x", k);
	xp_put(q, size, "%s bytes %d..%d of the %s %s%s?", a->size > 1 ? "are" : "is", b0, b0 + a->size - 1,
		 f->name, v, full ? "" : " (under the mask)");
	if (a->size == 1)
		xp_put(q, size, "is byte %d of the %s 0x%02x%s?", b0, f->name, k, full ? "" : " (under the mask)");
	return true;
}

static bool q_port(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->mask != ALLMASK || !whole(a))
		return false;
	if (op == BPF_JEQ)
		xp_put(q, size, "is the %s %u?", a->f->name, k);
	else
		xp_put(q, size, "is the %s %s %u?", a->f->name, op_word(op), k);
	return op != BPF_JSET;
}

/* flags by name: "is the SYN flag set?", "are the TCP flags exactly ..." */
static bool q_tcpflags(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	char fl[64], fv[64];
	if (op == BPF_JSET) {
		xf_tcpflags(fl, sizeof fl, k);
		xp_put(q, size, strchr(fl, '|') ? "is any of the %s flags set?" : "is the %s flag set?", fl);
		return true;
	}
	if (op != BPF_JEQ)
		return false;
	if (a->mask == ALLMASK) {
		xf_tcpflags(fl, sizeof fl, k);
		xp_put(q, size, "are the TCP flags exactly %s? (tcp[13] == 0x%02x)", fl, k);
		return true;
	}
	xf_tcpflags(fl, sizeof fl, a->mask);
	xf_tcpflags(fv, sizeof fv, k);
	if (k == 0)
		xp_put(q, size, strchr(fl, '|') ? "are the %s flags all clear?" : "is the %s flag clear?", fl);
	else if (k == a->mask)
		xp_put(q, size, strchr(fl, '|') ? "are the %s flags all set?" : "is the %s flag set?", fl);
	else
		xp_put(q, size, "of the %s flags, are exactly %s set?", fl, fv);
	return true;
}

static bool q_icmptype(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	const struct xfield *f = a->f;
	if (a->mask != ALLMASK || op != BPF_JEQ)
		return false;
	const char *n = f->role == XR_ICMPTYPE ? xf_icmp_name(k) : xf_icmp6_name(k);
	if (n)
		xp_put(q, size, "is it an %s %s? (type %u)", f->role == XR_ICMPTYPE ? "ICMP" : "ICMPv6", n, k);
	else
		xp_put(q, size, "is the %s %u?", f->name, k);
	return true;
}

static bool q_arpop(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->mask != ALLMASK || op != BPF_JEQ || !xf_arpop_name(k))
		return false;
	xp_put(q, size, "is it an %s? (operation %u)", xf_arpop_name(k), k);
	return true;
}

/* an MPLS label, or the bottom-of-stack bit of its entry */
static bool q_mpls(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->size == 4 && a->mask == 0xfffff000 && op == BPF_JEQ) {
		xp_put(q, size, "is the MPLS label %u?", k >> 12);
		return true;
	}
	if (a->size == 1 && a->foff == 2 &&
	    ((a->mask == 1 && op == BPF_JEQ) || (a->mask == ALLMASK && op == BPF_JSET && k == 1))) {
		xp_put(q, size, "is this the bottom of the label stack? (S bit %s)", op == BPF_JEQ && k == 0 ? "clear" : "set");
		if (op == BPF_JEQ && k == 0)
			xp_put(q, size, "is there another label below this one? (S bit clear)");
		return true;
	}
	return false;
}

/* the PPP protocol in a PPPoE session, and the session id */
static bool q_ppp(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->mask != ALLMASK || a->size != 2 || op != BPF_JEQ)
		return false;
	return ask_is(q, size, xf_ppp_name(k), "does the session carry %s? (PPP protocol 0x%04x)",
		      "is the PPP protocol 0x%04x?", k);
}

static bool q_pppoesid(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->size != 4 || a->mask != 0xffff || op != BPF_JEQ)
		return false;
	xp_put(q, size, "is the PPPoE session id %u (0x%x)?", k, k);
	return true;
}

static bool q_vlantci(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->size == 2 && a->mask == 0x0fff && op == BPF_JEQ) {
		xp_put(q, size, "is the VLAN ID %u?", k);
		return true;
	}
	return false;
}

/* 802.2: raw NetWare 802.3 frames have 0xffff where the SAPs would be;
 * the control byte's low bits give the PDU type (I: bit 0 clear, S: 01,
 * U: 11), the low nibble the S command, the byte without its poll/final
 * bit (0x10) the U command, as `llc TYPE` tests them. */
static bool q_llc(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	static const struct { uint8_t mask, value; const char *name; } t[] = {
		{ 0x03, 0x01, "an S (supervisory) PDU" }, { 0x03, 0x03, "a U (unnumbered) PDU" },
		{ 0x0f, 0x01, "an RR (receiver ready) S PDU" }, { 0x0f, 0x05, "an RNR (receiver not ready) S PDU" },
		{ 0x0f, 0x09, "a REJ (reject) S PDU" }, { 0xef, 0x03, "a UI (unnumbered information) U PDU" },
		{ 0xef, 0x63, "a UA (unnumbered acknowledgment) U PDU" }, { 0xef, 0x43, "a DISC (disconnect) U PDU" },
		{ 0xef, 0x6f, "a SABME (set asynchronous balanced mode extended) U PDU" },
		{ 0xef, 0xe3, "a TEST U PDU" }, { 0xef, 0xaf, "an XID (exchange identification) U PDU" },
		{ 0xef, 0x87, "a FRMR (frame reject) U PDU" },
	};
	if (a->f->role == XR_LLCSAPS) {
		if (!whole(a) || a->mask != ALLMASK || op != BPF_JEQ || k != 0xffff)
			return false;
		xp_put(q, size, "is it raw NetWare 802.3? (0xffff where the LLC header would start)");
		return true;
	}
	if (a->size != 1)
		return false;
	if (op == BPF_JSET && k == 1 && a->mask == ALLMASK) {
		xp_put(q, size, "is it an S or U PDU? (control bit 0 set; an I PDU has it clear)");
		return true;
	}
	for (size_t i = 0; op == BPF_JEQ && i < sizeof t / sizeof t[0]; i++)
		if (a->mask == t[i].mask && k == t[i].value) {
			xp_put(q, size, "is it %s? (control & 0x%02x == 0x%02x)", t[i].name, t[i].mask, k);
			return true;
		}
	return false;
}

/* The question a conditional jump asks about A, by the role of the
 * field in A.  Returns false when no role sentence applies. */
static bool role_question(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	if (a->kind != SY_FIELD)
		return false;
	/* the IP version nibble, wherever it is */
	if (a->size == 1 && a->mask == 0xf0 && op == BPF_JEQ && (k == 0x40 || k == 0x60)) {
		xp_put(q, size, "is it IPv%u? (IP version nibble %u)", k >> 4, k >> 4);
		return true;
	}
	if (!a->f)
		return false;
	switch (a->f->role) {
	case XR_ETHERTYPE: return q_ethertype(q, size, a, op, k);
	case XR_AF: return q_af(q, size, a, op, k);
	case XR_VERSION: return q_version(q, size, a, op, k);
	case XR_IPPROTO: return q_ipproto(q, size, a, op, k);
	case XR_FRAG: return q_frag(q, size, a, op, k);
	case XR_ADDR4: return q_addr4(q, size, a, op, k);
	case XR_ADDR6:
	case XR_MAC: return q_addr_bytes(q, size, a, op, k);
	case XR_PORT: return q_port(q, size, a, op, k);
	case XR_TCPFLAGS: return q_tcpflags(q, size, a, op, k);
	case XR_ICMPTYPE:
	case XR_ICMP6TYPE: return q_icmptype(q, size, a, op, k);
	case XR_ARPOP: return q_arpop(q, size, a, op, k);
	case XR_MPLS: return q_mpls(q, size, a, op, k);
	case XR_VLANTCI: return q_vlantci(q, size, a, op, k);
	case XR_PPPPROTO: return q_ppp(q, size, a, op, k);
	case XR_PPPOESID: return q_pppoesid(q, size, a, op, k);
	case XR_LLCSAPS:
	case XR_LLCCTRL: return q_llc(q, size, a, op, k);
	default: return false;
	}
}

void xp_jump_text(const struct xctx *c, const struct xstate *s, unsigned pc, char *q, size_t size)
{
	const struct bpf_insn *in = &c->p[pc];
	uint32_t op = BPF_OP(in->code);
	char t[48], f[48], at[128];
	q[0] = 0;
	if (op == BPF_JA) {
		xp_put(q, size, "jump to %s", target_word(c, (unsigned)(pc + 1 + in->k), t));
		return;
	}
	if (BPF_SRC(in->code) == BPF_X) {
		xp_operand_text(at, sizeof at, &s->A);
		xp_put(q, size, "is %s %s x (x = %s)%s?", at, op_word(op), s->X.text, op == BPF_JSET ? " != 0" : "");
	} else if (!role_question(q, size, &s->A, op, in->k)) {
		xp_operand_text(at, sizeof at, &s->A);
		if (s->A.kind == SY_CONST)
			xp_put(q, size, "is %s %s 0x%x? (both constant: always %s)", at, op_word(op), in->k,
				 (op == BPF_JEQ ? s->A.k == in->k : op == BPF_JGT ? s->A.k > in->k :
				  op == BPF_JGE ? s->A.k >= in->k : (s->A.k & in->k) != 0) ? "yes" : "no");
		else if (op == BPF_JSET)
			xp_put(q, size, "is any bit of 0x%x set in %s?", in->k, at);
		else if (s->A.kind == SY_LEN)
			xp_put(q, size, "is the packet length (len) %s %u?", op_word(op), in->k);
		else if (in->k < 10)
			xp_put(q, size, "is %s %s %u?", s->A.text, op_word(op), in->k);
		else
			xp_put(q, size, "is %s %s 0x%x (%u)?", s->A.text, op_word(op), in->k, in->k);
		/* four printable bytes: say them, as "GET " */
		uint32_t k = in->k;
		bool ascii = s->A.kind == SY_FIELD && s->A.size == 4 && op == BPF_JEQ;
		for (int b = 0; b < 4 && ascii; b++)
			ascii = (k >> (8 * b) & 0xff) >= 0x20 && (k >> (8 * b) & 0xff) < 0x7f;
		if (ascii)
			xp_cat(q, size, " (the bytes \"%c%c%c%c\")", k >> 24, k >> 16 & 0xff, k >> 8 & 0xff, k & 0xff);
	}
	if (in->jt == in->jf)
		xp_cat(q, size, " either way -> %s", target_word(c, pc + 1 + in->jt, t));
	else
		xp_cat(q, size, " yes -> %s, no -> %s", target_word(c, pc + 1 + in->jt, t), target_word(c, pc + 1 + in->jf, f));
}

/* A load into A or x, in words; false for a mode classic BPF lacks. */
static bool load_text(const struct xctx *c, const struct xstate *s, const struct bpf_insn *in,
		      struct xp_draft *e)
{
	struct xread r;
	char *q = e->reads;
	size_t size = sizeof e->reads;
	uint32_t k = in->k;
	int size_b = (int)isa_load_bytes(in->code);
	const char *reg = BPF_CLASS(in->code) == BPF_LD ? "A" : "x";
	switch (BPF_MODE(in->code)) {
	case BPF_ABS:
	case BPF_IND:
		if (BPF_MODE(in->code) == BPF_ABS)
			xp_read_abs(&r, c, s, (int)k, size_b);
		else
			xp_read_ind(&r, c, s, k, size_b);
		e->named = r.named;
		xp_put(q, size, "A = %s = %s, %s", r.val.text, r.meaning, r.where);
		if (r.alt[0])
			xp_cat(q, size, " (%s)", r.alt);
		return true;
	case BPF_MSH:
		xp_read_abs(&r, c, s, (int)k, 1);
		e->named = true;
		xp_put(q, size, "x = IPv4 header length = 4 * (low 4 bits of %s, the IHL), %s", r.val.text, r.where);
		return true;
	case BPF_LEN:
		xp_put(q, size, "%s = len, the packet's length on the wire", reg);
		return true;
	case BPF_IMM:
		xp_put(q, size, "%s = %u (0x%x)", reg, k, k);
		return true;
	case BPF_MEM:
		xp_put(q, size, "%s = M[%u] (= %s)", reg, k, s->M[k % BPF_MEMWORDS].text);
		return true;
	}
	return false;
}

/* What a non-branch instruction does, in words. */
void xp_stmt_text(const struct xctx *c, const struct xstate *s, unsigned pc, struct xp_draft *e)
{
	const struct bpf_insn *in = &c->p[pc];
	struct xstate after = *s;
	char *q = e->reads;
	size_t size = sizeof e->reads;
	uint32_t k = in->k;
	xp_transfer(c, &after, in);
	switch (BPF_CLASS(in->code)) {
	case BPF_RET:
		if (BPF_RVAL(in->code) == BPF_A)
			xp_put(q, size, "return A (= %s): accept that many bytes, reject if 0", s->A.text);
		else if (BPF_RVAL(in->code) == BPF_X)
			xp_put(q, size, "return x (= %s)", s->X.text);
		else if (k == 0)
			xp_put(q, size, "reject: return 0 (the packet does not match)");
		else if (k == c->snaplen)
			xp_put(q, size, "accept: return %u, the snapshot length (keep the whole packet)", k);
		else
			xp_put(q, size, "accept: return %u (keep at most %u bytes)", k, k);
		return;
	case BPF_LD:
	case BPF_LDX:
		if (load_text(c, s, in, e))
			return;
		break;
	case BPF_ST:
		xp_put(q, size, "M[%u] = A (= %s), kept for later", k, s->A.text);
		return;
	case BPF_STX:
		xp_put(q, size, "M[%u] = x (= %s), kept for later", k, s->X.text);
		return;
	case BPF_ALU:
		xp_put(q, size, "A = %s", after.A.text);
		if (BPF_OP(in->code) == BPF_AND && BPF_SRC(in->code) == BPF_K && s->A.kind == SY_FIELD && s->A.f &&
		    s->A.f->role == XR_TCPFLAGS) {
			char fl[64];
			xf_tcpflags(fl, sizeof fl, k);
			xp_cat(q, size, " (keep only the %s bit%s)", fl, strchr(fl, '|') ? "s" : "");
		} else if (after.A.kind == SY_HLEN) {
			xp_cat(q, size, " (IPv4 header length%s)", after.A.var || after.A.k ? " plus an offset" : "");
		} else if (BPF_OP(in->code) == BPF_LSH && in->k == 2 && s->A.kind == SY_FIELD && s->A.mask == 0xf &&
			   s->A.layer == XL_IPV4 && s->A.foff == 0) {
			xp_cat(q, size, " (the IPv4 header length in bytes)");
		} else if (BPF_OP(in->code) == BPF_RSH && in->k == 2 && s->A.kind == SY_FIELD && s->A.mask == 0xf0 &&
			   s->A.layer == XL_TCP && s->A.foff == 12) {
			xp_cat(q, size, " (the TCP header length in bytes)");
		}
		return;
	case BPF_MISC:
		if (BPF_MISCOP(in->code) == BPF_TAX)
			xp_put(q, size, "x = A (= %s)", s->A.text);
		else
			xp_put(q, size, "A = x (= %s)", s->X.text);
		return;
	}
	xp_put(q, size, "code 0x%x: not a classic BPF instruction", in->code);
}

/* ---------------------------------------------------------------------
 * Named constants
 * ------------------------------------------------------------------- */

/* Names as the scanner cuts them: [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])? */
void xp_find_constants(const char *expr, struct explain *e)
{
	unsigned nn;
	const struct xf_named *t = xf_named_constants(&nn);
	for (const char *p = expr; *p;) {
		if (!isalnum((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *s = p;
		while (*p && (isalnum((unsigned char)*p) || strchr("-_.", *p)))
			p++;
		const char *end = p;
		while (end > s + 1 && strchr("-_", end[-1]))
			end--;
		size_t len = (size_t)(end - s);
		for (unsigned i = 0; i < nn; i++) {
			if (strlen(t[i].name) != len || strncmp(t[i].name, s, len))
				continue;
			bool dup = false;
			for (int j = 0; j < e->nconsts; j++)
				dup |= e->consts[j].name == t[i].name;
			if (!dup && e->nconsts < (int)(sizeof e->consts / sizeof e->consts[0]))
				e->consts[e->nconsts++] = (struct explain_const){ t[i].name, t[i].value };
		}
	}
}

/* "tcp-ack = 16" for the constants inside insn's span whose value it uses. */
void xp_constants_note(const struct explain *e, const struct xp_draft *x, const struct xstate *s,
			   char *buf, size_t size)
{
	if (!e->expr || x->start < 0)
		return;
	for (int i = 0; i < e->nconsts; i++) {
		const char *name = e->consts[i].name;
		const char *hit = NULL;
		for (const char *p = e->expr + x->start; (p = strstr(p, name)) && p < e->expr + x->end; p++)
			hit = p;
		if (!hit)
			continue;
		uint32_t v = e->consts[i].value;
		bool uses = false;
		const struct bpf_insn *in = &x->insn;
		if (BPF_CLASS(in->code) == BPF_JMP && BPF_SRC(in->code) == BPF_K)
			uses = in->k == v || (s->A.kind == SY_FIELD && (s->A.mask & v) == v && s->A.mask != ALLMASK);
		else if (BPF_CLASS(in->code) == BPF_ALU && BPF_SRC(in->code) == BPF_K)
			uses = (in->k & v) == v && v;
		else if (BPF_CLASS(in->code) == BPF_LD && !strncmp(name, "tcpflags", 8))
			uses = strstr(x->reads, "TCP flags") != NULL;
		else if (BPF_CLASS(in->code) == BPF_LD && (strstr(name, "type") || strstr(name, "code")) &&
			 !strchr(name, '-'))
			uses = strstr(x->reads, strstr(name, "type") ? " type" : " code") != NULL;
		if (uses)
			xp_cat(buf, size, "%s%s = %u", buf[0] ? ", " : "", name, v);
	}
}

/* ---------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------- */

/* An expression longer than this is shown as a window of it around the
 * span (with "..." where cut): printed whole under each of thousands of
 * terms, the output would grow with the square of the expression. */
#define UNDERLINE_WIDTH 200

/* expr's length is len (explain_print's one strlen: one here under each
 * instruction, even bounded to the span's end, was quadratic time) */
static void underline(FILE *f, const char *expr, int len, int s, int e)
{
	if (s > len)
		s = len;
	if (e > len)
		e = len;
	if (e <= s)
		e = s + 1;
	int ws = 0, we = len; /* the window shown */
	if (len > UNDERLINE_WIDTH) {
		ws = s > UNDERLINE_WIDTH / 3 ? s - UNDERLINE_WIDTH / 3 : 0;
		if (ws > len - UNDERLINE_WIDTH)
			ws = len - UNDERLINE_WIDTH;
		we = ws + UNDERLINE_WIDTH;
		if (e > we)
			e = we;
	}
	const char *pre = ws > 0 ? "..." : "";
	fprintf(f, "\n  %s%.*s%s\n  %*s", pre, we - ws, expr + ws, we < len ? "..." : "", (int)strlen(pre), "");
	for (int i = ws; i < s; i++)
		fputc(expr[i] == '\t' ? '\t' : ' ', f);
	for (int i = s; i < e; i++)
		fputc(i == s ? '^' : '~', f);
	fputc('\n', f);
}

void explain_print(FILE *f, const struct explain *e)
{
	const struct linktype *lt = lt_by_dlt(e->linktype);
	if (e->expr)
		fprintf(f, "expression: %s\n", e->expr);
	if (lt && lt->kind == LT_WLAN) /* src/gen/wlan.c: an offset read from the packet */
		fprintf(f, "link type:  %s (%s), network layer %u bytes after the 802.11 header, whose length is read from each packet\n",
			lt->name, lt->descr, lt->off_nl);
	else if (lt && lt->kind == LT_PFLOG) /* src/gen/pflog.c */
		fprintf(f, "link type:  %s (%s), network layer after the pflog header, whose length (its first byte, "
			   "rounded up to 4) is read from each packet\n", lt->name, lt->descr);
	else if (lt)
		fprintf(f, "link type:  %s (%s), network layer at offset %u\n", lt->name, lt->descr, lt->off_nl);
	if (e->nconsts) {
		fputs("named constants:", f);
		for (int i = 0; i < e->nconsts; i++)
			fprintf(f, "%s %s = %u", i ? "," : "", e->consts[i].name, e->consts[i].value);
		fputc('\n', f);
	}
	int ps = -2, pe = -2, len = e->expr ? (int)strlen(e->expr) : 0;
	char line[160];
	for (unsigned i = 0; i < e->n; i++) {
		const struct explain_insn *x = &e->insns[i];
		if (e->expr && (x->start != ps || x->end != pe)) {
			if (x->start >= 0)
				underline(f, e->expr, len, x->start, x->end);
			else
				fputs("\n  (the program's verdicts)\n", f);
			ps = x->start;
			pe = x->end;
		}
		fmt_insn(line, sizeof line, &x->insn, (int)i);
		for (char *c = line; *c; c++)
			if (*c == '\t')
				*c = ' ';
		fprintf(f, "%-44s ; %s\n", line, x->note);
	}
}

/* ,"key":"value" with value escaped (keys are plain words). */
static void json_member(FILE *f, const char *key, const char *value)
{
	fprintf(f, ",\"%s\":", key);
	fmt_json_str(f, value);
}

void explain_print_json(FILE *f, const struct explain *e)
{
	const struct linktype *lt = lt_by_dlt(e->linktype);
	char line[160];
	fputs("{\"expression\":", f);
	if (e->expr)
		fmt_json_str(f, e->expr);
	else
		fputs("null", f);
	json_member(f, "linktype", lt ? lt->name : "");
	fprintf(f, ",\"network_offset\":%d,\"constants\":[", lt ? (int)lt->off_nl : -1);
	for (int i = 0; i < e->nconsts; i++) {
		fprintf(f, "%s{\"name\":", i ? "," : "");
		fmt_json_str(f, e->consts[i].name);
		fprintf(f, ",\"value\":%u}", e->consts[i].value);
	}
	fputs("],\"instructions\":[", f);
	for (unsigned i = 0; i < e->n; i++) {
		const struct explain_insn *x = &e->insns[i];
		fmt_insn(line, sizeof line, &x->insn, (int)i);
		fprintf(f, "%s\n{\"pc\":%u,\"insn\":", i ? "," : "", i);
		fmt_json_str(f, line);
		fprintf(f, ",\"code\":%u,\"jt\":%u,\"jf\":%u,\"k\":%u", x->insn.code, x->insn.jt, x->insn.jf, x->insn.k);
		if (x->start >= 0 && e->expr) {
			int len = (int)strnlen(e->expr, (size_t)(x->start > x->end ? x->start : x->end));
			int s = x->start < len ? x->start : len, en = x->end < len ? x->end : len;
			char src[512];
			xp_put(src, sizeof src, "%.*s", en > s ? en - s : 0, e->expr + s);
			fprintf(f, ",\"span\":{\"start\":%d,\"end\":%d,\"text\":", x->start, x->end);
			fmt_json_str(f, src);
			fputc('}', f);
		} else {
			fputs(",\"span\":null", f);
		}
		json_member(f, "reads", x->reads);
		json_member(f, "tests", x->tests);
		json_member(f, "annotation", x->note);
		fputc('}', f);
	}
	fputs("]}\n", f);
}
