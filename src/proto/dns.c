/* dns.c: DNS parameters (IANA "Domain Name System (DNS) Parameters"):
 * resource record types, classes, EDNS0 option codes and the algorithm
 * numbers EDNS0's DAU/DHU/N3U options list (RFC 6975), as tcpdump 4.99
 * names them.  tcpdump names only the types below; others print as
 * "Type<n>" (NSEC3, TLSA, SVCB, HTTPS, CAA among them). */
#include "proto/proto.h"

static const struct proto_row type_rows[] = {
	/* value, flags, { tcpdump, dissect } */
	{ 1, 0, { "A", "A, IPv4 address" } },          /* RFC 1035 */
	{ 2, 0, { "NS", "NS, name server" } },
	{ 3, 0, { "MD" } }, { 4, 0, { "MF" } },
	{ 5, 0, { "CNAME", "CNAME, canonical name" } },
	{ 6, 0, { "SOA", "SOA, start of authority" } },
	{ 7, 0, { "MB" } }, { 8, 0, { "MG" } }, { 9, 0, { "MR" } },
	{ 10, 0, { "NULL" } }, { 11, 0, { "WKS" } },
	{ 12, 0, { "PTR", "PTR, domain name pointer" } },
	{ 13, 0, { "HINFO" } }, { 14, 0, { "MINFO" } },
	{ 15, 0, { "MX", "MX, mail exchange" } },
	{ 16, 0, { "TXT", "TXT, text strings" } },
	{ 17, 0, { "RP" } }, { 18, 0, { "AFSDB" } },   /* RFC 1183 */
	{ 19, 0, { "X25" } }, { 20, 0, { "ISDN" } }, { 21, 0, { "RT" } },
	{ 22, 0, { "NSAP" } }, { 23, 0, { "NSAP_PTR" } }, /* RFC 1706 */
	{ 24, 0, { "SIG" } }, { 25, 0, { "KEY" } },    /* RFC 2535 */
	{ 26, 0, { "PX" } }, { 27, 0, { "GPOS" } },
	{ 28, 0, { "AAAA", "AAAA, IPv6 address" } },   /* RFC 3596 */
	{ 29, 0, { "LOC" } }, { 30, 0, { "NXT" } },
	{ 31, 0, { "EID" } }, { 32, 0, { "NIMLOC" } },
	{ 33, 0, { "SRV", "SRV, service location" } }, /* RFC 2782 */
	{ 34, 0, { "ATMA" } }, { 35, 0, { "NAPTR" } }, { 36, 0, { "KX" } },
	{ 37, 0, { "CERT" } }, { 38, 0, { "A6" } },    /* RFC 2874 */
	{ 39, 0, { "DNAME" } }, { 40, 0, { "SINK" } },
	{ 41, 0, { "OPT", "OPT, EDNS0" } },            /* RFC 6891 */
	{ 42, 0, { "APL" } },
	{ 43, 0, { "DS" } }, { 44, 0, { "SSHFP" } }, { 45, 0, { "IPSECKEY" } },
	{ 46, 0, { "RRSIG" } }, { 47, 0, { "NSEC" } }, { 48, 0, { "DNSKEY" } }, /* RFC 4034 */
	{ 99, 0, { "SPF" } },
	{ 100, 0, { "UINFO" } }, { 101, 0, { "UID" } }, { 102, 0, { "GID" } },
	{ 103, 0, { "UNSPEC" } }, { 104, 0, { "UNSPECA" } },
	{ 249, 0, { "TKEY" } }, { 250, 0, { "TSIG" } }, /* RFC 2930, RFC 8945 */
	{ 251, 0, { "IXFR" } }, { 252, 0, { "AXFR" } },
	{ 253, 0, { "MAILB" } }, { 254, 0, { "MAILA" } }, { 255, 0, { "ANY" } },
	{ 256, 0, { "URI" } },                         /* RFC 7553 */
};
const struct proto_table proto_dns_types = PROTO_TABLE(type_rows);

static const struct proto_row class_rows[] = {
	{ 1, 0, { "IN", "IN, Internet" } },
	{ 3, 0, { "CHAOS" } },
	{ 4, 0, { "HS" } },
	{ 255, 0, { "ANY" } },
};
const struct proto_table proto_dns_classes = PROTO_TABLE(class_rows);

static const struct proto_row edns_rows[] = {
	{ 1, 0, { "LLQ" } }, { 2, 0, { "UL" } }, { 3, 0, { "NSID" } },       /* RFC 5001 */
	{ 5, 0, { "DAU" } }, { 6, 0, { "DHU" } }, { 7, 0, { "N3U" } },       /* RFC 6975 */
	{ 8, 0, { "ECS" } },                                                 /* RFC 7871 */
	{ 9, 0, { "EXPIRE" } }, { 10, 0, { "COOKIE" } },                     /* RFC 7314, 7873 */
	{ 11, 0, { "KEEPALIVE" } }, { 12, 0, { "PADDING" } },                /* RFC 7828, 7830 */
	{ 13, 0, { "CHAIN" } }, { 14, 0, { "KEY-TAG" } },                    /* RFC 7901, 8145 */
	{ 16, 0, { "CLIENT-TAG" } }, { 17, 0, { "SERVER-TAG" } },
};
const struct proto_table proto_edns_opts = PROTO_TABLE(edns_rows);

/* DNSSEC algorithm numbers (RFC 8624) */
static const struct proto_row alg_rows[] = {
	{ 0, 0, { "DELETE" } }, { 1, 0, { "RSAMD5" } }, { 2, 0, { "DH" } },
	{ 3, 0, { "DS" } },        /* DSA, as tcpdump 4.99 spells it */
	{ 5, 0, { "RSASHA1" } }, { 6, 0, { "DSA-NSEC3-SHA1" } },
	{ 7, 0, { "RSASHA1-NSEC3-SHA1" } }, { 8, 0, { "RSASHA256" } },
	{ 10, 0, { "RSASHA512" } }, { 12, 0, { "ECC-GOST" } },
	{ 13, 0, { "ECDSAP256SHA256" } }, { 14, 0, { "ECDSAP384SHA384" } },
	{ 15, 0, { "ED25519" } }, { 16, 0, { "ED448" } },
	{ 252, 0, { "INDIRECT" } }, { 253, 0, { "PRIVATEDNS" } }, { 254, 0, { "PRIVATEOID" } },
};
const struct proto_table proto_dnssec_algs = PROTO_TABLE(alg_rows);

/* DS digest types (RFC 4509, RFC 6605) */
static const struct proto_row digest_rows[] = {
	{ 1, 0, { "SHA-1" } }, { 2, 0, { "SHA-256" } },
	{ 3, 0, { "GOST_R_34.11-94" } }, { 4, 0, { "SHA-384" } },
};
const struct proto_table proto_ds_digests = PROTO_TABLE(digest_rows);

/* NSEC3 hash algorithms (RFC 5155) */
static const struct proto_row nsec3_rows[] = {
	{ 1, 0, { "SHA-1" } },
};
const struct proto_table proto_nsec3_hashes = PROTO_TABLE(nsec3_rows);
