/* filter.c: `bpfx filter`: read captures, keep the packets the expression
 * accepts, print them as tcpdump would (or write them with -w).
 *
 * Each file is compiled for its own link type and with its own snapshot
 * length, because that is what tcpdump does when it reads a file
 * (pcap_compile on the offline handle uses pcap_snapshot).  A damaged file
 * stops the run with exit 2, after the packets read before the fault have
 * been printed or written. */
#include "cli.h"
#include "bpfx.h"
#include "capture.h"
#include "error.h"
#include "asm.h" /* --program (bpfx asm syntax) */
#include "decode/decode.h"
#include "vm.h" /* vm_prepare: the program pre-decoded for the packet loop */
#include "filter.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char cli_filter_usage[] =
	"usage: bpfx filter -r FILE [-r FILE...] [-w OUT [--pcapng]] [-c COUNT] [-O|--loose] [-e] [-v...] [-l] [-U]\n"
	"                   [-x|-xx|-X|-XX|-A] [-n|-nn] [-q] [-S] [-t...] [-#|--number] [--count]\n"
	"                   [--jobs N|auto]\n"
	"                   [--dont-verify-checksums] [--decode-as PORT=resp] [-T resp]\n"
	"                   [--engine bpfx|libpcap] [--ip6-transport]\n"
	"                   [EXPRESSION... | -F FILE | --program PROG]\n"
	"       bpfx filter -i IFACE [-p] [-s SNAPLEN] [-Q in|out|inout] [the options above]\n"
	"       bpfx filter -D\n"
	"Print (or with -w write) the packets of each FILE (pcap or pcapng, - for\n"
	"stdin) that EXPRESSION accepts; no EXPRESSION accepts every packet.\n"
	"--program PROG runs a hand-written program (-d listing or bpf_asm syntax,\n"
	"as `bpfx asm` reads) instead of an expression.  --loose optimizes as\n"
	"libpcap does, so a packet cut short of a header the filter reads gets\n"
	"tcpdump's verdict (see bpfx compile --help).  -l: line-buffered output;\n"
	"-U: each packet written (or printed) at once.  SIGINT, SIGTERM or SIGHUP\n"
	"stop between two packets: what was written so far is whole.  As tcpdump:\n"
	"-F FILE reads the expression from FILE ('#' starts a comment); -# numbers\n"
	"the packets; --count prints only how many matched; -T resp decodes every\n"
	"TCP payload as RESP (--decode-as PORT=resp: only on PORT).  --pcapng: -w\n"
	"writes pcapng (one interface) instead of pcap.  --jobs N: with -w or --count\n"
	"(without -c or -U), N of the -r files are filtered at once (auto: one per\n"
	"core), or ranges of one large pcap file; what is written and printed is\n"
	"exactly what one at a time gives.\n"
	"-i IFACE captures live through libpcap, with bpfx's program (--engine\n"
	"libpcap: libpcap's) run by the kernel; -p: not promiscuous; -s: bytes\n"
	"kept per packet (default 262144); -Q: direction.  The end (-c, or a stop\n"
	"signal) prints tcpdump's counts.  -D lists the interfaces as tcpdump -D.\n"
	"--ip6-transport compiles the dialect (see bpfx compile --help), which only\n"
	"bpfx's engine has.\n";

/* stdout's buffer when printing files to a pipe or file: 16 times
 * stdio's usual block (glibc takes the size only with a buffer given),
 * 8% less CPU time printing DNS to a file. */
static char filter_outbuf[64u << 10];

static const struct cli_word engines[] = { { "bpfx", ENGINE_BPFX }, { "libpcap", ENGINE_LIBPCAP }, { NULL, 0 } };
static const struct cli_word directions[] = { /* -Q */
	{ "in", PCAP_D_IN }, { "out", PCAP_D_OUT }, { "inout", PCAP_D_INOUT }, { NULL, 0 },
};

/* --decode-as PORT=resp: the only protocol the decoder can be told about. */
static int parse_decode_as(void *ctx, const char *arg)
{
	struct dec_opts *d = ctx;
	const char *eq = strchr(arg, '=');
	char port[8];
	size_t n = eq ? (size_t)(eq - arg) : 0;
	if (!eq || strcmp(eq + 1, "resp") || n == 0 || n >= sizeof port)
		return cli_bad_usage("--decode-as wants PORT=resp", arg);
	memcpy(port, arg, n);
	port[n] = 0;
	uint32_t p = cli_uint("--decode-as", port);
	if (p == 0 || p > 65535)
		return cli_bad_usage("--decode-as wants PORT=resp", arg);
	d->resp_port = (int)p;
	return -1;
}

/* -T resp, as tcpdump: every TCP payload is RESP. */
static int parse_type(void *ctx, const char *arg)
{
	if (strcmp(arg, "resp"))
		return cli_bad_usage("-T knows one type, resp", arg);
	((struct dec_opts *)ctx)->resp_port = DEC_RESP_ANY;
	return -1;
}

/* --jobs N|auto (or 0): auto is one file per online core. */
static int parse_jobs(void *ctx, const char *arg)
{
	int *jobs = ctx;
	*jobs = strcmp(arg, "auto") ? (int)cli_uint("--jobs", arg) : 0;
	if (*jobs <= 0)
		*jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	return -1;
}

/* -F FILE: the expression as tcpdump reads it, with each '#' comment
 * (to the end of its line) blanked out; malloc'd, NULL after a message. */
static char *read_infile(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "bpfx filter: -F %s: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t n = 0, cap = 256;
	char *s = malloc(cap);
	int c, comment = 0;
	while (s && (c = getc(f)) != EOF) {
		if (c == '#')
			comment = 1;
		else if (c == '\n')
			comment = 0;
		if (n + 1 == cap) {
			char *t = realloc(s, cap *= 2);
			if (!t)
				free(s);
			s = t;
			if (!s)
				break;
		}
		s[n++] = comment ? ' ' : (char)c;
	}
	int bad = ferror(f) || !s;
	int e = errno;
	fclose(f);
	if (bad) {
		fprintf(stderr, "bpfx filter: -F %s: %s\n", path, s ? strerror(e) : "out of memory");
		free(s);
		return NULL;
	}
	s[n] = 0;
	return s;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct filter_args *a)
{
	memset(a, 0, sizeof *a);
	a->optimize = BPFX_OPT_EXACT;
	a->snaplen = CLI_SNAPLEN;
	a->direction = PCAP_D_INOUT;
	struct dec_opts *d = &a->dec;
	const struct cli_opt opts[] = {
		{ NULL, 'r', CLI_FILE, .to.s = a->files, .n = &a->nfiles, .val = MAX_FILES, .bad = "too many -r files" },
		{ NULL, 'w', CLI_STR, .to.s = &a->out },
		{ NULL, 'c', CLI_COUNT, .to.ul = &a->count },
		CLI_OPTIMIZER_OPTS(&a->optimize),
		{ NULL, 'U', CLI_SET, .to.i = &a->packet_buffered, .val = 1 },
		{ NULL, 'l', CLI_SET, .to.i = &a->line_buffered, .val = 1 },
		{ "--number", '#', CLI_SET, .to.i = &a->number, .val = 1 },
		{ NULL, 'i', CLI_STR, .to.s = &a->iface },
		{ NULL, 'D', CLI_SET, .to.i = &a->list_devices, .val = 1 },
		{ NULL, 'p', CLI_SET, .to.i = &a->no_promisc, .val = 1 },
		{ NULL, 's', CLI_SNAP, .to.u32 = &a->snaplen },
		{ NULL, 'Q', CLI_WORD, .to.i = &a->direction, .words = directions, .bad = "-Q is in, out or inout" },
		{ "--jobs", 0, CLI_FN_ARG, .to.ctx = &a->jobs, .fn = parse_jobs },
		{ "--count", 0, CLI_SET, .to.i = &a->count_only, .val = 1 },
		{ "--pcapng", 0, CLI_SET, .to.i = &a->pcapng, .val = 1 },
		{ NULL, 'F', CLI_STR, .to.s = &a->infile },
		{ NULL, 'T', CLI_FN_ARG, .to.ctx = d, .fn = parse_type },
		{ "--ip6-transport", 0, CLI_SET, .to.i = &a->ip6_transport, .val = 1 },
		{ NULL, 'e', CLI_SET, .to.i = &d->eflag, .val = 1 },
		{ NULL, 'v', CLI_INC, .to.i = &d->vflag },
		{ NULL, 'x', CLI_INC, .to.i = &d->xflag },
		{ NULL, 'X', CLI_INC, .to.i = &d->Xflag },
		{ NULL, 'A', CLI_SET, .to.i = &d->Aflag, .val = 1 },
		{ NULL, 'n', CLI_INC, .to.i = &d->nflag },
		{ NULL, 'q', CLI_SET, .to.i = &d->qflag, .val = 1 },
		{ NULL, 'S', CLI_SET, .to.i = &d->Sflag, .val = 1 },
		{ NULL, 't', CLI_INC, .to.i = &d->tflag },
		{ "--dont-verify-checksums", 0, CLI_SET, .to.i = &d->no_cksum, .val = 1 },
		{ "--decode-as", 0, CLI_FN_ARG, .to.ctx = d, .fn = parse_decode_as },
		{ "--engine", 0, CLI_WORD, .to.i = &a->engine, .words = engines, .bad = "--engine is bpfx or libpcap" },
		{ "--program", 0, CLI_STR, .to.s = &a->program },
		CLI_HELP_OPT(0),
	};
	int first, status = cli_parse(argc, argv, &first, opts, CLI_NOPTS(opts), CLI_GETOPT);
	if (status >= 0)
		return status;
	if (a->list_devices)
		return -1;
	if (a->iface && a->nfiles)
		return cli_bad_usage("-i and -r: capture live or read files, not both", NULL);
	if (!a->nfiles && !a->iface)
		return cli_bad_usage("no capture to read (-r FILE) or interface (-i IFACE)", NULL);
	if (a->ip6_transport && a->engine == ENGINE_LIBPCAP)
		return cli_bad_usage("--ip6-transport is bpfx's dialect: libpcap has none (--engine bpfx)", NULL);
	/* tcpdump truncates the output before reading the input: refuse */
	for (int i = 0; a->out && i < a->nfiles; i++)
		if (cap_same_file(a->files[i], a->out)) {
			fprintf(stderr, "bpfx filter: -w %s is the file -r %s reads: writing would destroy it\n",
				a->out, a->files[i]);
			return 2;
		}
	/* tcpdump caps -t at 5 (-ttttt) and -x/-X at 2 */
	if (a->dec.tflag > 5)
		a->dec.tflag = 5;
	if (a->dec.xflag > 2)
		a->dec.xflag = 2;
	if (a->dec.Xflag > 2)
		a->dec.Xflag = 2;
	/* --program: assemble and validate once, before any file is read */
	if (a->program) {
		if (first < argc)
			return cli_bad_usage("--program and an expression: give one", NULL);
		if (a->engine == ENGINE_LIBPCAP)
			return cli_bad_usage("--program runs on bpfx's engine only", NULL);
		if (asm_load_program(stderr, "bpfx filter", a->program, &a->hand) < 0)
			return 2;
	}
	if (a->infile) {
		if (first < argc)
			fprintf(stderr, "bpfx filter: warning: -F %s: the expression on the command line is ignored, "
					"as tcpdump does\n", a->infile);
		a->expr = read_infile(a->infile);
		return a->expr ? -1 : 2;
	}
	a->expr = cli_join(argc - first, argv + first);
	return -1;
}

void filter_prog_free(struct filter_prog *fp)
{
	vm_prog_free(fp->vp);
	bpfx_program_free(&fp->bp);
	pcap_freecode(&fp->lp);
	memset(fp, 0, sizeof *fp);
}

/* Compile for this file, unless the previous file's program fits. */
int filter_prog_for(struct filter_prog *fp, const struct filter_args *a, struct cap_reader *r, FILE *msg)
{
	int dlt = cap_linktype(r);
	uint32_t snap = cap_snaplen(r);
	if (fp->valid && fp->linktype == dlt && fp->snaplen == snap)
		return 0;
	filter_prog_free(fp);
	const char *name = bpfx_linktype_name(dlt);
	if (!name)
		name = pcap_datalink_val_to_name(dlt);
	if (a->program) { /* --program: the same program for every file */
		fp->bp.insns = malloc(a->hand.len * sizeof *a->hand.insns);
		if (!fp->bp.insns)
			return -1;
		memcpy(fp->bp.insns, a->hand.insns, a->hand.len * sizeof *a->hand.insns);
		fp->bp.len = a->hand.len;
	} else if (!a->expr[strspn(a->expr, " \t\n")]) {
		fp->all = 1;
	} else if (a->engine == ENGINE_LIBPCAP) {
		/* netmask 0, as tcpdump uses when reading files; live, the
		 * interface's, as tcpdump looks it up */
		bpf_u_int32 net = 0, mask = 0;
		char ebuf[PCAP_ERRBUF_SIZE];
		if (r->live && pcap_lookupnet(r->path, &net, &mask, ebuf) < 0)
			mask = 0;
		if (pcap_compile(r->p, &fp->lp, a->expr, a->optimize, mask) < 0) {
			fprintf(msg, "bpfx filter: %s: libpcap: %s\n", cap_display(r->path), pcap_geterr(r->p));
			return -1;
		}
	} else {
		struct bpfx_options o;
		struct bpfx_error e;
		bpfx_options_init(&o);
		o.linktype = dlt;
		o.snaplen = snap;
		o.optimize = a->optimize;
		o.ip6_transport = a->ip6_transport;
		o.savefile = !r->live; /* as tcpdump -r compiles: see bpfx_options */
#ifdef __linux__
		o.kernel_vlan = r->live; /* the kernel moved the tag: kvlan.c */
#endif
		o.swapped = pcap_is_swapped(r->p) == 1;
		if (bpfx_compile(a->expr, &o, &fp->bp, &e) < 0) {
			/* "bpfx filter: FILE (link type EN10MB): why", then the caret */
			char where[CAP_ERRLEN], num[16];
			snprintf(num, sizeof num, "%d", dlt);
			snprintf(where, sizeof where, "bpfx filter: %s (link type %s)", cap_display(r->path),
				 name ? name : num);
			err_print(msg, where, a->expr, &e);
			return -1;
		}
		if (bpfx_validate(fp->bp.insns, fp->bp.len, &e) < 0) {
			fprintf(msg, "bpfx filter: internal error: compiled program fails validation at insn %d: %s\n",
				e.start, e.msg);
			return -1;
		}
	}
	/* pre-decoded once for the packet loop; without it (no memory) the
	 * plain interpreter gives the same verdicts */
	if (fp->bp.insns)
		fp->vp = vm_prepare(fp->bp.insns, fp->bp.len, NULL);
	fp->valid = 1;
	fp->linktype = dlt;
	fp->snaplen = snap;
	return 0;
}

/* Nonzero if the program accepts the packet (inline: the record loops
 * below call it for every record). */
static inline int filter_matches(const struct filter_prog *fp, const struct pcap_pkthdr *h, const u_char *pkt)
{
	if (fp->all || fp->kernel)
		return 1;
	if (fp->lp.bf_insns)
		return bpf_filter(fp->lp.bf_insns, pkt, h->len, h->caplen) != 0;
	if (fp->vp)
		return vm_exec(fp->vp, pkt, h->len, h->caplen) != 0;
	return bpfx_run(fp->bp.insns, pkt, h->len, h->caplen) != 0;
}

int filter_records(const struct filter_prog *fp, struct cap_reader *r, struct cap_writer *w, unsigned long limit,
		   unsigned long *matched, const _Atomic int *quit)
{
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int got = 0;
	/* a stop signal is looked at between packets only (stop.c) */
	while ((!limit || *matched < limit) && !cli_stopped() && !(quit && *quit) &&
	       (got = cap_next_fast(r, &h, &pkt)) > 0) {
		if (!filter_matches(fp, h, pkt))
			continue;
		++*matched;
		if (w && cap_write_from(w, r, h, pkt) < 0)
			return -2;
	}
	return got < 0 ? -1 : 0;
}

struct printer {
	const struct dec_opts *o;
	struct dec_ctx *dec;     /* the decoder for this link type; NULL: out of memory */
	int linktype;
};

static void print_packet(struct printer *pr, const struct pcap_pkthdr *h, const u_char *pkt)
{
	if (pr->dec)
		dec_packet(pr->dec, stdout, h, pkt);
}

static void printer_linktype(struct printer *pr, int dlt)
{
	if (pr->dec && pr->linktype == dlt)
		return;
	if (pr->dec)
		dec_free(pr->dec);
	pr->dec = dec_new(pr->o, dlt); /* any dlt: a raw printer for those without one */
	pr->linktype = dlt;
}

/* tcpdump's line on stderr before the packets of each file. */
void filter_announce(const struct cap_reader *r, FILE *msg)
{
	int dlt = cap_linktype(r);
	const char *name = pcap_datalink_val_to_name(dlt);
	const char *desc = pcap_datalink_val_to_description(dlt);
	fflush(stdout);
	if (name)
		fprintf(msg, "reading from file %s, link-type %s (%s), snapshot length %u\n", r->path, name,
			desc ? desc : name, cap_snaplen(r));
	else
		fprintf(msg, "reading from file %s, link-type %d, snapshot length %u\n", r->path, dlt,
			cap_snaplen(r));
}

/* Filter one open file; returns 0, or 2 on a fault (message printed). */
static int filter_file(const struct filter_args *a, struct cap_reader *r, struct filter_prog *fp,
		       struct printer *pr, struct cap_writer *w, unsigned long *matched)
{
	if (filter_prog_for(fp, a, r, stderr) < 0)
		return 2;
	if (r->live && !fp->all) {
		/* the point of -i: bpfx's own program runs in the kernel
		 * (--engine libpcap: libpcap's), as tcpdump hands it over */
		struct bpf_program k = { fp->bp.len, fp->bp.insns };
		if (fp->lp.bf_insns)
			k = fp->lp;
		if (pcap_setfilter(r->p, &k) < 0) {
			fprintf(stderr, "bpfx filter: %s: the kernel refused the program: %s\n", r->path,
				pcap_geterr(r->p));
			return 2;
		}
		fp->kernel = 1;
	}
	if (r->live)
		cli_live_announce(r->p, r->path, !a->dec.vflag && !a->out);
	else
		filter_announce(r, stderr);
	if (a->out) {
		if (!w->open && cap_writer_open_as(w, a->out, r->p, a->pcapng ? CAP_PCAPNG : CAP_PCAP) < 0) {
			fprintf(stderr, "bpfx filter: %s\n", w->err);
			return 2;
		}
		w->flush_each = a->packet_buffered;
		if (w->linktype != cap_linktype(r)) {
			fprintf(stderr, "bpfx filter: %s: link type %d differs from %d already written to %s\n",
				cap_display(r->path), cap_linktype(r), w->linktype, cap_display(a->out));
			return 2;
		}
	} else {
		printer_linktype(pr, cap_linktype(r));
	}
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int got = 0;
	/* -w resumes a write a signal cut short (capture.c); printing to a
	 * pipe or terminal holds the signals while a packet is printed, or,
	 * reading a regular file, has the interrupted write go on instead */
	int hold = !a->out && cli_stop_can_cut(STDOUT_FILENO), restart = hold && cap_regular(r);
	if (restart) {
		cli_stop_restart(1);
		hold = 0;
	}
	if (a->out || a->count_only) { /* written or counted: in blocks */
		got = filter_records(fp, r, a->out ? w : NULL, a->count, matched, NULL);
		if (got == -2) {
			fprintf(stderr, "bpfx filter: %s\n", w->err);
			return 2;
		}
	}
	/* printed: a stop signal is looked at between packets only (stop.c) */
	while (!a->out && !a->count_only && (!a->count || *matched < a->count) && !cli_stopped() &&
	       (got = cap_next_fast(r, &h, &pkt)) > 0) {
		if (!filter_matches(fp, h, pkt))
			continue;
		++*matched;
		if (hold)
			cli_stop_hold(1);
		if (a->number) /* tcpdump -#: the number, 5 wide, 2 spaces */
			printf("%5lu  ", *matched);
		print_packet(pr, h, pkt);
		if (a->packet_buffered)
			fflush(stdout);
		if (hold)
			cli_stop_hold(0);
	}
	if (restart)
		cli_stop_restart(0);
	/* a read cut short by the signal (EINTR on a pipe) is the stop, not damage */
	if ((!a->count || *matched < a->count) && got < 0 && !cli_stopped()) {
		fflush(stdout);
		fprintf(stderr, "bpfx filter: %s\n", r->err);
		return 2;
	}
	return 0;
}

int cli_filter(int argc, char **argv)
{
	struct filter_args a;
	int status = parse_args(argc, argv, &a);
	if (status >= 0)
		return status;
	struct filter_prog fp = { 0 };
	struct printer pr = { .o = &a.dec, .linktype = -1 };
	struct cap_writer w = { 0 };
	unsigned long matched = 0;
	status = 0;
	cli_stop_install();
	if (a.line_buffered) /* -l, as tcpdump: whole lines as they come */
		setvbuf(stdout, NULL, _IOLBF, 0);
	else if (!a.iface && !isatty(STDOUT_FILENO)) /* printing files: fewer, larger writes */
		setvbuf(stdout, filter_outbuf, _IOFBF, sizeof filter_outbuf);
	if (a.list_devices)
		return cli_list_devices();
	int i = 0;
	if (filter_jobs_apply(&a)) { /* --jobs: the files at once, the same output */
		status = filter_jobs(&a, &w, &matched);
		i = a.nfiles;
	}
	if (a.iface) { /* -i: one live capture, counted as tcpdump counts */
		struct cap_reader r;
		if (cap_open_live(&r, a.iface, a.snaplen, !a.no_promisc, a.direction) < 0) {
			fprintf(stderr, "bpfx filter: %s\n", r.err);
			status = 2;
		} else {
			cli_stop_watch(r.p);
			status = filter_file(&a, &r, &fp, &pr, &w, &matched);
			cli_stop_watch(NULL);
			cli_stop_hold(1); /* the counts and the flush are not cut */
		}
		if (r.p) {
			if (cli_stopped() && !a.out)
				putchar('\n');
			cli_live_stats(r.p, matched);
			cap_close(&r);
		}
	}
	/* the first file is opened even after an early signal, so that -w
	 * leaves a valid (empty) capture, as tcpdump's opened output does */
	for (; i < a.nfiles && !status && (!a.count || matched < a.count) && (!i || !cli_stopped()); i++) {
		struct cap_reader r;
		if (cap_open(&r, a.files[i]) < 0) {
			fprintf(stderr, "bpfx filter: %s\n", r.err);
			status = 2;
			break;
		}
		status = filter_file(&a, &r, &fp, &pr, &w, &matched);
		cap_close(&r);
	}
	/* the run is over: from here on a signal must not cut the flush */
	cli_stop_hold(1);
	/* -c satisfied early: the files not read must still exist and open */
	for (; i < a.nfiles && !status && !cli_stopped(); i++) {
		struct cap_reader r;
		if (cap_open(&r, a.files[i]) < 0) {
			fprintf(stderr, "bpfx filter: %s\n", r.err);
			status = 2;
		}
		cap_close(&r);
	}
	if (w.open && cap_writer_close(&w) < 0 && !status) {
		fprintf(stderr, "bpfx filter: %s\n", w.err);
		status = 2;
	}
	/* as tcpdump: the line being printed may have been cut, so end it */
	if (cli_stopped() && !a.out && !a.iface)
		putchar('\n');
	if (a.count_only && !a.iface) /* tcpdump --count's line, for files */
		printf("%lu packet%s\n", matched, matched == 1 ? "" : "s");
	if (pr.dec)
		dec_free(pr.dec);
	filter_prog_free(&fp);
	bpfx_program_free(&a.hand); /* --program */
	free(a.expr);
	return status;
}
