/* ipx.c: Novell IPX as tcpdump 4.99 prints it: "IPX NET.MAC.SOCK >
 * NET.MAC.SOCK: " then by the destination socket NCP, SAP (requests and
 * the services of responses), RIP (the routes), NetBIOS, diagnostics,
 * NWLink datagrams, EIGRP, or the socket number; a header length under
 * 30 is "[length N < 30] (invalid)".  Reached from raw 802.3 frames
 * (0xffff), 802.2 SAP 0xe0, ethertype 0x8137 and PPP. */
#include "decode/dec.h"

#define IPX_HDR 30
enum { SKT_NCP = 0x0451, SKT_SAP = 0x0452, SKT_RIP = 0x0453, SKT_NETBIOS = 0x0455, SKT_DIAGS = 0x0456,
       SKT_NWLINK = 0x0553, SKT_EIGRP = 0x85be };

/* the sockets that only print their name and the length */
static const struct dec_tok ipx_named[] = {
	{ SKT_NCP, "ipx-ncp" }, { SKT_NETBIOS, "ipx-netbios" }, { SKT_DIAGS, "ipx-diags" }, { SKT_NWLINK, "ipx-nwlink-dgm" },
	{ 0, NULL },
};

/* SAP server types by name (tcpdump's ipxsap_db), used without -n */
static const struct dec_tok sap_types[] = {
#include "decode/ipx_sap.inc"
	{ 0, NULL },
};

/* "NET.MAC": 4 bytes of network, 6 of node at p (checked); the node is
 * a number always (tcpdump's linkaddr_string, not the ethers names) */
static void ipxaddr(struct dec_ctx *d, const uint8_t *p)
{
	char mac[18];
	dec_printf(d, "%08x.%s", dec_get_be32(p), dec_fmt_mac(mac, p + 4));
}

/* A SAP server type: its name without -n, else 4 hex digits. */
static void sap_type(struct dec_ctx *d, unsigned t)
{
	const char *name = d->o.nflag ? NULL : dec_tok(sap_types, t, NULL);
	if (name)
		dec_printf(d, "%s", name);
	else
		dec_printf(d, "%04x", t);
}

static void sap(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned cmd = dec_be16(d, p);
	p += 2, len -= 2;
	if (cmd == 1 || cmd == 3) {
		dec_printf(d, cmd == 1 ? "ipx-sap-req" : "ipx-sap-nearest-req");
		unsigned t = dec_be16(d, p); /* read before the space, as tcpdump */
		dec_printf(d, " ");
		sap_type(d, t);
		return;
	}
	if (cmd != 2 && cmd != 4) {
		dec_printf(d, "ipx-sap-?%x", cmd);
		return;
	}
	dec_printf(d, cmd == 2 ? "ipx-sap-resp" : "ipx-sap-nearest-resp");
	for (int i = 0; i < 8 && len != 0; i++) {
		dec_need(d, p, 2);
		if (len < 2)
			goto invalid;
		dec_printf(d, " ");
		sap_type(d, dec_get_be16(p));
		dec_printf(d, " '");
		p += 2, len -= 2;
		if (len < 48) {
			dec_printf(d, "'");
			goto invalid;
		}
		dec_text(d, p, 48, DEC_TEXT_NUL);
		dec_printf(d, "'");
		p += 48, len -= 48;
		dec_need(d, p, 10);
		if (len < 10)
			goto invalid;
		dec_printf(d, " addr ");
		ipxaddr(d, p);
		p += 10, len -= 10;
		dec_need(d, p, 4);
		if (len < 4)
			goto invalid;
		p += 4, len -= 4;
	}
	return;
invalid:
	dec_printf(d, " (invalid)");
}

static void rip(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned cmd = dec_be16(d, p);
	p += 2, len -= 2;
	if (cmd == 1) {
		dec_printf(d, "ipx-rip-req");
		if (len != 0)
			dec_printf(d, " %08x/%u.%u", dec_be32(d, p), dec_be16(d, p + 4), dec_be16(d, p + 6));
	} else if (cmd == 2) {
		dec_printf(d, "ipx-rip-resp");
		for (int i = 0; i < 50 && len != 0; i++, p += 8, len -= 8) {
			if (len < 8) {
				dec_printf(d, " (invalid)");
				return;
			}
			dec_need(d, p, 8);
			dec_printf(d, " %08x/%u.%u", dec_get_be32(p), dec_get_be16(p + 4), dec_get_be16(p + 6));
		}
	} else
		dec_printf(d, "ipx-rip-?%x", cmd);
}

void dec_ipx(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	(void)len; /* tcpdump takes the length from the header */
	d->proto = "ipx";
	if (!d->o.eflag)
		dec_printf(d, "IPX ");
	dec_need(d, p + 18, 12);
	ipxaddr(d, p + 18);
	dec_printf(d, ".%04x > ", dec_get_be16(p + 28));
	dec_need(d, p + 6, 12);
	ipxaddr(d, p + 6);
	dec_printf(d, ".%04x: ", dec_get_be16(p + 16));
	unsigned length = dec_be16(d, p + 2), skt = dec_get_be16(p + 16);
	if (length < IPX_HDR) {
		dec_printf(d, "[length %u < %u] (invalid)", length, IPX_HDR);
		return;
	}
	length -= IPX_HDR;
	p += IPX_HDR;
	const char *name = dec_tok(ipx_named, skt, NULL);
	if (name)
		dec_printf(d, "%s %u", name, length);
	else if (skt == SKT_SAP)
		sap(d, p, length);
	else if (skt == SKT_RIP)
		rip(d, p, length);
	else if (skt == SKT_EIGRP)
		dec_eigrp(d, NULL, p, length);
	else
		dec_printf(d, "ipx-#%x %u", skt, length);
}

int dec_ipx_8023(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->handoff = NULL;
	if (d->o.eflag)
		dec_printf(d, "IPX 802.3: ");
	dec_ipx(d, p, len);
	return 0;
}

int dec_ipx_8022(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->handoff = NULL;
	if (d->o.eflag)
		dec_printf(d, "IPX 802.2: ");
	dec_ipx(d, p + 3, len >= 3 ? len - 3 : 0);
	return 3;
}

void dec_ether_ipx(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_printf(d, "(NOV-ETHII) ");
	dec_ipx(d, p, len);
}
