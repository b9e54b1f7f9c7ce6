/* test_capture.c: capture files in and out (src/capture.c).  Every test
 * makes its own capture with pcap_dump, then damages a copy of it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "capture.h"
#include "skip.h"

#define NPKT 5
#define PKTLEN 60
#define FILEHDR 24
#define RECHDR 16

/* A fresh temporary path (the file is created empty). */
static char *tmp_path(void)
{
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *p = malloc(strlen(dir) + 32);
	sprintf(p, "%s/bpfx-cap-XXXXXX", dir);
	int fd = mkstemp(p);
	assert_true(fd >= 0);
	close(fd);
	return p;
}

/* NPKT Ethernet packets of PKTLEN bytes, packet i filled with byte i. */
static char *make_capture(void)
{
	char *path = tmp_path();
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = pcap_dump_open(dead, path);
	assert_non_null(d);
	u_char pkt[PKTLEN];
	for (int i = 0; i < NPKT; i++) {
		struct pcap_pkthdr h = { .ts = { .tv_sec = 1000 + i }, .caplen = PKTLEN, .len = PKTLEN };
		memset(pkt, i, sizeof pkt);
		pcap_dump((u_char *)d, &h, pkt);
	}
	pcap_dump_close(d);
	pcap_close(dead);
	return path;
}

static void write_file(const char *path, const void *buf, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	fclose(f);
}

static size_t read_file(const char *path, unsigned char *buf, size_t max)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t n = fread(buf, 1, max, f);
	fclose(f);
	return n;
}

/* Read to the end; returns packets read, *rc the last cap_next result.
 * cap_next_fast and cap_next take turns: either hands out the next record
 * wherever the other left off. */
static int read_all(struct cap_reader *r, int *rc)
{
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int n = 0;
	while ((*rc = n % 2 ? cap_next(r, &h, &pkt) : cap_next_fast(r, &h, &pkt)) > 0) {
		assert_int_equal(pkt[0], n);
		n++;
	}
	return n;
}

/* The capture at path (malloc'd; removed and freed here) opens, gives
 * `good` packets, then fails with a message naming the file and `where`. */
static void read_fails_at(char *path, int good, const char *where)
{
	struct cap_reader r;
	assert_int_equal(cap_open(&r, path), 0);
	int rc;
	assert_int_equal(read_all(&r, &rc), good);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(r.err, path));
	assert_non_null(strstr(r.err, where));
	cap_close(&r);
	unlink(path);
	free(path);
}

static void test_capture_reads_every_packet(void **state)
{
	char *path = make_capture();
	struct cap_reader r;
	assert_int_equal(cap_open(&r, path), 0);
	assert_int_equal(cap_linktype(&r), DLT_EN10MB);
	assert_int_equal(cap_snaplen(&r), 65535);
	int rc;
	assert_int_equal(read_all(&r, &rc), NPKT);
	assert_int_equal(rc, 0);
	assert_int_equal(r.count, NPKT);
	cap_close(&r);
	unlink(path);
	free(path);
}

static void test_capture_missing_file_is_named(void **state)
{
	struct cap_reader r;
	assert_int_equal(cap_open(&r, "/nonexistent/bpfx.pcap"), -1);
	assert_non_null(strstr(r.err, "/nonexistent/bpfx.pcap: "));
	cap_close(&r);
}

static void test_capture_bad_magic_is_named(void **state)
{
	char *path = make_capture();
	unsigned char buf[4096];
	size_t n = read_file(path, buf, sizeof buf);
	memcpy(buf, "XXXX", 4);
	write_file(path, buf, n);
	struct cap_reader r;
	assert_int_equal(cap_open(&r, path), -1);
	assert_non_null(strstr(r.err, path));
	unlink(path);
	free(path);
}

/* Cut inside the 4th record: three packets, then an error naming packet 4. */
static void test_capture_truncated_names_packet(void **state)
{
	char *path = make_capture();
	unsigned char buf[4096];
	read_file(path, buf, sizeof buf);
	write_file(path, buf, FILEHDR + 3 * (RECHDR + PKTLEN) + RECHDR + 10);
	read_fails_at(path, 3, ": packet 4: ");
}

/* A record claiming a 2 GB caplen must be an error, not an allocation. */
static void test_capture_huge_caplen_names_packet(void **state)
{
	char *path = make_capture();
	unsigned char buf[4096];
	size_t n = read_file(path, buf, sizeof buf);
	unsigned char *rec2 = buf + FILEHDR + RECHDR + PKTLEN;
	/* caplen = 0x7fffffff in the file's byte order (the writer's) */
	memcpy(rec2 + 8, buf[0] == 0xd4 ? "\xff\xff\xff\x7f" : "\x7f\xff\xff\xff", 4);
	write_file(path, buf, n);
	read_fails_at(path, 1, ": packet 2: ");
}

/* pcapng whose first packet block claims a length far beyond the file. */
static void test_capture_hostile_pcapng_block(void **state)
{
	static const unsigned char ng[] = {
		0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0, /* SHB */
		1, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4, 0, 20, 0, 0, 0, /* IDB */
		6, 0, 0, 0, 0xf0, 0xff, 0xff, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, /* EPB */
	};
	char *path = tmp_path();
	write_file(path, ng, sizeof ng);
	read_fails_at(path, 0, ": packet 1: ");
}

/* Writing everything back gives the same bytes: header and records. */
static void test_capture_writer_copies_exactly(void **state)
{
	char *in = make_capture(), *out = tmp_path();
	struct cap_reader r;
	struct cap_writer w;
	assert_int_equal(cap_open(&r, in), 0);
	assert_int_equal(cap_writer_open(&w, out, &r), 0);
	struct pcap_pkthdr *h;
	const u_char *pkt;
	while (cap_next(&r, &h, &pkt) > 0)
		cap_write(&w, h, pkt);
	assert_int_equal(cap_writer_close(&w), 0);
	cap_close(&r);
	unsigned char a[4096], b[4096];
	size_t na = read_file(in, a, sizeof a), nb = read_file(out, b, sizeof b);
	assert_int_equal(na, FILEHDR + NPKT * (RECHDR + PKTLEN));
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	unlink(in);
	unlink(out);
	free(in);
	free(out);
}

static void test_capture_write_failure_is_reported(void **state)
{
	if (access("/dev/full", W_OK) != 0)
		test_skip("/dev/full is not writable here: the write failure cannot be provoked");
	char *in = make_capture();
	struct cap_reader r;
	struct cap_writer w;
	assert_int_equal(cap_open(&r, in), 0);
	assert_int_equal(cap_writer_open(&w, "/dev/full", &r), 0);
	struct pcap_pkthdr *h;
	const u_char *pkt;
	while (cap_next(&r, &h, &pkt) > 0)
		cap_write(&w, h, pkt);
	assert_int_equal(cap_writer_close(&w), -1);
	assert_non_null(strstr(w.err, "/dev/full"));
	cap_close(&r);
	unlink(in);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_capture_reads_every_packet),
		cmocka_unit_test(test_capture_missing_file_is_named),
		cmocka_unit_test(test_capture_bad_magic_is_named),
		cmocka_unit_test(test_capture_truncated_names_packet),
		cmocka_unit_test(test_capture_huge_caplen_names_packet),
		cmocka_unit_test(test_capture_hostile_pcapng_block),
		cmocka_unit_test(test_capture_writer_copies_exactly),
		cmocka_unit_test(test_capture_write_failure_is_reported),
	};
	return test_exit(cmocka_run_group_tests_name("capture", tests, NULL, NULL));
}
