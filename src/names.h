/* names.h: names to numbers, the way tcpdump resolves them: the system's
 * resolver (/etc/hosts first), /etc/services, /etc/protocols,
 * /etc/networks, /etc/ethers, and libpcap's own ethertype names. */
#ifndef BPFX_NAMES_H
#define BPFX_NAMES_H
#include <stdint.h>
struct sema_addr;

/* Each returns 0 on success, -1 if the name is unknown. */
int names_port(const char *name, int *port, int *proto);   /* proto: PORT_ANY or IPPROTO_* */
int names_portrange(const char *name, int *lo, int *hi, int *proto);
int names_ethertype(const char *name, int *type);
int names_ipproto(const char *name, int *proto);
/* An 802.2 LLC PDU type (`llc ui`): its control-byte value under mask. */
int names_llc(const char *name, uint32_t *value, uint32_t *mask);
int names_network(const char *name, uint32_t *net);
int names_ether_host(const char *name, uint8_t mac[6]);
int names_parse_mac(const char *text, uint8_t mac[6]);
/* Addresses of a host name, IPv4 and IPv6, in resolver order; count or -1. */
int names_host(const char *name, struct sema_addr *out, int max);
#endif
