/* resolve.c: names for addresses, ports and protocols, as tcpdump prints
 * them without -n (its addrtoname.c).  With any -n every lookup here
 * returns NULL and the printers print numbers.
 *
 *   - IPv4 and IPv6 addresses: the system resolver's gethostbyaddr (the
 *     hosts file first, then whatever nsswitch.conf says), its h_name;
 *   - TCP and UDP ports: the services database (getservent), the first
 *     entry of a port for that protocol, as tcpdump reads it at start;
 *   - MAC addresses: "Broadcast" for ff:ff:ff:ff:ff:ff, a name from the
 *     ethers database (ether_ntohost), else the hex with " (oui NAME)";
 *   - IP protocols: tcpdump's copy of the protocols database
 *     (src/proto/netdb.c).
 * tcpdump remembers each answer for the rest of the capture, and so do we:
 * one resolver call per distinct address, never one per packet. */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/ether.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "decode/dec.h"

#define NAMES_BUCKETS 4096

/* One remembered answer: key is the address (kind says which sort). */
struct name {
	struct name *next;
	unsigned kind;             /* NAME_V4, NAME_V6, NAME_MAC */
	uint8_t key[16];
	char *s;                   /* what to print; NULL: print the number */
};
enum { NAME_V4, NAME_V6, NAME_MAC };

/* A services database entry (tcp 0, udp 1), sorted by proto then port. */
struct serv {
	unsigned udp, port;
	char *s;
	size_t seq;                /* position in the database */
};

struct dec_names {
	struct name *bucket[NAMES_BUCKETS];
	struct serv *serv;         /* loaded at the first port lookup */
	size_t nserv;
	int serv_loaded;
};

const char *dec_oui_name(unsigned oui)
{
	return proto_name(&proto_ouis, oui, PROTO_TCPDUMP);
}

static struct dec_names *names(struct dec_ctx *d)
{
	if (!d->names)
		d->names = calloc(1, sizeof *d->names);
	return d->names;
}

void dec_names_free(struct dec_ctx *d)
{
	struct dec_names *n = d->names;
	if (!n)
		return;
	for (size_t i = 0; i < NAMES_BUCKETS; i++)
		for (struct name *e = n->bucket[i], *nx; e; e = nx) {
			nx = e->next;
			free(e->s);
			free(e);
		}
	for (size_t i = 0; i < n->nserv; i++)
		free(n->serv[i].s);
	free(n->serv);
	free(n);
	d->names = NULL;
}

/* The remembered entry for key, a new empty one (*fresh set) if none; NULL
 * when out of memory. */
static struct name *find(struct dec_names *n, unsigned kind, const uint8_t *key, size_t len, int *fresh)
{
	uint8_t k[16] = { 0 };
	memcpy(k, key, len);
	uint32_t h = kind;
	for (size_t i = 0; i < sizeof k; i++)
		h = h * 31 + k[i];
	struct name **b = &n->bucket[h % NAMES_BUCKETS];
	for (struct name *e = *b; e; e = e->next)
		if (e->kind == kind && !memcmp(e->key, k, sizeof k)) {
			*fresh = 0;
			return e;
		}
	struct name *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	e->kind = kind;
	memcpy(e->key, k, sizeof k);
	e->next = *b;
	*b = e;
	*fresh = 1;
	return e;
}

static const char *host(struct dec_ctx *d, const uint8_t *p, int af)
{
	struct dec_names *n;
	int fresh;
	size_t len = af == AF_INET ? 4 : 16;
	if (d->o.nflag || !(n = names(d)))
		return NULL;
	struct name *e = find(n, af == AF_INET ? NAME_V4 : NAME_V6, p, len, &fresh);
	if (!e)
		return NULL;
	if (fresh) {
		struct hostent he, *hp = NULL;
		char buf[4096];
		int err;
		if (gethostbyaddr_r(p, (socklen_t)len, af, &he, buf, sizeof buf, &hp, &err) == 0 && hp &&
		    hp->h_name)
			e->s = strdup(hp->h_name);
	}
	return e->s;
}

const char *dec_host4(struct dec_ctx *d, const uint8_t *p)
{
	return host(d, p, AF_INET);
}

const char *dec_host6(struct dec_ctx *d, const uint8_t *p)
{
	return host(d, p, AF_INET6);
}

static int serv_cmp(const void *a, const void *b)
{
	const struct serv *x = a, *y = b;
	if (x->udp != y->udp)
		return x->udp < y->udp ? -1 : 1;
	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* bsearch's comparison: protocol and port only */
static int serv_key_cmp(const void *a, const void *b)
{
	const struct serv *x = a, *y = b;
	if (x->udp != y->udp)
		return x->udp < y->udp ? -1 : 1;
	return x->port < y->port ? -1 : x->port > y->port;
}

/* The services database, the first entry of each port and protocol kept
 * (tcpdump's lookup finds the first it read). */
static void load_services(struct dec_names *n)
{
	size_t cap = 0;
	struct servent *sv;
	n->serv_loaded = 1;
	setservent(0);
	while ((sv = getservent()) != NULL) {
		unsigned udp;
		if (!strcmp(sv->s_proto, "tcp"))
			udp = 0;
		else if (!strcmp(sv->s_proto, "udp"))
			udp = 1;
		else
			continue;
		if (n->nserv == cap) {
			size_t c = cap ? 2 * cap : 256;
			struct serv *s = realloc(n->serv, c * sizeof *s);
			if (!s)
				break;
			n->serv = s;
			cap = c;
		}
		char *name = strdup(sv->s_name);
		if (!name)
			break;
		n->serv[n->nserv++] = (struct serv){ udp, ntohs((uint16_t)sv->s_port), name, n->nserv };
	}
	endservent();
	/* sorted by port, the first read of equal ones first (seq), then
	 * only that first one kept */
	qsort(n->serv, n->nserv, sizeof *n->serv, serv_cmp);
	size_t k = 0;
	for (size_t i = 0; i < n->nserv; i++)
		if (k && n->serv[k - 1].udp == n->serv[i].udp && n->serv[k - 1].port == n->serv[i].port)
			free(n->serv[i].s);
		else
			n->serv[k++] = n->serv[i];
	n->nserv = k;
}

const char *dec_port_name(struct dec_ctx *d, int udp, unsigned port)
{
	struct dec_names *n;
	if (d->o.nflag || !(n = names(d)))
		return NULL;
	if (!n->serv_loaded)
		load_services(n);
	struct serv key = { udp ? 1u : 0u, port, NULL, 0 };
	struct serv *s = n->nserv ? bsearch(&key, n->serv, n->nserv, sizeof key, serv_key_cmp) : NULL;
	return s ? s->s : NULL;
}

const char *dec_proto_name(struct dec_ctx *d, unsigned proto)
{
	return d->o.nflag ? NULL : proto_netdb_name(proto);
}

const char *dec_mac_name(struct dec_ctx *d, const uint8_t *p)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct dec_names *n;
	int fresh;
	if (d->o.nflag || !(n = names(d)))
		return NULL;
	if (!memcmp(p, bcast, 6))
		return "Broadcast";
	struct name *e = find(n, NAME_MAC, p, 6, &fresh);
	if (!e)
		return NULL;
	if (fresh) {
		char host[1024], hex[18];
		struct ether_addr ea;
		memcpy(&ea, p, 6);
		if (ether_ntohost(host, &ea) == 0)
			e->s = strdup(host);
		else {
			const char *o = dec_oui_name((unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2]);
			char buf[64];
			snprintf(buf, sizeof buf, "%s (oui %s)", dec_fmt_mac(hex, p), o ? o : "Unknown");
			e->s = strdup(buf);
		}
	}
	return e->s;
}
