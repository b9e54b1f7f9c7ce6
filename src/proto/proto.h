/* proto.h: protocol facts, each written once: the numbers (as named
 * constants for `case` labels and comparisons) and the names the
 * presenters print for them.  One table per kind, one file per table:
 *
 *     ethertype.c  ethertypes and IEEE 802.2 SAPs
 *     ipproto.c    IP protocol numbers (IPv4 protocol, IPv6 next header)
 *     icmp.c       ICMP and ICMPv6 message types
 *     option.c     IPv4 options and TCP options
 *     port.c       well-known ports
 *     arp.c        ARP operations
 *     oui.c        IEEE OUIs (vendor names)
 *     ppp.c        PPP protocol field values
 *     dns.c        DNS record types and classes, EDNS0 options
 *     netdb.c      IP protocol names as tcpdump prints them without -n
 *     app.c        application protocols over UDP and TCP
 *     lookup.c     the lookups below
 *
 * Link types are in src/linktype.c (offsets the code generator reads).
 *
 * A table row carries one name per presenter, because each presenter
 * prints what its reader expects: tcpdump's exact wording on the decoder's
 * line, a longer description in `dissect`'s field table, explain's words,
 * libpcap's keyword.  A NULL column means that presenter has no name for
 * the value (the presenter then prints its own fallback).
 *
 * The constants carry a PROTO_ prefix: <net/ethernet.h>, <netinet/in.h>
 * and <netinet/ip_icmp.h> define ETHERTYPE_*, IPPROTO_* and ICMP_* of
 * their own, and this header must sit beside them.  Plain integer
 * constants, so the code generator may use them too. */
#ifndef BPFX_PROTO_H
#define BPFX_PROTO_H
#include <stddef.h>

/* --- ethertypes (IEEE "EtherType" registry) --- */
#define PROTO_ETH_LEN_MAX   1500    /* at or below: an 802.3 length, not a type */
#define PROTO_ETH_IPV4      0x0800  /* RFC 894 */
#define PROTO_ETH_ARP       0x0806  /* RFC 826 */
#define PROTO_ETH_RARP      0x8035  /* RFC 903 */
#define PROTO_ETH_VLAN      0x8100  /* IEEE 802.1Q */
#define PROTO_ETH_IPV6      0x86dd  /* RFC 2464 */
#define PROTO_ETH_MPLS      0x8847  /* RFC 3032, unicast */
#define PROTO_ETH_MPLS_MC   0x8848  /* RFC 3032, multicast */
#define PROTO_ETH_SLOW      0x8809  /* IEEE 802.3 Slow Protocols (LACP, OAM) */
#define PROTO_ETH_PPPOED    0x8863  /* RFC 2516, discovery */
#define PROTO_ETH_PPPOES    0x8864  /* RFC 2516, session */
#define PROTO_ETH_EAPOL     0x888e  /* IEEE 802.1X */
#define PROTO_ETH_QINQ      0x88a8  /* IEEE 802.1ad */
#define PROTO_ETH_LLDP      0x88cc  /* IEEE 802.1AB */
#define PROTO_ETH_MACSEC    0x88e5  /* IEEE 802.1AE */
#define PROTO_ETH_JUMBO     0x8870  /* Alteon jumbo frames: 802.2 after the type */
#define PROTO_ETH_PTP       0x88f7  /* IEEE 1588 */
#define PROTO_ETH_LOOPBACK  0x9000  /* Ethernet Configuration Testing Protocol */
#define PROTO_ETH_QINQ_OLD  0x9100  /* pre-802.1ad QinQ */
#define PROTO_ETH_QINQ_9200 0x9200
/* decb: the non-IP frames of issue 14 */
#define PROTO_ETH_GEONET_OLD 0x0707 /* ETSI GeoNetworking, before 0x8947 */
#define PROTO_ETH_CALM_FAST 0x1111  /* ISO 29281 */
#define PROTO_ETH_DECNET    0x6003  /* DECnet Phase IV routing */
#define PROTO_ETH_AOE       0x88a2  /* ATA over Ethernet */
#define PROTO_ETH_GEONET    0x8947  /* ETSI EN 302 636-4-1 */
#define PROTO_ETH_ARISTA    0xd28b  /* Arista vendor-specific */
#define PROTO_SAP_OSI       0xfe    /* ISO 9577 network layer (IS-IS, CLNP) */
#define PROTO_SAP_IP        0x06    /* RFC 948: IP over IEEE 802.3 */
/* Linux's protocol values at or below 1500 in cooked captures
 * (linux/if_ether.h ETH_P_802_3, ETH_P_802_2). */
#define PROTO_LINUX_802_3   1
#define PROTO_LINUX_802_2   4

/* --- IEEE 802.2 SAPs --- */
#define PROTO_SAP_SNAP      0xaa

/* --- PPP protocol field (RFC 1661, IANA PPP DLL protocol numbers) --- */
#define PROTO_PPP_IPV4      0x0021
#define PROTO_PPP_IPV6      0x0057

/* --- BSD loopback address families (AF_INET, and AF_INET6 by OS) --- */
#define PROTO_AF_INET       2
#define PROTO_AF_INET6_LINUX 10
#define PROTO_AF_INET6_BSD  24      /* NetBSD, OpenBSD */
#define PROTO_AF_INET6_FREEBSD 28
#define PROTO_AF_INET6_DARWIN 30

/* --- IP protocol numbers (IANA "Assigned Internet Protocol Numbers") --- */
#define PROTO_IP_HOPOPTS    0       /* IPv6 hop-by-hop options, RFC 8200 */
#define PROTO_IP_ICMP       1       /* RFC 792 */
#define PROTO_IP_IGMP       2
#define PROTO_IP_IPIP       4       /* RFC 2003 */
#define PROTO_IP_TCP        6       /* RFC 9293 */
#define PROTO_IP_EGP        8       /* RFC 904 */
#define PROTO_IP_IGRP       9
#define PROTO_IP_UDP        17      /* RFC 768 */
#define PROTO_IP_DCCP       33      /* RFC 4340 */
#define PROTO_IP_IPV6       41      /* RFC 2473 */
#define PROTO_IP_ROUTING    43      /* RFC 8200 */
#define PROTO_IP_FRAGMENT   44      /* RFC 8200 */
#define PROTO_IP_RSVP       46      /* RFC 2205 */
#define PROTO_IP_GRE        47
#define PROTO_IP_ESP        50      /* RFC 4303 */
#define PROTO_IP_AH         51      /* RFC 4302 */
#define PROTO_IP_MOBILE     55      /* RFC 2004 */
#define PROTO_IP_ICMPV6     58      /* RFC 4443 */
#define PROTO_IP_NONE       59      /* no next header, RFC 8200 */
#define PROTO_IP_DSTOPTS    60      /* RFC 8200 */
#define PROTO_IP_MOBILE_OLD 62
#define PROTO_IP_ND         77      /* tcpdump's " nd LEN" */
#define PROTO_IP_EIGRP      88      /* RFC 7868 */
#define PROTO_IP_OSPF       89      /* RFC 2328, RFC 5340 */
#define PROTO_IP_PIM        103
#define PROTO_IP_IPCOMP     108     /* RFC 3173 */
#define PROTO_IP_VRRP       112
#define PROTO_IP_PGM        113     /* RFC 3208 */
#define PROTO_IP_SCTP       132     /* RFC 9260 */
#define PROTO_IP_MOBILITY   135     /* RFC 6275 */
#define PROTO_IP_ETHERNET   143     /* RFC 8986 */

/* --- ICMP types (RFC 792) --- */
#define PROTO_ICMP_ECHOREPLY    0
#define PROTO_ICMP_UNREACH      3
#define PROTO_ICMP_SOURCEQUENCH 4
#define PROTO_ICMP_REDIRECT     5
#define PROTO_ICMP_ECHO         8
#define PROTO_ICMP_ROUTERADVERT 9
#define PROTO_ICMP_TIMXCEED     11
#define PROTO_ICMP_PARAMPROB    12
#define PROTO_ICMP_TSTAMP       13
#define PROTO_ICMP_TSTAMPREPLY  14
#define PROTO_ICMP_MASKREPLY    18
/* destination unreachable codes (RFC 792, RFC 1812) */
#define PROTO_ICMP_UNREACH_PROTOCOL 2
#define PROTO_ICMP_UNREACH_PORT     3
#define PROTO_ICMP_UNREACH_NEEDFRAG 4

/* --- ICMPv6 types (RFC 4443, RFC 4861, RFC 2710, RFC 3810) --- */
#define PROTO_ICMP6_UNREACH       1
#define PROTO_ICMP6_PACKETTOOBIG  2
#define PROTO_ICMP6_TIMXCEED      3
#define PROTO_ICMP6_PARAMPROB     4
#define PROTO_ICMP6_ECHO          128
#define PROTO_ICMP6_ECHOREPLY     129
#define PROTO_ICMP6_MLD_QUERY     130
#define PROTO_ICMP6_MLD_REPORT    131
#define PROTO_ICMP6_MLD_DONE      132
#define PROTO_ICMP6_ROUTERSOLICIT 133
#define PROTO_ICMP6_ROUTERADVERT  134
#define PROTO_ICMP6_NEIGHBORSOLICIT 135
#define PROTO_ICMP6_NEIGHBORADVERT 136
#define PROTO_ICMP6_REDIRECT      137
#define PROTO_ICMP6_INDSOLICIT    141
#define PROTO_ICMP6_INDADVERT     142
#define PROTO_ICMP6_MLDV2_REPORT  143
#define PROTO_ICMP6_HADISCOVERY_REQUEST 144
#define PROTO_ICMP6_HADISCOVERY_REPLY 145
#define PROTO_ICMP6_MOBILEPREFIX_SOLICIT 146
#define PROTO_ICMP6_MOBILEPREFIX_ADVERT 147
#define PROTO_ICMP6_RPL           155     /* RFC 6550 */
/* destination unreachable codes (RFC 4443 3.1) */
#define PROTO_ICMP6_UNREACH_NOROUTE 0
#define PROTO_ICMP6_UNREACH_ADMIN   1
#define PROTO_ICMP6_UNREACH_BEYONDSCOPE 2
#define PROTO_ICMP6_UNREACH_ADDR    3
#define PROTO_ICMP6_UNREACH_PORT    4
/* neighbor discovery option types (RFC 4861 4.6 and IANA) */
#define PROTO_ND_SOURCE_LINKADDR  1
#define PROTO_ND_TARGET_LINKADDR  2
#define PROTO_ND_PREFIX_INFO      3
#define PROTO_ND_MTU              5
#define PROTO_ND_ADV_INTERVAL     7   /* RFC 6275 7.3 */
#define PROTO_ND_HOMEAGENT_INFO   8   /* RFC 6275 7.4 */
#define PROTO_ND_ROUTE_INFO       24  /* RFC 4191 2.3 */
#define PROTO_ND_RDNSS            25  /* RFC 8106 5.1 */
#define PROTO_ND_DNSSL            31  /* RFC 8106 5.2 */

/* --- IPv4 options (RFC 791, IANA "IP Option Numbers") --- */
#define PROTO_IPOPT_EOL     0
#define PROTO_IPOPT_NOP     1
#define PROTO_IPOPT_RR      7
#define PROTO_IPOPT_TS      68
#define PROTO_IPOPT_LSRR    131
#define PROTO_IPOPT_SSRR    137
#define PROTO_IPOPT_RA      148     /* RFC 2113 */
/* IPv6 options inside hop-by-hop and destination options headers */
#define PROTO_IP6OPT_PAD1   0x00
#define PROTO_IP6OPT_PADN   0x01
#define PROTO_IP6OPT_RA     0x05    /* RFC 2711 */
#define PROTO_IP6OPT_JUMBO  0xc2    /* RFC 2675 */
/* IPv6 routing header types (RFC 8200 4.4) */
#define PROTO_RT6_TYPE0     0       /* deprecated, RFC 5095 */
#define PROTO_RT6_TYPE2     2       /* RFC 6275 */
#define PROTO_RT6_SRH       4       /* segment routing, RFC 8754 */

/* --- TCP option kinds (IANA "TCP Option Kind Numbers") --- */
#define PROTO_TCPOPT_EOL     0      /* RFC 9293 */
#define PROTO_TCPOPT_NOP     1      /* RFC 9293 */
#define PROTO_TCPOPT_MSS     2      /* RFC 9293 */
#define PROTO_TCPOPT_WSCALE  3      /* RFC 7323 */
#define PROTO_TCPOPT_SACKOK  4      /* RFC 2018 */
#define PROTO_TCPOPT_SACK    5      /* RFC 2018 */
#define PROTO_TCPOPT_ECHO    6      /* RFC 1072 */
#define PROTO_TCPOPT_ECHOREPLY 7    /* RFC 1072 */
#define PROTO_TCPOPT_TS      8      /* RFC 7323 */
#define PROTO_TCPOPT_CC      11     /* RFC 1644 */
#define PROTO_TCPOPT_CCNEW   12     /* RFC 1644 */
#define PROTO_TCPOPT_CCECHO  13     /* RFC 1644 */
#define PROTO_TCPOPT_MD5     19     /* RFC 2385 */
#define PROTO_TCPOPT_SCPS    20
#define PROTO_TCPOPT_UTO     28     /* RFC 5482 */
#define PROTO_TCPOPT_AO      29     /* RFC 5925 */
#define PROTO_TCPOPT_MPTCP   30     /* RFC 8684 */
#define PROTO_TCPOPT_TFO     34     /* RFC 7413 */
#define PROTO_TCPOPT_EXP     254    /* RFC 4727, RFC 6994 */

/* --- ARP operations (RFC 826, RFC 903, RFC 2390) --- */
#define PROTO_ARP_REQUEST    1
#define PROTO_ARP_REPLY      2
#define PROTO_RARP_REQUEST   3
#define PROTO_RARP_REPLY     4
#define PROTO_INARP_REQUEST  8
#define PROTO_INARP_REPLY    9
#define PROTO_ARPHRD_ETHER   1      /* linux/if_arp.h ARPHRD_* */
#define PROTO_ARPHRD_LOOPBACK 772

/* --- DNS (RFC 1035, IANA "Domain Name System (DNS) Parameters") --- */
#define PROTO_DNS_T_A        1
#define PROTO_DNS_T_NS       2
#define PROTO_DNS_T_CNAME    5
#define PROTO_DNS_T_SOA      6
#define PROTO_DNS_T_PTR      12
#define PROTO_DNS_T_MX       15
#define PROTO_DNS_T_TXT      16
#define PROTO_DNS_T_AAAA     28      /* RFC 3596 */
#define PROTO_DNS_T_SRV      33      /* RFC 2782 */
#define PROTO_DNS_T_A6       38      /* RFC 2874 */
#define PROTO_DNS_T_DNAME    39      /* RFC 6672 */
#define PROTO_DNS_T_OPT      41      /* RFC 6891 */
#define PROTO_DNS_T_UNSPECA  104
#define PROTO_DNS_T_TSIG     250     /* RFC 8945 */
#define PROTO_DNS_T_URI      256     /* RFC 7553 */
#define PROTO_DNS_C_IN       1
#define PROTO_DNS_OP_IQUERY  1       /* inverse query, RFC 3425 */
/* EDNS0 option codes */
#define PROTO_EDNS_DAU       5       /* RFC 6975 */
#define PROTO_EDNS_DHU       6
#define PROTO_EDNS_N3U       7
#define PROTO_EDNS_ECS       8       /* RFC 7871 */
#define PROTO_EDNS_EXPIRE    9       /* RFC 7314 */
#define PROTO_EDNS_COOKIE    10      /* RFC 7873 */
#define PROTO_EDNS_KEEPALIVE 11      /* RFC 7828 */
#define PROTO_EDNS_PADDING   12      /* RFC 7830 */
#define PROTO_EDNS_CHAIN     13      /* RFC 7901 */
#define PROTO_EDNS_KEYTAG    14      /* RFC 8145 */

/* --- well-known ports: those tcpdump 4.99 dispatches on (print-udp.c,
 * print-tcp.c; src/decode/app.c holds the order it tries them in) --- */
#define PROTO_PORT_FTP       21     /* RFC 959 */
#define PROTO_PORT_SSH       22     /* RFC 4253 */
#define PROTO_PORT_TELNET    23     /* RFC 854 */
#define PROTO_PORT_SMTP      25     /* RFC 5321 */
#define PROTO_PORT_WHOIS     43     /* RFC 3912 */
#define PROTO_PORT_DNS       53     /* DNS, RFC 1035 */
#define PROTO_PORT_BOOTPS    67     /* BOOTP/DHCP server, RFC 2131 */
#define PROTO_PORT_BOOTPC    68     /* BOOTP/DHCP client */
#define PROTO_PORT_TFTP      69     /* RFC 1350 */
#define PROTO_PORT_HTTP      80     /* RFC 9112 */
#define PROTO_PORT_KERBEROS  88     /* RFC 4120 */
#define PROTO_PORT_NTP       123    /* RFC 5905 */
#define PROTO_PORT_SNMP      161    /* RFC 3416 */
#define PROTO_PORT_SNMPTRAP  162
#define PROTO_PORT_BGP       179    /* RFC 4271 */
#define PROTO_PORT_PTP_EVENT 319    /* IEEE 1588 */
#define PROTO_PORT_PTP_GENERAL 320
#define PROTO_PORT_RPKI_RTR  323    /* RFC 8210 */
#define PROTO_PORT_AUTORP    496    /* Cisco Auto-RP */
#define PROTO_PORT_ISAKMP    500    /* RFC 2408 */
#define PROTO_PORT_SYSLOG    514    /* RFC 5426 */
#define PROTO_PORT_RIP       520    /* RFC 2453 */
#define PROTO_PORT_RIPNG     521    /* RFC 2080 */
#define PROTO_PORT_TIMED     525
#define PROTO_PORT_DHCP6_CLI 546    /* RFC 8415 */
#define PROTO_PORT_DHCP6_SERV 547
#define PROTO_PORT_RTSP      554    /* RFC 7826 */
#define PROTO_PORT_MSDP      639    /* RFC 3618 */
#define PROTO_PORT_LDP       646    /* RFC 5036 */
#define PROTO_PORT_AODV      654    /* RFC 3561 */
#define PROTO_PORT_OLSR      698    /* RFC 3626 */
#define PROTO_PORT_LMP       701    /* RFC 4204 */
#define PROTO_PORT_KERBEROS_SEC 750
#define PROTO_PORT_LWRES     921
#define PROTO_PORT_VQP       1589
#define PROTO_PORT_RADIUS    1645   /* RFC 2865, old port */
#define PROTO_PORT_RADIUS_ACCT 1646
#define PROTO_PORT_RADIUS_CISCO_COA 1700
#define PROTO_PORT_L2TP      1701   /* RFC 2661 */
#define PROTO_PORT_PPTP      1723   /* RFC 2637 */
#define PROTO_PORT_RADIUS_NEW 1812  /* RFC 2865 */
#define PROTO_PORT_RADIUS_NEW_ACCT 1813
#define PROTO_PORT_HSRP      1985   /* RFC 2281 */
#define PROTO_PORT_NFS       2049   /* RFC 1813 */
#define PROTO_PORT_ZEPHYR_SRV 2103
#define PROTO_PORT_ZEPHYR_CLT 2104
#define PROTO_PORT_VAT       3456
#define PROTO_PORT_LSP_PING  3503   /* RFC 8029 */
#define PROTO_PORT_BFD_CONTROL 3784 /* RFC 5881 */
#define PROTO_PORT_BFD_ECHO  3785
#define PROTO_PORT_RADIUS_COA 3799  /* RFC 5176 */
#define PROTO_PORT_LISP      4342   /* RFC 9301 */
#define PROTO_PORT_NATT      4500   /* RFC 3948 */
#define PROTO_PORT_WB        4567
#define PROTO_PORT_BFD_MULTIHOP 4784 /* RFC 5883 */
#define PROTO_PORT_VXLAN     4789   /* RFC 7348 */
#define PROTO_PORT_VXLAN_GPE 4790
#define PROTO_PORT_SIP       5060   /* RFC 3261 */
#define PROTO_PORT_MDNS      5353   /* multicast DNS, RFC 6762 */
#define PROTO_PORT_AHCP      5359
#define PROTO_PORT_GENEVE    6081   /* RFC 8926 */
#define PROTO_PORT_SFLOW     6343
#define PROTO_PORT_RESP      6379   /* Redis (RESP) */
#define PROTO_PORT_OPENFLOW_OLD 6633
#define PROTO_PORT_MPLS      6635   /* RFC 7510 */
#define PROTO_PORT_OPENFLOW  6653
#define PROTO_PORT_BABEL     6696   /* RFC 8966 */
#define PROTO_PORT_BABEL_OLD 6697
#define PROTO_PORT_BFD_LAG   6784   /* RFC 7130 */
#define PROTO_PORT_RX_LOW    7000   /* AFS RX, 7000-7009 */
#define PROTO_PORT_RX_HIGH   7009
#define PROTO_PORT_ISAKMP_USER1 7500
#define PROTO_PORT_HTTP_ALT  8080
#define PROTO_PORT_HNCP      8231   /* RFC 7788 */
#define PROTO_PORT_OTV       8472
#define PROTO_PORT_ISAKMP_USER2 8500
#define PROTO_PORT_RTSP_ALT  8554
#define PROTO_PORT_BEEP      10288  /* RFC 3080 */
#define PROTO_PORT_LWAPP_DATA 12222  /* RFC 5412 */
#define PROTO_PORT_LWAPP_CONTROL 12223
#define PROTO_PORT_ZEP       17754
#define PROTO_PORT_SOMEIP    30490
#define PROTO_PORT_BCM_LI    49152

/* --- TFTP opcodes (RFC 1350, RFC 2347) --- */
#define PROTO_TFTP_RRQ       1
#define PROTO_TFTP_WRQ       2
#define PROTO_TFTP_DATA      3
#define PROTO_TFTP_ACK       4
#define PROTO_TFTP_ERROR     5
#define PROTO_TFTP_OACK      6

/* --- NTP modes and strata (RFC 5905 7.3; RFC 1305 for control, 62-63
 * the ntpdc info query and reply of old) --- */
#define PROTO_NTP_MODE_CLIENT    3
#define PROTO_NTP_MODE_SERVER    4
#define PROTO_NTP_MODE_BROADCAST 5
#define PROTO_NTP_MODE_CONTROL   6
#define PROTO_NTP_STRATUM_UNSPEC 0
#define PROTO_NTP_STRATUM_PRIMARY 1
#define PROTO_NTP_INFO_QUERY     62
#define PROTO_NTP_INFO_REPLY     63

/* --- BOOTP (RFC 951) and DHCP options (RFC 2132) --- */
#define PROTO_BOOTP_REQUEST       1
#define PROTO_BOOTP_REPLY         2
#define PROTO_DHCP_PAD            0
#define PROTO_DHCP_NETBIOS_NODE   46
#define PROTO_DHCP_OPT_OVERLOAD   52
#define PROTO_DHCP_MESSAGE        53
#define PROTO_DHCP_PARM_REQUEST   55
#define PROTO_DHCP_CLIENT_ID      61
#define PROTO_DHCP_USER_CLASS     77    /* RFC 3004 */
#define PROTO_DHCP_CLIENT_FQDN    81    /* RFC 4702 */
#define PROTO_DHCP_AGENT_INFO     82    /* RFC 3046 */
#define PROTO_DHCP_CLASSLESS_RT   121   /* RFC 3442 */
#define PROTO_DHCP_CLASSLESS_RT_MS 249  /* Microsoft's copy of 121 */
#define PROTO_DHCP_END            255

/* The presenters, one name column each. */
enum proto_col {
	PROTO_TCPDUMP,             /* what tcpdump 4.99 prints */
	PROTO_DISSECT,             /* `bpfx dissect`'s value column */
	PROTO_EXPLAIN,             /* `bpfx explain`'s words */
	PROTO_PCAP,                /* libpcap's keyword (pcap-filter(7)) */
	PROTO_MARK,                /* tcpdump's truncation marker, " [|name]" */
	PROTO_NCOL
};

/* Row flags. */
enum {
	PROTO_F_PRINTED = 1 << 0,  /* tcpdump has a printer for it (ip_demux) */
};

struct proto_row {
	unsigned v;                /* the value on the wire */
	unsigned flags;            /* PROTO_F_* */
	const char *name[PROTO_NCOL];
};

struct proto_table {
	const struct proto_row *rows;
	size_t n;
};
#define PROTO_TABLE(rows) { rows, sizeof rows / sizeof rows[0] }

extern const struct proto_table proto_ethertypes;  /* ethertype.c */
extern const struct proto_table proto_saps;        /* ethertype.c */
extern const struct proto_table proto_ipprotos;    /* ipproto.c */
extern const struct proto_table proto_icmp_types;  /* icmp.c */
extern const struct proto_table proto_icmp6_types; /* icmp.c */
extern const struct proto_table proto_ipopts;      /* option.c */
extern const struct proto_table proto_tcpopts;     /* option.c */
extern const struct proto_table proto_ports;       /* port.c */
extern const struct proto_table proto_arp_ops;     /* arp.c */
extern const struct proto_table proto_ouis;        /* oui.c */
extern const struct proto_table proto_ppp;         /* ppp.c */
extern const struct proto_table proto_dns_types;   /* dns.c */
extern const struct proto_table proto_dns_classes; /* dns.c */
extern const struct proto_table proto_edns_opts;   /* dns.c */
extern const struct proto_table proto_dnssec_algs; /* dns.c */
extern const struct proto_table proto_ds_digests;  /* dns.c */
extern const struct proto_table proto_nsec3_hashes; /* dns.c */
extern const struct proto_table proto_syslog_facilities; /* app.c */
extern const struct proto_table proto_syslog_severities;
extern const struct proto_table proto_tftp_ops;
extern const struct proto_table proto_tftp_errors;
extern const struct proto_table proto_ntp_modes;
extern const struct proto_table proto_ntp_leaps;
extern const struct proto_table proto_dhcp_opts;
extern const struct proto_table proto_dhcp_msgs;

/* --- netdb.c --- */
/* The protocols-database name tcpdump prints for an IP protocol without
 * -n, or NULL. */
const char *proto_netdb_name(unsigned proto);

/* --- lookup.c --- */
/* The row for v, or NULL. */
const struct proto_row *proto_row(const struct proto_table *t, unsigned v);
/* The name of v in column c, or NULL (no row, or no name in that column). */
const char *proto_name(const struct proto_table *t, unsigned v, enum proto_col c);
/* The same, with dflt for NULL. */
const char *proto_name_or(const struct proto_table *t, unsigned v, enum proto_col c, const char *dflt);
/* The flags of v's row, 0 if none. */
unsigned proto_flags(const struct proto_table *t, unsigned v);
/* Reverse: the value named `name` in column c; 0 if found, -1 if not. */
int proto_value(const struct proto_table *t, const char *name, enum proto_col c, unsigned *v);
#endif
