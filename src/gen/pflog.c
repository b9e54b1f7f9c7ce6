/* pflog.c: OpenBSD pf's log link type (DLT_PFLOG) and its primitives
 * (pcap-filter(7)): `on`/`ifname NAME`, `rset`/`ruleset NAME`,
 * `rnr`/`rulenum N`, `srnr`/`subrulenum N`, `reason CODE|NAME` and
 * `action NAME`; `inbound`/`outbound` are the header's direction (a row
 * of src/linktype.c).
 *
 * The header is OpenBSD's struct pfloghdr (if_pflog.h): its length at 0,
 * the address family at 1, the action at 2, the reason at 3, the
 * interface name at 4 (16 bytes), the ruleset name at 20 (16), the rule
 * and subrule numbers at 36 and 40 (32 bits, network order), ..., the
 * direction at 60.  The network layer starts after the header, at its
 * length rounded up to 4: libpcap reads that from each packet into a
 * scratch cell at the top of the program, and so do we, through
 * wlan.c's window for a link payload read from the packet (pflog_prologue
 * is the computation).  Each primitive is one comparison on the header,
 * refused on other link types with libpcap's reason. */
#include "gen/gen.h"
#include "error.h"
#include <string.h>
#include <strings.h>
#include <pcap/bpf.h>

#define PF_OFF_ACTION 2
#define PF_OFF_REASON 3
#define PF_OFF_IFNAME 4
#define PF_OFF_RULESET 20
#define PF_OFF_RULENR 36
#define PF_OFF_SUBRULENR 40
#define PF_NAMELEN 16           /* IFNAMSIZ and PF_RULESET_NAME_SIZE */

enum { PF_NAME = 1, PF_NUM = 2 }; /* what a word takes */

/* The words (both spellings), the field each tests, its size, what it
 * takes, and the word libpcap names in its refusal. */
static const struct {
	const char *word, *word2;
	uint32_t off;
	int size;                   /* bytes; 0: a name compared byte-wise */
	int takes;                  /* PF_NAME, PF_NUM or both */
	const char *what;
} fields[] = {
	{ "on", "ifname", PF_OFF_IFNAME, 0, PF_NAME, "ifname" },
	{ "rset", "ruleset", PF_OFF_RULESET, 0, PF_NAME, "ruleset" },
	{ "rnr", "rulenum", PF_OFF_RULENR, 4, PF_NUM, "rnr" },
	{ "srnr", "subrulenum", PF_OFF_SUBRULENR, 4, PF_NUM, "srnr" },
	{ "reason", "reason", PF_OFF_REASON, 1, PF_NAME | PF_NUM, "reason" },
	{ "action", "action", PF_OFF_ACTION, 1, PF_NAME, "action" },
};

/* pf's reasons (PFRES_*), as libpcap 1.10.3 names them: the index. */
static const char *const reasons[] = {
	"match", "bad-offset", "fragment", "short", "normalize", "memory", "bad-timestamp",
	"congestion", "ip-option", "proto-cksum", "state-mismatch", "state-insert",
	"state-limit", "src-limit", "synproxy",
};

/* pf's actions (PF_PASS ...), with libpcap's other names for two. */
static const struct {
	const char *name;
	uint8_t v;
} actions[] = {
	{ "pass", 0 }, { "accept", 0 }, { "drop", 1 }, { "block", 1 }, { "scrub", 2 },
	{ "noscrub", 3 }, { "nat", 4 }, { "nonat", 5 }, { "binat", 6 }, { "nobinat", 7 },
	{ "rdr", 8 }, { "nordr", 9 }, { "synproxy-drop", 10 },
};

/* A reason's or an action's name: 0 and its number, -1. */
static int pf_value(int reason, const char *name, uint32_t *v)
{
	if (reason) {
		for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
			if (!strcasecmp(name, reasons[i]))
				return (void)(*v = (uint32_t)i), 0;
	} else {
		for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
			if (!strcasecmp(name, actions[i].name))
				return (void)(*v = actions[i].v), 0;
	}
	return -1;
}

/* The bytes of a name, as libpcap's gen_bcmp compares them: 4 at a time
 * from the end, then 2, then 1; the header's NUL padding is not looked at,
 * so `on em` is also em0's. */
static struct cond *bcmp_at(struct gen *g, uint32_t off, const char *s, size_t n)
{
	struct cond *c = 0;
	while (n > 0) {
		int size = n >= 4 ? 4 : n >= 2 ? 2 : 1;
		const uint8_t *p = (const uint8_t *)s + n - (size_t)size;
		uint32_t v = 0;
		for (int i = 0; i < size; i++)
			v = v << 8 | p[i];
		struct cond *t = cond_cmp(g, off + (uint32_t)n - (uint32_t)size, size, BPF_JEQ, v, 0xffffffff);
		c = c ? cond_and(g, c, t) : t;
		n -= (size_t)size;
	}
	return c;
}

/* WORD NAME or WORD NUMBER (n->text the word, n->l the argument: an
 * AST_ID or an AST_NUM).  As libpcap: the form and the names first (its
 * grammar's), then the link type, then a name's length. */
struct cond *gen_pflog(struct gen *g, const struct ast *n)
{
	size_t w = 0, nf = sizeof fields / sizeof fields[0];
	while (w < nf && strcmp(n->text, fields[w].word) && strcmp(n->text, fields[w].word2))
		w++;
	if (w == nf)
		return GEN_FAIL(g, "internal: pf word");
	int num = n->l->kind == AST_NUM;
	if (!(fields[w].takes & (num ? PF_NUM : PF_NAME)))
		return GEN_FAIL(g, "syntax error: '%s' takes %s", n->text,
				num ? (w == 5 ? "an action's name (pass, block, nat, ...)" : "a name") : "a number");
	uint32_t v = num ? n->l->num : 0;
	if (!num && fields[w].size && pf_value(fields[w].off == PF_OFF_REASON, n->l->text, &v))
		return GEN_FAIL(g, "unknown PF %s '%s'", fields[w].what, n->l->text);
	if (g->lt->kind != LT_PFLOG)
		return GEN_FAIL(g, "'%s' tests the pflog header: supported only on PFLOG (this is %s)",
				n->text, g->lt->descr);
	if (fields[w].size)
		return cond_cmp(g, fields[w].off, fields[w].size, BPF_JEQ, v, 0xffffffff);
	size_t len = strlen(n->l->text);
	if (len >= PF_NAMELEN)
		return GEN_FAIL(g, "%s names can only be %d characters ('%s' has %zu)",
				fields[w].off == PF_OFF_IFNAME ? "interface" : "ruleset", PF_NAMELEN - 1, n->l->text, len);
	return bcmp_at(g, fields[w].off, n->l->text, len);
}

/* Where the network layer starts, into `cell`: the header's length byte
 * rounded up to 4 (libpcap's gen_load_pflog_llprefixlen). */
struct cond *pflog_prologue(struct gen *g, uint32_t cell)
{
	struct cond *c = cond_test(g);
	cond_ins(g, c, BPF_LD | BPF_B | BPF_ABS, 0);
	cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, 3);
	cond_ins(g, c, BPF_ALU | BPF_AND | BPF_K, 0xfffffffc);
	cond_ins(g, c, BPF_ST, cell);
	return cond_jump(c, BPF_JGE, 0); /* always: a statement, not a test */
}
