/* ospf.c: OSPF's first line, as tcpdump 4.99 prints it: "OSPFv2, TYPE,
 * length L" (RFC 2328) over IPv4, "OSPFv3, TYPE, length L" (RFC 5340) over
 * IPv6.  With -v tcpdump goes on with the router and area IDs and the
 * packet's body: OSPFv3's in ospf6.c, OSPFv2's in ospf2.c.
 * Over IPv4 tcpdump first reads the authentication type and, for
 * cryptographic authentication, takes the 16-byte digest off the end of
 * the packet (RFC 2328 D.4.3) before anything else. */
#include "decode/dec.h"

#define OSPF_AUTH_MD5 2
#define OSPF_MD5_LEN 16

static const char *const ospf_types[] = {
	NULL, "Hello", "Database Description", "LS-Request", "LS-Update", "LS-Ack",
};

static const char *type_name(unsigned type)
{
	return type < sizeof ospf_types / sizeof ospf_types[0] ? ospf_types[type] : NULL;
}

/* The line past the version's own reads: tcpdump says "unknown LS-type N"
 * in ospf_print, "unknown packet type (N)" in ospf6_print. */
static int line(struct dec_ctx *d, const uint8_t *p, unsigned long length, const char *unknown,
		const char *unknown_end)
{
	unsigned type = dec_u8(d, p + 1), version = dec_u8(d, p);
	const char *name = type_name(type);
	dec_printf(d, "OSPFv%u, ", version);
	if (name)
		dec_printf(d, "%s", name);
	else
		dec_printf(d, "%s%u%s", unknown, type, unknown_end);
	dec_printf(d, ", length %lu", length);
	return name && d->o.vflag;
}

static void ospf2(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "ospf2";
	uint32_t length = (uint32_t)len; /* tcpdump's u_int: the digest may wrap it */
	if (dec_be16(d, p + 14) == OSPF_AUTH_MD5) {
		length -= OSPF_MD5_LEN;
		d->end = d->end - d->start >= OSPF_MD5_LEN ? d->end - OSPF_MD5_LEN : d->start;
	}
	if (line(d, p, length, "unknown LS-type ", ""))
		dec_ospf2_body(d, p, length);
}

static void ospf3(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "ospf3";
	if (line(d, p, len, "unknown packet type (", ")"))
		dec_ospf6_body(d, p, (unsigned)len);
}

void dec_ospf(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	if (n->v6)
		ospf3(d, p, len);
	else
		ospf2(d, p, len);
}
