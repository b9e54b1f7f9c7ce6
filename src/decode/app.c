/* app.c: which application printer runs on the payload of a UDP datagram
 * or a TCP segment, as tcpdump 4.99 decides it.
 *
 * tcpdump's udp_print and tcp_print try the ports in a fixed order, the
 * first test that holds wins: most protocols by either port, a few by
 * the destination (BFD, HSRP, VAT, whiteboard) or the source (BCM LI)
 * only, a few with a look at the payload too (NFS's RPC direction word,
 * AppleTalk's LAP type).  The table below is that order, one row per
 * test.  A row without a printer is a protocol tcpdump decodes and bpfx
 * does not yet: the line stops there and the packet is reported as handed
 * off.  When no row holds, UDP ends the line with "UDP, length N" (udp.c)
 * and TCP with its length.
 *
 * UDP's NFS test comes before the checksum verdict (tcpdump hands the
 * datagram to the NFS printer before checking it): those rows are the
 * "early" ones, tried by udp.c before it prints the checksum. */
#include "decode/dec.h"

enum app_end { APP_EITHER, APP_SRC, APP_DST };

typedef void (*app_printer)(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);
typedef int (*app_test)(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len);

struct app_row {
	unsigned char end;         /* enum app_end: which port is tested */
	unsigned lo, hi;           /* the port, or a range of them */
	const char *name;          /* the printer's name, for -L */
	app_printer fn;            /* NULL: tcpdump decodes it, bpfx not yet */
	app_test test;             /* NULL, or a further test on the payload */
};

/* --- the printers' shapes, where they differ from (d, p, len) --- */
static void print_dns(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	dec_dns(d, p, len, a->tcp, 0);
}
static void print_mdns(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	dec_dns(d, p, len, 0, 1);
}
static void print_resp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	dec_printf(d, ": ");
	dec_resp(d, p, len);
}
/* tcp_print writes ": " before the text protocols' printers, udp_print
 * nothing before SIP's */
#define TXT(fn, kind, sep) \
	static void print_##fn(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len) \
	{ \
		(void)a; \
		dec_printf(d, "%s", sep); \
		dec_txtproto(d, kind, p, len); \
	}
TXT(smtp, DEC_TXT_SMTP, ": ")
TXT(whois, DEC_TXT_WHOIS, ": ")
TXT(ftp, DEC_TXT_FTP, ": ")
TXT(http, DEC_TXT_HTTP, ": ")
TXT(rtsp, DEC_TXT_RTSP, ": ")
TXT(sip, DEC_TXT_SIP, "")
#undef TXT
/* BFD's packet type is its destination port */
static void print_bfd(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	dec_bfd(d, p, len, a->dport);
}
#define PLAIN(fn) \
	static void print_##fn(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len) \
	{ \
		(void)a; \
		dec_##fn(d, p, len); \
	}
PLAIN(syslog)
PLAIN(tftp)
PLAIN(ntp)
PLAIN(bootp)
PLAIN(hsrp)
PLAIN(vxlan)
PLAIN(bcmli)
PLAIN(openflow)
PLAIN(bgp)
#undef PLAIN

/* --- tests on the payload --- */
#define RPC_CALL 0
#define RPC_REPLY 1
/* An RPC call to the NFS port or a reply from it (RFC 5531's direction
 * word after the xid), at p. */
static int nfs_rpc(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p)
{
	if (!dec_has(d, p + 4, 4))
		return 0;
	uint32_t dir = dec_get_be32(p + 4);
	return (a->dport == PROTO_PORT_NFS && dir == RPC_CALL) || (a->sport == PROTO_PORT_NFS && dir == RPC_REPLY);
}
static int nfs_udp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)len;
	return nfs_rpc(d, a, p);
}
/* Over TCP the RPC message follows a 4-byte record mark. */
static int nfs_tcp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	return len >= 4 && dec_has(d, p, 4) && nfs_rpc(d, a, p + 4);
}
/* AppleTalk in UDP (KIP): a LAP header whose type says DDP. */
#define LAP_DDP 2
static int lap_ddp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	(void)len;
	return dec_has(d, p + 2, 1) && p[2] == LAP_DDP;
}
/* ports: P(NAME) for one port, R(lo, hi) for a range */
#define U(end, ports, name, fn) { APP_##end, ports, name, fn, NULL }
#define UT(end, ports, name, fn, test) { APP_##end, ports, name, fn, test }
#define T(end, ports, name, fn, test) { APP_##end, ports, name, fn, test }
#define P(x) PROTO_PORT_##x, PROTO_PORT_##x
#define R(lo, hi) lo, hi

/* Three tables, each in its printer's order: a packet is tried against
 * one (the rows of the others could never match it). */
static const struct app_row udp_early[] = { /* udp_print, before the checksum */
	UT(EITHER, P(NFS), "nfs", dec_nfs, nfs_udp),
};

static const struct app_row udp_rows[] = { /* udp_print's order */
	U(EITHER, P(DNS), NULL, print_dns), /* no name: dns.c reports itself */
	U(EITHER, P(MDNS), NULL, print_mdns),
	U(EITHER, P(TIMED), "timed", dec_timed),
	U(EITHER, P(TFTP), "tftp", print_tftp),
	U(EITHER, P(BOOTPC), "bootp", print_bootp),
	U(EITHER, P(BOOTPS), "bootp", print_bootp),
	U(EITHER, P(RIP), "rip", dec_rip),
	U(EITHER, P(AODV), "aodv", dec_aodv),
	U(EITHER, P(ISAKMP), "isakmp", dec_isakmp),
	U(EITHER, P(NATT), "isakmp", dec_isakmp_natt),
	U(EITHER, P(ISAKMP_USER1), "isakmp", dec_isakmp),
	U(EITHER, P(ISAKMP_USER2), "isakmp", dec_isakmp),
	U(EITHER, P(SNMP), "snmp", dec_snmp),
	U(EITHER, P(SNMPTRAP), "snmp", dec_snmp),
	U(EITHER, P(NTP), "ntp", print_ntp),
	U(EITHER, P(KERBEROS), "krb", dec_krb),
	U(EITHER, P(KERBEROS_SEC), "krb", dec_krb),
	U(EITHER, P(L2TP), "l2tp", dec_l2tp),
	/* NetBIOS (137, 138): only with ENABLE_SMB, off in tcpdump 4.99 */
	U(DST, P(VAT), "vat", dec_vat),
	U(EITHER, P(ZEPHYR_SRV), "zephyr", dec_zephyr),
	U(EITHER, P(ZEPHYR_CLT), "zephyr", dec_zephyr),
	U(EITHER, R(PROTO_PORT_RX_LOW, PROTO_PORT_RX_HIGH), "rx", dec_rx),
	U(EITHER, P(RIPNG), "ripng", dec_ripng),
	U(EITHER, P(DHCP6_SERV), "dhcp6", dec_dhcp6),
	U(EITHER, P(DHCP6_CLI), "dhcp6", dec_dhcp6),
	U(EITHER, P(AHCP), "ahcp", dec_ahcp),
	U(EITHER, P(BABEL), "babel", dec_babel),
	U(EITHER, P(BABEL_OLD), "babel", dec_babel),
	U(EITHER, P(HNCP), "hncp", dec_hncp),
	U(DST, P(WB), "wb", dec_wb),
	U(EITHER, P(AUTORP), "autorp", dec_autorp),
	U(EITHER, P(RADIUS), "radius", dec_radius),
	U(EITHER, P(RADIUS_NEW), "radius", dec_radius),
	U(EITHER, P(RADIUS_ACCT), "radius", dec_radius),
	U(EITHER, P(RADIUS_NEW_ACCT), "radius", dec_radius),
	U(EITHER, P(RADIUS_CISCO_COA), "radius", dec_radius),
	U(EITHER, P(RADIUS_COA), "radius", dec_radius),
	U(DST, P(HSRP), "hsrp", print_hsrp),
	U(EITHER, P(LWRES), "lwres", dec_lwres),
	U(EITHER, P(LDP), "ldp", dec_ldp),
	U(EITHER, P(OLSR), "olsr", dec_olsr),
	U(EITHER, P(LSP_PING), "lspping", dec_lspping),
	U(SRC, P(BCM_LI), "bcm-li", print_bcmli),
	U(DST, P(BFD_CONTROL), "bfd", print_bfd),
	U(DST, P(BFD_MULTIHOP), "bfd", print_bfd),
	U(DST, P(BFD_LAG), "bfd", print_bfd),
	U(DST, P(BFD_ECHO), "bfd", print_bfd),
	U(EITHER, P(LMP), "lmp", dec_lmp),
	U(EITHER, P(VQP), "vqp", dec_vqp),
	U(EITHER, P(SFLOW), "sflow", dec_sflow),
	U(DST, P(LWAPP_CONTROL), "lwapp", dec_lwapp_ap),
	U(SRC, P(LWAPP_CONTROL), "lwapp", dec_lwapp_control),
	U(EITHER, P(LWAPP_DATA), "lwapp", dec_lwapp_data),
	U(EITHER, P(SIP), "sip", print_sip),
	U(EITHER, P(SYSLOG), "syslog", print_syslog),
	U(EITHER, P(OTV), "otv", dec_otv),
	U(EITHER, P(VXLAN), "vxlan", print_vxlan),
	U(EITHER, P(GENEVE), "geneve", dec_geneve),
	U(EITHER, P(LISP), "lisp", dec_lisp),
	U(EITHER, P(VXLAN_GPE), "vxlan-gpe", dec_vxlan_gpe),
	U(EITHER, P(ZEP), "zep", dec_zep),
	U(EITHER, P(MPLS), "mpls", dec_mpls_udp),
	UT(EITHER, R(200, 327), "atalk", NULL, lap_ddp),       /* tcpdump's atalk_port */
	UT(EITHER, R(16384, 16511), "atalk", NULL, lap_ddp),
	U(EITHER, P(PTP_EVENT), "ptp", dec_ptp_udp),
	U(EITHER, P(PTP_GENERAL), "ptp", dec_ptp_udp),
	U(EITHER, P(SOMEIP), "someip", dec_someip),
};

static const struct app_row tcp_rows[] = { /* tcp_print's order */
	T(EITHER, P(TELNET), "telnet", NULL, NULL),
	T(EITHER, P(SMTP), "smtp", print_smtp, NULL),
	T(EITHER, P(WHOIS), "whois", print_whois, NULL),
	T(EITHER, P(BGP), "bgp", print_bgp, NULL),
	T(EITHER, P(PPTP), "pptp", dec_pptp, NULL),
	T(EITHER, P(RESP), NULL, print_resp, NULL),
	T(EITHER, P(SSH), "ssh", dec_ssh, NULL),
	/* NetBIOS session (139) and SMB (445): ENABLE_SMB only */
	T(EITHER, P(BEEP), "beep", dec_beep, NULL),
	T(EITHER, P(OPENFLOW_OLD), "openflow", print_openflow, NULL),
	T(EITHER, P(OPENFLOW), "openflow", print_openflow, NULL),
	T(EITHER, P(FTP), "ftp", print_ftp, NULL),
	T(EITHER, P(HTTP), "http", print_http, NULL),
	T(EITHER, P(HTTP_ALT), "http", print_http, NULL),
	T(EITHER, P(RTSP), "rtsp", print_rtsp, NULL),
	T(EITHER, P(RTSP_ALT), "rtsp", print_rtsp, NULL),
	T(EITHER, P(DNS), NULL, print_dns, NULL),
	T(EITHER, P(MSDP), "msdp", dec_msdp, NULL),
	T(EITHER, P(RPKI_RTR), "rpki-rtr", dec_rpki_rtr, NULL),
	T(EITHER, P(LDP), "ldp", dec_ldp, NULL),
	T(EITHER, P(NFS), "nfs", dec_nfs, nfs_tcp),
};

static int port_matches(const struct app_row *r, unsigned sport, unsigned dport)
{
	int s = sport >= r->lo && sport <= r->hi, t = dport >= r->lo && dport <= r->hi;
	return r->end == APP_SRC ? s : r->end == APP_DST ? t : s || t;
}

int dec_app(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len, int early)
{
#define ROWS(t) t, sizeof t / sizeof t[0]
	static const struct { const struct app_row *r; size_t n; } tables[2][2] = {
		{ { ROWS(udp_rows) }, { ROWS(udp_early) } }, { { ROWS(tcp_rows) }, { NULL, 0 } } };
#undef ROWS
	const struct app_row *rows = tables[a->tcp != 0][early != 0].r;
	for (size_t i = 0; i < tables[a->tcp != 0][early != 0].n; i++) {
		const struct app_row *r = &rows[i];
		if (!port_matches(r, a->sport, a->dport))
			continue;
		if (r->test && !r->test(d, a, p, len))
			continue;
		d->app = r->name;
		if (r->fn)
			r->fn(d, a, p, len);
		else
			dec_handoff(d, a->tcp ? "tcp-payload" : "udp-app");
		return 1;
	}
	return 0;
}
