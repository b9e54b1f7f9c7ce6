/* fmttime.c: a time as tcpdump's nd_format_time writes it, for the
 * printers that show dates inside a packet. */
#include <time.h>

#include "decode/dec.h"

const char *dec_format_time(char *buf, size_t n, const char *fmt, time_t t, int local)
{
	struct tm tm;
	if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)) || !strftime(buf, n, fmt, &tm))
		return "[Error converting time]";
	return buf;
}
