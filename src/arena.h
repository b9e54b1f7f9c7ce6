/* arena.h: one arena per compilation; AST, IR and strings live in it and
 * are freed together (the QBE pool idea). */
#ifndef BPFX_ARENA_H
#define BPFX_ARENA_H
#include <stddef.h>

struct arena_chunk;
struct arena {
	struct arena_chunk *head; /* newest chunk first */
};

void arena_init(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);          /* zeroed; aborts on OOM */
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);
#endif
