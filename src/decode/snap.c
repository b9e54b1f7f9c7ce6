/* snap.c: the SNAP header (RFC 1042: an OUI and a protocol id) behind
 * 802.2 or a Frame Relay NLPID, as tcpdump 4.99's snap_print: with -e
 * "oui NAME (0x...), ethertype|pid NAME (0x....), length N: ", then the
 * payload's printer by OUI and id; with none, "SRC > DST " (when the
 * frame has addresses) and "SNAP, ..." before the caller's dump. */
#include "decode/dec.h"

/* SNAP protocol ids by OUI (tcpdump's oui_to_struct_tok): Cisco's and
 * RFC 2684's bridged frames; OUI 0 and Cisco's 0x0000f8 carry an
 * ethertype. */
enum { OUI_ETHER = 0x000000, OUI_CISCO = 0x00000c, OUI_CISCO_90 = 0x0000f8, OUI_APPLE = 0x080007,
       OUI_RFC2684 = 0x0080c2, ETH_ATALK = 0x809b };
static const struct dec_tok bridged_pids[] = {
	{ 0x01, "Ethernet + FCS" }, { 0x07, "Ethernet w/o FCS" }, { 0x02, "802.4 + FCS" },
	{ 0x08, "802.4 w/o FCS" }, { 0x03, "Token Ring + FCS" }, { 0x09, "Token Ring w/o FCS" },
	{ 0x04, "FDDI + FCS" }, { 0x0a, "FDDI w/o FCS" }, { 0x05, "802.6 + FCS" },
	{ 0x0b, "802.6 w/o FCS" }, { 0x0e, "BPDU" }, { 0, NULL },
};
typedef void (*snap_fn)(struct dec_ctx *, const uint8_t *, size_t);
static void snap_ether(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_ether(d, p, len);
}
/* The payloads tcpdump decodes by OUI and protocol id; NULL: its printer,
 * not ours (named for the -L report); pad: the bridged frame's padding
 * comes first. */
static const struct {
	unsigned oui, pid;
	snap_fn print;
	const char *handoff;
	int pad;
} snap_rows[] = {
	{ OUI_CISCO, 0x2000, dec_cdp, NULL, 0 }, { OUI_CISCO, 0x2004, dec_dtp, NULL, 0 },
	{ OUI_CISCO, 0x0111, dec_udld, NULL, 0 }, { OUI_CISCO, 0x2003, dec_vtp, NULL, 0 },
	{ OUI_CISCO, 0x010b, dec_stp, NULL, 0 }, { OUI_CISCO, 0x010c, dec_stp, NULL, 0 },
	{ OUI_RFC2684, 0x01, snap_ether, NULL, 1 }, { OUI_RFC2684, 0x07, snap_ether, NULL, 1 },
	{ OUI_RFC2684, 0x03, NULL, "token", 1 }, { OUI_RFC2684, 0x09, NULL, "token", 1 },
	{ OUI_RFC2684, 0x04, NULL, "fddi", 1 }, { OUI_RFC2684, 0x0a, NULL, "fddi", 1 },
	{ OUI_RFC2684, 0x0e, dec_stp, NULL, 0 },
};

static const char *snap_pid_name(unsigned oui, unsigned pid)
{
	if (oui == OUI_ETHER || oui == OUI_CISCO_90 || oui == OUI_APPLE)
		return proto_name_or(&proto_ethertypes, pid, PROTO_TCPDUMP, "Unknown");
	const struct dec_tok *t = oui == OUI_CISCO ? dec_cisco_pids : oui == OUI_RFC2684 ? bridged_pids : NULL;
	return t ? dec_tok(t, pid, "Unknown") : "Unknown"; /* other OUIs: no pid names */
}

int dec_snap(struct dec_ctx *d, const uint8_t *src, const uint8_t *dst, const uint8_t *p, size_t len,
	     size_t bridge_pad)
{
	d->proto = "snap";
	if (!dec_has(d, p, 5) || len < 5) {
		dec_printf(d, " [|snap]");
		return 1;
	}
	unsigned oui = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2], pid = dec_get_be16(p + 3);
	const char *kind = oui == OUI_ETHER ? "ethertype" : "pid";
	if (d->o.eflag)
		dec_printf(d, "oui %s (0x%06x), %s %s (0x%04x), length %zu: ", dec_tok_oui(oui), oui, kind,
			   snap_pid_name(oui, pid), pid, len - 5);
	p += 5, len -= 5;
	if ((oui == OUI_ETHER || oui == OUI_CISCO_90 || (oui == OUI_APPLE && pid == ETH_ATALK)) &&
	    dec_ethertype_printed(pid)) {
		dec_ethertype(d, pid, p, len);
		return 1;
	}
	for (size_t i = 0; i < sizeof snap_rows / sizeof snap_rows[0]; i++) {
		if (snap_rows[i].oui != oui || snap_rows[i].pid != pid)
			continue;
		size_t pad = snap_rows[i].pad ? bridge_pad : 0;
		if (!dec_has(d, p, pad) || len < pad) {
			dec_printf(d, " [|snap]");
			return 1;
		}
		if (snap_rows[i].print)
			snap_rows[i].print(d, p + pad, len - pad);
		else
			dec_handoff(d, snap_rows[i].handoff);
		return 1;
	}
	if (d->o.eflag)
		return 0;
	if (src && dst) {
		dec_mac(d, src);
		dec_printf(d, " > ");
		dec_mac(d, dst);
		dec_printf(d, " ");
	}
	dec_printf(d, "SNAP, ");
	if (oui != OUI_ETHER) /* tcpdump names the OUI only when it is not 0 */
		dec_printf(d, "oui %s (0x%06x), pid ", dec_tok_oui(oui), oui);
	else
		dec_printf(d, "ethertype ");
	dec_printf(d, "%s (0x%04x), length %zu: ", snap_pid_name(oui, pid), pid, len);
	return 0;
}
