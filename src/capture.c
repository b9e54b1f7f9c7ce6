/* capture.c: capture files in and out, with libpcap as the reference.
 *
 * libpcap already knows every pcap and pcapng variant and rejects damaged
 * ones (bad magic, truncated records, caplen beyond the maximum, hostile
 * pcapng block lengths); we add where the fault is: the file name and
 * the index of the packet being read, so the message is actionable.
 *
 * Speed.  libpcap reads each record with two fread calls and copies it
 * into its own buffer; at a few million packets per second that per-record
 * work, not the filter, is what a `filter -w` run spends its time on.  So
 * for the common case, a plain pcap file on disk, the block reader below
 * reads 1 MiB at a time and hands out records in place; the writer
 * gathers matches into blocks the same way.  Where a record's bytes in the
 * block are the very bytes -w writes (a pcap file in this host's byte
 * order, microsecond stamps, written as pcap), a run of consecutive
 * matches is written from the block itself (cap_write_from: a "span" the
 * reader flushes before it moves its block), so a filter that keeps most
 * packets costs one copy less.  libpcap still opens the file
 * (its header checks and messages are the ones users see) and takes over
 * at the first record it would treat specially: the block reader only
 * hands out what libpcap would hand out unchanged, never a verdict of its
 * own.  The read loop allocates nothing. */
#include "capture.h"
#include <byteswap.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static void block_open(struct cap_reader *r);

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
	block_open(r);
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

/* ---------------------------------------------------------------------
 * The block reader
 *
 * It applies to a regular file (not "-": standard input may not start at
 * the file's beginning) whose header libpcap accepted with one of the two
 * plain magics (microseconds a1b2c3d4, nanoseconds a1b23c4d) in either
 * byte order, version 2.4 (older versions may swap caplen and len), and
 * whose link type libpcap does not rewrite on reading.  Records are read
 * with pread on libpcap's own descriptor, so its stream position is
 * untouched until the hand-over moves it to the first record the block
 * reader will not judge: one with caplen above the snapshot length
 * (libpcap cuts or refuses it), one cut short by the end of the file, one
 * larger than a block, or a failed read.  From there libpcap reads the
 * rest, so damaged files give libpcap's records and messages exactly.
 * ------------------------------------------------------------------- */

#define CAP_MAGIC_MICRO 0xa1b2c3d4u
#define CAP_MAGIC_NANO 0xa1b23c4du

/* Link types whose pseudo-header libpcap rewrites as it reads (pcap-common.c
 * pcap_post_process: swap_pseudo_headers when the file is byte-swapped,
 * fixup_pcap_pkthdr for USB_LINUX_MMAPPED always): left to libpcap. */
static const struct {
	int dlt;
	int always;              /* 0: only in byte-swapped files */
} cap_rewritten[] = {
	{ DLT_PFLOG, 0 },
	{ DLT_LINUX_SLL, 0 },
	{ DLT_LINUX_SLL2, 0 },
	{ DLT_USB_LINUX, 0 },
	{ DLT_NFLOG, 0 },
	{ DLT_USB_LINUX_MMAPPED, 1 },
};

static int block_applies(const struct cap_reader *r, int fd, int *nano)
{
	struct stat st;
	uint32_t magic;
	int swapped = pcap_is_swapped(r->p) == 1;
	if (!strcmp(r->path, "-") || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	if (pread(fd, &magic, sizeof magic, 0) != (ssize_t)sizeof magic)
		return 0;
	if (swapped)
		magic = bswap_32(magic);
	if (magic != CAP_MAGIC_MICRO && magic != CAP_MAGIC_NANO)
		return 0;
	if (pcap_major_version(r->p) != 2 || pcap_minor_version(r->p) != 4)
		return 0;
	for (size_t i = 0; i < sizeof cap_rewritten / sizeof cap_rewritten[0]; i++)
		if (cap_rewritten[i].dlt == pcap_datalink(r->p) && (swapped || cap_rewritten[i].always))
			return 0;
	*nano = magic == CAP_MAGIC_NANO;
	return 1;
}

/* Set r->blk if the block reader applies; without memory it does not. */
static void block_open(struct cap_reader *r)
{
	FILE *f = pcap_file(r->p);
	int nano = 0;
	if (!f || !block_applies(r, fileno(f), &nano))
		return;
	struct cap_block *b = calloc(1, sizeof *b);
	if (!b || !(b->buf = malloc(CAP_BLOCK))) {
		free(b);
		return;
	}
	b->fd = fileno(f);
	b->swapped = pcap_is_swapped(r->p) == 1;
	b->nano = nano;
	b->snapshot = (uint32_t)pcap_snapshot(r->p);
	b->off = CAP_FILE_HEADER;
	b->end = UINT64_MAX;
	r->blk = b;
}

static int writer_flush(struct cap_writer *w);

static void block_free(struct cap_reader *r)
{
	if (r->blk && r->blk->tied) /* its span points into the block */
		writer_flush(r->blk->tied);
	if (r->blk)
		free(r->blk->buf);
	free(r->blk);
	r->blk = NULL;
}

/* Keep the unread tail, read after it: 1 read, 0 end of file, -1 the
 * block is full (a record larger than a block) or the read failed. */
static int block_fill(struct cap_block *b)
{
	if (b->tied) /* a writer's span is about to move: write it now */
		writer_flush(b->tied);
	memmove(b->buf, b->buf + b->pos, b->len - b->pos);
	b->off += b->pos;
	b->len -= b->pos;
	b->pos = 0;
	if (b->len == CAP_BLOCK)
		return -1;
	ssize_t n;
	while ((n = pread(b->fd, b->buf + b->len, CAP_BLOCK - b->len, (off_t)(b->off + b->len))) < 0 &&
	       errno == EINTR)
		;
	if (n <= 0)
		return n < 0 ? -1 : 0;
	b->len += (size_t)n;
	return 1;
}

/* 1 with the next record, 0 at a clean end of file, or -1 when libpcap
 * is to read on from here (its stream moved to the record), or -2 if
 * that move failed (r->err set). */
static int block_next(struct cap_reader *r, struct pcap_pkthdr **h, const u_char **data)
{
	struct cap_block *b = r->blk;
	int got = 1;
	for (;;) {
		if (b->off + b->pos >= b->end) { /* the next record is another range's */
			b->done = 1;
			return 0;
		}
		const uint8_t *rec = cap_block_record(b);
		if (rec) {
			*h = &b->hdr;
			*data = rec;
			return 1;
		}
		if (b->len - b->pos >= CAP_RECORD_HEADER) {
			/* a whole header: a caplen libpcap cuts or refuses, or
			 * a record still to be read */
			uint32_t caplen;
			memcpy(&caplen, b->buf + b->pos + 8, sizeof caplen);
			if ((b->swapped ? bswap_32(caplen) : caplen) > b->snapshot)
				break;
		}
		if ((got = block_fill(b)) <= 0)
			break;
	}
	if (got == 0 && b->pos == b->len) {
		b->done = 1;
		return 0;
	}
	if (b->ranged) { /* cap_range: the caller reads on with libpcap */
		b->odd = 1;
		return 0;
	}
	/* libpcap reads on from this record */
	off_t at = (off_t)(b->off + b->pos);
	FILE *f = pcap_file(r->p);
	block_free(r);
	if (fseeko(f, at, SEEK_SET) < 0) {
		snprintf(r->err, sizeof r->err, "%s: packet %lu: %s", cap_display(r->path), r->count + 1,
			 strerror(errno));
		return -2;
	}
	return -1;
}

/* ---------------------------------------------------------------------
 * Splitting one file (filter --jobs): each thread walks the records that
 * start in its range.  A range's start is a guess (cap_boundary: no
 * index says where records start); the walk of the range before it ends
 * exactly there if the guess was right, and the caller checks that
 * (cap_range_stop) before it uses a range's records.
 * ------------------------------------------------------------------- */

/* Bytes looked at for a boundary, and how many plausible record headers
 * in a row (each at the end of the one before) make one. */
#define CAP_PROBE (256u << 10)
#define CAP_CHAIN 16
/* A chain's head may be a coincidence in a packet's bytes that happens to
 * end on a true record (a caplen that lands there): the chains from the
 * false head and the true one then merge.  A link some way down the chain
 * is a record start whichever head was true. */
#define CAP_SKIP 4
/* The largest wire length taken for plausible (jumbo frames, TSO). */
#define CAP_PLAUSIBLE_LEN (1u << 24)

/* A record header as a writer would have written it: a caplen libpcap
 * accepts and a wire length at least that, not 0 (runs of zero bytes are
 * not records).  The stamps say nothing: libpcap takes any, and writers
 * put a whole second or more in the fraction. */
static int plausible(const struct cap_block *b, const uint8_t *p, uint32_t *caplen)
{
	uint32_t f[4];
	memcpy(f, p, sizeof f);
	if (b->swapped)
		for (int i = 0; i < 4; i++)
			f[i] = bswap_32(f[i]);
	*caplen = f[2];
	return f[2] <= b->snapshot && f[3] >= f[2] && f[3] > 0 && f[3] <= CAP_PLAUSIBLE_LEN;
}

int cap_splittable(const struct cap_reader *r)
{
	return r->blk != NULL;
}

uint64_t cap_boundary(const struct cap_reader *r, uint64_t near)
{
	const struct cap_block *b = r->blk;
	uint8_t *w = b ? malloc(CAP_PROBE) : NULL;
	ssize_t n;
	if (!w)
		return 0;
	while ((n = pread(b->fd, w, CAP_PROBE, (off_t)near)) < 0 && errno == EINTR)
		;
	uint64_t found = 0;
	/* a candidate in the first half, so that its chain has room */
	for (size_t c = 0; n > 0 && c < (size_t)n / 2 && !found; c++) {
		size_t at = c, pick = c;
		uint32_t caplen;
		int k = 0;
		while (k < CAP_CHAIN && at + CAP_RECORD_HEADER <= (size_t)n && plausible(b, w + at, &caplen)) {
			if (k <= CAP_SKIP)
				pick = at;
			at += CAP_RECORD_HEADER + caplen;
			k++;
		}
		/* enough in a row, or large records that left the window: the
		 * boundary is a link down the chain (the CAP_SKIP-th, or the
		 * last in the window), not its head */
		if (k == CAP_CHAIN || (k >= 2 && at + CAP_RECORD_HEADER > (size_t)n))
			found = near + pick;
	}
	free(w);
	return found;
}

int cap_seek(struct cap_reader *r, uint64_t off, unsigned long count)
{
	struct cap_block *b = r->blk;
	if (!b)
		return -1;
	b->off = off;
	b->len = b->pos = 0;
	r->count = count;
	return 0;
}

int cap_range(struct cap_reader *r, uint64_t start, uint64_t end)
{
	if (cap_seek(r, start, 0) < 0)
		return -1;
	r->blk->end = end;
	r->blk->ranged = 1;
	return 0;
}

uint64_t cap_range_stop(const struct cap_reader *r, int *whole)
{
	const struct cap_block *b = r->blk;
	*whole = b && b->done && !b->odd;
	return b ? b->off + b->pos : 0;
}

int cap_next(struct cap_reader *r, struct pcap_pkthdr **h, const u_char **data)
{
	int rc;
	if (r->blk) {
		rc = block_next(r, h, data);
		if (rc == 1)
			r->count++;
		if (rc >= 0)
			return rc;
		if (rc == -2)
			return -1;
	}
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

int cap_regular(const struct cap_reader *r)
{
	struct stat st;
	FILE *f = r->live || !r->p ? NULL : pcap_file(r->p);
	return f && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
}

void cap_close(struct cap_reader *r)
{
	block_free(r);
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
	return cap_writer_open_as(w, path, like, CAP_PCAP);
}

/* pcapng's blocks (draft-ietf-opsawg-pcapng), in host byte order as the
 * section header's byte-order magic says. */
#define NG_SHB 0x0A0D0D0Au
#define NG_IDB 0x00000001u
#define NG_EPB 0x00000006u
#define NG_MAGIC 0x1A2B3C4Du
#define NG_OPT_TSRESOL 9

static void put32(uint8_t **p, uint32_t v)
{
	memcpy(*p, &v, 4);
	*p += 4;
}

/* The section header and the one interface, into the block buffer. */
static void ng_header(struct cap_writer *w, pcap_t *like)
{
	uint8_t *p = w->buf;
	put32(&p, NG_SHB);
	put32(&p, 28);
	put32(&p, NG_MAGIC);
	put32(&p, 1);           /* version 1.0 */
	put32(&p, 0xffffffffu); /* section length: not given */
	put32(&p, 0xffffffffu);
	put32(&p, 28);
	put32(&p, NG_IDB);
	put32(&p, 32);
	put32(&p, (uint32_t)pcap_datalink(like) & 0xffff); /* link type, reserved */
	put32(&p, (uint32_t)pcap_snapshot(like));
	put32(&p, NG_OPT_TSRESOL | 1u << 16);               /* if_tsresol, 1 byte */
	put32(&p, w->nano ? 9u : 6u);                      /* 10^-9 or 10^-6, padded */
	put32(&p, 0);                                      /* opt_endofopt */
	put32(&p, 32);
	w->len = (size_t)(p - w->buf);
}

int cap_writer_open_as(struct cap_writer *w, const char *path, pcap_t *like, enum cap_format fmt)
{
	memset(w, 0, sizeof *w);
	w->path = path;
	w->format = fmt;
	w->linktype = pcap_datalink(like);
	w->nano = pcap_get_tstamp_precision(like) == PCAP_TSTAMP_PRECISION_NANO;
	w->fd = -1;
	w->buf = malloc(CAP_BLOCK);
	if (!w->buf) {
		snprintf(w->err, sizeof w->err, "%s: %s", cap_display(path), strerror(ENOMEM));
		return -1;
	}
	w->open = 1;
	if (fmt == CAP_PCAPNG) {
		w->header_out = 1; /* the header is ours, in the block */
		w->fd = strcmp(path, "-") ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666) : STDOUT_FILENO;
		if (w->fd < 0) {
			writer_fail(w, errno);
			cap_writer_close(w);
			return -1;
		}
		ng_header(w, like);
		return 0;
	}
	/* pcap_dump_open takes link type, snaplen and precision from the
	 * handle, which is what makes our output equal tcpdump's. */
	w->d = pcap_dump_open(like, path);
	if (!w->d) {
		snprintf(w->err, sizeof w->err, "%s: %s", cap_display(path), pcap_geterr(like));
		free(w->buf);
		w->buf = NULL;
		w->open = 0;
		return -1;
	}
	/* The header is libpcap's (still in the stream's buffer); the records
	 * are ours, gathered in blocks and written to the stream's descriptor
	 * after the header (writer_flush). */
	w->fd = fileno(pcap_dump_file(w->d));
	return 0;
}

/* The span is written or copied: the block may move. */
static void writer_untie(struct cap_writer *w)
{
	if (w->tied)
		w->tied->tied = NULL;
	w->tied = NULL;
	w->span = NULL;
	w->span_len = 0;
}

/* Write IOV[0..N) whole, resuming a write cut short by a signal (a
 * pipe), so the stream never ends in half a record. */
static int writev_all(struct cap_writer *w, struct iovec *iov, int n)
{
	while (n > 0) {
		ssize_t got = writev(w->fd, iov, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return writer_fail(w, got < 0 ? errno : EIO);
		size_t left = (size_t)got;
		for (; n > 0 && left >= iov->iov_len; iov++, n--)
			left -= iov->iov_len;
		if (n > 0) { /* cut inside *iov */
			iov->iov_base = (uint8_t *)iov->iov_base + left;
			iov->iov_len -= left;
		}
	}
	return 0;
}

/* Write LEN bytes at P (to the sink, with the file offset AT they stand
 * at in the input, or CAP_NOWHERE). */
static int write_all(struct cap_writer *w, const uint8_t *p, size_t len, uint64_t at)
{
	if (w->sink) /* cap_writer_records: the caller's */
		return len && w->sink(w->sink_ctx, p, len, at) < 0 ? writer_fail(w, errno) : 0;
	struct iovec one = { (void *)p, len };
	return len ? writev_all(w, &one, 1) : 0;
}

/* Write the gathered records, then the span after them.  (The span is
 * written from the block: copy_file_range from the input instead took
 * 31% more CPU time writing a whole 1 GiB file on ext4, and fails with
 * EXDEV onto another file system such as /dev/shm.)  COUNT: whether it
 * is one of w->flushes. */
static int flush_counted(struct cap_writer *w, int count)
{
	if (w->failed) {
		writer_untie(w);
		return -1;
	}
	if (!w->header_out) { /* the header first, and its write error */
		errno = 0;
		if (fflush(pcap_dump_file(w->d)) != 0)
			return writer_fail(w, errno);
		w->header_out = 1;
	}
	uint64_t at = w->tied ? w->tied->off + (uint64_t)(w->span - w->tied->buf) : CAP_NOWHERE;
	int rc = write_all(w, w->buf, w->len, CAP_NOWHERE) < 0 || write_all(w, w->span, w->span_len, at) < 0 ? -1 : 0;
	w->flushes += count && (w->len || w->span_len);
	w->len = 0;
	writer_untie(w);
	return rc;
}

static int writer_flush(struct cap_writer *w)
{
	return flush_counted(w, 1);
}

/* Move the span into buf (or write both, when buf has no room or the
 * sink takes spans as runs of the file), so that a record not next to it
 * can follow. */
static int span_to_buf(struct cap_writer *w)
{
	if (w->runs) /* a flush a gathering writer would not do: not counted */
		return flush_counted(w, 0);
	if (w->span_len > CAP_BLOCK - w->len)
		return writer_flush(w);
	memcpy(w->buf + w->len, w->span, w->span_len);
	w->len += w->span_len;
	writer_untie(w);
	return 0;
}

int cap_write_from(struct cap_writer *w, struct cap_reader *r, const struct pcap_pkthdr *h, const u_char *data)
{
	struct cap_block *b = r->blk;
	/* a record the block reader handed out, in the bytes pcap_dump
	 * would write: the stamps' 32 bits as they are (record_header) */
	if (!b || b->swapped || b->nano || w->format != CAP_PCAP || w->flush_each || w->failed ||
	    (b->tied && b->tied != w) || h != &b->hdr || data < b->buf + CAP_RECORD_HEADER || data >= b->buf + b->len)
		return cap_write(w, h, data);
	const uint8_t *rec = data - CAP_RECORD_HEADER;
	size_t n = CAP_RECORD_HEADER + h->caplen;
	if (w->span_len && w->span + w->span_len == rec) {
		w->span_len += n;
		return 0;
	}
	if (w->span_len && span_to_buf(w) < 0)
		return -1;
	w->span = rec;
	w->span_len = n;
	w->tied = b;
	b->tied = w;
	return 0;
}

/* A record's header: pcap's as pcap_dump writes it (host byte order,
 * 32-bit stamps: pcap files end in 2038), or pcapng's enhanced packet
 * block up to its data (a 64-bit stamp in the interface's resolution).
 * Returns its length; *tail is the length of what follows the data. */
static size_t record_header(const struct cap_writer *w, const struct pcap_pkthdr *h, uint8_t hdr[28], size_t *tail)
{
	uint8_t *p = hdr;
	if (w->format == CAP_PCAP) {
		put32(&p, (uint32_t)(int32_t)h->ts.tv_sec);
		put32(&p, (uint32_t)(int32_t)h->ts.tv_usec);
		put32(&p, h->caplen);
		put32(&p, h->len);
		*tail = 0;
		return 16;
	}
	size_t pad = (4 - h->caplen % 4) % 4;
	/* the stamp in the units ng_header declared (tv_usec holds
	 * nanoseconds when the handle's precision is nano) */
	uint64_t unit = w->nano ? 1000000000u : 1000000u;
	uint64_t ts = (uint64_t)h->ts.tv_sec * unit + (uint64_t)h->ts.tv_usec;
	put32(&p, NG_EPB);
	put32(&p, (uint32_t)(32 + h->caplen + pad));
	put32(&p, 0); /* the interface */
	put32(&p, (uint32_t)(ts >> 32));
	put32(&p, (uint32_t)ts);
	put32(&p, h->caplen);
	put32(&p, h->len);
	*tail = pad + 4; /* padding (no options), the total length again */
	return 28;
}

/* What follows the data: padding, then the block's total length. */
static void record_tail(const struct pcap_pkthdr *h, uint8_t *t, size_t tail)
{
	if (!tail)
		return;
	memset(t, 0, tail - 4);
	uint32_t total = (uint32_t)(28 + h->caplen + tail);
	memcpy(t + tail - 4, &total, 4);
}

int cap_write(struct cap_writer *w, const struct pcap_pkthdr *h, const u_char *data)
{
	if (w->failed || (w->span_len && span_to_buf(w) < 0))
		return -1;
	uint8_t hdr[28], trailer[8];
	size_t tail, hlen = record_header(w, h, hdr, &tail);
	record_tail(h, trailer, tail);
	size_t need = hlen + h->caplen + tail;
	if (need > CAP_BLOCK - w->len && writer_flush(w) < 0)
		return -1;
	if (need > CAP_BLOCK) { /* larger than a block: header, data, trailer */
		memcpy(w->buf, hdr, hlen);
		w->len = hlen;
		if (writer_flush(w) < 0)
			return -1;
		for (size_t done = 0; done < h->caplen;) {
			size_t n = h->caplen - done < CAP_BLOCK ? h->caplen - done : CAP_BLOCK;
			memcpy(w->buf, data + done, n);
			w->len = n;
			if (writer_flush(w) < 0)
				return -1;
			done += n;
		}
		memcpy(w->buf, trailer, tail);
		w->len = tail;
		return writer_flush(w);
	}
	memcpy(w->buf + w->len, hdr, hlen);
	memcpy(w->buf + w->len + hlen, data, h->caplen);
	memcpy(w->buf + w->len + hlen + h->caplen, trailer, tail);
	w->len += need;
	if (w->flush_each)
		return writer_flush(w);
	return 0;
}

int cap_writer_close(struct cap_writer *w)
{
	if (!w->open)
		return w->failed ? -1 : 0;
	w->open = 0;
	writer_flush(w); /* (once failed, it only lets go of the span) */
	free(w->buf);
	w->buf = NULL;
	if (w->records_only)
		return w->failed ? -1 : 0;
	if (w->format == CAP_PCAPNG) { /* our own descriptor; standard output stays */
		if (w->fd >= 0 && w->fd != STDOUT_FILENO && close(w->fd) < 0 && !w->failed)
			writer_fail(w, errno);
		return w->failed ? -1 : 0;
	}
	FILE *f = pcap_dump_file(w->d);
	/* once failed, not again: standard output's own final check
	 * (cli/main.c) reports the failure's errno, left as it was */
	if (!w->failed) {
		errno = 0;
		if (pcap_dump_flush(w->d) != 0 || ferror(f))
			writer_fail(w, errno);
	}
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

int cap_writer_records(struct cap_writer *w, const struct cap_writer *like, cap_sink sink, void *ctx)
{
	memset(w, 0, sizeof *w);
	w->path = like->path;
	w->format = like->format;
	w->nano = like->nano;
	w->linktype = like->linktype;
	w->fd = -1;
	w->sink = sink;
	w->sink_ctx = ctx;
	w->header_out = 1;
	w->records_only = 1;
	w->buf = malloc(CAP_BLOCK);
	if (!w->buf) {
		snprintf(w->err, sizeof w->err, "%s: %s", cap_display(w->path), strerror(ENOMEM));
		return -1;
	}
	w->open = 1;
	return 0;
}

int cap_writer_put(struct cap_writer *w, const uint8_t *p, size_t len)
{
	if (w->failed || writer_flush(w) < 0)
		return -1;
	return write_all(w, p, len, CAP_NOWHERE);
}

int cap_input_fd(const struct cap_reader *r)
{
	return r->blk ? r->blk->fd : -1;
}

/* ---------------------------------------------------------------------
 * Copying runs of records from an input file to OUT (filter --jobs: a
 * file behind the head may keep where its matches are, not their bytes).
 * Runs close together are read in one window of W's block, the gaps
 * between them too (one read instead of one a run), and written from it
 * with one writev; a run longer than the block goes through it in
 * pieces.  Measured on the 128 MB files of bench/jobs_bench.sh, a
 * quarter of the records in runs of 5, to tmpfs: these windows 30 ms;
 * writev straight from a mapping of the file 31-41 ms (and a file that
 * shrinks under a mapping faults); copying from the mapping into the
 * block 28 ms (the same fault); one sendfile a run 244 ms; for a single
 * run of the whole file, sendfile 78-84 ms against 76-81 ms for pread
 * and write (copy_file_range fails across file systems: EXDEV).  Reading
 * the whole file alone takes 20 ms of these: copying runs costs about a
 * second reading of the file, which is why a file behind the head holds
 * its matches' bytes while the bound allows (filter_jobs.c).
 * ------------------------------------------------------------------- */

/* The largest gap read along with the runs around it, and the most runs
 * one writev takes (IOV_MAX on Linux). */
#define CAP_COPY_GAP (16u << 10)
#define CAP_COPY_IOV 1024

/* Read LEN bytes at OFF of FD, fewer only at the end of the file: the
 * count, or -1 if a read failed. */
static ssize_t pread_all(int fd, uint8_t *p, size_t len, uint64_t off)
{
	size_t done = 0;
	while (done < len) {
		ssize_t n = pread(fd, p + done, len - done, (off_t)(off + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

/* One run longer than the block, through it: 0, -1 (a write failed), -2
 * (the file is shorter). */
static int copy_long(struct cap_writer *w, int fd, struct cap_run run)
{
	while (run.len) {
		size_t n = run.len < CAP_BLOCK ? (size_t)run.len : CAP_BLOCK;
		if (pread_all(fd, w->buf, n, run.off) != (ssize_t)n)
			return -2;
		if (write_all(w, w->buf, n, CAP_NOWHERE) < 0)
			return -1;
		run.off += n;
		run.len -= n;
	}
	return 0;
}

/* The runs at the head of RUN[0..N) that one window of the block holds
 * (the first one does): read and written, *USED of them.  0, -1, or -2
 * (the file is shorter: the runs read whole are written). */
static int copy_window(struct cap_writer *w, int fd, const struct cap_run *run, size_t n, size_t *used)
{
	uint64_t start = run[0].off, end = start + run[0].len;
	size_t k = 1;
	while (k < n && k < CAP_COPY_IOV && run[k].off >= end && run[k].off - end <= CAP_COPY_GAP &&
	       run[k].off + run[k].len - start <= CAP_BLOCK) {
		end = run[k].off + run[k].len;
		k++;
	}
	*used = k;
	ssize_t got = pread_all(fd, w->buf, (size_t)(end - start), start);
	struct iovec iov[CAP_COPY_IOV];
	size_t m = 0;
	for (; m < k && got >= 0 && run[m].off + run[m].len - start <= (uint64_t)got; m++) {
		iov[m].iov_base = w->buf + (run[m].off - start);
		iov[m].iov_len = (size_t)run[m].len;
	}
	if (writev_all(w, iov, (int)m) < 0)
		return -1;
	return m < k ? -2 : 0;
}

int cap_writer_copy(struct cap_writer *w, int fd, const struct cap_run *run, size_t n)
{
	struct stat st;
	if (w->failed || w->sink || writer_flush(w) < 0)
		return -1;
	/* the runs the file still holds whole (they come in file order), so
	 * that a file that shrank leaves no half record */
	size_t whole = 0;
	if (fstat(fd, &st) == 0)
		while (whole < n && run[whole].off + run[whole].len <= (uint64_t)st.st_size)
			whole++;
	/* w->buf is empty: the window */
	for (size_t i = 0, used = 1; i < whole; i += used) {
		int rc;
		used = 1;
		if (run[i].len > CAP_BLOCK)
			rc = copy_long(w, fd, run[i]);
		else
			rc = copy_window(w, fd, run + i, whole - i, &used);
		if (rc < 0)
			return rc;
	}
	return whole < n ? -2 : 0;
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
