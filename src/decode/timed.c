/* timed.c: the BSD time synchronisation protocol, TSP (UDP 525; timed(8),
 * "The Berkeley UNIX Time Synchronization Protocol") as tcpdump 4.99
 * prints it: "TSP_MASTERREQ vers 1 seq 3 name host", with the hop count
 * of a loop packet or the time a set/adjust message carries.  The name is
 * a NUL-terminated string of up to 256 bytes; bytes past the capture end
 * the line " [|timed]". */
#include "decode/dec.h"

#define TSP_ADJTIME 1
#define TSP_SETTIME 5
#define TSP_SETDATE 22
#define TSP_SETDATEREQ 23
#define TSP_LOOP 24
#define TSP_TIME 4      /* offset of the time (or hop count) */
#define TSP_NAME 12     /* offset of the host name */
#define TSP_NAME_MAX 256

static const struct dec_tok tsp_types[] = {
	{ 0, "TSP_ANY" }, { TSP_ADJTIME, "TSP_ADJTIME" }, { 2, "TSP_ACK" }, { 3, "TSP_MASTERREQ" },
	{ 4, "TSP_MASTERACK" }, { TSP_SETTIME, "TSP_SETTIME" }, { 6, "TSP_MASTERUP" }, { 7, "TSP_SLAVEUP" },
	{ 8, "TSP_ELECTION" }, { 9, "TSP_ACCEPT" }, { 10, "TSP_REFUSE" }, { 11, "TSP_CONFLICT" },
	{ 12, "TSP_RESOLVE" }, { 13, "TSP_QUIT" }, { 14, "TSP_DATE" }, { 15, "TSP_DATEREQ" },
	{ 16, "TSP_DATEACK" }, { 17, "TSP_TRACEON" }, { 18, "TSP_TRACEOFF" }, { 19, "TSP_MSITE" },
	{ 20, "TSP_MSITEREQ" }, { 21, "TSP_TEST" }, { TSP_SETDATE, "TSP_SETDATE" },
	{ TSP_SETDATEREQ, "TSP_SETDATEREQ" }, { TSP_LOOP, "TSP_LOOP" }, { 0, NULL },
};

void dec_timed(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	(void)len;
	d->proto = "timed";
	unsigned type = dec_u8(d, p);
	dec_tokf(d, tsp_types, type, "(tsp_type %#x)");
	dec_printf(d, " vers %u", dec_u8(d, p + 1));
	dec_printf(d, " seq %u", dec_be16(d, p + 2));
	switch (type) {
	case TSP_LOOP:
		dec_printf(d, " hopcnt %u", dec_u8(d, p + TSP_TIME));
		break;
	case TSP_SETTIME: case TSP_ADJTIME: case TSP_SETDATE: case TSP_SETDATEREQ: {
		int32_t sec = (int32_t)dec_be32(d, p + TSP_TIME), usec = (int32_t)dec_be32(d, p + TSP_TIME + 4);
		if (usec < 0) /* invalid: tcpdump prints no more */
			return;
		dec_printf(d, " time ");
		if (sec < 0 && usec != 0) {
			sec++;
			if (sec == 0)
				dec_printf(d, "-");
			usec = 1000000 - usec;
		}
		dec_printf(d, "%d.%06d", sec, usec);
		break;
	}
	}
	dec_printf(d, " name ");
	dec_text(d, p + TSP_NAME, TSP_NAME_MAX, DEC_TEXT_NUL);
}
