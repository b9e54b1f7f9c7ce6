/* arena.c: bump allocator in growing chunks.  Nothing is freed singly;
 * arena_free releases a whole compilation at once. */
#include "arena.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	_Alignas(16) unsigned char mem[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->on_oom = NULL;
}

_Noreturn void arena_oom(struct arena *a)
{
	if (a->on_oom)
		longjmp(*a->on_oom, 1);
	fputs("bpfx: out of memory\n", stderr); /* a caller outside the library boundary */
	abort();
}

void *arena_alloc(struct arena *a, size_t n)
{
	if (n > SIZE_MAX / 2)
		arena_oom(a); /* no malloc could give it; keeps the sums below from wrapping */
	n = (n + 15) & ~(size_t)15;
	struct arena_chunk *c = a->head;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		c = malloc(sizeof *c + cap);
		if (!c)
			arena_oom(a);
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

void arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_chunk *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}
