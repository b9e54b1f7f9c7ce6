/* lldp.c: IEEE 802.1AB LLDP (ethertype 0x88cc), as tcpdump prints it:
 * "LLDP, length N" and the system name (": NAME") whatever -v says; -v a
 * line per TLV ("\n\tNAME TLV (T), length L") with the chassis and port
 * IDs, TTL, descriptions, capabilities and management address; -vv (or
 * -v on a TLV tcpdump has no words for) a hex dump of each TLV.  The
 * organisation-specific TLVs are lldp_org.c's (TIA and DCBX hand off).  A TLV longer
 * than the capture ends " [|lldp]", after which tcpdump's printer returns
 * (the -x dump then skips the link header). */
#include "decode/dec.h"

enum {
	LLDP_END, LLDP_CHASSIS, LLDP_PORT, LLDP_TTL, LLDP_PORT_DESCR, LLDP_SYS_NAME,
	LLDP_SYS_DESCR, LLDP_SYS_CAP, LLDP_MGMT_ADDR, LLDP_PRIVATE = 127,
};

static const struct dec_tok tlvs[] = {
	{ LLDP_END, "End" }, { LLDP_CHASSIS, "Chassis ID" }, { LLDP_PORT, "Port ID" },
	{ LLDP_TTL, "Time to Live" }, { LLDP_PORT_DESCR, "Port Description" },
	{ LLDP_SYS_NAME, "System Name" }, { LLDP_SYS_DESCR, "System Description" },
	{ LLDP_SYS_CAP, "System Capabilities" }, { LLDP_MGMT_ADDR, "Management Address" },
	{ LLDP_PRIVATE, "Organization specific" }, { 0, NULL },
};
/* Chassis ID subtypes (802.1AB 8.5.2.2); 4 is a MAC address, 5 a network
 * address, the others text. */
static const struct dec_tok chassis_subtypes[] = {
	{ 1, "Chassis component" }, { 2, "Interface alias" }, { 3, "Port component" },
	{ 4, "MAC address" }, { 5, "Network address" }, { 6, "Interface name" }, { 7, "Local" },
	{ 0, NULL },
};
/* Port ID subtypes (8.5.3.2); 3 is a MAC address, 4 a network address. */
static const struct dec_tok port_subtypes[] = {
	{ 1, "Interface alias" }, { 2, "Port component" }, { 3, "MAC address" },
	{ 4, "Network Address" }, { 5, "Interface Name" }, { 6, "Agent circuit ID" }, { 7, "Local" },
	{ 0, NULL },
};
static const struct dec_tok caps[] = {
	{ 0x01, "Other" }, { 0x02, "Repeater" }, { 0x04, "Bridge" }, { 0x08, "WLAN AP" },
	{ 0x10, "Router" }, { 0x20, "Telephone" }, { 0x40, "Docsis" }, { 0x80, "Station Only" },
	{ 0, NULL },
};
static const struct dec_tok intf_numbering[] = {
	{ 2, "Interface Index" }, { 3, "System Port Number" }, { 0, NULL },
};

/* Text of n captured bytes, as tcpdump's safe printer. */
static void text(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dec_putc_safe(d, p[i]);
}

/* A text TLV's value after its lead-in (": " or a new line). */
static void text_after(struct dec_ctx *d, const char *pre, const uint8_t *p, size_t n)
{
	dec_printf(d, "%s", pre);
	text(d, p, n);
}

/* An address family and address (RFC 3232 numbers): "AFI IPv4 (1): A".
 * 0: too short (tcpdump's truncation), -1: a family we don't print. */
static int netaddr(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 1)
		return 0;
	unsigned af = p[0];
	size_t need = af == 1 ? 4 : af == 2 ? 16 : af == 6 ? 6 : 0;
	if (!need) {
		dec_printf(d, "AFI %s (%u), no AF printer !", dec_tok(dec_bgp_afs, af, "Unknown"), af);
		return 1;
	}
	if (len - 1 < need)
		return 0;
	dec_printf(d, "AFI %s (%u): ", af == 1 ? "IPv4" : af == 2 ? "IPv6" : "802", af);
	if (af == 1)
		dec_ip4addr(d, p + 1);
	else if (af == 2)
		dec_ip6addr(d, p + 1);
	else
		dec_mac(d, p + 1);
	return 1;
}

/* Chassis and port IDs share a layout: a subtype, then the ID. */
static int id_tlv(struct dec_ctx *d, const struct dec_tok *subtypes, unsigned mac, unsigned net,
		  const uint8_t *p, size_t len, int *hexdump)
{
	if (len < 2)
		return 0;
	unsigned st = p[0];
	dec_printf(d, "\n\t  Subtype %s (%u): ", dec_tok(subtypes, st, "Unknown"), st);
	if (st == mac) {
		if (len < 7)
			return 0;
		dec_mac(d, p + 1);
	} else if (st == net) {
		return netaddr(d, p + 1, len - 1);
	} else if (st >= 1 && st <= 7)
		text(d, p + 1, len - 1);
	else
		*hexdump = 1;
	return 1;
}

static int mgmt_addr(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 1)
		return 0;
	size_t alen = p[0];
	if (len - 1 < alen)
		return 0;
	/* tcpdump builds the address text first: nothing printed if short */
	if (alen < 1 || alen - 1 < (size_t)(p[1] == 1 ? 4 : p[1] == 2 ? 16 : p[1] == 6 ? 6 : 0))
		return 0;
	dec_printf(d, "\n\t  Management Address length %zu, ", alen);
	netaddr(d, p + 1, alen);
	p += 1 + alen;
	len -= 1 + alen;
	if (len < 5)
		return 0;
	dec_printf(d, "\n\t  %s Interface Numbering (%u): %u", dec_tok(intf_numbering, p[0], "Unknown"), p[0],
		   dec_get_be32(p + 1));
	p += 5;
	len -= 5;
	if (len) { /* the OID is optional */
		size_t olen = p[0];
		if (len < 1 + olen)
			return 0;
		if (olen) {
			dec_printf(d, "\n\t  OID length %zu", olen);
			text(d, p + 1, olen);
		}
	}
	return 1;
}

void dec_lldp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LLDP);
	d->proto = "lldp";
	dec_printf(d, "LLDP, length %zu", len);
	while (len >= 2) {
		dec_need_ret(d, p, 2);
		unsigned tlv = dec_get_be16(p), type = tlv >> 9, tlen = tlv & 0x1ff;
		int hexdump = 0, ok = 1;
		len -= 2;
		p += 2;
		if (d->o.vflag)
			dec_printf(d, "\n\t%s TLV (%u), length %u", dec_tok(tlvs, type, "Unknown"), type, tlen);
		if (!type || !tlen) /* tcpdump's end (and loop guard) */
			break;
		dec_need_ret(d, p, tlen);
		if (len < tlen)
			dec_trunc_ret(d);
		switch (type) {
		case LLDP_CHASSIS:
			if (d->o.vflag)
				ok = id_tlv(d, chassis_subtypes, 4, 5, p, tlen, &hexdump);
			break;
		case LLDP_PORT:
			if (d->o.vflag)
				ok = id_tlv(d, port_subtypes, 3, 4, p, tlen, &hexdump);
			break;
		case LLDP_TTL:
			if (d->o.vflag) {
				if (tlen < 2)
					ok = 0;
				else
					dec_printf(d, ": TTL %us", dec_get_be16(p));
			}
			break;
		case LLDP_PORT_DESCR:
			if (d->o.vflag)
				text_after(d, ": ", p, tlen);
			break;
		case LLDP_SYS_NAME: /* printed without -v too, as CDP's device ID */
			text_after(d, ": ", p, tlen);
			break;
		case LLDP_SYS_DESCR:
			if (d->o.vflag)
				text_after(d, "\n\t  ", p, tlen);
			break;
		case LLDP_SYS_CAP:
			if (d->o.vflag) {
				if (tlen < 4) {
					ok = 0;
					break;
				}
				unsigned cap = dec_get_be16(p), ena = dec_get_be16(p + 2);
				dec_printf(d, "\n\t  System  Capabilities [");
				dec_bits(d, caps, cap, "none");
				dec_printf(d, "] (0x%04x)\n\t  Enabled Capabilities [", cap);
				dec_bits(d, caps, ena, "none");
				dec_printf(d, "] (0x%04x)", ena);
			}
			break;
		case LLDP_MGMT_ADDR:
			if (d->o.vflag)
				ok = mgmt_addr(d, p, tlen);
			break;
		case LLDP_PRIVATE:
			if (!d->o.vflag)
				break;
			if (tlen < 3) {
				ok = 0;
				break;
			}
			unsigned oui = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
			dec_printf(d, ": OUI %s (0x%06x)", dec_tok_oui(oui), oui);
			hexdump = dec_lldp_org(d, p, tlen); /* lldp_org.c */
			if (hexdump < 0)
				ok = -1;
			break;
		default:
			hexdump = 1;
			break;
		}
		if (ok == 0)
			dec_trunc_ret(d);
		if (ok < 0) {
			dec_handoff(d, "lldp-tlv");
			return;
		}
		if (d->o.vflag > 1 || (d->o.vflag && hexdump))
			dec_hexlines(d, "\n\t  ", p, tlen);
		len -= tlen;
		p += tlen;
	}
}
