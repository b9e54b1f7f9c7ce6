/*
 * words.c: packets for the protocol words (synth_words): the DEC
 * ethertypes (MOP dump/load and remote console, DECnet, LAT, SCA), DECnet
 * routing headers of all four shapes (short or long, padded or not) with
 * chosen addresses, AppleTalk and AARP by ethertype and by SNAP, IPX by
 * ethertype, SNAP, DSAP and Novell's raw 802.3, spanning tree, NetBEUI,
 * and ISO frames: CLNP, ES-IS and IS-IS with every PDU type the words
 * name (and some they do not); MTP2 signal units with chosen SIOs and
 * routing labels on the SS7 link types, and SunATM cells on the
 * signalling circuits.  Built as Ethernet, re-wrapped into the set's link
 * type (the SS7 and ATM ones as they are); no randomness.
 */
#include "synth_int.h"
#include "wrap_more.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

/* Add an Ethernet frame with this type (0: an 802.3 length) and body. */
static void emit(struct set_list *w, uint16_t type, const uint8_t *body, size_t n)
{
	uint8_t f[256];
	memcpy(f, "\x66\x77\x88\x99\xaa\xbb\x00\x11\x22\x33\x44\x55", 12);
	put16(f + 12, type ? type : (uint16_t)n);
	memcpy(f + 14, body, n);
	struct synth_pkt eth = { .caplen = (uint32_t)(14 + n), .len = (uint32_t)(14 + n), .data = f,
				 .dlt = DLT_EN10MB }, o;
	if (synth_rewrap(&eth, w->dlt, &o) != 0 && synth_wrap_more(&eth, w->dlt, &o) != 0)
		return;
	set_push(w->s, &w->cap, o.data, o.caplen, o.len);
	synth_pkt_free(&o);
}

/* A DECnet routing header: length, [padding,] flags, then a short header
 * (dst, src: 16-bit little-endian) or a long one (areas, HIORD + address). */
static void decnet(struct set_list *w, int pad, int lng, uint16_t src, uint16_t dst)
{
	uint8_t b[64];
	memset(b, 0, sizeof b);
	size_t f = 2 + (size_t)pad;
	if (pad)
		b[2] = 0x81;
	b[f] = lng ? 0x06 : 0x02;
	size_t d = f + (lng ? 7 : 1), s = f + (lng ? 15 : 3);
	if (lng) { /* HIORD AA-00-04-00 before each address */
		memcpy(b + d - 4, "\xaa\x00\x04\x00", 4);
		memcpy(b + s - 4, "\xaa\x00\x04\x00", 4);
	}
	b[d] = (uint8_t)dst, b[d + 1] = (uint8_t)(dst >> 8);
	b[s] = (uint8_t)src, b[s + 1] = (uint8_t)(src >> 8);
	b[0] = 40, b[1] = 0; /* the length is little-endian too */
	emit(w, 0x6003, b, 46);
}

#define DN(area, node) ((uint16_t)((area) << 10 | (node)))

static void dec_all(struct set_list *w)
{
	static const uint16_t types[] = { 0x6001, 0x6002, 0x6004, 0x6007, 0x6005 };
	uint8_t b[46];
	memset(b, 0x5a, sizeof b);
	for (size_t i = 0; i < ARRAY_LEN(types); i++)
		emit(w, types[i], b, sizeof b);
	static const uint16_t addrs[][2] = {
		{ DN(1, 2), DN(10, 23) }, { DN(10, 23), DN(1, 2) }, { DN(1, 2), DN(1, 2) },
		{ DN(63, 1023), DN(0, 1) }, { DN(2, 1), DN(1, 3) },
	};
	for (int pad = 0; pad < 2; pad++)
		for (int lng = 0; lng < 2; lng++)
			for (size_t a = 0; a < ARRAY_LEN(addrs); a++)
				decnet(w, pad, lng, addrs[a][0], addrs[a][1]);
}

/* AppleTalk, AARP and IPX: by ethertype and on 802.2 (SNAP, DSAP, raw). */
static void apple_ipx(struct set_list *w)
{
	uint8_t b[60];
	memset(b, 0x33, sizeof b);
	emit(w, 0x809b, b, sizeof b);
	emit(w, 0x80f3, b, sizeof b);
	emit(w, 0x8137, b, sizeof b);
	static const uint8_t snaps[][8] = {
		{ 0xaa, 0xaa, 0x03, 0x08, 0x00, 0x07, 0x80, 0x9b }, /* AppleTalk phase 2 */
		{ 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x80, 0xf3 }, /* AARP */
		{ 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x81, 0x37 }, /* IPX */
		{ 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x80, 0x9b }, /* AppleTalk, wrong OUI */
		{ 0xaa, 0xaa, 0x03, 0x08, 0x00, 0x07, 0x80, 0xf3 }, /* AARP, Apple's OUI */
		{ 0xe0, 0xe0, 0x03, 0xff, 0xff, 0x00, 0x30, 0x00 }, /* IPX over 802.2 */
		{ 0xff, 0xff, 0x00, 0x30, 0x00, 0x00, 0x00, 0x00 }, /* Novell raw 802.3 */
		{ 0x42, 0x42, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* spanning tree */
		{ 0xf0, 0xf0, 0x03, 0x2c, 0x00, 0xff, 0xef, 0x08 }, /* NetBEUI */
		{ 0xf0, 0xf1, 0x03, 0x2c, 0x00, 0xff, 0xef, 0x08 }, /* NetBIOS SAP, SSAP not */
		{ 0xe0, 0x42, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00 }, /* IPX DSAP, another SSAP */
	};
	for (size_t i = 0; i < ARRAY_LEN(snaps); i++) {
		memcpy(b, snaps[i], 8);
		emit(w, 0, b, sizeof b);
	}
}

/* ISO on 802.2 (DSAP and SSAP 0xfe, UI): CLNP, ES-IS, IS-IS PDUs. */
static void iso_all(struct set_list *w)
{
	static const uint8_t nlpids[] = { 0x81, 0x82, 0x8e };
	static const uint8_t pdus[] = { 15, 16, 17, 18, 20, 24, 25, 26, 27, 19, 0x32 };
	uint8_t b[60];
	memset(b, 0, sizeof b);
	memcpy(b, "\xfe\xfe\x03", 3);
	for (size_t i = 0; i < ARRAY_LEN(nlpids); i++) {
		b[3] = nlpids[i], b[4] = 27, b[5] = 1, b[7] = 15;
		emit(w, 0, b, sizeof b);
	}
	for (size_t i = 0; i < ARRAY_LEN(pdus); i++) {
		b[3] = 0x83, b[4] = 27, b[5] = 1, b[6] = 0, b[7] = pdus[i];
		emit(w, 0, b, sizeof b);
	}
}

/* Add raw link-layer bytes as they are. */
static void raw(struct set_list *w, const uint8_t *d, size_t n)
{
	set_push(w->s, &w->cap, d, (uint32_t)n, (uint32_t)n);
}

/* An MTP3 routing label (Q.704 2.2): DPC, OPC, SLS packed little-endian
 * into 4 bytes. */
static void label(uint8_t *p, uint32_t dpc, uint32_t opc, uint32_t sls)
{
	uint32_t v = ((dpc & 0xff) << 24) | ((dpc & 0x3f00) << 8) | ((opc & 0x3c00) >> 10) | ((opc & 0x3fc) << 6) |
		     ((opc & 0x3) << 22) | (sls & 0xf) << 4;
	put32(p, v);
}

/* MTP2 signal units at the link type's header offset: length indicators
 * of each unit type, SIOs and routing labels the expressions name, on
 * normal (6-bit LI) and high-speed (LI in 0xff80 of a 16-bit word) links. */
static void mtp2_all(struct set_list *w)
{
	/* where the length indicator is: past the pseudo-header, BSN and FSN */
	size_t li = w->dlt == DLT_MTP2 ? 2 : w->dlt == DLT_MTP2_WITH_PHDR ? 6 : w->dlt == DLT_ERF ? 22 : 0;
	if (!li)
		return;
	static const uint8_t lis[] = { 0, 1, 2, 3, 5, 63 };
	static const uint8_t sios[] = { 5, 3, 0x10, 0xff };
	static const uint32_t labels[][3] = { { 2, 1, 3 }, { 16383, 16383, 15 }, { 0, 0, 0 }, { 1, 2, 7 } };
	static const uint16_t hlis[] = { 0, 0x80, 0x100, 0x180, 0x3f00 };
	uint8_t b[64];
	for (size_t i = 0; i < sizeof lis; i++)
		for (size_t s = 0; s < sizeof sios; s++)
			for (size_t l = 0; l < ARRAY_LEN(labels); l++) {
				memset(b, (int)(0x11 * (i + s + l)), sizeof b);
				b[li] = (uint8_t)(0xc0 | lis[i]);
				b[li + 1] = sios[s];
				label(b + li + 2, labels[l][0], labels[l][1], labels[l][2]);
				raw(w, b, li + 20);
			}
	for (size_t i = 0; i < ARRAY_LEN(hlis); i++)
		for (size_t s = 0; s < sizeof sios; s++)
			for (size_t l = 0; l < ARRAY_LEN(labels); l++) {
				memset(b, (int)(0x22 * (i + s + l)), sizeof b);
				put16(b + li + 2, hlis[i]);
				b[li + 4] = sios[s];
				label(b + li + 5, labels[l][0], labels[l][1], labels[l][2]);
				raw(w, b, li + 24);
			}
}

/* SunATM cells: traffic type, VPI, VCI, then a signalling message type. */
static void sunatm_all(struct set_list *w)
{
	if (w->dlt != DLT_SUNATM)
		return;
	static const uint8_t vpis[] = { 0, 1, 3 };
	static const uint16_t vcis[] = { 1, 2, 3, 4, 5, 16, 100 };
	static const uint8_t msgs[] = { 0x5a, 0x4d, 0x0f, 0x07, 0x05, 0x02, 0x33 };
	uint8_t b[48];
	for (size_t p = 0; p < sizeof vpis; p++)
		for (size_t c = 0; c < ARRAY_LEN(vcis); c++)
			for (size_t m = 0; m < sizeof msgs; m++) {
				memset(b, 0x44, sizeof b);
				b[0] = (uint8_t)((p + c + m) % 3); /* raw, LANE, LLC */
				b[1] = vpis[p];
				put16(b + 2, vcis[c]);
				b[9] = msgs[m];
				raw(w, b, sizeof b);
			}
}

/* Linux cooked v2 with an 802.2 SAP as its protocol: libpcap's SLL2
 * tests compare the protocol field with the SAP as it is, and read ISO's
 * NLPID and IS-IS PDU type right after the header. */
static void sll2_saps(struct set_list *w)
{
	if (w->dlt != DLT_LINUX_SLL2)
		return;
	static const uint16_t saps[] = { 0x42, 0xf0, 0xe0, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe };
	static const uint8_t nlpids[] = { 0, 0, 0, 0x81, 0x82, 0x83, 0x83, 0x83, 0x83, 0x8e, 0x83, 0x83, 0x83 };
	static const uint8_t pdus[] = { 0, 0, 0, 0, 0, 17, 18, 25, 26, 0, 27, 15, 16 };
	uint8_t b[64];
	for (size_t i = 0; i < ARRAY_LEN(saps); i++) {
		memset(b, 0x27, sizeof b);
		put16(b, saps[i]);
		b[20] = nlpids[i];
		b[24] = pdus[i];
		raw(w, b, sizeof b);
	}
}

int synth_words(struct synth_set *out, int dlt)
{
	static set_part *const parts[] = { dec_all, apple_ipx, iso_all, mtp2_all, sunatm_all, sll2_saps };
	return set_build(out, dlt, parts, ARRAY_LEN(parts));
}
