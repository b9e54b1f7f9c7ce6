/* cksum.c: the Internet checksum (RFC 1071) and the IPv4 / IPv6
 * pseudo-headers TCP, UDP and ICMPv6 sum over (RFC 793, RFC 8200 8.1).
 * Callers pass only captured bytes; the verdicts are printed elsewhere
 * (the tcpdump line's "bad cksum", dissect's worked sums). */
#include "decode/dec.h"

uint64_t dec_words(const uint8_t *p, size_t n, long zero_at)
{
	uint64_t s = 0;
	for (size_t i = 0; i < n; i += 2)
		if (zero_at < 0 || (long)i != zero_at)
			s += (uint32_t)(p[i] << 8 | (i + 1 < n ? p[i + 1] : 0));
	return s;
}

uint32_t dec_sum(const uint8_t *p, size_t n, uint32_t acc)
{
	uint64_t s = acc + dec_words(p, n, -1);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint32_t)s;
}

uint16_t dec_fold(uint32_t acc)
{
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (uint16_t)~acc;
}

uint16_t dec_cksum_ip4(const uint8_t *iph, const uint8_t *p, size_t n, unsigned proto)
{
	uint32_t acc = dec_sum(iph + 12, 8, 0); /* source and destination */
	acc += proto + (uint32_t)n;
	return dec_fold(dec_sum(p, n, acc));
}

uint16_t dec_cksum_ip6(const uint8_t *src, const uint8_t *dst, const uint8_t *p, size_t n, unsigned nh)
{
	uint32_t acc = dec_sum(src, 16, 0);
	acc = dec_sum(dst, 16, acc);
	acc += (uint32_t)(n >> 16) + (uint32_t)(n & 0xffff) + nh;
	return dec_fold(dec_sum(p, n, acc));
}

/* What the checksum field should hold, given the field and the checksum
 * computed over the data including it (RFC 1624's incremental update). */
uint16_t dec_shouldbe(uint16_t field, uint16_t computed)
{
	uint32_t s = (uint32_t)field + computed;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}
