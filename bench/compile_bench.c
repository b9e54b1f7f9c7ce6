/* compile_bench.c: compile time and program size for large expressions,
 * bpfx against libpcap in the same run (issue #6's scale table).
 *
 * usage: compile_bench [LIBPCAP_TIMEOUT_SECONDS]   (default 60)
 * For ORs of 100, 400, 800 and 4000 `host` terms and of 400 `port` terms:
 * compile time, instructions, and the worst-case number of instructions a
 * packet can execute (the longest path through the program, which is
 * acyclic).  libpcap runs in a child process so a slow compile can be
 * stopped at the timeout. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <pcap/pcap.h>
#include "bpfx.h"

struct result {
	double seconds;
	unsigned insns, worst;
	int ok;
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Longest path, counted in instructions, from 0 to a return. */
static unsigned worst_path(const struct bpf_insn *p, unsigned n)
{
	unsigned *best = calloc(n, sizeof *best), w;
	for (unsigned i = n; i-- > 0;) {
		uint16_t c = p[i].code;
		if (BPF_CLASS(c) == BPF_RET) {
			best[i] = 1;
		} else if (BPF_CLASS(c) == BPF_JMP && BPF_OP(c) == BPF_JA) {
			best[i] = 1 + (i + 1 + p[i].k < n ? best[i + 1 + p[i].k] : 0);
		} else if (BPF_CLASS(c) == BPF_JMP) {
			unsigned t = i + 1 + p[i].jt, f = i + 1 + p[i].jf;
			unsigned bt = t < n ? best[t] : 0, bf = f < n ? best[f] : 0;
			best[i] = 1 + (bt > bf ? bt : bf);
		} else {
			best[i] = 1 + (i + 1 < n ? best[i + 1] : 0);
		}
	}
	w = n ? best[0] : 0;
	free(best);
	return w;
}

/* n terms joined by " or ", term(buf, i) writing the i-th (< 32 bytes). */
static char *or_chain(int n, int (*term)(char *buf, int i))
{
	char *s = malloc((size_t)n * 36 + 1);
	size_t k = 0;
	s[0] = 0;
	for (int i = 0; i < n; i++) {
		k += (size_t)sprintf(s + k, "%s", i ? " or " : "");
		k += (size_t)term(s + k, i);
	}
	return s;
}

static int host_term(char *buf, int i)
{
	return sprintf(buf, "host 10.%d.%d.%d", i / 62500, (i / 250) % 250, i % 250 + 1);
}

static int port_term(char *buf, int i)
{
	return sprintf(buf, "port %d", 1000 + i);
}

static char *hosts(int n)
{
	return or_chain(n, host_term);
}

static char *ports(int n)
{
	return or_chain(n, port_term);
}

static struct result run_bpfx(const char *expr, int optimize)
{
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error e;
	struct result r = { 0 };
	bpfx_options_init(&o);
	o.optimize = optimize;
	double t0 = now();
	if (bpfx_compile(expr, &o, &p, &e) == 0) {
		r.seconds = now() - t0;
		r.insns = p.len;
		r.worst = worst_path(p.insns, p.len);
		r.ok = 1;
		bpfx_program_free(&p);
	}
	return r;
}

static struct result run_libpcap(const char *expr, int timeout)
{
	struct result r = { 0 };
	int fd[2];
	if (pipe(fd))
		return r;
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		alarm((unsigned)timeout);
		pcap_t *dead = pcap_open_dead(DLT_EN10MB, 262144);
		struct bpf_program bp;
		double t0 = now();
		if (pcap_compile(dead, &bp, expr, 1, 0) == 0) {
			r.seconds = now() - t0;
			r.insns = bp.bf_len;
			r.worst = worst_path(bp.bf_insns, bp.bf_len);
			r.ok = 1;
		}
		if (write(fd[1], &r, sizeof r) != sizeof r)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &r, sizeof r) != sizeof r)
		r.ok = -1; /* stopped at the timeout */
	close(fd[0]);
	waitpid(pid, NULL, 0);
	return r;
}

static void row(const char *name, const struct result *r, int timeout)
{
	if (r->ok == 1)
		printf("  %-13s %10.4f s %8u insns %8u worst-case executed\n", name, r->seconds, r->insns, r->worst);
	else if (r->ok == -1)
		printf("  %-13s   > %d s (stopped)\n", name, timeout);
	else
		printf("  %-13s   compile failed\n", name);
}

int main(int argc, char **argv)
{
	int timeout = argc > 1 ? atoi(argv[1]) : 60;
	const struct { const char *name; char *(*make)(int); int n; } cases[] = {
		{ "host", hosts, 100 }, { "host", hosts, 400 }, { "host", hosts, 800 },
		{ "host", hosts, 4000 }, { "port", ports, 400 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *expr = cases[i].make(cases[i].n);
		struct result b = run_bpfx(expr, 1), bl = run_bpfx(expr, BPFX_OPT_LOOSE), l = run_libpcap(expr, timeout);
		printf("OR of %d %s terms:\n", cases[i].n, cases[i].name);
		row("bpfx", &b, timeout);
		row("bpfx --loose", &bl, timeout);
		row("libpcap", &l, timeout);
		if (b.ok == 1 && l.ok == 1)
			printf("  ratio         %.0fx faster, %.2f of libpcap's size\n", l.seconds / (b.seconds > 0 ? b.seconds : 1e-9),
			       (double)b.insns / l.insns);
		fflush(stdout);
		free(expr);
	}
	return 0;
}
