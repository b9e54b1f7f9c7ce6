/* port.c: well-known ports: the IANA service names `dissect` prints
 * beside a port.  Which ports tcpdump decodes an application protocol on,
 * and in which order it tries them, is src/decode/app.c's table. */
#include "proto/proto.h"

static const struct proto_row port_rows[] = {
	/* value, flags, { tcpdump, dissect } */
	{ PROTO_PORT_SSH, 0, { NULL, "ssh" } },
	{ PROTO_PORT_SMTP, 0, { NULL, "smtp" } },
	{ PROTO_PORT_DNS, 0, { NULL, "domain, DNS" } },
	{ PROTO_PORT_HTTP, 0, { NULL, "http" } },
	{ PROTO_PORT_NTP, 0, { NULL, "ntp" } },
	{ 443, 0, { NULL, "https" } },
	{ PROTO_PORT_MDNS, 0, { NULL, "mdns" } },
	{ PROTO_PORT_RESP, 0, { NULL, "redis" } },
	{ PROTO_PORT_HTTP_ALT, 0, { NULL, "http-alt" } },
};
const struct proto_table proto_ports = PROTO_TABLE(port_rows);
