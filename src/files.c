/* files.c: whole capture files through libbpfx, for callers that hand out
 * work file by file or chunk by chunk (the Python binding, bpfx-dask): a
 * quick index pass that finds record boundaries to split a pcap file at,
 * a filter that streams a file (or one chunk of it) through a program and
 * writes what `bpfx filter -r FILE -w OUT` writes, and a merge of such
 * outputs in time order, as mergecap merges.
 *
 * Records are read by libpcap (pcap_open_offline, pcap_next_ex), as
 * tcpdump reads them, and written by capture.c's writer, as `bpfx filter
 * -w` writes them.  A chunk is read by seeking the handle's stream to a
 * record boundary: libpcap reads a pcap file's records with plain freads
 * from that stream, so it carries on from wherever the stream stands.  The
 * index pass itself looks only at the 16-byte record headers
 * (pcap-savefile(5)), and skips records longer than its window unread. */
#include "bpfx.h"
#include "capture.h"
#include "error.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* pcap-savefile(5): the magic numbers of the classic format, in the
 * writer's byte order (microsecond and nanosecond timestamps). */
#define FILES_MAGIC_US 0xa1b2c3d4u
#define FILES_MAGIC_NS 0xa1b23c4du
#define FILES_FILE_HDR 24u   /* file header: magic ... linktype */
#define FILES_REC_HDR 16u    /* record header: ts_sec, ts_frac, caplen, len */
#define FILES_INDEX_BUF (1u << 20) /* the index pass reads this much at a time */

static uint32_t files_u32(const unsigned char *b, int swapped)
{
	uint32_t v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	if (swapped) /* the file's order is not the little-endian read above */
		v = (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
	return v;
}

/* Open PATH with libpcap; NULL with err naming the file (as capture.c). */
static pcap_t *files_open(const char *path, struct bpfx_error *err)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p = pcap_open_offline(path, ebuf);
	if (!p) {
		size_t n = strlen(path);
		if (!strncmp(ebuf, path, n) && ebuf[n] == ':')
			err_set(err, -1, -1, "%s", ebuf);
		else
			err_set(err, -1, -1, "%s: %s", path, ebuf);
	}
	return p;
}

/* Is the stream a classic pcap file's, its header just read?  (A pcapng
 * file's section header block alone is 28 bytes.) */
static int files_is_pcap(pcap_t *p)
{
	return ftello(pcap_file(p)) == FILES_FILE_HDR;
}

/* The walk over record headers: fill offs from position FILES_FILE_HDR.
 * It reads the file in windows of FILES_INDEX_BUF bytes with pread and
 * walks the headers inside a window; a record longer than the rest of
 * the window moves the window to the next header, so large records are
 * skipped unread and small ones cost no call each. */
static void files_walk(int fd, unsigned char *buf, int swapped, uint64_t size, uint64_t chunk,
		       uint64_t *offs, size_t max, size_t *n, uint64_t *packets)
{
	uint64_t off = FILES_FILE_HDR, next_cut = off, base = 0, have = 0;
	for (;;) {
		if (off + FILES_REC_HDR > base + have) { /* the header is not in the window */
			ssize_t got = pread(fd, buf, FILES_INDEX_BUF, (off_t)off);
			if (got < (ssize_t)FILES_REC_HDR)
				return;
			base = off;
			have = (uint64_t)got;
		}
		uint64_t caplen = files_u32(buf + (off - base) + 8, swapped);
		if (off + FILES_REC_HDR + caplen > size)
			return; /* cut short: libpcap will say so in its chunk */
		if (off >= next_cut && *n < max) {
			offs[(*n)++] = off;
			next_cut = chunk ? off + chunk : UINT64_MAX;
		}
		++*packets;
		off += FILES_REC_HDR + caplen;
	}
}

int bpfx_index_file(const char *path, uint64_t chunk, uint64_t *offs, size_t max, size_t *n,
		    struct bpfx_file_info *info, struct bpfx_error *err)
{
	memset(info, 0, sizeof *info);
	*n = 0;
	pcap_t *p = files_open(path, err);
	if (!p)
		return -1;
	info->linktype = pcap_datalink(p);
	int snap = pcap_snapshot(p);
	info->snaplen = snap > 0 ? (uint32_t)snap : 262144;
	info->swapped = pcap_is_swapped(p) == 1;
	info->pcapng = !files_is_pcap(p);
	pcap_close(p);
	struct stat st;
	FILE *f = fopen(path, "rb");
	if (!f || fstat(fileno(f), &st) < 0) {
		err_set(err, -1, -1, "%s: cannot open it again to index it", path);
		if (f)
			fclose(f);
		return -1;
	}
	info->size = (uint64_t)st.st_size;
	unsigned char hdr[FILES_FILE_HDR];
	uint32_t magic = 0;
	if (!info->pcapng && fread(hdr, 1, sizeof hdr, f) == sizeof hdr)
		magic = files_u32(hdr, info->swapped);
	/* pcapng, or a pcap variant with other record headers (Kuznetzov's
	 * 24-byte ones): one chunk, read whole */
	if (magic != FILES_MAGIC_US && magic != FILES_MAGIC_NS) {
		if (max > 0)
			offs[(*n)++] = info->pcapng ? 0 : FILES_FILE_HDR;
		info->pcapng = info->pcapng || magic == 0;
		fclose(f);
		return 0;
	}
	unsigned char *buf = malloc(FILES_INDEX_BUF);
	if (!buf) {
		fclose(f);
		return err_set(err, -1, -1, "out of memory");
	}
	files_walk(fileno(f), buf, info->swapped, info->size, chunk, offs, max, n, &info->packets);
	if (*n == 0 && max > 0) /* no whole record: one chunk from the header */
		offs[(*n)++] = FILES_FILE_HDR;
	fclose(f);
	free(buf);
	return 0;
}

/* Where the filter stands, for its messages and counts. */
struct files_run {
	pcap_t *p;
	FILE *f;
	uint64_t start;
};

static int files_seek(struct files_run *r, const char *path, uint64_t start, uint64_t end,
		      struct bpfx_error *err)
{
	r->start = (uint64_t)ftello(r->f);
	if (!start && !end)
		return 0;
	if (!files_is_pcap(r->p))
		return err_set(err, -1, -1, "%s: a byte range needs a pcap file, not pcapng", path);
	if (start && (start < FILES_FILE_HDR || fseeko(r->f, (off_t)start, SEEK_SET) != 0))
		return err_set(err, -1, -1, "%s: cannot start at byte %llu", path, (unsigned long long)start);
	r->start = (uint64_t)ftello(r->f);
	return 0;
}

int bpfx_filter_file(const struct bpf_insn *p, size_t n, int linktype, const char *path,
		     const char *out, uint64_t start, uint64_t end, struct bpfx_file_counts *c,
		     struct bpfx_error *err)
{
	memset(c, 0, sizeof *c);
	if (bpfx_validate(p, n, err) < 0)
		return -1;
	struct files_run r = { .p = files_open(path, err) };
	if (!r.p)
		return -1;
	r.f = pcap_file(r.p);
	int rc = 0;
	if (linktype >= 0 && pcap_datalink(r.p) != linktype) {
		const char *have = bpfx_linktype_name(pcap_datalink(r.p)), *want = bpfx_linktype_name(linktype);
		rc = err_set(err, -1, -1, "%s: link type %s (%d), but the program is for %s (%d)", path,
			     have ? have : "?", pcap_datalink(r.p), want ? want : "?", linktype);
	}
	if (!rc)
		rc = files_seek(&r, path, start, end, err);
	struct cap_writer w = { 0 };
	if (!rc && out && cap_writer_open_pcap(&w, out, r.p) < 0)
		rc = err_set(err, -1, -1, "%s", w.err);
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int got = 1;
	while (!rc && (!end || (uint64_t)ftello(r.f) < end) && (got = pcap_next_ex(r.p, &h, &pkt)) == 1) {
		c->packets++;
		if (!bpfx_run(p, pkt, h->len, h->caplen))
			continue;
		c->matched++;
		if (out && cap_write(&w, h, pkt) < 0)
			rc = err_set(err, -1, -1, "%s", w.err);
	}
	if (!rc && got == PCAP_ERROR) /* PCAP_ERROR_BREAK is the end of the file */
		rc = err_set(err, -1, -1, "%s: packet %llu%s: %s", path, (unsigned long long)c->packets + 1,
			     r.start > FILES_FILE_HDR ? " of the chunk" : "", pcap_geterr(r.p));
	c->bytes = (uint64_t)ftello(r.f) - r.start;
	if (w.open && cap_writer_close(&w) < 0 && !rc)
		rc = err_set(err, -1, -1, "%s", w.err);
	pcap_close(r.p);
	return rc;
}

/* --- the merge: a binary heap of the inputs by their next record ------ */

struct files_in {
	pcap_t *p;
	struct pcap_pkthdr *h;   /* the next record, valid until the next read */
	const u_char *data;
	size_t index;            /* position in the argument list: breaks ties */
};

static int files_before(const struct files_in *a, const struct files_in *b)
{
	if (a->h->ts.tv_sec != b->h->ts.tv_sec)
		return a->h->ts.tv_sec < b->h->ts.tv_sec;
	if (a->h->ts.tv_usec != b->h->ts.tv_usec)
		return a->h->ts.tv_usec < b->h->ts.tv_usec;
	return a->index < b->index;
}

static void files_sift_down(struct files_in **heap, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && files_before(heap[l], heap[m]))
			m = l;
		if (l + 1 < n && files_before(heap[l + 1], heap[m]))
			m = l + 1;
		if (m == i)
			return;
		struct files_in *t = heap[i];
		heap[i] = heap[m];
		heap[m] = t;
		i = m;
	}
}

/* Read input i's next record: 1, 0 at its end, -1 with err. */
static int files_next(struct files_in *in, const char *path, struct bpfx_error *err)
{
	int got = pcap_next_ex(in->p, &in->h, &in->data);
	if (got == 1)
		return 1;
	if (got == PCAP_ERROR_BREAK)
		return 0;
	return err_set(err, -1, -1, "%s: %s", path, pcap_geterr(in->p));
}

static int files_merge_run(struct files_in *ins, struct files_in **heap, const char *const *paths,
			   size_t n, struct cap_writer *w, uint64_t *written, struct bpfx_error *err)
{
	size_t live = 0;
	for (size_t i = 0; i < n; i++) {
		int got = files_next(&ins[i], paths[i], err);
		if (got < 0)
			return -1;
		if (got)
			heap[live++] = &ins[i];
	}
	for (size_t i = live / 2; i-- > 0;)
		files_sift_down(heap, live, i);
	while (live) {
		struct files_in *top = heap[0];
		if (cap_write(w, top->h, top->data) < 0)
			return err_set(err, -1, -1, "%s", w->err);
		++*written;
		int got = files_next(top, paths[top->index], err);
		if (got < 0)
			return -1;
		if (!got)
			heap[0] = heap[--live];
		files_sift_down(heap, live, 0);
	}
	return 0;
}

int bpfx_merge_files(const char *const *paths, size_t n, const char *out, uint64_t *written,
		     struct bpfx_error *err)
{
	*written = 0;
	if (n == 0)
		return err_set(err, -1, -1, "nothing to merge");
	struct files_in *ins = calloc(n, sizeof *ins);
	struct files_in **heap = calloc(n, sizeof *heap);
	int rc = ins && heap ? 0 : err_set(err, -1, -1, "out of memory");
	for (size_t i = 0; !rc && i < n; i++) {
		ins[i].index = i;
		if (!(ins[i].p = files_open(paths[i], err)))
			rc = -1;
		else if (pcap_datalink(ins[i].p) != pcap_datalink(ins[0].p))
			rc = err_set(err, -1, -1, "%s: link type %d differs from %d of %s", paths[i],
				     pcap_datalink(ins[i].p), pcap_datalink(ins[0].p), paths[0]);
	}
	struct cap_writer w = { 0 };
	if (!rc && cap_writer_open_pcap(&w, out, ins[0].p) < 0)
		rc = err_set(err, -1, -1, "%s", w.err);
	if (!rc)
		rc = files_merge_run(ins, heap, paths, n, &w, written, err);
	if (w.open && cap_writer_close(&w) < 0 && !rc)
		rc = err_set(err, -1, -1, "%s", w.err);
	for (size_t i = 0; ins && i < n; i++)
		if (ins[i].p)
			pcap_close(ins[i].p);
	free(ins);
	free(heap);
	return rc;
}
