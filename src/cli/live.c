/* live.c: what `bpfx filter -i` prints around a live capture, as tcpdump
 * 4.99 prints it: the interface list (-D), the "listening on" line, and
 * the packet counts when the capture ends. */
#include "cli.h"
#include <stdio.h>

/* tcpdump -D: the interface flags it names, in its order. */
static const struct {
	bpf_u_int32 bit;
	const char *name;
} if_flags[] = {
	{ PCAP_IF_UP, "Up" },
	{ PCAP_IF_RUNNING, "Running" },
	{ PCAP_IF_LOOPBACK, "Loopback" },
	{ PCAP_IF_WIRELESS, "Wireless" },
};

/* The connection status words, wired and wireless (pcap_findalldevs(3PCAP)). */
static const struct {
	bpf_u_int32 status;
	const char *wired, *wireless;
} if_status[] = {
	{ PCAP_IF_CONNECTION_STATUS_UNKNOWN, "Connection status unknown", "Association status unknown" },
	{ PCAP_IF_CONNECTION_STATUS_CONNECTED, "Connected", "Associated" },
	{ PCAP_IF_CONNECTION_STATUS_DISCONNECTED, "Disconnected", "Not associated" },
};

int cli_list_devices(void)
{
	pcap_if_t *devs;
	char ebuf[PCAP_ERRBUF_SIZE];
	if (pcap_findalldevs(&devs, ebuf) < 0) {
		fprintf(stderr, "%s: %s\n", cli_prog, ebuf);
		return 2;
	}
	int i = 0;
	for (pcap_if_t *d = devs; d; d = d->next) {
		printf("%d.%s", ++i, d->name);
		if (d->description)
			printf(" (%s)", d->description);
		if (d->flags) {
			const char *sep = "";
			putchar(' ');
			putchar('[');
			for (size_t k = 0; k < sizeof if_flags / sizeof if_flags[0]; k++)
				if (d->flags & if_flags[k].bit) {
					printf("%s%s", sep, if_flags[k].name);
					sep = ", ";
				}
			if (!*sep)
				fputs("none", stdout);
			for (size_t k = 0; k < sizeof if_status / sizeof if_status[0]; k++)
				if ((d->flags & PCAP_IF_CONNECTION_STATUS) == if_status[k].status)
					printf(", %s", d->flags & PCAP_IF_WIRELESS ? if_status[k].wireless
										: if_status[k].wired);
			putchar(']');
		}
		putchar('\n');
	}
	pcap_freealldevs(devs);
	if (!i) {
		fprintf(stderr, "%s: no interfaces available for capture\n", cli_prog);
		return 2;
	}
	return 0;
}

void cli_live_announce(pcap_t *p, const char *dev, int quiet)
{
	int dlt = pcap_datalink(p);
	const char *name = pcap_datalink_val_to_name(dlt);
	fflush(stdout);
	if (quiet)
		fprintf(stderr, "%s: verbose output suppressed, use -v[v]... for full protocol decode\n", cli_prog);
	else
		fprintf(stderr, "%s: ", cli_prog);
	fprintf(stderr, "listening on %s", dev);
	if (name)
		fprintf(stderr, ", link-type %s (%s)", name, pcap_datalink_val_to_description(dlt));
	else
		fprintf(stderr, ", link-type %d", dlt);
	fprintf(stderr, ", snapshot length %d bytes\n", pcap_snapshot(p));
}

#define PLURAL(n) ((n) == 1 ? "" : "s")

void cli_live_stats(pcap_t *p, unsigned long captured)
{
	struct pcap_stat st = { 0 };
	fflush(stdout);
	if (pcap_stats(p, &st) < 0) {
		fprintf(stderr, "%s: pcap_stats: %s\n", cli_prog, pcap_geterr(p));
		return;
	}
	fprintf(stderr, "%lu packet%s captured\n", captured, PLURAL(captured));
	fprintf(stderr, "%u packet%s received by filter\n", st.ps_recv, PLURAL(st.ps_recv));
	fprintf(stderr, "%u packet%s dropped by kernel\n", st.ps_drop, PLURAL(st.ps_drop));
	if (st.ps_ifdrop)
		fprintf(stderr, "%u packet%s dropped by interface\n", st.ps_ifdrop, PLURAL(st.ps_ifdrop));
}
