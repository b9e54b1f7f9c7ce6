/* lspping.c: MPLS LSP Ping (RFC 8029, UDP port 3503) as tcpdump 4.99
 * prints it:
 *
 *   LSP-PINGv1, MPLS Echo Reply, seq 1, length: 32                (no -v)
 *   \n\tLSP-PINGv1, msg-type: ... (2), length: 32\n\t  reply-mode: ...
 *   (-v: the header's fields, the two NTP timestamps, then the TLVs:
 *   the Target FEC Stack's sub-TLVs, the Downstream Mapping's addresses,
 *   the BFD discriminator and vendor number; the rest in hex)
 *
 * -vv adds the hex of every TLV and sub-TLV after its text.  A length
 * past the message ends the line with "packet is too short"; one past
 * the capture with " [|lspping]" (tcpdump checks each TLV whole before
 * printing its body). */
#include "decode/dec.h"

#define LSP_HDR 32 /* the common header */
#define LSP_TLV 4  /* a TLV or sub-TLV header */

enum {
	TLV_FEC = 1, TLV_DSMAP = 2, TLV_VENDOR = 5, TLV_BFD = 15,
	AFI_IPV4 = 1, AFI_IPV4_UNMB = 2, AFI_IPV6 = 3, AFI_IPV6_UNMB = 4,
};

static const struct dec_tok msg_types[] = { { 1, "MPLS Echo Request" }, { 2, "MPLS Echo Reply" }, { 0, NULL } };
static const struct dec_tok reply_modes[] = {
	{ 1, "Do not reply" }, { 2, "Reply via an IPv4/IPv6 UDP packet" },
	{ 3, "Reply via an IPv4/IPv6 UDP packet with Router Alert" },
	{ 4, "Reply via application level control channel" }, { 0, NULL },
};
static const struct dec_tok return_codes[] = {
	{ 0, "No return code or return code contained in the Error Code TLV" },
	{ 1, "Malformed echo request received" }, { 2, "One or more of the TLVs was not understood" },
	{ 3, "Replying router is an egress for the FEC at stack depth" },
	{ 4, "Replying router has no mapping for the FEC at stack depth" }, { 5, "Reserved" },
	{ 6, "Reserved" }, { 7, "Reserved" }, { 8, "Label switched at stack-depth" },
	{ 9, "Label switched but no MPLS forwarding at stack-depth" },
	{ 10, "Mapping for this FEC is not the given label at stack depth" },
	{ 11, "No label entry at stack-depth" },
	{ 12, "Protocol not associated with interface at FEC stack depth" },
	{ 13, "Premature termination of ping due to label stack shrinking to a single label" }, { 0, NULL },
};
static const struct dec_tok tlv_names[] = {
	{ TLV_FEC, "Target FEC Stack" }, { TLV_DSMAP, "Downstream Mapping" }, { 3, "Pad" }, { 9, "Error Code" },
	{ TLV_VENDOR, "Vendor Enterprise Code" }, { 7, "Interface Label Stack" }, { 10, "Reply TOS Byte" },
	{ TLV_BFD, "BFD Discriminator" }, { 0xfc00, "Vendor Private Code" }, { 0, NULL },
};
static const struct dec_tok subtlv_names[] = {
	{ 1, "LDP IPv4 prefix" }, { 2, "LDP IPv6 prefix" }, { 3, "RSVP IPv4 Session Query" },
	{ 4, "RSVP IPv6 Session Query" }, { 5, "Reserved" }, { 6, "VPN IPv4 prefix" }, { 7, "VPN IPv6 prefix" },
	{ 8, "L2 VPN endpoint" }, { 9, "FEC 128 pseudowire (old)" }, { 10, "FEC 128 pseudowire" },
	{ 12, "BGP labeled IPv4 prefix" }, { 13, "BGP labeled IPv6 prefix" }, { 0, NULL },
};
static const struct dec_tok dsmap_afis[] = {
	{ AFI_IPV4, "IPv4" }, { AFI_IPV4_UNMB, "Unnumbered IPv4" }, { AFI_IPV6, "IPv6" }, { AFI_IPV6_UNMB, "IPv6" },
	{ 0, NULL },
};

/* A route distinguisher (RFC 4364) as tcpdump's bgp_vpn_rd_print. */
static void print_rd(struct dec_ctx *d, const uint8_t *p)
{
	switch (dec_be16(d, p)) {
	case 0:
		dec_printf(d, "%u:%u (= %u.%u.%u.%u)", dec_be16(d, p + 2), dec_be32(d, p + 4), p[4], p[5], p[6], p[7]);
		break;
	case 1:
		dec_printf(d, "%u.%u.%u.%u:%u", p[2], p[3], p[4], p[5], dec_be16(d, p + 6));
		break;
	case 2:
		dec_printf(d, "%u:%u (%u.%u.%u.%u:%u)", dec_be32(d, p + 2), dec_be16(d, p + 6), p[2], p[3], p[4], p[5],
			   dec_be16(d, p + 6));
		break;
	default:
		dec_printf(d, "unknown RD format");
	}
}

static void addr(struct dec_ctx *d, int v6, const uint8_t *p)
{
	if (v6)
		dec_ip6addr(d, p);
	else
		dec_ip4addr(d, p);
}

/* A Target FEC sub-TLV's body of n bytes at p: 0, or 1 when tcpdump
 * found its length wrong or does not know it (its hex follows). */
static int print_fec(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned n)
{
	/* the length each known sub-TLV must have */
	static const unsigned want[14] = { 0, 5, 17, 20, 56, 0, 13, 25, 14, 10, 14, 0, 5, 17 };
	if (type >= 14 || !want[type])
		return 1;
	if (n != want[type]) {
		dec_printf(d, "\n\t      invalid subTLV length, should be %u", want[type]);
		return 1;
	}
	int v6 = type == 2 || type == 4 || type == 7 || type == 13;
	size_t a = v6 ? 16 : 4;
	switch (type) {
	case 1: case 2: case 12: case 13: /* LDP and BGP prefixes */
		dec_printf(d, "\n\t      ");
		addr(d, v6, p);
		dec_printf(d, "/%u", p[a]);
		break;
	case 3: case 4: /* RSVP: end point, tunnel id, extended id, sender, LSP id */
		dec_printf(d, "\n\t      tunnel end-point ");
		addr(d, v6, p);
		dec_printf(d, ", tunnel sender ");
		addr(d, v6, p + 2 * a + 4);
		dec_printf(d, ", lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id ",
			   dec_get_be16(p + 3 * a + 6), dec_get_be16(p + a + 2));
		addr(d, v6, p + a + 4);
		break;
	case 6: case 7: /* VPN prefixes */
		dec_printf(d, "\n\t      RD: ");
		print_rd(d, p);
		dec_printf(d, ", ");
		addr(d, v6, p + 8);
		dec_printf(d, "/%u", p[8 + a]);
		break;
	case 8:
		dec_printf(d, "\n\t      RD: ");
		print_rd(d, p);
		dec_printf(d, ", Sender VE ID: %u, Receiver VE ID: %u\n\t      Encapsulation Type: %s (%u)",
			   dec_get_be16(p + 8), dec_get_be16(p + 10), dec_pw_type(dec_get_be16(p + 12), "unknown"),
			   dec_get_be16(p + 12));
		break;
	case 9: case 10: /* FEC 128 (old: no sender) */
		dec_printf(d, "\n\t      ");
		if (type == 10) {
			dec_printf(d, "Sender PE: ");
			dec_ip4addr(d, p);
			dec_printf(d, ", ");
			p += 4;
		}
		dec_printf(d, "Remote PE: ");
		dec_ip4addr(d, p);
		dec_printf(d, "\n\t      PW ID: 0x%08x, PW Type: %s (%u)", dec_get_be32(p + 4),
			   dec_pw_type(dec_get_be16(p + 8), "unknown"), dec_get_be16(p + 8));
		break;
	}
	return 0;
}

/* The Target FEC Stack's sub-TLVs, n bytes at p: -1 when tcpdump
 * returns, else 1 when the TLV is too short (hex follows), else 0. */
static int print_fec_stack(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	while (n) {
		if (n < LSP_TLV) {
			dec_printf(d, "\n\t      TLV is too short");
			return 1;
		}
		unsigned type = dec_be16(d, p), len = dec_be16(d, p + 2);
		if (n < len + LSP_TLV) {
			dec_printf(d, "\n\t      TLV is too short");
			return 1;
		}
		dec_need(d, p + LSP_TLV, len);
		dec_printf(d, "\n\t    %s subTLV (%u), length: %u", dec_tok(subtlv_names, type, "Unknown"), type, len);
		if (print_fec(d, type, p + LSP_TLV, len) || d->o.vflag > 1)
			dec_hexlines(d, "\n\t      ", p + LSP_TLV, len);
		if (len % 4) {
			len += 4 - len % 4;
			if (n < len + LSP_TLV) {
				dec_printf(d, "\n\t\t TLV is too short");
				return -1;
			}
		}
		/* tcpdump steps over the body only, not the header: the next
		 * sub-TLV is read 4 bytes early (and the count still drops by
		 * both) */
		p += len;
		n -= len + LSP_TLV;
	}
	return 0;
}

/* The Downstream Mapping: 1 (its hex follows, always: tcpdump prints
 * only the addresses). */
static int print_dsmap(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	if (n < 4) {
		dec_printf(d, "\n\t      TLV is too short");
		return 1;
	}
	dec_need(d, p, 4);
	unsigned afi = p[2];
	dec_printf(d, "\n\t    MTU: %u, Address-Type: %s (%u)", dec_get_be16(p), dec_tok(dsmap_afis, afi, "unknown"),
		   afi);
	size_t need = 0; /* the bytes before the multipath part: none for an
			    unknown address type, which tcpdump does not skip */
	if (afi >= AFI_IPV4 && afi <= AFI_IPV6_UNMB) {
		int v6 = afi >= AFI_IPV6, unmb = afi == AFI_IPV4_UNMB || afi == AFI_IPV6_UNMB;
		size_t a = v6 ? 16 : 4;
		need = 4 + a + (unmb ? 4 : a);
		if (n < need) {
			dec_printf(d, "\n\t      TLV is too short");
			return 1;
		}
		dec_need(d, p, need);
		dec_printf(d, "\n\t    Downstream IP: ");
		addr(d, v6, p + 4);
		if (unmb) {
			dec_printf(d, "\n\t    Downstream Interface Index: 0x%08x", dec_get_be32(p + 4 + a));
		} else {
			dec_printf(d, "\n\t    Downstream Interface IP: ");
			addr(d, v6, p + 4 + a);
		}
	}
	if (n < need + 4)
		dec_printf(d, "\n\t      TLV is too short");
	else
		dec_need(d, p + need, 4);
	return 1;
}

/* One TLV's body (n bytes at p, all captured): as print_fec_stack. */
static int print_tlv(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned n)
{
	switch (type) {
	case TLV_FEC:
		return print_fec_stack(d, p, n);
	case TLV_DSMAP:
		return print_dsmap(d, p, n);
	case TLV_BFD:
		if (n < 4) {
			dec_printf(d, "\n\t      TLV is too short");
			return 1;
		}
		dec_printf(d, "\n\t    BFD Discriminator 0x%08x", dec_be32(d, p));
		return 0;
	case TLV_VENDOR:
		if (n < 4) {
			dec_printf(d, "\n\t      TLV is too short");
			return 1;
		}
		dec_printf(d, "\n\t    Vendor: %s (0x%04x)", dec_tok(dec_smi_vendors, dec_be32(d, p), "Unknown"),
			   dec_be32(d, p));
		return 0;
	default:
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t    ", p, n);
		return 0;
	}
}

/* -v: the header's fields (all captured). */
static void print_header(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	unsigned code = p[6], sub = p[7];
	dec_printf(d, "\n\tLSP-PINGv%u, msg-type: %s (%u), length: %zu\n\t  reply-mode: %s (%u)", dec_get_be16(p),
		   dec_tok(msg_types, p[4], "unknown"), p[4], len, dec_tok(reply_modes, p[5], "unknown"), p[5]);
	/* these codes take the subcode (the stack depth) after their text */
	int depth = code == 3 || code == 4 || code == 8 || code == 10 || code == 11 || code == 12;
	dec_printf(d, "\n\t  Return Code: %s", dec_tok(return_codes, code, "unknown"));
	if (depth)
		dec_printf(d, " %u", sub);
	dec_printf(d, " (%u)\n\t  Return Subcode: (%u)", code, sub);
	dec_printf(d, "\n\t  Sender Handle: 0x%08x, Sequence: %u", dec_get_be32(p + 8), dec_get_be32(p + 12));
	dec_printf(d, "\n\t  Sender Timestamp: ");
	dec_ntp_time(d, p + 16);
	dec_printf(d, " Receiver Timestamp: ");
	if (dec_get_be32(p + 24) || dec_get_be32(p + 28))
		dec_ntp_time(d, p + 24);
	else
		dec_printf(d, "no timestamp");
}

void dec_lspping(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "lspping";
	if (len < LSP_HDR)
		goto tooshort;
	dec_need(d, p, LSP_HDR);
	if (dec_get_be16(p) != 1) {
		dec_printf(d, "LSP-PING version %u packet not supported", dec_get_be16(p));
		return;
	}
	if (!d->o.vflag) {
		dec_printf(d, "LSP-PINGv1, ");
		dec_tokf(d, msg_types, p[4], "unknown (%u)");
		dec_printf(d, ", seq %u, length: %zu", dec_get_be32(p + 12), len);
		return;
	}
	print_header(d, p, len);
	size_t n = len - LSP_HDR;
	p += LSP_HDR;
	while (n) {
		if (n < LSP_TLV)
			goto tooshort;
		unsigned type = dec_be16(d, p), tlen = dec_be16(d, p + 2);
		dec_printf(d, "\n\t  %s TLV (%u), length: %u", dec_tok(tlv_names, type, "Unknown"), type, tlen);
		if (tlen == 0) {
			p += LSP_TLV, n -= LSP_TLV;
			continue;
		}
		if (n < tlen + LSP_TLV)
			goto tooshort;
		dec_need(d, p + LSP_TLV, tlen);
		int hex = print_tlv(d, type, p + LSP_TLV, tlen);
		if (hex < 0)
			return;
		if (d->o.vflag > 1 || hex)
			dec_hexlines(d, "\n\t    ", p + LSP_TLV, tlen);
		if (tlen % 4) {
			tlen += 4 - tlen % 4;
			if (n < tlen + LSP_TLV)
				goto tooshort;
		}
		p += tlen + LSP_TLV;
		n -= tlen + LSP_TLV;
	}
	return;
tooshort:
	dec_printf(d, "\n\t\t packet is too short");
}
