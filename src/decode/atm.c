/* atm.c: SunATM captures (DLT_SUNATM) and ATM OAM cells, as tcpdump 4.99
 * prints them.
 *
 * A SunATM record is a 4-byte header (direction and traffic type, VPI,
 * VCI; -e: "Rx: VPI:0 VCI:3 ") and the cell or PDU.  VPI 0 has reserved
 * VCIs: signalling (Q.2931's message type and call reference), broadcast
 * signalling, meta signalling, ILMI (SNMP), and the OAM F4 flows 3 and 4,
 * whose cells print as
 *
 *   OAM F4 (segment), vpi 0, vci 3, payload [ ... ], clp 0, length 52
 *
 * with -v the cell and function type, a loopback or AIS/RDI body and the
 * CRC-10 verdict.  Other VCIs carry LLC (llc.c); LANE is handed off. */
#include "decode/dec.h"

#define SUNATM_HDR 4
#define SUNATM_LANE 1              /* traffic type in the low nibble */
#define ATM_HDR_NOHEC 4            /* a cell header without its HEC byte */
#define OAM_BODY 45                /* the function-specific field */
#define OAM_PAYLOAD 48
#define OAM_FM 1                   /* cell type: fault management */

static const struct dec_tok oam_flows[] = { { 3, "OAM F4 (segment)" }, { 4, "OAM F4 (end)" }, { 0, NULL } };
static const struct dec_tok atm_ptis[] = {
	{ 0, "user data, uncongested, SDU 0" }, { 1, "user data, uncongested, SDU 1" },
	{ 2, "user data, congested, SDU 0" }, { 3, "user data, congested, SDU 1" },
	{ 4, "VCC OAM F5 flow segment" }, { 5, "VCC OAM F5 flow end-to-end" },
	{ 6, "Traffic Control and resource Mgmt" }, { 0, NULL },
};
static const struct dec_tok oam_cell_types[] = {
	{ OAM_FM, "Fault Management" }, { 2, "Performance Management" }, { 8, "activate/deactivate" },
	{ 15, "System Management" }, { 0, NULL },
};
static const struct dec_tok oam_fm_funcs[] = {
	{ 0, "AIS" }, { 1, "RDI" }, { 4, "Continuity Check" }, { 8, "Loopback" }, { 0, NULL },
};
static const struct dec_tok oam_pm_funcs[] = {
	{ 0, "Forward Monitoring" }, { 1, "Backward Reporting" }, { 2, "Monitoring and Reporting" }, { 0, NULL },
};
static const struct dec_tok oam_ad_funcs[] = { { 0, "Performance Monitoring" }, { 1, "Continuity Check" }, { 0, NULL } };
/* the function types by cell type */
static const struct dec_tok *const oam_funcs[16] = { [1] = oam_fm_funcs, [2] = oam_pm_funcs, [8] = oam_ad_funcs };

/* Q.2931 message types (UNI 3.1) */
static const struct dec_tok q2931_msgs[] = {
	{ 0x02, "Call_proceeding" }, { 0x07, "Connect" }, { 0x0f, "Connect_ack" }, { 0x05, "Setup" },
	{ 0x4d, "Release" }, { 0x5a, "Release_complete" }, { 0x46, "Restart" }, { 0x4e, "Restart_ack" },
	{ 0x7d, "Status" }, { 0x75, "Status_enquiry" }, { 0x80, "Add_party" }, { 0x81, "Add_party_ack" },
	{ 0x82, "Add_party_reject" }, { 0x83, "Drop_party" }, { 0x84, "Drop_party_ack" }, { 0, NULL },
};

/* LAN emulation control opcodes */
static const struct dec_tok lane_ops[] = {
	{ 0x0001, "configure request" }, { 0x0101, "configure response" }, { 0x0002, "join request" }, { 0x0102, "join response" },
	{ 0x0003, "ready query" }, { 0x0103, "ready indication" }, { 0x0004, "register request" }, { 0x0104, "register response" },
	{ 0x0005, "unregister request" }, { 0x0105, "unregister response" }, { 0x0006, "ARP request" }, { 0x0106, "ARP response" },
	{ 0x0007, "flush request" }, { 0x0107, "flush response" }, { 0x0008, "NARP request" }, { 0x0009, "topology request" },
	{ 0, NULL },
};

/* The CRC-10 of I.610 (x^10 + x^9 + x^5 + x^4 + x + 1) over n bytes;
 * 0 for a cell whose CRC field is right. */
static unsigned oam_crc10(const uint8_t *p, size_t n)
{
	unsigned acc = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned t = ((acc >> 2) & 0xff) << 2; /* the table entry, computed */
		for (int j = 0; j < 8; j++) {
			t <<= 1;
			if (t & 0x400)
				t ^= 0x633;
		}
		acc = ((acc << 8) & 0x3ff) ^ (t & 0x3ff) ^ p[i];
	}
	return acc;
}

/* "%04x " for the 16-bit words at the odd offsets below n: tcpdump's
 * loop, which reads one byte past the field. */
static void oam_ids(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	for (unsigned i = 1; i < n; i += 2)
		dec_printf(d, "%04x ", dec_be16(d, p + i));
}

void dec_oam(struct dec_ctx *d, const uint8_t *p, size_t len, unsigned hec)
{
	d->proto = "oam";
	uint32_t cell = dec_be32(d, p + hec);
	unsigned ft = dec_u8(d, p + ATM_HDR_NOHEC + hec), type = ft >> 4, func = ft & 0xf;
	unsigned vci = (cell >> 4) & 0xffff;
	dec_printf(d, "%s, vpi %u, vci %u, payload [ %s ], clp %u, length %zu", dec_tok(oam_flows, vci, "OAM F5"),
		   (cell >> 20) & 0xff, vci, dec_tok(atm_ptis, (cell >> 1) & 7, "Unknown"), cell & 1, len);
	if (!d->o.vflag)
		return;
	dec_printf(d, "\n\tcell-type %s (%u)", dec_tok(oam_cell_types, type, "unknown"), type);
	if (oam_funcs[type])
		dec_printf(d, ", func-type %s (%u)", dec_tok(oam_funcs[type], func, "none"), func);
	else
		dec_printf(d, ", func-type unknown (%u)", func);
	p += ATM_HDR_NOHEC + hec; /* at the cell and function type */
	const uint8_t *b = p + 1;
	if (type == OAM_FM && func == 8) { /* loopback */
		dec_need_ret(d, b, OAM_BODY);
		dec_printf(d, "\n\tLoopback-Indicator %s, Correlation-Tag 0x%08x", b[0] & 1 ? "Request" : "Reply",
			   dec_get_be32(b + 1));
		dec_printf(d, "\n\tLocation-ID ");
		oam_ids(d, b + 5, 12);
		dec_printf(d, "\n\tSource-ID   ");
		oam_ids(d, b + 17, 12);
	} else if (type == OAM_FM && func <= 1) { /* AIS, RDI */
		dec_need_ret(d, b, OAM_BODY);
		dec_printf(d, "\n\tFailure-type 0x%02x", b[0]);
		dec_printf(d, "\n\tLocation-ID ");
		oam_ids(d, b + 1, 16);
	}
	dec_need_ret(d, b + OAM_BODY, 2);
	dec_printf(d, "\n\tcksum 0x%03x (%scorrect)", dec_get_be16(b + OAM_BODY) & 0x3ff,
		   oam_crc10(p, OAM_PAYLOAD) ? "in" : "");
}

/* Q.2931 signalling on VCI 5, or SSCOP with something else on it. */
static void atm_sig(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	(void)len;
	d->proto = "atm";
	unsigned proto = dec_u8(d, p);
	if (proto != 0x09) {
		dec_printf(d, "SSCOP, proto %u ", proto);
		return;
	}
	dec_printf(d, "Q.2931");
	unsigned msg = dec_u8(d, p + 5);
	dec_printf(d, ":");
	dec_tokf(d, q2931_msgs, msg, "msgtype#%u");
	dec_printf(d, " CALL_REF:0x%06x", (unsigned)dec_u8(d, p + 2) << 16 | dec_be16(d, p + 3));
}

/* LAN emulation: a control frame's opcode, or a LEC id and an
 * Ethernet frame. */
static int lane(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "lane";
	unsigned lecid = dec_be16(d, p);
	if (lecid == 0xff00) { /* LE control */
		dec_printf(d, "lec: proto %x vers %x ", dec_u8(d, p + 2), dec_u8(d, p + 3));
		dec_tokf(d, lane_ops, dec_be16(d, p + 4), "opcode-#%u");
		return 0;
	}
	len = len >= 2 ? len - 2 : 0;
	if (len >= 14 && dec_avail(d, p + 2, 14) == 14) /* ether.c's own checks come first */
		dec_printf(d, "lecid:%x ", lecid);
	dec_ether(d, p + 2, len);
	return 0;
}

static int llc(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_llc(d, NULL, p, len);
	return 0;
}

static void oam_hec(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_oam(d, p, len, 1);
}

static void ilmi(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_snmp(d, NULL, p, len);
}

/* The VCIs reserved on VPI 0 (UNI 3.1): what tcpdump prints, its printer */
static const struct {
	unsigned vci;
	const char *text;
	void (*print)(struct dec_ctx *d, const uint8_t *p, size_t len);
} sunatm_vcis[] = {
	{ 5, "", atm_sig }, { 2, "broadcast sig: ", NULL }, { 3, "", oam_hec }, { 4, "", oam_hec },
	{ 1, "meta: ", NULL }, { 16, "ilmi: ", ilmi },
};

int dec_link_sunatm(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->proto = "sunatm";
	d->hdrlen = 0;
	unsigned dir = dec_u8(d, p);
	if (d->o.eflag)
		dec_printf(d, "%s", dir & 0x80 ? "Tx: " : "Rx: ");
	unsigned vpi = dec_u8(d, p + 1), vci = dec_be16(d, p + 2);
	const uint8_t *q = p + SUNATM_HDR;
	len = len >= SUNATM_HDR ? len - SUNATM_HDR : 0;
	d->hdrlen = SUNATM_HDR;
	if (d->o.eflag)
		dec_printf(d, "VPI:%u VCI:%u ", vpi, vci);
	for (size_t i = 0; vpi == 0 && i < sizeof sunatm_vcis / sizeof sunatm_vcis[0]; i++) {
		if (sunatm_vcis[i].vci != vci)
			continue;
		dec_printf(d, "%s", sunatm_vcis[i].text);
		if (sunatm_vcis[i].print)
			sunatm_vcis[i].print(d, q, len);
		return SUNATM_HDR;
	}
	/* tcpdump counts only the SunATM header as link header here, also
	 * when the printer below returns early */
	return dec_link_nested(d, (dir & 0xf) == SUNATM_LANE ? lane : llc, q, len, SUNATM_HDR, 0);
}

/* RFC 1483 LLC-encapsulated ATM (DLT_ATM_RFC1483) as tcpdump
 * 4.99's atm_if_print: a first byte of 0x03 is Cisco's NLPID form (OSI
 * after it, "CNLPID " with -e; -x skips the byte); an 802.2 UI header of SNAP, OSI or IP
 * starts the frame; anything else is taken to follow a 20-byte 802.6
 * MAC header (Fore's driver; its first 16 bytes in hex with -e).  Then
 * 802.2 (llc.c) and its default dump. */
enum { ATM_MAC_LEN = 20 };

int dec_link_atm_rfc1483(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->proto = "atm";
	d->hdrlen = 0;
	if (dec_u8(d, p) == 0x03) {
		if (d->o.eflag)
			dec_printf(d, "CNLPID ");
		d->hdrlen = 1;
		dec_osi(d, p + 1, len >= 1 ? len - 1 : 0);
		return 1;
	}
	dec_need(d, p, 3);
	unsigned sap = p[0];
	int hl = 0;
	if (!(p[1] == sap && p[2] == 0x03 && (sap == PROTO_SAP_SNAP || sap == PROTO_SAP_OSI || sap == PROTO_SAP_IP))) {
		if (d->o.eflag) {
			dec_need(d, p, 16);
			dec_printf(d, "%08x%08x %08x%08x ", dec_get_be32(p), dec_get_be32(p + 4),
				   dec_get_be32(p + 8), dec_get_be32(p + 12));
		}
		dec_need(d, p, ATM_MAC_LEN); /* (the dump then starts at the first byte) */
		p += ATM_MAC_LEN, len -= ATM_MAC_LEN, hl = ATM_MAC_LEN;
	}
	d->hdrlen = hl;
	int n = dec_llc(d, NULL, p, len);
	return hl + (n > 0 ? n : n < 0 ? -n : dec_llc_hdrlen(d, p));
}
