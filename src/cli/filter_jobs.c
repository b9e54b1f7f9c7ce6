/* filter_jobs.c: `bpfx filter -j N -r F1 -r F2 ... (-w OUT | --count)`:
 * N files filtered at once, one thread per file, and an output that is
 * byte for byte the serial run's: the same records in the same order, the
 * same messages on stderr, the same exit status.
 *
 * The file at the head of the output order (every file before it
 * committed) writes its matches to OUT itself ("live").  Any other file's
 * matches are kept in memory, in the blocks its writer hands over
 * (job_sink), up to a bound per file and a bound for all (JOBS_HELD,
 * JOBS_HELD_ALL); a thread that would pass either waits until the main
 * thread has written held blocks out.  The main thread commits the files
 * in order: when file k comes to the head it writes k's held blocks to
 * OUT, then lets k write on itself (job_drain), waits until k is done,
 * prints its messages, and stops where the serial run would stop: a file
 * that failed, or a stop signal.  No byte is written twice, and memory
 * stays flat: two blocks per thread and the bound.  The head never waits,
 * so the run always moves on; the files behind it run ahead only by the
 * bound, which is all the parallelism there is where most packets match
 * (the output is written in one order, by one file at a time).  Every
 * file's messages ("reading from file ...", a compile error, where the
 * file is damaged) go to a memory stream, printed at its commit.
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

/* One file is cut into ranges of at least SPLIT_MIN and at most SPLIT_MAX
 * bytes, four per thread where that fits (a thread that finishes early
 * takes another), and at most SPLIT_JOBS of them. */
#define SPLIT_MIN (2u << 20)
#define SPLIT_MAX (32u << 20)
#define SPLIT_JOBS 64
/* Matches held in memory per file not at the head, and for all of them:
 * a few blocks each, so that a file behind the head runs ahead by that
 * much.  $BPFX_JOBS_BUFFER=N (for the tests) sets N bytes per file, 4N in
 * all, and holds each file back from the head until it waits or is done,
 * so that the bound is sure to bite (tests/cli/jobs.sh). */
#define JOBS_HELD (4u << 20)
#define JOBS_HELD_ALL (4 * JOBS_HELD)

/* A block of matches held for a file not yet at the head. */
struct held {
	struct held *next;
	size_t len;
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
	size_t nheld;            /* their bytes */
	int live;                /* under jobs.lock: at the head, nothing held:
	                          * the matches go to OUT */
	int waiting;             /* under jobs.lock: waits for room */
	int out_failed;          /* a write to OUT failed, live: OUT's err says why */
	unsigned long matched;
	int status;              /* 0, or 2 after a message */
	int done;                /* under jobs.lock: the committer may take it */
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
	size_t nheld, max_held;  /* under lock: bytes held in all, the most ever */
	size_t bound, bound_all; /* JOBS_HELD, JOBS_HELD_ALL or $BPFX_JOBS_BUFFER */
	int hold_back;           /* $BPFX_JOBS_BUFFER: see JOBS_HELD */
	unsigned long waits;     /* under lock: times a thread waited for room */
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

/* The blocks of job J's writer: onto OUT once J is live, else held, in
 * pieces of at most the bound, waiting while the bounds are full.  Once
 * the committer has stopped, dropped.  0, or -1 with errno set. */
static int job_sink(void *ctx, const uint8_t *p, size_t len)
{
	struct job *j = ctx;
	struct jobs *js = j->js;
	pthread_mutex_lock(&js->lock);
	int live = j->live; /* once live, for good: no block to hold */
	pthread_mutex_unlock(&js->lock);
	while (len && !live) {
		size_t n = len < js->bound ? len : js->bound;
		struct held *h = malloc(sizeof *h + n);
		pthread_mutex_lock(&js->lock);
		while (!j->live && !js->quit && (j->nheld + n > js->bound || js->nheld + n > js->bound_all)) {
			js->waits += !j->waiting;
			j->waiting = 1;
			pthread_cond_broadcast(&js->changed);
			pthread_cond_wait(&js->room, &js->lock);
		}
		j->waiting = 0;
		live = j->live;
		int quit = js->quit, kept = !live && !quit && h;
		if (kept) {
			memcpy(h->data, p, n);
			h->len = n;
			h->next = NULL;
			*j->tail = h;
			j->tail = &h->next;
			j->nheld += n;
			js->nheld += n;
			if (js->nheld > js->max_held)
				js->max_held = js->nheld;
			pthread_cond_broadcast(&js->changed);
		}
		pthread_mutex_unlock(&js->lock);
		if (!kept)
			free(h);
		if (quit)
			return 0;
		if (!live && !kept) {
			errno = ENOMEM;
			return -1;
		}
		if (!live) {
			p += n;
			len -= n;
		}
	}
	/* the committer touches OUT no more until J is done */
	if (live && len && cap_writer_put(js->w, p, len) < 0) {
		j->out_failed = 1;
		errno = EIO;
		return -1;
	}
	return 0;
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
	}
	int got = filter_records(fp, &j->r, js->w ? &rw : NULL, 0, &j->matched, &js->quit);
	/* a write to OUT that failed says why in OUT's writer (the serial
	 * run's message), anything else in the job's own */
	if (got == -2) {
		fprintf(j->msg, "bpfx filter: %s\n", j->out_failed ? js->w->err : rw.err);
		j->status = 2;
	}
	if (got == -1 && !cli_stopped()) {
		fprintf(j->msg, "bpfx filter: %s\n", j->r.err);
		j->status = 2;
	}
	if (js->w && cap_writer_close(&rw) < 0 && !j->status) {
		fprintf(j->msg, "bpfx filter: %s\n", j->out_failed ? js->w->err : rw.err);
		j->status = 2;
	}
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
 * -1 when a write to OUT failed (J is then stopped: quit). */
static int job_drain(struct jobs *js, struct job *j)
{
	int rc = 0;
	pthread_mutex_lock(&js->lock);
	/* $BPFX_JOBS_BUFFER: not before J waits for room or is done */
	while (js->hold_back && !j->waiting && !j->done)
		pthread_cond_wait(&js->changed, &js->lock);
	for (;;) {
		struct held *h = j->held;
		if (h && !rc) {
			size_t n = j->nheld;
			j->held = NULL;
			j->tail = &j->held;
			j->nheld = 0;
			pthread_mutex_unlock(&js->lock);
			for (struct held *next; h; h = next) { /* J holds on meanwhile */
				next = h->next;
				if (!rc && cap_writer_put(js->w, h->data, h->len) < 0)
					rc = -1;
				free(h);
			}
			pthread_mutex_lock(&js->lock);
			js->nheld -= n;
			if (rc)
				js->quit = 1;
			pthread_cond_broadcast(&js->room);
			continue;
		}
		if (j->done)
			break;
		if (!j->live && !rc) {
			j->live = 1;
			pthread_cond_broadcast(&js->room);
		}
		pthread_cond_wait(&js->changed, &js->lock);
	}
	pthread_mutex_unlock(&js->lock);
	return rc;
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
	if (j->skipped)
		return -1;
	fwrite(j->msgbuf, 1, j->msglen, stderr);
	*matched += j->matched;
	if (rc < 0) {
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
	struct job rest = { .js = js, .path = j->path, .msg = stderr, .live = 1 };
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
		fprintf(stderr, "bpfx filter: --jobs: %lu waits for room, at most %zu bytes held\n", js.waits,
			js.max_held);
	pthread_mutex_destroy(&js.lock);
	pthread_cond_destroy(&js.changed);
	pthread_cond_destroy(&js.room);
	pthread_mutex_destroy(&js.compile);
	filter_prog_free(&js.prog);
	for (k = 0; k < cap; k++) {
		if (js.job[k].msg)
			fclose(js.job[k].msg);
		free(js.job[k].msgbuf);
		for (struct held *h = js.job[k].held, *next; h; h = next) { /* after a stop */
			next = h->next;
			free(h);
		}
	}
	free(js.job);
	free(tid);
	return status;
}
