/* fr.c: Frame Relay (DLT_FRELAY) and multilink Frame Relay (DLT_MFR) as
 * tcpdump 4.99 prints them: the Q.922 address (2 to 4 bytes, its DLCI
 * and flags shown with -e), then either a Cisco-style ethertype or the
 * UI control byte, an optional pad and an NLPID (RFC 2427) naming IPv4,
 * IPv6, OSI, SNAP, Q.933 call control (the LMI messages and their
 * information elements), FRF.15 fragments or PPP.  DLT_MFR frames carry
 * an FRF.16 header: a control frame with its information elements, or a
 * fragment (the first one holds a Frame Relay frame).
 *
 * Truncation: where tcpdump's printer checks and returns, so does this
 * one (its marker printed, the return value what tcpdump's is); the
 * bounds-checked accessors cover the rest. */
#include <time.h>

#include "decode/dec.h"

enum { FR_EA = 0x01, FR_UI = 0x03 };
/* the flags of a Q.922 address, placed as tcpdump places them */
enum { FR_CR = 0x02000000, FR_DE = 0x00020000, FR_BECN = 0x00040000, FR_FECN = 0x00080000, FR_SDLC = 0x2 };
/* NLPIDs (ISO/IEC TR 9577, RFC 2427) */
enum { NLPID_Q933 = 0x08, NLPID_SNAP = 0x80, NLPID_CLNP = 0x81, NLPID_ESIS = 0x82, NLPID_ISIS = 0x83,
       NLPID_MFR = 0xb1, NLPID_IP = 0xcc, NLPID_PPP = 0xcf, NLPID_IP6 = 0x8e };
/* FRF.15 / FRF.16 first byte: Begin, End, Control */
enum { MFR_B = 0x80, MFR_E = 0x40, MFR_C = 0x20, MFR_BEC = 0xe0 };

static const struct dec_tok q922_flags[] = {
	{ FR_CR, "C!" }, { FR_DE, "DE" }, { FR_BECN, "BECN" }, { FR_FECN, "FECN" }, { FR_SDLC, "sdlcore" }, { 0, NULL },
};
static const struct dec_tok frf_flags[] = { { MFR_B, "Begin" }, { MFR_E, "End" }, { MFR_C, "Control" }, { 0, NULL } };

/* FRF.16.1 control messages and their information elements */
static const struct dec_tok mfr_msgs[] = {
	{ 1, "Add Link" }, { 2, "Add Link ACK" }, { 3, "Add Link Reject" }, { 4, "Hello" },
	{ 5, "Hello ACK" }, { 6, "Remove Link" }, { 7, "Remove Link ACK" }, { 0, NULL },
};
enum { MFR_IE_BUNDLE = 1, MFR_IE_LINK = 2, MFR_IE_MAGIC = 3, MFR_IE_TIMESTAMP = 5 };
static const struct dec_tok mfr_ies[] = {
	{ 1, "Bundle ID" }, { 2, "Link ID" }, { 3, "Magic Number" }, { 5, "Timestamp" },
	{ 6, "Vendor Extension" }, { 7, "Cause" }, { 0, NULL },
};

/* Q.933 (Q.931) message types */
static const struct dec_tok q933_msgs[] = {
	{ 0x00, "ESC to National" }, { 0x01, "Alert" }, { 0x02, "Call proceeding" }, { 0x07, "Connect" },
	{ 0x0f, "Connect ACK" }, { 0x03, "Progress" }, { 0x05, "Setup" }, { 0x45, "Disconnect" },
	{ 0x4d, "Release" }, { 0x5a, "Release Complete" }, { 0x46, "Restart" }, { 0x4e, "Restart ACK" },
	{ 0x7d, "Status Reply" }, { 0x75, "Status Enquiry" }, { 0, NULL },
};
/* LMI information elements (ANSI T1.617 Annex D in codeset 5, ITU-T
 * Q.933 Annex A in codeset 0); tcpdump names them in those two codesets */
enum { LMI_ANSI_REPORT = 0x01, LMI_ANSI_VERIFY_91 = 0x19, LMI_ANSI_VERIFY = 0x03, LMI_ANSI_PVC = 0x07,
       LMI_CCITT_REPORT = 0x51, LMI_CCITT_VERIFY = 0x53, LMI_CCITT_PVC = 0x57 };
static const struct dec_tok lmi_ies[] = {
	{ LMI_ANSI_REPORT, "ANSI Report Type" }, { LMI_ANSI_VERIFY_91, "ANSI Link Verify" },
	{ LMI_ANSI_VERIFY, "ANSI Link Verify" }, { LMI_ANSI_PVC, "ANSI PVC Status" },
	{ LMI_CCITT_REPORT, "CCITT Report Type" }, { LMI_CCITT_VERIFY, "CCITT Link Verify" },
	{ LMI_CCITT_PVC, "CCITT PVC Status" }, { 0, NULL },
};
static const struct dec_tok lmi_reports[] = { { 0, "Full Status" }, { 1, "Link verify" }, { 2, "Async PVC Status" }, { 0, NULL } };

/* A Q.922 address */
struct q922 {
	unsigned dlci, alen;
	uint32_t flags;
};

/* The address at p (len on the wire): 1, 0 when invalid (an EA bit in
 * the first byte, or more than 4 bytes), -1 when cut short. */
static int q922_parse(struct dec_ctx *d, const uint8_t *p, size_t len, struct q922 *a)
{
	if (!dec_has(d, p, 1) || len < 1)
		return -1;
	if (p[0] & FR_EA)
		return 0;
	if (!dec_has(d, p, 2) || len < 2)
		return -1;
	a->alen = 2;
	a->dlci = (unsigned)(p[0] & 0xfc) << 2 | (p[1] & 0xf0) >> 4;
	a->flags = (uint32_t)(p[0] & 0x02) << 24 | (uint32_t)(p[1] & 0x0e) << 16;
	if (p[1] & FR_EA)
		return 1;
	const uint8_t *q = p + 2;
	len -= 2;
	if (!dec_has(d, q, 1) || len < 1)
		return -1;
	a->alen++;
	if (!(q[0] & FR_EA)) { /* a 4-byte address */
		a->dlci = a->dlci << 7 | q[0] >> 1;
		a->alen++;
		q++, len--;
	}
	if (!dec_has(d, q, 1) || len < 1)
		return -1;
	if (!(q[0] & FR_EA))
		return 0;
	a->flags |= q[0] & FR_SDLC;
	a->dlci = a->dlci << 6 | q[0] >> 2;
	return 1;
}

/* -e (and an unknown payload): the header; nlpid above 0xff is a
 * Cisco-style ethertype. */
static void fr_hdr(struct dec_ctx *d, size_t len, unsigned alen, const struct q922 *a, unsigned nlpid)
{
	if (d->o.qflag) {
		dec_printf(d, "Q.922, DLCI %u, length %zu: ", a->dlci, len);
		return;
	}
	dec_printf(d, "Q.922, hdr-len %u, DLCI %u, Flags [", alen, a->dlci);
	dec_bits(d, q922_flags, a->flags, "none");
	if (nlpid <= 0xff)
		dec_printf(d, "], NLPID %s (0x%02x), length %zu: ", dec_tok(dec_nlpids, nlpid, "unknown"), nlpid, len);
	else
		dec_printf(d, "], cisco-ethertype %s (0x%04x), length %zu: ",
			   proto_name_or(&proto_ethertypes, nlpid, PROTO_TCPDUMP, "unknown"), nlpid, len);
}

/* tcpdump's snap_print without link addresses (snap.c): 1 when a printer
 * took the payload (or the header was cut short), 0 when the caller dumps
 * it. */
static int snap(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	return dec_snap(d, NULL, NULL, p, len, 0);
}

/* FRF.15 end-to-end or interface fragmentation: the header only. */
static void frf15(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 2) {
		dec_printf(d, " [|fr]");
		return;
	}
	dec_need(d, p, 2); /* here tcpdump jumps out */
	dec_printf(d, "FRF.15, seq 0x%03x, Flags [", (unsigned)(p[0] & 0x1e) << 7 | p[1]);
	dec_bits(d, frf_flags, p[0] & MFR_BEC, "none");
	dec_printf(d, "],%s Fragmentation, length %zu", p[0] & 0x01 ? "Interface" : "End-to-End", len);
}

/* A Q.933 LMI element of codeset 0 or 5 (type ie, n bytes at p, all
 * captured): 1 when known. */
static int lmi_ie(struct dec_ctx *d, unsigned ie, unsigned n, const uint8_t *p)
{
	const char *sep = d->o.vflag ? "" : ", ";
	switch (ie) {
	case LMI_ANSI_REPORT:
	case LMI_CCITT_REPORT:
		if (d->o.vflag)
			dec_printf(d, "%s (%u)", dec_tok(lmi_reports, p[0], "unknown"), p[0]);
		return 1;
	case LMI_ANSI_VERIFY:
	case LMI_CCITT_VERIFY:
	case LMI_ANSI_VERIFY_91:
		if (n < 2)
			dec_printf(d, "%sInvalid LINK VERIFY IE", sep);
		else
			dec_printf(d, "%sTX Seq: %3d, RX Seq: %3d", sep, p[0], p[1]);
		return 1;
	case LMI_ANSI_PVC:
	case LMI_CCITT_PVC:
		dec_printf(d, "%s", sep);
		/* the DLCI's octets end with the extension bit set on the last */
		if (n < 3 || n > 5 || (p[0] & 0x80) || (n == 3 && !(p[1] & 0x80)) ||
		    (n == 4 && ((p[1] & 0x80) || !(p[2] & 0x80))) ||
		    (n == 5 && ((p[1] & 0x80) || (p[2] & 0x80) || !(p[3] & 0x80))) || !(p[n - 1] & 0x80)) {
			dec_printf(d, "Invalid DLCI in PVC STATUS IE");
			return 1;
		}
		unsigned dlci = (unsigned)(p[0] & 0x3f) << 4 | (p[1] & 0x78) >> 3;
		if (n == 4)
			dlci = dlci << 6 | (p[2] & 0x7e) >> 1;
		else if (n == 5)
			dlci = dlci << 13 | (p[2] & 0x7f) | (p[3] & 0x7e) >> 1;
		dec_printf(d, "DLCI %u: status %s%s", dlci, p[n - 1] & 0x8 ? "New, " : "",
			   p[n - 1] & 0x2 ? "Active" : "Inactive");
		return 1;
	}
	return 0;
}

/* Q.933 shift elements: 1001 L ccc (L: non-locking, ccc: the codeset) */
#define Q933_SINGLE(c) ((c) & 0x80)
#define Q933_SHIFT(c) (((c) & 0xf0) == 0x90)
#define Q933_NONLOCKING(c) ((c) & 0x08)

/* Cut short: without -v (and, before the header line, without -e)
 * ", length N", then the marker; tcpdump's printer returns. */
static void q933_trunc(struct dec_ctx *d, size_t olen, const char *sep)
{
	if (sep)
		dec_printf(d, "%slength %zu", sep, olen);
	dec_printf(d, " [|q.933]");
}

/* Q.933 call control: call reference, message type, then the
 * information elements, the LMI ones decoded. */
void dec_q933(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "q.933";
	dec_printf(d, "%s", d->o.eflag ? "" : "Q.933");
	size_t olen = len;
	const char *hsep = d->o.eflag ? "" : ", ";
	if (len == 0 || !dec_has(d, p, 1))
		return q933_trunc(d, len, hsep);
	unsigned crlen = p[0] & 0x0f;
	const uint8_t *cref = ++p;
	len--;
	for (unsigned i = 0; i < crlen; i++, p++, len--)
		if (len == 0 || !dec_has(d, p, 1))
			return q933_trunc(d, olen, hsep);
	if (len == 0 || !dec_has(d, p, 1))
		return q933_trunc(d, olen, hsep);
	unsigned msg = *p++, codeset = 0, unshift = 0, nonlocking = 0, ansi = 0;
	len--;
	if (len != 0) { /* a shift first: ANSI when locking to codeset 5 */
		if (!dec_has(d, p, 1))
			return q933_trunc(d, olen, hsep);
		if (Q933_SHIFT(p[0])) {
			codeset = p[0] & 7;
			if (!Q933_NONLOCKING(p[0]))
				ansi = codeset == 5;
			else
				nonlocking = 1;
			p++, len--;
		}
	}
	dec_printf(d, "%s%s, codeset %u", d->o.eflag ? "" : ", ", ansi ? "ANSI" : "CCITT", codeset);
	if (crlen != 0) {
		/* tcpdump looks at the byte after the message type here */
		/* tcpdump looks at the byte after the message type (and jumps
		 * out when there is none) */
		if (crlen > 1 || dec_u8(d, p) != 0) { /* not the dummy call reference */
			dec_printf(d, ", Call Ref: 0x");
			for (unsigned i = 0; i < crlen; i++)
				dec_printf(d, "%02x", cref[i]);
		}
	}
	if (d->o.vflag)
		dec_printf(d, ", %s (0x%02x), length %zu", dec_tok(q933_msgs, msg, "unknown message"), msg, olen);
	else {
		dec_printf(d, ", ");
		dec_tokf(d, q933_msgs, msg, "unknown message 0x%02x");
	}
	const char *sep = d->o.vflag ? NULL : ", "; /* a cut-short element */
	while (len != 0) {
		if (nonlocking == 1)
			nonlocking = 2;
		else if (nonlocking == 2)
			codeset = unshift, nonlocking = 0;
		if (!dec_has(d, p, 1))
			return q933_trunc(d, olen, sep);
		unsigned ie = *p++;
		len--;
		if (Q933_SINGLE(ie)) {
			if (Q933_SHIFT(ie)) {
				if (!Q933_NONLOCKING(ie))
					nonlocking = 0;
				else
					nonlocking = 1, unshift = codeset;
				codeset = ie & 7;
			}
			continue;
		}
		if (len == 0 || !dec_has(d, p, 1))
			return q933_trunc(d, olen, sep);
		unsigned n = *p++;
		len--;
		int lmi = codeset == 0 || codeset == 5;
		if (d->o.vflag)
			dec_printf(d, "\n\t%s IE (0x%02x), length %u: ", lmi ? dec_tok(lmi_ies, ie, "unknown") : "unknown",
				   ie, n);
		if (ie == 0 || n == 0)
			return;
		if (len < n || !dec_has(d, p, n))
			return q933_trunc(d, olen, sep);
		if (lmi && lmi_ie(d, ie, n, p)) {
			if (d->o.vflag > 1)
				dec_hexlines(d, "\n\t  ", p, n);
		} else if (d->o.vflag)
			dec_hexlines(d, "\n\t", p, n);
		len -= n, p += n;
	}
	if (!d->o.vflag)
		dec_printf(d, ", length %zu", olen);
}

/* The OSI printers read the NLPID too; cut short, they return (-x then
 * skips the Frame Relay header). */
static void osi(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_link_nested(d, dec_link_osi, p - 1, len + 1, d->hdrlen, 0);
}
static void ppp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_ppp_frame(d, p, len);
}
/* The payloads after an NLPID (SNAP apart) */
static const struct {
	unsigned nlpid;
	void (*print)(struct dec_ctx *, const uint8_t *, size_t);
} nlpid_rows[] = {
	{ NLPID_IP, dec_ip }, { NLPID_IP6, dec_ip6 }, { NLPID_CLNP, osi }, { NLPID_ESIS, osi }, { NLPID_ISIS, osi },
	{ NLPID_Q933, dec_q933 }, { NLPID_MFR, frf15 }, { NLPID_PPP, ppp },
};

/* The Frame Relay frame at p, len bytes on the wire: returns the header
 * length tcpdump's -x skips, 0 when it stops early. */
static int fr(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	struct q922 a;
	d->proto = "fr";
	int r = q922_parse(d, p, len, &a);
	if (r == 0) {
		dec_printf(d, "Q.922, invalid address");
		return 0;
	}
	if (r < 0 || !dec_has(d, p + a.alen, 1) || len < a.alen + 1)
		goto trunc;
	unsigned ctl = p[a.alen];
	if (ctl != FR_UI && a.dlci != 0) { /* Cisco-style: an ethertype after the address */
		if (!dec_has(d, p + a.alen, 2) || len < a.alen + 2)
			dec_printf(d, "UI %02x! ", ctl);
		else {
			unsigned et = dec_get_be16(p + a.alen);
			if (d->o.eflag)
				fr_hdr(d, len, a.alen, &a, et);
			if (dec_ethertype_printed(et)) {
				if (p == d->start)
					d->hdrlen = (int)a.alen + 2;
				dec_ethertype(d, et, p + a.alen + 2, len - a.alen - 2);
				return (int)a.alen + 2;
			}
			dec_printf(d, "UI %02x! ", ctl);
		}
	}
	if (!dec_has(d, p + a.alen + 1, 1) || len < a.alen + 2)
		goto trunc;
	unsigned hl = a.alen + 2; /* UI, NLPID */
	if (p[a.alen + 1] == 0) { /* a pad byte: only with 3-byte addresses */
		if (a.alen != 3)
			dec_printf(d, "Pad! ");
		hl++;
	} else if (a.alen == 3)
		dec_printf(d, "No pad! ");
	if (!dec_has(d, p + hl - 1, 1) || len < hl)
		goto trunc;
	unsigned nlpid = p[hl - 1];
	if (d->o.eflag)
		fr_hdr(d, len, a.alen, &a, nlpid);
	const uint8_t *q = p + hl;
	len -= hl;
	if (p == d->start) /* for a printer that returns cut short (in FRF.16: 2) */
		d->hdrlen = (int)hl;
	for (size_t i = 0; i < sizeof nlpid_rows / sizeof nlpid_rows[0]; i++)
		if (nlpid_rows[i].nlpid == nlpid) {
			nlpid_rows[i].print(d, q, len);
			return (int)hl;
		}
	if (nlpid == NLPID_SNAP) {
		if (!snap(d, q, len)) {
			if (!d->o.eflag)
				fr_hdr(d, len + hl, hl, &a, nlpid);
			if (!d->o.qflag && !d->o.xflag && !d->o.Xflag) /* tcpdump's suppress_default_print */
				dec_default_print(d, q - hl, len + hl);
		}
		return (int)hl;
	}
	if (!d->o.eflag) /* no printer: the header, then the payload in hex */
		fr_hdr(d, len + hl, a.alen, &a, nlpid);
	if (!d->o.xflag)
		dec_default_print(d, q, len);
	return (int)hl;
trunc:
	dec_printf(d, " [|fr]");
	return 0;
}

int dec_fr(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	return fr(d, p, len);
}

int dec_link_fr(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "fr", 4); /* 4: tcpdump's least frame */
	return n >= 0 ? n : fr(d, p, len);
}

/* An FRF.16 control frame's information elements (-v), tlen bytes at t;
 * 0 when cut short (the marker printed). */
static int mfr_ie_list(struct dec_ctx *d, const uint8_t *t, size_t tlen)
{
	while (tlen > 2) {
		if (!dec_has(d, t, 2))
			break;
		unsigned ie = t[0], n = t[1];
		dec_printf(d, "\n\tIE %s (%u), length %u: ", dec_tok(mfr_ies, ie, "Unknown"), ie, n);
		if (ie == 0 || n <= 2)
			return 1;
		if (!dec_has(d, t, n))
			break;
		t += 2, n -= 2, tlen -= 2;
		if (ie == MFR_IE_MAGIC) {
			if (n != 4)
				dec_printf(d, "[IE data length %u != 4] (invalid)", n);
			else
				dec_printf(d, "0x%08x", dec_get_be32(t));
		} else if (ie == MFR_IE_BUNDLE || ie == MFR_IE_LINK) {
			for (unsigned i = 0; i < n && i < 50 && t[i]; i++)
				dec_putc_safe(d, t[i]);
		} else if (ie == MFR_IE_TIMESTAMP && n == 16) { /* a struct timeval, as the sender's host wrote it */
			uint64_t sec = dec_get_le32(t) | (uint64_t)dec_get_le32(t + 4) << 32;
			uint64_t usec = dec_get_le32(t + 8) | (uint64_t)dec_get_le32(t + 12) << 32;
			time_t tt = (time_t)sec;
			struct tm tm;
			if (localtime_r(&tt, &tm))
				dec_printf(d, "%02d:%02d:%02d.%06u ", tm.tm_hour, tm.tm_min, tm.tm_sec, (unsigned)usec);
			else
				dec_printf(d, "[Error converting time] ");
		} else if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t  ", t, n);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t  ", t, n);
		tlen -= n, t += n;
	}
	if (tlen <= 2)
		return 1;
	dec_printf(d, " [|mfr]");
	return 0;
}

int dec_link_mfr(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "mfr", 2);
	if (n >= 0) /* not even the first two bytes */
		return n;
	d->proto = "mfr";
	if (len < 4) {
		dec_printf(d, "[length %zu < 4] (invalid)", len);
		return (int)len;
	}
	if (!dec_has(d, p, 4)) { /* tcpdump's printer returns: -x dumps nothing */
		dec_printf(d, " [|mfr]");
		return (int)len;
	}
	unsigned bec = p[0] & MFR_BEC;
	if (bec == MFR_BEC && p[1] == 0) {
		dec_printf(d, "FRF.16 Control, Flags [");
		dec_bits(d, frf_flags, bec, "none");
		dec_printf(d, "], ");
		dec_tokf(d, mfr_msgs, p[2], "Unknown Message (0x%02x)");
		dec_printf(d, ", length %zu", len);
		if (d->o.vflag && !mfr_ie_list(d, p + 3, len - 3))
			return (int)len; /* tcpdump's printer returns the length */
		return 3;
	}
	unsigned seq = (unsigned)(p[0] & 0x1e) << 7 | p[1];
	dec_printf(d, "FRF.16 Frag, seq %u, Flags [", seq);
	dec_bits(d, frf_flags, bec, "none");
	if (bec == (MFR_B | MFR_E) || bec == MFR_B) { /* the whole frame or its first fragment */
		dec_printf(d, "], ");
		d->hdrlen = 2;
		fr(d, p + 2, len - 2);
		return 2;
	}
	dec_printf(d, "]");
	dec_hexlines(d, "\n\t", p, len);
	return 0;
}
