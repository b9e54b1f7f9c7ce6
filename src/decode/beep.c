/* beep.c: BEEP (RFC 3080; TCP 10288) as tcpdump 4.99 prints it: the
 * frame's keyword, " BEEP MSG", or " BEEP (payload or undecoded)".
 * tcpdump compares four bytes with each keyword and its NUL: "MSG" and
 * "END" only match when a NUL follows them, the others with their space. */
#include <string.h>

#include "decode/dec.h"

static const char *const beep_words[] = { "MSG", "RPY ", "ERR ", "ANS ", "NUL ", "SEQ ", "END" };

void dec_beep(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "beep";
	for (size_t i = 0; i < sizeof beep_words / sizeof beep_words[0]; i++)
		if (len >= 4 && dec_has(d, p, 4) && !strncmp(beep_words[i], (const char *)p, 4)) {
			dec_printf(d, " BEEP %.3s", beep_words[i]);
			return;
		}
	dec_printf(d, " BEEP (payload or undecoded)");
}
