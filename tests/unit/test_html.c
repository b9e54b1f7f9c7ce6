/* test_html.c: the HTML page (src/html.c) and dissect's rows as data
 * (src/decode/dis_view.c), without a browser: the rows carry the offsets,
 * bits and values dissect prints; the page links each byte, each load and
 * each span through its attributes, escapes what it shows, and has the
 * parts it was asked for and no others.  (tests/html/ renders pages in
 * Chromium and checks the links from the DOM.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>
#include "bpfx.h"
#include "explain.h"
#include "html.h"
#include "decode/dis_view.h"
#include "decode/dissect.h"

/* Ethernet, IPv4, TCP SYN from port 12345 to 80: 54 bytes. */
static const uint8_t tcp_syn[] = {
	/* Ethernet */ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
	/* IPv4 */ 0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
	/* TCP */ 0x30, 0x39, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0,
};
static const struct pcap_pkthdr syn_hdr = { { 0, 0 }, sizeof tcp_syn, sizeof tcp_syn };
static const struct html_packet syn_pkt = { "syn.pcap", 1, DLT_EN10MB, &syn_hdr, tcp_syn };

static const struct dis_vrow *row(const struct dis_view *v, const char *expr)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->rows[i].expr, expr))
			return &v->rows[i];
	fail_msg("no row reads %s", expr);
	return NULL;
}

static void test_html_dis_view_rows_are_dissects(void **state)
{
	(void)state;
	struct dis_view v;
	assert_int_equal(dis_view(&v, DLT_EN10MB, &syn_hdr, tcp_syn), 0);
	const struct dis_vrow *r = row(&v, "ip[9]");
	assert_string_equal(r->hdr, "IPv4");
	assert_int_equal(r->first, 23);
	assert_int_equal(r->nbytes, 1);
	assert_int_equal(r->bits, 8);
	assert_string_equal(r->value, "6 = TCP");
	r = row(&v, "tcp[13] & 2");
	assert_string_equal(r->hdr, "TCP");
	assert_int_equal(r->first, 47);
	assert_int_equal(r->bit, 6);
	assert_int_equal(r->bits, 1);
	assert_true(r->value[0] == '1');
	r = row(&v, "tcp[2:2]");
	assert_int_equal(r->first, 36);
	assert_int_equal(r->nbytes, 2);
	assert_int_equal(v.truncated, 0);
	/* every row is a line of dissect's text: its expression, then its value */
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	dis_packet(f, "syn.pcap", 1, DLT_EN10MB, &syn_hdr, tcp_syn);
	fclose(f);
	for (size_t i = 0; i < v.n; i++) {
		char line[512];
		snprintf(line, sizeof line, "  %s\n", v.rows[i].value);
		const char *at = strstr(text, v.rows[i].name);
		while (at && strncmp(strchr(at, '\n') - strlen(line) + 1, line, strlen(line)))
			at = strstr(at + 1, v.rows[i].name);
		if (!at)
			fail_msg("row %s = %s is no line of dissect's", v.rows[i].name, v.rows[i].value);
	}
	free(text);
	/* the marks: where each header begins */
	int eth = 0, ip = 0, tcp = 0;
	for (int i = 0; i < v.nmarks; i++) {
		eth |= v.marks[i].off == 0 && !strcmp(v.marks[i].name, "Ethernet");
		ip |= v.marks[i].off == 14 && !strcmp(v.marks[i].name, "IPv4");
		tcp |= v.marks[i].off == 34 && !strcmp(v.marks[i].name, "TCP");
	}
	assert_true(eth && ip && tcp);
	dis_view_free(&v);
}

static void test_html_dis_view_truncated(void **state)
{
	(void)state;
	struct pcap_pkthdr h = { { 0, 0 }, 30, sizeof tcp_syn };
	struct dis_view v;
	assert_int_equal(dis_view(&v, DLT_EN10MB, &h, tcp_syn), 0);
	assert_int_equal(v.truncated, 1);
	for (size_t i = 0; i < v.n; i++)
		assert_true(v.rows[i].first + v.rows[i].nbytes <= 30);
	dis_view_free(&v);
}

/* The page for expr (NULL: none) and packet p (NULL: none), malloc'd. */
static char *page(const char *expr, const struct html_packet *p)
{
	struct explain e;
	struct bpfx_options o;
	struct bpfx_error err;
	char *buf = NULL;
	size_t len = 0;
	bpfx_options_init(&o);
	if (expr)
		assert_int_equal(explain_expr(expr, &o, &e, &err), 0);
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(html_page(f, expr ? &e : NULL, p), 0);
	fclose(f);
	if (expr)
		explain_free(&e);
	return buf;
}

static void has(const char *page, const char *s)
{
	if (!strstr(page, s))
		fail_msg("the page lacks %s", s);
}

static void lacks(const char *page, const char *s)
{
	if (strstr(page, s))
		fail_msg("the page has %s", s);
}

static void test_html_page_links_bytes_loads_and_spans(void **state)
{
	(void)state;
	char *p = page("tcp[13] & 2 != 0 and len < 100", &syn_pkt);
	has(p, "<!DOCTYPE html>");
	has(p, "<span class=\"b hdr-eth\" data-off=\"0\"");
	has(p, "<span class=\"b hdr-tcp\" data-off=\"53\"");
	lacks(p, "data-off=\"54\"");
	has(p, "data-reads=\"12 13\"");         /* ldh [12], absolute */
	has(p, "data-reads=\"47\"");            /* ldb [x + 27] with X = 20 on this packet */
	has(p, "data-span=\"0-7\"");            /* tcp[13] */
	has(p, "tcp[13] &amp; 2 != 0 and len &lt; 100"); /* escaped */
	lacks(p, "len < 100");
	has(p, "data-first=\"47\" data-len=\"1\" data-hdr=\"tcp\"");
	has(p, "data-verdict=\"accept\"");
	lacks(p, "http:");
	lacks(p, "https:");
	free(p);
}

static void test_html_page_rejects_and_unreached_indexed_loads(void **state)
{
	(void)state;
	/* udp fails before the indexed load of udp[0:2]: no data-reads for it */
	char *p = page("udp and udp[0:2] = 53", &syn_pkt);
	has(p, "data-verdict=\"reject\"");
	lacks(p, "data-reads=\"34 35\"");
	has(p, "data-reads=\"23\"");
	free(p);
}

static void test_html_page_program_alone(void **state)
{
	(void)state;
	char *p = page("ether[0] & 1 != 0 or tcp[0:2] > 1023", NULL);
	lacks(p, "data-off=");
	lacks(p, "id=\"verdict\"");
	has(p, "data-reads=\"0\"");
	has(p, "class=\"insn\"");
	lacks(p, "class=\"insn taken\"");
	free(p);
}

static void test_html_page_packet_alone(void **state)
{
	(void)state;
	char *p = page(NULL, &syn_pkt);
	has(p, "data-off=\"53\"");
	has(p, "class=\"field hdr-ip4\"");
	lacks(p, "class=\"insn");
	lacks(p, "id=\"verdict\"");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_dis_view_rows_are_dissects),
		cmocka_unit_test(test_html_dis_view_truncated),
		cmocka_unit_test(test_html_page_links_bytes_loads_and_spans),
		cmocka_unit_test(test_html_page_rejects_and_unreached_indexed_loads),
		cmocka_unit_test(test_html_page_program_alone),
		cmocka_unit_test(test_html_page_packet_alone),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
