/* egp.c: EGP (RFC 827, RFC 904) as tcpdump 4.99 prints it:
 *
 *   EGPv2, AS 1, seq 2, length 16                   (no -v)
 *   EGPv2, length 16 acquire request active_mode hello:30 poll:60   (-v)
 *
 * -v decodes version 2 only (others: "[version N]"); an update lists its
 * gateways and their distances and networks.  tcpdump builds those
 * addresses in a host-order word and prints the word's bytes in memory
 * order, classifying the source network by the word read in network
 * order; on the little-endian hosts it runs on that makes the classes
 * and the printed addresses what we reproduce here (le_word, print_word). */
#include <arpa/inet.h>

#include "decode/dec.h"

#define EGP_HDR 16
#define EGP_VERSION 2
enum { EGP_UPDATE = 1, EGP_POLL = 2, EGP_ACQUIRE = 3, EGP_REACH = 5, EGP_ERROR = 8 };
#define EGP_UNSOLICITED 0x80

static const char *const acquire_codes[] = { "request", "confirm", "refuse", "cease", "cease_ack" };
static const char *const acquire_status[] = {
	"unspecified", "active_mode", "passive_mode", "insufficient_resources", "administratively_prohibited",
	"going_down", "parameter_violation", "protocol_violation",
};
static const char *const reach_codes[] = { "hello", "i-h-u" };
static const char *const updown[] = { "indeterminate", "up", "down" };
static const char *const reasons[] = {
	"unspecified", "bad_EGP_header_format", "bad_EGP_data_field_format", "reachability_info_unavailable",
	"excessive_polling_rate", "no_response", "unsupported_version",
};

/* A word's four bytes as they lie in a little-endian host's memory, as an
 * address (a name without -n). */
static void print_word(struct dec_ctx *d, uint32_t w)
{
	uint8_t a[4] = { (uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24) };
	char buf[INET_ADDRSTRLEN];
	const char *name = dec_host4(d, a);
	dec_printf(d, "%s", name ? name : inet_ntop(AF_INET, a, buf, sizeof buf));
}

static void print_state(struct dec_ctx *d, unsigned status)
{
	if (status <= 2)
		dec_printf(d, " state:%s", updown[status]);
	else
		dec_printf(d, " [status %u]", status);
}

/* The update's gateways, distances and networks; tcpdump's
 * "length < N: goto trunc" checks print the marker and return. */
static void print_nr(struct dec_ctx *d, const uint8_t *p, size_t length)
{
	const uint8_t *s = p + 12;
	dec_need(d, s, 4);
	uint32_t w = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 | (uint32_t)s[3] << 24;
	uint32_t net = 0;
	unsigned netlen = 0;
	if ((w & 0x80000000u) == 0)
		net = w & 0xff000000u, netlen = 1;
	else if ((w & 0xc0000000u) == 0x80000000u)
		net = w & 0xffff0000u, netlen = 2;
	else if ((w & 0xe0000000u) == 0xc0000000u)
		net = w & 0xffffff00u, netlen = 3;
	const uint8_t *cp = p + EGP_HDR;
	length -= EGP_HDR;
	unsigned intgw = dec_u8(d, p + 10), total = intgw + dec_u8(d, p + 11);
	for (unsigned g = 0; g < total; g++) {
		uint32_t addr = 0;
		if (length < 4 - netlen)
			goto trunc;
		if (!dec_has(d, cp, 4 - netlen))
			goto trunc;
		for (unsigned i = netlen; i >= 1 && i <= 3; i++) /* host bytes, netlen 0: none */
			addr = addr << 8 | dec_u8(d, cp++);
		addr |= net;
		length -= 4 - netlen;
		if (length < 1)
			goto trunc;
		unsigned distances = dec_u8(d, cp++);
		length--;
		dec_printf(d, " %s ", g < intgw ? "int" : "ext");
		print_word(d, addr);
		const char *comma = "";
		dec_printf(d, " (");
		for (; distances != 0; distances--) {
			if (length < 2)
				goto trunc;
			dec_printf(d, "%sd%u:", comma, dec_u8(d, cp));
			comma = ", ";
			unsigned networks = dec_u8(d, cp + 1);
			cp += 2;
			length -= 2;
			for (; networks != 0; networks--) {
				if (length < 1)
					goto trunc;
				addr = (uint32_t)dec_u8(d, cp++) << 24;
				length--;
				if ((addr & 0xc0000000u) == 0x80000000u) { /* class B */
					if (length < 1)
						goto trunc;
					addr |= (uint32_t)dec_u8(d, cp++) << 16;
					length--;
				} else if (addr & 0x80000000u) { /* not class A */
					if (length < 2)
						goto trunc;
					addr |= (uint32_t)dec_u8(d, cp) << 16 | (uint32_t)dec_u8(d, cp + 1) << 8;
					cp += 2;
					length -= 2;
				}
				dec_printf(d, " ");
				print_word(d, addr);
			}
		}
		dec_printf(d, ")");
	}
	return;
trunc:
	dec_printf(d, " [|egp]");
}

void dec_egp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = d->app = "egp";
	if (len < EGP_HDR || !dec_has(d, p, EGP_HDR)) {
		dec_printf(d, " [|egp]");
		return;
	}
	unsigned version = p[0], type = p[1], code = p[2], status = p[3];
	if (!d->o.vflag) {
		dec_printf(d, "EGPv%u, AS %u, seq %u, length %zu", version, dec_get_be16(p + 6), dec_get_be16(p + 8),
			   len);
		return;
	}
	dec_printf(d, "EGPv%u, length %zu", version, len);
	if (version != EGP_VERSION) {
		dec_printf(d, "[version %u]", version);
		return;
	}
	switch (type) {
	case EGP_ACQUIRE:
		dec_printf(d, " acquire");
		if (code <= 1) { /* request, confirm */
			dec_printf(d, " %s", acquire_codes[code]);
			if (status <= 2)
				dec_printf(d, " %s", acquire_status[status]);
			else
				dec_printf(d, " [status %u]", status);
			dec_printf(d, " hello:%u poll:%u", dec_get_be16(p + 10), dec_get_be16(p + 12));
		} else if (code <= 4) { /* refuse, cease, cease_ack */
			dec_printf(d, " %s", acquire_codes[code]);
			if (status == 0 || (status >= 3 && status <= 7))
				dec_printf(d, " %s", acquire_status[status]);
			else
				dec_printf(d, "[status %u]", status);
		} else
			dec_printf(d, "[code %u]", code);
		break;
	case EGP_REACH:
		if (code <= 1) {
			dec_printf(d, " %s", reach_codes[code]);
			print_state(d, status);
		} else
			dec_printf(d, "[reach code %u]", code);
		break;
	case EGP_POLL:
		dec_printf(d, " poll");
		print_state(d, status);
		dec_printf(d, " net:");
		dec_ip4addr(d, p + 12);
		break;
	case EGP_UPDATE:
		dec_printf(d, " update");
		if (status & EGP_UNSOLICITED) {
			status &= ~(unsigned)EGP_UNSOLICITED;
			dec_printf(d, " unsolicited");
		}
		print_state(d, status);
		dec_printf(d, " ");
		dec_ip4addr(d, p + 12);
		dec_printf(d, " int %u ext %u", p[10], p[11]);
		print_nr(d, p, len);
		break;
	case EGP_ERROR:
		dec_printf(d, " error");
		print_state(d, status);
		if (dec_get_be16(p + 10) <= 6)
			dec_printf(d, " %s", reasons[dec_get_be16(p + 10)]);
		else
			dec_printf(d, " [reason %u]", dec_get_be16(p + 10));
		break;
	default:
		dec_printf(d, "[type %u]", type);
		break;
	}
}
