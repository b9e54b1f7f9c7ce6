/* oui.c: IEEE OUIs (organizationally unique identifiers) with the names
 * tcpdump prints after a MAC address without -n and in LLDP's
 * organization-specific TLVs (tcpdump's oui.c table). */
#include "proto/proto.h"

static const struct proto_row oui_rows[] = {
	/* value, flags, { tcpdump } */
	{ 0x000000, 0, { "Ethernet" } }, { 0x00000c, 0, { "Cisco" } }, { 0x00005e, 0, { "IANA" } },
	{ 0x000081, 0, { "Nortel Networks SONMP" } }, { 0x0000f8, 0, { "Cisco bridged" } },
	{ 0x0080c2, 0, { "Ethernet bridged" } }, /* RFC 2684; also IEEE 802.1, named after this */
	{ 0x00a03e, 0, { "ATM Forum" } }, { 0x00e02f, 0, { "DOCSIS Spanning Tree" } },
	{ 0x080007, 0, { "Appletalk" } }, { 0x009069, 0, { "Juniper" } }, { 0x080009, 0, { "Hewlett-Packard" } },
	{ 0x00120f, 0, { "IEEE 802.3 Private" } }, { 0x0012bb, 0, { "ANSI/TIA" } }, { 0x001b21, 0, { "DCBX" } },
	{ 0x002320, 0, { "Nicira Networks" } }, { 0x5c16c7, 0, { "Big Switch Networks" } },
	{ 0xb0d2f5, 0, { "Vello Systems" } }, { 0x002481, 0, { "HP" } }, { 0x0004ea, 0, { "HP-Labs" } },
	{ 0x748771, 0, { "Infoblox Inc" } }, { 0xa42305, 0, { "Open Networking Lab" } },
	{ 0x00049f, 0, { "Freescale" } }, { 0x0015ad, 0, { "Netronome" } }, { 0x001018, 0, { "Broadcom" } },
	{ 0x00e004, 0, { "PMC-Sierra" } }, { 0xd0f0db, 0, { "Ericsson" } },
};
const struct proto_table proto_ouis = PROTO_TABLE(oui_rows);
