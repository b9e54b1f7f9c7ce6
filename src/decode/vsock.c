/* vsock.c: Linux vsock monitor records (DLT_VSOCK), as tcpdump 4.99
 * prints them: the transport, the addresses and the operation ("VIRTIO
 * 3.1024 > 2.1234 CONNECT, length 76", the captured length); with -v the
 * virtio header in parentheses and the addresses on the next line, with
 * -vv a payload's bytes in hex.  All fields are little-endian. */
#include "decode/dec.h"

enum { MON_HDRLEN = 32, VIRTIO_HDRLEN = 44, TRANSPORT_VIRTIO = 2, OP_PAYLOAD = 4 };

static const struct dec_tok transports[] = { { 0, "UNKNOWN" }, { 1, "NO_INFO" }, { 2, "VIRTIO" }, { 0, NULL } };
static const struct dec_tok ops[] = {
	{ 0, "UNKNOWN" }, { 1, "CONNECT" }, { 2, "DISCONNECT" }, { 3, "CONTROL" }, { 4, "PAYLOAD" }, { 0, NULL },
};
static const struct dec_tok virtio_types[] = { { 1, "STREAM" }, { 0, NULL } };
static const struct dec_tok virtio_ops[] = {
	{ 0, "INVALID" }, { 1, "REQUEST" }, { 2, "RESPONSE" }, { 3, "RST" }, { 4, "SHUTDOWN" }, { 5, "RW" },
	{ 6, "CREDIT UPDATE" }, { 7, "CREDIT REQUEST" }, { 0, NULL },
};

static uint64_t le64(struct dec_ctx *d, const uint8_t *p)
{
	return (uint64_t)dec_le32(d, p) | (uint64_t)dec_le32(d, p + 4) << 32;
}

static void virtio(struct dec_ctx *d, const uint8_t *h)
{
	dec_printf(d, " (len %u, type ", dec_le32(d, h + 24));
	dec_tokf(d, virtio_types, dec_le16(d, h + 28), "Invalid type (%u)");
	dec_printf(d, ", op ");
	dec_tokf(d, virtio_ops, dec_le16(d, h + 30), "Invalid op (%u)");
	dec_printf(d, ", flags %x, buf_alloc %u, fwd_cnt %u)", dec_le32(d, h + 32), dec_le32(d, h + 36),
		   dec_le32(d, h + 40));
}

int dec_link_vsock(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	size_t caplen = dec_avail(d, p, len);
	int n = dec_link_begin(d, p, len, "vsock", 0);
	(void)n;
	d->hdrlen = MON_HDRLEN;
	unsigned transport = dec_le16(d, p + 26), op;
	dec_tokf(d, transports, transport, "Invalid transport (%u)");
	if (d->o.vflag) {
		if (transport == TRANSPORT_VIRTIO)
			virtio(d, p + MON_HDRLEN);
		dec_printf(d, "\n\t");
	} else
		dec_printf(d, " ");
	uint64_t src = le64(d, p), dst = le64(d, p + 8);
	dec_printf(d, "%llu.%u > %llu.%u ", (unsigned long long)src, dec_le32(d, p + 16), (unsigned long long)dst,
		   dec_le32(d, p + 20));
	op = dec_le16(d, p + 24);
	dec_tokf(d, ops, op, " invalid op (%u)");
	dec_printf(d, ", length %zu", caplen);
	size_t total = MON_HDRLEN + (transport == TRANSPORT_VIRTIO ? VIRTIO_HDRLEN : 0);
	if (d->o.vflag > 1 && op == OP_PAYLOAD) {
		if (caplen <= total) {
			dec_printf(d, " [|vsock]");
			return MON_HDRLEN;
		}
		dec_printf(d, "\n");
		dec_hexlines(d, "\t", p + total, caplen - total);
	}
	return MON_HDRLEN;
}
