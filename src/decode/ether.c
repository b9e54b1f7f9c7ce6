/* ether.c: Ethernet II / 802.3 frames, 802.1Q and 802.1ad tags, and the
 * ethertype dispatch the cooked link types share.  With -e tcpdump prints
 * "SRC > DST, ethertype NAME (0xXXXX), length N: " before the network
 * layer; tags print "vlan V, p P[, DEI], ethertype ..., ".  Frames whose
 * payload we do not decode (802.3/LLC, other ethertypes) stop where
 * tcpdump's line would go on into that protocol. */
#include "decode/dec.h"

/* tcpdump's names for ethertypes (IEEE registry; tcpdump ethertype.h). */
static const struct dec_tok ethertypes[] = {
	{ 0x0200, "PUP" },
	{ 0x0600, "NS" },                /* Xerox NS */
	{ 0x0800, "IPv4" },              /* RFC 894 */
	{ 0x0806, "ARP" },               /* RFC 826 */
	{ 0x6001, "MOP DL" },
	{ 0x6002, "MOP RC" },
	{ 0x6003, "DN" },
	{ 0x6004, "LAT" },
	{ 0x6007, "SCA" },
	{ 0x6558, "TEB" },
	{ 0x8035, "Reverse ARP" },       /* RFC 903 */
	{ 0x8038, "Lanbridge" },
	{ 0x803e, "DEC DTS" },
	{ 0x809b, "Appletalk" },
	{ 0x80f3, "Appletalk ARP" },
	{ 0x8100, "802.1Q" },            /* IEEE 802.1Q */
	{ 0x8137, "IPX" },
	{ 0x86dd, "IPv6" },              /* RFC 8200 */
	{ 0x8808, "MPCP" },
	{ 0x8809, "Slow Protocols" },
	{ 0x880b, "PPP" },
	{ 0x8847, "MPLS unicast" },
	{ 0x8848, "MPLS multicast" },
	{ 0x8863, "PPPoE D" },
	{ 0x8864, "PPPoE S" },
	{ 0x886f, "MS NLB heartbeat" },
	{ 0x888e, "EAPOL" },
	{ 0x88a2, "AoE" },
	{ 0x88a8, "802.1Q-QinQ" },       /* IEEE 802.1ad */
	{ 0x88cc, "LLDP" },
	{ 0x88e5, "802.1AE MACsec" },
	{ 0xfefe, "OSI" },
	{ 0x1111, "CALM FAST" },
	{ 0xd28b, "Arista Vendor Specific Protocol" },
	{ 0x88f7, "PTP" },
	{ 0x8902, "CFM" },
	{ 0x9000, "Loopback" },
	{ 0x9100, "802.1Q-9100" },
	{ 0x9200, "802.1Q-9200" },
	{ 0x8947, "GeoNet" },
	{ 0x0707, "GeoNet (old)" },
	{ 0xabcd, "CFM (old)" },
	{ 0x88ca, "TIPC" },              /* RFC 8786 */
	{ 0x894f, "NSH" },               /* RFC 8300 */
	{ 0, NULL },
};

static int is_vlan(unsigned type)
{
	return type == 0x8100 || type == 0x88a8 || type == 0x9100 || type == 0x9200;
}

/* The network layer for an ethertype, or nothing if we don't decode it. */
void dec_ethertype(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len)
{
	switch (type) {
	case 0x0800: /* IPv4 */
		dec_ip(d, p, len);
		break;
	case 0x86dd: /* IPv6 */
		dec_ip6(d, p, len);
		break;
	case 0x0806: /* ARP */
		dec_arp(d, p, len, 0);
		break;
	case 0x8035: /* RARP */
		dec_arp(d, p, len, 1);
		break;
	case 0x8863: /* PPPoE discovery */
	case 0x8864: /* PPPoE session */
		dec_pppoe(d, p, len);
		break;
	default:
		dec_handoff(d, "ethertype");
		break;
	}
}

/* Has tcpdump a printer for this ethertype (one we may not have)? */
int dec_ethertype_printed(unsigned type)
{
	return dec_tok(ethertypes, type, NULL) && type != 0x88e5;
}

const char *dec_ethertype_name(unsigned type)
{
	return dec_tok(ethertypes, type, "Unknown");
}

/* -q keeps only the name ("Unknown Ethertype (0x...)" without one), as
 * tcpdump's ether_type_print. */
void dec_ethertype_print(struct dec_ctx *d, unsigned type)
{
	const char *name = dec_tok(ethertypes, type, NULL);
	if (!d->o.qflag)
		dec_printf(d, "ethertype %s (0x%04x)", name ? name : "Unknown", type);
	else if (name)
		dec_printf(d, "%s", name);
	else
		dec_printf(d, "Unknown Ethertype (0x%04x)", type);
}

int dec_ether(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_ETHER);
	const uint8_t *q = p + 12;
	d->proto = "ether";
	d->hdrlen = 14;
	if (!dec_has(d, p, 14)) {
		dec_printf(d, " [|ether]");
		return (int)dec_avail(d, p, 14);
	}
	unsigned type = dec_be16(d, q);
	if (d->o.eflag) {
		dec_mac(d, p + 6);
		dec_printf(d, " > ");
		dec_mac(d, p);
		dec_printf(d, ", ");
		if (type <= 1500) /* 802.3: the field is the payload's length,
				     but never more than the frame holds */
			dec_printf(d, "802.3, length %zu: ",
				   len < 14 ? 0 : len - 14 < type ? len - 14 : (size_t)type);
		else {
			dec_ethertype_print(d, type);
			dec_printf(d, ", length %zu: ", len);
		}
	}
	q += 2;
	len = len >= 14 ? len - 14 : 0;
	while (is_vlan(type)) {
		d->proto = "vlan";
		if (!dec_has(d, q, 4)) {
			dec_printf(d, " [|vlan]");
			return (int)(q - p);
		}
		unsigned tci = dec_be16(d, q);
		type = dec_be16(d, q + 2);
		if (d->o.eflag) {
			dec_printf(d, "vlan %u, p %u%s, ", tci & 0xfff, tci >> 13, (tci & 0x1000) ? ", DEI" : "");
			if (type > 1500) {
				dec_ethertype_print(d, type);
				dec_printf(d, ", ");
			}
		}
		q += 4;
		len = len >= 4 ? len - 4 : 0;
		d->hdrlen = (int)(q - p);
	}
	d->hdrlen = (int)(q - p);
	if (type == 0x88e5 && q == p + 14) { /* MACsec (not behind a VLAN tag:
						 tcpdump's VLAN path has no printer
						 for it): the SecTAG, then maybe an
						 ethertype */
		int n = dec_macsec(d, p, q, &len, &type);
		if (n < 0)
			return d->hdrlen;
		q += n;
		d->hdrlen = (int)(q - p);
		if (type <= 1500) { /* a length: 802.3 inside, as after a VLAN tag */
			if (d->o.eflag)
				dec_printf(d, "802.3");
			dec_handoff(d, "llc");
			return d->hdrlen;
		}
		dec_ethertype(d, type, q, len);
		return d->hdrlen;
	}
	if (type > 1500 && !dec_ethertype_printed(type)) {
		/* no printer in tcpdump: the -e header even without -e, then a
		 * hex dump */
		if (!d->o.eflag) {
			dec_mac(d, p + 6);
			dec_printf(d, " > ");
			dec_mac(d, p);
			if (d->o.qflag)
				dec_printf(d, ", %s", dec_tok(ethertypes, type, "Unknown Ethertype"));
			if (d->o.qflag && !dec_tok(ethertypes, type, NULL))
				dec_printf(d, " (0x%04x)", type);
			else if (!d->o.qflag) {
				dec_printf(d, ", ");
				dec_ethertype_print(d, type);
			}
			dec_printf(d, ", length %zu: ", len + (size_t)(q - p));
		}
		if (!d->o.qflag)
			d->dump_from = q;
	} else if (type > 1500)
		dec_ethertype(d, type, q, len);
	else {
		if (d->o.eflag && q > p + 14) {
			dec_printf(d, "802.3"); /* after VLAN tags, as tcpdump */
			dec_handoff(d, "llc");
			return (int)(q - p) + dec_llc_hdrlen(d, q);
		}
		/* the length field bounds the frame: tcpdump ignores the rest
		 * (padding) from here on */
		size_t l2 = type < len ? type : len;
		if (d->end > q && (size_t)(d->end - q) > l2)
			d->end = q + l2;
		int n = dec_llc(d, p, q, l2);
		return (int)(q - p) + (n > 0 ? n : n < 0 ? -n : dec_llc_hdrlen(d, q));
	}
	return (int)(q - p);
}
