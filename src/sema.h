/* sema.h: from parsed tree to a tree gen can lower without questions.
 *
 * - Qualifier inheritance: every AST_ID gets the proto/dir/addr it means
 *   (`host a or b` gives b `host`), following libpcap's rules exactly.
 * - Source-order state: each node records how many `vlan`, `mpls` and
 *   `pppoes` primitives precede it, because libpcap shifts every later
 *   offset.
 * - Values: numbers, addresses, masks, names (/etc/hosts, /etc/services,
 *   /etc/protocols, /etc/networks) become sema_val; range checks here.
 * Every error carries the span of what it is about. */
#ifndef BPFX_SEMA_H
#define BPFX_SEMA_H
#include <stdint.h>
#include "ast.h"
#include "bpfx.h"

#define PORT_ANY (-1)   /* port on tcp, udp and sctp */

struct sema_addr {
	int family;              /* AF_INET or AF_INET6 */
	uint32_t v4, mask4;      /* host byte order */
	uint8_t v6[16], mask6[16];
};

/* 32 bytes, no padding: every AST_ID has one (a port term too). */
struct sema_val {
	struct sema_addr *addr;
	int naddr;               /* host/net: addresses, in lookup order */
	uint32_t port1, port2;   /* port: port1 == port2; portrange: low, high */
	uint32_t proto;          /* proto N, \name */
	int16_t port_proto;      /* PORT_ANY or IPPROTO_TCP/UDP/SCTP */
	uint8_t mac[6];          /* ether host */
};

int sema_check(struct arena *a, const char *src, struct ast *root, struct bpfx_error *err);
#endif
