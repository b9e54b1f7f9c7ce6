/* vqp.c: Cisco's VLAN Query Protocol (UDP 1589) as tcpdump 4.99 prints
 * it: "VQPv1 Request, Join Port Message, error-code No error (0), length
 * N", with -v the sequence number and each object (addresses, names, MAC
 * addresses; others in hex at -v only).  A length that does not fit
 * prints " (invalid)"; bytes past the capture " [|vqp]". */
#include "decode/dec.h"

#define VQP_VERSION 1
#define VQP_HDR 8       /* version, type, error, items, sequence */
#define VQP_OBJ_HDR 6   /* type (4), length (2) */
enum { VQP_IP = 0x0c01, VQP_PORT_NAME, VQP_VLAN_NAME, VQP_VTP_DOMAIN, VQP_ETHER_PKT, VQP_MAC_NULL,
       VQP_MAC = 0x0c08 };

static const struct dec_tok vqp_types[] = {
	{ 1, "Request, Join Port" }, { 2, "Response, VLAN" }, { 3, "Request, Reconfirm" },
	{ 4, "Response, Reconfirm" }, { 0, NULL },
};
static const struct dec_tok vqp_errors[] = {
	{ 0, "No error" }, { 3, "Access denied" }, { 4, "Shutdown port" }, { 5, "Wrong VTP domain" }, { 0, NULL },
};
static const struct dec_tok vqp_objs[] = {
	{ VQP_IP, "Client IP Address" }, { VQP_PORT_NAME, "Port Name" }, { VQP_VLAN_NAME, "VLAN Name" },
	{ VQP_VTP_DOMAIN, "VTP Domain" }, { VQP_ETHER_PKT, "Ethernet Packet" }, { VQP_MAC_NULL, "MAC Null" },
	{ VQP_MAC, "MAC Address" }, { 0, NULL },
};

/* One object's value (len bytes at p, all captured); 0 when invalid. */
static int vqp_value(struct dec_ctx *d, uint32_t type, const uint8_t *p, unsigned len)
{
	switch (type) {
	case VQP_IP:
		if (len != 4)
			return 0;
		dec_ip4addr(d, p);
		dec_printf(d, " (0x%08x)", dec_get_be32(p));
		return 1;
	case VQP_PORT_NAME: case VQP_VLAN_NAME: case VQP_VTP_DOMAIN: case VQP_ETHER_PKT:
		dec_text(d, p, len, DEC_TEXT_NUL);
		return 1;
	case VQP_MAC: case VQP_MAC_NULL:
		if (len != 6)
			return 0;
		dec_mac(d, p);
		return 1;
	default:
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t    ", p, len);
		return 1;
	}
}

void dec_vqp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "vqp";
	dec_need(d, p, VQP_HDR);
	if (len < VQP_HDR) {
		dec_printf(d, " (invalid)");
		return;
	}
	if (p[0] != VQP_VERSION) {
		dec_printf(d, "VQP version %u packet not supported", p[0]);
		return;
	}
	if (!d->o.vflag) {
		dec_printf(d, "VQPv%u ", p[0]);
		dec_tokf(d, vqp_types, p[1], "unknown (%u)");
		dec_printf(d, " Message, error-code %s (%u), length %zu", dec_tok(vqp_errors, p[2], "unknown"), p[2],
			   len);
		return;
	}
	unsigned nitems = p[3];
	dec_printf(d, "\n\tVQPv%u, ", p[0]);
	dec_tokf(d, vqp_types, p[1], "unknown (%u)");
	dec_printf(d, " Message, error-code %s (%u), seq 0x%08x, items %u, length %zu",
		   dec_tok(vqp_errors, p[2], "unknown"), p[2], dec_get_be32(p + 4), nitems, len);
	p += VQP_HDR;
	len -= VQP_HDR;
	for (; nitems && len; nitems--) {
		dec_need(d, p, VQP_OBJ_HDR);
		if (len < VQP_OBJ_HDR) {
			dec_printf(d, " (invalid)");
			return;
		}
		uint32_t type = dec_get_be32(p);
		unsigned olen = dec_get_be16(p + 4);
		p += VQP_OBJ_HDR;
		len -= VQP_OBJ_HDR;
		dec_printf(d, "\n\t  %s Object (0x%08x), length %u, value: ", dec_tok(vqp_objs, type, "Unknown"), type,
			   olen);
		if (type == 0 || olen == 0)
			return;
		dec_need(d, p, olen);
		if (olen > len || !vqp_value(d, type, p, olen)) {
			dec_printf(d, " (invalid)");
			return;
		}
		p += olen;
		len -= olen;
	}
}
