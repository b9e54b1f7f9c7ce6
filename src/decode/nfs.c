/* nfs.c: NFS versions 2 and 3 over Sun RPC (RFC 1094, RFC 1813; UDP and
 * TCP port 2049) as tcpdump 4.99 prints it:
 *
 *   NFS request xid 90477929 144 write fh Unknown/F0C8... 3 (3) bytes @ 0
 *   NFS reply xid 90477929 reply ok 160 write
 *
 * A call prints its length, procedure and arguments (file handles as
 * tcpdump's guess of the server's handle layout makes of them, names,
 * offsets and counts; -v the write mode, verifiers and set attributes).
 * A call is remembered (like tcpdump, the last 64) so that its reply can
 * be named by the procedure and its results printed: status, attributes
 * (-v the file's, -vv also times and the pre-operation ones), counts.
 *
 * Truncation as tcpdump has it: a word read past the capture ends the
 * line with " [|nfs]" and the dump starts at the packet's first byte; the
 * printers' own checks (a handle, a name, the credentials not all there)
 * end it with " [|nfs]" too, after which the printer returns. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "decode/dec.h"

#define NFS_XIDMAP 64
#define RPC_CALL_CRED 24           /* where a call's credentials start */
#define RPC_REPLY_STAT 8
#define NFS_V3 3
#define NFS_V2FH 32
#define NFS_V3FATTR 84
#define NFS_V2FATTR 68
#define NFS_V3STATFS 52
#define NFS_V2STATFS 20
#define NFS_FSINFO 48
#define NFS_PATHCONF 24
#define NFS_SATTR_TOCLIENT 2
#define NFS_ACCESS_FULL 0x3f

enum {
	P_NULL, P_GETATTR, P_SETATTR, P_LOOKUP, P_ACCESS, P_READLINK, P_READ, P_WRITE, P_CREATE, P_MKDIR,
	P_SYMLINK, P_MKNOD, P_REMOVE, P_RMDIR, P_RENAME, P_LINK, P_READDIR, P_READDIRPLUS, P_FSSTAT, P_FSINFO,
	P_PATHCONF, P_COMMIT, P_NOOP = 25, P_NPROCS = 26,
};
/* NFS version 2's procedures in version 3's numbers */
static const unsigned char v2_procs[P_NPROCS] = {
	P_NULL, P_GETATTR, P_SETATTR, P_NOOP, P_LOOKUP, P_READLINK, P_READ, P_NOOP, P_WRITE, P_CREATE,
	P_REMOVE, P_RENAME, P_LINK, P_SYMLINK, P_MKDIR, P_RMDIR, P_READDIR, P_FSSTAT, P_NOOP, P_NOOP,
	P_NOOP, P_NOOP, P_NOOP, P_NOOP, P_NOOP, P_NOOP,
};
static const struct dec_tok proc_names[] = {
	{ P_NOOP, "nop" }, { P_NULL, "null" }, { P_GETATTR, "getattr" }, { P_SETATTR, "setattr" },
	{ P_LOOKUP, "lookup" }, { P_ACCESS, "access" }, { P_READLINK, "readlink" }, { P_READ, "read" },
	{ P_WRITE, "write" }, { P_CREATE, "create" }, { P_MKDIR, "mkdir" }, { P_SYMLINK, "symlink" },
	{ P_MKNOD, "mknod" }, { P_REMOVE, "remove" }, { P_RMDIR, "rmdir" }, { P_RENAME, "rename" },
	{ P_LINK, "link" }, { P_READDIR, "readdir" }, { P_READDIRPLUS, "readdirplus" }, { P_FSSTAT, "fsstat" },
	{ P_FSINFO, "fsinfo" }, { P_PATHCONF, "pathconf" }, { P_COMMIT, "commit" }, { 0, NULL },
};
/* NFS v2 and v3 status values with FreeBSD's messages, as tcpdump names
 * them: errno values (RFC 1094, RFC 1813 and a few more FreeBSD ones),
 * then v3's own from 10001 on (NFS3ERR_BADHANDLE ...) */
static const char *const errnos[100] = {
	[1] = "Operation not permitted", [2] = "No such file or directory", [5] = "Input/output error",
	[6] = "Device not configured", [11] = "Resource deadlock avoided", [12] = "Cannot allocate memory",
	[13] = "Permission denied", [17] = "File exists", [18] = "Cross-device link",
	[19] = "Operation not supported by device", [20] = "Not a directory", [21] = "Is a directory",
	[22] = "Invalid argument", [26] = "Text file busy", [27] = "File too large", [28] = "No space left on device",
	[30] = "Read-only file system", [31] = "Too many links", [45] = "Operation not supported",
	[62] = "Too many levels of symbolic links", [63] = "File name too long", [66] = "Directory not empty",
	[69] = "Disc quota exceeded", [70] = "Stale NFS file handle", [71] = "Too many levels of remote in path",
	[99] = "Write cache flushed to disk",
};
#define NFS3ERR_FIRST 10001
static const char *const v3_errors[] = {
	"Illegal NFS file handle", "Update synchronization mismatch", "READDIR/READDIRPLUS cookie is stale",
	"Operation not supported", "Buffer or request is too small", "Unspecified error on server",
	"Object of that type not supported", "Request couldn't be completed in time",
};
static const struct dec_tok write_modes[] = { { 0, "unstable" }, { 1, "datasync" }, { 2, "filesync" }, { 0, NULL } };
static const struct dec_tok file_types[] = {
	{ 0, "NON" }, { 1, "REG" }, { 2, "DIR" }, { 3, "BLK" }, { 4, "CHR" }, { 5, "LNK" }, { 7, "FIFO" }, { 0, NULL },
};
static const struct dec_tok auth_stats[] = {
	{ 0, "OK" }, { 1, "Bogus Credentials (seal broken)" },
	{ 2, "Rejected Credentials (client should begin new session)" }, { 3, "Bogus Verifier (seal broken)" },
	{ 4, "Verifier expired or was replayed" }, { 5, "Credentials are too weak" },
	{ 6, "Bogus response verifier" }, { 7, "Unknown failure" }, { 0, NULL },
};
static const struct dec_tok accept_stats[] = {
	{ 1, "PROG_UNAVAIL" }, { 2, "PROG_MISMATCH" }, { 3, "PROC_UNAVAIL" }, { 4, "GARBAGE_ARGS" },
	{ 5, "SYSTEM_ERR" }, { 0, NULL },
};
static const char *const access_names[] = { "READ", "LOOKUP", "MODIFY", "EXTEND", "DELETE", "EXECUTE" };

/* A call remembered for its reply (tcpdump's xid_map). */
struct nfs_call {
	uint32_t xid;
	int ipver;                 /* 4 or 6; 0: unused */
	uint8_t client[16], server[16];
	uint32_t proc, vers;
};
struct dec_nfs {
	struct nfs_call map[NFS_XIDMAP];
	int next, hint;
};

/* The message being printed: its bytes (offsets are from rp) and how
 * many of them were captured. */
struct msg {
	struct dec_ctx *d;
	const uint8_t *rp;
	size_t cap;
	int err;                   /* an NFS or RPC error was printed: no marker */
};

/* The 32-bit word at off, or the truncation exit. */
static uint32_t w32(const struct msg *m, uint64_t off)
{
	if (off > m->cap || m->cap - off < 4)
		dec_trunc(m->d);
	return dec_get_be32(m->rp + off);
}
static uint64_t w64(const struct msg *m, uint64_t off)
{
	uint32_t hi = w32(m, off);
	return (uint64_t)hi << 32 | w32(m, off + 4);
}
/* n bytes at off captured (tcpdump's ND_TTEST_LEN) */
static int has(const struct msg *m, uint64_t off, uint64_t n)
{
	return off <= m->cap && m->cap - off >= n;
}
#define NONE UINT64_MAX            /* a parser's "truncated" result */

/* --- the file handle: tcpdump's guess of the server's layout --- */
enum { FH_UNKNOWN, FH_AUSPEX, FH_DECOSF, FH_IRIX4, FH_IRIX5, FH_SUNOS4, FH_ULTRIX, FH_VMSUCX, FH_SUNOS5, FH_HPUX9, FH_BSD44 };

/* The fh byte at i: tcpdump's guesses read the first 28 bytes unchecked,
 * past a short handle and past the capture (what it finds there is
 * whatever its buffer holds; we read zeros). */
static uint32_t fh_byte(const struct msg *m, const uint8_t *p, unsigned i)
{
	return dec_has(m->d, p + i, 1) ? p[i] : 0;
}
static int is_ucx(const struct msg *m, uint64_t fh)
{
	int seen_null = 0;
	for (int i = 1; i < 14; i++) {
		uint8_t c = (uint8_t)fh_byte(m, m->rp + fh, (unsigned)i);
		if (c >= 0x20 && c < 0x7f) {
			if (seen_null)
				return 0;
		} else if (c == 0) {
			seen_null = 1;
		} else {
			return 0;
		}
	}
	return 1;
}

static int fh_type(const struct msg *m, uint64_t fh)
{
#define B(i) fh_byte(m, m->rp + fh, (i))
	if (B(0) == 0 && B(1) == 0) {
		if (B(2) == 0 && B(3) == 0)
			return FH_AUSPEX;
		if (B(4) != 0 && B(5) == 0 && B(8) == 12 && B(9) == 0)
			return FH_DECOSF;
		if (B(4) == 0 && B(5) == 8 && B(6) == 0 && B(7) == 0)
			return FH_IRIX4;
		return FH_SUNOS4;
	}
	if (B(2) == 0 && B(3) == 0) {
		if (B(6) == 0 && B(7) == 0)
			return FH_BSD44;
		if (B(21) == 0 && B(23) == 0)
			return FH_ULTRIX;
		return B(9) == 10 ? FH_SUNOS5 : FH_UNKNOWN;
	}
	if (B(8) == 12 && B(9) == 0)
		return FH_DECOSF;
	if (B(8) == 0 && B(9) == 10)
		return B(7) == 0 && B(6) == 0 && B(5) == 0 && B(4) == 0 ? FH_HPUX9 : FH_SUNOS5;
	return is_ucx(m, fh) ? FH_VMSUCX : FH_UNKNOWN;
#undef B
}

#define B(i) fh_byte(m, p, (i))
#define BE32(i) (B(i) << 24 | B((i) + 1) << 16 | B((i) + 2) << 8 | B((i) + 3))
#define LE32(i) (B((i) + 3) << 24 | B((i) + 2) << 16 | B((i) + 1) << 8 | B(i))

/* " fh MAJOR,MINOR/INODE" (or a name for VMS and unknown handles), the
 * handle of words words at fh (all captured; the guesses read past it
 * when it is short). */
static void print_fh(const struct msg *m, uint64_t fh, unsigned words)
{
	const uint8_t *p = m->rp + fh;
	uint32_t major = 0, minor = 0, ino = 0;
	const char *fsname = NULL;
	char hex[2 * 32 + 1] = "";
	int type = fh_type(m, fh);
	/* where each layout keeps the device's minor and major byte (-1:
	 * worked out below) and the inode, in which byte order */
	static const struct {
		signed char minor, major, ino, le;
	} at[] = {
		[FH_AUSPEX] = { 7, 6, 12, 0 }, [FH_BSD44] = { 0, 1, 12, 1 }, [FH_IRIX4] = { 3, 2, 8, 0 },
		[FH_SUNOS4] = { 3, 2, 12, 0 }, [FH_ULTRIX] = { 0, 1, 4, 1 }, [FH_DECOSF] = { -1, -1, 12, 1 },
		[FH_SUNOS5] = { -1, -1, 12, 0 }, [FH_HPUX9] = { -1, -1, 12, 0 },
	};
	if (type != FH_UNKNOWN && type != FH_VMSUCX) {
		ino = at[type].le ? LE32(at[type].ino) : BE32(at[type].ino);
		if (at[type].minor >= 0)
			minor = B(at[type].minor), major = B(at[type].major);
	}
	switch (type) {
	case FH_DECOSF:
		minor = LE32(0) & 0xfffff, major = (LE32(0) >> 20) & 0xfff;
		break;
	case FH_SUNOS5:
		major = ((B(0) << 8 | B(1)) >> 2) & 0x3fff, minor = (B(1) << 16 | B(2) << 8 | B(3)) & 0x3ffff;
		break;
	case FH_HPUX9:
		major = B(0), minor = B(1) << 16 | B(2) << 8 | B(3);
		break;
	case FH_VMSUCX: /* the device name is the file system's; the id is
			   the first words in the host's order (ours: little) */
		minor = LE32(0), major = LE32(4), ino = B(26) << 24 | B(27) << 16 | B(23) << 8 | B(22);
		fsname = (const char *)p + 1;
		break;
	case FH_UNKNOWN:
		for (unsigned i = 0; i < 32 && i < 4 * words; i++) /* the handle, up to 32 bytes */
			snprintf(hex + 2 * i, 3, "%.2X", B(i));
		minor = major = 257, ino = 1;
		fsname = "Unknown";
	}
	if (fsname) {
		/* tcpdump copies as many characters as the handle has words,
		 * up to a NUL, and cuts at the first space */
		char name[65];
		size_t n = words > 64 ? 64 : words, i;
		for (i = 0; i < n && fsname[i]; i++)
			name[i] = fsname[i];
		name[i] = '\0';
		char *sp = strchr(name, ' ');
		if (sp)
			*sp = '\0';
		dec_printf(m->d, " fh %s/", name);
	} else {
		dec_printf(m->d, " fh %u,%u/", major, minor);
	}
	if (minor == 257)
		dec_printf(m->d, "%s", hex);
	else
		dec_printf(m->d, "%u", ino);
}
#undef B
#undef BE32
#undef LE32

/* A file handle at off (v3: its length first): the offset after it, or
 * NONE when it is not all captured. */
static uint64_t parse_fh(const struct msg *m, uint64_t off, int v3)
{
	unsigned words = NFS_V2FH / 4;
	if (v3) {
		words = w32(m, off) / 4;
		off += 4;
	}
	if (!has(m, off, (uint64_t)words * 4))
		return NONE;
	print_fh(m, off, words);
	return off + (uint64_t)words * 4;
}

/* A name: "\"NAME\"", the offset after its padding, or NONE. */
static uint64_t parse_fn(const struct msg *m, uint64_t off)
{
	uint32_t len = w32(m, off);
	off += 4;
	if (UINT32_MAX - len < 3) {
		dec_printf(m->d, "[cannot pad to 32-bit boundaries] (invalid)");
		return NONE;
	}
	uint32_t rounded = (len + 3) & ~3u;
	if (!has(m, off, rounded))
		return NONE;
	dec_printf(m->d, "\"");
	for (uint32_t i = 0; i < len; i++)
		dec_putc_safe(m->d, m->rp[off + i]);
	dec_printf(m->d, "\"");
	return off + rounded;
}

static uint64_t parse_fhn(const struct msg *m, uint64_t off, int v3)
{
	off = parse_fh(m, off, v3);
	if (off == NONE)
		return NONE;
	dec_printf(m->d, " ");
	return parse_fn(m, off);
}

/* --- calls --- */
/* The arguments' offset after the credentials and verifier, or NONE. */
static uint64_t parse_req(const struct msg *m, uint32_t length)
{
	uint64_t off = RPC_CALL_CRED;
	if (length < 8)
		return NONE;
	uint32_t len = w32(m, off + 4), rounded = (len + 3) & ~3u;
	if (!has(m, off + 8, rounded) || (uint64_t)8 + rounded > length)
		return NONE;
	off += ((uint64_t)len + 11) / 4 * 4;
	length -= 8 + rounded;
	if (length < 8)
		return NONE;
	len = w32(m, off + 4), rounded = (len + 3) & ~3u;
	if (!has(m, off + 8, rounded) || (uint64_t)8 + rounded >= length)
		return NONE;
	return off + ((uint64_t)len + 11) / 4 * 4;
}

/* The settable attributes of a v3 call (sattr3), parsed, then printed. */
struct sattr {
	uint32_t set[4], val[4];   /* mode, uid, gid, size */
	uint32_t atype, atime[2], mtype, mtime[2];
};
static uint64_t parse_sattr3(const struct msg *m, uint64_t off, struct sattr *sa)
{
	for (int i = 0; i < 4; i++) {
		sa->set[i] = w32(m, off), off += 4;
		if (sa->set[i])
			sa->val[i] = w32(m, off), off += 4;
	}
	sa->atype = w32(m, off), off += 4;
	if (sa->atype == NFS_SATTR_TOCLIENT)
		sa->atime[0] = w32(m, off), sa->atime[1] = w32(m, off + 4), off += 8;
	sa->mtype = w32(m, off), off += 4;
	if (sa->mtype == NFS_SATTR_TOCLIENT)
		sa->mtime[0] = w32(m, off), sa->mtime[1] = w32(m, off + 4), off += 8;
	return off;
}
static void print_sattr3(struct dec_ctx *d, const struct sattr *sa)
{
	if (sa->set[0])
		dec_printf(d, " mode %o", sa->val[0]);
	if (sa->set[1])
		dec_printf(d, " uid %u", sa->val[1]);
	if (sa->set[2])
		dec_printf(d, " gid %u", sa->val[2]);
	if (d->o.vflag > 1) {
		if (sa->atype == NFS_SATTR_TOCLIENT)
			dec_printf(d, " atime %u.%06u", sa->atime[0], sa->atime[1]);
		if (sa->mtype == NFS_SATTR_TOCLIENT)
			dec_printf(d, " mtime %u.%06u", sa->mtime[0], sa->mtime[1]);
	}
}

/* " <MODE>", tcpdump's tok2str without a format: "#N" for others */
static void write_mode(struct dec_ctx *d, uint32_t mode)
{
	const char *name = dec_tok(write_modes, mode, NULL);
	if (name)
		dec_printf(d, " <%s>", name);
	else
		dec_printf(d, " <#%d>", (int)mode);
}

static void print_access(struct dec_ctx *d, uint32_t flags)
{
	if (flags & ~(uint32_t)NFS_ACCESS_FULL) {
		dec_printf(d, " %04x", flags);
		return;
	}
	if (flags == NFS_ACCESS_FULL) {
		dec_printf(d, " NFS_ACCESS_FULL");
		return;
	}
	char sep = ' ';
	for (int i = 0; i < 6; i++)
		if (flags & 1u << i) {
			dec_printf(d, "%cNFS_ACCESS_%s", sep, access_names[i]);
			sep = '|';
		}
}

/* The procedure's arguments from off: 0 when cut short. */
static int print_args(const struct msg *m, unsigned proc, int v3, uint64_t off, uint32_t length)
{
	struct dec_ctx *d = m->d;
	struct sattr sa = { 0 };
	if (proc == P_NULL || proc > P_COMMIT)
		return 1;
	if ((off = parse_req(m, length)) == NONE)
		return 0;
	switch (proc) {
	case P_LOOKUP: case P_CREATE: case P_MKDIR: case P_REMOVE: case P_RMDIR:
		return parse_fhn(m, off, v3) != NONE;
	case P_SYMLINK:
		if ((off = parse_fhn(m, off, v3)) == NONE)
			return 0;
		dec_printf(d, " ->");
		if (v3)
			off = parse_sattr3(m, off, &sa);
		if (parse_fn(m, off) == NONE)
			return 0;
		if (v3 && d->o.vflag)
			print_sattr3(d, &sa);
		return 1;
	case P_MKNOD: {
		if ((off = parse_fhn(m, off, v3)) == NONE)
			return 0;
		uint32_t type = w32(m, off);
		off = parse_sattr3(m, off + 4, &sa);
		dec_printf(d, " ");
		dec_tokf(d, file_types, type, "unk-ft %u");
		if (d->o.vflag && (type == 4 || type == 3))
			dec_printf(d, " %u/%u", w32(m, off), w32(m, off + 4));
		if (d->o.vflag)
			print_sattr3(d, &sa);
		return 1;
	}
	case P_RENAME:
		if ((off = parse_fhn(m, off, v3)) == NONE)
			return 0;
		dec_printf(d, " ->");
		return parse_fhn(m, off, v3) != NONE;
	case P_LINK:
		if ((off = parse_fh(m, off, v3)) == NONE)
			return 0;
		dec_printf(d, " ->");
		return parse_fhn(m, off, v3) != NONE;
	}
	/* the rest: a handle, then numbers */
	if ((off = parse_fh(m, off, v3)) == NONE)
		return 0;
	switch (proc) {
	case P_ACCESS:
		print_access(d, w32(m, off));
		break;
	case P_READ:
		if (v3)
			dec_printf(d, " %u bytes @ %" PRIu64, w32(m, off + 8), w64(m, off));
		else
			dec_printf(d, " %u bytes @ %u", w32(m, off + 4), w32(m, off));
		break;
	case P_WRITE:
		if (v3) {
			dec_printf(d, " %u (%u) bytes @ %" PRIu64, w32(m, off + 16), w32(m, off + 8), w64(m, off));
			if (d->o.vflag)
				write_mode(d, w32(m, off + 12));
		} else {
			dec_printf(d, " %u (%u) bytes @ %u (%u)", w32(m, off + 12), w32(m, off + 8), w32(m, off + 4),
				   w32(m, off));
		}
		break;
	case P_READDIR:
		if (v3) {
			dec_printf(d, " %u bytes @ %" PRId64, w32(m, off + 16), (int64_t)w64(m, off));
			if (d->o.vflag)
				dec_printf(d, " verf %08x%08x", w32(m, off + 8), w32(m, off + 12));
		} else {
			dec_printf(d, " %u bytes @ %u", w32(m, off + 4), w32(m, off));
		}
		break;
	case P_READDIRPLUS:
		dec_printf(d, " %u bytes @ %" PRId64, w32(m, off + 16), (int64_t)w64(m, off));
		if (d->o.vflag)
			dec_printf(d, " max %u verf %08x%08x", w32(m, off + 20), w32(m, off + 8), w32(m, off + 12));
		break;
	case P_COMMIT:
		dec_printf(d, " %u bytes @ %" PRIu64, w32(m, off + 8), w64(m, off));
		break;
	}
	return 1;
}

static struct dec_nfs *state(struct dec_ctx *d)
{
	if (!d->nfs)
		d->nfs = calloc(1, sizeof *d->nfs);
	return d->nfs;
}

/* Remembers the call for its reply: 0 when its procedure is not captured. */
static int map_enter(const struct msg *m, const struct dec_app *a)
{
	if (!has(m, 20, 4))
		return 0;
	struct dec_nfs *s = state(m->d);
	if (!s)
		return 1;
	struct nfs_call *c = &s->map[s->next];
	s->next = (s->next + 1) % NFS_XIDMAP;
	size_t alen = a->n->v6 ? 16 : 4;
	c->xid = dec_get_be32(m->rp);
	c->ipver = a->n->v6 ? 6 : 4;
	memcpy(c->client, a->n->src, alen);
	memcpy(c->server, a->n->dst, alen);
	c->proc = w32(m, 20);
	c->vers = w32(m, 16);
	return 1;
}

static int map_find(const struct msg *m, const struct dec_app *a, uint32_t *proc, uint32_t *vers)
{
	struct dec_nfs *s = m->d->nfs;
	if (!s)
		return 0;
	uint32_t xid = dec_get_be32(m->rp);
	int ipver = a->n->v6 ? 6 : 4;
	size_t alen = a->n->v6 ? 16 : 4;
	int i = s->hint;
	do {
		const struct nfs_call *c = &s->map[i];
		if (c->ipver == ipver && c->xid == xid && !memcmp(a->n->src, c->server, alen) &&
		    !memcmp(a->n->dst, c->client, alen)) {
			s->hint = i;
			*proc = c->proc;
			*vers = c->vers;
			return 1;
		}
		i = (i + 1) % NFS_XIDMAP;
	} while (i != s->hint);
	return 0;
}

static void request(const struct msg *m, const struct dec_app *a, uint32_t length)
{
	struct dec_ctx *d = m->d;
	dec_printf(d, "%u", length);
	if (!map_enter(m, a)) {
		dec_printf(d, " [|nfs]");
		return;
	}
	int v3 = w32(m, 16) == NFS_V3;
	uint32_t proc = w32(m, 20);
	if (!v3 && proc < P_NPROCS)
		proc = v2_procs[proc];
	dec_printf(d, " ");
	dec_tokf(d, proc_names, proc, "proc-%u");
	if (!print_args(m, proc, v3, 0, length))
		dec_printf(d, " [|nfs]");
}

/* --- replies --- */
/* The results' offset after the verifier and accept status, or NONE. */
static uint64_t parse_rep(struct msg *m, uint32_t length)
{
	uint32_t len = w32(m, 16);
	if (len >= length)
		return NONE;
	uint64_t off = 12 + ((uint64_t)len + 11) / 4 * 4;
	uint32_t astat = w32(m, off);
	if (astat != 0) {
		dec_printf(m->d, " ");
		dec_tokf(m->d, accept_stats, astat, "ar_stat %u");
		m->err = 1;
		return NONE;
	}
	return off + 4;
}

/* The status word: its value in *er, " ERROR: ..." unless -q. */
static uint64_t parse_status(struct msg *m, uint64_t off, uint32_t *er)
{
	*er = w32(m, off);
	if (*er) {
		if (!m->d->o.qflag) {
			uint32_t e = *er, v3e = e - NFS3ERR_FIRST;
			const char *name = e < 100 ? errnos[e] : v3e < 8 ? v3_errors[v3e] : NULL;
			if (name)
				dec_printf(m->d, " ERROR: %s", name);
			else
				dec_printf(m->d, " ERROR: unk %u", e);
		}
		m->err = 1;
	}
	return off + 4;
}

static uint64_t parse_fattr(const struct msg *m, uint64_t off, int verbose, int v3)
{
	struct dec_ctx *d = m->d;
	if (!has(m, off + 16, 4))
		return NONE;
	if (verbose) {
		dec_printf(d, " ");
		dec_tokf(d, file_types, w32(m, off), "unk-ft %u ");
		dec_printf(d, " %o ids %d/%d", w32(m, off + 4), (int32_t)w32(m, off + 12), (int32_t)w32(m, off + 16));
		if (v3)
			dec_printf(d, " sz %" PRIu64, w64(m, off + 20));
		else
			dec_printf(d, " sz %u", w32(m, off + 20));
	}
	if (verbose > 1) {
		if (v3) {
			if (!has(m, off + 76, 8))
				return NONE;
			dec_printf(d, " nlink %u rdev %u/%u", w32(m, off + 8), w32(m, off + 36), w32(m, off + 40));
			dec_printf(d, " fsid %" PRIx64, w64(m, off + 44));
			dec_printf(d, " fileid %" PRIx64, w64(m, off + 52));
			for (int i = 0; i < 3; i++)
				dec_printf(d, "%s%u.%06u", i ? " " : " a/m/ctime ", w32(m, off + 60 + 8 * i),
					   w32(m, off + 64 + 8 * i));
		} else {
			if (!has(m, off + 60, 8))
				return NONE;
			dec_printf(d, " nlink %u rdev 0x%x fsid 0x%x nodeid 0x%x a/m/ctime", w32(m, off + 8),
				   w32(m, off + 28), w32(m, off + 36), w32(m, off + 40));
			for (int i = 0; i < 3; i++)
				dec_printf(d, " %u.%06u", w32(m, off + 44 + 8 * i), w32(m, off + 48 + 8 * i));
		}
	}
	return off + (v3 ? NFS_V3FATTR : NFS_V2FATTR);
}

static int parse_attrstat(struct msg *m, uint64_t off, int verbose, int v3)
{
	uint32_t er;
	off = parse_status(m, off, &er);
	return er || parse_fattr(m, off, verbose, v3) != NONE;
}

static int parse_diropres(struct msg *m, uint64_t off)
{
	uint32_t er;
	off = parse_status(m, off, &er);
	if (er)
		return 1;
	if ((off = parse_fh(m, off, 0)) == NONE)
		return 0;
	return parse_fattr(m, off, m->d->o.vflag, 0) != NONE;
}

static uint64_t parse_post_op_attr(const struct msg *m, uint64_t off, int verbose)
{
	if (!w32(m, off))
		return off + 4;
	off += 4;
	return verbose ? parse_fattr(m, off, verbose, 1) : off + NFS_V3FATTR;
}

static uint64_t parse_pre_op_attr(const struct msg *m, uint64_t off, int verbose)
{
	if (!w32(m, off))
		return off + 4;
	off += 4;
	if (!has(m, off, 24))
		return NONE;
	if (verbose > 1)
		dec_printf(m->d, " sz %" PRIu64 " mtime %u.%06u ctime %u.%06u", w64(m, off), w32(m, off + 8),
			   w32(m, off + 12), w32(m, off + 16), w32(m, off + 20));
	return off + 24;
}

static uint64_t parse_wcc_data(const struct msg *m, uint64_t off, int verbose)
{
	if (verbose > 1)
		dec_printf(m->d, " PRE:");
	if ((off = parse_pre_op_attr(m, off, verbose)) == NONE)
		return NONE;
	if (verbose)
		dec_printf(m->d, " POST:");
	return parse_post_op_attr(m, off, verbose);
}

static uint64_t parse_wccres(struct msg *m, uint64_t off, int verbose)
{
	uint32_t er;
	off = parse_status(m, off, &er);
	return parse_wcc_data(m, off, verbose);
}

static uint64_t parse_createopres(struct msg *m, uint64_t off, int verbose)
{
	uint32_t er;
	off = parse_status(m, off, &er);
	if (er)
		return parse_wcc_data(m, off, verbose);
	if (!w32(m, off))
		return off + 4;
	if ((off = parse_fh(m, off + 4, 1)) == NONE)
		return NONE;
	if (verbose) {
		if ((off = parse_post_op_attr(m, off, verbose)) == NONE)
			return NONE;
		if (m->d->o.vflag > 1) {
			dec_printf(m->d, " dir attr:");
			off = parse_wcc_data(m, off, verbose);
		}
	}
	return off;
}

/* " POST:" (-v) and the attributes after the status: the offset after
 * them, er the status. */
static uint64_t status_post(struct msg *m, uint64_t off, uint32_t *er)
{
	off = parse_status(m, off, er);
	if (m->d->o.vflag)
		dec_printf(m->d, " POST:");
	return parse_post_op_attr(m, off, m->d->o.vflag);
}

static int parse_statfs(struct msg *m, uint64_t off, int v3)
{
	struct dec_ctx *d = m->d;
	uint32_t er;
	off = parse_status(m, off, &er);
	if (!v3 && er)
		return 1;
	if (d->o.qflag)
		return 1;
	if (v3) {
		if (d->o.vflag)
			dec_printf(d, " POST:");
		if ((off = parse_post_op_attr(m, off, d->o.vflag)) == NONE)
			return 0;
	}
	if (!has(m, off, v3 ? NFS_V3STATFS : NFS_V2STATFS))
		return 0;
	if (v3) {
		dec_printf(d, " tbytes %" PRIu64 " fbytes %" PRIu64 " abytes %" PRIu64, w64(m, off), w64(m, off + 8),
			   w64(m, off + 16));
		if (d->o.vflag)
			dec_printf(d, " tfiles %" PRIu64 " ffiles %" PRIu64 " afiles %" PRIu64 " invar %u",
				   w64(m, off + 24), w64(m, off + 32), w64(m, off + 40), w32(m, off + 48));
	} else {
		dec_printf(d, " tsize %u bsize %u blocks %u bfree %u bavail %u", w32(m, off), w32(m, off + 4),
			   w32(m, off + 8), w32(m, off + 12), w32(m, off + 16));
	}
	return 1;
}

static uint64_t parse_v3rddirres(struct msg *m, uint64_t off)
{
	uint32_t er;
	if ((off = status_post(m, off, &er)) == NONE || er)
		return off;
	if (m->d->o.vflag) {
		dec_printf(m->d, " verf %08x%08x", w32(m, off), w32(m, off + 4));
		off += 8;
	}
	return off;
}

/* FSINFO's and PATHCONF's results (v3 only): status, attributes, then
 * the fixed-size information. */
static int parse_fs(struct msg *m, uint64_t off, unsigned proc)
{
	struct dec_ctx *d = m->d;
	uint32_t er;
	if ((off = status_post(m, off, &er)) == NONE)
		return 0;
	if (er)
		return 1;
	if (!has(m, off, proc == P_FSINFO ? NFS_FSINFO : NFS_PATHCONF))
		return 0;
	if (proc == P_PATHCONF) {
		dec_printf(d, " linkmax %u namemax %u %s %s %s %s", w32(m, off), w32(m, off + 4),
			   w32(m, off + 8) ? "notrunc" : "", w32(m, off + 12) ? "chownres" : "",
			   w32(m, off + 16) ? "igncase" : "", w32(m, off + 20) ? "keepcase" : "");
		return 1;
	}
	dec_printf(d, " rtmax %u rtpref %u wtmax %u wtpref %u dtpref %u", w32(m, off), w32(m, off + 4),
		   w32(m, off + 12), w32(m, off + 16), w32(m, off + 24));
	if (d->o.vflag) {
		dec_printf(d, " rtmult %u wtmult %u maxfsz %" PRIu64, w32(m, off + 8), w32(m, off + 20),
			   w64(m, off + 28));
		dec_printf(d, " delta %u.%06u ", w32(m, off + 36), w32(m, off + 40));
	}
	return 1;
}

/* The v3 results with a status, attributes and a count (read, write). */
static void print_count(struct msg *m, uint64_t off, int write)
{
	struct dec_ctx *d = m->d;
	if (!d->o.vflag)
		return;
	dec_printf(d, " %u bytes", w32(m, off));
	if (!write) {
		if (w32(m, off + 4))
			dec_printf(d, " EOF");
	} else if (d->o.vflag > 1) {
		write_mode(d, w32(m, off + 4));
		dec_printf(d, " verf %" PRIx64, w64(m, off + 8));
	}
}

/* The results of procedure proc: 0 when cut short. */
static int print_results(struct msg *m, uint32_t proc, int v3, uint64_t off)
{
	struct dec_ctx *d = m->d;
	int v = d->o.vflag;
	uint32_t er;
	switch (proc) {
	case P_GETATTR:
		return parse_attrstat(m, off, !d->o.qflag, v3);
	case P_SETATTR:
		return v3 ? parse_wccres(m, off, v) != NONE : parse_attrstat(m, off, !d->o.qflag, 0);
	case P_LOOKUP:
		if (!v3)
			return parse_diropres(m, off);
		off = parse_status(m, off, &er);
		if (!er) {
			if ((off = parse_fh(m, off, 1)) == NONE || (off = parse_post_op_attr(m, off, v)) == NONE)
				return 0;
		}
		if (v > 1) {
			dec_printf(d, " post dattr:");
			return parse_post_op_attr(m, off, v) != NONE;
		}
		return 1;
	case P_ACCESS:
		off = parse_status(m, off, &er);
		if (v)
			dec_printf(d, " attr:");
		if ((off = parse_post_op_attr(m, off, v)) == NONE)
			return 0;
		if (!er)
			dec_printf(d, " c %04x", w32(m, off));
		return 1;
	case P_READLINK:
		off = parse_status(m, off, &er);
		if (er)
			return 1;
		if (v3 && (off = parse_post_op_attr(m, off, v)) == NONE)
			return 0;
		dec_printf(d, " ");
		return parse_fn(m, off) != NONE;
	case P_READ: case P_WRITE: /* v3: the file's attributes (write: before and after) and a count */
		if (!v3)
			return parse_attrstat(m, off, v, 0);
		off = parse_status(m, off, &er);
		off = proc == P_READ ? parse_post_op_attr(m, off, v) : parse_wcc_data(m, off, v);
		if (off == NONE)
			return 0;
		if (!er)
			print_count(m, off, proc == P_WRITE);
		return 1;
	case P_CREATE: case P_MKDIR:
		return v3 ? parse_createopres(m, off, v) != NONE : parse_diropres(m, off);
	case P_SYMLINK:
		if (v3)
			return parse_createopres(m, off, v) != NONE;
		parse_status(m, off, &er);
		return 1;
	case P_MKNOD:
		return parse_createopres(m, off, v) != NONE;
	case P_REMOVE: case P_RMDIR:
		if (v3)
			return parse_wccres(m, off, v) != NONE;
		parse_status(m, off, &er);
		return 1;
	case P_RENAME: case P_LINK:
		off = parse_status(m, off, &er);
		if (!v3 || !v)
			return 1;
		if (proc == P_RENAME) {
			dec_printf(d, " from:");
			if ((off = parse_wcc_data(m, off, v)) == NONE)
				return 0;
			dec_printf(d, " to:");
		} else {
			dec_printf(d, " file POST:");
			if ((off = parse_post_op_attr(m, off, v)) == NONE)
				return 0;
			dec_printf(d, " dir:");
		}
		return parse_wcc_data(m, off, v) != NONE;
	case P_READDIR:
		if (v3)
			return parse_v3rddirres(m, off) != NONE;
		off = parse_status(m, off, &er);
		if (er || d->o.qflag)
			return 1;
		dec_printf(d, " offset 0x%x size %u ", w32(m, off), w32(m, off + 4));
		if (w32(m, off + 8))
			dec_printf(d, " eof");
		return 1;
	case P_READDIRPLUS:
		return parse_v3rddirres(m, off) != NONE;
	case P_FSSTAT:
		return parse_statfs(m, off, v3);
	case P_FSINFO: case P_PATHCONF:
		return parse_fs(m, off, proc);
	case P_COMMIT:
		if ((off = parse_wccres(m, off, v)) == NONE)
			return 0;
		if (v > 1)
			dec_printf(d, " verf %" PRIx64, w64(m, off));
		return 1;
	}
	return 1;
}

static void reply(struct msg *m, const struct dec_app *a, uint32_t length)
{
	struct dec_ctx *d = m->d;
	uint32_t proc, vers;
	if (!has(m, RPC_REPLY_STAT, 4)) {
		dec_printf(d, " [|nfs]");
		return;
	}
	uint32_t stat = w32(m, RPC_REPLY_STAT);
	if (stat == 0) { /* accepted */
		dec_printf(d, "reply ok %u", length);
		if (!map_find(m, a, &proc, &vers))
			return;
		int v3 = vers == NFS_V3;
		if (!v3 && proc < P_NPROCS)
			proc = v2_procs[proc];
		dec_printf(d, " ");
		dec_tokf(d, proc_names, proc, "proc-%u");
		if (proc == P_NULL || proc > P_COMMIT)
			return;
		uint64_t off = parse_rep(m, length);
		if ((off == NONE || !print_results(m, proc, v3, off)) && !m->err)
			dec_printf(d, " [|nfs]");
		return;
	}
	if (stat != 1) {
		dec_printf(d, "reply Unknown rpc response code=%u %u", stat, length);
		return;
	}
	dec_printf(d, "reply ERR %u: ", length);
	if (!has(m, 12, 4)) {
		dec_printf(d, " [|nfs]");
		return;
	}
	uint32_t rstat = w32(m, 12);
	if (rstat == 0) { /* RPC version mismatch */
		if (!has(m, 20, 4)) {
			dec_printf(d, " [|nfs]");
			return;
		}
		dec_printf(d, "RPC Version mismatch (%u-%u)", w32(m, 16), w32(m, 20));
	} else if (rstat == 1) { /* authentication error */
		if (!has(m, 16, 4)) {
			dec_printf(d, " [|nfs]");
			return;
		}
		dec_printf(d, "Auth ");
		dec_tokf(d, auth_stats, w32(m, 16), "Invalid failure code %u");
	} else {
		dec_printf(d, "Unknown reason for rejecting rpc message %u", rstat);
	}
}

/* An RPC message to or from the NFS port (app.c has checked its
 * direction): over TCP after its record mark. */
void dec_nfs(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	d->proto = "nfs";
	uint32_t length = (uint32_t)len;
	if (a->tcp) {
		uint32_t frag = dec_get_be32(p) & 0x7fffffff;
		length = frag > len - 4 ? (uint32_t)(len - 4) : frag;
		p += 4;
		dec_printf(d, ": ");
	}
	struct msg m = { d, p, dec_avail(d, p, SIZE_MAX), 0 };
	int call = dec_get_be32(p + 4) == 0;
	dec_printf(d, "NFS %s xid %u ", call ? "request" : "reply", dec_get_be32(p));
	if (call)
		request(&m, a, length);
	else
		reply(&m, a, length);
}

void dec_nfs_free(struct dec_ctx *d)
{
	free(d->nfs);
	d->nfs = NULL;
}
