/* ldp.c: LDP (RFC 5036; UDP and TCP port 646) as tcpdump 4.99 prints it:
 *
 *   LDP, Label-Space-ID: 10.0.0.1:0, pdu-length: 38          (no -v)
 *
 * Without -v only the first PDU's header line; with -v each PDU, its
 * messages and the TLVs tcpdump 4.99 decodes (hello, session, address,
 * FEC with prefixes and Martini VCs, labels, status, ...; the others in
 * hex), with -vv each message's bytes in hex too.  A header or message not
 * captured jumps out (" [|ldp]"). */
#include <arpa/inet.h>

#include "decode/dec.h"

#define LDP_HDR_LEN 10             /* version, PDU length, LSR id, label space */
#define LDP_MSG_HDR_LEN 8          /* type, length, message id */
#define LDP_VERSION 1

enum {
	LDP_MSG_NOTIF = 0x0001, LDP_MSG_HELLO = 0x0100, LDP_MSG_INIT = 0x0200, LDP_MSG_KEEPALIVE = 0x0201,
	LDP_MSG_ADDRESS = 0x0300, LDP_MSG_ADDRESS_WITHDRAW = 0x0301, LDP_MSG_LABEL_MAPPING = 0x0400,
	LDP_MSG_LABEL_REQUEST = 0x0401, LDP_MSG_LABEL_WITHDRAW = 0x0402, LDP_MSG_LABEL_RELEASE = 0x0403,
	LDP_MSG_LABEL_ABORT_REQUEST = 0x0404,
};
static const struct dec_tok ldp_msgs[] = {
	{ LDP_MSG_NOTIF, "Notification" }, { LDP_MSG_HELLO, "Hello" }, { LDP_MSG_INIT, "Initialization" },
	{ LDP_MSG_KEEPALIVE, "Keepalive" }, { LDP_MSG_ADDRESS, "Address" },
	{ LDP_MSG_ADDRESS_WITHDRAW, "Address Withdraw" }, { LDP_MSG_LABEL_MAPPING, "Label Mapping" },
	{ LDP_MSG_LABEL_REQUEST, "Label Request" }, { LDP_MSG_LABEL_WITHDRAW, "Label Withdraw" },
	{ LDP_MSG_LABEL_RELEASE, "Label Release" }, { LDP_MSG_LABEL_ABORT_REQUEST, "Label Abort Request" },
	{ 0, NULL },
};

enum {
	TLV_FEC = 0x0100, TLV_ADDRESS_LIST = 0x0101, TLV_HOP_COUNT = 0x0103, TLV_PATH_VECTOR = 0x0104,
	TLV_GENERIC_LABEL = 0x0200, TLV_STATUS = 0x0300, TLV_COMMON_HELLO = 0x0400,
	TLV_IPV4_TRANSPORT_ADDR = 0x0401, TLV_CONFIG_SEQ_NUMBER = 0x0402, TLV_IPV6_TRANSPORT_ADDR = 0x0403,
	TLV_COMMON_SESSION = 0x0500, TLV_FT_SESSION = 0x0503, TLV_MTU = 0x0601,
};
static const struct dec_tok ldp_tlvs[] = {
	{ TLV_FEC, "FEC" }, { TLV_ADDRESS_LIST, "Address List" }, { TLV_HOP_COUNT, "Hop Count" },
	{ TLV_PATH_VECTOR, "Path Vector" }, { TLV_GENERIC_LABEL, "Generic Label" }, { 0x0201, "ATM Label" },
	{ 0x0202, "Frame-Relay Label" }, { TLV_STATUS, "Status" }, { 0x0301, "Extended Status" },
	{ 0x0302, "Returned PDU" }, { 0x0303, "Returned Message" }, { TLV_COMMON_HELLO, "Common Hello Parameters" },
	{ TLV_IPV4_TRANSPORT_ADDR, "IPv4 Transport Address" },
	{ TLV_CONFIG_SEQ_NUMBER, "Configuration Sequence Number" },
	{ TLV_IPV6_TRANSPORT_ADDR, "IPv6 Transport Address" }, { TLV_COMMON_SESSION, "Common Session Parameters" },
	{ 0x0501, "ATM Session Parameters" }, { 0x0502, "Frame-Relay Session Parameters" },
	{ TLV_FT_SESSION, "Fault-Tolerant Session Parameters" }, { 0x0600, "Label Request Message ID" },
	{ TLV_MTU, "MTU" }, { 0, NULL },
};
enum { FEC_WILDCARD = 1, FEC_PREFIX = 2, FEC_HOSTADDRESS = 3, FEC_MARTINI_VC = 0x80 };
static const struct dec_tok fec_types[] = {
	{ FEC_WILDCARD, "Wildcard" }, { FEC_PREFIX, "Prefix" }, { FEC_HOSTADDRESS, "Host address" },
	{ FEC_MARTINI_VC, "Martini VC" }, { 0, NULL },
};
/* Address family numbers (IANA; tcpdump's af_values): 0-15 by index */
enum { AFNUM_IP = 1, AFNUM_IP6 = 2, AFNUM_VPLS = 25, AFNUM_L2VPN = 196 };
static const char *const afnums[16] = {
	"Reserved", "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69", "X.121",
	"Novell IPX", "Appletalk", "Decnet IV", "Banyan Vines",
	"E.164 with NSAP subaddress",
};
/* MPLS pseudowire types (RFC 4446): 0-0x19 by index, and 0x40 */
#define PW_IP_INTERWORKING 0x40
static const char *const pw_types[0x1a] = {
	"Reserved", "Frame Relay DLCI (Martini Mode)", "ATM AAL5 SDU VCC transport", "ATM transparent cell transport",
	"Ethernet VLAN", "Ethernet", "Cisco-HDLC", "PPP",
	"SONET/SDH Circuit Emulation Service over MPLS",
	"ATM n-to-one VCC cell transport", "ATM n-to-one VPC cell transport", "IP Layer2 Transport",
	"ATM one-to-one VCC Cell Mode", "ATM one-to-one VPC Cell Mode", "ATM AAL5 PDU VCC transport",
	"Frame-Relay Port mode", "SONET/SDH Circuit Emulation over Packet", "Structure-agnostic E1 over Packet",
	"Structure-agnostic T1 (DS1) over Packet", "Structure-agnostic E3 over Packet",
	"Structure-agnostic T3 (DS3) over Packet", "CESoPSN basic mode", "TDMoIP basic mode",
	"CESoPSN TDM with CAS", "TDMoIP TDM with CAS", "Frame Relay DLCI",
};

const char *dec_pw_type(unsigned t, const char *dflt)
{
	return t < sizeof pw_types / sizeof pw_types[0] ? pw_types[t] : t == PW_IP_INTERWORKING ? "IP-interworking"
												 : dflt;
}

enum { IFPARM_MTU = 0x01, IFPARM_DESC = 0x03, IFPARM_VCCV = 0x0c };
static const struct dec_tok ifparms[] = {
	{ IFPARM_MTU, "MTU" }, { IFPARM_DESC, "Description" }, { IFPARM_VCCV, "VCCV" }, { 0, NULL },
};
static const struct dec_tok vccv_cc[] = {
	{ 0x01, "PWE3 control word" }, { 0x02, "MPLS Router Alert Label" }, { 0x04, "MPLS inner label TTL = 1" },
	{ 0, NULL },
};
static const struct dec_tok vccv_cv[] = { { 0x01, "ICMP Ping" }, { 0x02, "LSP Ping" }, { 0x04, "BFD" }, { 0, NULL } };

/* " [tlv length N < MIN] (invalid)" when the value is shorter than min */
static int too_short(struct dec_ctx *d, unsigned tlen, unsigned min)
{
	if (tlen >= min)
		return 0;
	dec_printf(d, " [tlv length %u < %u] (invalid)", tlen, min);
	return 1;
}

/* decode_prefix4/6: a prefix length and as many address bytes; its
 * length, or -1 (length past the address), -2 (not captured), -3 (past
 * the TLV). */
static int print_prefix(struct dec_ctx *d, const uint8_t *p, unsigned tlen, int v6)
{
	unsigned bits = v6 ? 128 : 32;
	if (!dec_has(d, p, 1))
		return -2;
	if (tlen < 1)
		return -3;
	unsigned plen = p[0];
	if (plen > bits)
		return -1;
	unsigned n = (plen + 7) / 8;
	if (!dec_has(d, p + 1, n))
		return -2;
	if (tlen - 1 < n)
		return -3;
	uint8_t a[16] = { 0 };
	for (unsigned i = 0; i < n; i++)
		a[i] = p[1 + i];
	if (plen % 8)
		a[n - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	dec_printf(d, ": %s prefix ", v6 ? "IPv6" : "IPv4");
	const char *name = v6 ? dec_host6(d, a) : dec_host4(d, a);
	char buf[INET6_ADDRSTRLEN];
	dec_printf(d, "%s/%u", name ? name : inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, sizeof buf), plen);
	return (int)(1 + n);
}

/* The interface parameters of a Martini VC FEC. */
static void print_ifparms(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	while (n > 2) {
		unsigned type = dec_u8(d, p), len = dec_u8(d, p + 1);
		if (len < 2 || n < len)
			break;
		dec_printf(d, "\n\t\tInterface Parameter: %s (0x%02x), len %u", dec_tok(ifparms, type, "Unknown"), type,
			   len);
		switch (type) {
		case IFPARM_MTU:
			dec_printf(d, ": %u", dec_be16(d, p + 2));
			break;
		case IFPARM_DESC:
			dec_printf(d, ": ");
			for (unsigned i = 2; i < len; i++)
				dec_putc_safe(d, dec_u8(d, p + i));
			break;
		case IFPARM_VCCV:
			dec_printf(d, "\n\t\t  Control Channels (0x%02x) = [", dec_u8(d, p + 2));
			dec_bits(d, vccv_cc, p[2], "none");
			dec_printf(d, "]\n\t\t  CV Types (0x%02x) = [", dec_u8(d, p + 3));
			dec_bits(d, vccv_cv, p[3], "none");
			dec_printf(d, "]");
			break;
		default:
			dec_hexlines(d, "\n\t\t  ", p + 2, len - 2);
			break;
		}
		n -= len;
		p += len;
	}
}

static void print_fec(struct dec_ctx *d, const uint8_t *p, unsigned tlen)
{
	if (too_short(d, tlen, 1))
		return;
	unsigned type = dec_u8(d, p);
	dec_printf(d, "\n\t      %s FEC (0x%02x)", dec_tok(fec_types, type, "Unknown"), type);
	p++, tlen--;
	if (type == FEC_PREFIX) {
		if (too_short(d, tlen, 2))
			return;
		unsigned af = dec_be16(d, p);
		if (af != AFNUM_IP && af != AFNUM_IP6) {
			dec_printf(d, ": Address family %u prefix", af);
			return;
		}
		int i = print_prefix(d, p + 2, tlen - 2, af == AFNUM_IP6);
		if (i == -2 || i == -3) /* tcpdump 4.99 jumps out for both */
			dec_trunc(d);
		if (i == -1)
			dec_printf(d, ": %s prefix (invalid length)", af == AFNUM_IP6 ? "IPv6" : "IPv4");
	} else if (type == FEC_MARTINI_VC) {
		if (too_short(d, tlen, 7))
			return;
		unsigned pw = dec_be16(d, p), info = dec_u8(d, p + 2);
		const char *pwname = dec_pw_type(pw & 0x7fff, "Unknown"), *cw = (pw & 0x8000) ? "" : "no ";
		if (info == 0) { /* RFC 4908: not even a VC ID */
			dec_printf(d, ": %s, %scontrol word, group-ID %u, VC-info-length: %u", pwname, cw,
				   dec_be32(d, p + 3), info);
			return;
		}
		if (too_short(d, tlen, 11))
			return;
		dec_printf(d, ": %s, %scontrol word, group-ID %u, VC-ID %u, VC-info-length: %u", pwname, cw,
			   dec_be32(d, p + 3), dec_be32(d, p + 7), info);
		if (info < 4) {
			dec_printf(d, " (invalid, < 4");
			return;
		}
		if (too_short(d, tlen - 11, info - 4))
			return;
		print_ifparms(d, p + 11, info - 4);
	}
}

/* One TLV at p of a message with tlen bytes left: its length on the
 * wire, 0 when it runs past the message. */
static unsigned print_tlv(struct dec_ctx *d, const uint8_t *p, unsigned msg_tlen)
{
	dec_need(d, p, 4);
	unsigned raw = dec_get_be16(p), len = dec_get_be16(p + 2), type = raw & 0x3fff;
	if (len + 4 > msg_tlen) {
		dec_printf(d, "\n\t\t TLV contents go past end of message");
		return 0;
	}
	dec_printf(d, "\n\t    %s TLV (0x%04x), length: %u, Flags: [%s and %s forward if unknown]",
		   dec_tok(ldp_tlvs, type, "Unknown"), type, len, (raw & 0x8000) ? "continue processing" : "ignore",
		   (raw & 0x4000) ? "do" : "don't");
	p += 4;
	unsigned v, n;
	switch (type) {
	case TLV_COMMON_HELLO:
		if (too_short(d, len, 4))
			break;
		v = dec_be16(d, p + 2);
		dec_printf(d, "\n\t      Hold Time: %us, Flags: [%s Hello%s]", dec_be16(d, p),
			   (v & 0x8000) ? "Targeted" : "Link", (v & 0x4000) ? ", Request for targeted Hellos" : "");
		break;
	case TLV_IPV4_TRANSPORT_ADDR:
	case TLV_IPV6_TRANSPORT_ADDR:
		n = type == TLV_IPV4_TRANSPORT_ADDR ? 4 : 16;
		if (too_short(d, len, n))
			break;
		dec_need(d, p, n);
		dec_printf(d, "\n\t      IPv%c Transport Address: ", n == 4 ? '4' : '6');
		(n == 4 ? dec_ip4addr : dec_ip6addr)(d, p);
		break;
	case TLV_CONFIG_SEQ_NUMBER:
		if (!too_short(d, len, 4))
			dec_printf(d, "\n\t      Sequence Number: %u", dec_be32(d, p));
		break;
	case TLV_ADDRESS_LIST:
		if (too_short(d, len, 2))
			break;
		v = dec_be16(d, p);
		dec_printf(d, "\n\t      Address Family: ");
		if (v < sizeof afnums / sizeof afnums[0])
			dec_printf(d, "%s", afnums[v]);
		else if (v == AFNUM_VPLS || v == AFNUM_L2VPN)
			dec_printf(d, "%s", v == AFNUM_VPLS ? "VPLS" : "Layer-2 VPN");
		else
			dec_printf(d, "Unknown (%u)", v);
		dec_printf(d, ", addresses");
		n = v == AFNUM_IP ? 4 : v == AFNUM_IP6 ? 16 : 0;
		for (unsigned i = 2; n && len - i >= n; i += n) {
			dec_need(d, p + i, n);
			dec_printf(d, " ");
			(n == 4 ? dec_ip4addr : dec_ip6addr)(d, p + i);
		}
		break;
	case TLV_COMMON_SESSION:
		if (too_short(d, len, 8))
			break;
		v = dec_be16(d, p + 6); /* tcpdump 4.99 reads the flags two bytes late */
		dec_printf(d, "\n\t      Version: %u, Keepalive: %us, Flags: [Downstream %s, Loop Detection %s]",
			   dec_be16(d, p), dec_be16(d, p + 2), (v & 0x8000) ? "On Demand" : "Unsolicited",
			   (v & 0x4000) ? "Enabled" : "Disabled");
		break;
	case TLV_FEC:
		print_fec(d, p, len);
		break;
	case TLV_GENERIC_LABEL:
		if (!too_short(d, len, 4))
			dec_printf(d, "\n\t      Label: %u", dec_be32(d, p) & 0xfffff);
		break;
	case TLV_STATUS:
		if (too_short(d, len, 8))
			break;
		v = dec_be32(d, p);
		dec_printf(d, "\n\t      Status: 0x%02x, Flags: [%s and %s forward]", v & 0x3fffffff,
			   (v & 0x80000000u) ? "Fatal error" : "Advisory Notification", (v & 0x40000000) ? "do" : "don't");
		if ((v = dec_be32(d, p + 4)) != 0)
			dec_printf(d, ", causing Message ID: 0x%08x", v);
		break;
	case TLV_FT_SESSION:
		if (too_short(d, len, 12))
			break;
		v = dec_be16(d, p);
		dec_printf(d, "\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, "
			   "%sRe-Learn State]", (v & 0x8000) ? "" : "No ", (v & 0x8) ? "" : "Don't ",
			   (v & 0x4) ? "" : "No ", (v & 0x2) ? "Sequence Numbered Label" : "All Labels",
			   (v & 0x1) ? "" : "Don't ");
		if ((v = dec_be32(d, p + 4)) != 0)
			dec_printf(d, ", Reconnect Timeout: %ums", v);
		if ((v = dec_be32(d, p + 8)) != 0)
			dec_printf(d, ", Recovery Time: %ums", v);
		break;
	case TLV_MTU:
		if (!too_short(d, len, 2))
			dec_printf(d, "\n\t      MTU: %u", dec_be16(d, p));
		break;
	default: /* including the defined ones tcpdump 4.99 has no decoder for */
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t      ", p, len);
		break;
	}
	return len + 4;
}

/* The messages tcpdump 4.99 decodes the TLVs of */
static int decoded_msg(unsigned type)
{
	return type == LDP_MSG_NOTIF || type == LDP_MSG_HELLO || type == LDP_MSG_INIT || type == LDP_MSG_KEEPALIVE ||
	       type == LDP_MSG_ADDRESS || type == LDP_MSG_LABEL_MAPPING || type == LDP_MSG_ADDRESS_WITHDRAW ||
	       type == LDP_MSG_LABEL_WITHDRAW;
}

/* The messages of a PDU (-v); 0 after one too short. */
static int print_messages(struct dec_ctx *d, const uint8_t *p, uint16_t tlen)
{
	while (tlen != 0) {
		dec_need(d, p, LDP_MSG_HDR_LEN);
		unsigned raw = dec_get_be16(p), type = raw & 0x7fff, mlen = dec_get_be16(p + 2);
		const char *name = dec_tok(ldp_msgs, type, "Unknown");
		if (mlen < LDP_MSG_HDR_LEN - 4) {
			dec_printf(d, "\n\t  %s Message (0x%04x), length: %u (too short, < %u)", name, type, mlen,
				   LDP_MSG_HDR_LEN - 4);
			return 0;
		}
		dec_printf(d, "\n\t  %s Message (0x%04x), length: %u, Message ID: 0x%08x, Flags: [%s if unknown]", name,
			   type, mlen, dec_get_be32(p + 4), (raw & 0x8000) ? "continue processing" : "ignore");
		dec_need(d, p, mlen);
		const uint8_t *m = p + LDP_MSG_HDR_LEN;
		unsigned mtlen = mlen - (LDP_MSG_HDR_LEN - 4);
		if (decoded_msg(type)) {
			unsigned n;
			while (mtlen >= 4 && (n = print_tlv(d, m, mtlen)) != 0) {
				mtlen -= n;
				m += n;
			}
		} else if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t  ", m, mtlen);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t  ", p + LDP_MSG_HDR_LEN, mlen);
		p += mlen + 4;
		tlen = (uint16_t)(tlen - (mlen + 4));
	}
	return 1;
}

/* One PDU: its length on the wire, 0 when the printer stops. */
static unsigned print_pdu(struct dec_ctx *d, const uint8_t *p)
{
	const char *nl = d->o.vflag ? "\n\t" : "";
	dec_need(d, p, LDP_HDR_LEN);
	unsigned version = dec_get_be16(p), pdu_len = dec_get_be16(p + 2);
	if (version != LDP_VERSION) {
		dec_printf(d, "%sLDP version %u packet not supported", nl, version);
		return 0;
	}
	if (pdu_len < LDP_HDR_LEN - 4) {
		dec_printf(d, "%sLDP, pdu-length: %u (too short, < %u)", nl, pdu_len, LDP_HDR_LEN - 4);
		return 0;
	}
	dec_printf(d, "%sLDP, Label-Space-ID: ", nl);
	dec_ip4addr(d, p + 4);
	dec_printf(d, ":%u, pdu-length: %u", dec_get_be16(p + 8), pdu_len);
	if (!d->o.vflag)
		return 0;
	if (!print_messages(d, p + LDP_HDR_LEN, (uint16_t)(pdu_len - (LDP_HDR_LEN - 4))))
		return 0;
	return pdu_len + 4;
}

void dec_ldp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "ldp";
	while (len > LDP_HDR_LEN + LDP_MSG_HDR_LEN) {
		unsigned n = print_pdu(d, p);
		if (n == 0)
			return;
		if (len < n) {
			dec_printf(d, " [remaining length %zu < %u] (invalid)", len, n);
			return;
		}
		len -= n;
		p += n;
	}
}
