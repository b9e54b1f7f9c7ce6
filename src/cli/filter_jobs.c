/* filter_jobs.c: `bpfx filter -j N -r F1 -r F2 ... (-w OUT | --count)`:
 * N files filtered at once, one thread per file, and an output that is
 * byte for byte the serial run's: the same records in the same order, the
 * same messages on stderr, the same exit status.
 *
 * A file taken when every file before it is committed (the first one
 * always) writes its matches to OUT itself.  Any other file's matches go
 * to a scratch file of its own (unlinked at once, so nothing is left
 * behind).  Every file's messages ("reading from file ...", a compile
 * error, where the file is damaged) go to a memory stream.  The
 * main thread commits the files in order: it waits for file k, prints its
 * messages, appends its records to OUT (sendfile: no copy through user
 * space), and stops where the serial run would stop: a file that failed,
 * or a stop signal.  Memory stays flat (two blocks per thread); the
 * scratch files hold the matches not yet committed.
 *
 * The first file is opened, compiled and announced by the main thread
 * before any thread starts, because OUT takes its link type, snapshot
 * length and precision from it (cap_writer_open_as), as in the serial
 * run.  Compiling is serialized (one lock): it is quick, and name lookups
 * (`host NAME`) and libpcap's compiler are not known to be thread-safe.
 *
 * -c (a count across files), -U (each packet flushed at once), printing
 * (a decoder carries state from packet to packet) and standard input
 * stay serial: filter_jobs_apply says so. */
#include "cli.h"
#include "filter.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct job {
	const char *path;
	struct cap_reader r;
	struct filter_prog fp;
	FILE *msg;               /* messages, in the order the serial run prints them */
	char *msgbuf;            /* msg's text once closed */
	size_t msglen;
	int tmp;                 /* scratch file of the matches; -1 without -w */
	unsigned long matched;
	int status;              /* 0, or 2 after a message */
	int done;                /* under jobs.lock: the committer may take it */
	int skipped;             /* not run: the run was stopped before it */
	int direct;              /* taken when every file before it was committed:
	                          * it writes to OUT itself, no scratch file */
};

struct jobs {
	const struct filter_args *a;
	struct cap_writer *w;    /* OUT; NULL without -w */
	struct job *job;
	int n;
	int next;                /* the next file a thread takes */
	int committed;           /* files committed so far (under lock) */
	_Atomic int quit;        /* the committer stopped: later files are not wanted */
	pthread_mutex_t lock;    /* next, done */
	pthread_cond_t changed;  /* a job is done */
	pthread_mutex_t compile; /* one compilation at a time */
};

int filter_jobs_apply(const struct filter_args *a)
{
	if (a->jobs <= 1 || a->nfiles <= 1 || a->iface || a->count || a->packet_buffered)
		return 0;
	if (!a->out && !a->count_only)
		return 0;
	for (int i = 0; i < a->nfiles; i++)
		if (!strcmp(a->files[i], "-"))
			return 0;
	return 1;
}

/* An unlinked scratch file in $TMPDIR (default /tmp), or -1. */
static int scratch_open(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
		return fd;
	char path[4096];
	snprintf(path, sizeof path, "%s/bpfx-jobs.XXXXXX", dir);
	fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	return fd;
}

/* The file's records, filtered into its scratch file (or OUT itself, for a
 * direct job); as filter_file (filter.c) for a file written with -w, or
 * counted. */
static void job_filter(struct jobs *js, struct job *j)
{
	const struct filter_args *a = js->a;
	struct cap_writer rw = { 0 }, *out = j->direct ? js->w : &rw;
	if (js->w) {
		if (cap_linktype(&j->r) != js->w->linktype) {
			fprintf(j->msg, "bpfx filter: %s: link type %d differs from %d already written to %s\n",
				cap_display(j->r.path), cap_linktype(&j->r), js->w->linktype, cap_display(a->out));
			j->status = 2;
			return;
		}
		if (!j->direct && ((j->tmp = scratch_open()) < 0 || cap_writer_records(&rw, js->w, j->tmp) < 0)) {
			fprintf(j->msg, "bpfx filter: %s: scratch file for -j: %s\n", cap_display(j->path),
				strerror(j->tmp < 0 ? errno : ENOMEM));
			j->status = 2;
			cap_writer_close(&rw);
			return;
		}
	}
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int got = 0;
	while (!js->quit && !cli_stopped() && (got = cap_next(&j->r, &h, &pkt)) > 0) {
		if (!filter_matches(&j->fp, h, pkt))
			continue;
		j->matched++;
		if (js->w && cap_write(out, h, pkt) < 0) {
			fprintf(j->msg, "bpfx filter: %s\n", out->err);
			j->status = 2;
			break;
		}
	}
	if (got < 0 && !cli_stopped() && !j->status) {
		fprintf(j->msg, "bpfx filter: %s\n", j->r.err);
		j->status = 2;
	}
	if (js->w && !j->direct && cap_writer_close(&rw) < 0 && !j->status) {
		fprintf(j->msg, "bpfx filter: %s\n", rw.err);
		j->status = 2;
	}
}

/* Open, compile, announce and filter file J (the first file arrives
 * opened, compiled and announced). */
static void job_run(struct jobs *js, struct job *j, int first)
{
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
		/* the committer waits for this file and touches OUT no more
		 * until it is done */
		if (k >= 0)
			js->job[k].direct = k == js->committed;
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

/* Take file K's results in order: its messages, then its records.
 * Returns the run's status so far. */
static int job_commit(struct jobs *js, struct job *j, struct cap_writer *w, unsigned long *matched)
{
	fwrite(j->msgbuf, 1, j->msglen, stderr);
	*matched += j->matched;
	if (w && j->tmp >= 0 && cap_writer_append(w, j->tmp) < 0) {
		fprintf(stderr, "bpfx filter: %s\n", w->err);
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

int filter_jobs(const struct filter_args *a, struct cap_writer *w, unsigned long *matched)
{
	struct jobs js = { .a = a, .n = a->nfiles };
	int nthreads = a->jobs < a->nfiles ? a->jobs : a->nfiles;
	pthread_t *tid = calloc((size_t)nthreads, sizeof *tid);
	js.job = calloc((size_t)js.n, sizeof *js.job);
	if (!tid || !js.job) {
		free(tid);
		free(js.job);
		fprintf(stderr, "bpfx filter: -j: out of memory\n");
		return 2;
	}
	int status = 0, k;
	for (k = 0; k < js.n; k++) {
		js.job[k].path = a->files[k];
		js.job[k].tmp = -1;
		js.job[k].msg = open_memstream(&js.job[k].msgbuf, &js.job[k].msglen);
		if (!js.job[k].msg)
			status = 2;
	}
	if (status)
		fprintf(stderr, "bpfx filter: -j: out of memory\n");
	else
		status = job_first(a, &js.job[0], w);
	int started = 0;
	if (!status) {
		js.w = a->out ? w : NULL;
		pthread_mutex_init(&js.lock, NULL);
		pthread_cond_init(&js.changed, NULL);
		pthread_mutex_init(&js.compile, NULL);
		started = jobs_start(&js, tid, nthreads);
		if (!started) {
			fprintf(stderr, "bpfx filter: -j: no thread could start\n");
			status = 2;
		}
	}
	for (k = 0; started && k < js.n; k++) {
		struct job *j = &js.job[k];
		pthread_mutex_lock(&js.lock);
		while (!j->done)
			pthread_cond_wait(&js.changed, &js.lock);
		pthread_mutex_unlock(&js.lock);
		if (j->skipped || (status = job_commit(&js, j, w, matched)) != 0 || cli_stopped())
			break;
		pthread_mutex_lock(&js.lock);
		js.committed = k + 1;
		pthread_mutex_unlock(&js.lock);
	}
	if (started) {
		js.quit = 1;
		for (int t = 0; t < started; t++)
			pthread_join(tid[t], NULL);
		pthread_mutex_destroy(&js.lock);
		pthread_cond_destroy(&js.changed);
		pthread_mutex_destroy(&js.compile);
	} else if (js.job[0].r.p) { /* the threads never took the first file */
		cap_close(&js.job[0].r);
		filter_prog_free(&js.job[0].fp);
	}
	for (k = 0; k < js.n; k++) {
		if (js.job[k].msg)
			fclose(js.job[k].msg);
		free(js.job[k].msgbuf);
		if (js.job[k].tmp >= 0)
			close(js.job[k].tmp);
	}
	free(js.job);
	free(tid);
	return status;
}
