/* capture.c: capture files in and out through libpcap.
 *
 * libpcap already knows every pcap and pcapng variant and rejects damaged
 * ones (bad magic, truncated records, caplen beyond the maximum, hostile
 * pcapng block lengths); we only add where the fault is: the file name and
 * the index of the packet being read, so the message is actionable.  The
 * read loop allocates nothing: pcap_next_ex hands out its own buffer. */
#include "capture.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
		/* libpcap names the file itself when open(2) fails, not when
		 * the contents are wrong: name it once either way */
		size_t n = strlen(path);
		if (!strncmp(ebuf, path, n) && ebuf[n] == ':')
			snprintf(r->err, sizeof r->err, "%s", ebuf);
		else
			snprintf(r->err, sizeof r->err, "%s: %s", cap_display(path), ebuf);
		return -1;
	}
	return 0;
}

/* tcpdump's live settings: 1 s buffer timeout (a stop signal wakes the
 * wait at once through pcap_breakloop), promiscuous by default. */
#define CAP_LIVE_TIMEOUT_MS 1000

int cap_open_live(struct cap_reader *r, const char *dev, uint32_t snaplen, int promisc, int dir)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	memset(r, 0, sizeof *r);
	r->path = dev;
	r->live = 1;
	r->p = pcap_create(dev, ebuf);
	if (!r->p) {
		snprintf(r->err, sizeof r->err, "%s: %s", dev, ebuf);
		return -1;
	}
	pcap_set_snaplen(r->p, (int)(snaplen > 262144 ? 262144 : snaplen));
	pcap_set_promisc(r->p, promisc);
	pcap_set_timeout(r->p, CAP_LIVE_TIMEOUT_MS);
	int rc = pcap_activate(r->p);
	if (rc < 0) {
		/* tcpdump's wording: the error, and libpcap's detail if any */
		const char *why = rc == PCAP_ERROR ? pcap_geterr(r->p) : pcap_statustostr(rc);
		if (rc == PCAP_ERROR_NO_SUCH_DEVICE || rc == PCAP_ERROR_PERM_DENIED)
			snprintf(r->err, sizeof r->err, "%s: %s (%s)", dev, pcap_statustostr(rc), pcap_geterr(r->p));
		else
			snprintf(r->err, sizeof r->err, "%s: %s", dev, why);
		cap_close(r);
		return -1;
	}
	if (rc > 0) /* a warning: the capture runs */
		fprintf(stderr, "warning: %s: %s\n", dev, rc == PCAP_WARNING ? pcap_geterr(r->p) : pcap_statustostr(rc));
	if (dir != PCAP_D_INOUT && pcap_setdirection(r->p, (pcap_direction_t)dir) < 0) {
		snprintf(r->err, sizeof r->err, "%s: %s", dev, pcap_geterr(r->p));
		cap_close(r);
		return -1;
	}
	return 0;
}

int cap_next(struct cap_reader *r, struct pcap_pkthdr **h, const u_char **data)
{
	int rc;
	/* a live capture's buffer timeout returns 0 with no packet: wait on */
	while ((rc = pcap_next_ex(r->p, h, data)) == 0 && r->live)
		;
	switch (rc) {
	case 1:
		r->count++;
		return 1;
	case PCAP_ERROR_BREAK: /* -2: no more packets in a file, or broken off */
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

/* Remember the first write error with its reason; later ones add nothing. */
static int writer_fail(struct cap_writer *w, int e)
{
	if (!w->failed)
		snprintf(w->err, sizeof w->err, "%s: %s", cap_display(w->path), strerror(e ? e : EIO));
	w->failed = 1;
	return -1;
}

int cap_writer_open(struct cap_writer *w, const char *path, const struct cap_reader *like)
{
	return cap_writer_open_pcap(w, path, like->p);
}

int cap_writer_open_pcap(struct cap_writer *w, const char *path, pcap_t *like)
{
	memset(w, 0, sizeof *w);
	w->path = path;
	w->linktype = pcap_datalink(like);
	/* pcap_dump_open takes link type, snaplen and precision from the
	 * handle, which is what makes our output equal tcpdump's. */
	w->d = pcap_dump_open(like, path);
	if (!w->d) {
		snprintf(w->err, sizeof w->err, "%s: %s", cap_display(path), pcap_geterr(like));
		return -1;
	}
	return 0;
}

int cap_write(struct cap_writer *w, const struct pcap_pkthdr *h, const u_char *data)
{
	if (w->failed)
		return -1;
	/* pcap_dump returns nothing: a failed write(2) inside fwrite leaves
	 * the stream's error flag and errno, so look right after it */
	FILE *f = pcap_dump_file(w->d);
	errno = 0;
	pcap_dump((u_char *)w->d, h, data);
	if (ferror(f))
		return writer_fail(w, errno);
	if (w->flush_each && pcap_dump_flush(w->d) != 0)
		return writer_fail(w, errno);
	return 0;
}

int cap_writer_close(struct cap_writer *w)
{
	if (!w->d)
		return w->failed ? -1 : 0;
	FILE *f = pcap_dump_file(w->d);
	errno = 0;
	if (pcap_dump_flush(w->d) != 0 || ferror(f))
		writer_fail(w, errno);
	/* pcap_dump_close fcloses the stream; standard output stays open
	 * for the caller's own final check (cli/main.c), so only flush it */
	if (f == stdout) {
		w->d = NULL;
		return w->failed ? -1 : 0;
	}
	pcap_dump_close(w->d);
	w->d = NULL;
	return w->failed ? -1 : 0;
}

/* st_dev/st_ino of PATH, or of the descriptor "-" stands for. */
static int file_id(const char *path, int fd, struct stat *st)
{
	return strcmp(path, "-") ? stat(path, st) : fstat(fd, st);
}

int cap_same_file(const char *in, const char *out)
{
	struct stat a, b;
	if (file_id(in, STDIN_FILENO, &a) < 0 || file_id(out, STDOUT_FILENO, &b) < 0)
		return 0; /* the output does not exist yet: it cannot be the input */
	/* a pipe or terminal on both ends is not one file being overwritten */
	if (!S_ISREG(a.st_mode) || !S_ISREG(b.st_mode))
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}
