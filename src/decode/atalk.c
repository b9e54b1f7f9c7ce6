/* atalk.c: an AppleTalk datagram (DDP, long header) after its checks, as
 * tcpdump 4.99 prints it: "SNET.SNODE.SSKT > DNET.DNODE.DSKT:" (a node of
 * 255, the broadcast, leaves only the net; sockets by name without -n),
 * then the type: RTMP, RTMP request, echo, IP, ARP and KLAP by name with
 * the length after the header, an unknown type as at-#N.  NBP, ATP and
 * EIGRP have printers of their own in tcpdump, not ours yet: their line
 * stops after the addresses (handed off). */
#include "decode/dec.h"

enum { DDP_RTMP = 1, DDP_NBP = 2, DDP_ATP = 3, DDP_EIGRP = 88 };
enum { DDP_HDRLEN = 13 }; /* the long header */

static const struct dec_tok ddp_types[] = {
	{ 1, "rtmp" }, { 5, "rtmpReq" }, { 4, "echo" }, { 22, "IP" }, { 23, "ARP" }, { 0x4b, "KLAP" }, { 0, NULL },
};
static const struct dec_tok ddp_sockets[] = {
	{ 1, "rtmp" }, { 2, "nis" }, { 4, "echo" }, { 6, "zip" }, { 0, NULL },
};

static void ddp_addr(struct dec_ctx *d, unsigned net, unsigned node, unsigned skt)
{
	if (node == 255)
		dec_printf(d, "%u", net);
	else
		dec_printf(d, "%u.%u", net, node);
	const char *name = d->o.nflag ? NULL : dec_tok(ddp_sockets, skt, NULL);
	if (name)
		dec_printf(d, ".%s", name);
	else
		dec_printf(d, ".%u", skt);
}

void dec_ddp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	ddp_addr(d, dec_get_be16(p + 6), p[9], p[11]);
	dec_printf(d, " > ");
	ddp_addr(d, dec_get_be16(p + 4), p[8], p[10]);
	dec_printf(d, ":");
	unsigned type = p[12];
	len -= 13;
	if (type == DDP_NBP || type == DDP_ATP || type == DDP_EIGRP) {
		dec_handoff(d, "ddp");
		return;
	}
	const char *name = dec_tok(ddp_types, type, NULL);
	if (name)
		dec_printf(d, "  at-%s %zu", name, len);
	else
		dec_printf(d, "  at-#%u %zu", type, len);
}

/* tcpdump's atalk_print (BSD loopback's AppleTalk): "AT " without -e,
 * then the header checks before the datagram. */
void dec_atalk(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!d->o.eflag)
		dec_printf(d, "AT ");
	d->proto = "ddp";
	if (len < DDP_HDRLEN)
		dec_printf(d, " [|ddp %zu]", len);
	else if (!dec_has(d, p, DDP_HDRLEN))
		dec_printf(d, " [|ddp]");
	else
		dec_ddp(d, p, len);
}

/* The same for ethertype 0x809b (and ARCNET's AppleTalk, SNAP's Apple
 * OUI), which tcpdump precedes with "et1 " at -v. */
void dec_ether_atalk(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (d->o.vflag)
		dec_printf(d, "et1 ");
	dec_atalk(d, p, len);
}
