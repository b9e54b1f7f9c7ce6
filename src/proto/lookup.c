/* lookup.c: reading the tables of proto.h.  The tables are small (tens of
 * rows), so a linear scan is enough. */
#include <string.h>

#include "proto/proto.h"

const struct proto_row *proto_row(const struct proto_table *t, unsigned v)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->rows[i].v == v)
			return &t->rows[i];
	return NULL;
}

const char *proto_name(const struct proto_table *t, unsigned v, enum proto_col c)
{
	const struct proto_row *r = proto_row(t, v);
	return r ? r->name[c] : NULL;
}

const char *proto_name_or(const struct proto_table *t, unsigned v, enum proto_col c, const char *dflt)
{
	const char *s = proto_name(t, v, c);
	return s ? s : dflt;
}

unsigned proto_flags(const struct proto_table *t, unsigned v)
{
	const struct proto_row *r = proto_row(t, v);
	return r ? r->flags : 0;
}

int proto_value(const struct proto_table *t, const char *name, enum proto_col c, unsigned *v)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->rows[i].name[c] && !strcmp(t->rows[i].name[c], name)) {
			*v = t->rows[i].v;
			return 0;
		}
	return -1;
}
