/* check.c: run bpfx and libpcap against each other (see check.h).
 *
 * Running each program on both interpreters separates the two halves of a
 * disagreement: if bpfx's program and libpcap's program disagree on the
 * same interpreter, the compilers differ; if one program gets different
 * verdicts from the two interpreters, the VMs differ.  Before a program
 * runs on an interpreter it must pass that side's validator, as it would
 * in pcap_setfilter, so a hostile program cannot crash the check. */
#include "check.h"
#include <stdio.h>
#include <string.h>
#ifdef __linux__ /* check_kernel */
#include <errno.h>
#include <linux/filter.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

const char *const check_verdict_name[CHECK_NVERDICTS] = {
	[CHECK_BB] = "bpfx on bpfx",
	[CHECK_BL] = "bpfx on libpcap",
	[CHECK_LB] = "libpcap on bpfx",
	[CHECK_LL] = "libpcap on libpcap",
};

/* libpcap's own compiler, on a dead handle of the given link type. */
static int compile_libpcap(struct check *c, const char *expr, struct check_error *e)
{
	pcap_t *dead = pcap_open_dead(c->linktype, (int)c->snaplen);
	if (!dead) {
		snprintf(e->libpcap, sizeof e->libpcap, "pcap_open_dead failed for link type %d", c->linktype);
		return -1;
	}
	/* netmask 0, as tcpdump uses when reading files (so `ip broadcast` works) */
	int r = pcap_compile(dead, &c->lp, expr, c->optimize, 0);
	if (r < 0)
		snprintf(e->libpcap, sizeof e->libpcap, "%s", pcap_geterr(dead));
	pcap_close(dead);
	return r < 0 ? -1 : 0;
}

/* Both validators over both programs; bpfx's own program failing bpfx's
 * validator is a compiler bug, reported the same way. */
static int validate_both(const struct check *c, struct check_error *e)
{
	struct bpfx_error ve;
	if (bpfx_validate(c->bp.insns, c->bp.len, &ve) < 0) {
		snprintf(e->invalid, sizeof e->invalid,
			 "bpfx_validate rejects bpfx's program at insn %d: %s", ve.start, ve.msg);
		return -1;
	}
	if (!bpf_validate(c->bp.insns, (int)c->bp.len)) {
		snprintf(e->invalid, sizeof e->invalid, "libpcap's bpf_validate rejects bpfx's program");
		return -1;
	}
	if (bpfx_validate(c->lp.bf_insns, c->lp.bf_len, &ve) < 0) {
		snprintf(e->invalid, sizeof e->invalid,
			 "bpfx_validate rejects libpcap's program at insn %d: %s", ve.start, ve.msg);
		return -1;
	}
	return 0;
}

int check_compile(struct check *c, const char *expr, int linktype, uint32_t snaplen,
		  int optimize, struct check_error *e)
{
	memset(c, 0, sizeof *c);
	memset(e, 0, sizeof *e);
	c->linktype = linktype;
	c->snaplen = snaplen;
	c->optimize = optimize;

	struct bpfx_options o;
	bpfx_options_init(&o);
	o.linktype = linktype;
	o.snaplen = snaplen;
	o.optimize = optimize;
	e->bpfx_failed = bpfx_compile(expr, &o, &c->bp, &e->bpfx) < 0;
	e->libpcap_failed = compile_libpcap(c, expr, e) < 0;
	if (optimize && e->bpfx_failed && e->libpcap_failed && strstr(e->bpfx.msg, "rejects all packets") &&
	    strstr(e->libpcap, "rejects all packets")) {
		/* both optimizers agree the expression matches nothing, as
		 * tcpdump would report it; the unoptimized programs say so
		 * packet by packet, so compare those */
		c->optimize = o.optimize = 0;
		c->matches_nothing = 1;
		e->bpfx_failed = bpfx_compile(expr, &o, &c->bp, &e->bpfx) < 0;
		e->libpcap_failed = compile_libpcap(c, expr, e) < 0;
	}
	if (e->bpfx_failed || e->libpcap_failed) {
		check_free(c);
		return CHECK_ECOMPILE;
	}
	if (validate_both(c, e) < 0) {
		check_free(c);
		return CHECK_EINVALID;
	}
	return CHECK_OK;
}

int check_packet(const struct check *c, const struct pcap_pkthdr *h, const u_char *pkt,
		 uint32_t v[CHECK_NVERDICTS])
{
	v[CHECK_BB] = bpfx_run(c->bp.insns, pkt, h->len, h->caplen);
	v[CHECK_BL] = bpf_filter(c->bp.insns, pkt, h->len, h->caplen);
	v[CHECK_LB] = bpfx_run(c->lp.bf_insns, pkt, h->len, h->caplen);
	v[CHECK_LL] = bpf_filter(c->lp.bf_insns, pkt, h->len, h->caplen);
	return v[CHECK_BB] != v[CHECK_BL] || v[CHECK_BB] != v[CHECK_LB] || v[CHECK_BB] != v[CHECK_LL];
}

void check_free(struct check *c)
{
	bpfx_program_free(&c->bp);
	pcap_freecode(&c->lp);
	memset(&c->lp, 0, sizeof c->lp);
}

#ifdef __linux__
int check_kernel(const struct bpf_insn *p, size_t n, char *why, size_t whylen)
{
	/* AF_PACKET as a live capture uses: the kernel's checks (sk_chk_filter)
	 * are those pcap_setfilter meets; it needs CAP_NET_RAW */
	int fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (fd < 0) {
		snprintf(why, whylen, "cannot open a packet socket (%s)%s", strerror(errno),
			 errno == EPERM || errno == EACCES ? ": run as root" : "");
		return CHECK_KERNEL_UNTESTED;
	}
	if (n > 0xffff) { /* sock_fprog.len is 16 bits: it cannot be handed over */
		close(fd);
		snprintf(why, whylen, "%zu instructions: more than SO_ATTACH_FILTER can carry", n);
		return CHECK_KERNEL_REFUSES;
	}
	/* struct sock_filter and struct bpf_insn have the same layout */
	struct sock_fprog prog = { (unsigned short)n, (struct sock_filter *)(void *)p };
	int rc = setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
	int e = errno;
	close(fd);
	if (rc == 0)
		return CHECK_KERNEL_ACCEPTS;
	snprintf(why, whylen, "%s", strerror(e));
	return CHECK_KERNEL_REFUSES;
}
#else
int check_kernel(const struct bpf_insn *p, size_t n, char *why, size_t whylen)
{
	(void)p;
	(void)n;
	snprintf(why, whylen, "SO_ATTACH_FILTER is Linux's");
	return CHECK_KERNEL_UNTESTED;
}
#endif
