/* names.c: name lookups for sema.c. */
#include "names.h"
#include "proto/proto.h"
#include "sema.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <netdb.h>
#include <netinet/ether.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* One service name on one transport; -1 if absent. */
static int service(const char *name, const char *proto)
{
	struct servent *se = getservbyname(name, proto);
	return se ? ntohs((uint16_t)se->s_port) : -1;
}

/* A name known for both tcp and udp with one number means "any transport";
 * known for one only, it means that one (so `udp port http` is an error). */
int names_port(const char *name, int *port, int *proto)
{
	/* libpcap looks services up with getaddrinfo, which takes whatever
	 * strtoul reads to the end as a number (`port \80`, `\080`, and with
	 * a leading form feed or sign), keeps it as an int, refuses it when
	 * that is negative (`\-1`, `\2147483648`), and keeps its low 16 bits
	 * (`port \70000` is port 4464): any transport, as a number is. */
	char *end;
	unsigned long num = strtoul(name, &end, 10);
	if (*name && end != name && *end == '\0') {
		if ((int32_t)(uint32_t)num < 0)
			return -1;
		*port = (int)(num & 0xffff);
		*proto = PORT_ANY;
		return 0;
	}
	int t = service(name, "tcp"), u = service(name, "udp");
	if (t >= 0) {
		*port = t;
		*proto = (u == t) ? PORT_ANY : IPPROTO_TCP;
		return 0;
	}
	if (u >= 0) {
		*port = u;
		*proto = IPPROTO_UDP;
		return 0;
	}
	return -1;
}

/* "N-M" numerically, else "name-name" as two services. */
int names_portrange(const char *name, int *lo, int *hi, int *proto)
{
	if (sscanf(name, "%d-%d", lo, hi) == 2) {
		*proto = PORT_ANY;
		return 0;
	}
	const char *dash = strchr(name, '-');
	if (!dash)
		return -1;
	char first[256];
	size_t n = (size_t)(dash - name);
	if (n >= sizeof first)
		return -1;
	memcpy(first, name, n);
	first[n] = 0;
	int p1, p2;
	if (names_port(first, lo, &p1) || names_port(dash + 1, hi, &p2))
		return -1;
	*proto = p1 == p2 ? p1 : PORT_ANY;
	return 0;
}

/* libpcap's ethertype names for `ether proto \name` (pcap-filter(7)), then
 * its LLC SAP names: the pcap columns of src/proto/ethertype.c. */
int names_ethertype(const char *name, int *type)
{
	unsigned v;
	if (proto_value(&proto_ethertypes, name, PROTO_PCAP, &v) &&
	    proto_value(&proto_saps, name, PROTO_PCAP, &v))
		return -1;
	*type = (int)v;
	return 0;
}

int names_ipproto(const char *name, int *proto)
{
	struct protoent *pe = getprotobyname(name);
	if (!pe)
		return -1;
	*proto = pe->p_proto;
	return 0;
}

int names_network(const char *name, uint32_t *net)
{
	struct netent *ne = getnetbyname(name);
	if (!ne || ne->n_addrtype != AF_INET || ne->n_net == 0)
		return -1;
	*net = (uint32_t)ne->n_net;
	return 0;
}

int names_ether_host(const char *name, uint8_t mac[6])
{
	struct ether_addr ea;
	if (ether_hostton(name, &ea))
		return -1;
	memcpy(mac, ea.ether_addr_octet, 6);
	return 0;
}

/* Hex digit pairs separated by ':', '.' or '-' (or none), as libpcap
 * reads 00:11:22:33:44:55, 0011.2233.4455 and 001122334455. */
int names_parse_mac(const char *t, uint8_t mac[6])
{
	int i = 0;
	while (*t) {
		if (*t == ':' || *t == '.' || *t == '-') {
			t++;
			continue;
		}
		if (!isxdigit((unsigned char)*t) || i == 6)
			return -1;
		unsigned d = (unsigned)(isdigit((unsigned char)*t) ? *t - '0' : (tolower((unsigned char)*t) - 'a' + 10));
		t++;
		if (isxdigit((unsigned char)*t)) {
			d = d << 4 | (unsigned)(isdigit((unsigned char)*t) ? *t - '0' : (tolower((unsigned char)*t) - 'a' + 10));
			t++;
		}
		mac[i++] = (uint8_t)d;
	}
	return i == 6 ? 0 : -1;
}

int names_host(const char *name, struct sema_addr *out, int max)
{
	struct addrinfo hints, *res, *r;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_protocol = IPPROTO_TCP;
	if (getaddrinfo(name, NULL, &hints, &res))
		return -1;
	int n = 0;
	for (r = res; r && n < max; r = r->ai_next) {
		memset(&out[n], 0, sizeof out[n]);
		if (r->ai_family == AF_INET) {
			out[n].family = AF_INET;
			out[n].v4 = ntohl(((struct sockaddr_in *)(void *)r->ai_addr)->sin_addr.s_addr);
			out[n].mask4 = 0xffffffff;
			n++;
		} else if (r->ai_family == AF_INET6) {
			out[n].family = AF_INET6;
			memcpy(out[n].v6, &((struct sockaddr_in6 *)(void *)r->ai_addr)->sin6_addr, 16);
			memset(out[n].mask6, 0xff, 16);
			n++;
		}
	}
	freeaddrinfo(res);
	return n;
}

/* llc types, named as in pcap-filter(7) and compared without case as
 * libpcap compares them: I PDUs have bit 0 clear, S and U PDUs have 01
 * and 11 in the low two bits; the S commands are the low nibble, the U
 * commands the control byte without the poll/final bit (0x10). */
int names_llc(const char *name, uint32_t *value, uint32_t *mask)
{
	static const struct { const char *name; uint8_t value, mask; } t[] = {
		{ "i", 0x00, 0x01 }, { "s", 0x01, 0x03 }, { "u", 0x03, 0x03 },
		{ "rr", 0x01, 0x0f }, { "rnr", 0x05, 0x0f }, { "rej", 0x09, 0x0f },
		{ "ui", 0x03, 0xef }, { "ua", 0x63, 0xef }, { "disc", 0x43, 0xef }, { "sabme", 0x6f, 0xef },
		{ "test", 0xe3, 0xef }, { "xid", 0xaf, 0xef }, { "frmr", 0x87, 0xef },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcasecmp(name, t[i].name)) {
			if (value)
				*value = t[i].value;
			if (mask)
				*mask = t[i].mask;
			return 0;
		}
	return -1;
}
