/* test_format.c: the -d/-dd/-ddd printer (src/format.c) against libpcap's
 * own bpf_image and bpf_dump, which is what tcpdump prints with.  The
 * oracle is only called here; src/format.c does not use it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pcap/pcap.h>
#include "format.h"
#include "vm.h"
#include "vmgen.h"
#include "typical.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const expressions[] = {
	TYPICAL_EXPRESSIONS,
	"arp or rarp", "icmp[icmptype] == icmp-echo", "portrange 1000-2000",
	"ether host 00:11:22:33:44:55", "vlan 100 and tcp", "mpls", "len > 100",
	"less 64", "ip[2:2] / 4 > 100", "tcp[0:2] % 7 = 3", "ip[1] * 3 + 5 > 20",
	"ip[1] ^ 0xff = 0", "ip[0] << 2 > 20", "tcp[12] >> 4 > 5", "-ip[1] = 0",
	"ip6 protochain 6", "ip6 net fe80::/10", "pppoes and tcp", "ip multicast",
	"ether proto 0x88cc", "len - 14 > 100", "udp[8:4] = 0x12345678",
};

/* Everything bpf_dump(prog, option) writes to stdout. */
static char *capture_bpf_dump(const struct bpf_insn *p, size_t n, int option)
{
	struct bpf_program bp = {(u_int)n, (struct bpf_insn *)p};
	FILE *tmp = tmpfile();
	assert_non_null(tmp);
	fflush(stdout);
	int saved = dup(1);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(tmp), 1) >= 0);
	bpf_dump(&bp, option);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);

	/* bpf_dump wrote through fd 1, which shares tmp's file offset. */
	fseek(tmp, 0, SEEK_END);
	long len = ftell(tmp);
	rewind(tmp);
	char *buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, tmp), (size_t)len);
	buf[len] = '\0';
	fclose(tmp);
	return buf;
}

static char *ours(const struct bpf_insn *p, size_t n, enum fmt_style style)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	fmt_program(f, p, n, style);
	fclose(f);
	return buf;
}

/* All three styles of one program equal bpf_dump's output. */
static void same_as_bpf_dump(const struct bpf_insn *p, size_t n, const char *what)
{
	for (int style = FMT_D; style <= FMT_DDD; style++) {
		char *want = capture_bpf_dump(p, n, style);
		char *got = ours(p, n, (enum fmt_style)style);
		if (strcmp(want, got) != 0)
			fail_msg("%s, style %d:\n--- libpcap\n%s--- bpfx\n%s", what, style, want, got);
		free(want);
		free(got);
	}
}

/* The lines tcpdump's documentation and the brief quote. */
static void test_format_known_lines(void **state)
{
	char buf[128];
	struct bpf_insn jeq = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 6, 0, 6);
	fmt_insn(buf, sizeof buf, &jeq, 4);
	assert_string_equal(buf, "(004) jeq      #0x6             jt 5\tjf 11");
	struct bpf_insn msh = BPF_STMT(BPF_LDX | BPF_MSH | BPF_B, 14);
	fmt_insn(buf, sizeof buf, &msh, 6);
	assert_string_equal(buf, "(006) ldxb     4*([14]&0xf)");
	struct bpf_insn len = BPF_STMT(BPF_LD | BPF_W | BPF_LEN, 0);
	fmt_insn(buf, sizeof buf, &len, 0);
	assert_string_equal(buf, "(000) ld       #pktlen");
	struct bpf_insn ret = BPF_STMT(BPF_RET | BPF_K, 262144);
	fmt_insn(buf, sizeof buf, &ret, 12);
	assert_string_equal(buf, "(012) ret      #262144");

	struct bpf_insn p[] = {BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12),
			       BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 1),
			       BPF_STMT(BPF_RET | BPF_K, 262144), BPF_STMT(BPF_RET | BPF_K, 0)};
	char *dd = ours(p, 1, FMT_DD);
	assert_string_equal(dd, "{ 0x28, 0, 0, 0x0000000c },\n");
	free(dd);
	char *ddd = ours(p, 4, FMT_DDD);
	assert_string_equal(ddd, "4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n");
	free(ddd);
}

/* Every 16-bit code, with operands that hit the signed/unsigned and
 * ancillary cases, and several positions (jump targets are absolute). */
static void test_format_insn_matches_bpf_image_for_every_code(void **state)
{
	static const uint32_t ks[] = {0, 1, 14, 255, 0x7fffffff, 0x80000000,
				      0xfffffffe, 0xffffffff, 0xfffff02c, 0xfffff040};
	static const int pcs[] = {0, 7, 99, 100, 1000, 4095};
	unsigned long compared = 0;
	for (unsigned code = 0; code < 65536; code++) {
		for (size_t i = 0; i < N(ks); i++) {
			struct bpf_insn in = BPF_JUMP((uint16_t)code, ks[i], (uint8_t)(i * 37),
						      (uint8_t)(255 - i));
			int pc = pcs[(code + i) % N(pcs)];
			char got[256];
			fmt_insn(got, sizeof got, &in, pc);
			const char *want = bpf_image(&in, pc);
			if (strcmp(got, want) != 0)
				fail_msg("code 0x%x k 0x%x pc %d:\nlibpcap \"%s\"\nbpfx    \"%s\"",
					 code, ks[i], pc, want, got);
			compared++;
		}
	}
	printf("test_format: %lu instructions equal bpf_image\n", compared);
}

/* Absolute loads around and inside the Linux ancillary window. */
static void test_format_ancillary_names(void **state)
{
	static const uint16_t codes[] = {BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_H | BPF_ABS,
					 BPF_LD | BPF_B | BPF_ABS, BPF_LD | BPF_B | BPF_IND};
	for (size_t c = 0; c < N(codes); c++) {
		for (uint32_t k = 0xffffefff; k != 0xfffff101; k++) {
			struct bpf_insn in = BPF_STMT(codes[c], k);
			char got[256];
			fmt_insn(got, sizeof got, &in, 3);
			assert_string_equal(got, bpf_image(&in, 3));
		}
	}
}

static void test_format_compiled_programs_match_bpf_dump(void **state)
{
	pcap_t *pc = pcap_open_dead(DLT_EN10MB, 262144);
	unsigned programs = 0;
	for (size_t e = 0; e < N(expressions); e++) {
		for (int opt = 0; opt <= 1; opt++) {
			struct bpf_program bp;
			if (pcap_compile(pc, &bp, expressions[e], opt, PCAP_NETMASK_UNKNOWN) < 0)
				fail_msg("libpcap cannot compile \"%s\": %s", expressions[e],
					 pcap_geterr(pc));
			same_as_bpf_dump(bp.bf_insns, bp.bf_len, expressions[e]);
			pcap_freecode(&bp);
			programs++;
		}
	}
	pcap_close(pc);
	printf("test_format: %u compiled programs equal bpf_dump -d/-dd/-ddd\n", programs);
}

/* Random valid programs, until every opcode has been printed. */
static void test_format_random_programs_match_bpf_dump(void **state)
{
	struct vmpkt_rng r;
	struct bpf_insn p[64];
	int seen[65536] = {0};
	unsigned programs = 0, covered = 0;
	vmpkt_seed(&r, 0x62706678766d0004ull);
	for (; programs < 2000; programs++) {
		size_t n = vmgen_valid(&r, p, 64);
		same_as_bpf_dump(p, n, "random program");
		for (size_t i = 0; i < n; i++)
			seen[p[i].code] = 1;
	}
	for (size_t i = 0; i < vmgen_nopcodes; i++)
		covered += (unsigned)seen[vmgen_opcodes[i]];
	assert_int_equal(covered, vmgen_nopcodes);
	printf("test_format: %u random programs (all %u opcodes) equal bpf_dump\n", programs,
	       covered);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_known_lines),
		cmocka_unit_test(test_format_insn_matches_bpf_image_for_every_code),
		cmocka_unit_test(test_format_ancillary_names),
		cmocka_unit_test(test_format_compiled_programs_match_bpf_dump),
		cmocka_unit_test(test_format_random_programs_match_bpf_dump),
	};
	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
