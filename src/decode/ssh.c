/* ssh.c: an SSH version line on TCP port 22, as tcpdump 4.99 prints it
 * (": SSH: SSH-2.0-OpenSSH_7.5"): the line must start "SSH-", hold only
 * printable ASCII and end, in this segment, with LF or CR LF; anything
 * else prints nothing. */
#include "decode/dec.h"

void dec_ssh(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "ssh";
	static const char prefix[] = "SSH-";
	size_t i = 0;
	for (; i < 4; i++)
		if (dec_u8(d, p + i) != (uint8_t)prefix[i])
			return;
	for (; i < len; i++) {
		uint8_t c = dec_u8(d, p + i);
		if (c == '\n')
			break;
		if (c == '\r') {
			if (i + 1 >= len || dec_u8(d, p + i + 1) != '\n')
				return;
			break;
		}
		if (c < 0x20 || c > 0x7e)
			return;
	}
	if (i >= len)
		return;
	dec_printf(d, ": SSH: %.*s", (int)i, (const char *)p);
}
