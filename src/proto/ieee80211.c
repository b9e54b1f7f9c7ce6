/* ieee80211.c: the 802.11 frame types, subtypes and directions that
 * pcap-filter(7) names (`type mgt subtype beacon`, `subtype qos-data`,
 * `dir tods`).  Values are the bits of the frame control field as they
 * stand in the frame: type in bits 2-3 and subtype in bits 4-7 of the
 * first byte, To DS and From DS in bits 0-1 of the second.  Names compare
 * without regard to case, as libpcap's do. */
#include "proto/ieee80211.h"
#include <stddef.h>
#include <strings.h>

struct p80211_name {
	const char *name;
	uint32_t v;
};

static const struct p80211_name types[] = {
	{ "mgt", 0x00 }, { "management", 0x00 },
	{ "ctl", 0x04 }, { "control", 0x04 },
	{ "data", 0x08 },
	{ NULL, 0 },
};

static const struct p80211_name mgt_subtypes[] = {
	{ "assocreq", 0x00 }, { "assoc-req", 0x00 },
	{ "assocresp", 0x10 }, { "assoc-resp", 0x10 },
	{ "reassocreq", 0x20 }, { "reassoc-req", 0x20 },
	{ "reassocresp", 0x30 }, { "reassoc-resp", 0x30 },
	{ "probereq", 0x40 }, { "probe-req", 0x40 },
	{ "proberesp", 0x50 }, { "probe-resp", 0x50 },
	{ "beacon", 0x80 },
	{ "atim", 0x90 },
	{ "disassoc", 0xa0 }, { "disassociation", 0xa0 },
	{ "auth", 0xb0 }, { "authentication", 0xb0 },
	{ "deauth", 0xc0 }, { "deauthentication", 0xc0 },
	{ NULL, 0 },
};

static const struct p80211_name ctl_subtypes[] = {
	{ "ps-poll", 0xa0 }, { "rts", 0xb0 }, { "cts", 0xc0 }, { "ack", 0xd0 },
	{ "cf-end", 0xe0 }, { "cf-end-ack", 0xf0 },
	{ NULL, 0 },
};

static const struct p80211_name data_subtypes[] = {
	{ "data", 0x00 }, { "data-cf-ack", 0x10 }, { "data-cf-poll", 0x20 },
	{ "data-cf-ack-poll", 0x30 }, { "null", 0x40 }, { "cf-ack", 0x50 },
	{ "cf-poll", 0x60 }, { "cf-ack-poll", 0x70 }, { "qos-data", 0x80 },
	{ "qos-data-cf-ack", 0x90 }, { "qos-data-cf-poll", 0xa0 },
	{ "qos-data-cf-ack-poll", 0xb0 }, { "qos", 0xc0 }, { "qos-cf-poll", 0xe0 },
	{ "qos-cf-ack-poll", 0xf0 },
	{ NULL, 0 },
};

/* Each type's subtype names, in the order a bare `subtype` searches them. */
static const struct {
	uint32_t type;
	const struct p80211_name *names;
} subtypes[] = {
	{ 0x00, mgt_subtypes }, { 0x04, ctl_subtypes }, { 0x08, data_subtypes },
};

static const struct p80211_name dirs[] = {
	{ "nods", 0 }, { "tods", 1 }, { "fromds", 2 }, { "dstods", 3 },
	{ NULL, 0 },
};

static int lookup(const struct p80211_name *t, const char *name, uint32_t *v)
{
	for (; t->name; t++)
		if (!strcasecmp(t->name, name)) {
			*v = t->v;
			return 0;
		}
	return -1;
}

int p80211_type(const char *name, uint32_t *v)
{
	return lookup(types, name, v);
}

int p80211_subtype(uint32_t type, const char *name, uint32_t *v)
{
	for (size_t i = 0; i < sizeof subtypes / sizeof subtypes[0]; i++)
		if (subtypes[i].type == type)
			return lookup(subtypes[i].names, name, v);
	return -2;
}

int p80211_any_subtype(const char *name, uint32_t *v)
{
	for (size_t i = 0; i < sizeof subtypes / sizeof subtypes[0]; i++)
		if (lookup(subtypes[i].names, name, v) == 0) {
			*v |= subtypes[i].type;
			return 0;
		}
	return -1;
}

int p80211_dir(const char *name, uint32_t *v)
{
	return lookup(dirs, name, v);
}
