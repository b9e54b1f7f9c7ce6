/* radiotap.c: the radiotap header before an 802.11 frame
 * (DLT_IEEE802_11_RADIO), as tcpdump 4.99 prints it: each field of the
 * presence bitmaps in bit order ("1.0 Mb/s 2412 MHz 11b -22dBm signal
 * antenna 1 "), "[bit N] " at the first field whose size is unknown (the
 * rest of the header is skipped), " [|802.11_radio]" for a field past the
 * header's end; then the 802.11 frame (wlan.c) with the FCS and padding
 * the Flags field announces.  Fields are little-endian and aligned to
 * their natural size from the header's start (tcpdump's cpack). */
#include "decode/dec.h"

enum {
	RT_TSFT, RT_FLAGS, RT_RATE, RT_CHANNEL, RT_FHSS, RT_DBM_SIGNAL, RT_DBM_NOISE,
	RT_LOCK_QUALITY, RT_TX_ATTEN, RT_DB_TX_ATTEN, RT_DBM_TX_POWER, RT_ANTENNA,
	RT_DB_SIGNAL, RT_DB_NOISE, RT_RX_FLAGS, RT_XCHANNEL = 18, RT_MCS, RT_AMPDU, RT_VHT,
	RT_NAMESPACE = 29, RT_VENDOR = 30, RT_EXT = 31,
};

/* A cursor over the header's fields (tcpdump's cpack state). */
struct rt_cur {
	const uint8_t *buf;        /* the header's first byte */
	size_t len, off;           /* it_len, and the next field's offset */
};

/* The next field of size n aligned to align, or NULL past the header. */
static const uint8_t *take(struct rt_cur *c, size_t align, size_t n)
{
	size_t off = (c->off + align - 1) & ~(align - 1);
	if (off + n > c->len)
		return NULL;
	c->off = off + n;
	return c->buf + off;
}

/* 20 MHz long-GI rates of the 802.11n MCS indices 33..76 in units of
 * 0.5 Mb/s (unequal modulation); 0..31 follow from the per-stream
 * rates, 40 MHz is 108/52 of 20 MHz and the short GI 10/9 of the long. */
static const uint16_t mcs_uneq[] = {
	78, 104, 130, 117, 156, 195, 104, 130, 130, 156, 182, 182, 208, 156, 195, 195, 234, 273, 273,
	312, 130, 156, 182, 156, 182, 208, 234, 208, 234, 260, 260, 286, 195, 234, 273, 234, 273,
	312, 351, 312, 351, 390, 390, 429,
};

static double ht_rate(unsigned mcs, int bw40, int sgi)
{
	static const double per_stream[] = { 6.5, 13, 19.5, 26, 39, 52, 58.5, 65 };
	double r;
	if (mcs < 32)
		r = per_stream[mcs % 8] * (mcs / 8 + 1);
	else if (mcs == 32)
		return bw40 ? (sgi ? 6.7 : 6.0) : 0.0;
	else
		r = mcs_uneq[mcs - 33] / 2.0;
	if (bw40)
		r = r * 108 / 52;
	return sgi ? r * 10 / 9 : r;
}

static void chaninfo(struct dec_ctx *d, unsigned freq, uint32_t flags, uint32_t present)
{
	/* the channel flags: turbo, CCK, OFDM, 2 GHz, 5 GHz, dynamic, GFSK,
	 * half and quarter rate, HT20, HT40+ and HT40- */
	int ghz2 = flags & 0x80, ofdm = flags & 0x40;
	dec_printf(d, "%u MHz", freq);
	if (present & (1u << RT_MCS))
		dec_printf(d, " 11n");
	else {
		if (ghz2 && (flags & 0x800))
			dec_printf(d, " FHSS");
		if ((flags & 0x100) && ofdm)
			dec_printf(d, flags & 0x4000 ? " 11a/10Mhz" : flags & 0x8000 ? " 11a/5Mhz" : " 11a");
		if (ghz2 && (ofdm || (flags & 0x400)))
			dec_printf(d, flags & 0x4000 ? " 11g/10Mhz" : flags & 0x8000 ? " 11g/5Mhz" : " 11g");
		else if (ghz2 && (flags & 0x20))
			dec_printf(d, " 11b");
		if (flags & 0x10)
			dec_printf(d, " Turbo");
	}
	if (flags & 0x10000)
		dec_printf(d, " ht/20");
	else if (flags & 0x40000)
		dec_printf(d, " ht/40-");
	else if (flags & 0x20000)
		dec_printf(d, " ht/40+");
	dec_printf(d, " ");
}

static const char *const ht_bw[] = { "20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)" };
static const char *const vht_bw[] = {
	"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)", "80 MHz", "80 MHz (L)", "80 MHz (U)",
	"80 MHz (LL)", "80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)", "160 MHz", "160 MHz (L)",
	"160 MHz (U)", "160 MHz (LL)", "160 MHz (LU)", "160 MHz (UL)", "160 MHz (UU)",
	"160 MHz (LLL)", "160 MHz (LLU)", "160 MHz (LUL)", "160 MHz (UUU)", "160 MHz (ULL)",
	"160 MHz (ULU)", "160 MHz (UUL)", "160 MHz (UUU)", "unknown (26)", "unknown (27)",
	"unknown (28)", "unknown (29)", "unknown (30)", "unknown (31)",
};

static void mcs(struct dec_ctx *d, const uint8_t *f)
{
	unsigned known = f[0], flags = f[1], idx = f[2];
	if (known & 0x02) {
		double r = 0.0;
		if (idx <= 76 && (known & 0x05))
			r = ht_rate(idx, (flags & 3) == 1, (flags & 4) != 0);
		if (r != 0.0)
			dec_printf(d, "%.1f Mb/s MCS %u ", r, idx);
		else
			dec_printf(d, "MCS %u ", idx);
	}
	if (known & 0x01)
		dec_printf(d, "%s ", ht_bw[flags & 3]);
	if (known & 0x04)
		dec_printf(d, "%s GI ", flags & 4 ? "short" : "long");
	if (known & 0x08)
		dec_printf(d, "%s ", flags & 8 ? "greenfield" : "mixed");
	if (known & 0x10)
		dec_printf(d, "%s FEC ", flags & 0x10 ? "LDPC" : "BCC");
	if (known & 0x20)
		dec_printf(d, "RX-STBC%u ", (flags & 0x60) >> 5);
}

static void vht(struct dec_ctx *d, const uint8_t *f)
{
	unsigned known = (unsigned)(f[0] | f[1] << 8), flags = f[2], coding = f[8];
	for (unsigned i = 0; i < 4; i++) {
		if (!(f[4 + i] & 0x0f))
			continue;
		dec_printf(d, "User %u MCS %u ", i, f[4 + i] >> 4);
		dec_printf(d, "%s FEC ", coding & (1u << i) ? "LDPC" : "BCC");
	}
	if (known & 0x40)
		dec_printf(d, "%s ", vht_bw[f[3] & 0x1f]);
	if (known & 0x04)
		dec_printf(d, "%s GI ", flags & 4 ? "short" : "long");
}

/* Size and alignment of each field tcpdump knows (0: unknown). */
static const struct {
	uint8_t size, align;
} fields[] = {
	[RT_TSFT] = { 8, 8 }, [RT_FLAGS] = { 1, 1 }, [RT_RATE] = { 1, 1 }, [RT_CHANNEL] = { 4, 2 },
	[RT_FHSS] = { 2, 1 }, [RT_DBM_SIGNAL] = { 1, 1 }, [RT_DBM_NOISE] = { 1, 1 },
	[RT_LOCK_QUALITY] = { 2, 2 }, [RT_TX_ATTEN] = { 2, 2 }, [RT_DB_TX_ATTEN] = { 1, 1 },
	[RT_DBM_TX_POWER] = { 1, 1 }, [RT_ANTENNA] = { 1, 1 }, [RT_DB_SIGNAL] = { 1, 1 },
	[RT_DB_NOISE] = { 1, 1 }, [RT_RX_FLAGS] = { 2, 2 }, [RT_XCHANNEL] = { 8, 4 },
	[RT_MCS] = { 3, 1 }, [RT_AMPDU] = { 8, 4 }, [RT_VHT] = { 12, 2 },
};

/* One field: 0, or -1 to stop reading the header. */
static int field(struct dec_ctx *d, struct rt_cur *c, unsigned bit, uint8_t *flagsp, uint32_t present)
{
	if (bit >= sizeof fields / sizeof fields[0] || !fields[bit].size) {
		dec_printf(d, "[bit %u] ", bit);
		return -1;
	}
	/* the multi-part fields are read part by part in tcpdump: each
	 * part's alignment counts (the channel's two 16-bit words, ...) */
	const uint8_t *f = take(c, fields[bit].align, fields[bit].size);
	if (!f) {
		dec_printf(d, " [|802.11_radio]");
		return -1;
	}
	switch (bit) {
	case RT_TSFT:
		dec_printf(d, "%lluus tsft ",
			   (unsigned long long)dec_get_le32(f) | (unsigned long long)dec_get_le32(f + 4) << 32);
		break;
	case RT_FLAGS:
		*flagsp = f[0];
		dec_printf(d, "%s%s%s%s%s", f[0] & 0x01 ? "cfp " : "", f[0] & 0x02 ? "short preamble " : "",
			   f[0] & 0x04 ? "wep " : "", f[0] & 0x08 ? "fragmented " : "", f[0] & 0x40 ? "bad-fcs " : "");
		break;
	case RT_RATE:
		if (f[0] >= 0x80 && f[0] <= 0x8f)
			dec_printf(d, "MCS %u ", f[0] & 0x7f);
		else
			dec_printf(d, "%2.1f Mb/s ", .5 * f[0]);
		break;
	case RT_CHANNEL:
		if (!(present & (1u << RT_XCHANNEL)))
			chaninfo(d, (unsigned)(f[0] | f[1] << 8), (uint32_t)(f[2] | f[3] << 8), present);
		break;
	case RT_FHSS:
		dec_printf(d, "fhset %d fhpat %d ", f[0], f[1]);
		break;
	case RT_DBM_SIGNAL:
		dec_printf(d, "%ddBm signal ", (int8_t)f[0]);
		break;
	case RT_DBM_NOISE:
		dec_printf(d, "%ddBm noise ", (int8_t)f[0]);
		break;
	case RT_LOCK_QUALITY:
		dec_printf(d, "%u sq ", (unsigned)(f[0] | f[1] << 8));
		break;
	case RT_TX_ATTEN:
		dec_printf(d, "%d tx power ", -(int)(f[0] | f[1] << 8));
		break;
	case RT_DB_TX_ATTEN:
		dec_printf(d, "%ddB tx attenuation ", -(int)f[0]); /* one byte in tcpdump */
		break;
	case RT_DBM_TX_POWER:
		dec_printf(d, "%ddBm tx power ", (int8_t)f[0]);
		break;
	case RT_ANTENNA:
		dec_printf(d, "antenna %u ", f[0]);
		break;
	case RT_DB_SIGNAL:
		dec_printf(d, "%udB signal ", f[0]);
		break;
	case RT_DB_NOISE:
		dec_printf(d, "%udB noise ", f[0]);
		break;
	case RT_XCHANNEL:
		chaninfo(d, (unsigned)(f[4] | f[5] << 8), dec_get_le32(f), present);
		break;
	case RT_MCS:
		mcs(d, f);
		break;
	case RT_VHT:
		vht(d, f);
		break;
	default: /* RX flags, A-MPDU status: read, not printed */
		break;
	}
	return 0;
}

int dec_radiotap(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "802.11_radio", 8);
	if (n >= 0)
		return n;
	size_t caplen = dec_avail(d, p, len), hl = dec_le16(d, p + 2);
	if (caplen < hl || hl < 8) {
		dec_printf(d, " [|802.11_radio]");
		return (int)caplen;
	}
	struct rt_cur c = { p, hl, 4 };
	const uint8_t *last = p + 4;
	while (last + 4 <= p + hl && (dec_get_le32(last) & (1u << RT_EXT)))
		last += 4;
	if (last + 4 > p + hl) { /* the bitmaps run past the header */
		dec_printf(d, " [|802.11_radio]");
		return (int)caplen;
	}
	c.off = (size_t)(last + 4 - p);
	uint8_t flags = 0;
	unsigned bit0 = 0;
	int vendor = 0;
	size_t skip = 0;
	for (const uint8_t *w = p + 4; w <= last; w += 4) {
		uint32_t present = dec_get_le32(w);
		if (vendor) {
			if (c.off + skip > c.len)
				break;
			c.off += skip;
			skip = 0;
		} else {
			int stop = 0;
			for (uint32_t rest = present; rest && !stop; rest &= rest - 1) {
				unsigned bitno = (unsigned)__builtin_ctz(rest);
				if (bitno >= RT_NAMESPACE)
					break;
				stop = field(d, &c, bit0 + bitno, &flags, present) != 0;
			}
			if (stop)
				break;
		}
		switch (present & (1u << RT_NAMESPACE | 1u << RT_VENDOR)) {
		case 0:
			bit0 += 32;
			break;
		case 1u << RT_NAMESPACE:
			bit0 = 0, vendor = 0, skip = 0;
			break;
		case 1u << RT_VENDOR: {
			bit0 = 0, vendor = 1;
			const uint8_t *v = take(&c, 2, 6); /* OUI, sub-namespace, skip length */
			if (!v) { /* tcpdump reads it byte by byte: what fits is consumed */
				dec_printf(d, " [|802.11_radio]");
				break;
			}
			skip = (size_t)(v[4] | v[5] << 8);
			break;
		}
		default: /* both: undefined, ignored */
			break;
		}
	}
	d->hdrlen = (int)hl;
	return (int)hl + dec_wlan(d, p + hl, len - hl, (flags & 0x20) != 0, (flags & 0x10) ? 4 : 0);
}
