/* openflow.h: what the OpenFlow printers share (openflow.c: the framing,
 * version 1.0 and these helpers; openflow13.c: version 1.3's bodies).
 * Private to the two files. */
#ifndef BPFX_DECODE_OPENFLOW_H
#define BPFX_DECODE_OPENFLOW_H

#include "decode/dec.h"

#define OF_HDR 8

/* The reading position; every read checks the capture first (a cut
 * ends the line with " [|openflow]"). */
struct of {
	struct dec_ctx *d;
	const uint8_t *p;
	unsigned type; /* the message's, for the bodies that share a printer */
};

static inline const uint8_t *of_take(struct of *o, size_t n)
{
	dec_need(o->d, o->p, n);
	const uint8_t *q = o->p;
	o->p += n;
	return q;
}
static inline unsigned of_u8(struct of *o)
{
	return *of_take(o, 1);
}
static inline unsigned of_u16(struct of *o)
{
	return dec_get_be16(of_take(o, 2));
}
static inline uint32_t of_u32(struct of *o)
{
	return dec_get_be32(of_take(o, 4));
}
static inline unsigned long long of_u64(struct of *o)
{
	const uint8_t *q = of_take(o, 8);
	return (unsigned long long)dec_get_be32(q) << 32 | dec_get_be32(q + 4);
}

/* A message body printed with -v: o at the body, len the message's
 * length (header included, its type's length rule already met). */
typedef void (*of_body)(struct of *, size_t);
extern const of_body of13_bodies[]; /* openflow13.c, by type number */

/* --- openflow.c --- */
/* the tables both versions name alike: a switch's fragment handling,
 * a port status reason */
extern const struct dec_tok of_frag_str[], of_port_reason_str[];
/* The i-th space-separated word of list (n: its length), or NULL. */
const char *of_word(const char *list, unsigned i, int *n);
/* " (NAME, NAME)" for v's bits named in t, then " (bogus)" for the others. */
void of_bitmap(struct dec_ctx *d, const struct dec_tok *t, uint32_t v);
/* A 32-bit field as "LABEL 0x%08x" and its bits. */
void of_bits32(struct of *o, const char *label, const struct dec_tok *t);
/* "LABEL NAME" of a value read before (a field cut short prints nothing). */
void of_tok(struct of *o, const char *label, const struct dec_tok *t, uint32_t v, const char *fmt);
void of_mac(struct of *o, const char *label);
/* "LABEL 'TEXT'": a NUL-padded string field of n bytes. */
void of_str(struct of *o, const char *label, size_t n);
/* "\n\t data (N octets)", with -vv its bytes in hex and ASCII. */
void of_data(struct of *o, size_t len);
/* An OUI's or an ONF experimenter id's name, else "unknown". */
const char *of_vendor_name(uint32_t vendor);
/* " (invalid)"; the len bytes from `from` must be captured; returns their end. */
const uint8_t *of_invalid(struct of *o, const uint8_t *from, size_t len);

/* How a list's typed elements begin: "PFX WORD NAME" (unknown: the
 * format of an unnamed type), then "LENWORD N" (min: an element's least
 * length). */
struct of_elems {
	size_t min;
	const char *word;
	const struct dec_tok *names;
	const char *unknown, *lenword;
};
/* An element's header in a list (len bytes left of len0 from p0); 0
 * when the list ends there (" (invalid)"). */
int of_elem_head(struct of *o, size_t len, const uint8_t *p0, size_t len0, const char *pfx,
		 const struct of_elems *e, unsigned *type, unsigned *elen);
/* An ERROR message: its type by name (types), its code by name (the
 * code-th word of codes[type], of ncodes lists), its data. */
void of_error_msg(struct of *o, size_t len, const struct dec_tok *types, const char *const *codes, unsigned ncodes);

#endif
