/* dns.c: DNS (RFC 1035) over UDP and TCP port 53, and multicast DNS (RFC
 * 6762) on UDP 5353, as tcpdump 4.99 prints them:
 *
 *   query:    ID[op][+][%][ [b2&3=0x..]][ [Na]][ [Nq]][ [Nn]][ [Nau]] TYPE? NAME ... (LEN)
 *   response: ID[op][rcode][*][-][|][$][ [Nq]] AN/NS/AR RR,RR ... (LEN)
 *
 * -v prints each answer's owner name and SOA contents, -vv the question of
 * a response and the authority and additional sections (" ns:", " ar:"),
 * -vvv each record's TTL ("[1h2m]").  The rcode includes the extended bits
 * of an OPT record, found by a first pass over the message.  Over TCP the
 * message follows a two-byte length that must match the segment.
 *
 * Names are printed label by label; a compression pointer must point
 * backwards from the last one followed ("<BAD PTR>"), names over 255
 * characters end in "<DOMAIN NAME TOO LONG>", unknown label types print
 * "<ELT n>" or "<BAD LABEL TYPE>".  tcpdump's printer checks most reads
 * itself and ends its part with " [|domain]" (the printer returns); a few
 * reads it leaves to its bounds-checked accessors, which jump out (dump
 * from byte 0): those are the u8/be16/be32 reads below, the rest test
 * with has().
 *
 * Positions are offsets from the start of the message (long), so that
 * pointers and lengths read from the wire never form a pointer outside
 * the capture. */
#include <arpa/inet.h>
#include <string.h>

#include "decode/dec.h"

#define DNS_HDR 12
#define DNS_MAXNAME 255         /* RFC 1035 2.3.4; tcpdump's MAXCDNAME */
/* The top two bits of a label's length byte: its kind (RFC 1035 4.1.4,
 * RFC 6891 5 for extended labels, of which tcpdump knows bit labels). */
#define DNS_LABEL_KIND 0xc0
#define DNS_LABEL_PTR 0xc0      /* a compression pointer */
#define DNS_LABEL_EXT 0x40      /* extended: the low six bits say which */
#define DNS_LABEL_RESERVED 0x80
#define DNS_ELT_BITLABEL 1      /* RFC 2673 */
#define DNS_MDNS_BIT 0x8000     /* mDNS: QU in a question, cache flush in a record */
#define DNS_NONE (-1L)          /* tcpdump's NULL position */

struct dns {
	struct dec_ctx *d;
	const uint8_t *m;           /* the message (after TCP's length) */
	long cap;                   /* bytes of it captured */
	int mdns;
};

/* Opcode and rcode words, as tcpdump writes them (two without their
 * leading space). */
static const char *const dns_ops[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef",
};
static const char *const dns_rcodes[24] = {
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain", " YXRRSet",
	" NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
	" BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie",
};

static int has(const struct dns *s, long o, long n)
{
	return o >= 0 && o <= s->cap && s->cap - o >= n;
}

/* A read tcpdump leaves to its accessors: past the capture, jump out. */
static unsigned u8(const struct dns *s, long o)
{
	if (!has(s, o, 1))
		dec_trunc(s->d);
	return s->m[o];
}

static unsigned be16(const struct dns *s, long o)
{
	if (!has(s, o, 2))
		dec_trunc(s->d);
	return (unsigned)s->m[o] << 8 | s->m[o + 1];
}

static uint32_t be32(const struct dns *s, long o)
{
	if (!has(s, o, 4))
		dec_trunc(s->d);
	return (uint32_t)be16(s, o) << 16 | be16(s, o + 2);
}

/* n characters at o, stopping at the capture's end; 1 if it did.  Runs
 * of printable characters are written at once, the others escaped. */
static int printn(const struct dns *s, long o, unsigned long n)
{
	while (n > 0 && o < s->cap) {
		unsigned long run = 0;
		while (run < n && o + (long)run < s->cap && s->m[o + run] >= 0x20 && s->m[o + run] < 0x7f)
			run++;
		if (run) {
			dec_write(s->d, (const char *)s->m + o, run);
			o += (long)run;
			n -= run;
		} else {
			dec_putc_safe(s->d, s->m[o++]);
			n--;
		}
	}
	return n != 0;
}

/* The end of the name at o without printing it, or DNS_NONE. */
static long skip_name(const struct dns *s, long o)
{
	if (!has(s, o, 1))
		return DNS_NONE;
	unsigned i = s->m[o++];
	while (i) {
		switch (i & DNS_LABEL_KIND) {
		case DNS_LABEL_PTR:    /* a pointer ends the name */
			return o + 1;
		case DNS_LABEL_EXT:    /* only bit labels have a known length */
			if ((i & 0x3f) != DNS_ELT_BITLABEL || !has(s, o, 1))
				return DNS_NONE;
			o += 1 + ((s->m[o] ? s->m[o] : 256) + 7) / 8;
			break;
		case DNS_LABEL_RESERVED:
			return DNS_NONE;
		default:
			o += i;
		}
		if (!has(s, o, 1))
			return DNS_NONE;
		i = s->m[o++];
	}
	return o;
}

/* The length of the label at o (a pointer's first byte as is), or -1
 * after saying why. */
static long label_len(const struct dns *s, long o)
{
	if (!has(s, o, 1))
		return -1;
	unsigned i = s->m[o];
	switch (i & DNS_LABEL_KIND) {
	case DNS_LABEL_EXT:
		if ((i & 0x3f) != DNS_ELT_BITLABEL) {
			dec_printf(s->d, "<ELT %u>", i & 0x3f);
			return -1;
		}
		if (!has(s, o + 1, 1))
			return -1;
		return ((s->m[o + 1] ? s->m[o + 1] : 256) + 7) / 8 + 1;
	case DNS_LABEL_RESERVED:
		dec_puts(s->d, "<BAD LABEL TYPE>");
		return -1;
	default:
		return i;
	}
}

/* A bit label "\[xHEX/BITS]" whose length byte is at o. */
static long bit_label(const struct dns *s, long o)
{
	if (!has(s, o, 1))
		return DNS_NONE;
	unsigned bits = s->m[o] ? s->m[o] : 256, b = bits;
	long lim = o + 1 + (bits + 3) / 4, p = o + 1;
	dec_puts(s->d, "\\[x");
	for (; p < lim && b > 7; b -= 8, p++)
		dec_printf(s->d, "%02x", u8(s, p));
	if (b > 4)
		dec_printf(s->d, "%02x", u8(s, p) & (0xffu << (8 - b)) & 0xff);
	else if (b > 0)
		dec_printf(s->d, "%1x", (u8(s, p) >> 4) & (0x0fu << (4 - b)) & 0x0f);
	dec_printf(s->d, "/%u]", bits);
	return lim;
}

/* Print the name at o; base is where pointers count from (the message,
 * or an EDNS CHAIN option's end).  Returns the end of the name where it
 * was found (tcpdump's rp), or DNS_NONE. */
static long print_name(const struct dns *s, long o, long base)
{
	long l = label_len(s, o), rp = DNS_NONE;
	if (l < 0 || !has(s, o, 1))
		return DNS_NONE;
	uint32_t max_off = (uint32_t)(o - base);
	unsigned i = s->m[o++], chars = 0;
	int compress = 0;
	if ((i & DNS_LABEL_KIND) != DNS_LABEL_PTR)
		rp = o + l;
	if (i == 0) {
		dec_puts(s->d, ".");
		return rp;
	}
	while (i && o < s->cap) {
		switch (i & DNS_LABEL_KIND) {
		case DNS_LABEL_PTR: {
			if (!compress) {
				rp = o + 1;
				compress = 1;
			}
			if (!has(s, o, 1))
				return DNS_NONE;
			uint32_t off = (i << 8 | s->m[o]) & 0x3fff;
			if (off >= max_off) {
				dec_puts(s->d, "<BAD PTR>");
				return DNS_NONE;
			}
			max_off = off;
			o = base + off;
			if ((l = label_len(s, o)) < 0) /* also when o is past the capture */
				return DNS_NONE;
			i = s->m[o++];
			continue;
		}
		case DNS_LABEL_EXT:
			if (bit_label(s, o) == DNS_NONE)
				return DNS_NONE;
			break;
		case DNS_LABEL_RESERVED: /* label_len has refused it already */
			dec_puts(s->d, "<BAD LABEL TYPE>");
			return DNS_NONE;
		default:
			if (chars + l <= DNS_MAXNAME) {
				if (printn(s, o, (unsigned long)l))
					return DNS_NONE;
			} else if (chars < DNS_MAXNAME) {
				if (printn(s, o, DNS_MAXNAME - chars))
					return DNS_NONE;
			}
			chars += (unsigned)l;
		}
		o += l;
		if (chars <= DNS_MAXNAME)
			dec_puts(s->d, ".");
		chars++;
		if ((l = label_len(s, o)) < 0)
			return DNS_NONE;
		i = s->m[o++];
		if (!compress)
			rp += l + 1;
	}
	if (chars > DNS_MAXNAME)
		dec_puts(s->d, "<DOMAIN NAME TOO LONG>");
	return rp;
}

/* A <character-string>: its bytes, unquoted. */
static long print_cstring(const struct dns *s, long o)
{
	if (!has(s, o, 1))
		return DNS_NONE;
	unsigned n = s->m[o++];
	if (printn(s, o, n))
		return DNS_NONE;
	return o + n;
}

static void invalid(const struct dns *s)
{
	dec_puts(s->d, " (invalid)");
}

/* --- EDNS0 options: each printer gets the option's data, len > 0 bytes
 * at o, all of it captured (print_eopt checked). --- */
typedef void (*eopt_printer)(const struct dns *s, long o, unsigned len);

/* Client subnet (RFC 7871): ADDRESS/SOURCE/SCOPE. */
static void eopt_ecs(const struct dns *s, long o, unsigned len)
{
	if (len < 4) {
		invalid(s);
		return;
	}
	unsigned family = be16(s, o), src = u8(s, o + 2), scope = u8(s, o + 3), bits;
	if (family == 1)
		bits = 32;
	else if (family == 2)
		bits = 128;
	else {
		invalid(s);
		return;
	}
	if (len - 4 > bits / 8 || src > bits || scope > bits || (src + 7) / 8 != len - 4) {
		invalid(s);
		return;
	}
	uint8_t a[16] = { 0 };
	char buf[INET6_ADDRSTRLEN];
	memcpy(a, s->m + o + 4, len - 4);
	inet_ntop(family == 1 ? AF_INET : AF_INET6, a, buf, sizeof buf);
	dec_printf(s->d, "%s/%u/%u", buf, src, scope);
}

/* Client cookie, a space, the server's. */
static void eopt_cookie(const struct dns *s, long o, unsigned len)
{
	if (len < 8 || (len > 8 && len < 16) || len > 40) {
		invalid(s);
		return;
	}
	for (unsigned i = 0; i < len; i++)
		dec_printf(s->d, "%s%02x", i == 8 ? " " : "", s->m[o + i]);
}

/* Keepalive timeout, in units of 100 ms. */
static void eopt_keepalive(const struct dns *s, long o, unsigned len)
{
	if (len != 2)
		invalid(s);
	else
		dec_printf(s->d, "%0.1f sec", be16(s, o) / 10.0);
}

static void eopt_expire(const struct dns *s, long o, unsigned len)
{
	if (len != 4)
		invalid(s);
	else
		dec_printf(s->d, "%u sec", be32(s, o));
}

/* Padding: only its length. */
static void eopt_padding(const struct dns *s, long o, unsigned len)
{
	(void)o;
	dec_printf(s->d, "(%u)", len);
}

static void eopt_keytag(const struct dns *s, long o, unsigned len)
{
	if (len % 2) {
		invalid(s);
		return;
	}
	for (unsigned i = 0; i < len; i += 2)
		dec_printf(s->d, "%s%u", i ? " " : "", be16(s, o + i));
}

/* Names from one of the algorithm tables, space-separated. */
static void print_algs(const struct dns *s, long o, unsigned len, const struct proto_table *t)
{
	for (unsigned i = 0; i < len; i++) {
		unsigned v = u8(s, o + i);
		const char *n = proto_name(t, v, PROTO_TCPDUMP);
		dec_puts(s->d, i ? " " : "");
		if (n)
			dec_puts(s->d, n);
		else
			dec_printf(s->d, "Alg_%u", v);
	}
}

static void eopt_dau(const struct dns *s, long o, unsigned len)
{
	print_algs(s, o, len, &proto_dnssec_algs);
}

static void eopt_dhu(const struct dns *s, long o, unsigned len)
{
	print_algs(s, o, len, &proto_ds_digests);
}

static void eopt_n3u(const struct dns *s, long o, unsigned len)
{
	print_algs(s, o, len, &proto_nsec3_hashes);
}

/* A name whose pointers tcpdump counts from the option's end. */
static void eopt_chain(const struct dns *s, long o, unsigned len)
{
	print_name(s, o, o + len);
}

/* NSID and options without a printer: hex. */
static void eopt_hex(const struct dns *s, long o, unsigned len)
{
	for (unsigned i = 0; i < len; i++)
		dec_printf(s->d, "%02x", s->m[o + i]);
}

static const struct {
	unsigned code;
	eopt_printer print;
} eopt_printers[] = {
	{ PROTO_EDNS_DAU, eopt_dau }, { PROTO_EDNS_DHU, eopt_dhu }, { PROTO_EDNS_N3U, eopt_n3u },
	{ PROTO_EDNS_ECS, eopt_ecs }, { PROTO_EDNS_EXPIRE, eopt_expire },
	{ PROTO_EDNS_COOKIE, eopt_cookie }, { PROTO_EDNS_KEEPALIVE, eopt_keepalive },
	{ PROTO_EDNS_PADDING, eopt_padding }, { PROTO_EDNS_CHAIN, eopt_chain },
	{ PROTO_EDNS_KEYTAG, eopt_keytag },
};

/* One EDNS0 option (RFC 6891 6.1.2): NAME[ DATA]; the position after it,
 * or DNS_NONE. */
static long print_eopt(const struct dns *s, long o)
{
	if (!has(s, o, 2))
		return DNS_NONE;
	unsigned code = be16(s, o);
	const char *n = proto_name(&proto_edns_opts, code, PROTO_TCPDUMP);
	if (n)
		dec_puts(s->d, n);
	else
		dec_printf(s->d, "Opt%u", code);
	if (!has(s, o + 2, 2))
		return DNS_NONE;
	unsigned len = be16(s, o + 2);
	o += 4;
	if (!has(s, o, len))
		return DNS_NONE;
	if (len == 0)
		return o;
	dec_puts(s->d, " ");
	eopt_printer print = eopt_hex;
	for (size_t i = 0; i < sizeof eopt_printers / sizeof eopt_printers[0]; i++)
		if (eopt_printers[i].code == code)
			print = eopt_printers[i].print;
	print(s, o, len);
	return o + len;
}

/* " NAME" from table t, or v in `unknown` (a format taking one %u). */
static void print_named(struct dec_ctx *d, const struct proto_table *t, unsigned v, const char *unknown)
{
	const char *n = proto_name(t, v, PROTO_TCPDUMP);
	if (n) {
		dec_puts(d, " ");
		dec_puts(d, n);
	} else
		dec_printf(d, unknown, v);
}

static void print_type(struct dec_ctx *d, unsigned t)
{
	print_named(d, &proto_dns_types, t, " Type%u");
}

static void print_class(struct dec_ctx *d, unsigned c)
{
	print_named(d, &proto_dns_classes, c, " (Class %u)");
}

/* A question: " TYPE[ CLASS][ (QU|QM)]? NAME"; the position after it. */
static long print_question(const struct dns *s, long o)
{
	long np = o;
	o = skip_name(s, o);
	if (o == DNS_NONE || !has(s, o, 4))
		return DNS_NONE;
	print_type(s->d, be16(s, o));
	unsigned c = be16(s, o + 2), cls = s->mdns ? c & ~DNS_MDNS_BIT : c;
	if (cls != PROTO_DNS_C_IN)
		print_class(s->d, cls);
	if (s->mdns)
		dec_puts(s->d, c & DNS_MDNS_BIT ? " (QU)" : " (QM)");
	dec_puts(s->d, "? ");
	o = print_name(s, np, 0);
	return o == DNS_NONE ? DNS_NONE : o + 4;
}

/* --- record data: tcpdump shows it for the types below only.  Each
 * printer returns 0, or -1 where tcpdump's gives up (the caller prints
 * the truncation marker). --- */
struct rdata {
	long o, rp;                /* the data and its end (captured) */
	unsigned len;              /* its length */
	unsigned cls;              /* the class field (OPT: the UDP size) */
	unsigned optfl;            /* OPT: the flags half of the TTL */
};
typedef int (*rdata_printer)(const struct dns *s, const struct rdata *r);

/* A and AAAA: one address of n bytes, in print's form. */
static int rd_addr(const struct dns *s, const struct rdata *r, long n,
		   void (*print)(struct dec_ctx *, const uint8_t *))
{
	if (!has(s, r->o, n))
		return -1;
	dec_puts(s->d, " ");
	print(s->d, s->m + r->o);
	return 0;
}

static int rd_a(const struct dns *s, const struct rdata *r)
{
	return rd_addr(s, r, 4, dec_ip4addr_num); /* numeric even without -n, as tcpdump */
}

static int rd_aaaa(const struct dns *s, const struct rdata *r)
{
	return rd_addr(s, r, 16, dec_ip6addr_num);
}

/* " NAME" at o: the offset after the name, or DNS_NONE. */
static long sp_name(const struct dns *s, long o)
{
	dec_puts(s->d, " ");
	return print_name(s, o, 0);
}

/* NS, CNAME, PTR, DNAME: one name. */
static int rd_name(const struct dns *s, const struct rdata *r)
{
	return sp_name(s, r->o) == DNS_NONE ? -1 : 0;
}

/* SOA: MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM, with -v only. */
static int rd_soa(const struct dns *s, const struct rdata *r)
{
	long o = r->o;
	if (!s->d->o.vflag)
		return 0;
	if ((o = sp_name(s, o)) == DNS_NONE)
		return -1;
	if ((o = sp_name(s, o)) == DNS_NONE || !has(s, o, 20))
		return -1;
	for (int k = 0; k < 5; k++)
		dec_printf(s->d, " %u", be32(s, o + 4 * k));
	return 0;
}

/* MX: the exchange, then the preference. */
static int rd_mx(const struct dns *s, const struct rdata *r)
{
	dec_puts(s->d, " ");
	if (!has(s, r->o, 2) || print_name(s, r->o + 2, 0) == DNS_NONE)
		return -1;
	dec_printf(s->d, " %u", be16(s, r->o));
	return 0;
}

/* TXT: each string quoted (quotes inside are not escaped). */
static int rd_txt(const struct dns *s, const struct rdata *r)
{
	for (long o = r->o; o < r->rp;) {
		dec_puts(s->d, " \"");
		if ((o = print_cstring(s, o)) == DNS_NONE)
			return -1;
		dec_puts(s->d, "\"");
	}
	return 0;
}

/* SRV: TARGET:PORT PRIORITY WEIGHT. */
static int rd_srv(const struct dns *s, const struct rdata *r)
{
	dec_puts(s->d, " ");
	if (!has(s, r->o, 6) || print_name(s, r->o + 6, 0) == DNS_NONE)
		return -1;
	dec_printf(s->d, ":%u %u %u", be16(s, r->o + 4), be16(s, r->o), be16(s, r->o + 2));
	return 0;
}

/* A6: prefix length, the address suffix, the prefix's name. */
static int rd_a6(const struct dns *s, const struct rdata *r)
{
	long o = r->o;
	if (!has(s, o, 1))
		return -1;
	unsigned pbit = s->m[o], pbyte = (pbit & ~7u) / 8;
	if (pbit > 128) {
		dec_printf(s->d, " %u(bad plen)", pbit);
		return 0;
	}
	if (pbit < 128) {
		uint8_t a[16] = { 0 };
		char buf[INET6_ADDRSTRLEN];
		if (!has(s, o + 1, 16 - pbyte))
			dec_trunc(s->d);
		memcpy(a + pbyte, s->m + o + 1, 16 - pbyte);
		dec_printf(s->d, " %u %s", pbit, inet_ntop(AF_INET6, a, buf, sizeof buf));
	}
	if (pbit > 0) {
		dec_puts(s->d, " ");
		if (print_name(s, o + 1 + 16 - pbyte, 0) == DNS_NONE)
			return -1;
	}
	return 0;
}

/* URI: PRIORITY WEIGHT TARGET (a length under 4 makes tcpdump's count
 * wrap: it prints to the capture's end and gives up). */
static int rd_uri(const struct dns *s, const struct rdata *r)
{
	if (!has(s, r->o, r->len))
		return -1;
	dec_printf(s->d, " %u %u ", be16(s, r->o), be16(s, r->o + 2));
	return printn(s, r->o + 4, (unsigned)(r->len - 4)) ? -1 : 0;
}

/* OPT: UDPsize=N[ DO][ [OPTION,...]]. */
static int rd_opt(const struct dns *s, const struct rdata *r)
{
	long o = r->o;
	dec_printf(s->d, " UDPsize=%u", r->cls);
	if (r->optfl & 0x8000)
		dec_puts(s->d, " DO");
	if (o >= r->rp)
		return 0;
	dec_puts(s->d, " [");
	while (o < r->rp) {
		if ((o = print_eopt(s, o)) == DNS_NONE)
			return -1;
		if (o < r->rp)
			dec_puts(s->d, ",");
	}
	dec_puts(s->d, "]");
	return 0;
}

/* UNSPECA: one long string. */
static int rd_unspeca(const struct dns *s, const struct rdata *r)
{
	return !has(s, r->o, r->len) || printn(s, r->o, r->len) ? -1 : 0;
}

/* TSIG, with -v: ALGORITHM fudge= maclen= origid= error= otherlen=. */
static int rd_tsig(const struct dns *s, const struct rdata *r)
{
	static const char *const fields[] = { " fudge=%u", " maclen=%u", " origid=%u", " error=%u", " otherlen=%u" };
	long o = r->o;
	if (!s->d->o.vflag)
		return 0;
	if ((o = sp_name(s, o)) == DNS_NONE)
		return -1;
	o += 6; /* time signed */
	for (int k = 0; k < 5; k++) {
		if (!has(s, o, 2))
			return -1;
		unsigned v = be16(s, o);
		dec_printf(s->d, fields[k], v);
		o += k == 1 ? 2 + v : 2; /* the MAC follows its length */
	}
	return 0;
}

static const struct {
	unsigned type;
	rdata_printer print;
} rdata_printers[] = {
	{ PROTO_DNS_T_A, rd_a }, { PROTO_DNS_T_NS, rd_name }, { PROTO_DNS_T_CNAME, rd_name },
	{ PROTO_DNS_T_SOA, rd_soa }, { PROTO_DNS_T_PTR, rd_name }, { PROTO_DNS_T_MX, rd_mx },
	{ PROTO_DNS_T_TXT, rd_txt }, { PROTO_DNS_T_AAAA, rd_aaaa }, { PROTO_DNS_T_SRV, rd_srv },
	{ PROTO_DNS_T_A6, rd_a6 }, { PROTO_DNS_T_DNAME, rd_name }, { PROTO_DNS_T_OPT, rd_opt },
	{ PROTO_DNS_T_UNSPECA, rd_unspeca }, { PROTO_DNS_T_TSIG, rd_tsig }, { PROTO_DNS_T_URI, rd_uri },
};

static int print_rdata(const struct dns *s, unsigned type, const struct rdata *r)
{
	for (size_t i = 0; i < sizeof rdata_printers / sizeof rdata_printers[0]; i++)
		if (rdata_printers[i].type == type)
			return rdata_printers[i].print(s, r);
	return 0;
}

/* A resource record: [ NAME][ CLASS][ (Cache flush)][ [TTL]] TYPE[ DATA].
 * Returns the position after it as the record's length says, the end of
 * the capture when its fixed part is missing, or DNS_NONE. */
static long print_rr(const struct dns *s, long o)
{
	struct dec_ctx *d = s->d;
	if (d->o.vflag) {
		dec_puts(d, " ");
		if ((o = print_name(s, o, 0)) == DNS_NONE)
			return DNS_NONE;
	} else
		o = skip_name(s, o);
	if (o == DNS_NONE || !has(s, o, 10))
		return s->cap;
	unsigned type = be16(s, o), c = be16(s, o + 2), optfl = 0;
	unsigned cls = s->mdns ? c & ~DNS_MDNS_BIT : c;
	if (cls != PROTO_DNS_C_IN && type != PROTO_DNS_T_OPT)
		print_class(d, cls);
	if (s->mdns && (c & DNS_MDNS_BIT))
		dec_puts(d, " (Cache flush)");
	if (type == PROTO_DNS_T_OPT)
		optfl = be16(s, o + 6);
	else if (d->o.vflag > 2) {
		dec_puts(d, " [");
		dec_relts(d, be32(s, o + 4)); /* 1w2d3h4m5s */
		dec_puts(d, "]");
	}
	struct rdata r = { o + 10, o + 10 + be16(s, o + 8), be16(s, o + 8), cls, optfl };
	print_type(d, type);
	if (r.rp > s->cap || print_rdata(s, type, &r) < 0)
		return DNS_NONE;
	return r.rp;
}

/* A section of n records: "[ LABEL]RR,RR...".  With a label (ns:, ar:),
 * nothing is printed when the capture has ended.  0 when all n were
 * printed, -1 for the truncation marker. */
static int print_section(const struct dns *s, long *o, unsigned n, const char *label)
{
	if (label) {
		if (!(*o < s->cap && n))
			return n ? -1 : 0;
		dec_puts(s->d, label);
	} else if (!n)
		return 0;
	if ((*o = print_rr(s, *o)) == DNS_NONE)
		return -1;
	n--;
	while (*o < s->cap && n) {
		dec_puts(s->d, ",");
		if ((*o = print_rr(s, *o)) == DNS_NONE)
			return -1;
		n--;
	}
	return n ? -1 : 0;
}

/* The rcode with the extended bits of the first OPT record among the
 * additional records (RFC 6891 6.1.3), as far as the capture shows. */
static unsigned full_rcode(const struct dns *s, unsigned flags, unsigned qd, unsigned an_ns, unsigned ar)
{
	unsigned rcode = flags & 0xf;
	long o = DNS_HDR;
	for (unsigned i = 0; i < qd; i++) {
		if ((o = skip_name(s, o)) == DNS_NONE)
			return rcode;
		o += 4;
		if (o >= s->cap)
			return rcode;
	}
	/* answer and authority records skipped, then the additional ones up
	 * to an OPT: its TTL's first byte holds the upper bits */
	for (unsigned i = 0; i < an_ns + ar; i++) {
		if ((o = skip_name(s, o)) == DNS_NONE || o + 2 > s->cap)
			return rcode;
		if (i >= an_ns && (unsigned)(s->m[o] << 8 | s->m[o + 1]) == PROTO_DNS_T_OPT)
			return o + 5 > s->cap ? rcode : rcode | (unsigned)s->m[o + 4] << 4;
		o += 8; /* type, class, TTL */
		if (o + 2 > s->cap)
			return rcode;
		o += 2 + (long)(s->m[o] << 8 | s->m[o + 1]);
		if (o >= s->cap)
			return rcode;
	}
	return rcode;
}

static void print_rcode(struct dec_ctx *d, unsigned rcode)
{
	if (rcode < sizeof dns_rcodes / sizeof dns_rcodes[0])
		dec_puts(d, dns_rcodes[rcode]);
	else
		dec_printf(d, " Resp%u", rcode & 0xfff);
}

/* Returns -1 where tcpdump prints its truncation marker. */
static int print_message(const struct dns *s, size_t len)
{
	struct dec_ctx *d = s->d;
	const uint8_t *m = s->m;
	unsigned flags = (unsigned)(m[2] << 8 | m[3]);
	unsigned qd = (unsigned)(m[4] << 8 | m[5]), an = (unsigned)(m[6] << 8 | m[7]);
	unsigned ns = (unsigned)(m[8] << 8 | m[9]), ar = (unsigned)(m[10] << 8 | m[11]);
	unsigned id = (unsigned)(m[0] << 8 | m[1]), op = flags >> 11 & 0xf;
	unsigned rcode = full_rcode(s, flags, qd, an + ns, ar);
	long o = DNS_HDR;
	int vv = d->o.vflag > 1;

	if (flags & 0x8000) { /* a response */
		dec_printf(d, "%u%s", id, dns_ops[op]);
		print_rcode(d, rcode);
		dec_puts(d, flags & 0x0400 ? "*" : "");
		dec_puts(d, flags & 0x0080 ? "" : "-");
		dec_puts(d, flags & 0x0200 ? "|" : "");
		dec_puts(d, flags & 0x0020 ? "$" : "");
		if (qd != 1)
			dec_printf(d, " [%uq]", qd);
		for (unsigned i = 0; i < qd; i++) {
			if (i)
				dec_puts(d, ",");
			if (vv) {
				dec_puts(d, " q:");
				o = print_question(s, o);
			} else if ((o = skip_name(s, o)) != DNS_NONE)
				o += 4;
			if (o == DNS_NONE)
				return -1;
		}
		dec_printf(d, " %u/%u/%u", an, ns, ar);
	} else { /* a query */
		dec_printf(d, "%u%s%s%s", id, dns_ops[op], flags & 0x0100 ? "+" : "", flags & 0x0010 ? "%" : "");
		if (flags & 0x6cf)
			dec_printf(d, " [b2&3=0x%x]", flags);
		if (op == PROTO_DNS_OP_IQUERY) {
			if (qd)
				dec_printf(d, " [%uq]", qd);
			if (an != 1)
				dec_printf(d, " [%ua]", an);
		} else {
			if (an)
				dec_printf(d, " [%ua]", an);
			if (qd != 1)
				dec_printf(d, " [%uq]", qd);
		}
		if (ns)
			dec_printf(d, " [%un]", ns);
		if (ar)
			dec_printf(d, " [%uau]", ar);
		if (qd) {
			if ((o = print_question(s, o)) == DNS_NONE)
				return -1;
			qd--;
			while (o < s->cap && qd) {
				if ((o = print_question(s, o)) == DNS_NONE)
					return -1;
				qd--;
			}
		}
		if (qd)
			return -1;
		if (!vv)
			goto done;
	}
	if (print_section(s, &o, an, NULL) < 0)
		return -1;
	if (vv && (print_section(s, &o, ns, " ns:") < 0 || print_section(s, &o, ar, " ar:") < 0))
		return -1;
done:
	dec_printf(d, " (%zu)", len);
	return 0;
}

void dec_dns(struct dec_ctx *d, const uint8_t *p, size_t len, int tcp, int mdns)
{
	dec_layer(d, DEC_L_DNS);
	d->proto = "domain";
	if (tcp) {
		/* RFC 1035 4.2.2: a two-byte length before the message */
		if (len < 2) {
			dec_printf(d, " [DNS over TCP: length %zu < 2] (invalid)", len);
			return;
		}
		len -= 2;
		unsigned pfx = dec_be16(d, p);
		if (pfx != len) {
			dec_printf(d, " [prefix length(%u) != length(%zu)] (invalid)", pfx, len);
			return;
		}
		p += 2;
		dec_puts(d, " ");
	}
	if (len < DNS_HDR) {
		dec_printf(d, "domain [length %zu < %d] (invalid)", len, DNS_HDR);
		return;
	}
	struct dns s = { d, p, (long)(d->end - p), mdns };
	/* tcpdump's printer prints its marker and returns, so a printer
	 * around it (ICMP quoting the datagram) goes on */
	if (!dec_has(d, p, DNS_HDR) || print_message(&s, len) < 0)
		dec_puts(d, " [|domain]");
}
