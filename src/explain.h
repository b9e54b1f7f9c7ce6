/* explain.h: annotate a compiled program for teaching.
 *
 * Each instruction gets the part of the expression that produced it (the
 * span bpfx_compile_spans records), what it reads in the words of the
 * protocol ("ip[9] = IPv4 protocol, at 14 (Ethernet) + 9"), and for a
 * branch the question it asks ("is it TCP? (protocol 6)").  Field names
 * come from tables of header fields (src/explain_fields.c) keyed by layer
 * and offset; the layer at an offset is what the tests before the
 * instruction established, found by a forward pass over the program
 * (src/explain_analyze.c). */
#ifndef BPFX_EXPLAIN_H
#define BPFX_EXPLAIN_H
#include <stdint.h>
#include <stdio.h>
#include "bpfx.h"

#define EXPLAIN_TEXT 320

struct explain_insn {
	struct bpf_insn insn;
	int start, end;              /* expression span, -1 if none */
	char *reads;                 /* what it loads or computes; "" for jumps */
	char *tests;                 /* for a branch, the question; else "" */
	char *note;                  /* the whole annotation, never empty */
	int named;                   /* a load whose field a table names */
	/* the three texts are one malloc'd block, note first, reads or tests
	 * the note itself when equal to it (explain_free): a program of
	 * 100,000 instructions is explained in tens of MB */
};

struct explain_const {
	const char *name;            /* as written in pcap-filter(7) */
	uint32_t value;
};

struct explain {
	char *expr;                  /* malloc'd copy; NULL for a bare program */
	int linktype;
	unsigned n;
	struct explain_insn *insns;  /* malloc'd, n */
	struct explain_const consts[32]; /* named constants EXPR uses */
	int nconsts;
};

/* Compile expr with *o (spans kept) and annotate.  0, or -1 with *err. */
int explain_expr(const char *expr, const struct bpfx_options *o, struct explain *out,
		 struct bpfx_error *err);
/* Annotate a program (spans and expr may be NULL).  0, or -1 no memory. */
int explain_program(const struct bpf_insn *p, unsigned n, const struct bpfx_span *spans,
		    const char *expr, int linktype, uint32_t snaplen, struct explain *out);
void explain_free(struct explain *e);

void explain_print(FILE *f, const struct explain *e);
void explain_print_json(FILE *f, const struct explain *e);

/* --- src/explain_fields.c: the facts -------------------------------- */

/* What a field is for, when a branch on it has a sentence of its own. */
enum xf_role {
	XR_NONE,
	XR_ETHERTYPE,  /* a link-layer protocol type (ethertype values) */
	XR_AF,         /* NULL/LOOP address family */
	XR_VERSION,    /* IP version nibble (byte 0, high 4 bits) */
	XR_IPPROTO,    /* IPv4 protocol, IPv6 next header */
	XR_FRAG,       /* IPv4 flags and fragment offset */
	XR_ADDR4,      /* an IPv4 address */
	XR_ADDR6,      /* an IPv6 address (read 4 bytes at a time) */
	XR_MAC,        /* a MAC address (read 2 or 4 bytes at a time) */
	XR_PORT,       /* a TCP/UDP/SCTP port */
	XR_TCPFLAGS,   /* TCP flags byte */
	XR_ICMPTYPE,   /* ICMP type */
	XR_ICMP6TYPE,  /* ICMPv6 type */
	XR_ARPOP,      /* ARP operation */
	XR_MPLS,       /* an MPLS label stack entry */
	XR_VLANTCI,    /* 802.1Q tag control information */
	XR_PPPPROTO,   /* the PPP protocol inside a PPPoE session */
	XR_PPPOESID,   /* PPPoE session id (low 16 bits of the first word) */
	XR_LLCSAPS,    /* 802.2 DSAP and SSAP together (raw NetWare: 0xffff) */
	XR_LLCCTRL,    /* 802.2 LLC control byte */
};

struct xfield {
	uint16_t off, size;  /* bytes from the header's start */
	const char *name;    /* "protocol" */
	enum xf_role role;
};

/* Layers the tables describe. */
enum xf_layer {
	XL_ETHER, XL_VLAN, XL_SLL, XL_SLL2, XL_NULL, XL_IPV4, XL_IPV6, XL_IP6FRAG,
	XL_ARP, XL_MPLS, XL_TCP, XL_UDP, XL_SCTP, XL_ICMP, XL_ICMP6, XL_IGMP, XL_PIM,
	XL_VRRP, XL_IGRP, XL_AH, XL_ESP, XL_GRE, XL_PORTS, XL_PPPOE, XL_LLC, XL_DECNET, XL_PFLOG, XL_NLAYERS
};

struct xlayer {
	const char *prim;    /* pcap-filter(7) name for [] access, or NULL */
	const char *title;   /* "IPv4", "TCP" */
	const char *cite;    /* where the layout is defined */
	unsigned fixed;      /* length of the fixed header */
	const struct xfield *fields;
	unsigned nfields;
};
const struct xlayer *xf_layer(enum xf_layer l);
/* The layer carried by IP protocol number p (XL_NLAYERS if none known). */
enum xf_layer xf_transport_layer(int p);
/* Best field for [off, off + size) of layer l: exact match first, then a
 * field containing it; NULL if none.  *exact says which. */
const struct xfield *xf_lookup(enum xf_layer l, unsigned off, unsigned size, int *exact);

/* Names of values. */
const char *xf_ethertype_name(uint32_t type);  /* NULL if unknown */
const char *xf_ppp_name(uint32_t proto);       /* NULL if unknown */
const char *xf_ipproto_name(uint32_t p);
const char *xf_icmp_name(uint32_t type);
const char *xf_icmp6_name(uint32_t type);
const char *xf_arpop_name(uint32_t op);
/* "SYN|ACK" for a TCP flag mask; buf >= 64. */
void xf_tcpflags(char *buf, size_t size, uint32_t mask);
/* AF_ value (either byte order) to 4 or 6, 0 if neither. */
int xf_af_version(uint32_t af);

/* pcap-filter(7) named constants, for the "tcp-ack = 16" lines. */
struct xf_named { const char *name; uint32_t value; };
const struct xf_named *xf_named_constants(unsigned *n);
#endif
