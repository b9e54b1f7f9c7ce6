/* hsrp.c: Cisco HSRP version 0 (RFC 2281) as tcpdump 4.99 prints it:
 * "HSRPv0-OP LEN: state=S group=G [reserved=R!] addr=VIRTUAL-IP" and with
 * -v the hello and hold times, priority and the authentication string.
 * Other versions print "HSRPvN" only.  Every field is read through the
 * accessors: tcpdump's printer jumps out at the capture's end. */
#include "decode/dec.h"

#define HSRP_AUTH 8
#define HSRP_AUTH_SIZE 8
#define HSRP_VIRTADDR 16

static const struct dec_tok hsrp_ops[] = {
	{ 0, "hello" }, { 1, "coup" }, { 2, "resign" }, { 0, NULL },
};
static const struct dec_tok hsrp_states[] = {
	{ 0, "initial" }, { 1, "learn" }, { 2, "listen" }, { 4, "speak" }, { 8, "standby" },
	{ 16, "active" }, { 0, NULL },
};

/* tcpdump's unsigned_relts_print: "1m40s", "0s" */
static void print_relts(struct dec_ctx *d, unsigned secs)
{
	static const char *const units[] = { "y", "w", "d", "h", "m", "s" };
	static const unsigned seconds[] = { 31536000, 604800, 86400, 3600, 60, 1 };
	if (secs == 0) {
		dec_printf(d, "0s");
		return;
	}
	for (int i = 0; i < 6; i++)
		if (secs >= seconds[i]) {
			dec_printf(d, "%u%s", secs / seconds[i], units[i]);
			secs %= seconds[i];
		}
}

void dec_hsrp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "hsrp";
	unsigned version = dec_u8(d, p);
	dec_printf(d, "HSRPv%u", version);
	if (version != 0)
		return;
	/* each field is read before the text around it is printed, as
	 * tcpdump's one printf per field does */
	dec_printf(d, "-");
	unsigned op = dec_u8(d, p + 1);
	dec_tokf(d, hsrp_ops, op, "unknown (%u)");
	dec_printf(d, " %zu: ", len);
	unsigned state = dec_u8(d, p + 2);
	dec_printf(d, "state=");
	dec_tokf(d, hsrp_states, state, "Unknown (%u)");
	dec_printf(d, " ");
	dec_printf(d, "group=%u ", dec_u8(d, p + 6));
	if (dec_u8(d, p + 7))
		dec_printf(d, "[reserved=%u!] ", p[7]);
	dec_need(d, p + HSRP_VIRTADDR, 4);
	dec_printf(d, "addr=");
	dec_ip4addr(d, p + HSRP_VIRTADDR);
	if (!d->o.vflag)
		return;
	dec_printf(d, " hellotime=");
	print_relts(d, dec_u8(d, p + 3));
	dec_printf(d, " holdtime=");
	print_relts(d, dec_u8(d, p + 4));
	dec_printf(d, " priority=%u", dec_u8(d, p + 5));
	dec_printf(d, " auth=\"");
	for (int i = 0; i < HSRP_AUTH_SIZE; i++) { /* NUL-padded */
		uint8_t c = dec_u8(d, p + HSRP_AUTH + i);
		if (c == 0)
			break;
		dec_putc_safe(d, c);
	}
	dec_printf(d, "\"");
}
