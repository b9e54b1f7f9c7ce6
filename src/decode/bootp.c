/* bootp.c: BOOTP (RFC 951) and DHCP (RFC 2131, options RFC 2132) as
 * tcpdump 4.99 prints them:
 *
 *   BOOTP/DHCP, Request from MAC, length N                    (no -v)
 *   ..., xid 0x.., secs S, Flags [Broadcast]  and the addresses, the
 *   server and file names, then "Vendor-rfc1048 Extensions" with one
 *   line per option: "NAME (CODE), length L: DATA"            (-v)
 *
 * -vv adds the flags in hex, -vvv shows the PAD and END options.  How an
 * option's data prints is its table row's letter (src/proto/app.c); the
 * options with a layout of their own are the "$" rows, printed below.
 *
 * tcpdump checks some lengths before it prints and ends the line with
 * " [|bootp]" (the printer returns): the dec_has tests below; the other
 * reads jump out through the accessors. */
#include <string.h>

#include "decode/dec.h"

#define BOOTP_SECS 8
#define BOOTP_FLAGS 10
#define BOOTP_CIADDR 12
#define BOOTP_CHADDR 28
#define BOOTP_SNAME 44
#define BOOTP_SNAME_LEN 64
#define BOOTP_FILE 108
#define BOOTP_FILE_LEN 128
#define BOOTP_VEND 236
#define BOOTP_FLAG_BROADCAST 0x8000
#define BOOTP_HTYPE_ETHER 1
#define BOOTP_MAC_LEN 6

static const uint8_t vm_rfc1048[4] = { 99, 130, 83, 99 }; /* RFC 1048 magic cookie */
static const uint8_t vm_cmu[4] = { 'C', 'M', 'U', 0 };

static const struct dec_tok netbios_nodes[] = { /* RFC 2132 8.7 */
	{ 1, "b-node" }, { 2, "p-node" }, { 4, "m-node" }, { 8, "h-node" }, { 0, NULL },
};
static const struct dec_tok overloads[] = { /* RFC 2132 9.3 */
	{ 1, "file" }, { 2, "sname" }, { 3, "file+sname" }, { 0, NULL },
};
static const struct dec_tok client_hw[] = { /* ARP hardware types */
	{ 1, "ether" }, { 6, "ieee802" }, { 7, "arcnet" }, { 15, "frelay" }, { 23, "strip" },
	{ 24, "ieee1394" }, { 0, NULL },
};
static const struct dec_tok agent_subopts[] = { /* RFC 3046, RFC 3993 */
	{ 1, "Circuit-ID" }, { 2, "Remote-ID" }, { 6, "Subscriber-ID" }, { 0, NULL },
};

/* tcpdump's nd_printjn: n bytes, each printed safely */
static void print_jn(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dec_putc_safe(d, dec_u8(d, p + i));
}

static void print_quoted(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	dec_printf(d, "\"");
	print_jn(d, p, n);
	dec_printf(d, "\"");
}

/* An option's name and print format, tcpdump's tok2str over its table. */
static const char *opt_name(unsigned tag, char *fmt)
{
	const char *s = proto_name(&proto_dhcp_opts, tag, PROTO_TCPDUMP);
	if (tag == PROTO_DHCP_PAD || tag == PROTO_DHCP_END) {
		*fmt = ' ';
		return tag == PROTO_DHCP_PAD ? "PAD" : "END";
	}
	if (tag == PROTO_DHCP_MESSAGE) {
		*fmt = ' ';
		return "DHCP-Message";
	}
	if (!s) {
		*fmt = '?';
		return "Unknown";
	}
	*fmt = s[0];
	return s + 1;
}

/* The "$" options; returns the data bytes left unprinted. */
static size_t print_special(struct dec_ctx *d, unsigned tag, const uint8_t *p, size_t len)
{
	switch (tag) {
	case PROTO_DHCP_NETBIOS_NODE:
	case PROTO_DHCP_OPT_OVERLOAD: {
		if (len < 1) {
			dec_printf(d, "[ERROR: length < 1 bytes]");
			return 0;
		}
		unsigned v = dec_u8(d, p);
		const char *s = dec_tok(tag == PROTO_DHCP_NETBIOS_NODE ? netbios_nodes : overloads, v, NULL);
		if (s)
			dec_printf(d, "%s", s);
		else
			dec_printf(d, "#%u", v);
		return len - 1;
	}
	case PROTO_DHCP_CLIENT_FQDN: {
		if (len < 3) {
			dec_printf(d, "[ERROR: length < 3 bytes]");
			return 0;
		}
		unsigned f = dec_u8(d, p);
		if (f & 0xf0)
			dec_printf(d, "[ERROR: MBZ nibble 0x%x != 0] ", (f & 0xf0) >> 4);
		if (f & 0x0f)
			dec_printf(d, "[%s%s%s%s] ", (f & 1) ? "S" : "", (f & 2) ? "O" : "", (f & 4) ? "E" : "",
				   (f & 8) ? "N" : "");
		if (dec_u8(d, p + 1) || dec_u8(d, p + 2))
			dec_printf(d, "%u/%u ", p[1], p[2]);
		print_quoted(d, p + 3, len - 3);
		return 0;
	}
	case PROTO_DHCP_CLIENT_ID: {
		if (len < 1) {
			dec_printf(d, "[ERROR: length < 1 bytes]");
			return 0;
		}
		unsigned type = dec_u8(d, p);
		if (type == 0) {
			print_quoted(d, p + 1, len - 1);
			return 0;
		}
		const char *s = dec_tok(client_hw, type, NULL);
		if (s)
			dec_printf(d, "%s ", s);
		else
			dec_printf(d, "hardware-type %u, ", type);
		for (size_t i = 1; i < len; i++)
			dec_printf(d, "%s%02x", i > 1 ? ":" : "", dec_u8(d, p + i));
		return 0;
	}
	case PROTO_DHCP_AGENT_INFO:
		while (len >= 2) {
			unsigned sub = dec_u8(d, p), sublen = dec_u8(d, p + 1);
			p += 2;
			len -= 2;
			const char *s = dec_tok(agent_subopts, sub, "Unknown");
			if (sublen > len) {
				dec_printf(d, "\n\t      %s SubOption %u, length %u: length goes past end of option", s, sub,
					   sublen);
				return 0;
			}
			dec_printf(d, "\n\t      %s SubOption %u, length %u: ", s, sub, sublen);
			if (sub == 1 || sub == 2 || sub == 6)
				print_jn(d, p, sublen);
			else
				dec_hexlines(d, "\n\t\t", p, sublen);
			len -= sublen;
			p += sublen;
		}
		return len;
	case PROTO_DHCP_CLASSLESS_RT:
	case PROTO_DHCP_CLASSLESS_RT_MS:
		if (len < 5) {
			dec_printf(d, "[ERROR: length < 5 bytes]");
			return 0;
		}
		while (len > 0) {
			unsigned width = dec_u8(d, p++);
			len--;
			if (width > 32) {
				dec_printf(d, "[ERROR: Mask width (%u) > 32]", width);
				return 0;
			}
			unsigned sig = (width + 7) / 8;
			if (len < sig + 4) {
				dec_printf(d, "[ERROR: Remaining length (%zu) < %u bytes]", len, sig + 4);
				return 0;
			}
			dec_printf(d, "(");
			if (width == 0)
				dec_printf(d, "default");
			else {
				for (unsigned i = 0; i < sig; i++)
					dec_printf(d, "%s%u", i ? "." : "", dec_u8(d, p++));
				for (unsigned i = sig; i < 4; i++)
					dec_printf(d, ".0");
				dec_printf(d, "/%u", width);
			}
			dec_printf(d, ":");
			dec_need(d, p, 4);
			dec_ip4addr(d, p);
			dec_printf(d, ")");
			p += 4;
			len -= sig + 4;
			if (len > 0)
				dec_printf(d, ",");
		}
		return 0;
	case PROTO_DHCP_USER_CLASS:
		if (len < 2) {
			dec_printf(d, "[ERROR: length < 2 bytes]");
			return 0;
		}
		for (unsigned n = 1; len > 0; n++) {
			unsigned sublen = dec_u8(d, p++);
			len--;
			dec_printf(d, "\n\t      instance#%u: ", n);
			if (sublen == 0) {
				dec_printf(d, "[ERROR: suboption length must be non-zero]");
				return 0;
			}
			if (len < sublen) {
				dec_printf(d, "[ERROR: invalid option]");
				return 0;
			}
			print_quoted(d, p, sublen);
			dec_printf(d, ", length %u", sublen);
			len -= sublen;
			p += sublen;
		}
		return 0;
	}
	dec_printf(d, "[unknown special tag %u, size %zu]", tag, len);
	return 0;
}

/* The data of an option in one of the table's formats; returns the bytes
 * left over. */
static size_t print_data(struct dec_ctx *d, char c, unsigned tag, const uint8_t *p, size_t len)
{
	int first = 1;
	if (c == '?')
		c = (len & 1) ? 'b' : (len & 2) ? 's' : 'l';
	switch (c) {
	case 'a':
		print_quoted(d, p, len);
		return 0;
	case 'i':
	case 'l':
	case 'L':
		for (; len >= 4; p += 4, len -= 4, first = 0) {
			if (!first)
				dec_printf(d, ",");
			if (c == 'i') {
				dec_need(d, p, 4);
				dec_ip4addr(d, p);
			} else if (c == 'L')
				dec_printf(d, "%d", (int32_t)dec_be32(d, p));
			else
				dec_printf(d, "%u", dec_be32(d, p));
		}
		return len;
	case 'p':
		for (; len >= 8; p += 8, len -= 8, first = 0) {
			if (!first)
				dec_printf(d, ",");
			dec_need(d, p, 8);
			dec_printf(d, "(");
			dec_ip4addr(d, p);
			dec_printf(d, ":");
			dec_ip4addr(d, p + 4);
			dec_printf(d, ")");
		}
		return len;
	case 's':
		for (; len >= 2; p += 2, len -= 2, first = 0)
			dec_printf(d, "%s%u", first ? "" : ",", dec_be16(d, p));
		return len;
	case 'B':
		for (; len > 0; p++, len--, first = 0) {
			unsigned v = dec_u8(d, p);
			dec_printf(d, "%s", first ? "" : ",");
			if (v <= 1)
				dec_printf(d, "%s", v ? "Y" : "N");
			else
				dec_printf(d, "%u?", v);
		}
		return 0;
	case '$':
		return print_special(d, tag, p, len);
	default: /* bytes */
		for (; len > 0; p++, len--, first = 0)
			dec_printf(d, "%s%u", first ? "" : ".", dec_u8(d, p));
		return 0;
	}
}

/* The options after the RFC 1048 magic cookie at p, to the capture's end;
 * 0 when an option's data is cut short. */
static int print_options(struct dec_ctx *d, const uint8_t *p)
{
	dec_printf(d, "\n\t  Vendor-rfc1048 Extensions");
	dec_printf(d, "\n\t    Magic Cookie 0x%08x", dec_be32(d, p));
	p += 4;
	while (dec_has(d, p, 1)) {
		unsigned tag = *p++;
		if (tag == PROTO_DHCP_PAD && d->o.vflag < 3)
			continue;
		if (tag == PROTO_DHCP_END && d->o.vflag < 3)
			return 1;
		char c;
		const char *name = opt_name(tag, &c);
		size_t len = 0;
		if (tag != PROTO_DHCP_PAD && tag != PROTO_DHCP_END)
			len = dec_u8(d, p++);
		dec_printf(d, "\n\t    %s (%u), length %zu%s", name, tag, len, len > 0 ? ": " : "");
		if (tag == PROTO_DHCP_PAD) { /* -vvv: a run of them once */
			unsigned n = 1;
			while (dec_has(d, p, 1) && *p == PROTO_DHCP_PAD) {
				p++;
				n++;
			}
			if (n > 1)
				dec_printf(d, ", occurs %u", n);
		}
		if (!dec_has(d, p, len))
			return 0;
		if (tag == PROTO_DHCP_MESSAGE && len == 1) {
			unsigned m = *p++;
			const char *s = proto_name(&proto_dhcp_msgs, m, PROTO_TCPDUMP);
			if (s)
				dec_printf(d, "%s", s);
			else
				dec_printf(d, "Unknown (%u)", m);
			continue;
		}
		if (tag == PROTO_DHCP_PARM_REQUEST) {
			for (size_t i = 0; i < len; i++) {
				char ic;
				dec_printf(d, i % 4 ? ", " : "\n\t      ");
				dec_printf(d, "%s (%u)", opt_name(p[i], &ic), p[i]);
			}
			p += len;
			continue;
		}
		size_t left = print_data(d, c, tag, p, len);
		p += len;
		if (left)
			dec_printf(d, "\n\t  trailing data length %zu", left);
	}
	return 1;
}

/* sname or file: printed when its first byte is not NUL; 0 when no NUL
 * ends it within its field and the capture. */
static int print_name(struct dec_ctx *d, const char *label, const uint8_t *p, size_t n)
{
	if (!dec_u8(d, p))
		return 1;
	dec_printf(d, "\n\t  %s \"", label);
	for (size_t i = 0; i < n && dec_has(d, p + i, 1); i++) {
		if (p[i] == 0) {
			dec_printf(d, "\"");
			return 1;
		}
		dec_putc_safe(d, p[i]);
	}
	dec_printf(d, "\"");
	return 0;
}

static void print_addr(struct dec_ctx *d, const char *label, const uint8_t *p)
{
	if (dec_be32(d, p)) {
		dec_printf(d, "\n\t  %s ", label);
		dec_ip4addr(d, p);
	}
}

/* 0 when cut short where tcpdump checks */
static int print_verbose(struct dec_ctx *d, const uint8_t *p, unsigned htype, unsigned hlen)
{
	if (!dec_has(d, p + BOOTP_SECS, 2))
		return 0;
	if (htype != BOOTP_HTYPE_ETHER)
		dec_printf(d, ", htype %u", htype);
	if (htype != BOOTP_HTYPE_ETHER || hlen != BOOTP_MAC_LEN)
		dec_printf(d, ", hlen %u", hlen);
	if (dec_u8(d, p + 3))
		dec_printf(d, ", hops %u", p[3]);
	if (dec_be32(d, p + 4))
		dec_printf(d, ", xid 0x%x", dec_get_be32(p + 4));
	if (dec_be16(d, p + BOOTP_SECS))
		dec_printf(d, ", secs %u", dec_get_be16(p + BOOTP_SECS));
	unsigned flags = dec_be16(d, p + BOOTP_FLAGS);
	dec_printf(d, ", Flags [%s]", (flags & BOOTP_FLAG_BROADCAST) ? "Broadcast" : "none");
	if (d->o.vflag > 1)
		dec_printf(d, " (0x%04x)", flags);
	print_addr(d, "Client-IP", p + BOOTP_CIADDR);
	print_addr(d, "Your-IP", p + BOOTP_CIADDR + 4);
	print_addr(d, "Server-IP", p + BOOTP_CIADDR + 8);
	print_addr(d, "Gateway-IP", p + BOOTP_CIADDR + 12);
	if (htype == BOOTP_HTYPE_ETHER && hlen == BOOTP_MAC_LEN) {
		dec_need(d, p + BOOTP_CHADDR, BOOTP_MAC_LEN);
		dec_printf(d, "\n\t  Client-Ethernet-Address ");
		dec_mac(d, p + BOOTP_CHADDR);
	}
	if (!print_name(d, "sname", p + BOOTP_SNAME, BOOTP_SNAME_LEN) ||
	    !print_name(d, "file", p + BOOTP_FILE, BOOTP_FILE_LEN))
		return 0;
	const uint8_t *v = p + BOOTP_VEND;
	if (!dec_has(d, v, 4))
		return 0;
	if (!memcmp(v, vm_rfc1048, 4))
		return print_options(d, v);
	if (!memcmp(v, vm_cmu, 4)) { /* CMU's vendor area: not decoded here */
		dec_handoff(d, "bootp-cmu");
		return 1;
	}
	if (dec_get_be32(v))
		dec_printf(d, "\n\t  Vendor-#0x%x", dec_get_be32(v));
	return 1;
}

void dec_bootp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "bootp";
	unsigned op = dec_u8(d, p);
	if (op == PROTO_BOOTP_REQUEST || op == PROTO_BOOTP_REPLY)
		dec_printf(d, "BOOTP/DHCP, %s", op == PROTO_BOOTP_REQUEST ? "Request" : "Reply");
	else
		dec_printf(d, "BOOTP/DHCP, unknown (0x%02x)", op);
	unsigned htype = dec_u8(d, p + 1), hlen = dec_u8(d, p + 2);
	if (htype == BOOTP_HTYPE_ETHER && hlen == BOOTP_MAC_LEN && op == PROTO_BOOTP_REQUEST) {
		dec_need(d, p + BOOTP_CHADDR, BOOTP_MAC_LEN);
		dec_printf(d, " from ");
		dec_mac(d, p + BOOTP_CHADDR);
	}
	dec_printf(d, ", length %zu", len);
	if (d->o.vflag && !print_verbose(d, p, htype, hlen))
		dec_printf(d, " [|bootp]");
}
