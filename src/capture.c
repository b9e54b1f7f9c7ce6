/* capture.c: capture files in and out through libpcap.
 *
 * libpcap already knows every pcap and pcapng variant and rejects damaged
 * ones (bad magic, truncated records, caplen beyond the maximum, hostile
 * pcapng block lengths); we only add where the fault is: the file name and
 * the index of the packet being read, so the message is actionable.  The
 * read loop allocates nothing: pcap_next_ex hands out its own buffer. */
#include "capture.h"
#include <stdio.h>
#include <string.h>

const char *cap_display(const char *path)
{
	return strcmp(path, "-") ? path : "stdin";
}

int cap_open(struct cap_reader *r, const char *path)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	memset(r, 0, sizeof *r);
	r->path = path;
	r->p = pcap_open_offline(path, ebuf);
	if (!r->p) {
		snprintf(r->err, sizeof r->err, "%s: %s", cap_display(path), ebuf);
		return -1;
	}
	return 0;
}

int cap_next(struct cap_reader *r, struct pcap_pkthdr **h, const u_char **data)
{
	switch (pcap_next_ex(r->p, h, data)) {
	case 1:
		r->count++;
		return 1;
	case PCAP_ERROR_BREAK: /* -2: no more packets in a file */
		return 0;
	default:
		snprintf(r->err, sizeof r->err, "%s: packet %lu: %s", cap_display(r->path),
			 r->count + 1, pcap_geterr(r->p));
		return -1;
	}
}

int cap_linktype(const struct cap_reader *r)
{
	return pcap_datalink(r->p);
}

uint32_t cap_snaplen(const struct cap_reader *r)
{
	int s = pcap_snapshot(r->p);
	return s > 0 ? (uint32_t)s : 262144;
}

void cap_close(struct cap_reader *r)
{
	if (r->p)
		pcap_close(r->p);
	r->p = NULL;
}

int cap_writer_open(struct cap_writer *w, const char *path, const struct cap_reader *like)
{
	memset(w, 0, sizeof *w);
	w->path = path;
	w->linktype = cap_linktype(like);
	/* pcap_dump_open takes link type, snaplen and precision from the
	 * reader, which is what makes our output equal tcpdump's. */
	w->d = pcap_dump_open(like->p, path);
	if (!w->d) {
		snprintf(w->err, sizeof w->err, "%s: %s", cap_display(path), pcap_geterr(like->p));
		return -1;
	}
	return 0;
}

void cap_write(struct cap_writer *w, const struct pcap_pkthdr *h, const u_char *data)
{
	pcap_dump((u_char *)w->d, h, data);
}

int cap_writer_close(struct cap_writer *w)
{
	if (!w->d)
		return 0;
	FILE *f = pcap_dump_file(w->d);
	int bad = pcap_dump_flush(w->d) != 0 || ferror(f);
	/* pcap_dump_close closes the FILE, even stdout; its fclose result is
	 * not returned, so a late failure there is caught by the flush above. */
	pcap_dump_close(w->d);
	w->d = NULL;
	if (bad) {
		snprintf(w->err, sizeof w->err, "%s: write failed", cap_display(w->path));
		return -1;
	}
	return 0;
}
