/* ether.c: Ethernet II / 802.3 frames, 802.1Q and 802.1ad tags, and the
 * ethertype dispatch the cooked link types share.  With -e tcpdump prints
 * "SRC > DST, ethertype NAME (0xXXXX), length N: " before the network
 * layer; tags print "vlan V, p P[, DEI], ethertype ..., ".  Frames whose
 * payload we do not decode (802.3/LLC, other ethertypes) stop where
 * tcpdump's line would go on into that protocol. */
#include "decode/dec.h"

static int is_vlan(unsigned type)
{
	return type == PROTO_ETH_VLAN || type == PROTO_ETH_QINQ || type == PROTO_ETH_QINQ_OLD ||
	       type == PROTO_ETH_QINQ_9200;
}

static void arp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_arp(d, p, len, 0);
}
static void rarp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_arp(d, p, len, 1);
}

/* The network layer of each ethertype we decode; name: what the -L report
 * calls a printer that has no DEC_L_* bit. */
static const struct {
	unsigned type;
	void (*fn)(struct dec_ctx *d, const uint8_t *p, size_t len);
	const char *name;
} ether_rows[] = {
	{ PROTO_ETH_IPV4, dec_ip, NULL }, { PROTO_ETH_IPV6, dec_ip6, NULL },
	{ PROTO_ETH_ARP, arp, NULL }, { PROTO_ETH_RARP, rarp, NULL },
	{ PROTO_ETH_PPPOED, dec_pppoe, NULL }, { PROTO_ETH_PPPOES, dec_pppoe, NULL },
	{ PROTO_ETH_LLDP, dec_lldp, NULL }, { PROTO_ETH_LOOPBACK, dec_loopback, NULL },
	{ PROTO_ETH_PTP, dec_ptp, NULL }, { PROTO_ETH_MPLS, dec_mpls, NULL },
	{ PROTO_ETH_MPLS_MC, dec_mpls, NULL }, { PROTO_ETH_EAPOL, dec_eapol, NULL },
	{ PROTO_ETH_SLOW, dec_slow, NULL },
	/* decb: non-IP frames (issue 14) */
	{ PROTO_ETH_AOE, dec_aoe, "aoe" }, { PROTO_ETH_DECNET, dec_decnet, "decnet" },
	{ PROTO_ETH_GEONET, dec_geonet, "geonet" }, { PROTO_ETH_GEONET_OLD, dec_geonet, "geonet" },
	{ PROTO_ETH_CALM_FAST, dec_calm_fast, "calm_fast" },
	/* decctl (issue 14): AARP, CFM (and its old type), TIPC, NSH, OSI, PPP, IPX */
	{ 0x80f3, dec_aarp, "aarp" }, { 0x8902, dec_cfm, "cfm" }, { 0xabcd, dec_cfm, "cfm" }, { 0x88ca, dec_tipc, "tipc" },
	{ 0x894f, dec_nsh, "nsh" }, { 0xfefe, dec_ether_osi, NULL }, { 0x880b, dec_ether_ppp, NULL }, { 0x8137, dec_ether_ipx, "ipx" },
	/* blank (issue 14): the rest of tcpdump's ethertype printers, so
	 * that every other type prints as one without a printer; fn NULL:
	 * tcpdump's printer, not ours (named for the -L report) */
	{ 0x809b, dec_ether_atalk, "atalk" }, { 0x886f, dec_msnlb, "msnlb" },
	{ 0x3c12, dec_pppoe, NULL }, { 0x3c13, dec_pppoe, NULL }, /* PPPoE's pre-standard types */
	{ 0x8808, dec_mpcp, "mpcp" }, { 0x8899, NULL, "rrcp" },
};

static int ether_row(unsigned type)
{
	for (size_t i = 0; i < sizeof ether_rows / sizeof ether_rows[0]; i++)
		if (ether_rows[i].type == type)
			return (int)i;
	return -1;
}

/* The network layer for an ethertype tcpdump's ethertype_print knows. */
void dec_ethertype(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len)
{
	int i = ether_row(type);
	if (i < 0 || !ether_rows[i].fn) {
		dec_handoff(d, i < 0 ? "ethertype" : ether_rows[i].name);
		return;
	}
	if (ether_rows[i].name)
		d->app = ether_rows[i].name;
	ether_rows[i].fn(d, p, len);
}

/* Has tcpdump's ethertype_print a printer for this ethertype (one we may
 * not have)?  Not the VLAN tags nor MACsec: its Ethernet printer reads
 * those itself, and elsewhere they print as types without a printer. */
int dec_ethertype_printed(unsigned type)
{
	return ether_row(type) >= 0;
}

const char *dec_ethertype_name(unsigned type)
{
	return proto_name_or(&proto_ethertypes, type, PROTO_TCPDUMP, "Unknown");
}

/* -q keeps only the name ("Unknown Ethertype (0x...)" without one), as
 * tcpdump's ether_type_print. */
void dec_ethertype_print(struct dec_ctx *d, unsigned type)
{
	const char *name = proto_name(&proto_ethertypes, type, PROTO_TCPDUMP);
	if (!d->o.qflag)
		dec_printf(d, "ethertype %s (0x%04x)", name ? name : "Unknown", type);
	else if (name)
		dec_printf(d, "%s", name);
	else
		dec_printf(d, "Unknown Ethertype (0x%04x)", type);
}

/* The Arista vendor header at q (frame length flen) and the ethertype
 * after it, into *type: tcpdump prints the outer ethertype even without
 * -e, with -e the inner one.  The bytes taken; -1: a subtype or format
 * tcpdump does not know (it then prints the frame as one without a
 * printer); -2: the subtype cut short. */
static int arista(struct dec_ctx *d, const uint8_t *q, size_t flen, unsigned *type)
{
	if (!dec_has(d, q, 2)) {
		dec_printf(d, "[|arista]");
		return -2;
	}
	dec_ethertype_print(d, *type);
	dec_printf(d, ", length %zu: ", flen);
	int n = dec_arista(d, q);
	if (n < 0)
		return -1;
	*type = dec_be16(d, q + n);
	if (d->o.eflag && *type <= PROTO_ETH_LEN_MAX) { /* 802.3 inside */
		size_t rest = flen > 16 + (size_t)n ? flen - 16 - (size_t)n : 0;
		dec_printf(d, "802.3, length %zu: ", rest < *type ? rest : (size_t)*type);
	} else if (d->o.eflag && (!is_vlan(*type) || dec_has(d, q + n + 2, 4))) {
		/* (a VLAN tag cut short: tcpdump has not printed this yet) */
		dec_ethertype_print(d, *type);
		dec_printf(d, ", length %zu: ", flen);
	}
	return n + 2;
}

int dec_ether(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	return dec_ether_tagged(d, p, len, NULL);
}

int dec_ether_tagged(struct dec_ctx *d, const uint8_t *p, size_t len, const struct dec_swtag *tag)
{
	dec_layer(d, DEC_L_ETHER);
	size_t flen = len; /* what a type without a printer prints */
	size_t tl = tag ? tag->len : 0; /* a switch's tag after the addresses */
	const uint8_t *q = p + 12 + tl;
	d->proto = tag ? tag->name : "ether";
	d->hdrlen = 14 + (int)tl;
	if (!dec_has(d, p, 14 + tl)) {
		dec_printf(d, " [|%s]", d->proto);
		return (int)dec_avail(d, p, 14 + tl);
	}
	unsigned type = dec_be16(d, q);
	if (d->o.eflag) {
		dec_mac(d, p + 6);
		dec_printf(d, " > ");
		dec_mac(d, p);
		dec_printf(d, ", ");
	}
	if (tag)
		tag->print(d, p + 12);
	d->proto = "ether";
	if (d->o.eflag) {
		if (type <= PROTO_ETH_LEN_MAX) /* 802.3: the field is the payload's length,
				     but never more than the frame holds */
			dec_printf(d, "802.3, length %zu: ",
				   len < 14 ? 0 : len - 14 < type ? len - 14 : (size_t)type);
		else if (type != PROTO_ETH_ARISTA && type != PROTO_ETH_JUMBO) { /* arista() prints its own;
									    jumbo: none */
			dec_ethertype_print(d, type);
			dec_printf(d, ", length %zu: ", len);
		}
	}
	q += 2;
	int no_printer = 0; /* decb: an Arista header tcpdump cannot read */
	if (type == PROTO_ETH_ARISTA) {
		int n = arista(d, q, len, &type);
		if (n == -2)
			return 14 + (int)dec_avail(d, q, 2); /* no dump of what there is */
		no_printer = n < 0;
		if (n > 0) {
			q += n;
			len = len >= (size_t)n ? len - (size_t)n : 0;
		}
	}
	len = len >= 14 + tl ? len - 14 - tl : 0;
	const uint8_t *untagged = q;
	while (is_vlan(type)) {
		d->proto = "vlan";
		if (!dec_has(d, q, 4)) {
			dec_printf(d, " [|vlan]");
			/* after an Arista header tcpdump counts the rest as
			 * header: no dump */
			return (int)(q - p) + (untagged > p + 14 + tl ? (int)dec_avail(d, q, 4) : 0);
		}
		unsigned tci = dec_be16(d, q);
		type = dec_be16(d, q + 2);
		if (d->o.eflag) {
			dec_printf(d, "vlan %u, p %u%s, ", tci & 0xfff, tci >> 13, (tci & 0x1000) ? ", DEI" : "");
			if (type > PROTO_ETH_LEN_MAX) {
				dec_ethertype_print(d, type);
				dec_printf(d, ", ");
			}
		}
		q += 4;
		len = len >= 4 ? len - 4 : 0;
		d->hdrlen = (int)(q - p);
	}
	d->hdrlen = (int)(q - p);
	if (type == PROTO_ETH_MACSEC && q == p + 14 + tl) { /* MACsec (not behind a VLAN tag:
						 tcpdump's VLAN path has no printer
						 for it): the SecTAG, then maybe an
						 ethertype */
		int n = dec_macsec(d, p, q, &len, &type);
		if (n < 0)
			return d->hdrlen;
		q += n; /* then the inner type as after a VLAN tag */
		d->hdrlen = (int)(q - p);
	}
	int llc = type <= PROTO_ETH_LEN_MAX || type == PROTO_ETH_JUMBO; /* Alteon's jumbo frames: 802.2 */
	if (no_printer || (!llc && !dec_ethertype_printed(type))) {
		/* no printer in tcpdump: the -e header even without -e, then a
		 * hex dump */
		if (!d->o.eflag) {
			dec_mac(d, p + 6);
			dec_printf(d, " > ");
			dec_mac(d, p);
			if (d->o.qflag)
				dec_printf(d, ", %s", proto_name_or(&proto_ethertypes, type, PROTO_TCPDUMP, "Unknown Ethertype"));
			if (d->o.qflag && !proto_name(&proto_ethertypes, type, PROTO_TCPDUMP))
				dec_printf(d, " (0x%04x)", type);
			else if (!d->o.qflag) {
				dec_printf(d, ", ");
				dec_ethertype_print(d, type);
			}
			dec_printf(d, ", length %zu: ", flen);
		}
		if (!d->o.qflag)
			d->dump_from = q;
	} else if (!llc)
		dec_ethertype(d, type, q, len);
	else {
		if (d->o.eflag && q > untagged && type <= PROTO_ETH_LEN_MAX)
			dec_printf(d, "802.3"); /* after VLAN tags, as tcpdump (no
						   separator before the LLC header) */
		/* the length field bounds the frame: tcpdump ignores the rest
		 * (padding) from here on */
		size_t l2 = type < len ? type : len; /* (jumbo: len) */
		if (d->end > q && (size_t)(d->end - q) > l2)
			d->end = q + l2;
		int n = dec_llc(d, p, q, l2);
		return (int)(q - p) + (n > 0 ? n : n < 0 ? -n : dec_llc_hdrlen(d, q));
	}
	return (int)(q - p);
}
