/* icmp.c: ICMP message types (RFC 792; pcap-filter(7) icmp-* names in
 * dissect's column) and ICMPv6 message types (RFC 4443, RFC 4861, RFC
 * 2710, RFC 3810, RFC 6550), with tcpdump's names. */
#include "proto/proto.h"

static const struct proto_row icmp_rows[] = {
	/* value, flags, { tcpdump, dissect, explain } */
	{ 0, 0, { "echo reply", "echo reply (icmp-echoreply)", "echo reply" } },
	{ 3, 0, { NULL, "destination unreachable (icmp-unreach)", "destination unreachable" } },
	{ 4, 0, { "source quench", "source quench (icmp-sourcequench)", "source quench" } },
	{ 5, 0, { NULL, "redirect (icmp-redirect)", "redirect" } },
	{ 8, 0, { "echo request", "echo request (icmp-echo)", "echo request" } },
	{ 9, 0, { NULL, "router advertisement (icmp-routeradvert)", "router advertisement" } },
	{ 10, 0, { "router solicitation", "router solicitation (icmp-routersolicit)", "router solicitation" } },
	{ 11, 0, { NULL, "time exceeded (icmp-timxceed)", "time exceeded" } },
	{ 12, 0, { NULL, "parameter problem (icmp-paramprob)", "parameter problem" } },
	{ 13, 0, { "time stamp request", "timestamp (icmp-tstamp)", "timestamp" } },
	{ 14, 0, { "time stamp reply", "timestamp reply (icmp-tstampreply)", "timestamp reply" } },
	{ 15, 0, { "information request", NULL, "information request" } },
	{ 16, 0, { "information reply", NULL, "information reply" } },
	{ 17, 0, { "address mask request", "address mask request (icmp-maskreq)", "address mask request" } },
	{ 18, 0, { NULL, "address mask reply (icmp-maskreply)", "address mask reply" } },
};
const struct proto_table proto_icmp_types = PROTO_TABLE(icmp_rows);

static const struct proto_row icmp6_rows[] = {
	/* value, flags, { tcpdump, dissect, explain } */
	{ 1, 0, { "destination unreachable", "destination unreachable", "destination unreachable" } },
	{ 2, 0, { "packet too big", "packet too big", "packet too big" } },
	{ 3, 0, { "time exceeded in-transit", "time exceeded", "time exceeded" } },
	{ 4, 0, { "parameter problem", "parameter problem", "parameter problem" } },
	{ 128, 0, { "echo request", "echo request (icmp6-echo)", "echo request" } },
	{ 129, 0, { "echo reply", "echo reply (icmp6-echoreply)", "echo reply" } },
	{ 130, 0, { "multicast listener query", NULL, "multicast listener query" } },
	{ 131, 0, { "multicast listener report", NULL, "multicast listener report" } },
	{ 132, 0, { "multicast listener done", NULL, "multicast listener done" } },
	{ 133, 0, { "router solicitation", "router solicitation", "router solicitation" } },
	{ 134, 0, { "router advertisement", "router advertisement", "router advertisement" } },
	{ 135, 0, { "neighbor solicitation", "neighbor solicitation", "neighbor solicitation" } },
	{ 136, 0, { "neighbor advertisement", "neighbor advertisement", "neighbor advertisement" } },
	{ 137, 0, { "redirect", "redirect", "redirect" } },
	{ 138, 0, { "router renumbering" } },
	{ 139, 0, { "who-are-you request" } },
	{ 140, 0, { "who-are-you reply" } },
	{ 141, 0, { "inverse neighbor solicitation" } },
	{ 142, 0, { "inverse neighbor advertisement" } },
	{ 143, 0, { "multicast listener report v2", NULL, "multicast listener report v2" } },
	{ 144, 0, { "ha discovery request" } },
	{ 145, 0, { "ha discovery reply" } },
	{ 146, 0, { "mobile router solicitation" } },
	{ 147, 0, { "mobile router advertisement" } },
	{ 155, 0, { "RPL" } },
};
const struct proto_table proto_icmp6_types = PROTO_TABLE(icmp6_rows);
