/* radius.c: RADIUS (RFC 2865, accounting RFC 2866, tunnels RFC 2867/2868,
 * extensions RFC 2869, IPv6 RFC 3162, dynamic authorization RFC 5176,
 * location RFC 5580, ...) as tcpdump 4.99 prints it:
 *
 *   RADIUS, Access-Request (1), id: 0x07 length: 31            (no -v)
 *   RADIUS, length: 31                                           (-v)
 *   	Access-Request (1), id: 0x07, Authenticator: 0001...0f
 *   	  User-Name Attribute (1), length: 5, Value: bob
 *
 * With -vv each attribute's value follows in hex.  An attribute's value
 * is printed by its kind (rad_attrs): text, a number (some with names for
 * their values), an address, a prefix, a time, vendor-specific
 * sub-attributes, the RFC 5580 location objects, an EAP message.  A
 * value cut short ends with " [|radius]". */
#include <arpa/inet.h>
#include <string.h>
#include <time.h>

#include "decode/dec.h"

#define RAD_HDR 20
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct dec_tok rad_codes[] = {
	{ 1, "Access-Request" }, { 2, "Access-Accept" }, { 3, "Access-Reject" }, { 4, "Accounting-Request" },
	{ 5, "Accounting-Response" }, { 11, "Access-Challenge" }, { 12, "Status-Server" },
	{ 13, "Status-Client" }, { 40, "Disconnect-Request" }, { 41, "Disconnect-ACK" },
	{ 42, "Disconnect-NAK" }, { 43, "CoA-Request" }, { 44, "CoA-ACK" }, { 45, "CoA-NAK" },
	{ 255, "Reserved" }, { 0, NULL },
};

/* SMI private enterprise numbers tcpdump names (its smi_values) */
const struct dec_tok dec_smi_vendors[] = {
	{ 0, "IETF (reserved)" }, { 5, "ACC" }, { 9, "Cisco" }, { 11, "Hewlett Packard" },
	{ 42, "Sun Microsystems" }, { 61, "Merit" }, { 74, "AT&T" }, { 161, "Motorola" }, { 166, "Shiva" },
	{ 193, "Ericsson AB" }, { 255, "Cisco VPN 5000" }, { 307, "Livingston" }, { 311, "Microsoft" },
	{ 429, "3Com" }, { 529, "Ascend" }, { 1584, "Bay Networks" }, { 1991, "Foundry" }, { 2180, "Versanet" },
	{ 2352, "Redback" }, { 2636, "Juniper Networks" }, { 2637, "Aptis" }, { 2937, "Deutsche Telekom AG" },
	{ 3054, "Ixia Communications" }, { 3076, "Cisco VPN 3000" }, { 3085, "CoSine Communications" },
	{ 3199, "Shasta" }, { 3224, "Netscreen" }, { 3309, "Nomadix" }, { 3414, "T-Mobile" },
	{ 3561, "The Broadband Forum" }, { 3902, "ZTE" }, { 4329, "Siemens" }, { 4491, "CableLabs" },
	{ 4874, "Unisphere Networks" }, { 5263, "Cisco BBSM" },
	{ 5535, "3rd Generation Partnership Project 2 (3GPP2)" }, { 5806, "SK Telecom" },
	{ 5925, "ipUnplugged" }, { 5948, "Issanni Communications" }, { 5951, "Netscaler" }, { 6490, "T-Mobile" },
	{ 6618, "Quintum" }, { 6728, "Interlink" }, { 7951, "CNCTC" }, { 8164, "Starent Networks" },
	{ 8744, "Colubris" }, { 10415, "3GPP" }, { 10529, "Gemtek-Systems" }, { 10704, "Barracuda Networks" },
	{ 10923, "Ericsson AB - Packet Core Networks" }, { 11665, "dacom" }, { 11862, "Columbia University" },
	{ 12356, "Fortinet" }, { 12951, "Verizon Wireless" }, { 13745, "Plixer" }, { 14122, "Wi-Fi Alliance" },
	{ 16787, "T-Systems Nova" }, { 20942, "China Telecom - Guangzhou Research Institute" },
	{ 26866, "Gigamon Systems" }, { 32622, "CACE Technologies" }, { 35632, "ntop" },
	{ 46098, "Ericsson Canada" }, { 0, NULL },
};

static const struct dec_tok rad_error_causes[] = {
	{ 201, "Residual Session Context Removed" }, { 202, "Invalid EAP Packet (Ignored)" },
	{ 401, "Unsupported Attribute" }, { 402, "Missing Attribute" }, { 403, "NAS Identification Mismatch" },
	{ 404, "Invalid Request" }, { 405, "Unsupported Service" }, { 406, "Unsupported Extension" },
	{ 407, "Invalid Attribute Value" }, { 501, "Administratively Prohibited" },
	{ 502, "Request Not Routable (Proxy)" }, { 503, "Session Context Not Found" },
	{ 504, "Session Context Not Removable" }, { 505, "Other Proxy Processing Error" },
	{ 506, "Resources Unavailable" }, { 507, "Request Initiated" },
	{ 508, "Multiple Session Selection Unsupported" }, { 509, "Location Info Required" }, { 0, NULL },
};
static const struct dec_tok rad_tagged[] = { { 0x31, "Tagged" }, { 0x32, "Untagged" }, { 0, NULL } };
static const struct dec_tok rad_operator_ns[] = {
	{ 0x30, "TADIG" }, { 0x31, "REALM" }, { 0x32, "E212" }, { 0x33, "ICC" }, { 0, NULL },
};
static const struct dec_tok rad_loc_codes[] = { { 0, "Civic" }, { 1, "Geospatial" }, { 0, NULL } };
static const struct dec_tok rad_loc_entities[] = { { 0, "User" }, { 1, "RADIUS" }, { 0, NULL } };
static const struct dec_tok rad_blpr_flags[] = {    /* in tcpdump's order */
	{ 0x0001, "MBZ-15" }, { 0x0002, "MBZ-14" }, { 0x0004, "MBZ-13" }, { 0x0008, "MBZ-12" }, { 0x0010, "MBZ-11" },
	{ 0x0020, "MBZ-10" }, { 0x0040, "MBZ-9" }, { 0x0080, "MBZ-8" }, { 0x0100, "MBZ-7" }, { 0x0200, "MBZ-6" },
	{ 0x0400, "MBZ-5" }, { 0x0800, "MBZ-4" }, { 0x1000, "MBZ-3" }, { 0x2000, "MBZ-2" }, { 0x4000, "MBZ-1" },
	{ 0x8000, "Retransmission Allowed" }, { 0, NULL },
};
/* MIP6-Feature-Vector bits (RFC 5447), in tcpdump's order */
static const struct { uint64_t bit; const char *name; } rad_mip6_bits[] = {
	{ 0x1, "MIP6_INTEGRATED" }, { 0x2, "LOCAL_HOME_AGENT_ASSIGNMENT" },
	{ 0x0000010000000000ull, "PMIP6_SUPPORTED" }, { 0x0000020000000000ull, "IP4_HOA_SUPPORTED" },
	{ 0x0000040000000000ull, "LOCAL_MAG_ROUTING_SUPPORTED" }, { 0x0000080000000000ull, "ASSIGN_LOCAL_IP" },
	{ 0x0000100000000000ull, "MIP4_SUPPORTED" }, { 0x0000200000000000ull, "OPTIMIZED_IDLE_MODE_MOBILITY" },
	{ 0x0000400000000000ull, "GTPv2_SUPPORTED" }, { 0x0000800000000000ull, "IP4_TRANSPORT_SUPPORTED" },
	{ 0x0001000000000000ull, "IP4_HOA_ONLY_SUPPORTED" }, { 0x0002000000000000ull, "INTER_MAG_ROUTING_SUPPORTED" },
};

/* names for the values of the enumerated attributes; first: the value
 * of the first name (0 or 1) */
struct rad_enum {
	unsigned first, n;
	const char *const *names;
};
#define RAD_ENUM(first, ...) \
	(&(const struct rad_enum){ first, NELEM(((const char *const[]){ __VA_ARGS__ })), \
				  (const char *const[]){ __VA_ARGS__ } })

enum rad_kind {
	RK_NONE,       /* the name only (and the hex with -vv) */
	RK_STRING,     /* text, up to a NUL */
	RK_NUM,        /* a 32-bit number, or an enumerated value */
	RK_ADDR,       /* an IPv4 address */
	RK_ADDR6,      /* an IPv6 address */
	RK_PREFIX6,    /* reserved byte, length, an IPv6 prefix */
	RK_TIME,       /* seconds since 1970 */
	RK_VENDOR,     /* enterprise number and sub-attributes */
	RK_STRANGE,    /* ARAP and Error-Cause */
	RK_VECTOR64,   /* MIP6-Feature-Vector */
	RK_HOMEPREFIX, /* MIP6-Home-Link-Prefix */
	RK_OPERATOR,   /* Operator-Name */
	RK_LOCINFO,    /* Location-Information */
	RK_LOCDATA,    /* Location-Data */
	RK_POLICY,     /* Basic-Location-Policy-Rules */
};
struct rad_attr {
	const char *name;
	unsigned char kind;        /* enum rad_kind */
	const struct rad_enum *values;
};
#define A(name, kind) { name, RK_##kind, NULL }
#define S(name) { name, RK_STRING, NULL }
#define E(name, ...) { name, RK_NUM, RAD_ENUM(__VA_ARGS__) }
static const struct rad_attr rad_attrs[] = {     /* IANA RADIUS attribute types */
	A(NULL, NONE), S("User-Name"), A("User-Password", NONE), A("CHAP-Password", NONE), A("NAS-IP-Address", ADDR),
	A("NAS-Port", NUM),
	E("Service-Type", 1, "Login", "Framed", "Callback Login", "Callback Framed", "Outbound", "Administrative",
	  "NAS Prompt", "Authenticate Only", "Callback NAS Prompt", "Call Check", "Callback Administrative", "Voice",
	  "Fax", "Modem Relay", "IAPP-Register", "IAPP-AP-Check", "Authorize Only", "Framed-Management",
	  "Additional-Authorization"),
	E("Framed-Protocol", 1, "PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous",
	  "GPRS PDP Context"),
	A("Framed-IP-Address", ADDR), A("Framed-IP-Netmask", ADDR),
	E("Framed-Routing", 0, "None", "Send", "Listen", "Send&Listen"),
	S("Filter-Id"), A("Framed-MTU", NUM),
	E("Framed-Compression", 0, "None", "VJ TCP/IP", "IPX", "Stac-LZS"),
	A("Login-IP-Host", ADDR),
	E("Login-Service", 0, "Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD",
	  "X.25-T3POS", "Unassigned", "TCP Clear Quiet"),
	A("Login-TCP-Port", NUM), A("Unassigned", NONE), S("Reply-Message"), S("Callback-Number"), S("Callback-Id"),
	A("Unassigned", NONE), S("Framed-Route"), A("Framed-IPX-Network", NUM), S("State"), S("Class"),
	A("Vendor-Specific", VENDOR), A("Session-Timeout", NUM), A("Idle-Timeout", NUM),
	E("Termination-Action", 0, "Default", "RADIUS-Request"),
	S("Called-Station-Id"), S("Calling-Station-Id"), S("NAS-Identifier"), S("Proxy-State"),
	S("Login-LAT-Service"), S("Login-LAT-Node"), S("Login-LAT-Group"), A("Framed-AppleTalk-Link", NUM),
	A("Framed-AppleTalk-Network", NUM), S("Framed-AppleTalk-Zone"),
	E("Acct-Status-Type", 1, "Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned",
	  "Accounting-On", "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start",
	  "Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed"),
	A("Acct-Delay-Time", NUM), A("Acct-Input-Octets", NUM), A("Acct-Output-Octets", NUM), S("Acct-Session-Id"),
	E("Acct-Authentic", 1, "RADIUS", "Local", "Remote", "Diameter"),
	A("Acct-Session-Time", NUM), A("Acct-Input-Packets", NUM), A("Acct-Output-Packets", NUM),
	E("Acct-Terminate-Cause", 1, "User Request", "Lost Carrier", "Lost Service", "Idle Timeout",
	  "Session Timeout", "Admin Reset", "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot",
	  "Port Unneeded", "Port Preempted", "Port Suspended", "Service Unavailable", "Callback", "User Error",
	  "Host Request", "Supplicant Restart", "Reauthentication Failure", "Port Reinitialized",
	  "Port Administratively Disabled", "Lost Power"),
	S("Acct-Multi-Session-Id"), A("Acct-Link-Count", NUM), A("Acct-Input-Gigawords", NUM),
	A("Acct-Output-Gigawords", NUM), A("Unassigned", NONE), A("Event-Timestamp", TIME), A("Egress-VLANID", NUM),
	E("Ingress-Filters", 1, "Enabled", "Disabled"),
	S("Egress-VLAN-Name"), A("User-Priority-Table", NONE), S("CHAP-Challenge"),
	E("NAS-Port-Type", 0, "Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual",
	  "PIAFS", "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL",
	  "Ethernet", "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11", "Token-Ring", "FDDI",
	  "Wireless - CDMA200", "Wireless - UMTS", "Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16",
	  "Wireless - IEEE 802.20", "Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN",
	  "PPPoEoQinQ", "xPON", "Wireless - XGP", "WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF",
	  "WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS"),
	A("Port-Limit", NUM), S("Login-LAT-Port"),
	E("Tunnel-Type", 1, "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS",
	  "IP-in-IP Tunneling", "VLAN"),
	E("Tunnel-Medium-Type", 1, "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69",
	  "X.121", "IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"),
	S("Tunnel-Client-Endpoint"), S("Tunnel-Server-Endpoint"), S("Acct-Tunnel-Connection"), S("Tunnel-Password"),
	A("ARAP-Password", STRANGE), A("ARAP-Features", STRANGE),
	E("ARAP-Zone-Access", 1, "Only access to dfl zone", "Use zone filter inc.", "Not used",
	  "Use zone filter exc."),
	S("ARAP-Security"), S("ARAP-Security-Data"), A("Password-Retry", NUM),
	E("Prompt", 0, "No Echo", "Echo"),
	S("Connect-Info"), S("Configuration-Token"), S("EAP-Message"), S("Message-Authenticator"),
	S("Tunnel-Private-Group-ID"), S("Tunnel-Assignment-ID"), A("Tunnel-Preference", NUM),
	A("ARAP-Challenge-Response", STRANGE), A("Acct-Interim-Interval", NUM), A("Acct-Tunnel-Packets-Lost", NUM),
	S("NAS-Port-Id"), S("Framed-Pool"), S("CUI"), S("Tunnel-Client-Auth-ID"), S("Tunnel-Server-Auth-ID"),
	S("NAS-Filter-Rule"), A("Unassigned", NONE), A("Originating-Line-Info", NONE), A("NAS-IPv6-Address", ADDR6),
	A("Framed-Interface-ID", NONE), A("Framed-IPv6-Prefix", PREFIX6), A("Login-IPv6-Host", ADDR6),
	S("Framed-IPv6-Route"), S("Framed-IPv6-Pool"), A("Error-Cause", STRANGE), A("EAP-Key-Name", NONE),
	S("Digest-Response"), S("Digest-Realm"), S("Digest-Nonce"), S("Digest-Response-Auth"), S("Digest-Nextnonce"),
	S("Digest-Method"), S("Digest-URI"), S("Digest-Qop"), S("Digest-Algorithm"), S("Digest-Entity-Body-Hash"),
	S("Digest-CNonce"), S("Digest-Nonce-Count"), S("Digest-Username"), S("Digest-Opaque"), S("Digest-Auth-Param"),
	S("Digest-AKA-Auts"), S("Digest-Domain"), S("Digest-Stale"), S("Digest-HA1"), S("SIP-AOR"),
	A("Delegated-IPv6-Prefix", PREFIX6), A("MIP6-Feature-Vector", VECTOR64),
	A("MIP6-Home-Link-Prefix", HOMEPREFIX), A("Operator-Name", OPERATOR), A("Location-Information", LOCINFO),
	A("Location-Data", LOCDATA), A("Basic-Location-Policy-Rules", POLICY),
};
#undef A
#undef S
#undef E

/* attribute types with special cases */
enum {
	RAD_FRM_IPADDR = 8, RAD_LOG_IPHOST = 14, RAD_FRM_IPX = 23, RAD_SESSION_TIMEOUT = 27,
	RAD_IDLE_TIMEOUT = 28, RAD_FRM_ATALK_LINK = 37, RAD_FRM_ATALK_NETWORK = 38, RAD_ACCT_DELAY = 41,
	RAD_ACCT_SESSION_TIME = 46, RAD_EGRESS_VLAN_ID = 56, RAD_EGRESS_VLAN_NAME = 58, RAD_TUNNEL_TYPE = 64,
	RAD_TUNNEL_MEDIUM = 65, RAD_TUNNEL_CLIENT_END = 66, RAD_TUNNEL_SERVER_END = 67, RAD_TUNNEL_PASS = 69,
	RAD_ARAP_PASS = 70, RAD_ARAP_FEATURES = 71, RAD_EAP_MESSAGE = 79, RAD_TUNNEL_PRIV_GROUP = 81,
	RAD_TUNNEL_ASSIGN_ID = 82, RAD_TUNNEL_PREFERENCE = 83, RAD_ARAP_CHALLENGE_RESP = 84,
	RAD_ACCT_INT_INTERVAL = 85, RAD_TUNNEL_CLIENT_AUTH = 90, RAD_TUNNEL_SERVER_AUTH = 91, RAD_ERROR_CAUSE = 101,
};

/* "ERROR: length L REL WANT" when bad; returns bad */
static int rad_badlen(struct dec_ctx *d, int bad, unsigned len, const char *rel, unsigned want)
{
	if (bad)
		dec_printf(d, "ERROR: length %u %s %u", len, rel, want);
	return bad;
}

static void rad_trunc(struct dec_ctx *d)
{
	dec_printf(d, " [|radius]");
}

/* "Tag[N] " or "Tag[Unused] " */
static void rad_tag(struct dec_ctx *d, unsigned tag)
{
	if (tag)
		dec_printf(d, "Tag[%u] ", tag);
	else
		dec_printf(d, "Tag[Unused] ");
}

static void rad_string(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned type)
{
	if (!dec_has(d, p, len)) {
		rad_trunc(d);
		return;
	}
	switch (type) {
	case RAD_TUNNEL_PASS:
		if (len < 3) {
			rad_trunc(d);
			return;
		}
		rad_tag(d, p[0] <= 0x1f ? p[0] : 0);
		dec_printf(d, "Salt %u ", dec_get_be16(p + 1));
		p += 3;
		len -= 3;
		break;
	case RAD_TUNNEL_CLIENT_END: case RAD_TUNNEL_SERVER_END: case RAD_TUNNEL_PRIV_GROUP:
	case RAD_TUNNEL_ASSIGN_ID: case RAD_TUNNEL_CLIENT_AUTH: case RAD_TUNNEL_SERVER_AUTH:
		if (p[0] <= 0x1f) {
			rad_tag(d, p[0]);
			p++;
			len--;
		}
		break;
	case RAD_EGRESS_VLAN_NAME:
		dec_printf(d, "%s (0x%02x) ", dec_tok(rad_tagged, p[0], "Unknown tag"), p[0]);
		p++;
		len--;
		break;
	case RAD_EAP_MESSAGE:
		dec_eap(d, p, len);
		d->proto = "radius";
		return;
	}
	dec_text(d, p, len, DEC_TEXT_NUL | DEC_TEXT_DOT);
}

static void rad_vendor(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len < 4) {
		rad_trunc(d);
		return;
	}
	uint32_t id = dec_be32(d, p);
	dec_printf(d, "Vendor: %s (%u)", dec_tok(dec_smi_vendors, id, "Unknown"), id);
	p += 4;
	len -= 4;
	while (len >= 2) {
		unsigned vt = dec_u8(d, p), vl = dec_u8(d, p + 1);
		if (vl < 2) {
			dec_printf(d, "\n\t    Vendor Attribute: %u, Length: %u (bogus, must be >= 2)", vt, vl);
			return;
		}
		if (vl > len) {
			dec_printf(d, "\n\t    Vendor Attribute: %u, Length: %u (bogus, goes past end of vendor-specific "
				   "attribute)", vt, vl);
			return;
		}
		p += 2;
		vl -= 2;
		len -= 2;
		if (!dec_has(d, p, vl)) {
			rad_trunc(d);
			return;
		}
		dec_printf(d, "\n\t    Vendor Attribute: %u, Length: %u, Value: ", vt, vl);
		dec_text(d, p, vl, DEC_TEXT_DOT);
		p += vl;
		len -= vl;
	}
}

/* a duration as tcpdump shows timeouts: "05 secs", "01:05 min", "01:00:05 hours" */
static void rad_duration(struct dec_ctx *d, uint32_t t)
{
	if (t < 60)
		dec_printf(d, "%02d secs", (int)t);
	else if (t < 3600)
		dec_printf(d, "%02d:%02d min", (int)(t / 60), (int)(t % 60));
	else
		dec_printf(d, "%02d:%02d:%02d hours", (int)(t / 3600), (int)((t % 3600) / 60), (int)(t % 60));
}

static void rad_num(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned type)
{
	if (rad_badlen(d, len != 4, len, "!=", 4))
		return;
	const struct rad_enum *e = rad_attrs[type].values;
	if (e) {
		uint32_t v;
		if (type == RAD_TUNNEL_TYPE || type == RAD_TUNNEL_MEDIUM) {
			rad_tag(d, dec_u8(d, p));
			dec_need(d, p + 1, 3);
			v = dec_get_be32(p) & 0xffffff;
		} else
			v = dec_be32(d, p);
		if (v >= e->first && v - e->first < e->n)
			dec_printf(d, "%s", e->names[v - e->first]);
		else
			dec_printf(d, "#%u", v);
		return;
	}
	switch (type) {   /* a tag and a 24-bit value: the tag printed first */
	case RAD_TUNNEL_PREFERENCE:
		rad_tag(d, dec_u8(d, p));
		dec_printf(d, "%u", dec_be32(d, p) & 0xffffff);
		return;
	case RAD_EGRESS_VLAN_ID:
		dec_printf(d, "%s (0x%02x) ", dec_tok(rad_tagged, dec_u8(d, p), "Unknown tag"), p[0]);
		dec_printf(d, "%u", dec_be32(d, p) & 0xffffff);
		return;
	}
	uint32_t v = dec_be32(d, p);
	switch (type) {
	case RAD_FRM_IPX:
		if (v == 0xfffffffe)
			dec_printf(d, "NAS Select");
		else
			dec_printf(d, "%u", v);
		return;
	case RAD_SESSION_TIMEOUT: case RAD_IDLE_TIMEOUT: case RAD_ACCT_DELAY: case RAD_ACCT_SESSION_TIME:
	case RAD_ACCT_INT_INTERVAL:
		rad_duration(d, v);
		return;
	case RAD_FRM_ATALK_LINK: case RAD_FRM_ATALK_NETWORK:
		if (v)
			dec_printf(d, "%u", v);
		else
			dec_printf(d, type == RAD_FRM_ATALK_LINK ? "Unnumbered" : "NAS assigned");
		return;
	}
	dec_printf(d, "%u", v);
}

static void rad_addr(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned type)
{
	if (rad_badlen(d, len != 4, len, "!=", 4))
		return;
	uint32_t v = dec_be32(d, p);
	if ((type == RAD_FRM_IPADDR || type == RAD_LOG_IPHOST) && v == 0xffffffff)
		dec_printf(d, "User Selected");
	else if ((type == RAD_FRM_IPADDR || type == RAD_LOG_IPHOST) && v == 0xfffffffe)
		dec_printf(d, "NAS Select");
	else
		dec_ip4addr(d, p);
}

static void rad_addr6(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (rad_badlen(d, len != 16, len, "!=", 16))
		return;
	dec_need(d, p, 16);
	dec_ip6addr(d, p);
}

static void rad_prefix6(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	uint8_t a[16] = { 0 };
	if (len < 2 || len > 18) {
		dec_printf(d, "ERROR: length %u not in range (2..18)", len);
		return;
	}
	if (!dec_has(d, p, len)) {
		rad_trunc(d);
		return;
	}
	if (p[1] > 128) {
		dec_printf(d, "ERROR: netmask %u not in range (0..128)", p[1]);
		return;
	}
	memcpy(a, p + 2, len - 2);
	char buf[INET6_ADDRSTRLEN]; /* a copy, not the packet: printed as numbers */
	inet_ntop(AF_INET6, a, buf, sizeof buf);
	dec_printf(d, "%s/%u", buf, p[1]);
	if (p[1] > 8 * (len - 2))
		dec_printf(d, " (inconsistent prefix length)");
}

static void rad_time(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (rad_badlen(d, len != 4, len, "!=", 4))
		return;
	time_t t = (time_t)dec_be32(d, p);
	char buf[32];
	if (ctime_r(&t, buf))
		dec_printf(d, "%.24s", buf);
}

static void rad_hex(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		dec_printf(d, "%02X", dec_u8(d, p + i));
}

static void rad_strange(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned type)
{
	switch (type) {
	case RAD_ARAP_PASS:
		if (rad_badlen(d, len != 16, len, "!=", 16))
			return;
		dec_printf(d, "User_challenge (");
		rad_hex(d, p, 8);
		dec_printf(d, ") User_resp(");
		rad_hex(d, p + 8, 8);
		dec_printf(d, ")");
		return;
	case RAD_ARAP_FEATURES:
		if (rad_badlen(d, len != 14, len, "!=", 14))
			return;
		dec_printf(d, "User %s change password", dec_u8(d, p) ? "can" : "cannot");
		dec_printf(d, ", Min password length: %u, created at: ", dec_u8(d, p + 1));
		rad_hex(d, p + 2, 4);
		dec_printf(d, ", expires in: ");
		rad_hex(d, p + 6, 4);
		dec_printf(d, ", Current Time: ");
		rad_hex(d, p + 10, 4);
		return;
	case RAD_ARAP_CHALLENGE_RESP:
		if (rad_badlen(d, len < 8, len, "!=", 8)) /* sic */
			return;
		rad_hex(d, p, 8);
		return;
	case RAD_ERROR_CAUSE:
		if (len != 4) {
			dec_printf(d, "Error: length %u != 4", len);
			return;
		}
		uint32_t v = dec_be32(d, p);
		dec_printf(d, "Error cause %u: ", v);
		dec_tokf(d, rad_error_causes, v, "Error-Cause %u not known");
		return;
	}
}

static void rad_vector64(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (rad_badlen(d, len != 8, len, "!=", 8))
		return;
	dec_printf(d, "[");
	uint64_t v = (uint64_t)dec_be32(d, p) << 32 | dec_be32(d, p + 4);
	const char *sep = "";
	for (size_t i = 0; i < NELEM(rad_mip6_bits); i++)
		if (v & rad_mip6_bits[i].bit) {
			dec_printf(d, "%s%s", sep, rad_mip6_bits[i].name);
			sep = ", ";
		}
	dec_printf(d, "]");
}

/* the RFC 5580 location objects and the other structured values:
 * fixed: how long the value must be at least (0: not checked here) */
static void rad_location(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned kind)
{
	if (kind == RK_HOMEPREFIX && len != 17) { /* checked before the capture */
		dec_printf(d, "ERROR: length %u != 17", len);
		return;
	}
	if (!dec_has(d, p, len)) {
		rad_trunc(d);
		return;
	}
	switch (kind) {
	case RK_HOMEPREFIX:
		if (p[0] > 128)
			dec_printf(d, "ERROR: netmask %u not in range (0..128)", p[0]);
		else {
			dec_ip6addr(d, p + 1);
			dec_printf(d, "/%u", p[0]);
		}
		return;
	case RK_OPERATOR:
		if (rad_badlen(d, len < 2, len, "<", 2))
			return;
		dec_printf(d, "[");
		dec_tokf(d, rad_operator_ns, p[0], "unknown namespace %u");
		dec_printf(d, "] ");
		for (unsigned i = 1; i < len; i++)
			dec_putc_safe(d, p[i]);
		return;
	case RK_LOCINFO:
		if (rad_badlen(d, len < 21, len, "<", 21))
			return;
		dec_printf(d, "index %u, code ", dec_get_be16(p));
		dec_tokf(d, rad_loc_codes, p[2], "Unknown (%u)");
		dec_printf(d, ", entity ");
		dec_tokf(d, rad_loc_entities, p[3], "Unknown (%u)");
		dec_printf(d, ", sighting time ");
		dec_ntp_time(d, p + 4);
		dec_printf(d, ", time to live ");
		dec_ntp_time(d, p + 12);
		dec_printf(d, ", method \"");
		for (unsigned i = 20; i < len; i++)
			dec_putc_safe(d, p[i]);
		dec_printf(d, "\"");
		return;
	case RK_LOCDATA:
		if (rad_badlen(d, len < 3, len, "<", 3))
			return;
		dec_printf(d, "index %u, location", dec_get_be16(p));
		dec_hexascii_at(d, "\n\t    ", p + 2, len - 2);
		return;
	case RK_POLICY:
		if (rad_badlen(d, len < 10, len, "<", 10))
			return;
		dec_printf(d, "flags [");
		dec_bits(d, rad_blpr_flags, dec_get_be16(p), "none");
		dec_printf(d, "], retention expires ");
		dec_ntp_time(d, p + 2);
		if (len > 10) {
			dec_printf(d, ", note well \"");
			for (unsigned i = 10; i < len; i++)
				dec_putc_safe(d, p[i]);
			dec_printf(d, "\"");
		}
		return;
	}
}

static void rad_value(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned type)
{
	unsigned kind = rad_attrs[type].kind;
	switch (kind) {
	case RK_STRING: rad_string(d, p, len, type); return;
	case RK_NUM: rad_num(d, p, len, type); return;
	case RK_ADDR: rad_addr(d, p, len, type); return;
	case RK_ADDR6: rad_addr6(d, p, len); return;
	case RK_PREFIX6: rad_prefix6(d, p, len); return;
	case RK_TIME: rad_time(d, p, len); return;
	case RK_VENDOR: rad_vendor(d, p, len); return;
	case RK_STRANGE: rad_strange(d, p, len, type); return;
	case RK_VECTOR64: rad_vector64(d, p, len); return;
	case RK_NONE: return;
	default: rad_location(d, p, len, kind); return;
	}
}

static void rad_attributes(struct dec_ctx *d, const uint8_t *p, unsigned length)
{
	while (length > 0) {
		if (length < 2 || !dec_has(d, p, 2)) {
			rad_trunc(d);
			return;
		}
		unsigned type = p[0], len = p[1];
		const char *name = type != 0 && type < NELEM(rad_attrs) ? rad_attrs[type].name : "Unknown";
		dec_printf(d, "\n\t  %s Attribute (%u), length: %u", name, type, len);
		if (len < 2) {
			dec_printf(d, " (bogus, must be >= 2)");
			return;
		}
		if (len > length) {
			dec_printf(d, " (bogus, goes past end of packet)");
			return;
		}
		dec_printf(d, ", Value: ");
		if (type < NELEM(rad_attrs) && len > 2)
			rad_value(d, p + 2, len - 2, type);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t    ", p + 2, len - 2);
		length -= len;
		p += len;
	}
}

void dec_radius(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t length)
{
	(void)a;
	d->proto = "radius";
	if (!dec_has(d, p, RAD_HDR)) {
		rad_trunc(d);
		return;
	}
	size_t len = dec_get_be16(p + 2);
	if (len < RAD_HDR) {
		rad_trunc(d);
		return;
	}
	if (len > length)
		len = length;
	const char *code = dec_tok(rad_codes, p[0], "Unknown Command");
	if (!d->o.vflag) {
		dec_printf(d, "RADIUS, %s (%u), id: 0x%02x length: %zu", code, p[0], p[1], len);
		return;
	}
	dec_printf(d, "RADIUS, length: %zu\n\t%s (%u), id: 0x%02x, Authenticator: ", len, code, p[0], p[1]);
	for (int i = 0; i < 16; i++)
		dec_printf(d, "%02x", p[4 + i]);
	if (len > RAD_HDR)
		rad_attributes(d, p + RAD_HDR, (unsigned)(len - RAD_HDR));
}
