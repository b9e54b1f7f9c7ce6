/* linktype.c: the link types bpfx compiles for.  Offsets are those of the
 * link headers as libpcap documents them (pcap-linktype(7), LINKTYPE_*). */
#include "linktype.h"
#include "bpfx.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NODIR { .off = -1 }

static const struct linktype table[] = {
	{ .name = "EN10MB", .dlt = DLT_EN10MB, .kind = LT_ETHER, .off_nl = 14, .off_type = 12,
	  .descr = "Ethernet", .off_mac = 0, .off_src = 6, .flags = LTF_VLAN | LTF_MPLS | LTF_LLC, .dir = NODIR },
	{ .name = "RAW", .dlt = DLT_RAW, .kind = LT_RAW, .off_nl = 0, .off_type = -1,
	  .descr = "Raw IP", .off_mac = -1, .dir = NODIR },
	{ .name = "IPV4", .dlt = DLT_IPV4, .kind = LT_IPV4, .off_nl = 0, .off_type = -1,
	  .descr = "Raw IPv4", .off_mac = -1, .dir = NODIR },
	{ .name = "IPV6", .dlt = DLT_IPV6, .kind = LT_IPV6, .off_nl = 0, .off_type = -1,
	  .descr = "Raw IPv6", .off_mac = -1, .dir = NODIR },
	/* DLT_NULL: AF_ value in the capturing host's byte order */
	{ .name = "NULL", .dlt = DLT_NULL, .kind = LT_NULL, .off_nl = 4, .off_type = 0,
	  .descr = "BSD loopback", .off_mac = -1, .dir = NODIR },
	/* DLT_LOOP: AF_ value in network byte order (OpenBSD) */
	{ .name = "LOOP", .dlt = DLT_LOOP, .kind = LT_LOOP, .off_nl = 4, .off_type = 0,
	  .descr = "OpenBSD loopback", .off_mac = -1, .dir = NODIR },
	/* sll(7): packet type, ARPHRD, addr len, 8-byte addr, protocol;
	 * packet type 4 is PACKET_OUTGOING */
	{ .name = "LINUX_SLL", .dlt = DLT_LINUX_SLL, .kind = LT_SLL, .off_nl = 16, .off_type = 14,
	  .descr = "Linux cooked v1", .off_mac = -1, .dir = { 0, 2, LT_DIR_NOT, 4 } },
	/* SLL2: protocol, reserved, ifindex, ARPHRD, pkttype, addr len, addr */
	{ .name = "LINUX_SLL2", .dlt = DLT_LINUX_SLL2, .kind = LT_SLL2, .off_nl = 20, .off_type = 0,
	  .descr = "Linux cooked v2", .off_mac = -1, .dir = { 10, 1, LT_DIR_NOT, 4 } },

	/* PPP (RFC 1661/1662): address, control, 2-byte protocol */
	{ .name = "PPP", .dlt = DLT_PPP, .kind = LT_PPP, .off_nl = 4, .off_type = 2,
	  .descr = "PPP", .off_mac = -1, .flags = LTF_MPLS, .dir = NODIR },
	/* pppd's: the address byte says the direction (0 in, 1 out) */
	{ .name = "PPP_PPPD", .dlt = DLT_PPP_PPPD, .kind = LT_PPP, .off_nl = 4, .off_type = 2,
	  .descr = "PPP for pppd, with direction flag", .off_mac = -1, .dir = { 0, 1, 0, 1 } },
	{ .name = "PPP_SERIAL", .dlt = DLT_PPP_SERIAL, .kind = LT_PPP, .off_nl = 4, .off_type = 2,
	  .descr = "PPP over serial", .off_mac = -1, .dir = NODIR },
	/* NetBSD's PPPoE: the 6-byte PPPoE session header, then PPP's protocol */
	{ .name = "PPP_ETHER", .dlt = DLT_PPP_ETHER, .kind = LT_PPP, .off_nl = 8, .off_type = 6,
	  .descr = "PPPoE", .off_mac = -1, .dir = NODIR },
	/* BSD/OS PPP: a 24-byte header with the protocol at 5 */
	{ .name = "PPP_BSDOS", .dlt = DLT_PPP_BSDOS, .kind = LT_PPP_BSDOS, .off_nl = 24, .off_type = 5,
	  .descr = "BSD/OS PPP", .off_mac = -1, .dir = NODIR },
	/* Cisco HDLC: address, control, ethertype */
	{ .name = "C_HDLC", .dlt = DLT_C_HDLC, .kind = LT_CHDLC, .off_nl = 4, .off_type = 2,
	  .descr = "Cisco HDLC", .off_mac = -1, .flags = LTF_MPLS, .dir = NODIR },
	/* 112, which <pcap/dlt.h> calls DLT_CHDLC on some BSDs: libpcap
	 * compiles it as Cisco HDLC, without `vlan` */
	{ .name = "CHDLC", .dlt = 112, .kind = LT_CHDLC, .off_nl = 4, .off_type = 2,
	  .descr = "Cisco HDLC (DLT 112)", .off_mac = -1, .flags = LTF_MPLS, .dir = NODIR },
	/* SLIP: a 16-byte header whose first byte is the direction (0 in) */
	{ .name = "SLIP", .dlt = DLT_SLIP, .kind = LT_SLIP, .off_nl = 16, .off_type = -1,
	  .descr = "SLIP", .off_mac = -1, .dir = { 0, 1, 0, LT_DIR_NOT, 0, 1 } },
	{ .name = "SLIP_BSDOS", .dlt = DLT_SLIP_BSDOS, .kind = LT_SLIP, .off_nl = 24, .off_type = -1,
	  .descr = "BSD/OS SLIP", .off_mac = -1, .dir = NODIR },
	/* FDDI: frame control, destination, source, then 802.2 LLC + SNAP */
	{ .name = "FDDI", .dlt = DLT_FDDI, .kind = LT_LLC, .off_nl = 21, .off_type = 13,
	  .descr = "FDDI", .off_mac = 1, .off_src = 7, .flags = LTF_LLC, .dir = NODIR },
	/* token ring: access control, frame control, destination, source,
	 * then 802.2 LLC + SNAP (libpcap ignores source routing) */
	{ .name = "IEEE802", .dlt = DLT_IEEE802, .kind = LT_LLC, .off_nl = 22, .off_type = 14,
	  .descr = "Token ring", .off_mac = 2, .off_src = 8, .flags = LTF_LLC, .dir = NODIR },
	/* RFC 1483 LLC encapsulation: LLC + SNAP at 0 */
	{ .name = "ATM_RFC1483", .dlt = DLT_ATM_RFC1483, .kind = LT_LLC, .off_nl = 8, .off_type = 0,
	  .descr = "RFC 1483 LLC-encapsulated ATM", .off_mac = -1, .flags = LTF_LLC, .dir = NODIR },
	/* Hilscher netANALYZER: a 4-byte pseudo-header, then Ethernet (no
	 * `llc` in libpcap); the TRANSPARENT one also keeps the preamble and
	 * SFD (8 bytes) */
	{ .name = "NETANALYZER", .dlt = DLT_NETANALYZER, .kind = LT_ETHER_PH, .off_nl = 18, .off_type = 16,
	  .descr = "Ethernet with Hilscher netANALYZER pseudo-header", .off_mac = 4, .off_src = 10,
	  .off_linkhdr = 4, .flags = LTF_VLAN | LTF_MPLS, .dir = NODIR },
	{ .name = "NETANALYZER_TRANSPARENT", .dlt = DLT_NETANALYZER_TRANSPARENT, .kind = LT_ETHER_PH,
	  .off_nl = 26, .off_type = 24,
	  .descr = "Ethernet with Hilscher netANALYZER pseudo-header and with preamble and SFD",
	  .off_mac = 12, .off_src = 18, .off_linkhdr = 12, .flags = LTF_VLAN | LTF_MPLS, .dir = NODIR },
	/* RFC 2625 IP over Fibre Channel: the network header (destination
	 * and source, each a 2-byte NAA and a 6-byte address), then LLC+SNAP;
	 * libpcap has no `llc` there */
	{ .name = "IP_OVER_FC", .dlt = DLT_IP_OVER_FC, .kind = LT_LLC, .off_nl = 24, .off_type = 16,
	  .descr = "RFC 2625 IP-over-Fibre Channel", .off_mac = 2, .off_src = 10, .dir = NODIR },
	/* Linux CLIP: LLC + SNAP at 0 (libpcap has no `llc` there) */
	{ .name = "ATM_CLIP", .dlt = DLT_ATM_CLIP, .kind = LT_LLC, .off_nl = 8, .off_type = 0,
	  .descr = "Linux Classical IP over ATM", .off_mac = -1, .dir = NODIR },
	/* SunATM: flags (traffic type in the low nibble), VPI, VCI, then LLC */
	{ .name = "SUNATM", .dlt = DLT_SUNATM, .kind = LT_SUNATM, .off_nl = 12, .off_type = 4,
	  .descr = "Sun raw ATM", .off_mac = -1, .flags = LTF_LLC, .dir = NODIR },
	/* Frame Relay: DLCI, then a Q.933 control byte and an NLPID at 2;
	 * libpcap puts the network layer at 0, on the header, so `ip[0]` is
	 * the DLCI's first byte */
	{ .name = "FRELAY", .dlt = DLT_FRELAY, .kind = LT_FRELAY, .off_nl = 0, .off_type = 2,
	  .descr = "Frame Relay", .off_mac = -1, .dir = NODIR },
	/* Apple's IP over FireWire: addresses, then an ethertype at 16 */
	{ .name = "APPLE_IP_OVER_IEEE1394", .dlt = DLT_APPLE_IP_OVER_IEEE1394, .kind = LT_ETYPE,
	  .off_nl = 18, .off_type = 16, .descr = "Apple IP-over-IEEE 1394", .off_mac = -1, .dir = NODIR },
	/* Symantec firewall: a 44-byte header with an ethertype at 6 */
	{ .name = "SYMANTEC_FIREWALL", .dlt = DLT_SYMANTEC_FIREWALL, .kind = LT_ETYPE, .off_nl = 44,
	  .off_type = 6, .descr = "Symantec Firewall", .off_mac = -1, .dir = NODIR },
	/* OpenBSD enc(4): AF, SPI, flags; the AF as DLT_NULL's */
	{ .name = "ENC", .dlt = DLT_ENC, .kind = LT_ENC, .off_nl = 12, .off_type = 0,
	  .descr = "OpenBSD encapsulated IP", .off_mac = -1, .dir = NODIR },
	/* Solaris ipnet: version, family, direction (2 bytes: 1 out, 2 in),
	 * ..., 24 bytes in all */
	{ .name = "IPNET", .dlt = DLT_IPNET, .kind = LT_IPNET, .off_nl = 24, .off_type = 1,
	  .descr = "Solaris ipnet", .off_mac = -1, .dir = { 2, 2, 2, 1 } },
	/* ARCNET: source, destination (0: broadcast), then BSD's protocol at
	 * 2 (network layer at 6), Linux's after a 2-byte offset field, at 4
	 * (network layer at 8) */
	{ .name = "ARCNET", .dlt = DLT_ARCNET, .kind = LT_ARCNET, .off_nl = 6, .off_type = 2,
	  .descr = "BSD ARCNET", .off_mac = -1, .flags = LTF_ARCBCAST, .dir = NODIR },
	{ .name = "ARCNET_LINUX", .dlt = DLT_ARCNET_LINUX, .kind = LT_ARCNET, .off_nl = 8, .off_type = 4,
	  .descr = "Linux ARCNET", .off_mac = -1, .flags = LTF_ARCBCAST, .dir = NODIR },

	/* OpenBSD pflog: length, AF, action, reason, interface and ruleset
	 * names, rule numbers, ..., direction at 60 (1 in, 2 out); the
	 * network layer at the header's length, read from the packet (0 here:
	 * src/gen/pflog.c) */
	{ .name = "PFLOG", .dlt = DLT_PFLOG, .kind = LT_PFLOG, .off_nl = 0, .off_type = 1,
	  .descr = "OpenBSD pflog file", .off_mac = -1, .dir = { 60, 1, 1, 2 } },
	/* LocalTalk (LLAP): destination, source, type, then DDP; libpcap
	 * puts the network layer at 0 and knows only AppleTalk there */
	{ .name = "LTALK", .dlt = DLT_LTALK, .kind = LT_LTALK, .off_nl = 0, .off_type = -1,
	  .descr = "Localtalk", .off_mac = -1, .dir = NODIR },

	/* Juniper's PIC headers: the cookie "MGC" at 0 (off_type) is all
	 * libpcap tests for any network protocol; byte 3's low bit is 1 on inbound packets.
	 * The network layer is where libpcap puts it for each type: 4, 6, 8,
	 * 12 or 32; where libpcap has no offset (-1 in its header table, the
	 * network layer at -2), (uint32_t)-2, so that loads wrap as libpcap's
	 * do (`ip[9]` is byte 7, `ip[0]` no byte at all).  The ISO NLPID is
	 * where libpcap reads it, relative to that (the third number). */
#define JUNIPER(n, nl, iso, d) \
	{ .name = #n, .dlt = DLT_##n, .kind = LT_MAGIC, .off_nl = (uint32_t)(nl), .off_type = 0, .descr = d, \
	  .off_mac = -1, .dir = { 3, 1, 1, 0, 1 }, .magic = 0x4d474300, .magic_mask = 0xffffff00, \
	  .nlpid = iso }
	JUNIPER(JUNIPER_MLPPP, 4, -1, "Juniper Multi-Link PPP"),
	JUNIPER(JUNIPER_MLFR, 4, -1, "Juniper Multi-Link Frame Relay"),
	JUNIPER(JUNIPER_ES, -2, 0, "Juniper Encryption Services PIC"),
	JUNIPER(JUNIPER_GGSN, 12, -1, "Juniper GGSN PIC"),
	JUNIPER(JUNIPER_MFR, 4, -1, "Juniper FRF.16 Frame Relay"),
	JUNIPER(JUNIPER_ATM2, 8, 10, "Juniper ATM2 PIC"),
	JUNIPER(JUNIPER_SERVICES, -2, 0, "Juniper Advanced Services PIC"),
	JUNIPER(JUNIPER_ATM1, 4, 10, "Juniper ATM1 PIC"),
	JUNIPER(JUNIPER_MONITOR, 12, -1, "Juniper Passive Monitor PIC"),
	JUNIPER(JUNIPER_PPPOE, 32, 3, "Juniper PPPoE"),
	JUNIPER(JUNIPER_PPPOE_ATM, 6, -1, "Juniper PPPoE/ATM"),
	JUNIPER(JUNIPER_ETHER, 32, 3, "Juniper Ethernet"),
	JUNIPER(JUNIPER_PPP, 4, -1, "Juniper PPP"),
	JUNIPER(JUNIPER_FRELAY, 4, -1, "Juniper Frame Relay"),
	JUNIPER(JUNIPER_CHDLC, 4, -1, "Juniper C-HDLC"),
	JUNIPER(JUNIPER_VP, -2, 0, "Juniper Voice PIC"),
	JUNIPER(JUNIPER_ISM, -2, 0, "Juniper Integrated Service Module"),
	JUNIPER(JUNIPER_ST, -2, 0, "Juniper Secure Tunnel"),
	JUNIPER(JUNIPER_VS, -2, 0, "Juniper Virtual Server"),
	JUNIPER(JUNIPER_SRX_E2E, -2, 0, "Juniper SRX E2E"),
	JUNIPER(JUNIPER_FIBRECHANNEL, -2, 0, "Juniper Fibre Channel"),
	JUNIPER(JUNIPER_ATM_CEMIC, -2, 0, "Juniper ATM CEMIC"),
#undef JUNIPER
	/* BACnet MS/TP: the preamble 0x55 0xff is all libpcap tests; no
	 * network-layer offset (as Juniper's -2 above) */
	{ .name = "BACNET_MS_TP", .dlt = DLT_BACNET_MS_TP, .kind = LT_MAGIC, .off_nl = (uint32_t)-2, .off_type = -1,
	  .descr = "BACnet MS/TP", .off_mac = -1, .dir = NODIR, .magic = 0x55ff0000, .magic_mask = 0xffff0000 },

	/* 802.11, bare and behind a radio header whose length libpcap reads
	 * from each packet; the LLC+SNAP header follows the 802.11 header
	 * (24 bytes, 30 with four addresses, 2 more with QoS), so the
	 * offsets below count from that header's end (src/gen/wlan.c).
	 * libpcap has no `type`/`subtype`/`dir`, no `vlan` on PPI. */
#define WLAN(n, h, d, f) \
	{ .name = #n, .dlt = DLT_##n, .kind = LT_WLAN, .off_nl = 8, .off_type = 0, .descr = d, \
	  .off_mac = -1, .flags = LTF_LLC | (f), .dir = NODIR, .wlan_hdr = h }
	WLAN(IEEE802_11, LTW_NONE, "802.11", LTF_VLAN | LTF_P80211),
	WLAN(IEEE802_11_RADIO, LTW_RADIOTAP, "802.11 plus radiotap header", LTF_VLAN | LTF_P80211),
	WLAN(PPI, LTW_PPI, "Per-Packet Information", 0),
	WLAN(IEEE802_11_RADIO_AVS, LTW_AVS, "802.11 plus AVS radio information header", LTF_VLAN | LTF_P80211),
	WLAN(PRISM_HEADER, LTW_PRISM, "802.11 plus Prism header", LTF_VLAN | LTF_P80211),
#undef WLAN

	/* Link types whose network protocol libpcap does not test: only
	 * link-layer loads, `len`, `less`/`greater` and the live metadata
	 * compile; the name in the middle is libpcap's in its refusal. */
#define NOTYPE(n, what, d) \
	{ .name = #n, .dlt = DLT_##n, .kind = LT_NOTYPE, .off_nl = 0, .off_type = -1, \
	  .descr = d, .off_mac = -1, .dir = NODIR, .no_type = what }
	NOTYPE(MTP2, "MTP2", "SS7 MTP2"),
	NOTYPE(MTP2_WITH_PHDR, "MTP2", "SS7 MTP2 with Pseudo-header"),
	NOTYPE(MTP3, "SS7 MTP3", "SS7 MTP3"),
	NOTYPE(SCCP, "SS7 SCCP", "SS7 SCCP"),
	NOTYPE(LINUX_IRDA, "IrDA", "Linux IrDA"),
	NOTYPE(NFLOG, "NFLOG", "Linux netfilter log messages"),
	NOTYPE(LINUX_LAPD, "LAPD", "Linux vISDN LAPD"),
	NOTYPE(USB_LINUX, "USB", "USB with Linux header"),
	NOTYPE(USB_LINUX_MMAPPED, "USB", "USB with padded Linux header"),
	NOTYPE(USBPCAP, "USB", "USB with USBPcap header"),
	NOTYPE(BLUETOOTH_HCI_H4, "Bluetooth", "Bluetooth HCI UART transport layer"),
	NOTYPE(BLUETOOTH_HCI_H4_WITH_PHDR, "Bluetooth", "Bluetooth HCI UART transport layer plus pseudo-header"),
	NOTYPE(CAN_SOCKETCAN, "CAN", "CAN-bus with SocketCAN headers"),
	NOTYPE(IEEE802_15_4_NOFCS, "IEEE 802.15.4", "IEEE 802.15.4 without FCS"),
	NOTYPE(DOCSIS, "DOCSIS", "DOCSIS"),
	NOTYPE(SITA, "SITA", "SITA pseudo-header"),
	NOTYPE(AX25_KISS, "AX.25", "AX.25 with KISS header"),
	NOTYPE(ERF, "ERF", "Endace ERF header"),
	NOTYPE(DBUS, "D-Bus", "D-Bus"),
	NOTYPE(NETLINK, "Linux netlink", "Linux netlink"),
	NOTYPE(IPOIB, "RFC 4391 IP-over-Infiniband", "RFC 4391 IP-over-Infiniband"),
	NOTYPE(DSA_TAG_BRCM, "Broadcom tag", "Broadcom tag"),
	NOTYPE(DSA_TAG_BRCM_PREPEND, "Broadcom tag (prepended)", "Broadcom tag (prepended)"),
	NOTYPE(DSA_TAG_DSA, "Marvell DSA", "Marvell DSA"),
	NOTYPE(DSA_TAG_EDSA, "Marvell EDSA", "Marvell EDSA"),
	NOTYPE(GPRS_LLC, "GPRS LLC", "GPRS LLC"),
	NOTYPE(MFR, "Multi-link Frame Relay", "FRF.16 Frame Relay"),
	NOTYPE(IPMB_LINUX, "IPMB", "IPMB with Linux/Pigeon Point pseudo-header"),
	NOTYPE(AOS, "AOS Space Data Link protocol", "AOS Space Data Link protocol"),
	NOTYPE(WIHART, "Wireless HART", "Wireless HART"),
	NOTYPE(ETHERNET_MPACKET, "802.3br mPackets", "802.3br mPackets"),
	NOTYPE(IEEE802_15_4_TAP, "IEEE 802.15.4", "IEEE 802.15.4 with pseudo-header"),
	NOTYPE(ERF_ETH, "Ethernet with Endace ERF header", "Ethernet with Endace ERF header"),
	NOTYPE(ERF_POS, "Packet-over-SONET with Endace ERF header", "Packet-over-SONET with Endace ERF header"),
	NOTYPE(A429, "Arinc 429", "Arinc 429"),
	NOTYPE(A653_ICM, "Arinc 653 Interpartition Communication", "Arinc 653 Interpartition Communication"),
	NOTYPE(VSOCK, "Linux vsock", "Linux vsock"),
	/* The rest of the link types libpcap 1.10.3 knows and gives no
	 * offsets (its default case): link-layer loads, `len` and the live
	 * metadata compile; it names each by its description in the refusal. */
#define NOTYPE1(n, d) NOTYPE(n, d, d)
	NOTYPE1(GPF_T, "GPF-T"),
	NOTYPE1(GPF_F, "GPF-F"),
	NOTYPE1(JUNIPER_PIC_PEER, "Juniper PIC Peer"),
	NOTYPE1(USB_FREEBSD, "USB with FreeBSD header"),
	NOTYPE1(IEEE802_16_MAC_CPS, "IEEE 802.16 MAC Common Part Sublayer"),
	NOTYPE1(CAN20B, "Controller Area Network (CAN) v. 2.0B"),
	NOTYPE1(IEEE802_15_4_LINUX, "IEEE 802.15.4 with Linux padding"),
	NOTYPE1(IEEE802_16_MAC_CPS_RADIO, "IEEE 802.16 MAC Common Part Sublayer plus radiotap header"),
	NOTYPE1(IEEE802_15_4, "IEEE 802.15.4 with FCS"),
	NOTYPE1(RAIF1, "Ethernet with u10 Networks pseudo-header"),
	NOTYPE1(IPMB_KONTRON, "IPMB with Kontron pseudo-header"),
	NOTYPE1(IEEE802_15_4_NONASK_PHY, "IEEE 802.15.4 with non-ASK PHY data"),
	NOTYPE1(LINUX_EVDEV, "Linux evdev events"),
	NOTYPE1(MPLS, "MPLS with label as link-layer header"),
	NOTYPE1(DECT, "DECT"),
	NOTYPE1(FC_2, "Fibre Channel FC-2"),
	NOTYPE1(FC_2_WITH_FRAME_DELIMS, "Fibre Channel FC-2 with frame delimiters"),
	NOTYPE1(DVB_CI, "DVB-CI"),
	NOTYPE1(MUX27010, "MUX27010"),
	NOTYPE1(STANAG_5066_D_PDU, "STANAG 5066 D_PDUs"),
	NOTYPE1(MPEG_2_TS, "MPEG-2 transport stream"),
	NOTYPE1(NG40, "ng40 protocol tester Iub/Iur"),
	NOTYPE1(NFC_LLCP, "NFC LLCP PDUs with pseudo-header"),
	NOTYPE1(PFSYNC, "Packet filter state syncing"),
	NOTYPE1(INFINIBAND, "InfiniBand"),
	NOTYPE1(SCTP, "SCTP"),
	NOTYPE1(RTAC_SERIAL, "Schweitzer Engineering Laboratories RTAC packets"),
	NOTYPE1(BLUETOOTH_LE_LL, "Bluetooth Low Energy air interface"),
	NOTYPE1(BLUETOOTH_LINUX_MONITOR, "Bluetooth Linux Monitor"),
	NOTYPE1(BLUETOOTH_BREDR_BB, "Bluetooth Basic Rate/Enhanced Data Rate baseband packets"),
	NOTYPE1(BLUETOOTH_LE_LL_WITH_PHDR, "Bluetooth Low Energy air interface with pseudo-header"),
	NOTYPE1(PROFIBUS_DL, "PROFIBUS data link layer"),
	NOTYPE1(PKTAP, "Apple DLT_PKTAP"),
	NOTYPE1(EPON, "Ethernet with 802.3 Clause 65 EPON preamble"),
	NOTYPE1(IPMI_HPM_2, "IPMI trace packets"),
	NOTYPE1(ZWAVE_R1_R2, "Z-Wave RF profile R1 and R2 packets"),
	NOTYPE1(ZWAVE_R3, "Z-Wave RF profile R3 packets"),
	NOTYPE1(WATTSTOPPER_DLM, "WattStopper Digital Lighting Management (DLM) and Legrand Nitoo Open protocol"),
	NOTYPE1(ISO_14443, "ISO 14443 messages"),
	NOTYPE1(RDS, "IEC 62106 Radio Data System groups"),
	NOTYPE1(USB_DARWIN, "USB with Darwin header"),
	NOTYPE1(OPENFLOW, "OpenBSD DLT_OPENFLOW"),
	NOTYPE1(SDLC, "IBM SDLC frames"),
	NOTYPE1(TI_LLN_SNIFFER, "TI LLN sniffer frames"),
	NOTYPE1(NORDIC_BLE, "Nordic Semiconductor Bluetooth LE sniffer frames"),
	NOTYPE1(DOCSIS31_XRA31, "Excentis XRA-31 DOCSIS 3.1 RF sniffer frames"),
	NOTYPE1(DISPLAYPORT_AUX, "DisplayPort AUX channel monitoring data"),
	NOTYPE1(OPENVIZSLA, "OpenVizsla USB"),
	NOTYPE1(EBHSCR, "Elektrobit High Speed Capture and Replay (EBHSCR)"),
	NOTYPE1(VPP_DISPATCH, "VPP graph dispatch tracer"),
	NOTYPE1(ELEE, "ELEE lawful intercept packets"),
	NOTYPE1(Z_WAVE_SERIAL, "Z-Wave serial frames between host and chip"),
	NOTYPE1(USB_2_0, "USB 2.0/1.1/1.0 as transmitted over the cable"),
	NOTYPE1(ATSC_ALP, "ATSC Link-Layer Protocol packets"),
	/* Numbers libpcap 1.10.3 has no name for but compiles as its default
	 * case does (those from DLT_MATCHING_MIN on, reserved or private ones
	 * such as DLT_USER0..15 = 147..162); named by their number, so
	 * `-y 160` works, and "DLT 160" in the refusal as in libpcap's. */
#define NODLT(n) { .name = #n, .dlt = n, .kind = LT_NOTYPE, .off_nl = 0, .off_type = -1, \
		   .descr = "DLT " #n, .off_mac = -1, .dir = NODIR, .no_type = "DLT " #n }
	NODLT(106),
	NODLT(110),
	NODLT(111),
	NODLT(115),
	NODLT(116),
	NODLT(118),
	NODLT(120),
	NODLT(121),
	NODLT(124),
	NODLT(125),
	NODLT(126),
	NODLT(128),
	NODLT(145),
	NODLT(146),
	NODLT(147),
	NODLT(148),
	NODLT(149),
	NODLT(150),
	NODLT(151),
	NODLT(152),
	NODLT(153),
	NODLT(154),
	NODLT(155),
	NODLT(156),
	NODLT(157),
	NODLT(158),
	NODLT(159),
	NODLT(160),
	NODLT(161),
	NODLT(162),
	NODLT(172),
	NODLT(173),
	NODLT(203),
	NODLT(204),
	NODLT(205),
	NODLT(206),
	NODLT(207),
	NODLT(208),
	NODLT(210),
	NODLT(211),
	NODLT(212),
	NODLT(213),
	NODLT(214),
	NODLT(217),
	NODLT(218),
	NODLT(252),
	NODLT(270),
	NODLT(277),
#undef NODLT
#undef NOTYPE1
#undef NOTYPE
};

const struct linktype *lt_all(int *n)
{
	*n = (int)(sizeof table / sizeof table[0]);
	return table;
}

const struct linktype *lt_by_dlt(int dlt)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].dlt == dlt)
			return &table[i];
	return 0;
}

const struct linktype *lt_by_name(const char *name)
{
	if (!strncasecmp(name, "DLT_", 4))
		name += 4;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (!strcasecmp(table[i].name, name))
			return &table[i];
	/* a DLT number: `-y 112` for the row named CHDLC */
	size_t n = strspn(name, "0123456789");
	if (n && n < 5 && !name[n])
		return lt_by_dlt(atoi(name));
	return 0;
}

int bpfx_linktype_from_name(const char *name)
{
	const struct linktype *lt = lt_by_name(name);
	return lt ? lt->dlt : -1;
}

const char *bpfx_linktype_name(int dlt)
{
	const struct linktype *lt = lt_by_dlt(dlt);
	return lt ? lt->name : 0;
}
