/* syslog.c: BSD syslog over UDP (RFC 3164, RFC 5426) as tcpdump 4.99
 * prints it: the priority "<PRI>" (at most three digits) split into
 * facility and severity,
 *
 *   SYSLOG FACILITY.SEVERITY, length: N                       (no -v)
 *   SYSLOG, length: N\n\tFacility F (f), Severity S (s)\n\tMsg: TEXT   (-v)
 *
 * with -vv the whole message in hex after.  A message not starting with
 * a well-formed priority is " (invalid)".  Every byte is read through the
 * accessors: tcpdump's printer jumps out at the capture's end. */
#include "decode/dec.h"

#define SYSLOG_MAX_DIGITS 3
#define SYSLOG_SEVERITY_MASK 0x0007
#define SYSLOG_FACILITY_MASK 0x03f8

static void print_name(struct dec_ctx *d, const struct proto_table *t, unsigned v)
{
	const char *s = proto_name(t, v, PROTO_TCPDUMP);
	if (s)
		dec_printf(d, "%s", s);
	else
		dec_printf(d, "unknown (%u)", v);
}

void dec_syslog(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "syslog";
	size_t off = 0;
	unsigned pri = 0;
	if (dec_u8(d, p) != '<') {
		dec_printf(d, " (invalid)");
		return;
	}
	off++;
	while (off <= SYSLOG_MAX_DIGITS && dec_u8(d, p + off) >= '0' && dec_u8(d, p + off) <= '9')
		pri = pri * 10 + (p[off++] - '0');
	if (dec_u8(d, p + off) != '>') {
		dec_printf(d, " (invalid)");
		return;
	}
	off++;
	unsigned fac = (pri & SYSLOG_FACILITY_MASK) >> 3, sev = pri & SYSLOG_SEVERITY_MASK;
	if (!d->o.vflag) {
		dec_printf(d, "SYSLOG ");
		print_name(d, &proto_syslog_facilities, fac);
		dec_printf(d, ".");
		print_name(d, &proto_syslog_severities, sev);
		dec_printf(d, ", length: %zu", len);
		return;
	}
	dec_printf(d, "SYSLOG, length: %zu\n\tFacility ", len);
	print_name(d, &proto_syslog_facilities, fac);
	dec_printf(d, " (%u), Severity ", fac);
	print_name(d, &proto_syslog_severities, sev);
	dec_printf(d, " (%u)\n\tMsg: ", sev);
	for (; off < len; off++)
		dec_putc_safe(d, dec_u8(d, p + off));
	if (d->o.vflag > 1)
		dec_hexlines(d, "\n\t", p, len);
}
