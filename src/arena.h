/* arena.h: one arena per compilation; AST, IR and strings live in it and
 * are freed together (the QBE pool idea).
 *
 * Running out of memory is the one error that does not travel up as a
 * value: every stage allocates here, and none could go on without the
 * memory.  Like Lua's memory errors (luaD_throw), it jumps to the library
 * boundary instead (compile.c), which frees the arena and returns "out of
 * memory"; a stage that holds other memory at that point sets its own
 * jump and passes the failure on (parse.c, for the scanner).
 *
 * A pass's scratch arrays (the optimizer's, the emitter's) are freed singly
 * when the pass ends, so they cannot live in the bump chunks; they are
 * malloc'd blocks on the arena's scratch list instead.  The list is what
 * lets running out of memory mid-pass jump like any other: arena_free
 * releases whatever scratch the interrupted pass still held.
 *
 * A stage whose objects the next stages do not read (code generation's
 * cond trees) allocates them in a sub-arena: a bump arena whose chunks are
 * scratch blocks of its parent, so the stage frees them all when it ends,
 * and running out of memory on the way still frees them with the parent.
 *
 * Each arena counts the bytes it holds (chunks and scratch) and their
 * peak, which bench/bigexpr reports per stage. */
#ifndef BPFX_ARENA_H
#define BPFX_ARENA_H
#include <setjmp.h>
#include <stddef.h>

struct arena_chunk;
struct arena_scratch;
struct arena {
	struct arena_chunk *head; /* newest chunk first */
	struct arena_scratch *scratch; /* live scratch blocks, newest first */
	jmp_buf *on_oom;          /* where to go when malloc fails; NULL: abort */
	struct arena *parent;     /* a sub-arena's: chunks are its scratch */
	size_t bytes, peak;       /* held now and at most (a parent's count
				   * includes its sub-arenas' chunks) */
};

void arena_init(struct arena *a);
/* A sub-arena of parent: its scratch is the parent's, running out of
 * memory jumps to the parent's on_oom (unless one is set on the
 * sub-arena itself); arena_free it when done. */
void arena_init_sub(struct arena *a, struct arena *parent);
void *arena_alloc(struct arena *a, size_t n);          /* zeroed; never NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Out of memory, here or elsewhere in the compilation: jump to on_oom. */
_Noreturn void arena_oom(struct arena *a);
/* Scratch: zeroed, never NULL; _grow is realloc (q may be NULL, the new
 * part zeroed); _free takes NULL. */
void *arena_scratch(struct arena *a, size_t n);
void *arena_scratch_grow(struct arena *a, void *q, size_t n);
void arena_scratch_free(struct arena *a, void *q);
void arena_free(struct arena *a);                      /* chunks and scratch */
/* A point to rewind a bump arena to: arena_release frees what was
 * allocated after arena_mark (chunks made since are freed; scratch is
 * not touched).  gen.c lowers each primitive's cond tree as soon as it is
 * built and rewinds, so the trees of a large expression never add up. */
struct arena_mark {
	struct arena_chunk *head;
	size_t used;
};
struct arena_mark arena_mark(const struct arena *a);
void arena_release(struct arena *a, struct arena_mark m);
#endif
