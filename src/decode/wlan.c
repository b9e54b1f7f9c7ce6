/* wlan.c: the IEEE 802.11 frame, as tcpdump 4.99 prints it.  Management
 * frames name their subtype and what their body says ("Beacon (ssid)
 * [1.0* 2.0 Mbit] ESS CH: 1, PRIVACY", "Authentication (Open System)-1:
 * Successful"), control frames their subtype and receiver, data frames
 * go on into their 802.2 header (llc.c), or "Data IV:..." when protected.
 * With -e the MAC header comes first ("BSSID:.. DA:.. SA:.. ").  A body
 * cut short ends " [|802.11]"; the frame check sequence (fcslen bytes,
 * from the radio header) is not part of the frame. */
#include "decode/dec.h"

enum { T_MGMT, T_CTRL, T_DATA };
#define FC_TYPE(fc) (((fc) >> 2) & 3)
#define FC_SUBTYPE(fc) (((fc) >> 4) & 0xf)
enum {
	FC_TO_DS = 0x100, FC_FROM_DS = 0x200, FC_MORE_FRAG = 0x400, FC_RETRY = 0x800,
	FC_PWR_MGMT = 0x1000, FC_MORE_DATA = 0x2000, FC_PROTECTED = 0x4000, FC_ORDER = 0x8000,
};
enum { ST_BEACON = 8, ST_DISASSOC = 10, ST_AUTH = 11, ST_DEAUTH = 12, ST_ACTION = 13 };
enum { C_WRAPPER = 7, C_BAR, C_BA, C_PS_POLL, C_RTS, C_CTS, C_ACK, C_CF_END, C_END_ACK };

static const struct dec_tok mgmt_names[] = {
	{ 0, "Assoc Request" }, { 1, "Assoc Response" }, { 2, "ReAssoc Request" },
	{ 3, "ReAssoc Response" }, { 4, "Probe Request" }, { 5, "Probe Response" },
	{ 8, "Beacon" }, { 9, "ATIM" }, { 10, "Disassociation" }, { 11, "Authentication" },
	{ 12, "DeAuthentication" }, { 13, "Action" }, { 0, NULL },
};

static const struct dec_tok ctrl_names[] = {
	{ C_WRAPPER, "Control Wrapper" }, { C_BAR, "BAR" }, { C_BA, "BA" },
	{ C_PS_POLL, "Power Save-Poll" }, { C_RTS, "Request-To-Send" }, { C_CTS, "Clear-To-Send" },
	{ C_ACK, "Acknowledgment" }, { C_CF_END, "CF-End" }, { C_END_ACK, "CF-End+CF-Ack" }, { 0, NULL },
};

/* Header length of each control subtype (0: unknown). */
static const uint8_t ctrl_hdrlen[16] = {
	[C_WRAPPER] = 16, [C_BAR] = 20, [C_BA] = 10, [C_PS_POLL] = 16, [C_RTS] = 16,
	[C_CTS] = 10, [C_ACK] = 10, [C_CF_END] = 16, [C_END_ACK] = 16,
};

/* Status codes and reason codes (IEEE 802.11 tables 9-46 and 9-45) with
 * tcpdump 4.99's texts (read off its output, unknown ones are "n/a"
 * and "Reserved"). */
static const char *const status_text[] = {
	"Successful", /* 0 */
	"Unspecified failure", /* 1 */
	"TDLS wakeup schedule rejected but alternative schedule provided", /* 2 */
	"TDLS wakeup schedule rejected", /* 3 */
	"Reserved", /* 4 */
	"Security disabled", /* 5 */
	"Unacceptable lifetime", /* 6 */
	"Not in same BSS", /* 7 */
	"Reserved", /* 8 */
	"Reserved", /* 9 */
	"Cannot Support all requested capabilities in the Capability Information field", /* 10 */
	"Reassociation denied due to inability to confirm that association exists", /* 11 */
	"Association denied due to reason outside the scope of this standard", /* 12 */
	"Responding STA does not support the specified authentication algorithm", /* 13 */
	"Received an Authentication frame with authentication transaction sequence number out of expected sequence", /* 14 */
	"Authentication rejected because of challenge failure", /* 15 */
	"Authentication rejected due to timeout waiting for next frame in sequence", /* 16 */
	"Association denied because AP is unable to handle additional associated STAs", /* 17 */
	"Association denied due to requesting STA not supporting all of the data rates in the BSSBasicRateSet parameter, the Basic HT-MCS Set field of the HT Operation parameter, or the Basic VHT-MCS and NSS Set field in the VHT Operation parameter", /* 18 */
	"Association denied due to requesting STA not supporting the short preamble option", /* 19 */
	"Reserved", /* 20 */
	"Reserved", /* 21 */
	"Association request rejected because Spectrum Management capability is required", /* 22 */
	"Association request rejected because the information in the Power Capability element is unacceptable", /* 23 */
	"Association request rejected because the information in the Supported Channels element is unacceptable", /* 24 */
	"Association denied due to requesting STA not supporting the Short Slot Time option", /* 25 */
	"Reserved", /* 26 */
	"Association denied because the requested STA does not support HT features", /* 27 */
	"R0KH unreachable", /* 28 */
	"Association denied because the requesting STA does not support the phased coexistence operation (PCO) transition time required by the AP", /* 29 */
	"Association request rejected temporarily; try again later", /* 30 */
	"Robust management frame policy violation", /* 31 */
	"Unspecified, QoS-related failure", /* 32 */
	"Association denied because QoS AP or PCP has insufficient bandwidth to handle another QoS STA", /* 33 */
	"Association denied due to excessive frame loss rates and/or poor conditions on current operating channel", /* 34 */
	"Association (with QoS BSS) denied because the requesting STA does not support the QoS facility", /* 35 */
	"Reserved", /* 36 */
	"The request has been declined", /* 37 */
	"The request has not been successful as one or more parameters have invalid values", /* 38 */
	"The allocation or TS has not been created because the request cannot be honored; however, a suggested TSPEC/DMG TSPEC is provided so that the initiating STA can attempt to set another allocation or TS with the suggested changes to the TSPEC/DMG TSPEC", /* 39 */
	"Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9", /* 40 */
	"Invalid group cipher", /* 41 */
	"Invalid pairwise cipher", /* 42 */
	"Invalid AKMP", /* 43 */
	"Unsupported RSNE version", /* 44 */
	"Invalid RSNE capabilities", /* 45 */
	"Cipher suite rejected because of security policy", /* 46 */
	"The TS or allocation has not been created; however, the HC or PCP might be capable of creating a TS or allocation, in response to a request, after the time indicated in the TS Delay element", /* 47 */
	"Direct Link is not allowed in the BSS by policy", /* 48 */
	"The Destination STA is not present within this BSS", /* 49 */
	"The Destination STA is not a QoS STA", /* 50 */
	"Association denied because the listen interval is too large", /* 51 */
	"Invalid FT Action frame count", /* 52 */
	"Invalid pairwise master key identifier (PMKID)", /* 53 */
	"Invalid MDE", /* 54 */
	"Invalid FTE", /* 55 */
	"Requested TCLAS processing is not supported by the AP or PCP", /* 56 */
	"The AP or PCP has insufficient TCLAS processing resources to satisfy the request", /* 57 */
	"The TS has not been created because the request cannot be honored; however, the HC or PCP suggests that the STA transition to a different BSS to set up the TS", /* 58 */
	"GAS Advertisement Protocol not supported", /* 59 */
	"No outstanding GAS request", /* 60 */
	"GAS Response not received from the Advertisement Server", /* 61 */
	"STA timed out waiting for GAS Query Response", /* 62 */
	"LARGE GAS Response is larger than query response length limit", /* 63 */
	"Request refused because home network does not support request", /* 64 */
	"Advertisement Server in the network is not currently reachable", /* 65 */
	"Reserved", /* 66 */
	"Request refused due to permissions received via SSPN interface", /* 67 */
	"Request refused because the AP or PCP does not support unauthenticated access", /* 68 */
	"Reserved", /* 69 */
	"Reserved", /* 70 */
	"Reserved", /* 71 */
	"Invalid contents of RSNE", /* 72 */
	"U-APSD coexistence is not supported", /* 73 */
	"Requested U-APSD coexistence mode is not supported", /* 74 */
	"Requested Interval/Duration value cannot be supported with U-APSD coexistence", /* 75 */
	"Authentication is rejected because an Anti-Clogging Token is required", /* 76 */
	"Authentication is rejected because the offered finite cyclic group is not supported", /* 77 */
	"The TBTT adjustment request has not been successful because the STA could not find an alternative TBTT", /* 78 */
	"Transmission failure", /* 79 */
	"Requested TCLAS Not Supported", /* 80 */
	"TCLAS Resources Exhausted", /* 81 */
	"Rejected with Suggested BSS transition", /* 82 */
	"Reject with recommended schedule", /* 83 */
	"Reject because no wakeup schedule specified", /* 84 */
	"Success, the destination STA is in power save mode", /* 85 */
	"FST pending, in process of admitting FST session", /* 86 */
	"Performing FST now", /* 87 */
	"FST pending, gap(s) in block ack window", /* 88 */
	"Reject because of U-PID setting", /* 89 */
	"Reserved", /* 90 */
	"Reserved", /* 91 */
	"(Re)Association refused for some external reason", /* 92 */
	"(Re)Association refused because of memory limits at the AP", /* 93 */
	"(Re)Association refused because emergency services are not supported at the AP", /* 94 */
	"GAS query response not yet received", /* 95 */
	"Reject since the request is for transition to a frequency band subject to DSE procedures and FST Initiator is a dependent STA", /* 96 */
	"Requested TCLAS processing has been terminated by the AP", /* 97 */
	"The TS schedule conflicts with an existing schedule; an alternative schedule is provided", /* 98 */
	"The association has been denied; however, one or more Multi-band elements are included that can be used by the receiving STA to join the BSS", /* 99 */
	"The request failed due to a reservation conflict", /* 100 */
	"The request failed due to exceeded MAF limit", /* 101 */
	"The request failed due to exceeded MCCA track limit", /* 102 */
	"Association denied because the information in theSpectrum Management field is unacceptable", /* 103 */
	"Association denied because the requesting STA does not support VHT features", /* 104 */
	"Enablement denied", /* 105 */
	"Enablement denied due to restriction from an authorized GDB", /* 106 */
	"Authorization deenabled", /* 107 */
};

static const char *const reason_text[] = {
	"Reserved", /* 0 */
	"Unspecified reason", /* 1 */
	"Previous authentication no longer valid", /* 2 */
	"Deauthenticated because sending STA is leaving (or has left) IBSS or ESS", /* 3 */
	"Disassociated due to inactivity", /* 4 */
	"Disassociated because AP is unable to handle all currently  associated STAs", /* 5 */
	"Class 2 frame received from nonauthenticated STA", /* 6 */
	"Class 3 frame received from nonassociated STA", /* 7 */
	"Disassociated because sending STA is leaving (or has left) BSS", /* 8 */
	"STA requesting (re)association is not authenticated with responding STA", /* 9 */
	"Disassociated because the information in the Power Capability element is unacceptable", /* 10 */
	"Disassociated because the information in the Supported Channels element is unacceptable", /* 11 */
	"Disassociated due to BSS transition management", /* 12 */
	"Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9", /* 13 */
	"Message integrity code (MIC) failure", /* 14 */
	"4-Way Handshake timeout", /* 15 */
	"Group key handshake timeout", /* 16 */
	"Information element in 4-Way Handshake different from (Re)AssociationRequest/Probe Response/Beacon frame", /* 17 */
	"Invalid group cipher", /* 18 */
	"Invalid pairwise cipher", /* 19 */
	"Invalid AKMP", /* 20 */
	"Unsupported RSNE version", /* 21 */
	"Invalid RSNE capabilities", /* 22 */
	"IEEE 802.1X authentication failed", /* 23 */
	"Cipher suite rejected because of the security policy", /* 24 */
	"TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link", /* 25 */
	"TDLS direct-link teardown for unspecified reason", /* 26 */
	"Disassociated because session terminated by SSP request", /* 27 */
	"Disassociated because of lack of SSP roaming agreement", /* 28 */
	"Requested service rejected because of SSP cipher suite or AKM requirement", /* 29 */
	"Requested service not authorized in this location", /* 30 */
	"TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS service characteristics or operational mode (e.g. an HT BSS change from 40 MHz channel to 20 MHz channel)", /* 31 */
	"Disassociated for unspecified, QoS-related reason", /* 32 */
	"Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA", /* 33 */
	"Disassociated because of excessive number of frames that need to be acknowledged, but are not acknowledged due to AP transmissions and/or poor channel conditions", /* 34 */
	"Disassociated because STA is transmitting outside the limits of its TXOPs", /* 35 */
	"Requested from peer STA as the STA is leaving the BSS (or resetting)", /* 36 */
	"Requested from peer STA as it does not want to use the mechanism", /* 37 */
	"Requested from peer STA as the STA received frames using the mechanism for which a set up is required", /* 38 */
	"Requested from peer STA due to time out", /* 39 */
	"Reserved", /* 40 */
	"Reserved", /* 41 */
	"Reserved", /* 42 */
	"Reserved", /* 43 */
	"Reserved", /* 44 */
	"Peer STA does not support the requested cipher suite", /* 45 */
	"In a DLS Teardown frame: The teardown was initiated by the DLS peer. In a Disassociation frame: Disassociated because authorized access limit reached", /* 46 */
	"In a DLS Teardown frame: The teardown was initiated by the AP. In a Disassociation frame: Disassociated due to external service requirements", /* 47 */
	"Invalid FT Action frame count", /* 48 */
	"Invalid pairwise master key identifier (PMKID)", /* 49 */
	"Invalid MDE", /* 50 */
	"Invalid FTE", /* 51 */
	"Mesh peering canceled for unknown reasons", /* 52 */
	"The mesh STA has reached the supported maximum number of peer mesh STAs", /* 53 */
	"The received information violates the Mesh Configuration policy configured in the mesh STA profile", /* 54 */
	"The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering", /* 55 */
	"The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh Peering Confirm frame", /* 56 */
	"The confirmTimer for the mesh peering instance times out", /* 57 */
	"The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match", /* 58 */
	"The mesh STA receives inconsistent information about the mesh parameters between mesh peering Management frames", /* 59 */
	"The mesh STA fails the authenticated mesh peering exchange because due to failure in selecting either the pairwise ciphersuite or group ciphersuite", /* 60 */
	"The mesh STA does not have proxy information for this external destination", /* 61 */
	"The mesh STA does not have forwarding information for this destination", /* 62 */
	"The mesh STA determines that the link to the next hop of an active path in its forwarding information is no longer usable", /* 63 */
	"The Deauthentication frame was sent because the MAC address of the STA already exists in the mesh BSS", /* 64 */
	"The mesh STA performs channel switch to meet regulatory requirements", /* 65 */
	"The mesh STA performs channel switching with unspecified reason", /* 66 */
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
static const char *status_str(unsigned s)
{
	return s < NELEM(status_text) ? status_text[s] : "n/a";
}
static const char *reason_str(unsigned r)
{
	return r < NELEM(reason_text) ? reason_text[r] : "Reserved";
}

/* What a management body's information elements said (the first of
 * each kind, as tcpdump keeps it). */
struct wlan_ies {
	const uint8_t *ssid, *rates;
	unsigned ssid_len, rates_len;
	int ds_present;
	unsigned channel;
};

/* The elements at p (len bytes on the wire): 0 when one is cut short or
 * too long for tcpdump's buffers (it then prints what it has and the
 * truncation marker). */
static int parse_ies(struct dec_ctx *d, struct wlan_ies *e, const uint8_t *p, size_t len)
{
	while (len) {
		if (!dec_has(d, p, 2) || len < 2)
			return 0;
		unsigned id = p[0], n = p[1];
		if (!dec_has(d, p + 2, n) || len < n + 2)
			return 0;
		if (id == 0) { /* SSID */
			if (n > 32)
				return 0;
			if (!e->ssid)
				e->ssid = p + 2, e->ssid_len = n;
		} else if (id == 1) { /* supported rates */
			if (n > 16)
				return 0;
			if (!e->rates && n)
				e->rates = p + 2, e->rates_len = n;
		} else if (id == 3) { /* DS parameter set */
			if (n == 1 && !e->ds_present)
				e->ds_present = 1, e->channel = p[2];
		} else if (id == 16 && n > 253) /* challenge text */
			return 0;
		else if (id == 5 && n > 3 && n - 3 > 251) /* TIM */
			return 0;
		p += 2 + n;
		len -= 2 + n;
	}
	return 1;
}

static void print_ssid(struct dec_ctx *d, const struct wlan_ies *e)
{
	if (!e->ssid)
		return;
	dec_printf(d, " (");
	for (unsigned i = 0; i < e->ssid_len && e->ssid[i]; i++)
		dec_putc_safe(d, e->ssid[i]);
	dec_printf(d, ")");
}

static void print_rates(struct dec_ctx *d, const struct wlan_ies *e)
{
	for (unsigned i = 0; i < e->rates_len; i++)
		dec_printf(d, "%s%2.1f%s", i ? " " : " [", .5 * (e->rates[i] & 0x7f), e->rates[i] & 0x80 ? "*" : "");
	if (e->rates_len)
		dec_printf(d, " Mbit]");
}

static void print_channel(struct dec_ctx *d, const struct wlan_ies *e, unsigned cap)
{
	if (e->ds_present)
		dec_printf(d, " CH: %u", e->channel);
	dec_printf(d, "%s", cap & 0x10 ? ", PRIVACY" : "");
}

static unsigned le16(const uint8_t *p)
{
	return (unsigned)(p[0] | p[1] << 8);
}

/* The WEP/TKIP/CCMP IV after "Data" or a protected management subtype. */
static int wep(struct dec_ctx *d, const uint8_t *p)
{
	if (!dec_has(d, p, 4))
		return 0;
	uint32_t iv = dec_get_le32(p);
	dec_printf(d, " IV:%3x Pad %x KeyID %x", iv & 0xffffff, (iv >> 24) & 0x3f, iv >> 30);
	return 1;
}

/* The fixed fields before a management body's elements, by subtype. */
static const uint8_t mgmt_fixed[16] = { 4, 6, 10, 6, 0, 12, 0, 0, 12, 0, 2, 6, 2, 2 };

/* Action frames: category names, each with its action names. */
static const struct dec_tok ba_acts[] = { { 0, "ADDBA Request" }, { 1, "ADDBA Response" }, { 2, "DELBA" }, { 0, NULL } };
static const struct dec_tok ht_acts[] = { { 0, "TxChWidth" }, { 1, "MIMOPwrSave" }, { 0, NULL } };
static const struct dec_tok mesh_acts[] = {
	{ 0, "MeshLink" }, { 1, "HWMP" }, { 2, "Gate Announcement" }, { 3, "Congestion Control" },
	{ 4, "MCCA Setup Request" }, { 5, "MCCA Setup Reply" }, { 6, "MCCA Advertisement Request" },
	{ 7, "MCCA Advertisement" }, { 8, "MCCA Teardown" }, { 9, "TBTT Adjustment Request" },
	{ 10, "TBTT Adjustment Response" }, { 0, NULL },
};
static const struct dec_tok multihop_acts[] = { { 0, "Proxy Update" }, { 1, "Proxy Update Confirmation" }, { 0, NULL } };
static const struct dec_tok selfprot_acts[] = {
	{ 1, "Peering Open" }, { 2, "Peering Confirm" }, { 3, "Peering Close" },
	{ 4, "Group Key Inform" }, { 5, "Group Key Acknowledge" }, { 0, NULL },
};
static const struct {
	unsigned cat;
	const char *name;          /* "QoS Act#N" when acts is NULL */
	const struct dec_tok *acts;
} categories[] = {
	{ 0, "Spectrum Management", NULL }, { 1, "QoS", NULL }, { 2, "DLS", NULL }, { 3, "BA", ba_acts },
	{ 7, "HT", ht_acts }, { 13, "MeshAction", mesh_acts }, { 14, "MultiohopAction", multihop_acts },
	{ 15, "SelfprotectAction", selfprot_acts }, { 127, "Vendor", NULL },
};

static void action(struct dec_ctx *d, unsigned cat, unsigned act)
{
	for (size_t i = 0; i < NELEM(categories); i++) {
		if (categories[i].cat != cat)
			continue;
		if (!categories[i].acts) {
			dec_printf(d, "%s Act#%u", categories[i].name, act);
			return;
		}
		dec_printf(d, "%s ", categories[i].name);
		dec_tokf(d, categories[i].acts, act, "Act#%u");
		return;
	}
	dec_printf(d, "Reserved(%u) Act#%u", cat, act);
}

/* The management body at p (len bytes), the frame's header at h: 0
 * when tcpdump would print its truncation marker after it. */
static int mgmt_body(struct dec_ctx *d, unsigned fc, const uint8_t *h, const uint8_t *p, size_t len)
{
	unsigned st = FC_SUBTYPE(fc);
	char buf[64];
	snprintf(buf, sizeof buf, "Unhandled Management subtype(%x)", st);
	dec_printf(d, "%s", dec_tok(mgmt_names, st, buf));
	if (fc & FC_PROTECTED)
		return wep(d, p);
	size_t fixed = mgmt_fixed[st];
	if (st == 4 || st == 9 || st > 13)
		fixed = 0;
	if (fixed && (!dec_has(d, p, fixed) || len < fixed))
		return 0;
	struct wlan_ies e = { 0 };
	int ok = 1;
	unsigned cap = fixed >= 2 ? le16(st == 5 || st == ST_BEACON ? p + 10 : p) : 0;
	switch (st) {
	case 0: case 4: /* (association or probe) request */
		ok = parse_ies(d, &e, p + fixed, len - fixed);
		print_ssid(d, &e);
		print_rates(d, &e);
		return ok;
	case 1: case 3: /* (re)association response */
		ok = parse_ies(d, &e, p + fixed, len - fixed);
		dec_printf(d, " AID(%x) :%s: %s", (le16(p + 4) << 2 & 0xffff) >> 2, cap & 0x10 ? " PRIVACY " : "",
			   status_str(le16(p + 2)));
		return ok;
	case 2: { /* reassociation request */
		char mac[18];
		ok = parse_ies(d, &e, p + fixed, len - fixed);
		print_ssid(d, &e);
		dec_printf(d, " AP : ");
		const char *name = dec_mac_name(d, p + 4);
		dec_printf(d, "%s", name ? name : dec_fmt_mac(mac, p + 4));
		return ok;
	}
	case 5: case ST_BEACON: /* probe response, beacon */
		ok = parse_ies(d, &e, p + fixed, len - fixed);
		print_ssid(d, &e);
		print_rates(d, &e);
		if (st == ST_BEACON)
			dec_printf(d, " %s", cap & 1 ? "ESS" : "IBSS");
		print_channel(d, &e, cap);
		return ok;
	case ST_DISASSOC:
		dec_printf(d, ": %s", reason_str(le16(p)));
		return 1;
	case ST_AUTH: {
		unsigned alg = le16(p), seq = le16(p + 2), status = le16(p + 4);
		ok = parse_ies(d, &e, p + 6, len - 6);
		const char *algs[] = { "Open System", "Shared Key", "EAP" };
		dec_printf(d, " (%s)-%x%s%s", alg < 3 ? algs[alg] : "Reserved", seq,
			   alg == 1 && (seq == 2 || seq == 3) ? " [Challenge Text] " : ": ",
			   seq % 2 ? status_str(status) : "");
		return ok;
	}
	case ST_DEAUTH: case ST_ACTION:
		if (st == ST_ACTION && (!dec_has(d, p, 2) || len < 2))
			return 0;
		if (d->o.eflag)
			dec_printf(d, ": ");
		else {
			dec_printf(d, " (");
			dec_mac(d, h + 10);
			dec_printf(d, "): ");
		}
		if (st == ST_DEAUTH)
			dec_printf(d, "%s", reason_str(le16(p)));
		else
			action(d, p[0], p[1]);
		return 1;
	default: /* ATIM: no body */
		return 1;
	}
}

static void macs(struct dec_ctx *d, const char *const *labels, const uint8_t *const *addrs)
{
	for (; *labels; labels++, addrs++) {
		dec_printf(d, "%s:", *labels);
		dec_mac(d, *addrs);
		dec_printf(d, " ");
	}
}

/* The control frame's body (its header, h): 0 when cut short. */
static int ctrl_body(struct dec_ctx *d, unsigned fc, const uint8_t *h)
{
	unsigned st = FC_SUBTYPE(fc);
	dec_printf(d, "%s", dec_tok(ctrl_names, st, "Unknown Ctrl Subtype"));
	if (st == C_WRAPPER)
		return 1;
	if (!dec_has(d, h, ctrl_hdrlen[st]))
		return 0;
	if (st == C_PS_POLL)
		dec_printf(d, " AID(%x)", le16(h + 2));
	else if (!d->o.eflag && st == C_BAR) {
		dec_printf(d, " ");
		macs(d, (const char *const[]){ "RA", "TA", NULL }, (const uint8_t *const[]){ h + 4, h + 10 });
		dec_printf(d, "CTL(%x) SEQ(%u) ", le16(h + 16), le16(h + 18));
	} else if (!d->o.eflag) {
		dec_printf(d, " ");
		macs(d, (const char *const[]){ st == C_RTS ? "TA" : "RA", NULL },
		     (const uint8_t *const[]){ st == C_RTS ? h + 10 : h + 4 });
	}
	return 1;
}

/* -e: the MAC header, after the frame control flags with -v. */
static void header(struct dec_ctx *d, unsigned fc, const uint8_t *h)
{
	if (d->o.vflag) {
		dec_printf(d, "%s%s%s%s%s%s", fc & FC_MORE_DATA ? "More Data " : "",
			   fc & FC_MORE_FRAG ? "More Fragments " : "", fc & FC_PWR_MGMT ? "Pwr Mgmt " : "",
			   fc & FC_RETRY ? "Retry " : "", fc & FC_ORDER ? "Strictly Ordered " : "",
			   fc & FC_PROTECTED ? "Protected " : "");
		if (FC_TYPE(fc) != T_CTRL || FC_SUBTYPE(fc) != C_PS_POLL)
			dec_printf(d, "%uus ", le16(h + 2));
	}
	const uint8_t *a1 = h + 4, *a2 = h + 10, *a3 = h + 16, *a4 = h + 24;
	unsigned st = FC_SUBTYPE(fc);
	if (FC_TYPE(fc) == T_MGMT)
		macs(d, (const char *const[]){ "BSSID", "DA", "SA", NULL }, (const uint8_t *const[]){ a3, a1, a2 });
	else if (FC_TYPE(fc) == T_CTRL) {
		if (st == C_BAR) {
			dec_printf(d, " ");
			macs(d, (const char *const[]){ "RA", "TA", NULL }, (const uint8_t *const[]){ a1, a2 });
			dec_printf(d, "CTL(%x) SEQ(%u) ", le16(h + 16), le16(h + 18));
		} else if (st == C_BA || st == C_CTS || st == C_ACK)
			macs(d, (const char *const[]){ "RA", NULL }, (const uint8_t *const[]){ a1 });
		else if (st == C_PS_POLL)
			macs(d, (const char *const[]){ "BSSID", "TA", NULL }, (const uint8_t *const[]){ a1, a2 });
		else if (st == C_RTS)
			macs(d, (const char *const[]){ "RA", "TA", NULL }, (const uint8_t *const[]){ a1, a2 });
		else if (st == C_CF_END || st == C_END_ACK)
			macs(d, (const char *const[]){ "RA", "BSSID", NULL }, (const uint8_t *const[]){ a1, a2 });
	} else {
		if (st & 0xb) /* CF-Ack, CF-Poll, QoS */
			dec_printf(d, "CF %s%s ", st & 1 ? (st & 2 ? "Ack/Poll" : "Ack") : st & 2 ? "Poll" : "",
				   st & 8 ? "+QoS" : "");
		static const char *const names[4][5] = {
			{ "DA", "SA", "BSSID", NULL }, { "BSSID", "SA", "DA", NULL },
			{ "DA", "BSSID", "SA", NULL }, { "RA", "TA", "DA", "SA", NULL },
		};
		macs(d, names[(fc >> 8) & 3], (const uint8_t *const[]){ a1, a2, a3, a4 });
	}
}

/* The MAC header's length, or 0 with tcpdump's text for an unknown
 * type or control subtype. */
static size_t hdr_len(struct dec_ctx *d, unsigned fc)
{
	switch (FC_TYPE(fc)) {
	case T_MGMT:
		return 24;
	case T_CTRL:
		if (!ctrl_hdrlen[FC_SUBTYPE(fc)])
			dec_printf(d, "unknown 802.11 ctrl frame subtype (%u)", FC_SUBTYPE(fc));
		return ctrl_hdrlen[FC_SUBTYPE(fc)];
	case T_DATA:
		return ((fc & FC_TO_DS) && (fc & FC_FROM_DS) ? 30 : 24) + (FC_SUBTYPE(fc) & 8 ? 2 : 0);
	default:
		dec_printf(d, "unknown 802.11 frame type (%u)", FC_TYPE(fc));
		return 0;
	}
}

int dec_wlan(struct dec_ctx *d, const uint8_t *p, size_t len, int pad, size_t fcslen)
{
	size_t caplen = dec_avail(d, p, len), orig = caplen;
	dec_layer(d, DEC_L_LINK);
	d->proto = "802.11";
	if (len < fcslen) {
		dec_printf(d, " [|802.11]");
		return (int)caplen;
	}
	len -= fcslen;
	if (caplen > len) { /* the FCS is captured: not part of the frame */
		d->end -= caplen - len;
		caplen = len;
	}
	if (caplen < 2) {
		dec_printf(d, " [|802.11]");
		return (int)orig;
	}
	unsigned fc = le16(p);
	size_t hl = hdr_len(d, fc);
	if (!hl)
		return 0;
	if (pad)
		hl = (hl + 3) & ~(size_t)3;
	if (caplen < hl) {
		dec_printf(d, " [|802.11]");
		return (int)hl;
	}
	if (d->o.eflag)
		header(d, fc, p);
	const uint8_t *b = p + hl;
	size_t blen = len - hl;
	switch (FC_TYPE(fc)) {
	case T_MGMT:
		if (!mgmt_body(d, fc, p, b, blen))
			dec_printf(d, " [|802.11]");
		return (int)hl;
	case T_CTRL:
		if (!ctrl_body(d, fc, p))
			dec_printf(d, " [|802.11]");
		return (int)hl;
	default:
		break;
	}
	if (FC_SUBTYPE(fc) & 4) /* no data */
		return (int)hl;
	if (fc & FC_PROTECTED) {
		dec_printf(d, "Data");
		if (!wep(d, b))
			dec_printf(d, " [|802.11]");
		return (int)hl;
	}
	/* source and destination by the To DS / From DS bits */
	static const uint8_t src_at[4] = { 10, 10, 16, 24 }, dst_at[4] = { 4, 16, 4, 16 };
	unsigned ds = (fc >> 8) & 3;
	d->hdrlen += (int)hl + dec_llc_hdrlen(d, b); /* for a printer that returns cut short */
	int n = dec_llc_addr(d, p + src_at[ds], p + dst_at[ds], b, blen);
	return (int)hl + (n > 0 ? n : n < 0 ? -n : dec_llc_hdrlen(d, b));
}
