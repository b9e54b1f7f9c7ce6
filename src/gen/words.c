/* words.c: the protocol words that are one link-layer type test:
 * `stp`, `ipx`, `netbeui`, `decnet`, `lat`, `sca`, `moprc`, `mopdl`,
 * `atalk`, `aarp` (pcap-filter(7)).  libpcap compiles each as its
 * `ether proto` value (an ethertype, or for the 802.2-only protocols an
 * LLC SAP), so each is gen_linktype of the value: what the link type
 * makes of it (SNAP for AppleTalk, Novell's raw 802.3 for IPX, PPP's
 * protocol numbers, ...) lives there.  The ISO words are in iso.c. */
#include "gen/gen.h"
#include "error.h"

/* The value each word tests, as libpcap's gencode.c uses it. */
static const struct {
	uint8_t proto;           /* enum ast_proto */
	uint32_t type;           /* ethertype, or LLC SAP (<= 1500) */
} words[] = {
	{ P_STP, 0x42 },         /* LLCSAP_8021D: 802.1D spanning tree */
	{ P_IPX, 0xe0 },         /* LLCSAP_IPX (and ethertype 0x8137, per link type) */
	{ P_NETBEUI, 0xf0 },     /* LLCSAP_NETBEUI */
	{ P_DECNET, 0x6003 },    /* ETHERTYPE_DN: DECnet Phase IV routing */
	{ P_LAT, 0x6004 },       /* ETHERTYPE_LAT */
	{ P_SCA, 0x6007 },       /* ETHERTYPE_SCA: DEC LAVC (System Communication Architecture) */
	{ P_MOPRC, 0x6002 },     /* ETHERTYPE_MOPRC: DEC MOP remote console */
	{ P_MOPDL, 0x6001 },     /* ETHERTYPE_MOPDL: DEC MOP dump/load */
	{ P_ATALK, 0x809b },     /* ETHERTYPE_ATALK: AppleTalk (SNAP on 802.2 links) */
	{ P_AARP, 0x80f3 },      /* ETHERTYPE_AARP: AppleTalk ARP */
};

int gen_word_type(int proto, uint32_t *type)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (words[i].proto == proto) {
			*type = words[i].type;
			return 0;
		}
	return -1;
}

/* A bare word of this family, or of the ISO family (iso.c). */
struct cond *gen_word(struct gen *g, int proto)
{
	uint32_t type;
	if (gen_word_type(proto, &type) == 0)
		return gen_linktype(g, type);
	return gen_iso_word(g, proto);
}
