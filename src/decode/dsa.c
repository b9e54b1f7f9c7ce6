/* dsa.c: Ethernet frames with a switch's tag between the addresses and
 * the type, as tcpdump 4.99 prints them: Broadcom's 4-byte tag
 * (DLT_DSA_TAG_BRCM, "BRCM tag OP: IG, TC: 0, TE: None, TS: 0, DST map:
 * 0x0080, "), Marvell's DSA (4 bytes, "DSA Forward port 0.1, VLAN 0u, ")
 * and EDSA (8 bytes, an ethertype first); with -e the Marvell tags in
 * long form ("Marvell DSA mode Forward, dev 0, port 1, untagged, VID 0,
 * FPri 0, ").  The rest of the frame is ether.c's. */
#include "decode/dec.h"

static const struct dec_tok brcm_te[] = { { 0, "None" }, { 1, "Untag" }, { 2, "Header" }, { 3, "Reserved" }, { 0, NULL } };
static const struct dec_tok brcm_rc[] = {
	{ 0x01, "mirror" }, { 0x02, "MAC learning" }, { 0x04, "switching" }, { 0x08, "prot term" },
	{ 0x10, "prot snoop" }, { 0x20, "exception" }, { 0, NULL },
};

static void brcm(struct dec_ctx *d, const uint8_t *t)
{
	/* tcpdump says IG for any non-zero first byte, and reads an ingress
	 * tag by the opcode's low bit */
	dec_printf(d, "BRCM tag OP: %s", t[0] ? "IG" : "EG");
	if (t[0] & 0x20)
		dec_printf(d, ", TC: %d, TE: %s, TS: %d, DST map: 0x%04x", t[1] >> 2 & 7, dec_tok(brcm_te, t[1] & 3, "unknown"),
			   t[1] >> 7, (t[2] << 8 | t[3]) & 0x1ff);
	else
		dec_printf(d, ", CID: %d, RC: %s, TC: %d, port: %d", t[1], dec_tok(brcm_rc, t[2], "reserved"), t[3] >> 5 & 7,
			   t[3] & 0x1f);
	dec_printf(d, ", ");
}

enum { TO_CPU, FROM_CPU, TO_SNIFFER, FORWARD };
static const struct dec_tok modes[] = {
	{ TO_CPU, "To CPU" }, { FROM_CPU, "From CPU" }, { TO_SNIFFER, "To Sniffer" }, { FORWARD, "Forward" }, { 0, NULL },
};
static const struct dec_tok codes[] = {
	{ 0, "BPDU (MGMT) Trap" }, { 1, "Frame2Reg" }, { 2, "IGMP/MLD Trap" }, { 3, "Policy Trap" },
	{ 4, "ARP Mirror" }, { 5, "Policy Mirror" }, { 0, NULL },
};

/* The 4 bytes DSA and EDSA share. */
static void marvell(struct dec_ctx *d, const uint8_t *t)
{
	unsigned mode = t[0] >> 6, tagged = t[0] >> 5 & 1, dev = t[0] & 0x1f, port = t[1] >> 3;
	unsigned trunk = t[1] >> 2 & 1, vid = (t[2] & 0xf) << 8 | t[3];
	if (d->o.eflag) {
		dec_printf(d, "mode %s, ", dec_tok(modes, mode, "unknown"));
		if (mode == FORWARD)
			dec_printf(d, "dev %u, %s %u, ", dev, trunk ? "trunk" : "port", port);
		else if (mode == FROM_CPU)
			dec_printf(d, "target dev %u, port %u, ", dev, port);
		else if (mode == TO_CPU)
			dec_printf(d, "source dev %u, port %u, code %s, ", dev, port,
				   dec_tok(codes, (t[1] >> 1 & 3) << 1 | (t[2] >> 4 & 1), "reserved"));
		else
			dec_printf(d, "source dev %u, port %u, %s sniffer, ", dev, port, trunk ? "rx" : "tx");
		dec_printf(d, "%s, VID %u, FPri %u, ", tagged ? "tagged" : "untagged", vid, t[2] >> 5);
		return;
	}
	if (mode == FORWARD)
		dec_printf(d, "Forward %s %u.%u, ", trunk ? "trunk" : "port", dev, port);
	else if (mode == FROM_CPU)
		dec_printf(d, "CPU > port %u.%u, ", dev, port);
	else if (mode == TO_CPU)
		dec_printf(d, "port %u.%u > CPU, ", dev, port);
	else
		dec_printf(d, "port %u.%u > %s Sniffer, ", dev, port, trunk ? "Rx" : "Tx");
	dec_printf(d, "VLAN %u%c, ", vid, tagged ? 't' : 'u');
}

static void dsa(struct dec_ctx *d, const uint8_t *t)
{
	dec_printf(d, "%s", d->o.eflag ? "Marvell DSA " : "DSA ");
	marvell(d, t);
}

static void edsa(struct dec_ctx *d, const uint8_t *t)
{
	unsigned et = dec_get_be16(t);
	if (d->o.eflag)
		dec_printf(d, "Marvell EDSA ethertype 0x%04x (%s), rsvd %u %u, ", et, dec_ethertype_name(et), t[2], t[3]);
	else
		dec_printf(d, "EDSA 0x%04x, ", et);
	marvell(d, t + 4);
}

int dec_link_brcm(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	static const struct dec_swtag tag = { "brcm-tag", 4, brcm };
	return dec_ether_tagged(d, p, len, &tag);
}

int dec_link_dsa(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	static const struct dec_swtag tag = { "dsa", 4, dsa };
	return dec_ether_tagged(d, p, len, &tag);
}

int dec_link_edsa(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	static const struct dec_swtag tag = { "edsa", 8, edsa };
	return dec_ether_tagged(d, p, len, &tag);
}
