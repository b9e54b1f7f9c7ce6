/* vrrp.c: VRRP (RFC 3768 v2, RFC 5798 v3), as tcpdump 4.99 prints it:
 *
 *   VRRPv2, Advertisement[, (ttl T)], vrid V, prio P, authtype A, intvl Ns, length L
 *   VRRPv3, Advertisement[, (ttl T)], vrid V, prio P, intvl Ncs, length L
 *
 * The TTL (hop limit) is shown when it is not the 255 the RFCs require.
 * -v adds a bad checksum (v2 over the message, v3 with the IP
 * pseudo-header), the addresses (IPv4, or IPv6 for v3 over IPv6) and v2's
 * simple-text password.  Other versions and types stop after the type. */
#include "decode/dec.h"

#define VRRP_ADVERTISEMENT 1
#define VRRP_AUTH_SIMPLE 1
#define VRRP_TTL 255

static const struct dec_tok auth_types[] = {
	{ 0, "none" }, { VRRP_AUTH_SIMPLE, "simple" }, { 2, "ah" }, { 0, NULL },
};

static void print_addrs(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, unsigned naddrs)
{
	dec_printf(d, ", addrs");
	if (naddrs > 1)
		dec_printf(d, "(%u)", naddrs);
	dec_printf(d, ":");
	size_t alen = n->v6 ? 16 : 4;
	for (unsigned i = 0; i < naddrs; i++, p += alen) {
		dec_need(d, p, alen); /* tcpdump formats the address first */
		dec_printf(d, "%c", i ? ',' : ' ');
		if (n->v6)
			dec_ip6addr(d, p);
		else
			dec_ip4addr(d, p);
	}
}

/* The password: up to 8 characters, to the first NUL (tcpdump's
 * nd_printjnp). */
static void print_auth(struct dec_ctx *d, const uint8_t *p)
{
	dec_printf(d, " auth \"");
	for (int i = 0; i < 8; i++) {
		uint8_t c = dec_u8(d, p + i);
		if (c == 0)
			break;
		dec_putc_safe(d, c);
	}
	dec_printf(d, "\"");
}

void dec_vrrp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "vrrp";
	if (!dec_has(d, p, 1)) /* tcpdump names the protocol before the marker */
		dec_printf(d, "VRRP");
	unsigned vt = dec_u8(d, p), version = vt >> 4, type = vt & 0x0f;
	dec_printf(d, "VRRPv%u, ", version);
	if (type == VRRP_ADVERTISEMENT)
		dec_printf(d, "Advertisement");
	else
		dec_printf(d, "unknown type (%u)", type);
	unsigned ttl = n->v6 ? n->iph[7] : n->iph[8];
	if (ttl != VRRP_TTL)
		dec_printf(d, ", (ttl %u)", ttl);
	if (version < 2 || version > 3 || type != VRRP_ADVERTISEMENT)
		return;
	unsigned vrid = dec_u8(d, p + 1);
	dec_printf(d, ", vrid %u, prio %u", vrid, dec_u8(d, p + 2));
	unsigned auth = 0;
	if (version == 2) {
		auth = dec_u8(d, p + 4);
		const char *s = dec_tok(auth_types, auth, NULL);
		if (s)
			dec_printf(d, ", authtype %s", s);
		else
			dec_printf(d, ", authtype #%u", auth);
		dec_printf(d, ", intvl %us, length %zu", dec_u8(d, p + 5), len);
	} else {
		unsigned hi = dec_u8(d, p + 4) & 0x0f;
		dec_printf(d, ", intvl %ucs, length %zu", hi << 8 | dec_u8(d, p + 5), len);
	}
	if (!d->o.vflag)
		return;
	unsigned naddrs = dec_u8(d, p + 3);
	if (dec_has(d, p, len)) {
		uint16_t sum;
		if (version == 2)
			sum = dec_fold(dec_sum(p, len, 0));
		else if (n->v6)
			sum = dec_cksum_ip6(n->src, n->dst, p, len, PROTO_IP_VRRP);
		else
			sum = dec_cksum_ip4(n->iph, p, len, PROTO_IP_VRRP);
		if (sum)
			dec_printf(d, ", (bad vrrp cksum %x)", dec_be16(d, p + 6));
	}
	print_addrs(d, n, p + 8, naddrs);
	if (version == 2 && auth == VRRP_AUTH_SIMPLE)
		print_auth(d, p + 8 + 4 * naddrs);
}
