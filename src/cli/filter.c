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
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_FILES 256

static const char usage_text[] =
	"usage: bpfx filter -r FILE [-r FILE...] [-w OUT] [-c COUNT] [-O|--loose] [-e] [-v...]\n"
	"                   [-x|-xx|-X|-XX|-A] [-n|-nn] [-q] [-S] [-t...]\n"
	"                   [--dont-verify-checksums] [--decode-as PORT=resp]\n"
	"                   [--engine bpfx|libpcap] [--ip6-transport]\n"
	"                   [EXPRESSION... | --program PROG]\n"
	"Print (or with -w write) the packets of each FILE (pcap or pcapng, - for\n"
	"stdin) that EXPRESSION accepts; no EXPRESSION accepts every packet.\n"
	"--program PROG runs a hand-written program (-d listing or bpf_asm syntax,\n"
	"as `bpfx asm` reads) instead of an expression.  --loose optimizes as\n"
	"libpcap does, so a packet cut short of a header the filter reads gets\n"
	"tcpdump's verdict (see bpfx compile --help).  --ip6-transport compiles\n"
	"the dialect (see bpfx compile --help), which only bpfx's engine has.\n";

enum engine { ENGINE_BPFX, ENGINE_LIBPCAP };

struct filter_args {
	const char *files[MAX_FILES];
	int nfiles;
	const char *out;         /* -w */
	unsigned long count;     /* -c; 0 = no limit */
	int optimize;            /* 0 with -O */
	enum engine engine;
	int ip6_transport;       /* --ip6-transport */
	struct dec_opts dec;
	char *expr;
	const char *program;     /* --program: a hand-written program ... */
	struct bpfx_program hand; /* ... assembled and validated */
};

/* One compiled program, for whichever engine; reused while consecutive
 * files share link type and snaplen. */
struct filter_prog {
	int valid, linktype;
	int all;                 /* no expression: every packet, no program */
	uint32_t snaplen;
	struct bpfx_program bp;
	struct bpf_program lp;
};

enum { OPT_ENGINE = 256, OPT_NOCKSUM, OPT_DECODE_AS, OPT_HELP, OPT_PROGRAM, OPT_LOOSE, OPT_IP6T };

static int bad_usage(const char *msg, const char *arg)
{
	fprintf(stderr, "bpfx filter: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	fputs(usage_text, stderr);
	return 2;
}

/* --decode-as PORT=resp: the only protocol the decoder can be told about. */
static int parse_decode_as(const char *arg, struct dec_opts *d)
{
	const char *eq = strchr(arg, '=');
	if (!eq || strcmp(eq + 1, "resp"))
		return -1;
	char port[8];
	size_t n = (size_t)(eq - arg);
	if (n == 0 || n >= sizeof port)
		return -1;
	memcpy(port, arg, n);
	port[n] = 0;
	uint32_t p = cli_uint("--decode-as", port);
	if (p == 0 || p > 65535)
		return -1;
	d->resp_port = (int)p;
	return 0;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct filter_args *a)
{
	static const struct option longopts[] = {
		{ "engine", required_argument, NULL, OPT_ENGINE },
		{ "dont-verify-checksums", no_argument, NULL, OPT_NOCKSUM },
		{ "decode-as", required_argument, NULL, OPT_DECODE_AS },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "program", required_argument, NULL, OPT_PROGRAM },
		{ "loose", no_argument, NULL, OPT_LOOSE },
		{ "ip6-transport", no_argument, NULL, OPT_IP6T },
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof *a);
	a->optimize = 1;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":r:w:c:OevxXAnqSt", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (a->nfiles == MAX_FILES)
				return bad_usage("too many -r files", NULL);
			a->files[a->nfiles++] = optarg;
			break;
		case 'w': a->out = optarg; break;
		case 'c':
			a->count = cli_uint("-c", optarg);
			if (!a->count)
				return bad_usage("-c needs a count of at least 1", optarg);
			break;
		case 'O': a->optimize = 0; break;
		case OPT_LOOSE: a->optimize = BPFX_OPT_LOOSE; break;
		case OPT_IP6T: a->ip6_transport = 1; break;
		case 'e': a->dec.eflag = 1; break;
		case 'v': a->dec.vflag++; break;
		case 'x': a->dec.xflag++; break;
		case 'X': a->dec.Xflag++; break;
		case 'A': a->dec.Aflag = 1; break;
		case 'n': a->dec.nflag++; break;
		case 'q': a->dec.qflag = 1; break;
		case 'S': a->dec.Sflag = 1; break;
		case 't': a->dec.tflag++; break;
		case OPT_NOCKSUM: a->dec.no_cksum = 1; break;
		case OPT_DECODE_AS:
			if (parse_decode_as(optarg, &a->dec) < 0)
				return bad_usage("--decode-as wants PORT=resp", optarg);
			break;
		case OPT_ENGINE:
			if (!strcmp(optarg, "bpfx"))
				a->engine = ENGINE_BPFX;
			else if (!strcmp(optarg, "libpcap"))
				a->engine = ENGINE_LIBPCAP;
			else
				return bad_usage("--engine is bpfx or libpcap", optarg);
			break;
		case OPT_PROGRAM: a->program = optarg; break;
		case OPT_HELP: fputs(usage_text, stdout); return 0;
		case ':': return bad_usage("option needs an argument", argv[optind - 1]);
		default: return bad_usage("unknown option", argv[optind - 1]);
		}
	}
	if (!a->nfiles)
		return bad_usage("no capture to read (-r FILE)", NULL);
	if (a->ip6_transport && a->engine == ENGINE_LIBPCAP)
		return bad_usage("--ip6-transport is bpfx's dialect: libpcap has none (--engine bpfx)", NULL);
	/* tcpdump caps -t at 5 (-ttttt) and -x/-X at 2 */
	if (a->dec.tflag > 5)
		a->dec.tflag = 5;
	if (a->dec.xflag > 2)
		a->dec.xflag = 2;
	if (a->dec.Xflag > 2)
		a->dec.Xflag = 2;
	/* --program: assemble and validate once, before any file is read */
	if (a->program) {
		if (optind < argc)
			return bad_usage("--program and an expression: give one", NULL);
		if (a->engine == ENGINE_LIBPCAP)
			return bad_usage("--program runs on bpfx's engine only", NULL);
		if (asm_load_program(stderr, "bpfx filter", a->program, &a->hand) < 0)
			return 2;
	}
	a->expr = cli_join(argc - optind, argv + optind);
	return -1;
}

static void prog_free(struct filter_prog *fp)
{
	bpfx_program_free(&fp->bp);
	pcap_freecode(&fp->lp);
	memset(fp, 0, sizeof *fp);
}

/* Compile for this file, unless the previous file's program fits. */
static int prog_for(struct filter_prog *fp, const struct filter_args *a, struct cap_reader *r)
{
	int dlt = cap_linktype(r);
	uint32_t snap = cap_snaplen(r);
	if (fp->valid && fp->linktype == dlt && fp->snaplen == snap)
		return 0;
	prog_free(fp);
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
		/* netmask 0, as tcpdump uses when reading files */
		if (pcap_compile(r->p, &fp->lp, a->expr, a->optimize, 0) < 0) {
			fprintf(stderr, "bpfx: %s: libpcap: %s\n", cap_display(r->path), pcap_geterr(r->p));
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
		o.savefile = 1; /* as tcpdump -r compiles: see bpfx_options */
		o.swapped = pcap_is_swapped(r->p) == 1;
		if (bpfx_compile(a->expr, &o, &fp->bp, &e) < 0) {
			/* "bpfx: FILE (link type EN10MB): why", then the caret */
			char where[CAP_ERRLEN], num[16];
			snprintf(num, sizeof num, "%d", dlt);
			snprintf(where, sizeof where, "bpfx: %s (link type %s)", cap_display(r->path),
				 name ? name : num);
			err_print(stderr, where, a->expr, &e);
			return -1;
		}
		if (bpfx_validate(fp->bp.insns, fp->bp.len, &e) < 0) {
			fprintf(stderr, "bpfx: internal error: compiled program fails validation at insn %d: %s\n",
				e.start, e.msg);
			return -1;
		}
	}
	fp->valid = 1;
	fp->linktype = dlt;
	fp->snaplen = snap;
	return 0;
}

static int matches(const struct filter_prog *fp, const struct pcap_pkthdr *h, const u_char *pkt)
{
	if (fp->all)
		return 1;
	if (fp->lp.bf_insns)
		return bpf_filter(fp->lp.bf_insns, pkt, h->len, h->caplen) != 0;
	return bpfx_run(fp->bp.insns, pkt, h->len, h->caplen) != 0;
}

/* Timestamp as tcpdump's -t flags ask; prev/first feed the deltas. */
static void print_ts(FILE *f, int tflag, const struct timeval *tv, struct timeval *prev, struct timeval *first)
{
	if (!first->tv_sec && !first->tv_usec)
		*first = *prev = *tv;
	struct tm tm;
	time_t s = tv->tv_sec;
	long long d;
	switch (tflag) {
	case 1: return;
	case 2: fprintf(f, "%lld.%06ld ", (long long)tv->tv_sec, (long)tv->tv_usec); return;
	case 3:
	case 5: {
		const struct timeval *base = tflag == 3 ? prev : first;
		d = ((long long)tv->tv_sec - base->tv_sec) * 1000000 + (tv->tv_usec - base->tv_usec);
		*prev = *tv;
		if (d < 0) {
			fputc('-', f);
			d = -d;
		} else {
			fputc(' ', f);
		}
		long long sec = d / 1000000;
		fprintf(f, "%02lld:%02lld:%02lld.%06lld ", sec / 3600, sec / 60 % 60, sec % 60, d % 1000000);
		return;
	}
	default:
		localtime_r(&s, &tm);
		if (tflag == 4)
			fprintf(f, "%04d-%02d-%02d ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		fprintf(f, "%02d:%02d:%02d.%06ld ", tm.tm_hour, tm.tm_min, tm.tm_sec, (long)tv->tv_usec);
	}
}

/* -x/-X without a decoder: the whole packet in tcpdump's hex layout. */
static void print_hex(FILE *f, const u_char *p, uint32_t n, int ascii)
{
	for (uint32_t off = 0; off < n; off += 16) {
		fprintf(f, "\t0x%04x:  ", off);
		uint32_t end = off + 16 < n ? off + 16 : n;
		for (uint32_t i = off; i < off + 16; i++) {
			if (i < end)
				fprintf(f, "%02x", p[i]);
			else if (ascii)
				fputs("  ", f);
			if ((i & 1) && (i + 1 < end || ascii))
				fputc(' ', f);
		}
		if (ascii) {
			fputc(' ', f);
			for (uint32_t i = off; i < end; i++)
				fputc(p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.', f);
		}
		fputc('\n', f);
	}
}

struct printer {
	const struct dec_opts *o;
	struct dec_ctx *dec;     /* NULL: no decoder for this link type */
	int linktype;
	struct timeval prev, first;
};

static void print_packet(struct printer *pr, const struct pcap_pkthdr *h, const u_char *pkt)
{
	if (pr->dec) {
		dec_packet(pr->dec, stdout, h, pkt);
		return;
	}
	const char *name = bpfx_linktype_name(pr->linktype);
	if (!name)
		name = pcap_datalink_val_to_name(pr->linktype);
	print_ts(stdout, pr->o->tflag, &h->ts, &pr->prev, &pr->first);
	if (name)
		printf("%s packet, length %u", name, h->len);
	else
		printf("link type %d packet, length %u", pr->linktype, h->len);
	if (h->caplen < h->len)
		printf(" [captured %u]", h->caplen);
	putchar('\n');
	if (pr->o->xflag || pr->o->Xflag)
		print_hex(stdout, pkt, h->caplen, pr->o->Xflag != 0);
}

static void printer_linktype(struct printer *pr, int dlt)
{
	if (pr->dec && pr->linktype == dlt)
		return;
	if (pr->dec)
		dec_free(pr->dec);
	pr->dec = dec_new(pr->o, dlt); /* NULL: no printer for dlt */
	pr->linktype = dlt;
}

/* tcpdump's line on stderr before the packets of each file. */
static void announce(const struct cap_reader *r)
{
	int dlt = cap_linktype(r);
	const char *name = pcap_datalink_val_to_name(dlt);
	const char *desc = pcap_datalink_val_to_description(dlt);
	fflush(stdout);
	if (name)
		fprintf(stderr, "reading from file %s, link-type %s (%s), snapshot length %u\n", r->path, name,
			desc ? desc : name, cap_snaplen(r));
	else
		fprintf(stderr, "reading from file %s, link-type %d, snapshot length %u\n", r->path, dlt,
			cap_snaplen(r));
}

/* Filter one open file; returns 0, or 2 on a fault (message printed). */
static int filter_file(const struct filter_args *a, struct cap_reader *r, struct filter_prog *fp,
		       struct printer *pr, struct cap_writer *w, unsigned long *matched)
{
	if (prog_for(fp, a, r) < 0)
		return 2;
	announce(r);
	if (a->out) {
		if (!w->d && cap_writer_open(w, a->out, r) < 0) {
			fprintf(stderr, "bpfx: %s\n", w->err);
			return 2;
		}
		if (w->linktype != cap_linktype(r)) {
			fprintf(stderr, "bpfx: %s: link type %d differs from %d already written to %s\n",
				cap_display(r->path), cap_linktype(r), w->linktype, cap_display(a->out));
			return 2;
		}
	} else {
		printer_linktype(pr, cap_linktype(r));
	}
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int got = 0;
	while ((!a->count || *matched < a->count) && (got = cap_next(r, &h, &pkt)) > 0) {
		if (!matches(fp, h, pkt))
			continue;
		++*matched;
		if (a->out)
			cap_write(w, h, pkt);
		else
			print_packet(pr, h, pkt);
	}
	if ((!a->count || *matched < a->count) && got < 0) {
		fflush(stdout);
		fprintf(stderr, "bpfx: %s\n", r->err);
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
	for (int i = 0; i < a.nfiles && !status && (!a.count || matched < a.count); i++) {
		struct cap_reader r;
		if (cap_open(&r, a.files[i]) < 0) {
			fprintf(stderr, "bpfx: %s\n", r.err);
			status = 2;
			break;
		}
		status = filter_file(&a, &r, &fp, &pr, &w, &matched);
		cap_close(&r);
	}
	if (w.d && cap_writer_close(&w) < 0) {
		fprintf(stderr, "bpfx: %s\n", w.err);
		status = 2;
	}
	if (pr.dec)
		dec_free(pr.dec);
	if (fflush(stdout) != 0) {
		fputs("bpfx: standard output: write failed\n", stderr);
		status = 2;
	}
	prog_free(&fp);
	bpfx_program_free(&a.hand); /* --program */
	free(a.expr);
	return status;
}
