/* llc.c: the IEEE 802.2 LLC header of an 802.3 frame, as tcpdump prints
 * it: with -e "LLC, dsap NAME (0xNN) Individual, ssap NAME (0xNN)
 * Command, ctrl 0xNN: ", without -e the SAPs after the addresses; UI
 * frames of SNAP (snap.c), spanning tree, IP, IPX and OSI go on into
 * that protocol; otherwise the PDU (I: send and receive sequence
 * numbers, S: the command and receive sequence, U: the command, an XID's
 * 802.2 class and window), its flags and the 802.3 length, then
 * tcpdump's hex dump of I and U PDUs (not of S PDUs, nor of XIDs it
 * read).  Raw NetWare frames are IPX. */
#include "decode/dec.h"

/* U PDU commands, without the poll/final bit (0x10). */
static const struct dec_tok ucmds[] = {
	{ 0x03, "ui" }, { 0xe3, "test" }, { 0xaf, "xid" }, { 0x63, "ua" }, { 0x43, "disc" },
	{ 0x0f, "dm" }, { 0x6f, "sabme" }, { 0x87, "frmr" }, { 0, NULL },
};

#define XID_FI_8022 0x81 /* an XID's format identifier: IEEE 802.2's */

/* Protocol IDs under Cisco's OUI (tcpdump's cisco_values); fr.c's SNAP
 * names them too. */
const struct dec_tok dec_cisco_pids[] = {
	{ 0x2000, "CDP" }, { 0x2003, "VTP" }, { 0x2004, "DTP" }, { 0x0111, "UDLD" },
	{ 0x010b, "PVST" }, { 0x010c, "VLAN Bridge" }, { 0, NULL },
};

/* Flags: the SSAP's command/response bit with the PDU's poll/final bit. */
static const char *flags(unsigned ssap_field, unsigned pf)
{
	static const char *const f[] = { "Command", "Response", "Poll", "Final" };
	return f[(ssap_field & 1) | (pf ? 2 : 0)];
}

static const char *sap_name(unsigned sap, char *buf, size_t size, const char *unknown)
{
	const char *n = proto_name(&proto_saps, sap, PROTO_TCPDUMP);
	if (n)
		return n;
	snprintf(buf, size, "%s 0x%02x", unknown, sap);
	return buf;
}

/* 802.2 LLC header length (IEEE 802.2): U frames have a 1-byte control
 * field, I and S frames 2; a SNAP header (0xaa/0xaa) adds 5.  tcpdump
 * counts it as link header for -x. */
int dec_llc_hdrlen(struct dec_ctx *d, const uint8_t *q)
{
	if (!dec_has(d, q, 3))
		return 0;
	if (q[0] == 0xff && q[1] == 0xff)
		return 0; /* Novell "raw" 802.3 IPX: no LLC header */
	int n = (q[2] & 3) == 3 ? 3 : 4;
	if (q[0] == PROTO_SAP_SNAP && q[1] == PROTO_SAP_SNAP && n == 3)
		n += 5;
	return dec_has(d, q, (size_t)n) ? n : 0;
}

/* An XID's information field at p, n bytes long: 1 when tcpdump's
 * printer took it (nothing, or the 802.2 format's class and window), 0
 * when it is left to the dump. */
static int xid(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	if (n == 0)
		return 1; /* a short-form XID (SNA) */
	size_t cap = dec_avail(d, p, n);
	if (cap == 0 || (p[0] == XID_FI_8022 && (cap < 3 || n < 3))) {
		dec_printf(d, " [|llc]");
		dec_hexascii(d, p, cap);
		return 1;
	}
	if (p[0] != XID_FI_8022)
		return 0;
	dec_printf(d, ": %02x %02x", p[1], p[2]);
	return 1;
}

int dec_llc_addr(struct dec_ctx *d, const uint8_t *src, const uint8_t *dst, const uint8_t *q, size_t len)
{
	d->proto = "llc";
	if (!dec_has(d, q, 3) || ((q[2] & 3) != 3 && !dec_has(d, q, 4))) {
		/* cut short: the marker, then what there is, whatever the
		 * options (the whole rest counts as header for -x) */
		size_t n = dec_avail(d, q, len);
		dec_printf(d, " [|llc]");
		dec_hexascii(d, q, n);
		return (int)n;
	}
	dec_handoff(d, "llc");
	if (q[0] == 0xff && q[1] == 0xff)
		return dec_ipx_8023(d, q, len); /* raw NetWare (ipx.c) */
	unsigned dsap_f = q[0], ssap_f = q[1], dsap = dsap_f & ~1u, ssap = ssap_f & ~1u;
	int is_u = (q[2] & 3) == 3;
	unsigned ctrl = is_u ? q[2] : (unsigned)(q[2] | q[3] << 8);
	int hdr = is_u ? 3 : 4;
	if (d->o.eflag) {
		dec_printf(d, "LLC, dsap %s (0x%02x) %s, ssap %s (0x%02x) %s, ctrl 0x%0*x: ",
			   proto_name_or(&proto_saps, dsap, PROTO_TCPDUMP, "Unknown"), dsap, dsap_f & 1 ? "Group" : "Individual",
			   proto_name_or(&proto_saps, ssap, PROTO_TCPDUMP, "Unknown"), ssap, ssap_f & 1 ? "Response" : "Command",
			   is_u ? 2 : 4, ctrl);
	}
	if (ssap == dsap && dsap == PROTO_SAP_SNAP && ctrl == 0x03 && dec_has(d, q, 8)) {
		/* SNAP (RFC 1042): its printer (snap.c), else the addresses
		 * and the SNAP header, then the default dump */
		d->handoff = NULL;
		d->hdrlen = (int)(q + 8 - d->start); /* -x, when a printer returns cut short */
		if (dec_snap(d, src, dst, q + 3, len >= 3 ? len - 3 : 0, 2))
			return 8;
		if (!d->o.qflag)
			d->dump_from = q;
		return -8;
	}
	if (ssap == dsap && dsap == 0x42 && ctrl == 0x03) { /* spanning tree */
		d->handoff = NULL;
		dec_stp(d, q + 3, len >= 3 ? len - 3 : 0);
		return 3;
	}
	if (ssap == dsap && dsap == PROTO_SAP_SNAP && ctrl == 0x03 && !dec_has(d, q, 8)) {
		/* the SNAP header cut short: tcpdump's marker, and what there
		 * is counts as header (no dump) */
		d->handoff = NULL;
		dec_printf(d, " [|snap]");
		return (int)dec_avail(d, q, len);
	}
	if (ssap == dsap && dsap == PROTO_SAP_OSI && ctrl == 0x03) { /* decb: OSI (IS-IS) */
		d->handoff = NULL;
		dec_isoclns(d, q + 3, len >= 3 ? len - 3 : 0);
		return 3;
	}
	if (ssap == dsap && dsap == 0xe0 && ctrl == 0x03)
		return dec_ipx_8022(d, q, len); /* IPX (ipx.c) */
	d->handoff = NULL;
	if (ssap == dsap && dsap == PROTO_SAP_IP && ctrl == 0x03) { /* RFC 948's IP over 802.3 */
		d->hdrlen = (int)(q + 3 - d->start); /* -x, when IP returns cut short */
		dec_ip(d, q + 3, len >= 3 ? len - 3 : 0);
		return 3;
	}
	if (!d->o.eflag) { /* "SRC [SSAP] > DST DSAP ", the addresses only when
			     the frame has them (not in a cooked capture) */
		char a[24], b[24];
		if (dst)
			dec_mac(d, src);
		if (ssap != dsap)
			dec_printf(d, dst ? " %s" : "%s", sap_name(ssap, a, sizeof a, "Unknown SSAP"));
		if (dst || ssap != dsap)
			dec_printf(d, " > ");
		if (dst)
			dec_mac(d, dst);
		dec_printf(d, dst ? " %s " : "%s ", sap_name(dsap, b, sizeof b, "Unknown DSAP"));
	}
	if (is_u) {
		char c[8];
		snprintf(c, sizeof c, "%02x", ctrl & 0xef);
		dec_printf(d, "Unnumbered, %s, Flags [%s], length %zu", dec_tok(ucmds, ctrl & 0xef, c),
			   flags(ssap_f, ctrl & 0x10), len);
		if ((ctrl & 0xef) == 0xaf && xid(d, q + 3, len > 3 ? len - 3 : 0))
			return 3;
	} else if ((ctrl & 3) == 1) {
		static const char *const s[] = { "Receiver Ready", "Receiver not Ready", "Reject", "?" };
		dec_printf(d, "Supervisory, %s, rcv seq %u, Flags [%s], length %zu", s[ctrl >> 2 & 3],
			   ctrl >> 9 & 0x7f, flags(ssap_f, ctrl & 0x100), len);
		return hdr; /* no dump: tcpdump's printer "decoded" it */
	} else {
		dec_printf(d, "Information, send seq %u, rcv seq %u, Flags [%s], length %zu", ctrl >> 1 & 0x7f,
			   ctrl >> 9 & 0x7f, flags(ssap_f, ctrl & 0x100), len);
	}
	if (!d->o.qflag)
		d->dump_from = q;
	return -hdr;
}

int dec_llc(struct dec_ctx *d, const uint8_t *frame, const uint8_t *q, size_t len)
{
	return dec_llc_addr(d, frame ? frame + 6 : NULL, frame, q, len);
}
