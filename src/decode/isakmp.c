/* isakmp.c: ISAKMP / IKEv1 (RFC 2408, 2409, IPsec DOI RFC 2407) and IKEv2
 * (RFC 4306) over UDP 500 (and 7500, 8500), and NAT traversal on UDP 4500
 * (RFC 3948), as tcpdump 4.99 prints them:
 *
 *   isakmp: phase 1 I ident                         (no -v)
 *   isakmp 1.0 msgid 00000000: phase 1 I ident:     (-v: then one
 *       (sa: doi=ipsec situation=identity ...)       "(payload ...)" line
 *                                                    per payload, nested)
 *   isakmp: parent_sa ikev2_init[I]                  (IKEv2)
 *
 * -vv adds the cookies and some of the data, -vvv all of it in hex.
 * Whether an IKEv1 message comes from the initiator is told by a cache of
 * the initiator cookies seen so far and the addresses they came from
 * (d->ike, 20 entries reused round robin, as tcpdump's).
 *
 * tcpdump's payload printers check their fixed part first and end with
 * " [|name]" (name: the payload's short name) when it is not captured;
 * reads past that check jump out with " [|isakmp]" (dec_need). */
#include <string.h>

#include "decode/dec.h"

#define IKE_HDR 28          /* cookies, np, version, type, flags, msgid, length */
#define IKE_GEN 4           /* generic payload header: np, critical, length */
#define IKE_FLAG_E 0x01     /* v1: encrypted */
#define IKE_FLAG_C 0x02     /* v1: commit */
#define IKE_FLAG_I 0x08     /* v2: initiator */
#define IKE_FLAG_V 0x10     /* v2: version */
#define IKE_FLAG_R 0x20     /* v2: response */
#define IKE_CRITICAL 0x80

enum {                      /* payload types (RFC 2408 3.1, RFC 4306 3.2) */
	NP_SA = 1, NP_P = 2, NP_T = 3, NP_KE = 4, NP_ID = 5, NP_CERT = 6, NP_CR = 7, NP_HASH = 8,
	NP_SIG = 9, NP_NONCE = 10, NP_N = 11, NP_D = 12, NP_VID = 13, NP_V2E = 46,
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* tcpdump's names for payload types, "#N" past them or on a hole */
static const char *const ike_np[] = {
	"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig", "nonce", "n", "d", "vid",
	"pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22", "pay23",
	"pay24", "pay25", "pay26", "pay27", "pay28", "pay29", "pay30", "pay31", "pay32",
	"v2sa", "v2ke", "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce", "v2n", "v2d",
	"v2vid", "v2TSi", "v2TSr", "v2e", "v2cp", "v2eap",
};
static const char *const ike_etype[] = {
	[0] = "none", [1] = "base", [2] = "ident", [3] = "auth", [4] = "agg", [5] = "inf",
	[32] = "oakley-quick", [33] = "oakley-newgroup",
	[34] = "ikev2_init", [35] = "ikev2_auth", [36] = "child_sa", [37] = "inf2",
};
static const char *const ike_protoid[] = { NULL, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp" };
static const char *const ike_v1_p[] = { NULL, "ike" };
static const char *const ike_v2_ttype[] = { NULL, "encr", "prf", "integ", "dh", "esn" };
static const char *const ike_ah[] = { NULL, "(reserved)", "md5", "sha", "1des", "sha2-256", "sha2-384", "sha2-512" };
static const char *const ike_prf[] = { NULL, "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc" };
static const char *const ike_integ[] = { NULL, "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc" };
static const char *const ike_esn[] = { "no-esn", "esn" };
static const char *const ike_dh[] = {
	NULL, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536", "iana-grp06", "iana-grp07",
	"iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11", "iana-grp12", "iana-grp13", "modp2048",
	"modp3072", "modp4096", "modp6144", "modp8192",
};
static const char *const ike_esp[] = {
	NULL, "1des-iv64", "1des", "3des", "rc5", "idea", "cast", "blowfish", "3idea", "1des-iv32", "rc4",
	"null", "aes",
};
static const char *const ike_ipcomp[] = { NULL, "oui", "deflate", "lzs" };
static const char *const ike_cert[] = {
	"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos", "crl", "arl", "spki", "x509attr",
};
static const char *const ike_v1_idtype[] = {
	NULL, "IPv4", "FQDN", "user FQDN", "IPv4net", "IPv6", "IPv6net", "IPv4range", "IPv6range",
	"ASN1 DN", "ASN1 GN", "keyid",
};
static const char *const ike_v2_auth[] = { "invalid", "rsasig", "shared-secret", "dsssig" };

/* Data attributes (RFC 2408 3.3): a name per type, names for its values. */
struct ike_attr {
	const char *type;
	unsigned nvalue;
	const char *const *value;
};
#define IKE_VALS(...) (unsigned)NELEM(((const char *const[]){ __VA_ARGS__ })), (const char *const[]){ __VA_ARGS__ }
static const struct ike_attr ike_ipsec_attrs[] = {   /* RFC 2407 4.5 */
	{ NULL, 0, NULL }, { "lifetype", IKE_VALS(NULL, "sec", "kb") }, { "life", 0, NULL },
	{ "group desc", NELEM(ike_dh) - 1, ike_dh }, { "enc mode", IKE_VALS(NULL, "tunnel", "transport") },
	{ "auth", IKE_VALS(NULL, "hmac-md5", "hmac-sha1", "1des-mac", "keyed") }, { "keylen", 0, NULL },
	{ "rounds", 0, NULL }, { "dictsize", 0, NULL }, { "privalg", 0, NULL },
};
static const struct ike_attr ike_oakley_attrs[] = {  /* RFC 2409 appendix A */
	{ NULL, 0, NULL },
	{ "enc", IKE_VALS(NULL, "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes") },
	{ "hash", IKE_VALS(NULL, "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512") },
	{ "auth", IKE_VALS(NULL, "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised") },
	{ "group desc", NELEM(ike_dh) - 1, ike_dh }, { "group type", IKE_VALS(NULL, "MODP", "ECP", "EC2N") },
	{ "group prime", 0, NULL }, { "group gen1", 0, NULL }, { "group gen2", 0, NULL },
	{ "group curve A", 0, NULL }, { "group curve B", 0, NULL },
	{ "lifetype", IKE_VALS(NULL, "sec", "kb") }, { "lifeduration", 0, NULL }, { "prf", 0, NULL },
	{ "keylen", 0, NULL }, { "field", 0, NULL }, { "order", 0, NULL },
};
/* IKEv2 ENCR transforms: only the key length (14) has a name */
static const struct ike_attr ike_encr_attrs[] = { [14] = { "keylen", 0, NULL } };

/* One message being printed. */
struct ike {
	struct dec_ctx *d;
	const struct dec_net *n;
	const uint8_t *hdr;        /* the ISAKMP header */
	const uint8_t *ep;         /* end of the captured bytes */
	unsigned phase;            /* 1: message id 0, else 2 */
};

/* "\n", four spaces per level (depth + 1 of them), "(": a payload's start */
static void ike_indent(struct dec_ctx *d, int depth)
{
	dec_printf(d, "\n");
	for (int i = 0; i <= depth; i++)
		dec_printf(d, "    ");
	dec_printf(d, "(");
}

/* tab's name for x, else "#x" (tcpdump's STR_OR_ID) */
static void ike_str(struct dec_ctx *d, const char *const *tab, size_t n, unsigned x)
{
	if (x < n && tab[x])
		dec_printf(d, "%s", tab[x]);
	else
		dec_printf(d, "#%u", x);
}
#define STR(d, tab, x) ike_str(d, tab, NELEM(tab), x)

static void ike_np_name(struct dec_ctx *d, unsigned np)
{
	STR(d, ike_np, np);
}

/* " [|name]": a payload's fixed part not captured */
static const uint8_t *ike_cut(struct ike *k, unsigned np)
{
	dec_printf(k->d, " [|");
	ike_np_name(k->d, np);
	dec_printf(k->d, "]");
	return NULL;
}

static void ike_hex(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dec_printf(d, "%02x", p[i]);
}
/* n bytes in hex, 0 (nothing printed) when they are not all captured */
static int ike_raw(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	if (!dec_has(d, p, n))
		return 0;
	ike_hex(d, p, n);
	return 1;
}
/* With -vvv, " " and the n bytes at p in hex (n > 0); 0 when they are
 * not all captured */
static int ike_vvv(struct ike *k, const uint8_t *p, unsigned n)
{
	if (k->d->o.vflag <= 2 || n == 0)
		return 1;
	dec_printf(k->d, " ");
	return ike_raw(k->d, p, n);
}
/* " data=(" the first 10 and the last 20 bytes before ep ")": ep is the
 * capture's end, not the payload's, as in tcpdump */
static int ike_somedata(struct ike *k, const uint8_t *cp)
{
	const uint8_t *ep = k->ep, *end = ep - 20;
	ptrdiff_t len = ep - cp, elen = 20;
	if (len > 10)
		len = 10;
	if (end < cp + len) {
		end = cp + len;
		elen = ep - end;
	}
	dec_printf(k->d, " data=(");
	if (!ike_raw(k->d, cp, (size_t)len))
		return 0;
	dec_printf(k->d, "...");
	if (elen && !ike_raw(k->d, end, (size_t)elen))
		return 0;
	dec_printf(k->d, ")");
	return 1;
}
/* One data attribute at p, inside the payload ending at ep2: the next
 * one, ep2 + 1 when it runs past ep2, NULL when cut short. */
static const uint8_t *ike_attr(struct ike *k, const uint8_t *p, const uint8_t *ep2, const struct ike_attr *map,
			       size_t nmap)
{
	struct dec_ctx *d = k->d;
	int tv = dec_u8(d, p) & 0x80;
	size_t totlen = tv ? 4 : 4 + (size_t)dec_be16(d, p + 2);
	if (ep2 < p || (size_t)(ep2 - p) < totlen) {
		dec_printf(d, "[|attr]");
		return ep2 + 1;
	}
	unsigned t = dec_be16(d, p) & 0x7fff;
	const struct ike_attr *a = map && t < nmap && map[t].type ? &map[t] : NULL;
	dec_printf(d, "(");
	if (a)
		dec_printf(d, "type=%s ", a->type);
	else
		dec_printf(d, "type=#%u ", t);
	if (tv) {
		dec_printf(d, "value=");
		unsigned v = dec_be16(d, p + 2);
		if (a && v < a->nvalue && a->value[v])
			dec_printf(d, "%s", a->value[v]);
		else
			ike_hex(d, p + 2, 2);
	} else {
		dec_printf(d, "len=%zu value=", totlen - 4);
		if (!ike_raw(d, p + 4, totlen - 4)) {
			dec_printf(d, ")");
			return NULL;
		}
	}
	dec_printf(d, ")");
	return p + totlen;
}
/* the attributes from cp to the payload's end ep2 (or the capture's) */
static const uint8_t *ike_attrs(struct ike *k, const uint8_t *cp, const uint8_t *ep2, const struct ike_attr *map,
				size_t nmap)
{
	while (cp && cp < k->ep && cp < ep2)
		cp = ike_attr(k, cp, ep2, map, nmap);
	if (cp && k->ep < ep2)
		dec_printf(k->d, "...");
	return cp;
}

static const uint8_t *ike_payloads(struct ike *k, unsigned np, const uint8_t *ext, unsigned proto, int depth);

/* --- IKEv1 payloads: (k, payload, its length, proto of the proposal) --- */
struct ike_pl {                    /* one payload */
	unsigned np;               /* its type */
	const uint8_t *ext;        /* its generic header */
	unsigned len;              /* its length, from that header */
	unsigned proto;            /* v1: the protocol of the proposal around it */
	int depth;                 /* how deep it is nested */
};
typedef const uint8_t *(*ike_printer)(struct ike *k, const struct ike_pl *pl);

static const uint8_t *v1_sa(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned proto = pl->proto;
	int depth = pl->depth;
	struct dec_ctx *d = k->d;
	uint32_t doi = dec_get_be32(ext + 4), sit = dec_get_be32(ext + 8);
	if (doi != 1) {
		dec_printf(d, " doi=%u situation=%u", doi, sit);
		return ext + 12;
	}
	dec_printf(d, " doi=ipsec situation=");
	int t = 0;
	if (sit & 0x01)
		dec_printf(d, "identity"), t++;
	if (sit & 0x02)
		dec_printf(d, "%ssecrecy", t++ ? "+" : "");
	if (sit & 0x04)
		dec_printf(d, "%sintegrity", t ? "+" : "");
	const uint8_t *next = ext + 12;
	if (sit != 0x01) {
		/* tcpdump reads its "ident" at the DOI's offset */
		dec_printf(d, " ident=%u", dec_be32(d, ext + 4));
		next += 4;
	}
	if (!dec_has(d, next, IKE_GEN))
		return ike_cut(k, NP_SA);
	return ike_payloads(k, NP_P, next, proto, depth);
}

static const uint8_t *v1_p(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	struct dec_ctx *d = k->d;
	unsigned prot = ext[5], spi = ext[6];
	dec_printf(d, " #%u protoid=", ext[4]);
	STR(d, ike_protoid, prot);
	dec_printf(d, " transform=%u", ext[7]);
	if (spi) {
		dec_printf(d, " spi=");
		if (!ike_raw(d, ext + 8, spi))
			return ike_cut(k, NP_P);
	}
	if (!dec_has(d, ext + 8 + spi, IKE_GEN))
		return ike_cut(k, NP_P);
	return ike_payloads(k, NP_T, ext + 8 + spi, prot, pl->depth);
}

/* What a transform's id and attributes mean: by the protocol of the v1
 * proposal, by the type of the v2 transform. */
struct ike_kind {
	const char *const *ids;
	size_t nids;
	const struct ike_attr *map;
	size_t nmap;
};
#define KIND(ids, map) { ids, NELEM(ids), map, NELEM(map) }
#define KIND_IDS(ids) { ids, NELEM(ids), NULL, 0 }
static const struct ike_kind ike_v1_kinds[] = {
	[1] = KIND(ike_v1_p, ike_oakley_attrs), [2] = KIND(ike_ah, ike_ipsec_attrs),
	[3] = KIND(ike_esp, ike_ipsec_attrs), [4] = KIND(ike_ipcomp, ike_ipsec_attrs),
};
static const struct ike_kind ike_v2_kinds[] = {
	[1] = KIND(ike_esp, ike_encr_attrs), [2] = KIND_IDS(ike_prf), [3] = KIND_IDS(ike_integ),
	[4] = KIND_IDS(ike_dh), [5] = KIND_IDS(ike_esn),
};

/* " id=NAME " and the attributes of a transform (kind NULL: unknown) */
static const uint8_t *ike_transform(struct ike *k, const struct ike_kind *kind, unsigned id, const uint8_t *ext,
				    unsigned item_len)
{
	struct dec_ctx *d = k->d;
	if (kind && !kind->ids)
		kind = NULL;
	dec_printf(d, " id=");
	if (kind)
		ike_str(d, kind->ids, kind->nids, id);
	else
		dec_printf(d, "%u", id);
	dec_printf(d, " ");
	const uint8_t *cp = ike_attrs(k, ext + 8, ext + item_len, kind ? kind->map : NULL, kind ? kind->nmap : 0);
	return cp ? cp : ike_cut(k, NP_T);
}

static const uint8_t *v1_t(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	dec_printf(k->d, " #%u", ext[4]);
	unsigned proto = pl->proto;
	return ike_transform(k, proto < NELEM(ike_v1_kinds) ? &ike_v1_kinds[proto] : NULL, ext[5], ext, pl->len);
}

/* The end of a payload whose bytes from off on -vvv prints in hex (NULL,
 * " [|name]", when they are not captured) */
static const uint8_t *ike_rest(struct ike *k, const struct ike_pl *pl, unsigned off)
{
	if (!ike_vvv(k, pl->ext + off, pl->len - off))
		return ike_cut(k, pl->np);
	return pl->ext + pl->len;
}

/* KE, hash, signature, vendor id: the length, with -vvv the bytes */
static const uint8_t *v1_data(struct ike *k, const struct ike_pl *pl)
{
	dec_printf(k->d, "%s len=%u", pl->np == NP_KE ? " key" : "", pl->len - 4);
	return ike_rest(k, pl, 4);
}

static const uint8_t *v1_cert(struct ike *k, const struct ike_pl *pl)
{
	dec_printf(k->d, " len=%u type=", pl->len - 4);
	STR(k->d, ike_cert, pl->ext[4]);
	return ike_rest(k, pl, 4);
}

static const uint8_t *v1_nonce(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned item_len = pl->len;
	struct dec_ctx *d = k->d;
	dec_printf(d, " n len=%u", item_len - 4);
	if (item_len > 4) {
		if (d->o.vflag > 2) {
			dec_printf(d, " ");
			if (!ike_raw(d, ext + 4, item_len - 4))
				return ike_cut(k, NP_NONCE);
		} else if (d->o.vflag > 1) {
			dec_printf(d, " ");
			if (!ike_somedata(k, ext + 4))
				return ike_cut(k, NP_NONCE);
		}
	}
	return ext + item_len;
}

/* The DOI and protocol of a notification or delete (both 12 bytes:
 * header, DOI, protocol, SPI size, a 16-bit field) */
static void v1_doi(struct ike *k, const struct ike_pl *pl)
{
	struct dec_ctx *d = k->d;
	const uint8_t *ext = pl->ext;
	uint32_t doi = dec_get_be32(ext + 4);
	if (doi != 1)
		dec_printf(d, " doi=%u proto=%u", doi, ext[8]);
	else {
		dec_printf(d, " doi=ipsec proto=");
		STR(d, ike_protoid, ext[8]);
	}
}

/* " type=NAME" of a v1 notification: four ranges with their own names */
static void v1_ntype(struct dec_ctx *d, unsigned type, int ipsec)
{
	static const char *const err[] = {
		NULL, "INVALID-PAYLOAD-TYPE", "DOI-NOT-SUPPORTED", "SITUATION-NOT-SUPPORTED", "INVALID-COOKIE",
		"INVALID-MAJOR-VERSION", "INVALID-MINOR-VERSION", "INVALID-EXCHANGE-TYPE", "INVALID-FLAGS",
		"INVALID-MESSAGE-ID", "INVALID-PROTOCOL-ID", "INVALID-SPI", "INVALID-TRANSFORM-ID",
		"ATTRIBUTES-NOT-SUPPORTED", "NO-PROPOSAL-CHOSEN", "BAD-PROPOSAL-SYNTAX", "PAYLOAD-MALFORMED",
		"INVALID-KEY-INFORMATION", "INVALID-ID-INFORMATION", "INVALID-CERT-ENCODING",
		"INVALID-CERTIFICATE", "CERT-TYPE-UNSUPPORTED", "INVALID-CERT-AUTHORITY",
		"INVALID-HASH-INFORMATION", "AUTHENTICATION-FAILED", "INVALID-SIGNATURE", "ADDRESS-NOTIFICATION",
		"NOTIFY-SA-LIFETIME", "CERTIFICATE-UNAVAILABLE", "UNSUPPORTED-EXCHANGE-TYPE",
		"UNEQUAL-PAYLOAD-LENGTHS",
	};
	static const char *const ipsec_err[] = { "RESERVED" };
	static const char *const status[] = { "CONNECTED" };
	static const char *const ipsec_status[] = { "RESPONDER-LIFETIME", "REPLAY-STATUS", "INITIAL-CONTACT" };
	dec_printf(d, " type=");
	if (type < 8192)
		STR(d, err, type);
	else if (type < 16384)
		ipsec ? STR(d, ipsec_err, type - 8192) : dec_printf(d, "#%u", type);
	else if (type < 24576)
		STR(d, status, type - 16384);
	else if (type < 32768 && ipsec)
		STR(d, ipsec_status, type - 24576);
	else
		dec_printf(d, "#%u", type);
}

static const uint8_t *v1_n(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned item_len = pl->len;
	struct dec_ctx *d = k->d;
	v1_doi(k, pl);
	uint32_t doi = dec_get_be32(ext + 4);
	unsigned spi = ext[9], type = dec_get_be16(ext + 10);
	v1_ntype(d, type, doi == 1);
	if (spi) {
		dec_printf(d, " spi=");
		if (!ike_raw(d, ext + 12, spi))
			return ike_cut(k, NP_N);
	}
	const uint8_t *cp = ext + 12 + spi, *ep2 = ext + item_len;
	if (doi != 1)
		return cp;
	if (cp < k->ep) {
		switch (type) {
		case 24576: /* RESPONDER-LIFETIME: attributes */
			dec_printf(d, " attrs=(");
			while (cp < k->ep && cp < ep2) {
				cp = ike_attr(k, cp, ep2, ike_oakley_attrs, NELEM(ike_oakley_attrs));
				if (!cp) {
					dec_printf(d, ")");
					return ike_cut(k, NP_N);
				}
			}
			dec_printf(d, ")");
			break;
		case 24577: /* REPLAY-STATUS */
			dec_printf(d, " status=(");
			dec_printf(d, "replay detection %sabled)", dec_be32(d, cp) ? "en" : "dis");
			break;
		default:
			if (d->o.vflag > 3) {
				dec_printf(d, " data=(");
				if (!ike_raw(d, cp, (size_t)(k->ep - cp)))
					return ike_cut(k, NP_N);
				dec_printf(d, ")");
			} else if (!ike_somedata(k, cp))
				return ike_cut(k, NP_N);
		}
	}
	return ext + item_len;
}

static const uint8_t *v1_d(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	struct dec_ctx *d = k->d;
	v1_doi(k, pl);
	unsigned spi = ext[9], nspi = dec_get_be16(ext + 10);
	dec_printf(d, " spilen=%u nspi=%u spi=", spi, nspi);
	const uint8_t *q = ext + 12;
	for (unsigned i = 0; i < nspi; i++, q += spi) {
		if (i)
			dec_printf(d, ",");
		if (!ike_raw(d, q, spi))
			return ike_cut(k, NP_D);
	}
	return q;
}

/* The identification data of an IPsec DOI ID (RFC 2407 4.6.2): len bytes at data. */
static int v1_iddata(struct ike *k, unsigned type, const uint8_t *data, unsigned len)
{
	struct dec_ctx *d = k->d;
	static const struct { unsigned type, min; } sizes[] = {
		{ 1, 4 }, { 4, 8 }, { 5, 16 }, { 6, 32 }, { 7, 8 }, { 8, 32 },
	};
	for (size_t i = 0; i < NELEM(sizes); i++) {
		if (sizes[i].type != type)
			continue;
		if (len < sizes[i].min) {
			dec_printf(d, " len=%u [bad: < %u]", len, sizes[i].min);
			return 1;
		}
		dec_printf(d, " len=%u ", len);
		break;
	}
	switch (type) {
	case 1: dec_ip4addr(d, data); return 1;
	case 2: case 3:
		dec_printf(d, " len=%u ", len);
		for (unsigned i = 0; i < len; i++)
			dec_putc_safe(d, dec_u8(d, data + i));
		return 1;
	case 4:
		dec_ip4addr(d, data);
		dec_printf(d, "/%u.%u.%u.%u", data[4], data[5], data[6], data[7]);
		return 1;
	case 5: dec_ip6addr(d, data); return 1;
	case 6:
		dec_ip6addr(d, data);
		dec_printf(d, "/0x");
		ike_hex(d, data + 16, 16);
		return 1;
	case 7:
		dec_ip4addr(d, data);
		dec_printf(d, "-");
		dec_ip4addr(d, data + 4);
		return 1;
	case 8:
		dec_ip6addr(d, data);
		dec_printf(d, "-");
		dec_ip6addr(d, data + 16);
		return 1;
	}
	return 0;
}

static const uint8_t *v1_id(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	struct dec_ctx *d = k->d;
	const uint8_t *data = pl->len > 8 ? ext + 8 : NULL;
	unsigned len = pl->len > 8 ? pl->len - 8 : 0;
	unsigned type = ext[4], prot = ext[5];
	const char *pname;
	dec_printf(d, " idtype=");
	STR(d, ike_v1_idtype, type);
	if (!d->o.nflag && prot && (pname = dec_proto_name(d, prot)) != NULL)
		dec_printf(d, " protoid=%s", pname);
	else
		dec_printf(d, " protoid=%u", prot);
	dec_printf(d, " port=%u", dec_get_be16(ext + 6));
	if (len) {
		if (!dec_has(d, data, len))
			return ike_cut(k, NP_ID);
		if (v1_iddata(k, type, data, len))
			len = 0;
	}
	if (data && len) {
		dec_printf(d, " len=%u", len);
		if (d->o.vflag > 2) {
			dec_printf(d, " ");
			if (!ike_raw(d, data, len))
				return ike_cut(k, NP_ID);
		}
	}
	return ext + pl->len;
}

/* --- IKEv2 payloads --- */
static void v2_name(struct ike *k, const char *name, const uint8_t *ext)
{
	dec_printf(k->d, "%s%s:", name, ext[1] & IKE_CRITICAL ? "[C]" : "");
}
/* certificate, certificate request, delete, traffic selectors,
 * configuration, EAP: the length, with -vvv the bytes */
static const uint8_t *v2_gen(struct ike *k, const struct ike_pl *pl)
{
	dec_printf(k->d, " len=%u", pl->len - 4);
	return ike_rest(k, pl, 4);
}

static const uint8_t *v2_t(struct ike *k, unsigned tcount, const uint8_t *ext, unsigned item_len)
{
	if (!dec_has(k->d, ext, 8))
		return ike_cut(k, NP_T);
	v2_name(k, "t", ext);
	unsigned type = ext[4];
	dec_printf(k->d, " #%u type=", tcount);
	STR(k->d, ike_v2_ttype, type);
	return ike_transform(k, type < NELEM(ike_v2_kinds) ? &ike_v2_kinds[type] : NULL, dec_get_be16(ext + 6), ext,
			     item_len);
}

static const uint8_t *v2_subs(struct ike *k, unsigned first, unsigned tpay, const uint8_t *cp, unsigned length,
			      int depth);

/* A proposal: its header, then its transforms.  tcpdump counts the
 * transforms' room from the proposal's length less 4 (not 8). */
static const uint8_t *v2_p(struct ike *k, const uint8_t *ext, unsigned item_len, int depth)
{
	struct dec_ctx *d = k->d;
	if (!dec_has(d, ext, 8))
		return ike_cut(k, NP_P);
	unsigned spi = ext[6], plen = item_len - 4;
	v2_name(k, "p", ext);
	dec_printf(d, " #%u protoid=", ext[4]);
	STR(d, ike_protoid, ext[5]);
	dec_printf(d, " transform=%u len=%u", ext[7], item_len);
	if (spi) {
		if (plen < spi) {
			ike_cut(k, NP_P);
			return ext + 8 + plen;
		}
		dec_printf(d, " spi=");
		if (!ike_raw(d, ext + 8, spi))
			return ike_cut(k, NP_P);
	}
	return v2_subs(k, NP_T, NP_P, ext + 8 + spi, plen - spi, depth);
}

/* The substructures of an SA (proposals) or of a proposal (transforms):
 * "\n    (p: ...)" each, from cp for length bytes.  One past the length
 * ends the list with " [|tpay]" and skips the rest (tcpdump's "toolong");
 * one not captured, or shorter than its header, ends the message. */
static const uint8_t *v2_subs(struct ike *k, unsigned first, unsigned tpay, const uint8_t *cp, unsigned length,
			      int depth)
{
	struct dec_ctx *d = k->d;
	unsigned count = 0;
	for (unsigned np = first; np != 0;) {
		const uint8_t *ext = cp;
		count++;
		if (length < IKE_GEN) {
			ike_cut(k, tpay);
			return cp + length;
		}
		if (!dec_has(d, ext, IKE_GEN))
			return ike_cut(k, tpay);
		unsigned item_len = dec_get_be16(ext + 2);
		if (item_len <= 4)
			return ike_cut(k, tpay);
		if (length < item_len) {
			ike_cut(k, tpay);
			return cp + length;
		}
		if (!dec_has(d, cp, item_len))
			return ike_cut(k, tpay);
		ike_indent(d, depth);
		if (np == NP_P && first == NP_P)
			cp = v2_p(k, ext, item_len, depth + 1);
		else if (np == NP_T && first == NP_T)
			cp = v2_t(k, count, ext, item_len);
		else {
			ike_np_name(d, np);
			cp = ext + item_len;
		}
		if (!cp)
			return NULL;
		dec_printf(d, ")");
		length -= item_len;
		np = ext[0];
	}
	return cp;
}

static const uint8_t *v2_sa(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned np = pl->np, item_len = pl->len;
	int depth = pl->depth;
	dec_printf(k->d, " len=%u", item_len - 4);
	return v2_subs(k, NP_P, np, ext + 4, item_len - 4, depth);
}

static const uint8_t *v2_ke(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned item_len = pl->len;
	struct dec_ctx *d = k->d;
	if (item_len < 8) {
		dec_printf(d, " len=%u < 8", item_len);
		return ext + item_len;
	}
	dec_printf(d, " len=%u group=", item_len - 8);
	STR(d, ike_dh, dec_get_be16(ext + 4));
	return ike_rest(k, pl, 8);
}

static const uint8_t *v2_id(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned np = pl->np, item_len = pl->len;
	static const struct dec_tok kinds[] = {
		{ 1, " ipv4:" }, { 2, " fqdn:" }, { 3, " rfc822:" }, { 5, " ipv6:" }, { 9, " dn:" },
		{ 10, " gn:" }, { 11, " keyid:" }, { 0, NULL },
	};
	struct dec_ctx *d = k->d;
	dec_printf(d, " len=%u", item_len - 4);
	if (!ike_vvv(k, ext + 4, item_len - 4))
		return ike_cut(k, np);
	int tlen = (int)item_len - 8;
	unsigned type = ext[4];
	const char *kind = dec_tok(kinds, type, NULL);
	if (kind) {
		dec_printf(d, "%s", kind);
		if (type == 2 || type == 3) {
			if (tlen > 0 && !dec_has(d, ext + 8, (size_t)tlen))
				return ike_cut(k, np);
			dec_text(d, ext + 8, (size_t)tlen, DEC_TEXT_DOT);
		} else if (tlen < 0 || !ike_raw(d, ext + 8, (size_t)tlen))
			return ike_cut(k, np);
	}
	return ext + item_len;
}

/* With -vv " what=(" the n bytes at p in hex ") ", with -v some of the
 * bytes from p to the capture's end; 0 when they are not captured */
static int v2_data(struct ike *k, const char *what, const uint8_t *p, long n)
{
	if (k->d->o.vflag > 1) {
		dec_printf(k->d, " %s=(", what);
		if (n < 0 || !ike_raw(k->d, p, (size_t)n))
			return 0;
		dec_printf(k->d, ") ");
		return 1;
	}
	return !k->d->o.vflag || ike_somedata(k, p);
}

static const uint8_t *v2_auth(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned np = pl->np, item_len = pl->len;
	struct dec_ctx *d = k->d;
	dec_printf(d, " len=%u method=", item_len - 4);
	STR(d, ike_v2_auth, ext[4]);
	if (item_len > 4 && !v2_data(k, "authdata", ext + 8, (long)item_len - 8))
		return ike_cut(k, np);
	return ext + item_len;
}

static const uint8_t *v2_nonce(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned np = pl->np, item_len = pl->len;
	struct dec_ctx *d = k->d;
	dec_printf(d, " len=%u", item_len - 4);
	if (item_len > 4 && !v2_data(k, "nonce", ext + 4, (long)item_len - 4))
		return ike_cut(k, np);
	return ext + item_len;
}

/* IKEv2 notify types (RFC 4306 3.10.1): name, whether the SPI is shown,
 * whether some of the data is */
struct v2_notify {
	unsigned type;
	const char *name;
	unsigned char spi, data;
};
static const struct v2_notify v2_notifies[] = {
	{ 1, "unsupported_critical_payload", 0, 0 }, { 4, "invalid_ike_spi", 1, 0 },
	{ 5, "invalid_major_version", 0, 0 }, { 7, "invalid_syntax", 1, 0 }, { 9, "invalid_message_id", 1, 0 },
	{ 11, "invalid_spi", 1, 0 }, { 14, "no_protocol_chosen", 1, 0 }, { 17, "invalid_ke_payload", 1, 0 },
	{ 24, "authentication_failed", 1, 0 }, { 34, "single_pair_required", 1, 0 },
	{ 35, "no_additional_sas", 0, 0 }, { 36, "internal_address_failure", 0, 0 },
	{ 37, "failed:cp_required", 0, 0 }, { 39, "invalid_selectors", 0, 0 },
	{ 16384, "initial_contact", 0, 0 }, { 16385, "set_window_size", 0, 0 },
	{ 16386, "additional_ts_possible", 0, 0 }, { 16387, "ipcomp_supported", 0, 0 },
	{ 16388, "nat_detection_source_ip", 1, 0 }, { 16389, "nat_detection_destination_ip", 1, 0 },
	{ 16390, "cookie", 1, 1 }, { 16391, "use_transport_mode", 0, 0 },
	{ 16392, "http_cert_lookup_supported", 0, 0 }, { 16393, "rekey_sa", 1, 0 },
	{ 16394, "tfc_padding_not_supported", 0, 0 }, { 16395, "non_first_fragment_also", 0, 0 },
};

static const uint8_t *v2_n(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned item_len = pl->len;
	struct dec_ctx *d = k->d;
	dec_printf(d, " prot_id=");
	STR(d, ike_protoid, ext[4]);
	unsigned type = dec_get_be16(ext + 6), spi = ext[5];
	const struct v2_notify *nt = NULL;
	for (size_t i = 0; i < NELEM(v2_notifies); i++)
		if (v2_notifies[i].type == type)
			nt = &v2_notifies[i];
	const char *name = nt ? nt->name : type < 8192 ? "error" : type < 16384 ? "private-error"
			   : type < 40960 ? "status" : "private-status";
	int showspi = nt ? nt->spi : 1, some = nt ? nt->data : 0;
	dec_printf(d, " type=%u(%s)", type, name);
	if (showspi && spi) {
		dec_printf(d, " spi=");
		if (!ike_raw(d, ext + 8, spi))
			return ike_cut(k, NP_N);
	}
	const uint8_t *cp = ext + 8 + spi;
	if (cp < k->ep) {
		if (d->o.vflag > 3 || (some && k->ep - cp < 30)) {
			dec_printf(d, " data=(");
			if (!ike_raw(d, cp, (size_t)(k->ep - cp)))
				return ike_cut(k, NP_N);
			dec_printf(d, ")");
		} else if (some && !ike_somedata(k, cp))
			return ike_cut(k, NP_N);
	}
	return ext + item_len;
}

/* The vendor id (as text, with -vvv in hex too) and the encrypted
 * payload (its length: tcpdump decrypts only with -E; nothing is printed
 * after it, its next-payload field names what is inside). */
static const uint8_t *v2_opaque(struct ike *k, const struct ike_pl *pl)
{
	const uint8_t *ext = pl->ext;
	unsigned np = pl->np, len = pl->len - 4;
	int vid = np != NP_V2E;
	dec_printf(k->d, vid ? " len=%u vid=" : " len=%u", len);
	if (vid && !dec_has(k->d, ext + 4, len))
		return ike_cut(k, np);
	if (vid)
		dec_text(k->d, ext + 4, len, DEC_TEXT_DOT);
	if (len > 4 && !ike_vvv(k, ext + 4, len))
		return ike_cut(k, np);
	if (!dec_has(k->d, ext + 4, len))
		return ike_cut(k, np);
	return vid ? ext + pl->len : NULL;
}

/* The printer of each payload type (tcpdump's npfunc), how many bytes of
 * it must be captured before it prints, and its name where that is not
 * the type's: a v1 payload prints "name:" and then checks, a v2 payload
 * checks and then prints "name:" or "name[C]:" (critical); a payload
 * cut short there ends with " [|name]" (of cut, when set). */
struct ike_row {
	ike_printer fn;
	unsigned char fixed, v2, cut;
	const char *name;
};
static const struct ike_row ike_rows[] = {
	[NP_SA] = { v1_sa, 12, 0, 0, NULL }, [NP_P] = { v1_p, 8, 0, 0, NULL }, [NP_T] = { v1_t, 8, 0, 0, NULL },
	[NP_KE] = { v1_data, 0, 0, 0, NULL }, [NP_ID] = { v1_id, 8, 0, 0, NULL },
	[NP_CERT] = { v1_cert, 6, 0, 0, NULL }, [NP_CR] = { v1_cert, 6, 0, 0, NULL },
	[NP_HASH] = { v1_data, 0, 0, 0, NULL }, [NP_SIG] = { v1_data, 0, 0, 0, NULL },
	[NP_NONCE] = { v1_nonce, 0, 0, 0, NULL }, [NP_N] = { v1_n, 12, 0, 0, NULL },
	[NP_D] = { v1_d, 12, 0, 0, NULL }, [NP_VID] = { v1_data, 0, 0, 0, NULL },
	[33] = { v2_sa, 4, 1, 0, "sa" }, [34] = { v2_ke, 8, 1, 0, NULL }, [35] = { v2_id, 8, 1, 0, NULL },
	[36] = { v2_id, 8, 1, 0, NULL }, [37] = { v2_gen, 4, 1, 0, NULL }, [38] = { v2_gen, 4, 1, 0, NULL },
	[39] = { v2_auth, 8, 1, 0, NULL }, [40] = { v2_nonce, 4, 1, 0, "nonce" }, [41] = { v2_n, 8, 1, NP_N, "n" },
	[42] = { v2_gen, 4, 1, 0, NULL }, [43] = { v2_opaque, 4, 1, 0, NULL }, [44] = { v2_gen, 4, 1, 0, NULL },
	[45] = { v2_gen, 4, 1, 0, NULL }, [47] = { v2_gen, 4, 1, 0, NULL }, [48] = { v2_gen, 4, 1, 0, NULL },
};
/* the encrypted payload, in an IKEv2 message only */
static const struct ike_row ike_row_e = { v2_opaque, 4, 1, 0, NULL };

/* one payload by its row: NULL where it ends the message */
static const uint8_t *ike_payload(struct ike *k, const struct ike_row *r, const struct ike_pl *pl)
{
	struct dec_ctx *d = k->d;
	int ok = dec_has(d, pl->ext, r->fixed);
	if (r->v2 && !ok)
		return ike_cut(k, r->cut ? r->cut : pl->np);
	if (r->name)
		dec_printf(d, "%s", r->name);
	else
		ike_np_name(d, pl->np);
	dec_printf(d, "%s:", r->v2 && pl->ext[1] & IKE_CRITICAL ? "[C]" : "");
	return ok ? r->fn(k, pl) : ike_cut(k, pl->np);
}

/* A chain of payloads from ext, the first of type np: "\n    (...)" each
 * (indented by depth), until a payload says none follows. */
static const uint8_t *ike_payloads(struct ike *k, unsigned np, const uint8_t *ext, unsigned proto, int depth)
{
	struct dec_ctx *d = k->d;
	const uint8_t *cp = ext;
	while (np) {
		if (!dec_has(d, ext, IKE_GEN))
			return ike_cut(k, np);
		unsigned item_len = dec_get_be16(ext + 2);
		if (!dec_has(d, ext, item_len))
			return ike_cut(k, np);
		ike_indent(d, depth);
		struct ike_pl pl = { np, ext, item_len, proto, depth + 1 };
		if (item_len <= 4)
			cp = NULL;
		else if (np == NP_V2E && k->hdr[17] >> 4 == 2)
			cp = ike_payload(k, &ike_row_e, &pl);
		else if (np < NELEM(ike_rows) && ike_rows[np].fn)
			cp = ike_payload(k, &ike_rows[np], &pl);
		else {
			ike_np_name(d, np);
			cp = ext + item_len;
		}
		dec_printf(d, ")");
		if (!cp)
			return NULL;
		np = dec_u8(d, ext);
		ext = cp;
	}
	return cp;
}

/* --- the initiator cookies (tcpdump's cookiecache) --- */
static int ike_cookie_find(struct dec_ctx *d, const uint8_t *ck)
{
	for (int i = 0; i < DEC_IKE_COOKIES; i++)
		if (memcmp(d->ike[i].ck, ck, 8) == 0)
			return i;
	return -1;
}
static void ike_cookie_record(struct dec_ctx *d, const struct dec_net *n, const uint8_t *ck)
{
	int i = ike_cookie_find(d, ck);
	if (i >= 0) {
		d->ike_next = (i + 1) % DEC_IKE_COOKIES;
		return;
	}
	struct dec_ike_cookie *c = &d->ike[d->ike_next];
	size_t alen = n->v6 ? 16 : 4;
	c->version = n->v6 ? 6 : 4;
	memcpy(c->iaddr, n->src, alen);
	memcpy(c->raddr, n->dst, alen);
	memcpy(c->ck, ck, 8);
	d->ike_next = (d->ike_next + 1) % DEC_IKE_COOKIES;
}
/* the source is the recorded initiator (init) or responder */
static int ike_cookie_side(struct dec_ctx *d, const struct dec_net *n, int i, int init)
{
	const struct dec_ike_cookie *c = &d->ike[i];
	if (c->version != (n->v6 ? 6 : 4))
		return 0;
	return memcmp(n->src, init ? c->iaddr : c->raddr, n->v6 ? 16 : 4) == 0;
}

static void ike_v1(struct ike *k, const uint8_t *p)
{
	struct dec_ctx *d = k->d;
	dec_printf(d, k->phase == 1 ? " phase 1" : " phase 2/others");
	int i = ike_cookie_find(d, p);
	static const uint8_t zero[8];
	if (i < 0) {
		if (memcmp(p + 8, zero, 8) == 0) {
			dec_printf(d, " I");
			ike_cookie_record(d, k->n, p);
		} else
			dec_printf(d, " ?");
	} else if (ike_cookie_side(d, k->n, i, 1))
		dec_printf(d, " I");
	else if (ike_cookie_side(d, k->n, i, 0))
		dec_printf(d, " R");
	else
		dec_printf(d, " ?");
	dec_printf(d, " ");
	STR(d, ike_etype, p[18]);
	if (p[19])
		dec_printf(d, "[%s%s]", p[19] & IKE_FLAG_E ? "E" : "", p[19] & IKE_FLAG_C ? "C" : "");
}

static void ike_v2(struct ike *k, const uint8_t *p)
{
	struct dec_ctx *d = k->d;
	dec_printf(d, k->phase == 1 ? " parent_sa " : " child_sa  ");
	STR(d, ike_etype, p[18]);
	if (p[19])
		dec_printf(d, "[%s%s%s]", p[19] & IKE_FLAG_I ? "I" : "", p[19] & IKE_FLAG_V ? "V" : "",
			   p[19] & IKE_FLAG_R ? "R" : "");
}

static void ike_print(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "isakmp";
	if (!dec_has(d, p, IKE_HDR)) {
		dec_printf(d, " [|isakmp]");
		return;
	}
	unsigned major = p[17] >> 4, minor = p[17] & 0x0f;
	dec_printf(d, "isakmp");
	if (d->o.vflag) {
		dec_printf(d, " %u.%u msgid ", major, minor);
		ike_hex(d, p + 20, 4);
	}
	if (d->o.vflag > 1) {
		dec_printf(d, " cookie ");
		ike_hex(d, p, 8);
		dec_printf(d, "->");
		ike_hex(d, p + 8, 8);
	}
	dec_printf(d, ":");
	if (major != 1 && major != 2)
		return;
	struct ike k = { d, n, p, d->end, dec_get_be32(p + 20) == 0 ? 1 : 2 };
	if (major == 1)
		ike_v1(&k, p);
	else
		ike_v2(&k, p);
	if (!d->o.vflag)
		return;
	dec_printf(d, ":");
	if (p[19] & IKE_FLAG_E) {
		dec_printf(d, " [encrypted ");
		ike_np_name(d, p[16]);
		dec_printf(d, "]");
	} else
		ike_payloads(&k, p[16], p + IKE_HDR, 0, 0);
	if (dec_get_be32(p + 24) != len)
		dec_printf(d, " (len mismatch: isakmp %u/ip %zu)", dec_get_be32(p + 24), len);
}

void dec_isakmp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	ike_print(d, a->n, p, len);
}

/* UDP 4500 (RFC 3948): a keepalive, IKE after four zero bytes, else ESP. */
void dec_isakmp_natt(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	d->proto = "isakmp_rfc3948";
	if (len == 1 && dec_u8(d, p) == 0xff) {
		dec_printf(d, "isakmp-nat-keep-alive");
		return;
	}
	if (len < 4) {
		dec_printf(d, " [|isakmp_rfc3948]");
		return;
	}
	if (dec_be32(d, p) == 0) {
		dec_printf(d, "NONESP-encap: ");
		ike_print(d, a->n, p + 4, len - 4);
		return;
	}
	dec_printf(d, "UDP-encap: ");
	dec_esp(d, a->n, p, len);
}
