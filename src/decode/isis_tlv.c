/* isis_tlv.c: the IS-IS TLVs as tcpdump 4.99 prints them with -v, one
 * "\n\t    NAME TLV #T, length: L" line each and its fields below (-vv
 * adds each TLV in hex).  The TLVs decoded here are the ones of hellos
 * and LSPs (areas, neighbours, protocols, addresses, hostname, LSP
 * entries, restart, point-to-point adjacency, IPv4 reachability,
 * authentication, checksum, SRLG, SPB capabilities); the extended
 * reachability, multi-topology and router capability TLVs are
 * isis_reach.c's.  TLVs tcpdump has no decoder for print in hex. */
#include <stdio.h>

#include "decode/dec.h"

static const struct dec_tok tlv_names[] = {
	{ 1, "Area address(es)" }, { 2, "IS Reachability" }, { 3, "ES Neighbor(s)" }, { 4, "Partition DIS" },
	{ 5, "Prefix Neighbors" }, { 6, "IS Neighbor(s)" }, { 7, "Instance Identifier" }, { 8, "Padding" },
	{ 9, "LSP entries" }, { 10, "Authentication" }, { 12, "Checksum" }, { 13, "Purge Originator Identifier" },
	{ 14, "LSP Buffersize" }, { 22, "Extended IS Reachability" }, { 24, "IS Alias ID" }, { 42, "DECnet Phase IV" },
	{ 66, "Lucent Proprietary" }, { 128, "IPv4 Internal Reachability" }, { 129, "Protocols supported" },
	{ 130, "IPv4 External Reachability" }, { 131, "Inter-Domain Information Type" },
	{ 132, "IPv4 Interface address(es)" }, { 133, "IPv4 authentication (deprecated)" },
	{ 134, "Traffic Engineering Router ID" }, { 135, "Extended IPv4 Reachability" },
	{ 138, "Shared Risk Link Group" }, { 143, "Multi-Topology-Aware Port Capability" },
	{ 144, "Multi-Topology Capability" }, { 176, "Nortel Proprietary" }, { 177, "Nortel Proprietary" },
	{ 137, "Hostname" }, { 211, "Restart Signaling" }, { 222, "Multi Topology IS Reachability" },
	{ 229, "Multi Topology" }, { 232, "IPv6 Interface address(es)" }, { 235, "Multi-Topology IPv4 Reachability" },
	{ 236, "IPv6 reachability" }, { 237, "Multi-Topology IP6 Reachability" },
	{ 240, "Point-to-point Adjacency State" }, { 241, "Hello PDU Sequence Number" },
	{ 242, "IS-IS Router Capability" }, { 250, "Vendor Private" }, { 0, NULL },
};
/* The PDU the TLVs are in, for the checksum TLV. */
struct isis_pdu_ref {
	const uint8_t *start; /* its first byte (the NLPID) */
	size_t len;           /* its length, at most its PDU length field */
};
static const struct dec_tok restart_flags[] = {
	{ 0x1, "Restart Request" }, { 0x2, "Restart Acknowledgement" }, { 0x4, "Suppress adjacency advertisement" },
	{ 0, NULL },
};
static const struct dec_tok is_virtual[] = { { 0, "IsNotVirtual" }, { 1, "IsVirtual" }, { 0, NULL } };
static const struct dec_tok adj_states[] = { { 0, "Up" }, { 1, "Initializing" }, { 2, "Down" }, { 0, NULL } };
static const struct dec_tok port_cap_subtlvs[] = {
	{ 4, "SPB MCID" }, { 5, "SPB Digest" }, { 6, "SPB BVID" }, { 0, NULL },
};
static const struct dec_tok mt_cap_subtlvs[] = {
	{ 1, "SPB Instance" }, { 3, "SPBM Service Identifier and Unicast Address" }, { 0, NULL },
};
static const struct dec_tok idrp_types[] = {
	{ 0, "Reserved" }, { 1, "Routing-Domain Specific" }, { 2, "AS Number Tag" }, { 0, NULL },
};

/* An OSI NSAP address: pairs of hex digits, a dot after the first byte
 * and every second one after it (tcpdump's GET_ISONSAP_STRING: the bytes
 * captured first, then the length checked). */
void dec_isonsap(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	dec_need(d, p, n);
	if (n < 1 || n > 20) {
		dec_printf(d, "isonsap_string: illegal length");
		return;
	}
	for (unsigned i = 0; i < n; i++)
		dec_printf(d, "%02x%s", p[i], (i & 1) == 0 && i + 1 < n ? "." : "");
}

/* A metric's value and type, then the optional metrics unless their
 * "not supported" bit is set. */
static void metrics(struct dec_ctx *d, const uint8_t *m, const char *ident)
{
	static const char *const names[] = { "Delay", "Expense", "Error" };
	for (unsigned i = 0; i < 3; i++)
		if (!(m[1 + i] & 0x80))
			dec_printf(d, "%s  %s Metric: %u, %s", ident, names[i], m[1 + i] & 0x3f,
				   m[1 + i] & 0x40 ? "External" : "Internal");
}

/* IPv4 reachability entries (TLVs 128 and 130); 0 stops the PDU. */
static int ip_reach(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	for (; len > 0; len -= 12, p += 12) {
		if (len < 12) {
			dec_printf(d, "short IPv4 Reachability (%u vs 12)", len);
			return 0;
		}
		if (!dec_has(d, p, 12))
			return 0;
		uint32_t mask = dec_get_be32(p + 8);
		int plen = -1;
		for (int n = 32; n >= 0 && plen < 0; n--)
			if ((n ? ~0u << (32 - n) : 0u) == mask)
				plen = n;
		dec_printf(d, "\n\t      IPv4 prefix: ");
		if (plen < 0) {
			dec_ip4addr(d, p + 4);
			dec_printf(d, " mask ");
			dec_ip4addr(d, p + 8);
		} else {
			char a[64];
			const char *name = dec_host4(d, p + 4);
			if (!name) {
				snprintf(a, sizeof a, "%u.%u.%u.%u", p[4], p[5], p[6], p[7]);
				name = a;
			}
			dec_printf(d, "%15s/%d", name, plen);
		}
		dec_printf(d, ", Distribution: %s, Metric: %u, %s", p[0] & 0x80 ? "down" : "up", p[0] & 0x3f,
			   p[0] & 0x40 ? "External" : "Internal");
		metrics(d, p, "\n\t      ");
	}
	return 1;
}

/* The next sub-TLV of an SPB TLV (143, 144) at *p, *len bytes left: its
 * line, its type and length, *p past its header; 0 at the end, or where
 * tcpdump stops the sub-TLVs (its length past the TLV or the capture) and
 * goes on with the next TLV. */
static int spb_subtlv(struct dec_ctx *d, const uint8_t **p, unsigned *len, const struct dec_tok *names,
		      const char *ident, unsigned *type, unsigned *slen)
{
	if (*len <= 2)
		return 0;
	*type = dec_u8(d, *p);
	*slen = dec_u8(d, *p + 1);
	dec_printf(d, "%s%s subTLV #%u, length: %u", ident, dec_tok(names, *type, "unknown"), *type, *slen);
	*p += 2;
	*len -= 2;
	if (*len < *slen)
		dec_printf(d, " (> containing TLV length)");
	else if (!dec_has(d, *p, *slen))
		dec_printf(d, " [|isis]");
	else
		return 1;
	return 0;
}

static void spb_mcid(struct dec_ctx *d, const uint8_t *m)
{
	dec_printf(d, "ID: %u, Name: ", m[0]);
	for (unsigned i = 0; i < 32 && m[1 + i]; i++)
		dec_putc_safe(d, m[1 + i]);
	dec_printf(d, "\n\t              Lvl: %u, Digest: ", dec_get_be16(m + 33));
	for (unsigned i = 0; i < 16; i++)
		dec_printf(d, "%02x ", m[35 + i]);
}

/* The sub-TLVs of a port capability TLV (SPB, RFC 6329). */
static void port_cap(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned type, slen;
	while (spb_subtlv(d, &p, &len, port_cap_subtlvs, "\n\t       ", &type, &slen)) {
		if (type == 4 && slen >= 102) {
			dec_printf(d, "\n\t         MCID: ");
			spb_mcid(d, p);
			dec_printf(d, "\n\t         AUX-MCID: ");
			spb_mcid(d, p + 51);
		} else if (type == 5 && slen >= 33) {
			dec_printf(d, "\n\t        RES: %u V: %u A: %u D: %u", p[0] >> 5, (p[0] >> 4) & 1, (p[0] >> 2) & 3, p[0] & 3);
			dec_printf(d, "\n\t         Digest: ");
			for (unsigned i = 1; i <= 8; i++)
				dec_printf(d, "%08x %s", dec_get_be32(p + 1 + 4 * (i - 1)),
					   i % 4 == 0 && i != 8 ? "\n\t                 " : "");
		} else if (type == 4 || type == 5) {
			dec_printf(d, " (too short)");
			return;
		} else if (type == 6) { /* BVIDs: an ECT and a VID each */
			for (; slen; p += 6, len -= 6, slen -= 6) {
				if (slen >= 4)
					dec_printf(d, "\n\t           ECT: %08x", dec_get_be32(p));
				if (slen < 6) {
					dec_printf(d, " (too short)");
					return;
				}
				unsigned v = dec_get_be16(p + 4);
				dec_printf(d, " BVID: %u, U:%01x M:%01x ", v >> 4, (v >> 3) & 1, (v >> 2) & 1);
			}
		}
		p += slen;
		len -= slen;
	}
}

/* The point-to-point adjacency TLV: each field if the length has room. */
static void ptp_adj(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len >= 1) {
		dec_printf(d, "\n\t      Adjacency State: %s (%u)", dec_tok(adj_states, dec_u8(d, p), "unknown"), p[0]);
		len--;
	}
	if (len > 4) {
		dec_printf(d, "\n\t      Extended Local circuit-ID: 0x%08x", dec_be32(d, p + 1));
		len -= 4;
	}
	if (len >= 6) {
		dec_need_ret(d, p + 5, 6);
		dec_printf(d, "\n\t      Neighbor System-ID: ");
		dec_isis_id(d, p + 5, 6);
		len -= 6;
	}
	if (len >= 4)
		dec_printf(d, "\n\t      Neighbor Extended Local circuit-ID: 0x%08x", dec_be32(d, p + 11));
}

/* IPv4 (size 4) or IPv6 addresses, one line each ("LABEL: ADDR"), all of
 * the TLV or only the first; 0 when the length does not fit. */
static int addrs(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned size, const char *label, int all)
{
	do {
		if (len < size)
			return 0;
		dec_need(d, p, size);
		dec_printf(d, "\n\t      %s: ", label);
		size == 4 ? dec_ip4addr(d, p) : dec_ip6addr(d, p);
		p += size;
		len -= size;
	} while (all && len);
	return 1;
}

/* A list of system ids (or MAC addresses), one a line after label; 0
 * when the last one is cut short by the TLV's length. */
static int sysids(struct dec_ctx *d, const uint8_t *p, unsigned len, const char *label)
{
	for (; len; len -= 6, p += 6) {
		if (len < 6)
			return 0;
		dec_need_ret(d, p, 6);
		dec_printf(d, "\n\t      %s", label);
		dec_isis_id(d, p, 6);
	}
	return 1;
}

/* Prefix neighbors (TLV 5): a metric block, then prefixes whose length
 * is in semi-octets. */
static int prefix_neigh(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len < 4)
		return 1;
	dec_need_ret(d, p, 4);
	dec_printf(d, "\n\t      Metric Block, Default Metric: %u, %s", p[0] & 0x3f, p[0] & 0x40 ? "External" : "Internal");
	metrics(d, p, "\n\t\t");
	for (p += 4, len -= 4; len != 0;) {
		unsigned plen = dec_u8(d, p++);
		len--;
		if (plen < 2) {
			dec_printf(d, "\n\t\tAddress: prefix length %u < 2", plen);
			break;
		}
		if (len < plen / 2)
			break;
		dec_need(d, p, plen / 2); /* read before the line is printed */
		dec_printf(d, "\n\t\tAddress: ");
		dec_isonsap(d, p, plen / 2);
		dec_printf(d, "/%u", plen * 4);
		p += plen / 2;
		len -= plen / 2;
	}
	return 1;
}

/* Instance identifier (TLV 7, RFC 8202): the instance, then its topology
 * ids. */
static int instance_id(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len < 4)
		return 0;
	unsigned n = (len - 2) / 2;
	dec_printf(d, "\n\t      Instance ID: %u, ITIDs(%u)%s ", dec_be16(d, p), n, n ? ":" : "");
	for (unsigned i = 0; i < n; i++)
		dec_printf(d, "%u%s", dec_be16(d, p + 2 + 2 * i), i + 1 < n ? ", " : "");
	return 1;
}

/* Purge originator identification (TLV 13, RFC 6232). */
static int purge_originator(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len < 1)
		return 0;
	unsigned n = dec_u8(d, p);
	if (n == 0) {
		dec_printf(d, " No system IDs supplied");
		return 1;
	}
	if (len - 1 < 6)
		return 0;
	dec_need_ret(d, p + 1, 6);
	dec_printf(d, "\n\t      Purge Originator System-ID: ");
	dec_isis_id(d, p + 1, 6);
	if (n > 1) {
		if (len - 7 < 6)
			return 0;
		dec_need_ret(d, p + 7, 13); /* tcpdump wants a byte more than it reads */
		dec_printf(d, "\n\t      Received from System-ID: ");
		dec_isis_id(d, p + 7, 6);
	}
	return 1;
}

/* One TLV's value: 1 done, 0 "tlv_trunc" (its length does not fit), -1
 * stop the PDU. */
/* One IS or ES neighbour: its metric block, then its ID of idlen bytes. */
static void neighbor(struct dec_ctx *d, const uint8_t *p, const char *kind, unsigned idlen)
{
	dec_need_ret(d, p, 4 + idlen);
	dec_printf(d, "\n\t      %s Neighbor: ", kind);
	dec_isis_id(d, p + 4, idlen);
	dec_printf(d, ", Default Metric: %u, %s", p[0] & 0x3f, p[0] & 0x40 ? "External" : "Internal");
	metrics(d, p, "\n\t\t");
}

/* The authentication TLV (RFC 5304, 5310): -1 for HMAC-MD5, whose
 * signature check is not done here (hand off). */
static int auth(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	static const struct dec_tok kinds[] = {
		{ 1, "simple text password" }, { 54, "HMAC-MD5 password" }, { 3, "Generic Crypto key-id" },
		{ 255, "Routing Domain private password" }, { 0, NULL },
	};
	if (len < 1)
		return 1;
	unsigned kind = dec_u8(d, p);
	dec_printf(d, "\n\t      ");
	dec_tokf(d, kinds, kind, "unknown Authentication type 0x%02x");
	dec_printf(d, ": ");
	if (kind == 54) {
		for (unsigned i = 1; i < len; i++)
			dec_printf(d, "%02x", dec_u8(d, p + i));
		if (len - 1 != 16)
			dec_printf(d, ", (invalid subTLV) ");
		dec_printf(d, " (unchecked)"); /* tcpdump checks the HMAC only with a secret (-M) */
	} else if (kind == 1) {
		for (unsigned i = 1; i < len && dec_u8(d, p + i); i++)
			dec_putc_safe(d, p[i]);
	} else if (kind == 3) {
		if (len < 3) /* tcpdump: no key ID, nothing more */
			return 1;
		dec_need_ret(d, p + 1, 2);
		dec_printf(d, "%u, password: ", dec_get_be16(p + 1));
		for (unsigned i = 3; i < len; i++)
			dec_printf(d, "%02x", dec_u8(d, p + i));
	} else {
		dec_hexlines(d, "\n\t\t  ", p + 1, len - 1);
	}
	return 1;
}

/* The sub-TLVs of a multi-topology capability TLV (144, SPB: RFC 6329). */
static void mt_cap(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned type, slen;
	while (spb_subtlv(d, &p, &len, mt_cap_subtlvs, "\n\t      ", &type, &slen)) {
		if (type == 1) { /* an SPB instance and its VLAN tuples */
			if (slen < 19) {
				dec_printf(d, " (too short)");
				return;
			}
			dec_printf(d, "\n\t        CIST Root-ID: %08x %08x, Path Cost: %08x, Prio: %u", dec_get_be32(p),
				   dec_get_be32(p + 4), dec_get_be32(p + 8), dec_get_be16(p + 12));
			dec_printf(d, "\n\t        RES: %u, V: %u, SPSource-ID: %u, No of Trees: %x", dec_get_be16(p + 14) >> 5,
				   (dec_get_be16(p + 14) >> 4) & 1, dec_get_be32(p + 14) & 0xfffff, p[18]);
			unsigned trees = p[18];
			for (p += 19, len -= 19, slen -= 19; trees; trees--, p += 8, len -= 8, slen -= 8) {
				if (slen < 8) {
					dec_printf(d, " [|isis]");
					return;
				}
				unsigned v = (unsigned)p[5] << 16 | (unsigned)p[6] << 8 | p[7];
				dec_printf(d, "\n\t         U:%u, M:%u, A:%u, RES:%u, ECT: %08x, BVID: %u, SPVID: %u", p[0] >> 7,
					   (p[0] >> 6) & 1, (p[0] >> 5) & 1, p[0] & 0x1f, dec_get_be32(p + 1), v >> 12, v & 0xfff);
			}
		} else if (type == 3) { /* a B-MAC, a VID and I-SIDs */
			if (slen < 8) {
				dec_printf(d, " [|isis]");
				return;
			}
			dec_printf(d, "\n\t        BMAC: %08x%04x, RES: %u, VID: %u", dec_get_be32(p), dec_get_be16(p + 4),
				   dec_get_be16(p + 6) >> 12, dec_get_be16(p + 6) & 0xfff);
			for (p += 8, len -= 8, slen -= 8; slen >= 4; p += 4, len -= 4, slen -= 4) {
				uint32_t v = dec_get_be32(p);
				dec_printf(d, "\n\t        T: %u, R: %u, RES: %u, ISID: %u", v >> 31, (v >> 30) & 1,
					   (v >> 24) & 0x3f, v & 0xffffff);
			}
		}
		p += slen;
		len -= slen;
	}
}

/* Shared risk link group (138, RFC 5307): each field while the length
 * has room, then link ids. */
static int srlg(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len < 7)
		return 1;
	dec_need_ret(d, p, 7);
	dec_printf(d, "\n\t      IS Neighbor: ");
	dec_isis_id(d, p, 7);
	if (len < 8)
		return 1;
	dec_printf(d, ", Flags: [%s]", dec_u8(d, p + 7) & 1 ? "numbered" : "unnumbered");
	p += 8;
	len -= 8;
	if (!addrs(d, p, len, 4, "IPv4 interface address", 0) || !addrs(d, p + 4, len - 4, 4, "IPv4 neighbor address", 0))
		return 1;
	for (p += 8, len -= 8; len; p += 4, len -= 4) {
		if (len < 4)
			return 0;
		dec_printf(d, "\n\t      Link-ID: 0x%08x", dec_be32(d, p));
	}
	return 1;
}

/* Inter-domain information (131, RFC 1195): a type, then an AS number
 * or bytes in hex. */
static int idrp(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len < 1)
		return 1;
	dec_printf(d, "\n\t      Inter-Domain Information Type: ");
	unsigned type = dec_u8(d, p);
	dec_tokf(d, idrp_types, type, "Unknown (0x%02x)");
	if (type != 2) {
		dec_hexlines(d, "\n\t      ", p + 1, len - 1);
		return 1;
	}
	if (len < 3)
		return 0;
	dec_printf(d, "AS Number: %u", dec_be16(d, p + 1));
	return 1;
}

/* The TLVs with a printer of their own. */
static const struct {
	unsigned type;
	int (*print)(struct dec_ctx *d, const uint8_t *p, unsigned len);
} printers[] = {
	{ 5, prefix_neigh }, { 7, instance_id }, { 10, auth }, { 13, purge_originator }, { 131, idrp }, { 138, srlg },
};

static int tlv(struct dec_ctx *d, const struct isis_pdu_ref *pdu, unsigned type, const uint8_t *p, unsigned len)
{
	for (size_t i = 0; i < sizeof printers / sizeof printers[0]; i++)
		if (printers[i].type == type)
			return printers[i].print(d, p, len);
	int r = dec_isis_reach_tlv(d, type, p, len);
	if (r != 2)
		return r;
	switch (type) {
	case 12:
		if (len < 2)
			return 1;
		dec_need_ret(d, p, 2);
		dec_printf(d, "\n\t      checksum: 0x%04x ", dec_get_be16(p));
		dec_osi_cksum(d, pdu->start, dec_get_be16(p), (size_t)(p - pdu->start), pdu->len);
		return 1;
	case 144:
		if (len < 2)
			return 0;
		unsigned mt = dec_be16(d, p);
		dec_printf(d, "\n\t      O: %u, RES: %u, MTID(s): %u", mt >> 15, (mt >> 12) & 7, mt & 0x0fff);
		if (len > 2)
			mt_cap(d, p + 2, len - 2);
		return 1;
	case 1:
		while (len) {
			unsigned alen = dec_u8(d, p++);
			if (--len < alen)
				return 0;
			dec_need(d, p, alen); /* read before the line is printed */
			dec_printf(d, "\n\t      Area address (length: %u): ", alen);
			dec_isonsap(d, p, alen);
			p += alen;
			len -= alen;
		}
		return 1;
	case 2:
		if (len < 1)
			return 0;
		unsigned virt = dec_u8(d, p); /* read before the line is printed */
		dec_printf(d, "\n\t      ");
		dec_tokf(d, is_virtual, virt, "bogus virtual flag 0x%02x");
		for (p++, len--; len; len -= 11, p += 11) {
			if (len < 11)
				return 0;
			neighbor(d, p, "IS", 7);
		}
		return 1;
	case 3: /* ES neighbours: metrics, then a system ID (10 bytes each) */
		for (; len >= 10; len -= 10, p += 10) {
			neighbor(d, p, "ES", 6);
		}
		return 1;
	case 6:
		return sysids(d, p, len, "SNPA: ");
	case 8:
		return 1;
	case 4: /* partition designated level 2 IS */
		return sysids(d, p, len, "");
	case 250:
		if (len < 3)
			return 1;
		uint32_t oui = (uint32_t)dec_be16(d, p) << 8 | dec_u8(d, p + 2);
		dec_printf(d, "\n\t      Vendor: %s (%u)", dec_tok_oui(oui), oui);
		dec_hexlines(d, "\n\t\t", p + 3, len - 3);
		return 1;
	case 9:
		for (; len; len -= 16, p += 16) {
			if (len < 16)
				return 0;
			dec_need_ret(d, p + 2, 8);
			dec_printf(d, "\n\t      lsp-id: ");
			dec_isis_id(d, p + 2, 8);
			dec_printf(d, ", seq: 0x%08x", dec_be32(d, p + 10));
			dec_printf(d, ", lifetime: %5ds", dec_get_be16(p));
			dec_printf(d, ", chksum: 0x%04x", dec_be16(d, p + 14));
		}
		return 1;
	case 128: case 130:
		return ip_reach(d, p, len) ? 1 : -1;
	case 129:
		dec_printf(d, "\n\t      NLPID(s): ");
		for (; len; len--, p++) {
			unsigned n = dec_u8(d, p);
			dec_printf(d, "%s (0x%02x)%s", dec_tok(dec_nlpids, n, "unknown"), n, len > 1 ? ", " : "");
		}
		return 1;
	case 132:
		return addrs(d, p, len, 4, "IPv4 interface address", 1);
	case 137:
		dec_printf(d, "\n\t      Hostname: ");
		for (unsigned i = 0; i < len && dec_u8(d, p + i); i++)
			dec_putc_safe(d, p[i]);
		return 1;
	case 143:
		if (len < 2)
			return 0;
		dec_printf(d, "\n\t       RES: %u, MTID(s): %u", dec_be16(d, p) >> 12, dec_get_be16(p) & 0x0fff);
		if (len > 2)
			port_cap(d, p + 2, len - 2);
		return 1;
	case 211:
		if (len < 1)
			return 1;
		dec_need_ret(d, p, 1);
		dec_printf(d, "\n\t      Flags [");
		dec_bits(d, restart_flags, p[0], "none");
		dec_printf(d, "]");
		if (len < 3)
			return 1;
		dec_need_ret(d, p + 1, 2);
		dec_printf(d, ", Remaining holding time %us", dec_get_be16(p + 1));
		if (len == 9) {
			dec_need_ret(d, p + 3, 6);
			dec_printf(d, ", for ");
			dec_isis_id(d, p + 3, 6);
		}
		return 1;
	case 240:
		ptp_adj(d, p, len);
		return 1;
	case 14:
		if (len >= 2)
			dec_printf(d, "\n\t      LSP Buffersize: %u", dec_be16(d, p));
		return 1;
	case 241:
		if (len >= 4)
			dec_printf(d, "\n\t      Sequence number: %u", dec_be32(d, p));
		return 1;
	case 134:
		return addrs(d, p, len, 4, "Traffic Engineering Router ID", 0);
	case 232:
		return addrs(d, p, len, 16, "IPv6 interface address", 1);
	}
	if (d->o.vflag <= 1) /* no decoder in tcpdump: the value in hex */
		dec_hexlines(d, "\n\t\t", p, len);
	return 1;
}

void dec_isis_tlvs(struct dec_ctx *d, const uint8_t *pdu, size_t pdu_len, const uint8_t *p, size_t len)
{
	const struct isis_pdu_ref ref = { pdu, pdu_len };
	while (len > 0) {
		dec_need_ret(d, p, 2);
		if (len < 2)
			dec_trunc_ret(d);
		unsigned type = p[0], tlen = p[1];
		p += 2;
		len -= 2;
		dec_printf(d, "\n\t    %s TLV #%u, length: %u", dec_tok(tlv_names, type, "unknown"), type, tlen);
		if (len < tlen)
			dec_trunc_ret(d);
		int r = tlv(d, &ref, type, p, tlen);
		if (r < 0)
			return;
		if (d->o.vflag > 1) /* -vv: each TLV in hex too */
			dec_hexlines(d, "\n\t      ", p, tlen);
		p += tlen;
		len -= tlen;
	}
}
