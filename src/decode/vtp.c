/* vtp.c: Cisco's VLAN Trunking Protocol (SNAP, Cisco pid 0x2003) as
 * tcpdump 4.99 prints it: "VTPv2, Message Summary advertisement (0x01),
 * length N"; with -v the domain name and the message's fields: a summary's
 * revision, updater, timestamp and digest, a subset's VLANs with their
 * TLVs, a request's start value.  Without -v a message not all captured
 * ends " [|vtp]"; malformed lengths end " (invalid)". */
#include "decode/dec.h"

#define VTP_HDR 36
#define VLAN_FIXED 12

static const struct dec_tok vtp_msgs[] = {
	{ 1, "Summary advertisement" }, { 2, "Subset advertisement" }, { 3, "Advertisement request" },
	{ 4, "Join message" }, { 0, NULL },
};
/* what the header's third byte is, by message type 1-4 */
static const char *const vtp_hdr_fields[5] = { "Unknown", "Followers", "Seq number", "Rsvd", "Rsvd" };
static const struct dec_tok vlan_types[] = {
	{ 1, "Ethernet" }, { 2, "FDDI" }, { 3, "TrCRF" }, { 4, "FDDI-net" }, { 5, "TrBRF" }, { 0, NULL },
};
static const struct dec_tok vlan_status[] = { { 0, "Operational" }, { 1, "Suspended" }, { 0, NULL } };
static const struct dec_tok vlan_tlvs[] = {
	{ 1, "Source-Routing Ring Number TLV" }, { 2, "Source-Routing Bridge Number TLV" }, { 3, "STP type TLV" },
	{ 4, "Parent VLAN TLV" }, { 5, "Translationally bridged VLANs TLV" }, { 6, "Pruning TLV" },
	{ 7, "Bridge Type TLV" }, { 8, "Max ARP Hop Count TLV" }, { 9, "Max STE Hop Count TLV" },
	{ 10, "Backup CRF Mode TLV" }, { 0, NULL },
};
static const struct dec_tok stp_types[] = { { 1, "SRT" }, { 2, "SRB" }, { 3, "Auto" }, { 0, NULL } };

/* A VLAN's TLVs (p, len bytes): 0 when malformed. */
static int vlan_tlvs_print(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	while (len != 0) {
		if (len < 2)
			return 0;
		unsigned type = dec_u8(d, p), tlen = dec_u8(d, p + 1);
		dec_printf(d, "\n\t\t%s (0x%04x) TLV", dec_tok(vlan_tlvs, type, "Unknown"), type);
		if (len < tlen * 2 + 2) {
			dec_printf(d, " (TLV goes past the end of the packet)");
			return 0;
		}
		dec_need(d, p, tlen * 2 + 2);
		if (tlen != 1) {
			dec_printf(d, " (invalid TLV length %u != 1)", tlen);
			return 0;
		}
		unsigned v = dec_get_be16(p + 2);
		if (type == 9)
			dec_printf(d, ", %u", v);
		else if (type == 6)
			dec_printf(d, ", %s (%u)", v == 1 ? "Enabled" : "Disabled", v);
		else if (type == 3)
			dec_printf(d, ", %s (%u)", dec_tok(stp_types, v, "Unknown"), v);
		else if (type == 7)
			dec_printf(d, ", %s (%u)", v == 1 ? "SRB" : "SRT", v);
		else if (type == 10)
			dec_printf(d, ", %s (%u)", v == 1 ? "Backup" : "Not backup", v);
		else
			dec_hexlines(d, "\n\t\t  ", p, 2 + tlen * 2);
		len -= 2 + tlen * 2;
		p += 2 + tlen * 2;
	}
	return 1;
}

/* A subset advertisement's VLANs after the revision (p); 0 when malformed. */
static int subset(struct dec_ctx *d, const uint8_t *pptr, const uint8_t *p, unsigned length)
{
	while ((unsigned)(p - pptr) < length) {
		unsigned len = dec_u8(d, p);
		if (len == 0)
			break;
		dec_need(d, p, len);
		if (len < VLAN_FIXED)
			return 0;
		dec_printf(d, "\n\tVLAN info status %s, type %s, VLAN-id %u, MTU %u, SAID 0x%08x, Name ",
			   dec_tok(vlan_status, p[1], "Unknown"), dec_tok(vlan_types, p[2], "Unknown"), dec_get_be16(p + 4),
			   dec_get_be16(p + 6), dec_get_be32(p + 8));
		unsigned name = p[3], padded = 4 * ((name + 3) / 4);
		len -= VLAN_FIXED;
		p += VLAN_FIXED;
		if (len < padded)
			return 0;
		dec_text(d, p, name, DEC_TEXT_NUL);
		len -= padded;
		p += padded;
		if (!vlan_tlvs_print(d, p, len))
			return 0;
		p += len;
	}
	return 1;
}

void dec_vtp(struct dec_ctx *d, const uint8_t *p, size_t length)
{
	d->proto = "vtp";
	if (length < VTP_HDR) {
		dec_printf(d, " (invalid)");
		dec_need(d, p, length);
		return;
	}
	dec_need(d, p, VTP_HDR);
	unsigned type = p[1];
	dec_printf(d, "VTPv%u, Message %s (0x%02x), length %zu", p[0], dec_tok(vtp_msgs, type, "Unknown message type"),
		   type, length);
	if (d->o.vflag < 1) {
		dec_need(d, p, length);
		return;
	}
	dec_printf(d, "\n\tDomain name: ");
	unsigned mlen = p[3];
	if (mlen < 1 || mlen > 32) {
		dec_printf(d, " [invalid MgmtD Len %u] (invalid)", mlen);
		dec_need(d, p, length); /* then tcpdump checks the whole message */
		return;
	}
	dec_text(d, p + 4, mlen, DEC_TEXT_NUL);
	dec_printf(d, ", %s: %u", vtp_hdr_fields[type <= 4 ? type : 0], p[2]);
	const uint8_t *q = p + VTP_HDR;
	switch (type) {
	case 1:
		dec_need(d, q, 8);
		dec_printf(d, "\n\t  Config Rev %x, Updater ", dec_get_be32(q));
		dec_ip4addr(d, q + 4);
		dec_printf(d, ", Timestamp 0x%08x 0x%08x 0x%08x", dec_be32(d, q + 8), dec_be32(d, q + 12), dec_be32(d, q + 16));
		dec_printf(d, ", MD5 digest: %08x%08x%08x%08x", dec_be32(d, q + 20), dec_be32(d, q + 24), dec_be32(d, q + 28),
			   dec_be32(d, q + 32));
		break;
	case 2:
		dec_printf(d, ", Config Rev %x", dec_be32(d, q));
		if (!subset(d, p, q + 4, (unsigned)length)) {
			dec_printf(d, " (invalid)");
			dec_need(d, p, length);
		}
		break;
	case 3:
		dec_printf(d, "\n\tStart value: %u", dec_be32(d, q));
		break;
	}
}
