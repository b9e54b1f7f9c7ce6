/* filter_jobs.c: `bpfx filter -j N -r F1 -r F2 ... (-w OUT | --count)`:
 * N files filtered at once, one thread per file, and an output that is
 * byte for byte the serial run's: the same records in the same order, the
 * same messages on stderr, the same exit status.
 *
 * The file at the head of the output order (every file before it
 * committed) writes its matches to OUT itself ("live").  Any other file's
 * matches are held (job_sink): their bytes, up to a bound per file and a
 * bound for all (JOBS_HELD, JOBS_HELD_ALL); past it, where they are
 * records as they stand in the file (a plain pcap file written as pcap:
 * cap_write_from's spans), only where they are: runs of consecutive
 * matches of the input, 16 bytes each, under the same bounds, which the
 * committer copies from the input (cap_writer_copy, on a descriptor of the
 * file kept for it).  A thread that would pass a bound waits until the
 * main thread has written held matches out: with runs, in practice only
 * for other records (pcapng, byte-swapped, nanosecond or cut files,
 * --pcapng out).  Bytes first, because copying runs costs about a second
 * reading of the file, where the bytes cost one copy (capture.c).  A file
 * that shrinks before its runs are copied ends the run with "changed while
 * being read", its records up to there whole.  The main thread commits the
 * files in order: when file k comes to the head it writes k's held blocks
 * to OUT, then lets k write on itself (job_drain), waits until k is done,
 * prints its messages, and stops where the serial run would stop: a file
 * that failed, or a stop signal.  A write to OUT that fails is found where
 * the serial run finds it, at its next write after the failed flush
 * (job_out_failed: writers count their flushes).  No byte is written
 * twice, and memory stays flat: two blocks per thread and the bounds.
 * The head never waits, so the run always moves on; the files behind it
 * run ahead by the bounds (with runs, in practice to their end).  Where
 * most packets match, writing OUT (in one order, one file at a time)
 * and, for runs, reading them again are most of the work, and stay
 * serial.  Every file's messages ("reading from file ...", a compile error,
 * where the file is damaged) go to a memory stream, printed at its commit.
 *
 * The first file is opened, compiled and announced by the main thread
 * before any thread starts, because OUT takes its link type, snapshot
 * length and precision from it (cap_writer_open_as), as in the serial
 * run.  Compiling is serialized (one lock): it is quick, and name lookups
 * (`host NAME`) and libpcap's compiler are not known to be thread-safe.
 *
 * One file alone (split_plan) is cut into ranges of records, each a job
 * of its own, committed in the same way.  Where one range starts is a
 * guess (capture.c's cap_boundary); the committer takes a range's records
 * only once the walk of the range before it ended exactly there, so a
 * wrong guess costs time, never a record.  Where that does not hold, or a
 * range stopped at a record libpcap is to judge (a damaged or cut file),
 * the committer reads the rest of the file itself, serially from the last
 * boundary it knows, as the serial run reads it (split_rest).
 *
 * -c (a count across files), -U (each packet flushed at once), printing
 * (a decoder carries state from packet to packet) and standard input
 * stay serial: filter_jobs_apply says so; so does a file the block reader
 * does not read (pcapng, an old or rewritten format): one job. */
#include "cli.h"
#include "filter.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One file is cut into ranges of at least SPLIT_MIN and at most SPLIT_MAX
 * bytes, four per thread where that fits (a thread that finishes early
 * takes another), and at most SPLIT_JOBS of them. */
#define SPLIT_MIN (2u << 20)
#define SPLIT_MAX (32u << 20)
#define SPLIT_JOBS 64
/* Matches held in memory per file not at the head, and for all of them,
 * as bytes and as runs of the input (each its own bound, JOBS_HELD per
 * file and JOBS_HELD_ALL in all): the bytes of a few blocks each, then,
 * where the matches are records as they stand in the input (a plain pcap
 * file written as pcap), where they are: 16 bytes a run of consecutive
 * matches, read again at the commit.  A file behind the head runs ahead
 * by that much, in practice to its end.  $BPFX_JOBS_BUFFER=N (for the
 * tests) sets N bytes per file, 4N in all, and holds each file back from
 * the head until it waits or is done, so that the bound is sure to bite
 * (tests/cli/jobs.sh). */
#define JOBS_HELD (4u << 20)
#define JOBS_HELD_ALL (4 * JOBS_HELD)
/* A block of bytes held, and a chunk of runs, at most. */
#define JOBS_PIECE (256u << 10)
#define JOBS_RUNS 4096

/* What a held item counts against: bytes or runs. */
enum { HELD_BYTES, HELD_RUNS, HELD_KINDS };

/* Matches held for a file not yet at the head: bytes of records, or a
 * chunk of runs of its input file that hold them. */
struct held {
	struct held *next;
	struct cap_run *run;     /* NULL: bytes in data */
	size_t len, cap;         /* bytes in data, or runs in run; the room */
	unsigned long first;     /* the writer's flush of the first of them, */
	unsigned long last;      /* ... and of the last */
	uint8_t data[];
};

struct jobs;

struct job {
	struct jobs *js;         /* for job_sink */
	const char *path;
	struct cap_reader r;
	struct filter_prog fp;
	FILE *msg;               /* messages, in the order the serial run prints them */
	char *msgbuf;            /* msg's text once closed */
	size_t msglen;
	struct held *held, **tail; /* under jobs.lock: matches held, oldest first */
	struct held *cur;        /* being filled, next to be held */
	size_t nheld[HELD_KINDS]; /* under jobs.lock: what they and cur count */
	_Atomic int live;        /* set under jobs.lock: at the head, nothing
	                          * held: the matches go to OUT */
	int fd;                  /* the input, for copying its runs; or -1 */
	struct cap_writer *rw;   /* the job's writer, while it runs */
	int shrank;              /* the input shrank before its runs were copied */
	unsigned long last;      /* the writer's flush (cap_writer.flushes) of J's last matches */
	unsigned long failed;    /* ... of the first held ones a write to OUT failed on */
	int pre_failed;          /* OUT had failed before J's first write to it */
	int waiting;             /* under jobs.lock: waits for room */
	int out_failed;          /* a write to OUT failed, live: OUT's err says why */
	unsigned long matched;
	int status;              /* 0, or 2 after a message */
	int done;                /* under jobs.lock: the committer may take it */
	int walked;              /* under jobs.lock: $BPFX_JOBS_LATE: walked, the
	                          * last item not yet pushed */
	int skipped;             /* not run: the run was stopped before it */
	uint64_t start, end;     /* split: the records that start in [start, end) */
	uint64_t stop;           /* split: where the walk stopped ... */
	int whole;               /* ... having read the whole range */
	unsigned long records;   /* split: records read */
};

struct jobs {
	const struct filter_args *a;
	struct cap_writer *w;    /* OUT; NULL without -w */
	struct job *job;
	int n;
	int next;                /* the next file a thread takes */
	_Atomic int quit;        /* the committer stopped: later files are not wanted */
	pthread_mutex_t lock;    /* next, done, the held matches */
	pthread_cond_t changed;  /* a job is done, holds more or waits */
	pthread_cond_t room;     /* held matches written, a job live, or quit */
	size_t nheld[HELD_KINDS], max_held[HELD_KINDS]; /* under lock: held in all, the most ever */
	size_t bound, bound_all; /* JOBS_HELD, JOBS_HELD_ALL or $BPFX_JOBS_BUFFER */
	size_t piece, chunk;     /* JOBS_PIECE, JOBS_RUNS, or what the bound takes */
	int hold_back;           /* $BPFX_JOBS_BUFFER: see JOBS_HELD */
	int late;                /* $BPFX_JOBS_LATE: see job_late */
	unsigned long waits;     /* under lock: times a thread waited for room */
	unsigned long runs;      /* under lock: runs of input held */
	pthread_mutex_t compile; /* one compilation at a time */
	int split;               /* the jobs are ranges of one file */
	struct filter_prog prog; /* split: the file's program, for every range */
	int trace;               /* $BPFX_JOBS_TRACE: say how the file was split
	                          * (stderr; tests/cli/jobs.sh checks it was) */
};

int filter_jobs_apply(const struct filter_args *a)
{
	if (a->jobs <= 1 || a->nfiles < 1 || a->iface || a->count || a->packet_buffered)
		return 0;
	if (!a->out && !a->count_only)
		return 0;
	for (int i = 0; i < a->nfiles; i++)
		if (!strcmp(a->files[i], "-"))
			return 0;
	return 1;
}

static int held_kind(const struct held *h)
{
	return h->run ? HELD_RUNS : HELD_BYTES;
}

/* What H counts against its bounds: its room, in bytes. */
static size_t held_cost(const struct held *h)
{
	return h->run ? h->cap * sizeof *h->run : h->cap;
}

static void held_free(struct held *h)
{
	free(h->run);
	free(h);
}

/* COST more of KIND held by J (under jobs.lock). */
static void held_add(struct jobs *js, struct job *j, int kind, size_t cost)
{
	j->nheld[kind] += cost;
	js->nheld[kind] += cost;
	if (js->nheld[kind] > js->max_held[kind])
		js->max_held[kind] = js->nheld[kind];
}

/* COST less of KIND held by J: room for the threads that wait (under
 * jobs.lock). */
static void held_sub(struct jobs *js, struct job *j, int kind, size_t cost)
{
	j->nheld[kind] -= cost;
	js->nheld[kind] -= cost;
	pthread_cond_broadcast(&js->room);
}

/* Write H's matches to OUT: 0, -1 (a write failed), -2 (J's input no
 * longer holds its runs). */
static int held_put(struct jobs *js, const struct job *j, const struct held *h)
{
	if (h->run)
		return cap_writer_copy(js->w, j->fd, h->run, h->len);
	return cap_writer_put(js->w, h->data, h->len);
}

/* A write to OUT of J's matches of the writer's flushes FIRST to LAST
 * failed (OUT had failed before if WAS).  The serial run finds it at its
 * next write after the failed flush (FIRST, where OUT had not failed
 * before): J's own if OUT had failed before J wrote, or if those matches
 * or later ones of J are of a later flush; else the next file's, or OUT's
 * close.  -1 (errno set: J's writer fails, J stops and says why) where J
 * finds it now, else 0. */
static int job_out_failed(struct job *j, unsigned long first, unsigned long last, int was)
{
	if (!j->out_failed) {
		j->out_failed = 1;
		j->failed = first;
		j->pre_failed = was;
	}
	if (!j->pre_failed && last <= j->failed)
		return 0;
	errno = EIO;
	return -1;
}

/* Make j->cur a new item of KIND with room for CAP bytes or runs,
 * counted against its bounds from now; where they are full, wait for
 * room if WAIT, else give up.  1 done; 0 J is live now; 2 the committer
 * has stopped; 3 no room; -1 out of memory (errno set). */
static int job_open(struct job *j, int kind, size_t cap, int wait)
{
	struct jobs *js = j->js;
	size_t cost = kind == HELD_RUNS ? cap * sizeof(struct cap_run) : cap;
	pthread_mutex_lock(&js->lock);
	int room;
	while (!(room = j->nheld[kind] + cost <= js->bound && js->nheld[kind] + cost <= js->bound_all) &&
	       !j->live && !js->quit && wait) {
		js->waits += !j->waiting;
		j->waiting = 1;
		pthread_cond_broadcast(&js->changed);
		pthread_cond_wait(&js->room, &js->lock);
	}
	j->waiting = 0;
	int rc = j->live ? 0 : js->quit ? 2 : room ? 1 : 3;
	if (rc == 1)
		held_add(js, j, kind, cost);
	pthread_mutex_unlock(&js->lock);
	if (rc != 1)
		return rc;
	struct held *h = malloc(sizeof *h + (kind == HELD_BYTES ? cap : 0));
	struct cap_run *run = kind == HELD_RUNS ? malloc(cost) : NULL;
	if (h)
		*h = (struct held){ .run = run, .cap = cap };
	if (!h || (kind == HELD_RUNS && !run)) {
		pthread_mutex_lock(&js->lock);
		held_sub(js, j, kind, cost);
		pthread_mutex_unlock(&js->lock);
		free(h);
		free(run);
		errno = ENOMEM;
		return -1;
	}
	h->first = h->last = j->rw->flushes;
	j->cur = h;
	return 1;
}

/* J's item being filled, before anything after it: held, or, J being
 * live, written to OUT by J itself (or dropped once the committer has
 * stopped).  0, or -1 with errno set. */
static int job_push(struct job *j)
{
	struct jobs *js = j->js;
	struct held *h = j->cur;
	if (!h)
		return 0;
	j->cur = NULL;
	pthread_mutex_lock(&js->lock);
	int keep = h->len && !j->live && !js->quit, live = j->live;
	if (keep) {
		*j->tail = h;
		j->tail = &h->next;
		js->runs += h->run ? h->len : 0;
		pthread_cond_broadcast(&js->changed);
	} else {
		held_sub(js, j, held_kind(h), held_cost(h));
	}
	pthread_mutex_unlock(&js->lock);
	if (keep)
		return 0;
	/* live: the committer touches OUT no more until J is done */
	int was = js->w->failed, rc = live && h->len ? held_put(js, j, h) : 0;
	unsigned long first = h->first, last = h->last;
	held_free(h);
	if (rc == -2) {
		j->shrank = 1;
		errno = EIO;
		return -1;
	}
	return rc < 0 ? job_out_failed(j, first, last, was) : 0;
}

/* Records P (LEN bytes) that stand at AT in J's input, J not live: after
 * what J holds, as bytes while the bound has room, else as a run (merged
 * with the last where it goes on from it).  0, 1 if J turned live
 * meanwhile (the caller writes them), or -1 with errno set. */
static int job_span(struct job *j, const uint8_t *p, size_t len, uint64_t at)
{
	struct jobs *js = j->js;
	struct held *c = j->cur;
	if (c && !c->run && c->cap - c->len >= len) {
		memcpy(c->data + c->len, p, len);
		c->len += len;
		c->last = j->last;
		return 0;
	}
	struct cap_run *last = c && c->run && c->len ? &c->run[c->len - 1] : NULL;
	if (last && last->off + last->len == at) {
		last->len += len;
		c->last = j->last;
		return 0;
	}
	if (!c || !c->run || c->len == c->cap) { /* a new item */
		if (job_push(j) < 0)
			return -1;
		int rc = len <= js->piece ? job_open(j, HELD_BYTES, js->piece, 0) : 3;
		if (rc == 1)
			return job_span(j, p, len, at);
		if (rc == 3)
			rc = job_open(j, HELD_RUNS, js->chunk, 1);
		if (rc == 0 || rc == -1) /* live, or no memory */
			return rc == 0 ? 1 : -1;
		if (rc == 2) /* dropped */
			return 0;
		c = j->cur;
	}
	c->run[c->len++] = (struct cap_run){ at, len };
	c->last = j->last;
	return 0;
}

/* Bytes P (LEN) that are not records as they stand in J's input, J not
 * live: after what J holds, in pieces of at most the bound, waiting for
 * room.  0, or 1 if J turned live (*P and *LEN are what is left for the
 * caller to write), or -1 with errno set. */
static int job_bytes(struct job *j, const uint8_t **p, size_t *len)
{
	struct jobs *js = j->js;
	if (job_push(j) < 0)
		return -1;
	while (*len) {
		size_t n = *len < js->bound ? *len : js->bound;
		int rc = job_open(j, HELD_BYTES, n, 1);
		if (rc != 1) /* live, dropped or no memory */
			return rc == 0 ? 1 : rc == 2 ? 0 : -1;
		memcpy(j->cur->data, *p, n);
		j->cur->len = n;
		if (job_push(j) < 0)
			return -1;
		*p += n;
		*len -= n;
	}
	return 0;
}

/* The blocks of job J's writer: onto OUT once J is live, else held
 * (job_span, job_bytes).  0, or -1 with errno set. */
static int job_sink(void *ctx, const uint8_t *p, size_t len, uint64_t at)
{
	struct job *j = ctx;
	struct jobs *js = j->js;
	j->last = j->rw->flushes;
	if (!j->live) { /* once live, for good: nothing more to hold */
		int rc = at != CAP_NOWHERE && j->fd >= 0 ? job_span(j, p, len, at) : job_bytes(j, &p, &len);
		if (rc <= 0)
			return rc;
	}
	/* live: what J holds first, and spans gathered in blocks again */
	if (job_push(j) < 0)
		return -1;
	j->rw->runs = 0;
	int was = js->w->failed;
	if (len && cap_writer_put(js->w, p, len) < 0)
		return job_out_failed(j, j->last, j->last, was);
	return 0;
}

/* Job J's writer RW failed: why, to J's messages. */
static void job_write_failed(struct job *j, const struct cap_writer *rw)
{
	if (j->shrank)
		fprintf(j->msg, "bpfx filter: %s: changed while being read\n", cap_display(j->path));
	else
		fprintf(j->msg, "bpfx filter: %s\n", j->out_failed ? j->js->w->err : rw->err);
	j->status = 2;
}

/* $BPFX_JOBS_LATE (for the tests): J, its records walked and written
 * out of its writer while not live, waits to turn live before it pushes
 * its last item, and the committer lets it come to the head no earlier.
 * So a file that ran ahead to its end comes to the head just then, a
 * moment the scheduler otherwise picks now and then (tests/cli/jobs.sh). */
static void job_late(struct jobs *js, struct job *j)
{
	pthread_mutex_lock(&js->lock);
	j->walked = 1;
	pthread_cond_broadcast(&js->changed);
	while (!j->live && !js->quit)
		pthread_cond_wait(&js->room, &js->lock);
	pthread_mutex_unlock(&js->lock);
}

/* The file's records, filtered through its writer (job_sink); as
 * filter_file (filter.c) for a file written with -w, or counted. */
static void job_filter(struct jobs *js, struct job *j)
{
	const struct filter_args *a = js->a;
	struct cap_writer rw = { 0 };
	const struct filter_prog *fp = js->split ? &js->prog : &j->fp;
	if (js->w) {
		if (cap_linktype(&j->r) != js->w->linktype) {
			fprintf(j->msg, "bpfx filter: %s: link type %d differs from %d already written to %s\n",
				cap_display(j->r.path), cap_linktype(&j->r), js->w->linktype, cap_display(a->out));
			j->status = 2;
			return;
		}
		if (cap_writer_records(&rw, js->w, job_sink, j) < 0) {
			fprintf(j->msg, "bpfx filter: %s\n", rw.err);
			j->status = 2;
			return;
		}
		/* records written as they stand in the input are held as runs
		 * of it, read again at the commit: a descriptor of its own, as
		 * the reader is closed before (pcap out only: cap_write_from) */
		int fd = js->w->format == CAP_PCAP ? cap_input_fd(&j->r) : -1;
		j->fd = fd >= 0 ? dup(fd) : -1;
		rw.runs = j->fd >= 0;
		j->rw = &rw;
	}
	int got = filter_records(fp, &j->r, js->w ? &rw : NULL, 0, &j->matched, &js->quit);
	/* a write to OUT that failed says why in OUT's writer (the serial
	 * run's message), anything else in the job's own */
	if (got == -2)
		job_write_failed(j, &rw);
	if (got == -1 && !cli_stopped()) {
		fprintf(j->msg, "bpfx filter: %s\n", j->r.err);
		j->status = 2;
	}
	if (js->w) {
		int closed = cap_writer_close(&rw);
		if (js->late)
			job_late(js, j);
		if ((closed < 0 || job_push(j) < 0) && !j->status)
			job_write_failed(j, &rw);
	}
	j->rw = NULL;
}

/* Open, compile, announce and filter file J (the first file arrives
 * opened, compiled and announced). */
static void job_run(struct jobs *js, struct job *j, int first)
{
	if (js->split) { /* the program is the file's; the first range arrives opened */
		if (!first && cap_open(&j->r, j->path) < 0) {
			fprintf(j->msg, "bpfx filter: %s\n", j->r.err);
			j->status = 2;
			return;
		}
		if (cap_range(&j->r, j->start, j->end) < 0) { /* the file was replaced */
			fprintf(j->msg, "bpfx filter: %s: changed while being read\n", cap_display(j->path));
			j->status = 2;
			return;
		}
		job_filter(js, j);
		j->stop = cap_range_stop(&j->r, &j->whole);
		j->records = j->r.count;
		return;
	}
	if (!first) {
		if (cap_open(&j->r, j->path) < 0) {
			fprintf(j->msg, "bpfx filter: %s\n", j->r.err);
			j->status = 2;
			return;
		}
		pthread_mutex_lock(&js->compile);
		int rc = filter_prog_for(&j->fp, js->a, &j->r, j->msg);
		pthread_mutex_unlock(&js->compile);
		if (rc < 0) {
			j->status = 2;
			return;
		}
		filter_announce(&j->r, j->msg);
	}
	job_filter(js, j);
}

static void *job_thread(void *arg)
{
	struct jobs *js = arg;
	for (;;) {
		pthread_mutex_lock(&js->lock);
		int k = js->next < js->n ? js->next++ : -1, stop = js->quit || cli_stopped();
		pthread_mutex_unlock(&js->lock);
		if (k < 0)
			return NULL;
		struct job *j = &js->job[k];
		if (stop)
			j->skipped = 1;
		else
			job_run(js, j, k == 0);
		/* the reader and the program are not needed by the committer */
		cap_close(&j->r);
		filter_prog_free(&j->fp);
		fclose(j->msg);
		j->msg = NULL;
		pthread_mutex_lock(&js->lock);
		j->done = 1;
		pthread_cond_broadcast(&js->changed);
		pthread_mutex_unlock(&js->lock);
	}
}

/* Job J comes to the head: write its held matches to OUT, oldest first,
 * then let it write on itself (live) and wait until it is done.  0, or
 * -1 when a write to OUT failed (J goes on: its writes fail at once, so
 * that it finds the failure where the serial run does), -2 when J's
 * input shrank before its runs were copied (J is then stopped: quit). */
static int job_drain(struct jobs *js, struct job *j)
{
	int rc = 0;
	pthread_mutex_lock(&js->lock);
	/* $BPFX_JOBS_BUFFER: not before J waits for room or is done;
	 * $BPFX_JOBS_LATE: nor before J's walk is over (job_late) */
	while ((js->hold_back || (js->late && !j->walked)) && !j->waiting && !j->done)
		pthread_cond_wait(&js->changed, &js->lock);
	for (;;) {
		struct held *h = j->held;
		if (h) {
			size_t freed[HELD_KINDS] = { 0 };
			j->held = NULL;
			j->tail = &j->held;
			pthread_mutex_unlock(&js->lock);
			for (struct held *next; h; h = next) { /* J holds on meanwhile */
				next = h->next;
				int was = js->w->failed;
				if (!rc && (rc = held_put(js, j, h)) == -1)
					job_out_failed(j, h->first, h->last, was);
				freed[held_kind(h)] += held_cost(h);
				held_free(h);
			}
			pthread_mutex_lock(&js->lock);
			for (int k = 0; k < HELD_KINDS; k++)
				held_sub(js, j, k, freed[k]);
			if (rc == -2)
				js->quit = 1;
			continue;
		}
		if (j->done)
			break;
		if (!j->live && rc != -2) {
			j->live = 1;
			pthread_cond_broadcast(&js->room);
		}
		pthread_cond_wait(&js->changed, &js->lock);
	}
	pthread_mutex_unlock(&js->lock);
	return rc;
}

static void job_close_fd(struct job *j)
{
	if (j->fd >= 0)
		close(j->fd);
	j->fd = -1;
}

/* Take file K's results in order: its records (job_drain), then its
 * messages.  Returns the run's status so far. */
static int job_commit(struct jobs *js, struct job *j, unsigned long *matched)
{
	int rc = js->w ? job_drain(js, j) : 0;
	if (!js->w) {
		pthread_mutex_lock(&js->lock);
		while (!j->done)
			pthread_cond_wait(&js->changed, &js->lock);
		pthread_mutex_unlock(&js->lock);
	}
	job_close_fd(j);
	if (j->skipped)
		return -1;
	fwrite(j->msgbuf, 1, j->msglen, stderr);
	*matched += j->matched;
	if (rc == -2) {
		fprintf(stderr, "bpfx filter: %s: changed while being read\n", cap_display(j->path));
		return 2;
	}
	/* a write of held matches failed: J's failure if J has matches of a
	 * later flush than those (job_out_failed), unless J said so itself */
	if (rc == -1 && !j->status && (j->pre_failed || j->last > j->failed)) {
		fprintf(stderr, "bpfx filter: %s\n", js->w->err);
		return 2;
	}
	return j->status;
}

/* The first file as the serial loop begins it: 0, or 2 after a message. */
static int job_first(const struct filter_args *a, struct job *j, struct cap_writer *w)
{
	if (cap_open(&j->r, j->path) < 0) {
		fprintf(stderr, "bpfx filter: %s\n", j->r.err);
		return 2;
	}
	if (filter_prog_for(&j->fp, a, &j->r, stderr) < 0)
		return 2;
	filter_announce(&j->r, stderr);
	if (a->out && cap_writer_open_as(w, a->out, j->r.p, a->pcapng ? CAP_PCAPNG : CAP_PCAP) < 0) {
		fprintf(stderr, "bpfx filter: %s\n", w->err);
		return 2;
	}
	return 0;
}

/* One file alone: cut it into ranges (js->n of them, js->split set)
 * where it is large enough and the block reader reads it; the first
 * job, opened, becomes the first range.  Otherwise one job, as it was. */
static void split_plan(struct jobs *js, int threads)
{
	struct job *j0 = &js->job[0];
	struct stat st;
	if (js->a->nfiles != 1 || !cap_splittable(&j0->r) || stat(j0->path, &st) < 0)
		return;
	uint64_t size = (uint64_t)st.st_size, piece = size / (4u * (unsigned)threads);
	piece = piece < SPLIT_MIN ? SPLIT_MIN : piece > SPLIT_MAX ? SPLIT_MAX : piece;
	uint64_t n = size / piece < SPLIT_JOBS ? size / piece : SPLIT_JOBS;
	int k = 1;
	for (uint64_t i = 1; i < n; i++) {
		uint64_t at = cap_boundary(&j0->r, size * i / n);
		if (at > js->job[k - 1].start) /* 0: none found; one range less */
			js->job[k++].start = at;
	}
	if (k < 2)
		return;
	js->split = 1;
	js->n = k;
	js->prog = j0->fp;
	memset(&j0->fp, 0, sizeof j0->fp);
	j0->start = CAP_FILE_HEADER;
	for (int i = 0; i < k; i++) {
		js->job[i].path = j0->path;
		js->job[i].end = i + 1 < k ? js->job[i + 1].start : UINT64_MAX;
	}
	cap_range(&j0->r, j0->start, j0->end);
	if (js->trace)
		fprintf(stderr, "bpfx filter: --jobs: %s in %d ranges\n", cap_display(j0->path), k);
}

/* After range J, whose walk did not end where the next range starts (or
 * stopped at a record libpcap is to judge): the rest of the file from
 * there, read serially by the committer as the serial run reads it
 * (RECORDS read before), onto OUT; 0, or 2 after a message. */
static int split_rest(struct jobs *js, const struct job *j, unsigned long records, unsigned long *matched)
{
	struct job rest = { .js = js, .path = j->path, .msg = stderr, .live = 1, .fd = -1 };
	rest.tail = &rest.held;
	if (js->trace)
		fprintf(stderr, "bpfx filter: --jobs: serial from offset %llu, after %lu records\n",
			(unsigned long long)j->stop, records);
	if (cap_open(&rest.r, rest.path) < 0) {
		fprintf(stderr, "bpfx filter: %s\n", rest.r.err);
		return 2;
	}
	if (cap_seek(&rest.r, j->stop, records) < 0) {
		fprintf(stderr, "bpfx filter: %s: changed while being read\n", cap_display(rest.path));
		rest.status = 2;
	} else {
		job_filter(js, &rest);
	}
	cap_close(&rest.r);
	job_close_fd(&rest);
	*matched += rest.matched;
	return rest.status;
}

static int jobs_start(struct jobs *js, pthread_t *tid, int nthreads)
{
	/* the stop signals go to the main thread: a worker only looks at
	 * cli_stopped() between packets */
	sigset_t stop, old;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	int started = 0;
	while (started < nthreads && !pthread_create(&tid[started], NULL, job_thread, js))
		started++;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return started;
}

/* 1 if range J (committed) ends where the next one starts, or, the last,
 * at the end of the file: the next range's records are the file's. */
static int split_continues(const struct jobs *js, int k)
{
	const struct job *j = &js->job[k];
	return j->whole && (k + 1 == js->n || j->stop == js->job[k + 1].start);
}

int filter_jobs(const struct filter_args *a, struct cap_writer *w, unsigned long *matched)
{
	/* room for the ranges of one file (split_plan) */
	int cap = a->nfiles > SPLIT_JOBS ? a->nfiles : SPLIT_JOBS;
	struct jobs js = { .a = a, .n = a->nfiles, .trace = getenv("BPFX_JOBS_TRACE") != NULL,
			   .bound = JOBS_HELD, .bound_all = JOBS_HELD_ALL };
	const char *buffer = getenv("BPFX_JOBS_BUFFER");
	if (buffer && strtoul(buffer, NULL, 10) > 0) {
		js.bound = strtoul(buffer, NULL, 10);
		js.bound_all = 4 * js.bound;
		js.hold_back = 1;
	}
	js.late = getenv("BPFX_JOBS_LATE") != NULL;
	js.piece = js.bound < JOBS_PIECE ? js.bound : JOBS_PIECE;
	js.chunk = js.bound / sizeof(struct cap_run);
	js.chunk = js.chunk < 1 ? 1 : js.chunk > JOBS_RUNS ? JOBS_RUNS : js.chunk;
	int nthreads = a->jobs < cap ? a->jobs : cap;
	pthread_t *tid = calloc((size_t)nthreads, sizeof *tid);
	js.job = calloc((size_t)cap, sizeof *js.job);
	if (!tid || !js.job) {
		free(tid);
		free(js.job);
		fprintf(stderr, "bpfx filter: -j: out of memory\n");
		return 2;
	}
	int status = 0, k;
	for (k = 0; k < cap; k++) {
		js.job[k].js = &js;
		js.job[k].path = k < a->nfiles ? a->files[k] : NULL;
		js.job[k].tail = &js.job[k].held;
		js.job[k].fd = -1;
		js.job[k].msg = open_memstream(&js.job[k].msgbuf, &js.job[k].msglen);
		if (!js.job[k].msg)
			status = 2;
	}
	if (status)
		fprintf(stderr, "bpfx filter: -j: out of memory\n");
	else
		status = job_first(a, &js.job[0], w);
	int started = 0;
	pthread_mutex_init(&js.lock, NULL);
	pthread_cond_init(&js.changed, NULL);
	pthread_cond_init(&js.room, NULL);
	pthread_mutex_init(&js.compile, NULL);
	if (!status) {
		split_plan(&js, nthreads);
		if (nthreads > js.n)
			nthreads = js.n;
		js.w = a->out ? w : NULL;
		started = jobs_start(&js, tid, nthreads);
		if (!started) {
			fprintf(stderr, "bpfx filter: -j: no thread could start\n");
			status = 2;
		}
	}
	unsigned long records = 0; /* split: records of the ranges committed */
	int rest = -1;             /* split: the range after which to read on serially */
	for (k = 0; started && k < js.n; k++) {
		int got = job_commit(&js, &js.job[k], matched);
		if (got < 0) /* skipped: the run was stopped before it */
			break;
		if ((status = got) != 0 || cli_stopped())
			break;
		records += js.job[k].records;
		/* the next range comes to the head only if it starts where
		 * this one ended */
		if (js.split && !split_continues(&js, k)) {
			rest = k;
			break;
		}
	}
	if (started) {
		/* the threads behind stop, and so do those waiting for room */
		pthread_mutex_lock(&js.lock);
		js.quit = 1;
		pthread_cond_broadcast(&js.room);
		pthread_mutex_unlock(&js.lock);
		for (int t = 0; t < started; t++)
			pthread_join(tid[t], NULL);
	} else if (js.job[0].r.p) { /* the threads never took the first file */
		cap_close(&js.job[0].r);
		filter_prog_free(&js.job[0].fp);
	}
	if (rest >= 0) { /* the later ranges' records are dropped: read on here */
		js.quit = 0;
		status = split_rest(&js, &js.job[rest], records, matched);
	}
	if (js.trace && js.w)
		fprintf(stderr, "bpfx filter: --jobs: %lu waits for room, at most %zu bytes held and %zu of %lu runs\n",
			js.waits, js.max_held[HELD_BYTES], js.max_held[HELD_RUNS], js.runs);
	pthread_mutex_destroy(&js.lock);
	pthread_cond_destroy(&js.changed);
	pthread_cond_destroy(&js.room);
	pthread_mutex_destroy(&js.compile);
	filter_prog_free(&js.prog);
	for (k = 0; k < cap; k++) {
		if (js.job[k].msg)
			fclose(js.job[k].msg);
		free(js.job[k].msgbuf);
		if (js.job[k].cur) /* after a stop */
			held_free(js.job[k].cur);
		job_close_fd(&js.job[k]);
		for (struct held *h = js.job[k].held, *next; h; h = next) { /* after a stop */
			next = h->next;
			held_free(h);
		}
	}
	free(js.job);
	free(tid);
	return status;
}
