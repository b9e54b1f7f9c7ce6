/* stop.c: SIGINT, SIGTERM and SIGHUP end a run between two packets, as
 * tcpdump's handler does (it only calls pcap_breakloop): the packet being
 * printed or written is finished, the run's loop sees cli_stopped() before
 * the next one, and the normal exit path flushes and closes every output.
 * Killing the process from the handler instead would leave a -w file
 * ending in half a record and lose whatever stdio still buffers.
 *
 * The handlers are installed without SA_RESTART, so a read blocked on a
 * pipe or a live capture waiting for traffic returns at once (EINTR) and
 * the loop notices the flag.  A write to a pipe or terminal would fail the
 * same way, halfway through a record (stdio does not retry EINTR), so the
 * signals are held while a packet is output there (cli_stop_hold) and for
 * good once the run is over.  SIGHUP stays ignored if it was ignored when
 * we started (nohup), as tcpdump does. */
#include "cli.h"
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>

volatile sig_atomic_t cli_stop_signal;
static pcap_t *volatile stop_live; /* a live capture to break out of */
static sigset_t stop_set;          /* the three signals, for holding */

static const int stop_sigs[] = { SIGINT, SIGTERM, SIGHUP };

static void on_signal(int sig)
{
	cli_stop_signal = sig;
	if (stop_live)
		pcap_breakloop(stop_live); /* only sets a flag and wakes poll(2) */
}

void cli_stop_install(void)
{
	const int *sigs = stop_sigs;
	struct sigaction sa, old;
	sigemptyset(&stop_set);
	for (size_t i = 0; i < sizeof stop_sigs / sizeof sigs[0]; i++)
		sigaddset(&stop_set, sigs[i]);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: see above */
	for (size_t i = 0; i < sizeof stop_sigs / sizeof sigs[0]; i++) {
		if (sigaction(sigs[i], &sa, &old) == 0 && sigs[i] == SIGHUP && old.sa_handler == SIG_IGN)
			sigaction(SIGHUP, &old, NULL);
	}
}

void cli_stop_watch(pcap_t *live)
{
	stop_live = live;
}

void cli_stop_hold(int hold)
{
	sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &stop_set, NULL);
}

void cli_stop_restart(int on)
{
	struct sigaction sa;
	for (size_t i = 0; i < sizeof stop_sigs / sizeof stop_sigs[0]; i++)
		if (sigaction(stop_sigs[i], NULL, &sa) == 0 && sa.sa_handler == on_signal) {
			sa.sa_flags = on ? SA_RESTART : 0;
			sigaction(stop_sigs[i], &sa, NULL);
		}
}

int cli_stop_can_cut(int fd)
{
	struct stat st;
	/* a regular file's write(2) is never cut short by a signal */
	return fstat(fd, &st) < 0 || !S_ISREG(st.st_mode);
}
