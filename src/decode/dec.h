/* dec.h: the decoder's internals, shared by the per-protocol files.
 *
 * Every printer has the shape dec_<proto>(d, p, len): p points at the
 * protocol's header inside the captured bytes, len is how many bytes the
 * protocol occupies on the wire (which may exceed what was captured).  All
 * reads go through the accessors below, which check p against d->end (one
 * past the last captured byte).  A failed check is the one truncation exit:
 * it prints tcpdump's " [|proto]" marker, naming d->proto, and longjmps back
 * to dec_packet, which then finishes the packet (hex dump, newline). */
#ifndef BPFX_DEC_H
#define BPFX_DEC_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "decode/decode.h"
#include "proto/proto.h"

#define DEC_TCPSEQ_BUCKETS 1024
#define DEC_OBUF 8192              /* the line buffer (out.c) */

struct dec_tcpseq;                 /* per-connection ISNs, see tcp.c */
struct dec_names;                  /* remembered names, see resolve.c */
struct dec_rx;                     /* AFS RX calls, see rx.c */
struct dec_nfs;                    /* NFS calls, see nfs.c */
/* An IKEv1 initiator cookie and the addresses it came from (isakmp.c) */
#define DEC_IKE_COOKIES 20
struct dec_ike_cookie {
	uint8_t ck[8];
	uint8_t version;           /* 4, 6, or 0: unused */
	uint8_t iaddr[16], raddr[16];
};

/* A value-to-name table entry; tables end with { 0, NULL }. */
struct dec_tok {
	unsigned v;                /* the value on the wire */
	const char *s;             /* what tcpdump prints for it */
};

struct dec_ctx {
	struct dec_opts o;         /* options, copied at dec_new */
	int linktype;              /* DLT_* of the capture */
	FILE *out;                 /* where the current packet goes */
	jmp_buf trunc;             /* the truncation exit */
	const char *proto;         /* protocol named by " [|proto]" */
	const uint8_t *start;      /* first captured byte */
	const uint8_t *end;        /* one past the last captured byte */
	int hdrlen;                /* link header length, for -x / -X / -A */
	const uint8_t *dump_from;  /* tcpdump's default print: hex and ASCII from
				      here to the capture's end, unless -x/-X */
	struct timeval first;      /* first packet's time, for -ttttt */
	struct timeval prev;       /* previous packet's time, for -ttt */
	int seen;                  /* packets seen so far */
	struct dec_tcpseq *tcpseq[DEC_TCPSEQ_BUCKETS]; /* tcp.c's table */
	unsigned layers;           /* DEC_L_* bits of the printers this packet ran */
	const char *handoff;       /* what we left undecoded where tcpdump's
				      printer would go on, or NULL (dec_report) */
	struct dec_names *names;   /* resolve.c's memory, without -n */
	const char *app;           /* the application printer chosen by port
				      (app.c), or NULL (dec_report) */
	struct dec_rx *rx;         /* rx.c's remembered calls */
	struct dec_nfs *nfs;       /* nfs.c's remembered calls */
	struct dec_ike_cookie ike[DEC_IKE_COOKIES]; /* isakmp.c's initiators */
	int ike_next;              /* the next one to replace */
	unsigned vj_lastlen[2][256]; /* slip.c: VJ data lengths, by direction and connection */
	unsigned vj_conn_x;        /* slip.c: the last VJ connection, XOR 255 (tcpdump starts at 255) */
	int (*link)(struct dec_ctx *, const uint8_t *, size_t); /* the link type's printer, found at dec_new */
	int tm_ok;                 /* tm holds the local time of tm_for: packets */
	time_t tm_for;             /* of the same second skip localtime_r */
	struct tm tm;
	size_t olen;               /* bytes of the packet's text in obuf */
	char obuf[DEC_OBUF];       /* the text, written out once per packet (out.c) */
};

/* Printers that ran for a packet (dec_report; the core set of issue 4). */
enum {
	DEC_L_ETHER = 1 << 0, DEC_L_LINK = 1 << 1, DEC_L_ARP = 1 << 2,
	DEC_L_IP = 1 << 3, DEC_L_IP6 = 1 << 4, DEC_L_TCP = 1 << 5,
	DEC_L_UDP = 1 << 6, DEC_L_ICMP = 1 << 7, DEC_L_ICMP6 = 1 << 8,
	DEC_L_RESP = 1 << 9, DEC_L_DNS = 1 << 10, DEC_L_STP = 1 << 11, DEC_L_LLDP = 1 << 12,
	DEC_L_CDP = 1 << 13, DEC_L_CISCO = 1 << 14, DEC_L_LOOPBACK = 1 << 15,
	DEC_L_PTP = 1 << 16, DEC_L_MPLS = 1 << 17, DEC_L_EAPOL = 1 << 18, DEC_L_SLOW = 1 << 19,
};
static inline void dec_layer(struct dec_ctx *d, unsigned l)
{
	d->layers |= l;
}
/* The line stops here: what follows is a protocol tcpdump decodes and we
 * don't (named by what). */
static inline void dec_handoff(struct dec_ctx *d, const char *what)
{
	d->handoff = what;
}

/* --- raw big-endian reads, for bytes the caller has checked --- */
static inline uint16_t dec_get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}
static inline uint32_t dec_get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint32_t dec_get_le32(const uint8_t *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* --- accessors (decode.c): each checks the capture bound first --- */
/* What setjmp(d->trunc) returns: the first time, after dec_trunc, after
 * dec_trunc_ret. */
enum { DEC_TRUNC_NONE, DEC_TRUNC_JUMP, DEC_TRUNC_RET };
_Noreturn void dec_trunc(struct dec_ctx *d);
/* The same exit for the checks after which tcpdump's printer returns
 * rather than jumps out: the -x/-X/-A dump then skips the link header. */
_Noreturn void dec_trunc_ret(struct dec_ctx *d);
static inline int dec_has(const struct dec_ctx *d, const uint8_t *p, size_t n)
{
	return p >= d->start && p <= d->end && (size_t)(d->end - p) >= n;
}
static inline void dec_need(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	if (!dec_has(d, p, n))
		dec_trunc(d);
}
static inline void dec_need_ret(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	if (!dec_has(d, p, n))
		dec_trunc_ret(d);
}
static inline uint8_t dec_u8(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 1);
	return p[0];
}
static inline uint16_t dec_be16(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 2);
	return dec_get_be16(p);
}
static inline uint32_t dec_be32(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 4);
	return dec_get_be32(p);
}
static inline uint16_t dec_le16(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 2);
	return (uint16_t)(p[1] << 8 | p[0]);
}
static inline uint32_t dec_le32(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 4);
	return dec_get_le32(p);
}
/* Bytes captured from p on, capped at want (never negative). */
static inline size_t dec_avail(const struct dec_ctx *d, const uint8_t *p, size_t want)
{
	if (p < d->start || p >= d->end)
		return 0;
	size_t n = (size_t)(d->end - p);
	return n < want ? n : want;
}

/* --- the line buffer (out.c): everything a printer prints goes through
 * these; dec_packet writes the buffer to the stream at the line's end --- */
void dec_printf(struct dec_ctx *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dec_write_long(struct dec_ctx *d, const char *s, size_t n); /* flush, then s */
void dec_flush(struct dec_ctx *d);                               /* the buffer to d->out */
/* v in decimal, at least width digits, ending just before end; returns
 * where it starts. */
char *dec_utoa(char *end, unsigned long long v, int width);
static inline void dec_write(struct dec_ctx *d, const char *s, size_t n)
{
	if (n > DEC_OBUF - d->olen) {
		dec_write_long(d, s, n);
		return;
	}
	memcpy(d->obuf + d->olen, s, n);
	d->olen += n;
}
static inline void dec_puts(struct dec_ctx *d, const char *s)
{
	dec_write(d, s, strlen(s));
}
static inline void dec_putc(struct dec_ctx *d, char c)
{
	if (d->olen == DEC_OBUF)
		dec_flush(d);
	d->obuf[d->olen++] = c;
}

/* --- output helpers (decode.c) --- */
/* A printer's start: its layer bit and the name a truncation prints; then
 * 0 after tcpdump's complaint (invalid) when len is under min, else 1. */
static inline int dec_begin(struct dec_ctx *d, unsigned layer, const char *proto, size_t len, size_t min,
			    const char *invalid)
{
	dec_layer(d, layer);
	d->proto = proto;
	if (len >= min)
		return 1;
	dec_printf(d, "%s", invalid);
	return 0;
}
void dec_mac(struct dec_ctx *d, const uint8_t *p);         /* aa:bb:cc:dd:ee:ff */
const char *dec_fmt_mac(char buf[18], const uint8_t *p);   /* the same into buf */
/* Addresses as tcpdump's ipaddr_string / ip6addr_string / etheraddr_string
 * print them: a name without -n (resolve.c), else the number. */
void dec_ip4addr(struct dec_ctx *d, const uint8_t *p);     /* localhost / 10.0.0.1 */
void dec_ip6addr(struct dec_ctx *d, const uint8_t *p);     /* a name / RFC 5952 text */
/* The numbers always, where tcpdump prints them so even without -n (DNS
 * record data). */
void dec_ip4addr_num(struct dec_ctx *d, const uint8_t *p);
void dec_ip6addr_num(struct dec_ctx *d, const uint8_t *p);
/* A TCP (udp 0) or UDP port: its services name without -n, else the number. */
void dec_port(struct dec_ctx *d, int udp, unsigned port);
/* An IP protocol tcpdump has no printer for: " NAME" from the protocols
 * database without -n, else " ip-proto-N". */
void dec_ipproto(struct dec_ctx *d, unsigned proto);
const char *dec_tok(const struct dec_tok *t, unsigned v, const char *dflt);
/* The names of v's bits in t, ", "-separated (tcpdump's bittok2str), or
 * none when no entry matches. */
void dec_bits(struct dec_ctx *d, const struct dec_tok *t, unsigned v, const char *none);
/* One byte as tcpdump's safe printer shows it: "M-" for the high bit,
 * "^X" for control characters. */
void dec_putc_safe(struct dec_ctx *d, uint8_t c);
/* The port of an ICMP / ICMPv6 port unreachable: " tcp port P" + tail,
 * " udp port P" + tail, else " protocol N port P unreachable". */
void dec_port_unreach(struct dec_ctx *d, unsigned proto, unsigned port, const char *tail);

/* --- names without -n (resolve.c); NULL: print the number --- */
const char *dec_host4(struct dec_ctx *d, const uint8_t *p);
const char *dec_host6(struct dec_ctx *d, const uint8_t *p);
const char *dec_port_name(struct dec_ctx *d, int udp, unsigned port);
const char *dec_proto_name(struct dec_ctx *d, unsigned proto); /* /etc/protocols */
const char *dec_mac_name(struct dec_ctx *d, const uint8_t *p);  /* "aa:.. (oui X)" */
const char *dec_oui_name(unsigned oui);                         /* tcpdump's OUI names */
#define dec_tok_oui(oui) (dec_oui_name(oui) ? dec_oui_name(oui) : "Unknown")
void dec_names_free(struct dec_ctx *d);

void dec_hexlines(struct dec_ctx *d, const char *ident, const uint8_t *p, size_t n); /* icmp6.c */
/* t's name for v, else fmt with v ("unknown (%u)") (decode.c). */
void dec_tokf(struct dec_ctx *d, const struct dec_tok *t, unsigned v, const char *fmt);
/* tcpdump's hex and ASCII lines ("\n\t0x0000:  ..."), n bytes at p. */
void dec_hexascii(struct dec_ctx *d, const uint8_t *p, size_t n);
void dec_hexascii_at(struct dec_ctx *d, const char *ident, const uint8_t *p, size_t n); /* lines start with ident */

/* --- checksums (cksum.c) --- */
/* The plain sum of the big-endian 16-bit words of p[0..n) (an odd last
 * byte padded with 0), the word at byte offset zero_at (even, or -1 for
 * none) counted as 0; nothing folded yet. */
uint64_t dec_words(const uint8_t *p, size_t n, long zero_at);
uint32_t dec_sum(const uint8_t *p, size_t n, uint32_t acc); /* one's-complement partial sum */
uint16_t dec_fold(uint32_t acc);                            /* fold and complement */
uint16_t dec_cksum_ip4(const uint8_t *iph, const uint8_t *p, size_t n, unsigned proto);
uint16_t dec_cksum_ip6(const uint8_t *src, const uint8_t *dst, const uint8_t *p, size_t n, unsigned nh);
uint16_t dec_shouldbe(uint16_t field, uint16_t computed);

/* --- the network context a transport printer needs (ip.c / ip6.c) --- */
struct dec_net {
	int v6;                    /* 0: IPv4, 1: IPv6 */
	const uint8_t *src, *dst;  /* addresses inside the captured header */
	const uint8_t *iph;        /* IPv4 header, for the pseudo-header */
	int fragmented;            /* more fragments or offset != 0 */
	int ports_only;            /* IPv6 with extension headers: tcpdump prints
				      "SPORT > DPORT: ", addresses already shown */
};
void dec_netaddr(struct dec_ctx *d, const struct dec_net *n, const uint8_t *a);

/* --- printers, one file each --- */
int dec_ether(struct dec_ctx *d, const uint8_t *p, size_t len);        /* ether.c */
/* A switch's tag between an Ethernet frame's addresses and its type
 * (dsa.c): its length and its printer (which ends ", "). */
struct dec_swtag {
	const char *name;          /* for the frame cut short: " [|name]" */
	size_t len;
	void (*print)(struct dec_ctx *d, const uint8_t *tag);
};
int dec_ether_tagged(struct dec_ctx *d, const uint8_t *p, size_t len, const struct dec_swtag *tag); /* ether.c */
/* The 802.2 header at q of the Ethernet frame at frame (NULL: a frame
 * without addresses), len bytes long by its 802.3 length.  Returns the
 * header's length when tcpdump counts it as decoded (SNAP, S PDUs), minus
 * it for I and U PDUs, which get the default hex dump (-x then skips the
 * header on Ethernet, not on cooked captures), 0 where the line stops. */
int dec_llc(struct dec_ctx *d, const uint8_t *frame, const uint8_t *q, size_t len); /* llc.c */
/* The length tcpdump counts as link header of the 802.2 header at q (with
 * SNAP's 5 bytes), for -x; 0 when it is cut short or raw NetWare. */
int dec_llc_hdrlen(struct dec_ctx *d, const uint8_t *q);
int dec_link_null(struct dec_ctx *d, const uint8_t *p, size_t len);    /* link.c */
int dec_link_sll(struct dec_ctx *d, const uint8_t *p, size_t len);
int dec_link_sll2(struct dec_ctx *d, const uint8_t *p, size_t len);
int dec_link_raw(struct dec_ctx *d, const uint8_t *p, size_t len);
int dec_link_other(struct dec_ctx *d, const uint8_t *p, size_t len); /* any other link type */
/* IPv4 or IPv6 by the first nibble, else unknown (a format for the
 * version) (link.c). */
void dec_ip_version(struct dec_ctx *d, const uint8_t *p, size_t len, const char *unknown);
void dec_ethertype(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len); /* ether.c */
const char *dec_ethertype_name(unsigned type);                                     /* ether.c */
int dec_ethertype_printed(unsigned type); /* tcpdump has a printer for it */
void dec_ethertype_print(struct dec_ctx *d, unsigned type); /* "ethertype NAME (0xXXXX)" / -q: NAME */
int dec_macsec(struct dec_ctx *d, const uint8_t *frame, const uint8_t *q, size_t *lenp,
	       unsigned *type);                                                    /* macsec.c */
void dec_arp(struct dec_ctx *d, const uint8_t *p, size_t len, int rarp);           /* arp.c */
void dec_pppoe(struct dec_ctx *d, const uint8_t *p, size_t len);                   /* pppoe.c */
void dec_ip(struct dec_ctx *d, const uint8_t *p, size_t len);                      /* ip.c */
void dec_ip6(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* ip6.c */
void dec_tcp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);  /* tcp.c */
void dec_udp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);  /* udp.c */
void dec_icmp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len); /* icmp.c */
void dec_icmp6(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);/* icmp6.c */
void dec_resp(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* resp.c */
void dec_stp(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* stp.c */
void dec_lldp(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* lldp.c */
void dec_cdp(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* cdp.c */
void dec_dtp(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* dtp.c */
void dec_udld(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* udld.c */
void dec_loopback(struct dec_ctx *d, const uint8_t *p, size_t len);                /* loopback.c */
void dec_ptp(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* ptp.c */
void dec_mpls(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* mpls.c */
void dec_eapol(struct dec_ctx *d, const uint8_t *p, size_t len);                   /* eapol.c */
void dec_slow(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* slow.c */
void dec_dns(struct dec_ctx *d, const uint8_t *p, size_t len, int tcp, int mdns);  /* dns.c */
/* --- application protocols over UDP and TCP (app.c and one file each) --- */
struct dec_app {                   /* what the port dispatch looks at */
	const struct dec_net *n;
	unsigned sport, dport;
	int tcp;                   /* 1: a TCP segment's payload, 0: UDP's */
};
/* Runs the printer tcpdump runs on the payload p (len bytes on the wire):
 * returns 0 when tcpdump has none for these ports.  early: the rows UDP
 * tries before its checksum verdict (NFS). */
int dec_app(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len, int early);
/* tcpdump's text protocols (txtproto.c): their command words and how a
 * response line starts. */
enum dec_txt { DEC_TXT_FTP, DEC_TXT_SMTP, DEC_TXT_WHOIS, DEC_TXT_HTTP, DEC_TXT_RTSP, DEC_TXT_SIP };
void dec_txtproto(struct dec_ctx *d, enum dec_txt kind, const uint8_t *p, size_t len);  /* txtproto.c */
void dec_syslog(struct dec_ctx *d, const uint8_t *p, size_t len);                  /* syslog.c */
void dec_tftp(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* tftp.c */
void dec_ntp(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* ntp.c */
void dec_vxlan(struct dec_ctx *d, const uint8_t *p, size_t len);                   /* vxlan.c */
void dec_bootp(struct dec_ctx *d, const uint8_t *p, size_t len);                   /* bootp.c */
void dec_hsrp(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* hsrp.c */
void dec_bfd(struct dec_ctx *d, const uint8_t *p, size_t len, unsigned port);     /* bfd.c */
int dec_mptcp(struct dec_ctx *d, const uint8_t *opt, unsigned len, unsigned tcpflags); /* mptcp.c */
void dec_tcpseq_free(struct dec_ctx *d);                                           /* tcp.c */
const char *dec_ipproto_name(unsigned proto);                                      /* ip.c */
/* Protocols reached by IP protocol number (issue 14), one file each. */
void dec_igmp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);  /* igmp.c */
void dec_vrrp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);  /* vrrp.c */
void dec_esp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);   /* esp.c */
void dec_ah(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);    /* ah.c */
void dec_ipcomp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);/* ipcomp.c */
void dec_gre(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);   /* gre.c */
void dec_sctp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);  /* sctp.c */
void dec_pim(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);   /* pim.c */
void dec_pimv1(struct dec_ctx *d, const uint8_t *p, size_t len);                          /* pim.c, from IGMP */
void dec_ospf(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);  /* ospf.c */
void dec_eigrp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len); /* eigrp.c */
void dec_dccp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);  /* dccp.c */
void dec_relts(struct dec_ctx *d, uint32_t secs); /* relts.c: tcpdump's 1w2d3h4m5s */
/* IGMPv3 and MLDv2 (mcast.c): the address size and printer (words, then
 * the address at p) and what an unknown record type prints (a format for
 * the type: " [v3-report-#%u]"). */
struct dec_mcast {
	size_t alen;
	void (*addr)(struct dec_ctx *d, const char *pre, const uint8_t *p);
	const char *unknown;
};
/* A query's " { S... }" (-vv) or ", N source(s)": the count at p + at. */
void dec_mcast_query_sources(struct dec_ctx *d, const struct dec_mcast *m, const uint8_t *p, size_t len,
			     size_t at);
/* A report's ", N group record(s)" and, with -v, the records. */
void dec_mcast_records(struct dec_ctx *d, const struct dec_mcast *m, const uint8_t *p, size_t len);
/* The protocol above IPv4 or IPv6 (n->v6) that is not an IPv6 extension
 * header: its printer, tcpdump's "(invalid)" for one of the other IP
 * version, " ip-proto-N LEN" for one tcpdump does not decode. */
void dec_ip_upper(struct dec_ctx *d, const struct dec_net *n, unsigned proto, const uint8_t *p, size_t len); /* ip.c */
/* decb: non-IP frames and routing protocols (issue 14), one file each */
void dec_aoe(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* aoe.c */
int dec_arista(struct dec_ctx *d, const uint8_t *p);                                /* arista.c */
void dec_decnet(struct dec_ctx *d, const uint8_t *p, size_t len);                  /* decnet.c */
void dec_default_print(struct dec_ctx *d, const uint8_t *p, size_t len); /* decnet.c: tcpdump's ND_DEFAULTPRINT */
void dec_geonet(struct dec_ctx *d, const uint8_t *p, size_t len);                  /* geonet.c */
void dec_isoclns(struct dec_ctx *d, const uint8_t *p, size_t len);                 /* isis.c */
extern const struct dec_tok dec_nlpids[];                                          /* isis.c */
void dec_isis_id(struct dec_ctx *d, const uint8_t *p, unsigned len);  /* isis.c: xxxx.xxxx.xxxx[.nn[-nn]] */
/* isis_tlv.c: the TLVs of len bytes at p, in the PDU at pdu (of pdu_len
 * bytes, for the checksum TLV) */
void dec_isis_tlvs(struct dec_ctx *d, const uint8_t *pdu, size_t pdu_len, const uint8_t *p, size_t len);
void dec_rip(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);   /* rip.c */
void dec_ripng(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len); /* rip.c */
void dec_babel(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len); /* babel.c */
void dec_calm_fast(struct dec_ctx *d, const uint8_t *p, size_t len);               /* geonet.c */

/* Link layers keyed by DLT (decd, issue 14). */
typedef int (*dec_link_fn)(struct dec_ctx *, const uint8_t *, size_t);
dec_link_fn dec_link_by_dlt(int dlt);                                               /* linkdlt.c */
/* A link printer's start: its name for " [|proto]", no header yet; with
 * fewer than need bytes captured the marker, and the captured length to
 * return (the whole packet is header), else -1. */
int dec_link_begin(struct dec_ctx *d, const uint8_t *p, size_t len, const char *proto, size_t need);
int dec_radiotap(struct dec_ctx *d, const uint8_t *p, size_t len);                 /* radiotap.c */
/* The 802.11 frame at p; pad: its header padded to 4 bytes, fcslen: the
 * FCS bytes at its end.  Returns the header bytes tcpdump skips for -x. */
int dec_wlan(struct dec_ctx *d, const uint8_t *p, size_t len, int pad, size_t fcslen); /* wlan.c */
int dec_link_chdlc(struct dec_ctx *d, const uint8_t *p, size_t len);               /* chdlc.c */
int dec_link_ppp(struct dec_ctx *d, const uint8_t *p, size_t len);                 /* ppp.c */
int dec_link_ppp_hdlc(struct dec_ctx *d, const uint8_t *p, size_t len);            /* ppp.c */
int dec_link_brcm(struct dec_ctx *d, const uint8_t *p, size_t len);                /* dsa.c */
int dec_link_dsa(struct dec_ctx *d, const uint8_t *p, size_t len);                 /* dsa.c */
int dec_link_edsa(struct dec_ctx *d, const uint8_t *p, size_t len);                /* dsa.c */
int dec_link_ipoib(struct dec_ctx *d, const uint8_t *p, size_t len);               /* ipoib.c */
int dec_link_nflog(struct dec_ctx *d, const uint8_t *p, size_t len);               /* nflog.c */
int dec_link_ppi(struct dec_ctx *d, const uint8_t *p, size_t len);                 /* ppi.c */
int dec_link_vsock(struct dec_ctx *d, const uint8_t *p, size_t len);               /* vsock.c */
int dec_link_slip(struct dec_ctx *d, const uint8_t *p, size_t len);                /* slip.c */
/* A PPP frame with an optional address/control (or pppd direction)
 * prefix, as on PPP links and in PPPoE sessions; returns its header's
 * length (-x skips it). */
int dec_ppp_frame(struct dec_ctx *d, const uint8_t *p, size_t len);                /* ppp.c */
/* dec_llc with the frame's source and destination addresses apart (802.11). */
int dec_llc_addr(struct dec_ctx *d, const uint8_t *src, const uint8_t *dst, const uint8_t *q, size_t len); /* llc.c */
/* decc (issue 14): AFS/RX, OpenFlow 1.0, BGP, BCM-LI */
void dec_bcmli(struct dec_ctx *d, const uint8_t *p, size_t len);                   /* bcmli.c */
void dec_rx(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len); /* rx.c */
void dec_rx_free(struct dec_ctx *d);                                                /* rx.c */
void dec_openflow(struct dec_ctx *d, const uint8_t *p, size_t len);                /* openflow.c */
void dec_bgp(struct dec_ctx *d, const uint8_t *p, size_t len);                     /* bgp.c */
/* --- deca: ISAKMP, RADIUS, SNMP, DHCPv6, L2TP (one file each) --- */
void dec_isakmp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);      /* isakmp.c */
void dec_isakmp_natt(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len); /* isakmp.c */
void dec_radius(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);      /* radius.c */
void dec_dhcp6(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);       /* dhcp6.c */
void dec_l2tp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);        /* l2tp.c */
void dec_eap(struct dec_ctx *d, const uint8_t *p, size_t len);    /* eap.c: one EAP message */
void dec_ntp_time(struct dec_ctx *d, const uint8_t *p);            /* ntp.c: "%u.%09u (date)" */
/* Up to n bytes as text (decode.c): through dec_putc_safe, or printable
 * ASCII as is and the rest as '.' (DEC_TEXT_DOT); stopping at a NUL with
 * DEC_TEXT_NUL (tcpdump's nd_printjnp). */
enum { DEC_TEXT_NUL = 1, DEC_TEXT_DOT = 2 };
void dec_text(struct dec_ctx *d, const uint8_t *p, size_t n, unsigned how);
/* --- deciso (issue 14): OSI, routing and the -v bodies --- */
void dec_osi(struct dec_ctx *d, const uint8_t *p, size_t len); /* isis.c: the NLPID at p, no link header */
/* " (unverified)", " (correct)" or " (incorrect should be 0x....)": the
 * ISO 8473 checksum ck at offset at of the n bytes at p (isis.c). */
void dec_osi_cksum(struct dec_ctx *d, const uint8_t *p, unsigned ck, size_t at, size_t n);
void dec_isonsap(struct dec_ctx *d, const uint8_t *p, unsigned n); /* isis_tlv.c: 49.0001.1921.6800.1001 */
int dec_clnp(struct dec_ctx *d, const uint8_t *p, size_t len); /* clnp.c: 0, a header tcpdump rejects */
void dec_esis(struct dec_ctx *d, const uint8_t *p, size_t len); /* clnp.c */
void dec_pgm(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len); /* pgm.c */
void dec_forces(struct dec_ctx *d, const uint8_t *p, size_t len); /* forces.c: from SCTP DATA */

/* decudp2 (issue 14): the rest of the UDP-borne protocols, one file each,
 * named by the printer (krb.c, timed.c, ...), all of app.c's row shape */
typedef void dec_app_printer(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);
dec_app_printer dec_krb, dec_timed, dec_autorp, dec_someip, dec_vat, dec_aodv, dec_ahcp;
dec_app_printer dec_lwapp_ap, dec_lwapp_control, dec_lwapp_data, dec_vqp, dec_beep, dec_msdp, dec_zep, dec_wb, dec_lwres, dec_olsr, dec_rpki_rtr;
/* t by strftime's fmt, in local time or UTC, into buf; tcpdump's text
 * when it cannot be converted (fmttime.c) */
const char *dec_format_time(char *buf, size_t n, const char *fmt, time_t t, int local);
/* decudp1 (issue 14): SNMP and the UDP tunnels, one file each.  The port
 * printers of app.c: snmp.c, geneve.c, vxlangpe.c, otv.c, lisp.c,
 * udpwrap.c (MPLS and PTP over UDP), ldp.c (UDP and TCP). */
dec_app_printer dec_snmp, dec_geneve, dec_vxlan_gpe, dec_otv, dec_lisp, dec_mpls_udp, dec_ptp_udp, dec_ldp;
/* An Ethernet frame inside a tunnel, the -x/-X dump still skipping the
 * outer link header (vxlan.c). */
void dec_ether_inner(struct dec_ctx *d, const uint8_t *p, size_t len);
void dec_nsh(struct dec_ctx *d, const uint8_t *p, size_t len);                    /* nsh.c */
/* A tunnel header's start (geneve.c): proto for " [|proto]", name
 * printed; 0 after short (a format for len and the minimum) when len is
 * under min. */
int dec_tunnel_begin(struct dec_ctx *d, const char *proto, const char *name, size_t len, unsigned min,
		     const char *short_fmt);
/* tcpdump's bittok2str_nosep: v's bit names run together, or none (geneve.c). */
void dec_bits_nosep(struct dec_ctx *d, const struct dec_tok *t, unsigned v, const char *none);
/* tcpdump's MIB names (snmp_mib.c): the child of node numbered sub, or
 * DEC_MIB_NONE; DEC_MIB_ROOTS as node: the roots. */
enum { DEC_MIB_NONE = -2, DEC_MIB_ROOTS = -1 };
int dec_snmp_mib_child(int node, unsigned sub);
const char *dec_snmp_mib_name(int node);
/* decframe (issue 14): link printers keyed by DLT, one file each */
extern const struct dec_tok dec_cisco_pids[]; /* llc.c: SNAP protocol ids under Cisco's OUI */
int dec_link_fr(struct dec_ctx *d, const uint8_t *p, size_t len);                  /* fr.c */
int dec_link_mfr(struct dec_ctx *d, const uint8_t *p, size_t len);                 /* fr.c */
int dec_link_arcnet(struct dec_ctx *d, const uint8_t *p, size_t len);              /* arcnet.c */
int dec_link_arcnet_linux(struct dec_ctx *d, const uint8_t *p, size_t len);        /* arcnet.c */
int dec_link_pktap(struct dec_ctx *d, const uint8_t *p, size_t len);               /* pktap.c */
int dec_link_juniper(struct dec_ctx *d, const uint8_t *p, size_t len);             /* juniper.c, by d->linktype */
int dec_fr(struct dec_ctx *d, const uint8_t *p, size_t len);  /* fr.c: a Frame Relay frame, no link checks */
/* print(d, p, len) inside a link printer whose tcpdump twin returns base
 * + scale * what print returns as its link header length, also when print
 * returns cut short (dec_trunc_ret): that exit is taken here, d->hdrlen
 * set so, and taken again (linkdlt.c). */
int dec_link_nested(struct dec_ctx *d, dec_link_fn print, const uint8_t *p, size_t len, int base, int scale);
/* The OSI printer (isis.c) as a link printer returning 0. */
int dec_link_osi(struct dec_ctx *d, const uint8_t *p, size_t len);                 /* linkdlt.c */

/* decflow (issue 14): sFlow, HNCP, Zephyr, one file each */
dec_app_printer dec_sflow, dec_hncp, dec_zephyr;
/* declsp (issue 14): LSP-Ping, LMP, NFS/RPC, PPP in HDLC framing, one file each */
dec_app_printer dec_lspping, dec_lmp, dec_nfs;                                    /* lspping.c, lmp.c, nfs.c */
const char *dec_pw_type(unsigned t, const char *dflt); /* ldp.c: an MPLS pseudowire type (RFC 4446), or dflt */
extern const struct dec_tok dec_smi_vendors[];         /* radius.c: SMI enterprise numbers tcpdump names */
void dec_nfs_free(struct dec_ctx *d);                  /* nfs.c */
/* decctl (issue 14): PPP's control protocols, and the lines that ended blank */
void dec_ppp_ctrl(struct dec_ctx *d, unsigned proto, const uint8_t *p, size_t len); /* ppp_ctrl.c: LCP, IPCP, PAP, ... */
void dec_aarp(struct dec_ctx *d, const uint8_t *p, size_t len);      /* aarp.c: AppleTalk ARP */
void dec_cfm(struct dec_ctx *d, const uint8_t *p, size_t len);       /* cfm.c: 802.1ag CFM */
void dec_tipc(struct dec_ctx *d, const uint8_t *p, size_t len);      /* tipc.c */
void dec_ether_osi(struct dec_ctx *d, const uint8_t *p, size_t len); /* ethwrap.c: ethertype 0xfefe */
void dec_ether_ppp(struct dec_ctx *d, const uint8_t *p, size_t len); /* ethwrap.c: ethertype 0x880b */
void dec_q933(struct dec_ctx *d, const uint8_t *p, size_t len);      /* fr.c: Q.933 after its NLPID */
dec_app_printer dec_ssh;                                             /* ssh.c: a version line on port 22 */
void dec_ipx(struct dec_ctx *d, const uint8_t *p, size_t len);       /* ipx.c */
void dec_ddp(struct dec_ctx *d, const uint8_t *p, size_t len);       /* atalk.c: a DDP long header and after */
void dec_atalk(struct dec_ctx *d, const uint8_t *p, size_t len);     /* atalk.c: checks first, then DDP */
void dec_ether_atalk(struct dec_ctx *d, const uint8_t *p, size_t len); /* atalk.c: the same for ethertype 0x809b */
void dec_ether_ipx(struct dec_ctx *d, const uint8_t *p, size_t len); /* ipx.c: ethertype 0x8137 */
/* IPX in an 802.3 frame (ipx.c): raw (no LLC header, returns 0) or
 * behind 802.2 SAP 0xe0 (p at the LLC header, returns its 3 bytes). */
int dec_ipx_8023(struct dec_ctx *d, const uint8_t *p, size_t len);
int dec_ipx_8022(struct dec_ctx *d, const uint8_t *p, size_t len);
void dec_vtp(struct dec_ctx *d, const uint8_t *p, size_t len);       /* vtp.c: Cisco VTP (SNAP) */
/* decospf (issue 14): OSPF bodies at -v, ICMPv6 node information, IGRP, DVMRP, VJ at -e */
void dec_ospf6_body(struct dec_ctx *d, const uint8_t *p, unsigned length); /* ospf6.c: past the first line */
void dec_icmp6_ni(struct dec_ctx *d, const uint8_t *p, size_t len);        /* icmp6_ni.c: types 139, 140 */
void dec_igrp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len); /* igrp.c */
void dec_dvmrp(struct dec_ctx *d, const uint8_t *p, size_t len); /* dvmrp.c: from IGMP, p at the IGMP header */

/* decbgp: BGP UPDATE bodies and the families tables (bgp_upd.c) */
int dec_bgp_update(struct dec_ctx *d, const uint8_t *msg, size_t len);
extern const struct dec_tok dec_bgp_afs[], dec_bgp_safis[];
int dec_lldp_org(struct dec_ctx *d, const uint8_t *p, unsigned len); /* lldp_org.c */
/* isisbgp (issue 14): IS-IS extended TLVs, M3UA */
/* The extended reachability, multi-topology and router capability TLVs
 * (isis_reach.c): isis_tlv.c's 1 / 0 / -1, or 2 for a type not there. */
int dec_isis_reach_tlv(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned len);
extern const struct dec_tok dec_gmpls_switch_caps[], dec_gmpls_encodings[]; /* lmp.c: RFC 3471 */
void dec_m3ua(struct dec_ctx *d, const uint8_t *p, size_t len); /* m3ua.c: from SCTP DATA, -vv */

/* pptp (issue 14): PPTP, ZEP's 802.15.4 frame, the 802.15.4 link type, ATM OAM */
dec_app_printer dec_pptp;                                             /* pptp.c */
/* An 802.15.4 frame of caplen bytes as tcpdump counts them (802_15_4.c):
 * 0 after an error or a frame type it does not print, else 1 (caplen
 * when under 2), which tcpdump takes as the link header's length. */
int dec_802154(struct dec_ctx *d, const uint8_t *p, uint32_t caplen);
int dec_link_802154(struct dec_ctx *d, const uint8_t *p, size_t len);              /* 802_15_4.c */
int dec_link_802154_tap(struct dec_ctx *d, const uint8_t *p, size_t len);          /* 802_15_4.c */
/* An OAM cell at p, its header's HEC byte there or not (hec 1 or 0) (atm.c) */
void dec_oam(struct dec_ctx *d, const uint8_t *p, size_t len, unsigned hec);
int dec_link_sunatm(struct dec_ctx *d, const uint8_t *p, size_t len);              /* atm.c */

/* rsvp (issue 14): RSVP, EGP, Mobile IP and the IPv6 mobility header */
void dec_rsvp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);   /* rsvp.c */
void dec_egp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);    /* egp.c */
void dec_mobile(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len); /* mobility.c */
void dec_mobility(struct dec_ctx *d, const uint8_t *p); /* mobility.c: the IPv6 mobility header */

/* ospfte (issue 14): the OSPFv2 body, opaque LSAs, RPL */
void dec_ospf2_body(struct dec_ctx *d, const uint8_t *p, uint32_t length); /* ospf2.c: past the first line */
/* ospf_te.c: an opaque LSA's TLVs, n bytes at p; -1 where tcpdump gives
 * up on the LSA (no marker), RI also 1 where its LSA ends */
int dec_ospf_te(struct dec_ctx *d, const uint8_t *p, unsigned n);
int dec_ospf_grace(struct dec_ctx *d, const uint8_t *p, unsigned n);
int dec_ospf_ri(struct dec_ctx *d, const uint8_t *p, unsigned n);
/* tcpdump's print_unknown_data: dec_hexlines, or 0 after its complaint
 * when p is past the capture (icmp6.c) */
int dec_unknown_data(struct dec_ctx *d, const uint8_t *p, const char *ident, size_t n);
void dec_rpl(struct dec_ctx *d, const uint8_t *p, size_t len); /* rpl.c: p at the ICMPv6 header */
/* blank (issue 14): lines that ended blank */
void dec_msnlb(struct dec_ctx *d, const uint8_t *p, size_t len);     /* msnlb.c: ethertype 0x886f */
void dec_slow_oam(struct dec_ctx *d, const uint8_t *p, size_t len);  /* slow_oam.c: -v, after the subtype */
int dec_link_atm_rfc1483(struct dec_ctx *d, const uint8_t *p, size_t len); /* atm.c */
void dec_mpcp(struct dec_ctx *d, const uint8_t *p, size_t len);      /* mpcp.c: ethertype 0x8808 */
/* The SNAP header at p and its payload (snap.c), src and dst the frame's
 * addresses or NULL, bridge_pad the padding before a bridged frame: 1
 * when a printer took it (or " [|snap]"), 0 when the caller dumps it. */
int dec_snap(struct dec_ctx *d, const uint8_t *src, const uint8_t *dst, const uint8_t *p, size_t len,
	     size_t bridge_pad);

#endif
