/* sctp.c: SCTP (RFC 9260) and its chunks, as tcpdump 4.99 prints them:
 *
 *   SRC.PORT > DST.PORT: sctp[ (1) [INIT] [init tag: N] ..., (2) [DATA] ...]
 *
 * Each chunk is "[NAME] " and, for DATA, INIT, INIT ACK and SACK, its
 * fields; with -vv each chunk goes on its own line ("\n\tN) ") and a DATA
 * chunk's payload is dumped in hex ("[Payload:" ... "]").  Ports 6704-6706
 * are ForCES channels ("sctp[ForCES HP]"), whose DATA goes to the ForCES
 * printer (forces.c); with -vv, M3UA payloads go to m3ua.c.  A chunk
 * must be captured whole (" [|sctp]", the return-style exit).  tcpdump's remaining length is an unsigned 32-bit
 * count that a bad chunk length can wrap, and its chunk lengths 16-bit:
 * kept so here, since the output depends on it. */
#include "decode/dec.h"

#define SCTP_HDR 12
#define SCTP_CHUNK_HDR 4
#define SCTP_DATA 0x00
#define SCTP_INIT 0x01
#define SCTP_INIT_ACK 0x02
#define SCTP_SACK 0x03
#define SCTP_DATA_LAST 0x01
#define SCTP_DATA_FIRST 0x02
#define SCTP_DATA_UNORDERED 0x04
#define SCTP_PPID_M3UA 3
#define SCTP_FORCES_HP 6704 /* RFC 5811's ports, high/medium/low priority */

static const struct dec_tok chunk_names[] = {
	{ 0x00, "DATA" }, { 0x01, "INIT" }, { 0x02, "INIT ACK" }, { 0x03, "SACK" }, { 0x04, "HB REQ" },
	{ 0x05, "HB ACK" }, { 0x06, "ABORT" }, { 0x07, "SHUTDOWN" }, { 0x08, "SHUTDOWN ACK" },
	{ 0x09, "OP ERR" }, { 0x0a, "COOKIE ECHO" }, { 0x0b, "COOKIE ACK" }, { 0x0c, "ECN ECHO" },
	{ 0x0d, "ECN CWR" }, { 0x0e, "SHUTDOWN COMPLETE" }, { 0xc0, "FOR CUM TSN" }, { 0xc1, "REL CTRL" },
	{ 0xc2, "REL CTRL ACK" }, { 0, NULL },
};

/* Payload protocol identifiers (IANA "SCTP Payload Protocol Identifiers"),
 * those tcpdump names. */
static const struct dec_tok ppids[] = {
	{ 1, "ISDN Q.921" }, { 2, "M2UA" }, { 3, "M3UA" }, { 4, "SUA" }, { 5, "M2PA" }, { 6, "V5.2" },
	{ 7, "H.248" }, { 8, "BICC" }, { 9, "TALI" }, { 10, "DUA" }, { 11, "ASAP" }, { 12, "ENRP" },
	{ 13, "H.323" }, { 14, "Q.IPC" }, { 15, "SIMCO" }, { 16, "DDPSC" }, { 17, "DDPSSC" }, { 18, "S1AP" },
	{ 19, "RUA" }, { 20, "HNBAP" }, { 21, "ForCES HP" }, { 22, "ForCES MP" }, { 23, "ForCES LP" },
	{ 24, "SBc-AP" }, { 25, "NBAP" }, { 27, "X2AP" }, { 0, NULL },
};

static const char *const forces_channels[] = { "ForCES HP", "ForCES MP", "ForCES LP" };

static int forces_port(unsigned port)
{
	return port >= SCTP_FORCES_HP && port < SCTP_FORCES_HP + 3;
}

/* One chunk's fields after its name; p at the chunk's value, rem the
 * bytes of it left.  0 when tcpdump stops at a bogus length. */
static int data_chunk(struct dec_ctx *d, const uint8_t *p, unsigned flags, uint16_t clen, uint16_t rem,
		      int *forces)
{
	if (flags & SCTP_DATA_UNORDERED)
		dec_printf(d, "(U)");
	if (flags & SCTP_DATA_FIRST)
		dec_printf(d, "(B)");
	if (flags & SCTP_DATA_LAST)
		dec_printf(d, "(E)");
	if (flags & (SCTP_DATA_UNORDERED | SCTP_DATA_FIRST | SCTP_DATA_LAST))
		dec_printf(d, " ");
	if (rem < 12) {
		dec_printf(d, "bogus chunk length %u]", clen);
		return 0;
	}
	uint32_t ppid = dec_be32(d, p + 8);
	dec_printf(d, "[TSN: %u] ", dec_be32(d, p));
	dec_printf(d, "[SID: %u] ", dec_be16(d, p + 4));
	dec_printf(d, "[SSEQ %u] ", dec_be16(d, p + 6));
	const char *s = dec_tok(ppids, ppid, NULL);
	if (s)
		dec_printf(d, "[PPID %s] ", s);
	else
		dec_printf(d, "[PPID 0x%x] ", ppid);
	if (!*forces)
		*forces = ppid >= 21 && ppid <= 23;
	uint16_t size = (uint16_t)(rem - 12);
	if (size == 0) {
		dec_printf(d, "bogus chunk length %u]", clen);
		return 0;
	}
	if (*forces) {
		dec_forces(d, p + 12, size);
		d->proto = "sctp";
		return 1;
	}
	if (d->o.vflag >= 2 && ppid == SCTP_PPID_M3UA) {
		dec_m3ua(d, p + 12, size);
		d->proto = "sctp";
		return 1;
	}
	if (d->o.vflag >= 2) {
		dec_printf(d, "[Payload");
		if (!d->o.qflag && !d->o.xflag && !d->o.Xflag) { /* tcpdump's suppress_default_print */
			dec_printf(d, ":");
			dec_hexascii(d, p + 12, size);
		}
		dec_printf(d, "]");
	}
	return 1;
}

static void init_chunk(struct dec_ctx *d, const uint8_t *p)
{
	dec_printf(d, "[init tag: %u] ", dec_be32(d, p));
	dec_printf(d, "[rwnd: %u] ", dec_be32(d, p + 4));
	dec_printf(d, "[OS: %u] ", dec_be16(d, p + 8));
	dec_printf(d, "[MIS: %u] ", dec_be16(d, p + 10));
	dec_printf(d, "[init TSN: %u] ", dec_be32(d, p + 12));
}

static int sack_chunk(struct dec_ctx *d, const uint8_t *p, uint16_t clen, uint16_t rem)
{
	if (rem < 12) {
		dec_printf(d, "bogus chunk length %u]", clen);
		return 0;
	}
	uint32_t cum = dec_be32(d, p);
	unsigned ngaps = dec_be16(d, p + 8), ndups = dec_be16(d, p + 10);
	dec_printf(d, "[cum ack %u] ", cum);
	dec_printf(d, "[a_rwnd %u] ", dec_be32(d, p + 4));
	dec_printf(d, "[#gap acks %u] ", ngaps);
	dec_printf(d, "[#dup tsns %u] ", ndups);
	p += 12;
	rem = (uint16_t)(rem - 12);
	for (unsigned i = 0; rem != 0 && i < ngaps; i++, p += 4, rem = (uint16_t)(rem - 4)) {
		if (rem < 4) {
			dec_printf(d, "bogus chunk length %u]", clen);
			return 0;
		}
		dec_printf(d, "\n\t\t[gap ack block #%u: start = %u, end = %u] ", i + 1,
			   (uint32_t)(cum + dec_be16(d, p)), (uint32_t)(cum + dec_be16(d, p + 2)));
	}
	for (unsigned i = 0; rem != 0 && i < ndups; i++, p += 4, rem = (uint16_t)(rem - 4)) {
		if (rem < 4) {
			dec_printf(d, "bogus chunk length %u]", clen);
			return 0;
		}
		dec_printf(d, "\n\t\t[dup TSN #%u: %u] ", i + 1, dec_be32(d, p));
	}
	return 1;
}

void dec_sctp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "sctp";
	if (len < SCTP_HDR) {
		dec_printf(d, "truncated-sctp - %zu bytes missing!", SCTP_HDR - len);
		return;
	}
	dec_need_ret(d, p, SCTP_HDR);
	unsigned sport = dec_get_be16(p), dport = dec_get_be16(p + 2);
	/* the IP header's addresses (not a routing header's final one) */
	dec_netaddr(d, n, n->v6 ? n->iph + 8 : n->iph + 12);
	dec_printf(d, ".%u > ", sport);
	dec_netaddr(d, n, n->v6 ? n->iph + 24 : n->iph + 16);
	dec_printf(d, ".%u: sctp", dport);
	int forces = 0;
	if (forces_port(sport))
		dec_printf(d, "[%s]", forces_channels[sport - SCTP_FORCES_HP]), forces = 1;
	if (forces_port(dport))
		dec_printf(d, "[%s]", forces_channels[dport - SCTP_FORCES_HP]), forces = 1;
	p += SCTP_HDR;
	uint32_t left = (uint32_t)len - SCTP_HDR; /* tcpdump's u_int, may wrap */
	const char *sep = d->o.vflag >= 2 ? "\n\t" : " (";
	for (unsigned count = 1; left != 0; count++) {
		if (left < SCTP_CHUNK_HDR) {
			dec_printf(d, "%s%u) [chunk descriptor cut off at end of packet]", sep, count);
			return;
		}
		dec_need_ret(d, p, SCTP_CHUNK_HDR);
		uint16_t clen = dec_get_be16(p + 2);
		if (clen < SCTP_CHUNK_HDR) {
			dec_printf(d, "%s%u) [Bad chunk length %u, < size of chunk descriptor]", sep, count, clen);
			return;
		}
		unsigned align = clen % 4 ? 4 - clen % 4 : 0;
		if (left < align) {
			dec_printf(d, "%s%u) [Bad chunk length %u, > remaining data in packet]", sep, count, clen);
			return;
		}
		dec_need_ret(d, p, clen);
		unsigned id = p[0], flags = p[1];
		const uint8_t *v = p + SCTP_CHUNK_HDR;
		uint16_t rem = (uint16_t)(clen - SCTP_CHUNK_HDR);
		dec_printf(d, "%s%u) ", sep, count);
		const char *name = dec_tok(chunk_names, id, NULL);
		if (name)
			dec_printf(d, "[%s] ", name);
		else
			dec_printf(d, "[Unknown chunk type: 0x%x] ", id);
		int r = 1;
		if (id == SCTP_DATA)
			r = data_chunk(d, v, flags, clen, rem, &forces);
		else if (id == SCTP_INIT || id == SCTP_INIT_ACK) {
			if (rem < 16) {
				dec_printf(d, "bogus chunk length %u]", clen);
				return;
			}
			init_chunk(d, v);
		} else if (id == SCTP_SACK)
			r = sack_chunk(d, v, clen, rem);
		if (r <= 0)
			return;
		p += clen;
		left -= clen;
		if (d->o.vflag < 2)
			sep = ", (";
		if (align) {
			dec_need_ret(d, p, align);
			p += align;
			left -= align;
		}
	}
}
