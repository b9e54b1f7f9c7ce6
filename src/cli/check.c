/* check.c: `bpfx check`: compile EXPRESSION with bpfx and with libpcap,
 * run all four program/interpreter pairs over every packet of every file
 * (src/check.c), list the packets where the verdicts differ and end with
 * one summary line.  Exit 1 on any disagreement, 2 on bad usage, bad
 * input, or an expression either compiler rejects. */
#include "cli.h"
#include "bpfx.h"
#include "capture.h"
#include "check.h"
#include "error.h"
#include "asm.h" /* --program (bpfx asm syntax) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 256
#define MAX_LINKTYPES 16

const char cli_check_usage[] =
	"usage: bpfx check -r FILE [-r FILE...] [-y LINKTYPE] [-s SNAPLEN] [-O|--loose] EXPRESSION...\n"
	"       bpfx check -r FILE [-r FILE...] --program PROG\n"
	"       bpfx check --kernel [-y LINKTYPE] [-s SNAPLEN] [-O|--loose] (EXPRESSION... | --program PROG)\n"
	"Compile EXPRESSION with bpfx and libpcap, run each program on each\n"
	"interpreter over every packet, list the packets where any verdict\n"
	"differs; exit 1 if any does.  --program runs a hand-written program (as\n"
	"`bpfx asm` reads it) on both interpreters instead.  --loose compiles\n"
	"bpfx's program as libpcap optimizes (see bpfx compile --help).\n"
	"--kernel (root) attaches the program to a packet socket (SO_ATTACH_FILTER)\n"
	"and reports whether Linux accepts it and whether bpfx's validator agrees.\n"
	"--ip6-transport is refused: libpcap has no such dialect to compare with\n"
	"(tests/diff/ip6test.c checks the dialect against a reference instead).\n";

struct check_args {
	const char *files[MAX_FILES];
	int nfiles;
	int linktype;            /* -y; -1 = each file's own */
	uint32_t snaplen;
	enum bpfx_optimize optimize;
	char *expr;
	int kernel;              /* --kernel: ask Linux instead of reading files */
	const char *program;     /* --program: a hand-written program ... */
	struct bpfx_program hand; /* ... assembled and validated */
};

/* The programs compiled so far, one per link type, kept for the summary. */
struct compiled {
	struct check c[MAX_LINKTYPES];
	int n;
};

/* A link type's name for messages: bpfx's, else libpcap's, else the number. */
static const char *linktype_label(int dlt, char buf[16])
{
	const char *name = bpfx_linktype_name(dlt);
	if (!name)
		name = pcap_datalink_val_to_name(dlt);
	if (name)
		return name;
	snprintf(buf, 16, "%d", dlt);
	return buf;
}

/* --ip6-transport: refused, with why. */
static int refuse_ip6t(void *ctx, const char *arg)
{
	(void)ctx, (void)arg;
	fputs("bpfx check: --ip6-transport is bpfx's own dialect and libpcap has none, so there is "
	      "nothing to compare with; run it with bpfx filter --ip6-transport\n", stderr);
	return 2;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct check_args *a)
{
	memset(a, 0, sizeof *a);
	a->linktype = -1;
	a->snaplen = CLI_SNAPLEN;
	a->optimize = BPFX_OPT_EXACT;
	const struct cli_opt opts[] = {
		{ NULL, 'r', CLI_FILE, .to.s = a->files, .n = &a->nfiles, .val = MAX_FILES, .bad = "too many -r files" },
		{ NULL, 'y', CLI_LINKTYPE, .to.i = &a->linktype },
		{ NULL, 's', CLI_SNAP, .to.u32 = &a->snaplen },
		CLI_OPTIMIZER_OPTS(&a->optimize),
		{ "--program", 0, CLI_STR, .to.s = &a->program },
		{ "--kernel", 0, CLI_SET, .to.i = &a->kernel, .val = 1 },
		{ "--ip6-transport", 0, CLI_FN, .fn = refuse_ip6t },
		CLI_HELP_OPT('h'),
	};
	int first, status = cli_parse(argc, argv, &first, opts, CLI_NOPTS(opts), CLI_GETOPT);
	if (status >= 0)
		return status;
	if (a->kernel) {
		if (a->nfiles)
			return cli_bad_usage("--kernel reads no capture: drop -r", NULL);
		if (a->program && first < argc)
			return cli_bad_usage("--program and an expression: give one", NULL);
		if (!a->program && first == argc)
			return cli_bad_usage("no expression", NULL);
		a->expr = cli_join(argc - first, argv + first);
		return -1;
	}
	if (!a->nfiles)
		return cli_bad_usage("no capture to read (-r FILE)", NULL);
	if (a->program) { /* --program: assemble and validate it once */
		if (first < argc)
			return cli_bad_usage("--program and an expression: give one", NULL);
		if (asm_load_program(stderr, "bpfx check", a->program, &a->hand) < 0)
			return 2;
		a->expr = cli_join(0, argv);
		return -1;
	}
	if (first == argc)
		return cli_bad_usage("no expression", NULL);
	a->expr = cli_join(argc - first, argv + first);
	return -1;
}

static void report_compile(const struct check_args *a, int rc, int dlt, const struct check_error *e)
{
	char buf[16];
	const char *name = linktype_label(dlt, buf);
	if (rc == CHECK_EINVALID) {
		fprintf(stderr, "bpfx check: disagreement for link type %s: %s\n", name, e->invalid);
		return;
	}
	if (e->bpfx_failed && e->libpcap_failed)
		fprintf(stderr, "bpfx check: both compilers reject the expression for link type %s\n",
			name);
	if (e->bpfx_failed) {
		fprintf(stderr, "bpfx check: bpfx rejects the expression for link type %s:\n", name);
		err_print(stderr, "bpfx check", a->expr, &e->bpfx);
	}
	if (e->libpcap_failed)
		fprintf(stderr, "bpfx check: libpcap rejects the expression for link type %s:\nlibpcap: %s\n",
			name, e->libpcap);
}

/* The programs for link type dlt, compiling them the first time. */
static const struct check *program_for(struct compiled *cs, const struct check_args *a, int dlt, int *status)
{
	for (int i = 0; i < cs->n; i++)
		if (cs->c[i].linktype == dlt)
			return &cs->c[i];
	if (cs->n == MAX_LINKTYPES) {
		fprintf(stderr, "bpfx check: more than %d link types\n", MAX_LINKTYPES);
		*status = 2;
		return NULL;
	}
	struct check_error e;
	if (a->program) { /* --program: the one program, as both sides' */
		struct check *c = &cs->c[cs->n];
		size_t bytes = a->hand.len * sizeof *a->hand.insns;
		memset(c, 0, sizeof *c);
		c->linktype = dlt;
		c->bp.insns = malloc(bytes);
		c->lp.bf_insns = malloc(bytes);
		if (!c->bp.insns || !c->lp.bf_insns) {
			check_free(c);
			*status = 2;
			return NULL;
		}
		memcpy(c->bp.insns, a->hand.insns, bytes);
		memcpy(c->lp.bf_insns, a->hand.insns, bytes);
		c->bp.len = c->lp.bf_len = a->hand.len;
		if (!bpf_validate(c->lp.bf_insns, (int)c->lp.bf_len)) {
			fprintf(stderr, "bpfx check: %s: libpcap's bpf_validate rejects the program\n", a->program);
			check_free(c);
			*status = 1;
			return NULL;
		}
		return &cs->c[cs->n++];
	}
	int rc = check_compile(&cs->c[cs->n], a->expr, dlt, a->snaplen, a->optimize, &e);
	if (rc != CHECK_OK) {
		report_compile(a, rc, dlt, &e);
		*status = rc == CHECK_EINVALID ? 1 : 2;
		return NULL;
	}
	return &cs->c[cs->n++];
}

static void print_disagreement(const char *file, unsigned long index, const uint32_t v[CHECK_NVERDICTS])
{
	printf("%s: packet %lu:", cap_display(file), index);
	for (int i = 0; i < CHECK_NVERDICTS; i++)
		printf("%s %s %u", i ? "," : "", check_verdict_name[i], v[i]);
	putchar('\n');
}

/* Run one file; returns 0 or 2 (message printed). */
static int check_file(const struct check_args *a, struct compiled *cs, const char *path,
		      unsigned long *npackets, unsigned long *ndisagree, unsigned long *ncut)
{
	struct cap_reader r;
	if (cap_open(&r, path) < 0) {
		fprintf(stderr, "bpfx check: %s\n", r.err);
		return 2;
	}
	int status = 0;
	const struct check *c = program_for(cs, a, a->linktype >= 0 ? a->linktype : cap_linktype(&r), &status);
	if (c) {
		struct pcap_pkthdr *h;
		const u_char *pkt;
		uint32_t v[CHECK_NVERDICTS];
		int got;
		while ((got = cap_next(&r, &h, &pkt)) > 0) {
			++*npackets;
			if (check_packet(c, h, pkt, v)) {
				++*ndisagree;
				*ncut += h->caplen < h->len;
				print_disagreement(path, r.count, v);
			}
		}
		if (got < 0) {
			fflush(stdout);
			fprintf(stderr, "bpfx check: %s\n", r.err);
			status = 2;
		}
	}
	cap_close(&r);
	return status;
}

static void print_summary(const struct compiled *cs, unsigned long npackets, unsigned long ndisagree)
{
	printf("checked %lu packets: %lu disagreements (", npackets, ndisagree);
	for (int i = 0; i < cs->n; i++) {
		char buf[16];
		if (cs->n > 1)
			printf("%s%s: ", i ? "; " : "", linktype_label(cs->c[i].linktype, buf));
		printf("bpfx %u insns, libpcap %u insns", cs->c[i].bp.len, cs->c[i].lp.bf_len);
		if (cs->c[i].matches_nothing)
			printf(", unoptimized: both optimizers find it matches nothing");
	}
	puts(")");
}

/* --kernel: bpfx's validator and Linux's on one program.  Exit 0 when the
 * kernel accepts it and the validator agrees, 1 when the kernel refuses it
 * or the two disagree, 2 when it cannot be asked. */
static int check_kernel_mode(const struct check_args *a)
{
	struct bpfx_program p = { 0 };
	if (a->program) { /* not validated: the validator's verdict is asked below */
		struct asm_error ae;
		if (asm_read_file(a->program, &p, &ae) < 0) {
			asm_error_print(stderr, "bpfx check", a->program, &ae);
			return 2;
		}
	} else {
		struct bpfx_options o;
		struct bpfx_error e;
		bpfx_options_init(&o);
		o.linktype = a->linktype >= 0 ? a->linktype : 1; /* DLT_EN10MB */
		o.snaplen = a->snaplen;
		o.optimize = a->optimize;
		if (bpfx_compile(a->expr, &o, &p, &e) < 0) {
			err_print(stderr, "bpfx check", a->expr, &e);
			return 2;
		}
	}
	char why[256];
	struct bpfx_error ve;
	int valid = bpfx_validate(p.insns, p.len, &ve) == 0;
	int k = check_kernel(p.insns, p.len, why, sizeof why);
	if (k == CHECK_KERNEL_UNTESTED) {
		fprintf(stderr, "bpfx check: --kernel: %s\n", why);
		bpfx_program_free(&p);
		return 2;
	}
	if (valid)
		printf("validator: accepts (%u instructions)\n", p.len);
	else
		printf("validator: refuses: instruction %d: %s\n", ve.start, ve.msg);
	if (k == CHECK_KERNEL_ACCEPTS)
		printf("kernel: accepts\n");
	else
		printf("kernel: refuses: %s\n", why);
	int agree = valid == (k == CHECK_KERNEL_ACCEPTS);
	if (!agree)
		printf("disagreement: bpfx's validator %s, the kernel %s\n", valid ? "accepts" : "refuses",
		       k == CHECK_KERNEL_ACCEPTS ? "accepts" : "refuses");
	bpfx_program_free(&p);
	return agree && k == CHECK_KERNEL_ACCEPTS ? 0 : 1;
}

int cli_check(int argc, char **argv)
{
	struct check_args a;
	int status = parse_args(argc, argv, &a);
	if (status >= 0)
		return status;
	if (a.kernel) {
		status = check_kernel_mode(&a);
		free(a.expr);
		return status;
	}
	struct compiled cs = { .n = 0 };
	unsigned long npackets = 0, ndisagree = 0, ncut = 0;
	status = 0;
	for (int i = 0; i < a.nfiles && !status; i++)
		status = check_file(&a, &cs, a.files[i], &npackets, &ndisagree, &ncut);
	if (cs.n)
		print_summary(&cs, npackets, ndisagree);
	if (ncut && a.optimize == BPFX_OPT_EXACT && !a.program)
		fprintf(stderr, "bpfx check: %lu of the packets that disagree are cut short (caplen < len): "
			"libpcap's optimizer drops loads bpfx keeps, so a packet too short for one can get "
			"another verdict; --loose optimizes as libpcap does\n", ncut);
	if (!status && ndisagree)
		status = 1;
	for (int i = 0; i < cs.n; i++)
		check_free(&cs.c[i]);
	bpfx_program_free(&a.hand); /* --program */
	free(a.expr);
	return status; /* main.c flushes and checks standard output */
}
