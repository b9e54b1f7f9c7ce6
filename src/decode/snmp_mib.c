/* snmp_mib.c: the object names tcpdump 4.99 prints for SNMP object
 * identifiers without -n (its compiled-in mib.h: RFC 1156's MIB-I, the
 * enterprise numbers of 1990, the SNMPv2 module roots).  One row per named
 * node: its parent's row (-1: a root), its sub-identifier, its name; a
 * parent's row comes before its children's.  The rows were read off
 * tcpdump 4.99.3 itself, asking it for every child 0-255 of every named
 * node (tests/tools/snmpmib.py prints them into snmp_mib.inc). */
#include "decode/dec.h"

static const struct dec_mib_node {
	short parent;              /* row of the parent, -1 for a root */
	unsigned char sub;         /* sub-identifier under the parent */
	const char *name;
} mib_rows[] = {
#include "decode/snmp_mib.inc"
};

int dec_snmp_mib_child(int parent, unsigned sub)
{
	for (size_t i = 0; i < sizeof mib_rows / sizeof mib_rows[0]; i++)
		if (mib_rows[i].parent == parent && mib_rows[i].sub == sub)
			return (int)i;
	return DEC_MIB_NONE;
}

const char *dec_snmp_mib_name(int node)
{
	return mib_rows[node].name;
}
