/* tcp.c: TCP (RFC 9293) as tcpdump prints it: "SRC.SPORT > DST.DPORT:
 * Flags [S.], cksum ..., seq A:B, ack N, win W, urg U, options [...],
 * length L".  Sequence numbers are relative to the connection's initial
 * ones (unless -S), found in a table keyed by the address and port pair
 * in a canonical order so both directions share one entry; like tcpdump,
 * an entry is made (or reset by a SYN) on a packet with ACK set, and that
 * packet prints absolute numbers.  The payload goes to the printer
 * tcpdump picks by port (app.c), or to RESP on resp_port (-T resp,
 * --decode-as); without one the line ends after "length L". */
#include <stdlib.h>
#include <string.h>

#include "decode/dec.h"

struct dec_tcpseq {
	struct dec_tcpseq *next;   /* chain in the bucket */
	int v6;                    /* address family of the key */
	uint8_t src[16], dst[16];  /* addresses, canonical order */
	uint32_t ports;            /* sport << 16 | dport, canonical order */
	uint32_t seq;              /* ISN of the canonical "source" side */
	uint32_t ack;              /* ISN of the other side */
};

static unsigned bucket(const uint8_t *a, const uint8_t *b, size_t n, uint32_t ports)
{
	uint32_t h = ports;
	for (size_t i = 0; i < n; i++)
		h = h * 31 + a[i] * 7 + b[i];
	return h % DEC_TCPSEQ_BUCKETS;
}

void dec_tcpseq_free(struct dec_ctx *d)
{
	for (size_t i = 0; i < DEC_TCPSEQ_BUCKETS; i++) {
		struct dec_tcpseq *e = d->tcpseq[i], *next;
		for (; e; e = next) {
			next = e->next;
			free(e);
		}
		d->tcpseq[i] = NULL;
	}
}

/* Rewrites *seq and *ack relative to the connection's ISNs; sets *thseq,
 * *thack, *rev for the SACK blocks. */
static void relative(struct dec_ctx *d, const struct dec_net *n, unsigned sport, unsigned dport,
		     unsigned flags, uint32_t *seq, uint32_t *ack, uint32_t *thseq, uint32_t *thack, int *rev)
{
	size_t alen = n->v6 ? 16 : 4;
	const uint8_t *src = n->src, *dst = n->dst;
	*rev = sport > dport || (sport == dport && memcmp(src, dst, alen) > 0);
	uint8_t ksrc[16] = { 0 }, kdst[16] = { 0 };
	memcpy(ksrc, *rev ? dst : src, alen);
	memcpy(kdst, *rev ? src : dst, alen);
	uint32_t ports = *rev ? (uint32_t)dport << 16 | sport : (uint32_t)sport << 16 | dport;
	unsigned b = bucket(ksrc, kdst, 16, ports);
	struct dec_tcpseq *e;
	for (e = d->tcpseq[b]; e; e = e->next)
		if (e->v6 == n->v6 && e->ports == ports && !memcmp(e->src, ksrc, 16) && !memcmp(e->dst, kdst, 16))
			break;
	if (!e || (flags & 0x02)) {
		if (!e) {
			e = calloc(1, sizeof *e);
			if (!e)
				return;
			e->v6 = n->v6;
			memcpy(e->src, ksrc, 16);
			memcpy(e->dst, kdst, 16);
			e->ports = ports;
			e->next = d->tcpseq[b];
			d->tcpseq[b] = e;
		}
		if (*rev) {
			e->ack = *seq;
			e->seq = *ack - 1;
		} else {
			e->seq = *seq;
			e->ack = *ack - 1;
		}
	} else if (*rev) {
		*seq -= e->ack;
		*ack -= e->seq;
	} else {
		*seq -= e->seq;
		*ack -= e->ack;
	}
	*thseq = e->seq;
	*thack = e->ack;
}

static void print_flags(struct dec_ctx *d, unsigned flags)
{
	static const struct dec_tok names[] = {
		{ 0x01, "F" }, { 0x02, "S" }, { 0x04, "R" }, { 0x08, "P" },
		{ 0x10, "." }, { 0x20, "U" }, { 0x40, "E" }, { 0x80, "W" }, { 0, NULL },
	};
	dec_printf(d, "Flags [");
	if (!(flags & 0xff))
		dec_printf(d, "none");
	for (const struct dec_tok *t = names; t->s; t++)
		if (flags & t->v)
			dec_printf(d, "%s", t->s);
	dec_printf(d, "]");
}

/* Returns 1 if the options were well formed, else 0 if the first one was
 * malformed, -1 if a later one was (then tcpdump closes the bracket). */
/* TCP Fast Open's cookie (RFC 7413), as option 34 or experimental 254. */
static void print_tfo(struct dec_ctx *d, const uint8_t *cp, unsigned datalen)
{
	if (datalen == 0)
		dec_printf(d, " cookiereq");
	else if (datalen % 2 != 0 || datalen < 4 || datalen > 16)
		dec_printf(d, " (invalid)");
	else {
		dec_printf(d, " cookie ");
		for (unsigned i = 0; i < datalen; i++)
			dec_printf(d, "%02x", dec_u8(d, cp + i));
	}
}

static int print_options(struct dec_ctx *d, const uint8_t *cp, unsigned hlen, int rev,
			 uint32_t thseq, uint32_t thack, unsigned tcpflags)
{
	char sep = 0;
	while (hlen > 0) {
		if (sep)
			dec_printf(d, "%c", sep);
		int bad = sep ? -1 : 0;
		unsigned opt = dec_u8(d, cp++), len, datalen = 0;
		if (opt == 0 || opt == 1)
			len = 1;
		else {
			len = dec_u8(d, cp++);
			if (len < 2 || len > hlen)
				return bad;
			--hlen;
		}
		--hlen;
		const char *name = proto_name(&proto_tcpopts, opt, PROTO_TCPDUMP);
		if (name)
			dec_printf(d, "%s", name);
		else
			dec_printf(d, "unknown-%u", opt);
#define LENCHECK(l) do { if ((l) > hlen) return bad; dec_need_ret(d, cp, (l)); } while (0)
		switch (opt) {
		case PROTO_TCPOPT_MSS: case PROTO_TCPOPT_WSCALE: case PROTO_TCPOPT_ECHO: case PROTO_TCPOPT_ECHOREPLY:
		case PROTO_TCPOPT_CC: case PROTO_TCPOPT_CCNEW: case PROTO_TCPOPT_CCECHO: /* one value */
			datalen = opt == PROTO_TCPOPT_MSS ? 2 : opt == PROTO_TCPOPT_WSCALE ? 1 : 4;
			LENCHECK(datalen);
			dec_printf(d, " %u", datalen == 2 ? dec_be16(d, cp) : datalen == 1 ? dec_u8(d, cp) : dec_be32(d, cp));
			break;
		case PROTO_TCPOPT_SACK:
			datalen = len - 2;
			if (datalen % 8 != 0) {
				dec_printf(d, " invalid sack");
			} else {
				dec_printf(d, " %u ", datalen / 8);
				for (unsigned i = 0; i < datalen; i += 8) {
					LENCHECK(i + 4);
					uint32_t s = dec_be32(d, cp + i);
					LENCHECK(i + 8);
					uint32_t e = dec_be32(d, cp + i + 4);
					if (rev) {
						s -= thseq;
						e -= thseq;
					} else {
						s -= thack;
						e -= thack;
					}
					dec_printf(d, "{%u:%u}", s, e);
				}
			}
			break;
		case PROTO_TCPOPT_TS:
			datalen = 8;
			LENCHECK(datalen);
			dec_printf(d, " val %u ecr %u", dec_be32(d, cp), dec_be32(d, cp + 4));
			break;
		case PROTO_TCPOPT_EOL: case PROTO_TCPOPT_NOP: case PROTO_TCPOPT_SACKOK:
			break;
		case PROTO_TCPOPT_MD5: /* no secret to check it with */
			datalen = 16;
			LENCHECK(datalen);
			dec_printf(d, " shared secret not supplied with -M, can't check - ");
			for (unsigned i = 0; i < datalen; i++)
				dec_printf(d, "%02x", dec_u8(d, cp + i));
			break;
		case PROTO_TCPOPT_UTO: {
			datalen = 2;
			LENCHECK(datalen);
			unsigned uto = dec_be16(d, cp);
			dec_printf(d, " 0x%x", uto);
			uto = (uto & 1) ? (uto >> 1) * 60 : uto >> 1;
			dec_printf(d, " %u", uto);
			break;
		}
		case PROTO_TCPOPT_TFO:
			datalen = len - 2;
			LENCHECK(datalen);
			print_tfo(d, cp, datalen);
			break;
		case PROTO_TCPOPT_SCPS: /* capabilities */
			datalen = 2;
			LENCHECK(datalen);
			dec_printf(d, " cap %02x id %u", dec_u8(d, cp), dec_u8(d, cp + 1));
			break;
		case PROTO_TCPOPT_AO: /* key ids, then the MAC */
			datalen = len - 2;
			if (datalen < 2) {
				dec_printf(d, " (invalid)");
				break;
			}
			LENCHECK(1);
			dec_printf(d, " keyid %u", dec_u8(d, cp));
			LENCHECK(2);
			dec_printf(d, " rnextkeyid %u", dec_u8(d, cp + 1));
			if (datalen > 2) {
				dec_printf(d, " mac 0x");
				for (unsigned i = 2; i < datalen; i++) {
					LENCHECK(i + 1);
					dec_printf(d, "%02x", dec_u8(d, cp + i));
				}
			}
			break;
		case PROTO_TCPOPT_MPTCP: /* mptcp.c */
			datalen = len - 2;
			LENCHECK(datalen);
			if (!dec_mptcp(d, cp - 2, len, tcpflags))
				return bad;
			break;
		case PROTO_TCPOPT_EXP: { /* RFC 6994: a 16-bit magic first */
			datalen = len - 2;
			LENCHECK(datalen);
			if (datalen < 2)
				return bad;
			unsigned magic = dec_be16(d, cp);
			dec_printf(d, "-");
			if (magic == 0xf989) { /* TCP Fast Open, RFC 7413 */
				dec_printf(d, "tfo");
				print_tfo(d, cp + 2, datalen - 2);
			} else
				dec_printf(d, "%04x", magic);
			break;
		}
		default:
			datalen = len - 2;
			if (datalen)
				dec_printf(d, " 0x");
			for (unsigned i = 0; i < datalen; i++) {
				LENCHECK(i + 1);
				dec_printf(d, "%02x", dec_u8(d, cp + i));
			}
			break;
		}
#undef LENCHECK
		cp += datalen;
		hlen -= datalen;
		datalen++;
		if (opt != 0 && opt != 1)
			datalen++;
		if (datalen != len)
			dec_printf(d, "[len %u]", len);
		sep = ',';
		if (opt == 0)
			break;
	}
	return 1;
}

static void print_ports(struct dec_ctx *d, const struct dec_net *n, unsigned sport, unsigned dport)
{
	dec_netaddr(d, n, n->src);
	dec_printf(d, ".");
	dec_port(d, 0, sport);
	dec_printf(d, " > ");
	dec_netaddr(d, n, n->dst);
	dec_printf(d, ".");
	dec_port(d, 0, dport);
	dec_printf(d, ": ");
}

void dec_tcp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_TCP);
	d->proto = "tcp";
	if (!dec_has(d, p, 4)) {
		dec_netaddr(d, n, n->src);
		dec_printf(d, " > ");
		dec_netaddr(d, n, n->dst);
		dec_printf(d, ":");
		dec_trunc_ret(d);
	}
	unsigned sport = dec_be16(d, p), dport = dec_be16(d, p + 2);
	if (n->ports_only) {
		dec_port(d, 0, sport);
		dec_printf(d, " > ");
		dec_port(d, 0, dport);
		dec_printf(d, ": ");
	} else
		print_ports(d, n, sport, dport);
	dec_need_ret(d, p, 13);
	unsigned hlen = (dec_u8(d, p + 12) >> 4) * 4u;
	if (hlen < 20) {
		dec_printf(d, " tcp %zu [bad hdr length %u - too short, < 20]", len >= hlen ? len - hlen : 0, hlen);
		return;
	}
	dec_need_ret(d, p, 20); /* tcpdump reads the whole header even for -q */
	if (d->o.qflag) {
		dec_printf(d, "tcp %zu", len >= hlen ? len - hlen : 0);
		if (hlen > len)
			dec_printf(d, " [bad hdr length %u - too long, > %zu]", hlen, len);
		return;
	}
	dec_need_ret(d, p, 20);
	uint32_t seq = dec_be32(d, p + 4), ack = dec_be32(d, p + 8);
	unsigned flags = dec_be16(d, p + 12) & 0x0fff, win = dec_be16(d, p + 14), urp = dec_be16(d, p + 18);
	print_flags(d, flags);
	if (hlen > len) {
		dec_printf(d, " [bad hdr length %u - too long, > %zu]", hlen, len);
		return;
	}
	size_t plen = len - hlen;
	uint32_t thseq = 0, thack = 0;
	int rev = 0;
	if (!d->o.Sflag && (flags & 0x10))
		relative(d, n, sport, dport, flags, &seq, &ack, &thseq, &thack, &rev);
	if (d->o.vflag && !d->o.no_cksum && !n->fragmented && dec_has(d, p, len)) {
		uint16_t sum = n->v6 ? dec_cksum_ip6(n->src, n->dst, p, len, 6) : dec_cksum_ip4(n->iph, p, len, 6);
		uint16_t field = dec_be16(d, p + 16);
		dec_printf(d, ", cksum 0x%04x", field);
		if (sum != 0)
			dec_printf(d, " (incorrect -> 0x%04x)", dec_shouldbe(field, sum));
		else
			dec_printf(d, " (correct)");
	}
	if (d->o.vflag > 1 || (flags & 0x07) || plen > 0) {
		dec_printf(d, ", seq %u", seq);
		if (plen > 0)
			dec_printf(d, ":%u", (uint32_t)(seq + plen));
	}
	if (flags & 0x10)
		dec_printf(d, ", ack %u", ack);
	dec_printf(d, ", win %u", win);
	if (flags & 0x20)
		dec_printf(d, ", urg %u", urp);
	if (hlen > 20) {
		dec_printf(d, ", options [");
		int ok = print_options(d, p + 20, hlen - 20, rev, thseq, thack, flags);
		if (ok <= 0) {
			dec_printf(d, "[bad opt]%s", ok < 0 ? "]" : "");
			return;
		}
		dec_printf(d, "]");
	}
	dec_printf(d, ", length %zu", plen);
	if (plen == 0)
		return;
	if (!dec_has(d, p, hlen)) { /* tcpdump's check before the payload */
		dec_printf(d, " [remaining caplen(%zu) < header length(%u)]", dec_avail(d, p, SIZE_MAX), hlen);
		d->proto = "tcp";
		dec_trunc(d);
	}
	const uint8_t *data = p + hlen;
	if ((flags & 0x04) && d->o.vflag) {
		/* RST data (RFC 1122 4.2.2.12): up to 30 bytes shown, "!" when
		 * not all of it was captured, "+" when there is more than 30 */
		size_t n2 = plen;
		dec_printf(d, " [%sRST", dec_has(d, data, plen) ? "" : "!");
		if (n2 > 30) {
			n2 = 30;
			dec_printf(d, "+");
		}
		dec_printf(d, " ");
		n2 = dec_avail(d, data, n2);
		for (size_t i = 0; i < n2; i++)
			dec_putc_safe(d, dec_u8(d, data + i));
		dec_printf(d, "]");
		return;
	}
	if (d->o.resp_port == DEC_RESP_ANY ||
	    (d->o.resp_port > 0 && (sport == (unsigned)d->o.resp_port || dport == (unsigned)d->o.resp_port))) {
		dec_printf(d, ": ");
		dec_resp(d, data, plen);
		return;
	}
	struct dec_app a = { n, sport, dport, 1 };
	dec_app(d, &a, data, plen, 0);
}
