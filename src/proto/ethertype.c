/* ethertype.c: ethertypes (IEEE "EtherType" registry; tcpdump's
 * ethertype.h names) and IEEE 802.2 SAPs.  The pcap column is what
 * `ether proto \NAME` accepts (pcap-filter(7)), the SAP names included. */
#include "proto/proto.h"

static const struct proto_row ethertype_rows[] = {
	/* value, flags, { tcpdump, dissect, explain, pcap } */
	{ 0x0001, 0, { NULL, NULL, "802.3 (Linux)" } },
	{ 0x0004, 0, { NULL, NULL, "802.2 LLC (Linux)" } },
	{ 0x00fe, 0, { "GRE-OSI" } }, /* OSI over GRE (RFC 1702's Cisco value) */
	{ 0x0200, 0, { "PUP" } },
	{ 0x0600, 0, { "NS" } }, /* Xerox NS */
	{ 0x0707, 0, { "GeoNet (old)" } },
	{ 0x0800, 0, { "IPv4", "IPv4", "IPv4", "ip" } }, /* RFC 894 */
	{ 0x0806, 0, { "ARP", "ARP", "ARP", "arp" } }, /* RFC 826 */
	{ 0x1000, 0, { "Trail" } },
	{ 0x1111, 0, { "CALM FAST" } },
	{ 0x6001, 0, { "MOP DL", NULL, NULL, "mopdl" } },
	{ 0x6002, 0, { "MOP RC", NULL, NULL, "moprc" } },
	{ 0x6003, 0, { "DN", NULL, "DECnet", "decnet" } },
	{ 0x6004, 0, { "LAT", NULL, NULL, "lat" } },
	{ 0x6007, 0, { "SCA", NULL, NULL, "sca" } },
	{ 0x6558, 0, { "TEB" } },
	{ 0x8035, 0, { "Reverse ARP", "RARP", "RARP", "rarp" } }, /* RFC 903 */
	{ 0x8038, 0, { "Lanbridge" } },
	{ 0x803c, 0, { "DEC DNS" } },
	{ 0x803e, 0, { "DEC DTS" } },
	{ 0x805b, 0, { "VEXP" } },
	{ 0x805c, 0, { "VPROD" } },
	{ 0x809b, 0, { "Appletalk", NULL, "AppleTalk", "atalk" } },
	{ 0x80f3, 0, { "Appletalk ARP", NULL, "AARP", "aarp" } },
	{ 0x8100, 0, { "802.1Q", "802.1Q VLAN tag", "802.1Q VLAN" } }, /* IEEE 802.1Q */
	{ 0x8137, 0, { "IPX", NULL, "IPX" } },
	{ 0x86dd, 0, { "IPv6", "IPv6", "IPv6", "ip6" } }, /* RFC 8200 */
	{ 0x8808, 0, { "MPCP" } },
	{ 0x8809, 0, { "Slow Protocols" } },
	{ 0x880b, 0, { "PPP" } },
	{ 0x8847, 0, { "MPLS unicast", "MPLS", "MPLS unicast" } }, /* RFC 3032 */
	{ 0x8848, 0, { "MPLS multicast", NULL, "MPLS multicast" } },
	{ 0x8863, 0, { "PPPoE D", NULL, "PPPoE discovery" } },
	{ 0x8864, 0, { "PPPoE S", "PPPoE session", "PPPoE session" } }, /* RFC 2516 */
	{ 0x886f, 0, { "MS NLB heartbeat" } },
	{ 0x8870, 0, { "Jumbo" } }, /* Alteon jumbo frames: 802.2 follows */
	{ 0x888e, 0, { "EAPOL", NULL, "802.1X" } },
	{ 0x8899, 0, { "Realtek protocols" } },
	{ 0x88a2, 0, { "AoE" } },
	{ 0x88a8, 0, { "802.1Q-QinQ", "802.1ad VLAN tag", "802.1ad VLAN" } }, /* IEEE 802.1ad */
	{ 0x88ca, 0, { "TIPC" } }, /* RFC 8786 */
	{ 0x88cc, 0, { "LLDP", NULL, "LLDP" } },
	{ 0x88e5, 0, { "802.1AE MACsec" } },
	{ 0x88f7, 0, { "PTP" } }, /* IEEE 1588 */
	{ 0x8902, 0, { "CFM" } },
	{ 0x893a, 0, { "IEEE1905.1" } },
	{ 0x8947, 0, { "GeoNet" } },
	{ 0x894f, 0, { "NSH" } }, /* RFC 8300 */
	{ 0x9000, 0, { "Loopback", NULL, NULL, "loopback" } },
	{ 0x9100, 0, { "802.1Q-9100", "QinQ VLAN tag (old)", "802.1Q-in-Q VLAN" } },
	{ 0x9200, 0, { "802.1Q-9200" } },
	{ 0xabcd, 0, { "CFM (old)" } },
	{ 0xd28b, 0, { "Arista Vendor Specific Protocol" } },
	{ 0xfefe, 0, { "OSI" } },
};
const struct proto_table proto_ethertypes = PROTO_TABLE(ethertype_rows);

/* IEEE 802.2 SAPs (tcpdump's llc.c names, libpcap's keywords). */
static const struct proto_row sap_rows[] = {
	/* value, flags, { tcpdump, -, -, pcap } */
	{ 0x00, 0, { "Null" } },
	{ 0x02, 0, { "802.1B I" } },
	{ 0x04, 0, { "SNA" } },
	{ 0x06, 0, { "IP" } },
	{ 0x0e, 0, { "ProWay NM" } },
	{ 0x42, 0, { "STP", NULL, NULL, "stp" } },
	{ 0x4e, 0, { "RS511" } },
	{ 0x7e, 0, { "ISO8208" } },
	{ 0x8e, 0, { "ProWay" } },
	{ 0xaa, 0, { "SNAP" } },
	{ 0xe0, 0, { "IPX", NULL, NULL, "ipx" } },
	{ 0xf0, 0, { "NetBeui", NULL, NULL, "netbeui" } },
	{ 0xfe, 0, { "OSI", NULL, NULL, "iso" } },
};
const struct proto_table proto_saps = PROTO_TABLE(sap_rows);
