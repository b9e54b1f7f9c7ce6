/* arena.c: bump allocator in growing chunks.  Nothing is freed singly;
 * arena_free releases a whole compilation (or a sub-arena) at once.
 *
 * A released chunk's pages go back to the system (madvise) before it is
 * freed, rather than stay resident in the heap: there the syntax tree
 * freed after gen stayed as a hole the optimizer's larger arrays did not
 * fit (glibc maps those apart), so a run held the tree, the IR and the
 * arrays together; and `explain`, which annotates once the compiler is
 * done, held the compiler's whole heap under its text (issue #15).  A
 * pass's scratch stays resident when freed, for the next pass to reuse.
 * A sub-arena's chunk is not zeroed ahead of use (arena_alloc zeroes what
 * it hands out).  Scratch is malloc'd and zeroed, not calloc'd: glibc's
 * calloc passes by its per-thread cache, and threading makes a small
 * block per edge (glibc 2.36: some 5% more time to compile, no less
 * memory). */
#include "arena.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { CHUNK = 65536 }; /* a chunk's bytes, headers included */

/* Free p, of n bytes, from malloc; with give, its whole pages given back
 * to the system first (as glibc's malloc_trim does to free chunks):
 * free() writes only near a block's ends, which the margin keeps out. */
static void sys_free(void *p, size_t n, int give)
{
	if (p && give) {
		uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), margin = 64;
		uintptr_t lo = ((uintptr_t)p + margin + page - 1) & ~(page - 1);
		uintptr_t hi = ((uintptr_t)p + n - margin) & ~(page - 1);
		if (hi > lo)
			madvise((void *)lo, hi - lo, MADV_DONTNEED);
	}
	free(p);
}

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	_Alignas(16) unsigned char mem[];
};

/* A scratch block: its links and size, then the caller's bytes. */
struct arena_scratch {
	struct arena_scratch *prev, *next;
	size_t n;
	_Alignas(16) unsigned char mem[];
};

static void *scratch_grow(struct arena *a, void *q, size_t n, int zero);
static void scratch_free(struct arena *a, void *q, int give);

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->scratch = NULL;
	a->on_oom = NULL;
	a->parent = NULL;
	a->bytes = a->peak = 0;
}

void arena_init_sub(struct arena *a, struct arena *parent)
{
	arena_init(a);
	a->parent = parent;
}

/* n bytes more held (n > 0) or fewer. */
static void count(struct arena *a, size_t n, int more)
{
	a->bytes = more ? a->bytes + n : a->bytes - n;
	if (a->bytes > a->peak)
		a->peak = a->bytes;
}

_Noreturn void arena_oom(struct arena *a)
{
	while (!a->on_oom && a->parent) /* the nearest: parse.c sets one on the arena it is given */
		a = a->parent;
	if (a->on_oom)
		longjmp(*a->on_oom, 1);
	fputs("bpfx: out of memory\n", stderr); /* a caller outside the library boundary */
	abort();
}

void *arena_alloc(struct arena *a, size_t n)
{
	if (n > SIZE_MAX / 2)
		arena_oom(a); /* no malloc could give it; keeps the sums below from wrapping */
	/* 8-byte alignment is all the compiler's objects need (no long
	 * double, no vector types); 16 would pad most nodes and blocks */
	n = (n + 7) & ~(size_t)7;
	struct arena_chunk *c = a->head;
	if (!c || c->cap - c->used < n) {
		/* CHUNK bytes in all, a sub-arena's scratch header too */
		size_t head = sizeof *c + (a->parent ? sizeof(struct arena_scratch) : 0);
		size_t cap = n > CHUNK - head ? n : CHUNK - head;
		/* a sub-arena's chunk: scratch of the parent, counted there too
		 * (scratch_grow finds the parent; given a, it jumps from a) */
		c = a->parent ? scratch_grow(a, NULL, sizeof *c + cap, 0) : malloc(sizeof *c + cap);
		if (!c)
			arena_oom(a);
		count(a, sizeof *c + cap, 1);
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
	}
	void *p = c->mem + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void *arena_scratch(struct arena *a, size_t n)
{
	return scratch_grow(a, NULL, n, 1);
}

void *arena_scratch_grow(struct arena *a, void *q, size_t n)
{
	return scratch_grow(a, q, n, 1);
}

/* malloc, copy and free rather than realloc: the old block stays on the
 * list, and freed with the arena, if the new one cannot be had.  A
 * sub-arena's chunk (zero 0) is not zeroed: arena_alloc zeroes what it
 * hands out. */
static void *scratch_grow(struct arena *a, void *q, size_t n, int zero)
{
	/* out of memory jumps from the arena given, not its root: a stage
	 * holding other memory (parse.c's scanner) may have set its jump on
	 * a sub-arena, and jumping past it would leak that memory */
	struct arena *from = a;
	while (a->parent) /* the parent's list is the one freed on the way out of memory */
		a = a->parent;
	if (n > SIZE_MAX / 2)
		arena_oom(from);
	struct arena_scratch *s = malloc(sizeof *s + n);
	if (!s)
		arena_oom(from);
	size_t keep = 0;
	if (q) {
		struct arena_scratch *old = (struct arena_scratch *)((unsigned char *)q - offsetof(struct arena_scratch, mem));
		keep = old->n < n ? old->n : n;
		memcpy(s->mem, old->mem, keep);
		arena_scratch_free(a, q);
	}
	if (zero)
		memset(s->mem + keep, 0, n - keep);
	s->n = n;
	count(a, sizeof *s + n, 1);
	s->prev = NULL;
	s->next = a->scratch;
	if (a->scratch)
		a->scratch->prev = s;
	a->scratch = s;
	return s->mem;
}

void arena_scratch_free(struct arena *a, void *q)
{
	scratch_free(a, q, 0);
}

static void scratch_free(struct arena *a, void *q, int give)
{
	if (!q)
		return;
	while (a->parent)
		a = a->parent;
	struct arena_scratch *s = (struct arena_scratch *)((unsigned char *)q - offsetof(struct arena_scratch, mem));
	count(a, sizeof *s + s->n, 0);
	if (s->prev)
		s->prev->next = s->next;
	else
		a->scratch = s->next;
	if (s->next)
		s->next->prev = s->prev;
	sys_free(s, sizeof *s + s->n, give);
}

void arena_free(struct arena *a)
{
	while (a->scratch)
		arena_scratch_free(a, a->scratch->mem);
	arena_release(a, (struct arena_mark){ NULL, 0 });
}

struct arena_mark arena_mark(const struct arena *a)
{
	return (struct arena_mark){ a->head, a->head ? a->head->used : 0 };
}

void arena_release(struct arena *a, struct arena_mark m)
{
	while (a->head != m.head) {
		struct arena_chunk *next = a->head->next;
		count(a, sizeof *a->head + a->head->cap, 0);
		if (a->parent)
			scratch_free(a->parent, a->head, 1);
		else
			sys_free(a->head, sizeof *a->head + a->head->cap, 1);
		a->head = next;
	}
	if (a->head)
		a->head->used = m.used;
}
