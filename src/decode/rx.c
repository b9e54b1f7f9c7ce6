/* rx.c: AFS's RX protocol (UDP 7000-7009) as tcpdump 4.99 prints it:
 *
 *   " rx data fs call fetch-status fid 536871098/846/1049757 (44)"
 *   -v: " seq S ser N" after the type; -vv: " cid C call# N" before it and
 *   the flags ("<client-init>,<last-pckt>") after; -vvv: " secindex I
 *   serviceid S".
 *
 * A data packet with sequence 1 and the client-init flag is a call: the
 * destination port names the service (fs, cb, pt, vldb, kauth, vol, bos;
 * pt, vldb and kauth also speak ubik), the word after the header the
 * operation, and the arguments of the common operations follow.  A call
 * is remembered (like tcpdump, the last 64), so that the reply (sequence
 * 1 without client-init, or an abort) from the service's port can be
 * named by the call's operation.  Acks print their range of (n)acked
 * packets.  The operations' arguments are written as little programs
 * (struct rx_args), run by rx_run.
 *
 * Truncation as tcpdump has it: a field read past the capture ends the
 * line with " [|rx]"; the printers' own length checks (a fid, a string, a
 * vector) end the service's part with " [|fs]" etc. and the line still
 * gets its " (length)". */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode/dec.h"

#define RX_HDR 28
#define RX_CACHE_SIZE 64
enum { RX_DATA = 1, RX_ACK = 2, RX_ABORT = 4 };
enum { RX_CLIENT_INIT = 1 };
enum { RX_ACK_NACK = 0, RX_ACK_ACK = 1 };
#define RX_ACKHDR 18               /* the fixed part of an ack, before its list */
/* tcpdump's name length limits, for strings and vectors */
#define AFSNAMEMAX 256
#define AFSOPAQUEMAX 1024

/* The calls remembered to name their replies (tcpdump's rx_cache). */
struct rx_call {
	uint32_t callnum, client, server; /* addresses as the IPv4 header has them */
	unsigned dport, service;
	uint32_t opcode;
};
struct dec_rx {
	struct rx_call c[RX_CACHE_SIZE];
	unsigned next, hint;
};

static const struct dec_tok rx_types[] = {
	{ 1, "data" }, { 2, "ack" }, { 3, "busy" }, { 4, "abort" }, { 5, "ackall" }, { 6, "challenge" },
	{ 7, "response" }, { 8, "debug" }, { 9, "params" }, { 13, "version" }, { 0, NULL },
};
/* flag, the packet type it belongs to (0: any), name */
static const struct { unsigned flag, type; const char *s; } rx_flags[] = {
	{ 1, 0, "client-init" }, { 2, 0, "req-ack" }, { 4, 0, "last-pckt" }, { 8, 0, "more-pckts" },
	{ 16, 0, "free-pckt" }, { 32, RX_ACK, "slow-start" }, { 32, RX_DATA, "jumbogram" },
};
static const struct dec_tok rx_ack_reasons[] = {
	{ 1, "ack requested" }, { 2, "duplicate packet" }, { 3, "out of sequence" }, { 4, "exceeds window" },
	{ 5, "no buffer space" }, { 6, "ping" }, { 7, "ping response" }, { 8, "delay" }, { 9, "idle" },
	{ 0, NULL },
};
static const struct dec_tok afs_fs_errors[] = {
	{ 101, "salvage volume" }, { 102, "no such vnode" }, { 103, "no such volume" }, { 104, "volume exist" },
	{ 105, "no service" }, { 106, "volume offline" }, { 107, "voline online" }, { 108, "diskfull" },
	{ 109, "diskquota exceeded" }, { 110, "volume busy" }, { 111, "volume moved" }, { 112, "AFS IO error" },
	{ 0xffffff9cu, "restarting fileserver" }, { 0, NULL },
};
static const char *const voltype[] = { "read-write", "read-only", "backup" };

/* Operation names per service: runs of consecutive numbers from base,
 * one word each. */
struct rx_names {
	const char *service;       /* rx_service's name */
	uint32_t base;
	const char *words;
};
static const struct rx_names rx_names[] = {
	{ "fs", 130, "fetch-data fetch-acl fetch-status store-data store-acl store-status remove-file "
	  "create-file rename symlink link makedir rmdir oldsetlock oldextlock oldrellock "
	  "get-stats give-cbs get-vlinfo get-vlstats set-vlstats get-rootvl check-token "
	  "get-time nget-vlinfo bulk-stat setlock extlock rellock xstat-ver get-xstat "
	  "dfs-lookup dfs-flushcps dfs-symlink" },
	{ "fs", 220, "residency" },
	{ "fs", 65536, "inline-bulk-status fetch-data-64 store-data-64 give-up-all-cbs get-caps "
	  "cb-rx-conn-addr" },
	{ "cb", 204, "callback initcb probe getlock getce xstatver getxstat initcb2 whoareyou initcb3 "
	  "probeuuid getsrvprefs getcellservdb getlocalcell getcacheconf" },
	{ "cb", 65536, "getce64 getcellbynum tellmeaboutyourself" },
	{ "pt", 500, "new-user where-is-it dump-entry add-to-group name-to-id id-to-name delete "
	  "remove-from-group get-cps new-entry list-max set-max list-entry change-entry "
	  "list-elements same-mbr-of set-fld-sentry list-owned get-cps2 get-host-cps "
	  "update-entry list-entries" },
	{ "pt", 530, "list-super-groups" },
	{ "vldb", 501, "create-entry delete-entry get-entry-by-id get-entry-by-name get-new-volume-id "
	  "replace-entry update-entry setlock releaselock list-entry list-attrib "
	  "linked-list get-stats probe get-addrs change-addr create-entry-n "
	  "get-entry-by-id-n get-entry-by-name-n replace-entry-n list-entry-n list-attrib-n "
	  "linked-list-n update-entry-by-name create-entry-u get-entry-by-id-u "
	  "get-entry-by-name-u replace-entry-u list-entry-u list-attrib-u linked-list-u "
	  "regaddr get-addrs-u list-attrib-n2" },
	{ "kauth", 1, "auth-old change-pw get-ticket-old set-pw set-fields create-user delete-user "
	  "get-entry list-entry get-stats debug get-pw get-random-key unlock lock-status" },
	{ "kauth", 21, "authenticate authenticate-v2 get-ticket" },
	{ "vol", 100, "create-volume delete-volume restore forward end-trans clone set-flags get-flags "
	  "trans-create dump get-nth-volume set-forwarding get-name get-status sig-restore "
	  "list-partitions list-volumes set-id-types monitor partition-info reclone "
	  "list-one-volume nuke set-date x-list-volumes x-list-one-volume set-info "
	  "x-list-partitions forward-multiple" },
	{ "vol", 65536, "convert-ro get-size dump-v2" },
	{ "bos", 80, "create-bnode delete-bnode set-status get-status enumerate-instance "
	  "get-instance-info get-instance-parm add-superuser delete-superuser "
	  "list-superusers list-keys add-key delete-key set-cell-name get-cell-name "
	  "get-cell-host add-cell-host delete-cell-host set-t-status shutdown-all "
	  "restart-all startup-all set-noauth-flag re-bozo restart start-bozo-install "
	  "uninstall get-dates exec prune set-restart-time get-restart-time start-bozo-log "
	  "wait-all get-instance-strings get-restricted set-restricted" },
	{ "ubik", 10000, "vote-beacon vote-debug-old vote-sdebug-old vote-getsyncsite vote-debug "
	  "vote-sdebug vote-xdebug vote-xsdebug" },
	{ "ubik", 20000, "disk-begin disk-commit disk-lock disk-write disk-getversion disk-getfile "
	  "disk-sendfile disk-abort disk-releaselocks disk-truncate disk-probe disk-writev "
	  "disk-interfaceaddr disk-setversion" },
	{ NULL, 0, NULL },
};
#define VOTE_LOW 10000
#define VOTE_HIGH 10007
#define DISK_LOW 20000
#define DISK_HIGH 20013

/* op's word for the service, else "op#N". */
static void rx_opname(struct dec_ctx *d, const char *service, uint32_t op)
{
	for (const struct rx_names *t = rx_names; t->words; t++) {
		if (strcmp(t->service, service))
			continue;
		const char *w = t->words;
		for (uint32_t k = t->base; *w; k++) {
			size_t n = strcspn(w, " ");
			if (k == op) {
				dec_printf(d, "%.*s", (int)n, w);
				return;
			}
			w += n + (w[n] == ' ');
		}
	}
	dec_printf(d, "op#%u", op);
}

/* An operation's arguments: words are printed as " word", %-items read
 * the message:
 *   %F fid "a/b/c"      %U unsigned    %I signed     %L 64-bit unsigned
 *   %D date             %A store-status attributes   %T ubik version a.b
 *   %SN string (at most N)   %VN vector of N one-character words
 *   %Q AFS UUID         %Z dest server a:b:c          %K volume type
 *   %X opaque, skipped  %_ a word, skipped           %y ubik syncsite
 *   %a an ACL           %C callback's expiry list    %EN a VLDB entry
 *                                                     (8, 13, u: UUIDs)
 *   %W list-volumes entries
 *   %l before F, I, VN, Z: a counted list of them (F and Z ","-separated)
 * "" for an operation named but with no arguments printed. */
struct rx_args {
	uint32_t op;
	const char *spec;
};

static const struct rx_args fs_calls[] = {
	{ 130, "%F offset %U length %U" }, { 131, "%F" }, { 132, "%F" }, { 143, "%F" }, { 144, "%F" },
	{ 145, "%F" }, { 156, "%F" }, { 157, "%F" }, { 158, "%F" }, { 135, "%F %A" },
	{ 133, "%F %A offset %U length %U flen %U" }, { 134, "%F %a" }, { 137, "%F %S256 %A" },
	{ 141, "%F %S256 %A" }, { 136, "%F %S256" }, { 142, "%F %S256" },
	{ 138, "old %F %S256 new %F %S256" }, { 139, "%F %S256 link to %S256" },
	{ 140, "%F %S256 link to %F" }, { 148, "%S256" }, { 149, "volid %U" }, { 150, "volid %U" },
	{ 154, "volname %S256" }, { 155, "%lF" }, { 65536, "%lF" }, { 65537, "%F offset %L length %L" },
	{ 65538, "%F %A offset %L length %L flen %L" }, { 65541, "addr %U" }, { 0, NULL },
};
static const struct rx_args fs_replies[] = {
	{ 131, "%a" }, { 137, "new %F" }, { 141, "new %F" }, { 151, "root volume %S256" }, { 153, "%D" },
	{ 0, NULL },
};
static const struct rx_args cb_calls[] = {
	{ 204, "%lF %C" }, { 214, "afsuuid %Q" }, { 0, NULL },
};
static const struct rx_args cb_replies[] = {
	{ 213, "%Q" }, { 0, NULL },
};
static const struct rx_args pt_calls[] = {
	{ 500, "%S64 id %I oldid %I" }, { 501, "id %I" }, { 506, "id %I" }, { 508, "id %I" }, { 512, "id %I" },
	{ 514, "id %I" }, { 517, "id %I" }, { 518, "id %I" }, { 519, "id %I" }, { 530, "id %I" },
	{ 502, "pos %I" }, { 503, "uid %I gid %I" }, { 507, "uid %I gid %I" }, { 515, "uid %I gid %I" },
	{ 504, "%lV64" }, { 505, "ids: %lI" }, { 509, "%S64 flag %I oid %I" }, { 511, "id %I gflag %I" },
	{ 513, "id %I %S64 oldid %I newid %I" }, { 520, "id %I %S64" }, { 0, NULL },
};
static const struct rx_args pt_replies[] = {
	{ 504, "ids: %lI" }, { 505, "%lV64" }, { 508, "%lI" }, { 514, "%lI" }, { 517, "%lI" }, { 518, "%lI" },
	{ 519, "%lI" }, { 510, "maxuid %I maxgid %I" }, { 0, NULL },
};
static const struct rx_args vldb_calls[] = {
	{ 501, "%V65" }, { 517, "%V65" }, { 502, "volid %I %K" }, { 503, "volid %I %K" }, { 507, "volid %I %K" },
	{ 508, "volid %I %K" }, { 509, "volid %I %K" }, { 518, "volid %I %K" }, { 504, "%S65" },
	{ 519, "%S65" }, { 524, "%S65" }, { 527, "%S65" }, { 505, "bump %I" }, { 506, "volid %I %K %V65" },
	{ 520, "volid %I %K %V65" }, { 510, "index %I" }, { 521, "index %I" }, { 0, NULL },
};
static const struct rx_args vldb_replies[] = {
	{ 510, "count %I nextindex %I %E8" }, { 503, "%E8" }, { 504, "%E8" }, { 505, "newvol %U" },
	{ 521, "count %I nextindex %I %E13" }, { 529, "count %I nextindex %I %E13" }, { 518, "%E13" },
	{ 519, "%E13" }, { 526, "%Eu" }, { 527, "%Eu" }, { 0, NULL },
};
static const struct rx_args kauth_calls[] = {
	{ 1, "principal %S64 %S64" }, { 21, "principal %S64 %S64" }, { 22, "principal %S64 %S64" },
	{ 2, "principal %S64 %S64" }, { 5, "principal %S64 %S64" }, { 6, "principal %S64 %S64" },
	{ 7, "principal %S64 %S64" }, { 8, "principal %S64 %S64" }, { 14, "principal %S64 %S64" },
	{ 15, "principal %S64 %S64" }, { 3, "kvno %I domain %S64 %X principal %S64 %S64" },
	{ 23, "kvno %I domain %S64 %X principal %S64 %S64" }, { 4, "principal %S64 %S64 kvno %I" },
	{ 12, "name %S64" }, { 0, NULL },
};
static const struct rx_args vol_calls[] = {
	{ 100, "partition %U name %S256 type %U parent %U" }, { 101, "trans %U" }, { 107, "trans %U" },
	{ 102, "totrans %U flags %U" }, { 103, "fromtrans %U fromdate %D %Z desttrans %I" },
	{ 104, "trans %U" }, { 105, "trans %U purgevol %U newtype %U newname %S256" },
	{ 106, "trans %U flags %U" }, { 108, "vol %U partition %U flags %U" },
	{ 109, "fromtrans %U fromdate %D" }, { 655537, "fromtrans %U fromdate %D" }, { 110, "index %U" },
	{ 111, "tid %U newsite %U" }, { 112, "tid" }, { 113, "tid" },
	{ 114, "name %S256 type %U pid %U cloneid %U" }, { 116, "partition %U flags %U" },
	{ 117, "tid %U name %S256 type %U pid %U clone %U backup %U" }, { 119, "name %S256" },
	{ 120, "tid %U" }, { 121, "partid %U volid %U" }, { 122, "partid %U volid %U" },
	{ 124, "partid %U volid %U" }, { 125, "partid %U volid %U" }, { 65536, "partid %U volid %U" },
	{ 123, "tid %U date %D" }, { 126, "tid %U" }, { 128, "fromtrans %U fromdate %D %lZ" },
	{ 65538, "fromtrans %U fromdate %D flags %U" }, { 0, NULL },
};
static const struct rx_args vol_replies[] = {
	{ 100, "volid %U trans %U" }, { 104, "%U" }, { 105, "newvol %U" }, { 107, "%U" }, { 108, "trans %U" },
	{ 110, "volume %U partition %U" }, { 112, "%S256" },
	{ 113, "volid %U nextuniq %U type %U parentid %U clone %U backup %U restore %U maxquota %U "
	       "minquota %U owner %U create %D access %D update %D expire %D backup %D copy %D" },
	{ 116, "%W" }, { 121, "%W" }, { 0, NULL },
};
static const struct rx_args bos_calls[] = {
	{ 80, "type %S256 instance %S256" }, { 81, "%S256" }, { 83, "%S256" }, { 85, "%S256" }, { 87, "%S256" },
	{ 88, "%S256" }, { 93, "%S256" }, { 96, "%S256" }, { 97, "%S256" }, { 104, "%S256" }, { 106, "%S256" },
	{ 108, "%S256" }, { 112, "%S256" }, { 114, "%S256" }, { 82, "%S256 status %I" },
	{ 98, "%S256 status %I" }, { 86, "%S256 num %I" }, { 84, "%I" }, { 89, "%I" }, { 90, "%I" },
	{ 91, "%I" }, { 92, "%I" }, { 95, "%I" }, { 105, "%S256 size %I flags %I date %I" }, { 0, NULL },
};
static const struct rx_args ubik_calls[] = {
	{ 10000, "%y votestart %D dbversion %T tid %T" }, { 10003, "site %U" }, { 20000, "tid %T" },
	{ 20001, "tid %T" }, { 20007, "tid %T" }, { 20008, "tid %T" }, { 20010, "tid %T" },
	{ 20002, "tid %T file %I pos %I length %I %_" }, { 20003, "tid %T file %I pos %I" },
	{ 20005, "file %I" }, { 20006, "file %I length %I dbversion %T" },
	{ 20009, "tid %T file %I length %I" }, { 20012, "tid %T oldversion %T newversion %T" }, { 0, NULL },
};

/* A service, by its port.  short_reply: the reply printer gives up on a
 * message of no more than the header (else: shorter than it); replies:
 * NULL where tcpdump prints nothing of a data reply; ubik: the service
 * also answers ubik operations. */
struct rx_service {
	unsigned port;
	const char *name;
	const struct rx_args *calls, *replies;
	unsigned char ubik, short_reply;
};
static const struct rx_service rx_services[] = {
	{ 7000, "fs", fs_calls, fs_replies, 0, 1 },
	{ 7001, "cb", cb_calls, cb_replies, 0, 1 },
	{ 7002, "pt", pt_calls, pt_replies, 1, 0 },
	{ 7003, "vldb", vldb_calls, vldb_replies, 1, 0 },
	{ 7004, "kauth", kauth_calls, NULL, 1, 1 },
	{ 7005, "vol", vol_calls, vol_replies, 0, 1 },
	{ 7007, "bos", bos_calls, NULL, 0, 1 },
};
static const struct rx_service rx_ubik = { 0, "ubik", ubik_calls, NULL, 0, 0 };

/* The message being read: p the next byte, and the exit of the service
 * printer's own checks (" [|fs]"). */
struct rx_msg {
	struct dec_ctx *d;
	const uint8_t *p;
	const char *svc_name;      /* named by the exit: "fs", "ubik" */
	jmp_buf svc;
};

static _Noreturn void rx_svc_trunc(struct rx_msg *m)
{
	longjmp(m->svc, 1);
}
static void rx_check(struct rx_msg *m, size_t n)
{
	if (!dec_has(m->d, m->p, n))
		rx_svc_trunc(m);
}
static uint32_t rx_word(struct rx_msg *m)
{
	uint32_t v = dec_be32(m->d, m->p);
	m->p += 4;
	return v;
}

static void rx_date(struct rx_msg *m)
{
	time_t t = (time_t)(int32_t)rx_word(m);
	char s[64];
	struct tm *tm = localtime(&t);
	if (!tm || !strftime(s, sizeof s, "%Y/%m/%d %H:%M:%S", tm))
		s[0] = '\0';
	dec_printf(m->d, " %s", s);
}
static void rx_fid(struct rx_msg *m)
{
	rx_check(m, 12);
	uint32_t a = rx_word(m), b = rx_word(m), c = rx_word(m);
	dec_printf(m->d, " fid %u/%u/%u", a, b, c);
}
static void rx_destserver(struct rx_msg *m)
{
	rx_check(m, 12);
	uint32_t a = rx_word(m), b = rx_word(m), c = rx_word(m);
	dec_printf(m->d, " server %u:%u:%u", a, b, c);
}
/* A counted string, padded to 4 bytes; cut short: its captured part. */
static void rx_string(struct rx_msg *m, unsigned max)
{
	uint32_t n = rx_word(m);
	if (n > max)
		rx_svc_trunc(m);
	dec_printf(m->d, " \"");
	for (uint32_t i = 0; i < n; i++) {
		if (!dec_has(m->d, m->p + i, 1))
			rx_svc_trunc(m);
		dec_putc_safe(m->d, m->p[i]);
	}
	dec_printf(m->d, "\"");
	m->p += (n + 3) / 4 * 4;
}
/* n words each holding one character, printed up to the first NUL. */
static void rx_vector(struct rx_msg *m, unsigned n)
{
	rx_check(m, (size_t)n * 4);
	int end = 0;
	dec_printf(m->d, " \"");
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = (uint8_t)rx_word(m);
		end |= c == 0;
		if (!end)
			dec_putc_safe(m->d, c);
	}
	dec_printf(m->d, "\"");
}
static void rx_uuid(struct rx_msg *m)
{
	rx_check(m, 44);
	dec_printf(m->d, " %08x", rx_word(m));
	dec_printf(m->d, "%04x", rx_word(m));
	dec_printf(m->d, "%04x", rx_word(m));
	for (int i = 0; i < 8; i++)
		dec_printf(m->d, "%02x", rx_word(m) & 0xff);
}
static void rx_storeattr(struct rx_msg *m)
{
	static const struct { unsigned bit; const char *fmt; unsigned mask; } attrs[] = {
		{ 2, " owner %u", ~0u }, { 4, " group %u", ~0u }, { 8, " mode %o", 07777 },
		{ 16, " segsize %u", ~0u },
	};
	rx_check(m, 24);
	uint32_t mask = rx_word(m);
	if (mask)
		dec_printf(m->d, " StoreStatus");
	if (mask & 1) {
		dec_printf(m->d, " date");
		rx_date(m);
	} else {
		m->p += 4;
	}
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
		uint32_t v = rx_word(m);
		if (mask & attrs[i].bit)
			dec_printf(m->d, attrs[i].fmt, v & attrs[i].mask);
	}
	if (mask & 1024)
		dec_printf(m->d, " fsync");
}

/* An ACL: "npos nneg\n" then "user bits\n" lines, read as tcpdump reads
 * them (sscanf on the text up to its first NUL). */
static void rx_acl_bits(struct dec_ctx *d, int acl)
{
	static const struct { int bit; char c; } order[] = { /* the "fs" command's order */
		{ 1, 'r' }, { 8, 'l' }, { 4, 'i' }, { 16, 'd' }, { 2, 'w' }, { 32, 'k' }, { 64, 'a' },
	};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (acl & order[i].bit)
			dec_printf(d, "%c", order[i].c);
}
static void rx_acl(struct rx_msg *m)
{
	uint32_t n = rx_word(m);
	rx_check(m, n);
	if (n > AFSOPAQUEMAX)
		n = AFSOPAQUEMAX;
	char a[AFSOPAQUEMAX + 1], user[AFSOPAQUEMAX + 1];
	memcpy(a, m->p, n);
	a[n] = '\0';
	const char *s = a, *end = a + n;
	int counts[2], acl, k;
	if (sscanf(s, "%d %d\n%n", &counts[0], &counts[1], &k) != 2)
		return;
	s += k;
	for (int sign = 0; sign < 2; sign++)
		for (int i = 0; i < counts[sign]; i++) {
			if (s > end || sscanf(s, "%1024s %d\n%n", user, &acl, &k) != 2)
				return;
			s += k;
			dec_printf(m->d, " %c{", sign ? '-' : '+');
			for (const char *c = user; *c; c++)
				dec_putc_safe(m->d, (uint8_t)*c);
			dec_printf(m->d, " ");
			rx_acl_bits(m->d, acl);
			dec_printf(m->d, "}");
		}
}

/* A VLDB entry: name, servers, partitions, volume ids.  n: 8 or 13
 * servers; uuids: servers as AFS UUIDs (the "u" replies). */
static void rx_vldb_entry(struct rx_msg *m, unsigned n, int uuids)
{
	rx_vector(m, 65);
	if (n == 8) { /* the old entry has a word between name and count */
		rx_check(m, 4);
		m->p += 4;
	}
	dec_printf(m->d, " numservers");
	uint32_t ns = rx_word(m);
	dec_printf(m->d, " %u servers", ns);
	for (unsigned i = 0; i < n; i++) {
		if (uuids && i < ns) {
			dec_printf(m->d, " afsuuid");
			rx_uuid(m);
			continue;
		}
		rx_check(m, uuids ? 44 : 4);
		if (i < ns) {
			dec_printf(m->d, " ");
			dec_ip4addr_num(m->d, m->p);
		}
		m->p += uuids ? 44 : 4;
	}
	if (uuids) {
		rx_check(m, 4 * 13);
		m->p += 4 * 13;
	}
	dec_printf(m->d, " partitions");
	for (unsigned i = 0; i < n; i++) {
		uint32_t j = rx_word(m);
		if (i < ns && j <= 26)
			dec_printf(m->d, " %c", 'a' + j);
		else if (i < ns)
			dec_printf(m->d, " %u", j);
	}
	rx_check(m, 4 * n);
	m->p += 4 * n;
	static const char *const ids[] = { " rwvol", " rovol", " backup" };
	for (int i = 0; i < 3; i++)
		dec_printf(m->d, "%s %u", ids[i], rx_word(m));
}

static void rx_item(struct rx_msg *m, char c, unsigned num);

/* %l: a count, then that many items; none: " <none!>". */
static void rx_list(struct rx_msg *m, char c, unsigned num)
{
	uint32_t j = rx_word(m);
	for (uint32_t i = 0; i < j; i++) {
		rx_item(m, c, num);
		if ((c == 'F' || c == 'Z') && i != j - 1)
			dec_printf(m->d, ",");
	}
	if (j == 0)
		dec_printf(m->d, " <none!>");
}

static void rx_item(struct rx_msg *m, char c, unsigned num)
{
	struct dec_ctx *d = m->d;
	uint32_t v;
	switch (c) {
	case 'F': rx_fid(m); break;
	case 'U': dec_printf(d, " %u", rx_word(m)); break;
	case 'I': dec_printf(d, " %d", (int32_t)rx_word(m)); break;
	case 'L':
		v = rx_word(m);
		dec_printf(d, " %llu", (unsigned long long)v << 32 | rx_word(m));
		break;
	case 'D': rx_date(m); break;
	case 'A': rx_storeattr(m); break;
	case 'T':
		rx_check(m, 8);
		v = rx_word(m);
		dec_printf(d, " %u.%u", v, rx_word(m));
		break;
	case 'S': rx_string(m, num); break;
	case 'V': rx_vector(m, num); break;
	case 'Q': rx_uuid(m); break;
	case 'Z': rx_destserver(m); break;
	case 'K':
		v = rx_word(m);
		if (v <= 2)
			dec_printf(d, " type %s", voltype[v]);
		break;
	case 'X':
		v = rx_word(m);
		rx_check(m, v);
		m->p += v;
		break;
	case '_': rx_word(m); break;
	case 'y': dec_printf(d, " syncsite %s", rx_word(m) ? "yes" : "no"); break;
	case 'a': rx_acl(m); break;
	case 'C': /* the callbacks' versions and expiry times */
		v = rx_word(m);
		if (v)
			dec_printf(d, ";");
		for (uint32_t i = 0; i < v; i++) {
			dec_printf(d, " ver");
			rx_item(m, 'I', 0);
			dec_printf(d, " expires");
			rx_date(m);
			rx_word(m); /* the callback type, read but not printed */
		}
		break;
	case 'E': rx_vldb_entry(m, num ? num : 13, !num); break;
	case 'W': /* list-volumes: name, id, and 21 words skipped */
		v = rx_word(m);
		for (uint32_t i = 0; i < v; i++) {
			dec_printf(d, " name");
			rx_vector(m, 32);
			dec_printf(d, " volid %u type", rx_word(m));
			m->p += 4 * 21;
			if (i != v - 1)
				dec_printf(d, ",");
		}
		if (v == 0)
			dec_printf(d, " <none!>");
		break;
	}
}

/* Runs an operation's argument program. */
static void rx_run(struct rx_msg *m, const char *spec)
{
	while (*spec) {
		if (*spec == ' ') {
			spec++;
			continue;
		}
		if (*spec != '%') {
			size_t n = strcspn(spec, " ");
			dec_printf(m->d, " %.*s", (int)n, spec);
			spec += n;
			continue;
		}
		int list = spec[1] == 'l';
		spec += 1 + list;
		char c = *spec++;
		unsigned num = (unsigned)strtoul(spec, (char **)&spec, 10);
		if (c == 'E' && *spec == 'u')
			spec++;
		if (list)
			rx_list(m, c, num);
		else
			rx_item(m, c, num);
	}
}

static const char *rx_spec(const struct rx_args *t, uint32_t op)
{
	for (; t && t->spec; t++)
		if (t->op == op)
			return t->spec;
	return NULL;
}

static int rx_is_ubik(uint32_t op)
{
	return (op >= VOTE_LOW && op <= VOTE_HIGH) || (op >= DISK_LOW && op <= DISK_HIGH);
}

/* The service's part of the line: "fs call NAME args" / "fs reply NAME
 * ...". */
static void rx_body(struct rx_msg *m, const struct rx_service *s, int reply, uint32_t op, unsigned type)
{
	struct dec_ctx *d = m->d;
	dec_printf(d, " %s", s->name);
	if (s->ubik && rx_is_ubik(op)) {
		m->svc_name = "ubik";
		s = &rx_ubik;
		dec_printf(d, " ubik");
	}
	dec_printf(d, " %s ", reply ? "reply" : "call");
	rx_opname(d, s->name, op);
	if (!reply) {
		const char *spec = rx_spec(s->calls, op);
		if (spec)
			rx_run(m, spec);
		return;
	}
	if (type == RX_DATA) {
		const char *spec = rx_spec(s->replies, op);
		if (s == &rx_ubik && op == 10000)
			dec_printf(d, " vote no");
		else if (s == &rx_ubik && op == 20004)
			rx_run(m, "dbversion %T");
		else if (spec)
			rx_run(m, spec);
	} else if (s == &rx_ubik && op == 10000) {
		rx_run(m, "vote yes until %D");
	} else if (s->port == 7000) { /* only aborts get here */
		int32_t e = (int32_t)rx_word(m);
		const char *name = dec_tok(afs_fs_errors, (uint32_t)e, NULL);
		if (name)
			dec_printf(d, " error %s", name);
		else
			dec_printf(d, " error #%d", e);
	} else {
		rx_run(m, "errcode %I");
	}
}

/* rx_body under the service's own truncation exit (" [|fs]"). */
static void rx_guarded(struct rx_msg *m, const struct rx_service *s, int reply, uint32_t op, unsigned type)
{
	if (setjmp(m->svc)) {
		dec_printf(m->d, " [|%s]", m->svc_name);
		return;
	}
	rx_body(m, s, reply, op, type);
}

/* A call's operation is the word after the header; a message no longer
 * than the header (replies of pt and vldb: shorter) has no service part. */
static void rx_service(struct dec_ctx *d, const struct rx_service *s, const uint8_t *p, size_t len,
		       int reply, uint32_t op, unsigned type)
{
	if (reply ? (s->short_reply ? len <= RX_HDR : len < RX_HDR) : len <= RX_HDR)
		return;
	struct rx_msg m = { .d = d, .p = p + RX_HDR, .svc_name = s->name };
	if (!reply)
		op = rx_word(&m);
	rx_guarded(&m, s, reply, op, type);
}

static const struct rx_service *rx_find(unsigned port)
{
	for (size_t i = 0; i < sizeof rx_services / sizeof rx_services[0]; i++)
		if (rx_services[i].port == port)
			return &rx_services[i];
	return NULL;
}

/* An ack's list: the ranges of packets with the state want. */
static void rx_ranges(struct dec_ctx *d, const uint8_t *acks, unsigned n, uint32_t first, unsigned want,
		      const char *word)
{
	int start = -2, last = -2, i;
	for (i = 0; i < (int)n; i++) {
		if (acks[i] == want) {
			if (last == -2) {
				dec_printf(d, " %s %u", word, first + (unsigned)i);
				start = i;
			} else if (last != i - 1) {
				dec_printf(d, ",%u", first + (unsigned)i);
				start = i;
			}
			last = i;
		} else if (last == i - 1 && start != last) {
			dec_printf(d, "-%u", first + (unsigned)i - 1);
		}
	}
	if (last == i - 1 && start != last)
		dec_printf(d, "-%u", first + (unsigned)i - 1);
}

static void rx_ack(struct dec_ctx *d, const uint8_t *p)
{
	const uint8_t *a = p + RX_HDR;
	if (!dec_has(d, a, RX_ACKHDR)) {
		dec_printf(d, " [|ack]");
		return;
	}
	if (d->o.vflag > 2)
		dec_printf(d, " bufspace %u maxskew %u", dec_get_be16(a), dec_get_be16(a + 2));
	uint32_t first = dec_get_be32(a + 4);
	dec_printf(d, " first %u serial %u reason ", first, dec_get_be32(a + 12));
	dec_tokf(d, rx_ack_reasons, a[16], "#%u");
	unsigned n = a[17];
	const uint8_t *q = a + RX_ACKHDR;
	if (n) {
		if (!dec_has(d, q, n)) {
			dec_printf(d, " [|ack]");
			return;
		}
		rx_ranges(d, q, n, first, RX_ACK_ACK, "acked");
		rx_ranges(d, q, n, first, RX_ACK_NACK, "nacked");
		q += n;
	}
	q += 3; /* padding */
	if (d->o.vflag < 2)
		return;
	static const char *const extra[] = { "ifmtu", "maxmtu", "rwind", "maxpackets" };
	for (int i = 0; i < 4; i++, q += 4) { /* optional, as far as captured */
		if (q > d->end || d->end - q < 4)
			return;
		dec_printf(d, " %s %u", extra[i], dec_get_be32(q));
	}
}

/* The addresses tcpdump keys its call table with: the first header's
 * IPv4 source and destination (for IPv6, bytes 12-19 of its header). */
static void rx_addrs(const struct dec_app *a, uint32_t *src, uint32_t *dst)
{
	const uint8_t *s = a->n->v6 ? a->n->src + 4 : a->n->src;
	*src = dec_get_be32(s);
	*dst = dec_get_be32(s + 4);
}

void dec_rx(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	d->proto = "rx";
	if (!dec_has(d, p, RX_HDR)) {
		dec_printf(d, " [|rx] (%zu)", len);
		return;
	}
	unsigned type = p[20], flags = p[21];
	uint32_t seq = dec_get_be32(p + 12), callnum = dec_get_be32(p + 8);
	unsigned service = dec_get_be16(p + 26);
	dec_printf(d, " rx ");
	dec_tokf(d, rx_types, type, "type %u");
	if (d->o.vflag) {
		if (d->o.vflag > 1)
			dec_printf(d, " cid %08x call# %u", dec_get_be32(p + 4), callnum);
		dec_printf(d, " seq %u ser %u", seq, dec_get_be32(p + 16));
		if (d->o.vflag > 2)
			dec_printf(d, " secindex %u serviceid %u", p[23], service);
		if (d->o.vflag > 1) {
			const char *sep = " ";
			for (size_t i = 0; i < sizeof rx_flags / sizeof rx_flags[0]; i++)
				if ((flags & rx_flags[i].flag) && (!rx_flags[i].type || rx_flags[i].type == type)) {
					dec_printf(d, "%s<%s>", sep, rx_flags[i].s);
					sep = ",";
				}
		}
	}
	if (!d->rx)
		d->rx = calloc(1, sizeof *d->rx);
	struct dec_rx *c = d->rx;
	uint32_t src, dst;
	rx_addrs(a, &src, &dst);
	if (type == RX_DATA && seq == 1 && (flags & RX_CLIENT_INIT)) {
		if (c && dec_has(d, p + RX_HDR, 4)) { /* remember the call */
			c->c[c->next] = (struct rx_call){ callnum, src, dst, a->dport, service,
							  dec_get_be32(p + RX_HDR) };
			c->next = (c->next + 1) % RX_CACHE_SIZE;
		}
		const struct rx_service *s = rx_find(a->dport);
		if (s)
			rx_service(d, s, p, len, 0, 0, type);
	} else if (((type == RX_DATA && seq == 1) || type == RX_ABORT) && !(flags & RX_CLIENT_INIT) && c) {
		unsigned i = c->hint;
		do {
			const struct rx_call *e = &c->c[i];
			if (e->callnum == callnum && e->client == dst && e->server == src && e->service == service &&
			    e->dport == a->sport) {
				c->hint = i;
				const struct rx_service *s = rx_find(a->sport);
				if (s)
					rx_service(d, s, p, len, 1, e->opcode, type);
				break;
			}
			i = (i + 1) % RX_CACHE_SIZE;
		} while (i != c->hint);
	} else if (type == RX_ACK) {
		rx_ack(d, p);
	}
	dec_printf(d, " (%zu)", len);
}

void dec_rx_free(struct dec_ctx *d)
{
	free(d->rx);
	d->rx = NULL;
}
