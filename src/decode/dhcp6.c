/* dhcp6.c: DHCPv6 (RFC 8415; prefix delegation RFC 3633, leasequery RFC
 * 5007, AFTR-Name RFC 6334, MUD-URL RFC 8520, ...) as tcpdump 4.99 prints
 * it on UDP 546 and 547:
 *
 *   dhcp6 solicit                                               (no -v)
 *   dhcp6 solicit (xid=d81eb8 (client-ID hwaddr type 1 000102030405)
 *       (option-request DNS-server AFTR-Name) (elapsed-time 0) ...)  (-v)
 *
 * one "(name value)" per option, nested for the options that carry
 * options (IA_NA, IA_PD, relay-message, ...).  An option past the end of
 * the message or of the capture ends the list with " [|dhcp6]". */
#include "decode/dec.h"

enum {
	DH6_RENEW = 5, DH6_INFORM_REQ = 11, DH6_RELAY_FORW = 12, DH6_RELAY_REPLY = 13,
};
enum {                             /* option codes (IANA DHCPv6 parameters) */
	O_CLIENTID = 1, O_SERVERID = 2, O_IA_NA = 3, O_IA_TA = 4, O_IA_ADDR = 5, O_ORO = 6, O_PREFERENCE = 7,
	O_ELAPSED_TIME = 8, O_RELAY_MSG = 9, O_AUTH = 11, O_UNICAST = 12, O_STATUS_CODE = 13,
	O_RAPID_COMMIT = 14, O_USER_CLASS = 15, O_VENDOR_CLASS = 16, O_VENDOR_OPTS = 17, O_INTERFACE_ID = 18,
	O_RECONF_MSG = 19, O_RECONF_ACCEPT = 20, O_SIP_SERVER_D = 21, O_SIP_SERVER_A = 22, O_DNS_SERVERS = 23,
	O_DOMAIN_LIST = 24, O_IA_PD = 25, O_IA_PD_PREFIX = 26, O_NIS_SERVERS = 27, O_NISP_SERVERS = 28,
	O_NIS_NAME = 29, O_NISP_NAME = 30, O_SNTP_SERVERS = 31, O_LIFETIME = 32, O_BCMCS_SERVER_D = 33,
	O_BCMCS_SERVER_A = 34, O_GEOCONF_CIVIC = 36, O_REMOTE_ID = 37, O_SUBSCRIBER_ID = 38,
	O_CLIENT_FQDN = 39, O_PANA_AGENT = 40, O_NEW_POSIX_TIMEZONE = 41, O_NEW_TZDB_TIMEZONE = 42, O_ERO = 43,
	O_LQ_QUERY = 44, O_CLIENT_DATA = 45, O_CLT_TIME = 46, O_LQ_RELAY_DATA = 47, O_LQ_CLIENT_LINK = 48,
	O_NTP_SERVER = 56, O_AFTR_NAME = 64, O_MUDURL = 112,
};

static const struct dec_tok dh6_msgtypes[] = {
	{ 1, "solicit" }, { 2, "advertise" }, { 3, "request" }, { 4, "confirm" }, { 5, "renew" }, { 6, "rebind" },
	{ 7, "reply" }, { 8, "release" }, { 9, "decline" }, { 10, "reconfigure" }, { 11, "inf-req" },
	{ 12, "relay-fwd" }, { 13, "relay-reply" }, { 14, "leasequery" }, { 15, "leasequery-reply" }, { 0, NULL },
};
static const struct dec_tok dh6_opts[] = {
	{ O_CLIENTID, "client-ID" }, { O_SERVERID, "server-ID" }, { O_IA_NA, "IA_NA" }, { O_IA_TA, "IA_TA" },
	{ O_IA_ADDR, "IA_ADDR" }, { O_ORO, "option-request" }, { O_PREFERENCE, "preference" },
	{ O_ELAPSED_TIME, "elapsed-time" }, { O_RELAY_MSG, "relay-message" }, { O_AUTH, "authentication" },
	{ O_UNICAST, "server-unicast" }, { O_STATUS_CODE, "status-code" }, { O_RAPID_COMMIT, "rapid-commit" },
	{ O_USER_CLASS, "user-class" }, { O_VENDOR_CLASS, "vendor-class" },
	{ O_VENDOR_OPTS, "vendor-specific-info" }, { O_INTERFACE_ID, "interface-ID" },
	{ O_RECONF_MSG, "reconfigure-message" }, { O_RECONF_ACCEPT, "reconfigure-accept" },
	{ O_SIP_SERVER_D, "SIP-servers-domain" }, { O_SIP_SERVER_A, "SIP-servers-address" },
	{ O_DNS_SERVERS, "DNS-server" }, { O_DOMAIN_LIST, "DNS-search-list" }, { O_IA_PD, "IA_PD" },
	{ O_IA_PD_PREFIX, "IA_PD-prefix" }, { O_SNTP_SERVERS, "SNTP-servers" }, { O_LIFETIME, "lifetime" },
	{ O_NIS_SERVERS, "NIS-server" }, { O_NISP_SERVERS, "NIS+-server" }, { O_NIS_NAME, "NIS-domain-name" },
	{ O_NISP_NAME, "NIS+-domain-name" }, { O_BCMCS_SERVER_D, "BCMCS-domain-name" },
	{ O_BCMCS_SERVER_A, "BCMCS-server" }, { O_GEOCONF_CIVIC, "Geoconf-Civic" }, { O_REMOTE_ID, "Remote-ID" },
	{ O_SUBSCRIBER_ID, "Subscriber-ID" }, { O_CLIENT_FQDN, "Client-FQDN" }, { O_PANA_AGENT, "PANA-agent" },
	{ O_NEW_POSIX_TIMEZONE, "POSIX-timezone" }, { O_NEW_TZDB_TIMEZONE, "POSIX-tz-database" },
	{ O_ERO, "Echo-request-option" }, { O_LQ_QUERY, "Lease-query" }, { O_CLIENT_DATA, "LQ-client-data" },
	{ O_CLT_TIME, "Clt-time" }, { O_LQ_RELAY_DATA, "LQ-relay-data" }, { O_LQ_CLIENT_LINK, "LQ-client-link" },
	{ O_NTP_SERVER, "NTP-server" }, { O_AFTR_NAME, "AFTR-Name" },
	{ O_MUDURL, "MUD-URL" }, { 0, NULL },
};
static const struct dec_tok dh6_stcodes[] = {
	{ 0, "Success" }, { 1, "UnspecFail" }, { 2, "NoAddrsAvail" }, { 3, "NoBinding" }, { 4, "NotOnLink" },
	{ 5, "UseMulticast" }, { 6, "NoPrefixAvail" }, { 7, "UnknownQueryType" }, { 8, "MalformedQuery" },
	{ 9, "NotConfigured" }, { 10, "NotAllowed" }, { 0, NULL },
};

static void dh6_print(struct dec_ctx *d, const uint8_t *p, size_t length);
static void dh6_opts_print(struct dec_ctx *d, const uint8_t *cp, const uint8_t *ep);

/* tcpdump's " ?)" for an option whose length does not fit its kind:
 * returns bad, having printed it if so */
static int dh6_bad(struct dec_ctx *d, int bad)
{
	if (bad)
		dec_printf(d, " ?)");
	return bad;
}

static void dh6_trunc(struct dec_ctx *d)
{
	dec_printf(d, " [|dhcp6]");
}
static void dh6_hex(struct dec_ctx *d, const uint8_t *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		dec_printf(d, "%02x", dec_u8(d, p + i));
}
/* at most 10 bytes in hex from from, then "...)" (tcpdump cannot tell
 * how these options are encoded) */
static void dh6_some(struct dec_ctx *d, const uint8_t *p, unsigned from, unsigned optlen)
{
	dh6_hex(d, p, from, optlen < from + 10 ? optlen : from + 10);
	dec_printf(d, "...)");
}
/* A domain name (RFC 1035 3.1, no compression) from p to ep; NULL when
 * it is malformed (tcpdump's fqdn_print failing). */
static const uint8_t *dh6_name(struct dec_ctx *d, const uint8_t *p, const uint8_t *ep)
{
	unsigned n = dec_u8(d, p);
	if (n == 0) {
		dec_printf(d, ".");
		return p + 1;
	}
	while (n) {
		if (n & 0xc0)
			return NULL;
		if (p + 1 + n > ep)
			return NULL;
		dec_text(d, p + 1, n, 0);
		dec_printf(d, ".");
		p += 1 + n;
		if (p >= ep)
			return NULL;
		n = dec_u8(d, p);
	}
	return p + 1;
}

static void dh6_duid(struct dec_ctx *d, const uint8_t *tp, unsigned optlen)
{
	if (dh6_bad(d, optlen < 2))
		return;
	unsigned type = dec_be16(d, tp);
	switch (type) {
	case 1: /* link-layer address plus time */
		if (optlen < 8)
			break;
		dec_printf(d, " hwaddr/time type %u time %u ", dec_be16(d, tp + 2), dec_be32(d, tp + 4));
		dh6_hex(d, tp, 8, optlen);
		dec_printf(d, ")");
		return;
	case 2: /* vendor id: tcpdump 4.99.3 shows 8 bytes of it */
		if (optlen < 10)
			break;
		dec_printf(d, " vid ");
		dh6_hex(d, tp, 2, 10);
		dec_printf(d, ")");
		return;
	case 3: /* link-layer address */
		if (optlen < 4)
			break;
		dec_printf(d, " hwaddr type %u ", dec_be16(d, tp + 2));
		dh6_hex(d, tp, 4, optlen);
		dec_printf(d, ")");
		return;
	default:
		dec_printf(d, " type %u)", type);
		return;
	}
	dec_printf(d, " ?)");
}

static void dh6_auth(struct dec_ctx *d, const uint8_t *tp, unsigned optlen)
{
	if (dh6_bad(d, optlen < 11))
		return;
	unsigned proto = dec_u8(d, tp), alg = dec_u8(d, tp + 1), rdm = dec_u8(d, tp + 2);
	static const struct dec_tok protos[] = { { 2, "delayed" }, { 3, "reconfigure" }, { 0, NULL } };
	static const struct dec_tok algs[] = { { 1, "HMAC-MD5" }, { 0, NULL } };
	static const struct dec_tok rdms[] = { { 0, "mono" }, { 0, NULL } };
	dec_printf(d, " proto: ");
	dec_tokf(d, protos, proto, "%u");
	dec_printf(d, ", alg: ");
	dec_tokf(d, algs, alg, "%u");
	dec_printf(d, ", RDM: ");
	dec_tokf(d, rdms, rdm, "%u");
	dec_printf(d, ", RD:");
	for (int i = 0; i < 4; i++)
		dec_printf(d, " %04x", dec_be16(d, tp + 3 + 2 * i));
	tp += 11;
	unsigned info = optlen - 11;
	if (proto == 2) {
		if (info && info < 20)
			dec_printf(d, " ??");
		else if (info) {
			if (info > 20)
				dec_printf(d, ", realm: ");
			dh6_hex(d, tp, 0, info - 20);
			tp += info - 20;
			dec_printf(d, ", key ID: %08x, HMAC-MD5:", dec_be32(d, tp));
			for (int i = 0; i < 4; i++)
				dec_printf(d, " %08x", dec_be32(d, tp + 4 + 4 * i));
		}
	} else if (proto == 3) {
		if (info != 17)
			dec_printf(d, " ??");
		else {
			unsigned t = dec_u8(d, tp);
			dec_printf(d, t == 1 ? " reconfig-key" : t == 2 ? " type: HMAC-MD5" : " type: ??");
			dec_printf(d, " value:");
			for (int i = 0; i < 4; i++)
				dec_printf(d, " %08x", dec_be32(d, tp + 1 + 4 * i));
		}
	} else
		dec_printf(d, " ??");
	dec_printf(d, ")");
}

/* " addr addr ...)": a list of IPv6 addresses */
static void dh6_addrs(struct dec_ctx *d, const uint8_t *tp, unsigned optlen)
{
	if (dh6_bad(d, optlen % 16))
		return;
	for (unsigned i = 0; i < optlen; i += 16) {
		dec_need(d, tp + i, 16);
		dec_printf(d, " ");
		dec_ip6addr(d, tp + i);
	}
	dec_printf(d, ")");
}

/* the fixed part of an option that carries options (IA_NA, ...): its
 * size; the sub-options follow, then ")" */
static int dh6_nested(struct dec_ctx *d, unsigned type, const uint8_t *tp, unsigned optlen)
{
	switch (type) {
	case O_IA_NA: case O_IA_PD:
		if (optlen < 12)
			return -1;
		dec_printf(d, " IAID:%u T1:%u T2:%u", dec_be32(d, tp), dec_be32(d, tp + 4), dec_be32(d, tp + 8));
		return 12;
	case O_IA_TA:
		if (optlen < 4)
			return -1;
		dec_printf(d, " IAID:%u", dec_be32(d, tp));
		return 4;
	case O_IA_ADDR:
		if (optlen < 24)
			return -1;
		dec_need(d, tp, 16);
		dec_printf(d, " ");
		dec_ip6addr(d, tp);
		dec_printf(d, " pltime:%u vltime:%u", dec_be32(d, tp + 16), dec_be32(d, tp + 20));
		return 24;
	case O_IA_PD_PREFIX:
		if (optlen < 25)
			return -1;
		dec_need(d, tp + 9, 16);
		dec_printf(d, " ");
		dec_ip6addr(d, tp + 9);
		dec_printf(d, "/%u pltime:%u vltime:%u", dec_u8(d, tp + 8), dec_be32(d, tp), dec_be32(d, tp + 4));
		return 25;
	case O_LQ_QUERY: {
		if (optlen < 17)
			return -1;
		static const struct dec_tok qtypes[] = { { 1, "by-address" }, { 2, "by-clientID" }, { 0, NULL } };
		dec_printf(d, " ");
		dec_tokf(d, qtypes, dec_u8(d, tp), "type_%u");
		dec_need(d, tp + 1, 16);
		dec_printf(d, " ");
		dec_ip6addr(d, tp + 1);
		return 17;
	}
	case O_CLIENT_DATA:
		return 0;
	}
	return -2;
}

/* the options whose value is text or a list of names; 0: not one */
static int dh6_textual(struct dec_ctx *d, unsigned type, const uint8_t *tp, unsigned optlen)
{
	switch (type) {
	case O_SIP_SERVER_D: case O_DOMAIN_LIST: {
		const uint8_t *q = tp, *end = tp + optlen;
		while (q < end) {
			dec_printf(d, " ");
			if (!(q = dh6_name(d, q, end)))
				return -1;
		}
		dec_printf(d, ")");
		return 1;
	}
	case O_AFTR_NAME: {
		if (dh6_bad(d, optlen < 3))
			return 1;
		unsigned remain = optlen;
		dec_printf(d, " ");
		while (remain && dec_u8(d, tp)) {
			unsigned n = dec_u8(d, tp);
			tp++;
			if (n >= remain - 1) {
				dec_printf(d, " ?");
				break;
			}
			dec_text(d, tp, n, DEC_TEXT_NUL);
			tp += n;
			remain -= n + 1;
			if (dec_u8(d, tp))
				dec_printf(d, ".");
		}
		dec_printf(d, ")");
		return 1;
	}
	case O_NEW_POSIX_TIMEZONE: case O_NEW_TZDB_TIMEZONE: case O_MUDURL:
		if (dh6_bad(d, optlen < 5))
			return 1;
		dec_printf(d, " ");
		dec_text(d, tp, optlen, DEC_TEXT_NUL);
		dec_printf(d, ")");
		return 1;
	}
	return 0;
}

static int dh6_ntp(struct dec_ctx *d, const uint8_t *tp, unsigned optlen)
{
	if (dh6_bad(d, optlen < 4))
		return 1;
	const uint8_t *end = tp + optlen;
	while (tp < end - 4) {
		unsigned code = dec_be16(d, tp), len = dec_be16(d, tp + 2);
		tp += 4;
		if (tp + len > end)
			return 0;
		dec_printf(d, " subopt:%u", code);
		if ((code == 1 || code == 2) && len == 16) {
			dec_need(d, tp, 16);
			dec_printf(d, " ");
			dec_ip6addr(d, tp);
		} else if (code == 3) {
			dec_printf(d, " ");
			if (!dh6_name(d, tp, tp + len))
				return 0;
		} else
			dec_printf(d, " ?");
		tp += len;
	}
	dec_printf(d, ")");
	return 1;
}

/* one option's value after its name; 0 when the list ends truncated */
static int dh6_value(struct dec_ctx *d, unsigned type, const uint8_t *tp, unsigned optlen)
{
	int n;
	switch (type) {
	case O_CLIENTID: case O_SERVERID:
		dh6_duid(d, tp, optlen);
		return 1;
	case O_ORO: case O_ERO:
		if (dh6_bad(d, optlen % 2))
			return 1;
		for (unsigned i = 0; i < optlen; i += 2) {
			dec_printf(d, " ");
			dec_tokf(d, dh6_opts, dec_be16(d, tp + i), "opt_%u");
		}
		dec_printf(d, ")");
		return 1;
	case O_PREFERENCE: case O_ELAPSED_TIME: case O_LIFETIME: case O_CLT_TIME: {
		unsigned want = type == O_PREFERENCE ? 1 : type == O_ELAPSED_TIME ? 2 : 4;
		if (optlen != want)
			dec_printf(d, " ?)");
		else
			dec_printf(d, " %u)", want == 1 ? dec_u8(d, tp) : want == 2 ? dec_be16(d, tp) : dec_be32(d, tp));
		return 1;
	}
	case O_RELAY_MSG: {
		/* the inner message's capture ends with the option, as in
		 * tcpdump (a read past it ends the packet) */
		const uint8_t *end = d->end;
		if (tp + optlen < end)
			d->end = tp + optlen;
		dec_printf(d, " (");
		dh6_print(d, tp, optlen);
		d->end = end;
		dec_printf(d, ")");
		return 1;
	}
	case O_AUTH:
		dh6_auth(d, tp, optlen);
		return 1;
	case O_INTERFACE_ID: case O_SUBSCRIBER_ID:
		dec_printf(d, " ");
		dh6_some(d, tp, 0, optlen);
		return 1;
	case O_REMOTE_ID:
		if (dh6_bad(d, optlen < 4))
			return 1;
		dec_printf(d, " %u ", dec_be32(d, tp));
		dh6_some(d, tp, 4, optlen);
		return 1;
	case O_LQ_RELAY_DATA:
		if (dh6_bad(d, optlen < 16))
			return 1;
		dec_need(d, tp, 16);
		dec_printf(d, " ");
		dec_ip6addr(d, tp);
		dec_printf(d, " ");
		dh6_some(d, tp, 16, optlen);
		return 1;
	case O_RECONF_MSG:
		if (dh6_bad(d, optlen != 1))
			return 1;
		n = dec_u8(d, tp);
		if (n == DH6_RENEW)
			dec_printf(d, " for renew)");
		else if (n == DH6_INFORM_REQ)
			dec_printf(d, " for inf-req)");
		else
			dec_printf(d, " for ?\?\?(%02x))", (unsigned)n);
		return 1;
	case O_STATUS_CODE:
		if (dh6_bad(d, optlen < 2))
			return 1;
		n = dec_be16(d, tp);
		dec_printf(d, " ");
		if (n > 255)
			dec_printf(d, "INVALID code");
		else
			dec_tokf(d, dh6_stcodes, (unsigned)n, "code%u");
		dec_printf(d, ")");
		return 1;
	case O_SIP_SERVER_A: case O_DNS_SERVERS: case O_SNTP_SERVERS: case O_NIS_SERVERS: case O_NISP_SERVERS:
	case O_BCMCS_SERVER_A: case O_PANA_AGENT: case O_LQ_CLIENT_LINK:
		dh6_addrs(d, tp, optlen);
		return 1;
	case O_NTP_SERVER:
		return dh6_ntp(d, tp, optlen);
	}
	n = dh6_textual(d, type, tp, optlen);
	if (n)
		return n > 0;
	n = dh6_nested(d, type, tp, optlen);
	if (n == -1)
		dec_printf(d, " ?)");
	else if (n >= 0) {
		if ((unsigned)n < optlen)
			dh6_opts_print(d, tp + n, tp + optlen);
		dec_printf(d, ")");
	} else
		dec_printf(d, ")");
	return 1;
}

static void dh6_opts_print(struct dec_ctx *d, const uint8_t *cp, const uint8_t *ep)
{
	while (cp < ep) {
		if (ep - cp < 4 || !dec_has(d, cp, 4)) {
			dh6_trunc(d);
			return;
		}
		unsigned len = dec_get_be16(cp + 2);
		if ((size_t)(ep - cp) < 4 + (size_t)len) {
			dh6_trunc(d);
			return;
		}
		unsigned type = dec_get_be16(cp);
		dec_printf(d, " (");
		dec_tokf(d, dh6_opts, type, "opt_%u");
		if (!dec_has(d, cp + 4, len)) {
			dh6_trunc(d);
			return;
		}
		if (!dh6_value(d, type, cp + 4, len)) {
			dh6_trunc(d);
			return;
		}
		cp += 4 + len;
	}
}

static void dh6_print(struct dec_ctx *d, const uint8_t *p, size_t length)
{
	const uint8_t *ep = d->end;
	if (ep > p && (size_t)(ep - p) > length)
		ep = p + length;
	d->proto = "dhcp6";
	dec_printf(d, "dhcp6");
	if (!dec_has(d, p, 4)) {
		dh6_trunc(d);
		return;
	}
	unsigned type = p[0];
	dec_printf(d, " ");
	dec_tokf(d, dh6_msgtypes, type, "msgtype-%u");
	if (!d->o.vflag)
		return;
	dec_printf(d, " (");
	if (type != DH6_RELAY_FORW && type != DH6_RELAY_REPLY) {
		dec_printf(d, "xid=%x", dec_get_be32(p) & 0xffffff);
		dh6_opts_print(d, p + 4, ep);
	} else {
		dec_need(d, p + 2, 16);
		dec_printf(d, "linkaddr=");
		dec_ip6addr(d, p + 2);
		dec_need(d, p + 18, 16);
		dec_printf(d, " peeraddr=");
		dec_ip6addr(d, p + 18);
		dh6_opts_print(d, p + 34, ep);
	}
	dec_printf(d, ")");
}

void dec_dhcp6(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	dh6_print(d, p, len);
}
