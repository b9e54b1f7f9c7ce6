/* capture.h: reading pcap and pcapng files and writing matching packets,
 * so that bpfx reads exactly what tcpdump reads and writes exactly what
 * `tcpdump -w` writes.  libpcap opens every file and stays the reference
 * for what a valid record is; the common case (a plain pcap file on disk)
 * is walked in place in large blocks instead (capture.c says when).
 * Errors are kept as text in the reader/writer and name the file and, for
 * damaged files, the 1-based index of the packet that could not be read. */
#ifndef BPFX_CAPTURE_H
#define BPFX_CAPTURE_H
#include <byteswap.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/pcap.h>

#define CAP_ERRLEN (PCAP_ERRBUF_SIZE + 1024)
/* Bytes read (and written) at once: a few hundred records of typical size,
 * and room for the largest record libpcap allows on common link types
 * (262144 bytes of data); larger records go through libpcap. */
#define CAP_BLOCK (1u << 20)
/* A pcap file's header (struct pcap_file_header): its first record follows. */
#define CAP_FILE_HEADER 24
/* A record's header in a pcap file: ts_sec, ts_usec, caplen, len. */
#define CAP_RECORD_HEADER 16

struct cap_writer;

/* The block reader: records of a plain pcap file walked in place. */
struct cap_block {
	int fd;                  /* libpcap's own descriptor, read with pread */
	int swapped;             /* records in the other byte order */
	int nano;                /* nanosecond stamps, handed out as micro */
	uint32_t snapshot;       /* pcap_snapshot: the largest valid caplen */
	uint8_t *buf;            /* CAP_BLOCK bytes */
	size_t len, pos;         /* bytes in buf, next record's offset in buf */
	uint64_t off;            /* file offset of buf[0] */
	struct pcap_pkthdr hdr;  /* the record handed out last */
	struct cap_writer *tied; /* holds a span of buf: flushed before buf changes */
	uint64_t end;            /* cap_range: no record starting here or later */
	int ranged;              /* cap_range: stop instead of handing over */
	int odd;                 /* ranged: stopped at a record for libpcap to judge */
	int done;                /* ranged: stopped at END or at the end of the file */
};

struct cap_reader {
	pcap_t *p;
	const char *path;        /* as given; "-" reads standard input */
	unsigned long count;     /* packets returned so far */
	int live;                /* an interface (cap_open_live), not a file */
	struct cap_block *blk;   /* NULL: every record through libpcap */
	char err[CAP_ERRLEN];    /* "FILE: packet N: libpcap's text" */
};

/* 0, or -1 with r->err set ("FILE: why"). */
int cap_open(struct cap_reader *r, const char *path);
/* Live capture on DEV as tcpdump -i opens it: SNAPLEN bytes, promiscuous
 * unless PROMISC is 0, DIR a pcap_direction_t (-Q; PCAP_D_INOUT for
 * both).  0, or -1 with r->err set ("DEV: why"); warnings from
 * pcap_activate go to stderr. */
int cap_open_live(struct cap_reader *r, const char *dev, uint32_t snaplen, int promisc, int dir);
/* 1: *h and *data hold the next packet (valid until the next call);
 * 0: end of file, or a live capture broken off (pcap_breakloop);
 * -1: the file is damaged here (or the capture failed), r->err says where. */
int cap_next(struct cap_reader *r, struct pcap_pkthdr **h, const u_char **data);

/* The record at b->pos as libpcap would return it (b->hdr its header),
 * or NULL if it is not one the block reader hands out: not whole in the
 * block yet, or one libpcap is to judge.  Inline, for cap_next_fast. */
static inline const uint8_t *cap_block_record(struct cap_block *b)
{
	/* in locals: the stores to b->hdr below may alias b's size_t fields
	 * (time_t is long), which the compiler would then read again */
	const uint8_t *rec = b->buf + b->pos;
	size_t left = b->len - b->pos;
	if (left < CAP_RECORD_HEADER)
		return NULL;
	/* four scalar loads: a 16-byte copy to the stack read back a field at
	 * a time stalled each read (`perf record`: a third of the walk's
	 * samples); what is left is the header's own cache miss */
	uint32_t sec, usec, caplen, len;
	memcpy(&sec, rec, 4);
	memcpy(&usec, rec + 4, 4);
	memcpy(&caplen, rec + 8, 4);
	memcpy(&len, rec + 12, 4);
	if (b->swapped) {
		sec = bswap_32(sec);
		usec = bswap_32(usec);
		caplen = bswap_32(caplen);
		len = bswap_32(len);
	}
	if (caplen > b->snapshot || left - CAP_RECORD_HEADER < caplen)
		return NULL;
	b->pos += CAP_RECORD_HEADER + caplen;
	/* the stamps are signed 32-bit fields (pcap_sf_pkthdr), but libpcap
	 * 1.10's SWAPLONG yields an unsigned int: a byte-swapped file's
	 * stamps are not sign-extended */
	b->hdr.ts.tv_sec = b->swapped ? (time_t)sec : (time_t)(int32_t)sec;
	b->hdr.ts.tv_usec = b->swapped ? (suseconds_t)usec : (suseconds_t)(int32_t)usec;
	if (b->nano) /* pcap_open_offline asks for microseconds */
		b->hdr.ts.tv_usec /= 1000;
	b->hdr.caplen = caplen;
	b->hdr.len = len;
	return rec + CAP_RECORD_HEADER;
}

/* cap_next, its common case inline: the next record whole in the block
 * reader's block, before the range's end (the first step of cap_next's
 * own walk).  With the calls it saves, the filter loop runs 119
 * instructions a record instead of 168 (callgrind, `-w 'tcp port 80'`). */
static inline int cap_next_fast(struct cap_reader *r, struct pcap_pkthdr **h, const u_char **data)
{
	struct cap_block *b = r->blk;
	const uint8_t *rec;
	if (b && b->off + b->pos < b->end && (rec = cap_block_record(b)) != NULL) {
		*h = &b->hdr;
		*data = rec;
		r->count++;
		return 1;
	}
	return cap_next(r, h, data);
}
int cap_linktype(const struct cap_reader *r);
/* The file's snapshot length: what tcpdump compiles `ret` with. */
uint32_t cap_snaplen(const struct cap_reader *r);
void cap_close(struct cap_reader *r);
/* 1 if R reads a regular file: no read of it ever waits for a signal. */
int cap_regular(const struct cap_reader *r);
/* Splitting one plain pcap file (filter --jobs): 1 if R is read by the
 * block reader, which cap_range and cap_seek need. */
int cap_splittable(const struct cap_reader *r);
/* The offset of a record near NEAR (at or after it, within a few hundred
 * KiB), judged from a chain of plausible record headers; 0 if none is
 * found.  A guess: cap_range's walk before it tells whether it was one. */
uint64_t cap_boundary(const struct cap_reader *r, uint64_t near);
/* Hand out only the records that start in [START, END) of R's file
 * (START a record's offset); a record libpcap would treat specially stops
 * the walk (cap_next returns 0) instead of going to libpcap.  0, or -1 if
 * R is not splittable. */
int cap_range(struct cap_reader *r, uint64_t start, uint64_t end);
/* Where a ranged walk stopped: the offset of the next record (END when
 * the range ended on a record boundary, the file's size at its end), and
 * whether the range was read whole (0: stopped at a record libpcap is to
 * judge, or cut by a stop signal or an error). */
uint64_t cap_range_stop(const struct cap_reader *r, int *whole);
/* Read on from offset OFF as if COUNT records had been read: the block
 * reader and, where it hands over, libpcap.  0, or -1 if not splittable. */
int cap_seek(struct cap_reader *r, uint64_t off, unsigned long count);
/* The name to show for a path: "-" is shown as "stdin". */
const char *cap_display(const char *path);

enum cap_format { CAP_PCAP, CAP_PCAPNG };
/* Where a cap_writer_records writer's blocks go: LEN bytes at P, which
 * are also the LEN bytes at offset AT of the reader's file when they are
 * records written as they are (a cap_write_from span), else AT is
 * CAP_NOWHERE. */
#define CAP_NOWHERE UINT64_MAX
typedef int (*cap_sink)(void *ctx, const uint8_t *p, size_t len, uint64_t at);
/* Consecutive records as they stand in a file: LEN bytes from OFF. */
struct cap_run {
	uint64_t off, len;
};

struct cap_writer {
	int open;                /* opened, to be closed */
	enum cap_format format;
	int nano;                /* pcapng: stamps in nanoseconds */
	pcap_dumper_t *d;        /* pcap: wrote the file header; owns the stream */
	int fd;                  /* the stream's descriptor: records go here */
	uint8_t *buf;            /* records not yet written, CAP_BLOCK bytes */
	size_t len;
	int header_out;          /* the stream's buffer (the header) is written */
	const char *path;        /* "-" writes standard output */
	int linktype;            /* every packet written must have this one */
	int flush_each;          /* -U: flush after every packet */
	int failed;              /* a write failed; err says why */
	int records_only;        /* cap_writer_records: no header, no descriptor ... */
	cap_sink sink;           /* ... the blocks go here */
	int runs;                /* records_only: each span goes to the sink on
	                          * its own, with its offset, not gathered */
	unsigned long flushes;   /* flushes done as a writer that gathers spans
	                          * does them (not runs' one flush a span) */
	void *sink_ctx;
	const uint8_t *span;     /* records written as they are, in a reader's block, */
	size_t span_len;         /* after buf (cap_write_from) ... */
	struct cap_block *tied;  /* ... that block, which flushes them before it moves */
	char err[CAP_ERRLEN];    /* "FILE: strerror" */
};

/* Open PATH for writing a pcap file with the link type, snapshot length
 * and timestamp precision of the reader `like`, as `tcpdump -w` does. */
int cap_writer_open(struct cap_writer *w, const char *path, const struct cap_reader *like);
/* The same for a live capture handle. */
int cap_writer_open_pcap(struct cap_writer *w, const char *path, pcap_t *like);
/* Either, in that format: CAP_PCAPNG writes a section header, one
 * interface (the handle's link type, snapshot length and timestamp
 * resolution) and an enhanced packet block per packet. */
int cap_writer_open_as(struct cap_writer *w, const char *path, pcap_t *like, enum cap_format fmt);
/* 0, or -1 once a write has failed (w->err names the reason).  Records
 * are gathered in a block and written whole (a write cut short by a
 * signal is resumed), so stopping between two calls leaves a readable
 * file once cap_writer_close has flushed the block. */
int cap_write(struct cap_writer *w, const struct pcap_pkthdr *h, const u_char *data);
/* cap_write for a record R handed out last: where R's bytes in R's block
 * are already the bytes cap_write would write (a pcap file in this host's
 * byte order with microsecond stamps, written as pcap), consecutive such
 * records are written from the block itself, with no copy. */
int cap_write_from(struct cap_writer *w, struct cap_reader *r, const struct pcap_pkthdr *h, const u_char *data);
/* Flush and close (standard output is flushed, not closed); -1 with
 * w->err set if any write failed. */
int cap_writer_close(struct cap_writer *w);
/* A writer of records only, in LIKE's format, that hands each block it
 * would write to SINK(CTX, bytes, length) instead (filter -j keeps each
 * input's matches apart and puts them in order with cap_writer_put).
 * SINK returns 0, or -1 with errno set (the writer fails with it).
 * Closing it flushes.  0, or -1 with w->err set. */
int cap_writer_records(struct cap_writer *w, const struct cap_writer *like, cap_sink sink, void *ctx);
/* Write what W holds so far, then LEN bytes at P (records a
 * cap_writer_records writer handed over) after it.  0, or -1 with w->err
 * set ("OUT: why"). */
int cap_writer_put(struct cap_writer *w, const uint8_t *p, size_t len);
/* The descriptor R's file is read by for records handed out in place
 * (cap_write_from's spans), or -1: the file cap_writer_copy copies from. */
int cap_input_fd(const struct cap_reader *r);
/* Write what W holds, then the bytes of the runs RUN[0..N) of the file
 * FD.  0; -1 when a write failed (w->err); -2 when FD's file no longer
 * holds them all (it shrank since): the runs before the first one cut
 * short are written, none of it. */
int cap_writer_copy(struct cap_writer *w, int fd, const struct cap_run *run, size_t n);
/* 1 if writing OUT would overwrite the regular file IN ("-" is standard
 * input or output), through any path or hard link: same st_dev/st_ino. */
int cap_same_file(const char *in, const char *out);
#endif
