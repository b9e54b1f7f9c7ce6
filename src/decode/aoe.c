/* aoe.c: ATA over Ethernet (ethertype 0x88a2, the Coraid AoE r11 spec) as
 * tcpdump 4.99 prints it:
 *
 *   AoE length 46, Ver 1, Flags: [none]                      (no -v)
 *   ...\n\tMajor: 0x0014, Minor: 0x00, Command: ..., Tag: ... (-v: the
 *   header, then the argument of the command on its own lines)
 *
 * len counts the Ethernet padding (tcpdump's length is the frame's).  An
 * argument shorter than its command's fixed part, or whose counts do not
 * add up, prints " (invalid)" and the line ends (" [|aoe]" if the rest was
 * not captured). */
#include "decode/dec.h"

#define AOE_HDR 10         /* version/flags to tag, the argument follows */
#define AOE_FLAG_ERROR 0x04

static const struct dec_tok aoe_cmds[] = {
	{ 0, "Issue ATA Command" }, { 1, "Query Config Information" }, { 2, "MAC Mask List" },
	{ 3, "Reserve/Release" }, { 0, NULL },
};
static const struct dec_tok aoe_flags[] = {
	{ 0x08, "Response" }, { AOE_FLAG_ERROR, "Error" }, { 0x02, "MBZ-1" }, { 0x01, "MBZ-0" }, { 0, NULL },
};
static const struct dec_tok aoe_errors[] = {
	{ 1, "Unrecognized command code" }, { 2, "Bad argument parameter" }, { 3, "Device unavailable" },
	{ 4, "Config string present" }, { 5, "Unsupported version" }, { 6, "Target is reserved" }, { 0, NULL },
};
static const struct dec_tok aoe_aflags[] = {
	{ 0x80, "MBZ-7" }, { 0x40, "Ext48" }, { 0x20, "MBZ-5" }, { 0x10, "Device" }, { 0x08, "MBZ-3" },
	{ 0x04, "MBZ-2" }, { 0x02, "Async" }, { 0x01, "Write" }, { 0, NULL },
};
static const struct dec_tok aoe_ccmds[] = {
	{ 0, "read config string" }, { 1, "test config string" }, { 2, "test config string prefix" },
	{ 3, "set config string" }, { 4, "force set config string" }, { 0, NULL },
};
static const struct dec_tok aoe_mcmds[] = { { 0, "Read Mac Mask List" }, { 1, "Edit Mac Mask List" }, { 0, NULL } };
static const struct dec_tok aoe_merrors[] = {
	{ 1, "Unspecified Error" }, { 2, "Bad DCmd directive" }, { 3, "Mask list full" }, { 0, NULL },
};
static const struct dec_tok aoe_dcmds[] = {
	{ 0, "No Directive" }, { 1, "Add mac address to mask list" }, { 2, "Delete mac address from mask list" },
	{ 0, NULL },
};
static const struct dec_tok aoe_rcmds[] = {
	{ 0, "Read reserve list" }, { 1, "Set reserve list" }, { 2, "Force set reserve list" }, { 0, NULL },
};

/* The end of every malformed part: the rest must still be captured. */
static void invalid(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_printf(d, " (invalid)");
	dec_need(d, p, len);
}

/* label and the name of the code byte at p, read before any of it is
 * printed (tcpdump's GET_ inside the ND_PRINT arguments). */
static void code(struct dec_ctx *d, const char *label, const struct dec_tok *t, const uint8_t *p)
{
	unsigned v = dec_u8(d, p);
	dec_printf(d, "%s", label);
	dec_tokf(d, t, v, "Unknown (0x%02x)");
}

static void issue(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	static const char *const lba[] = { "\n\tlba0", ", lba1", ", lba2", ", lba3", ", lba4", ", lba5" };
	if (len < 12) {
		invalid(d, p, len);
		return;
	}
	unsigned af = dec_u8(d, p); /* read before the text, as tcpdump's GET_ */
	dec_printf(d, "\n\tAFlags: [");
	dec_bits(d, aoe_aflags, af, "none");
	dec_printf(d, "]");
	dec_printf(d, ", Err/Feature: %u", dec_u8(d, p + 1));
	dec_printf(d, ", Sector Count: %u", dec_u8(d, p + 2));
	dec_printf(d, ", Cmd/Status: %u", dec_u8(d, p + 3));
	for (unsigned i = 0; i < 6; i++)
		dec_printf(d, "%s: %u", lba[i], dec_u8(d, p + 4 + i));
	dec_need(d, p + 10, 2); /* reserved */
	if (len > 12)
		dec_printf(d, "\n\tData: %zu bytes", len - 12);
}

static void query(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 8) {
		invalid(d, p, len);
		return;
	}
	dec_printf(d, "\n\tBuffer Count: %u", dec_be16(d, p));
	dec_printf(d, ", Firmware Version: %u", dec_be16(d, p + 2));
	dec_printf(d, ", Sector Count: %u", dec_u8(d, p + 4));
	unsigned c = dec_u8(d, p + 5);
	/* tcpdump's format lacks its '%': the text as it stands */
	dec_printf(d, ", AoE: %u, CCmd: %s", c >> 4, dec_tok(aoe_ccmds, c & 0x0f, "Unknown (0x02x)"));
	unsigned cslen = dec_be16(d, p + 6);
	if (cslen > 1024 || cslen > len - 8) {
		invalid(d, p + 8, len - 8);
		return;
	}
	if (cslen) {
		dec_printf(d, "\n\tConfig String (length %u): ", cslen);
		for (unsigned i = 0; i < cslen; i++) /* as far as captured */
			dec_putc_safe(d, dec_u8(d, p + 8 + i));
	}
}

static void mac_mask(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 4) {
		invalid(d, p, len);
		return;
	}
	code(d, "\n\tMCmd: ", aoe_mcmds, p + 1);
	code(d, ", MError: ", aoe_merrors, p + 2);
	unsigned n = dec_u8(d, p + 3);
	dec_printf(d, ", Dir Count: %u", n);
	p += 4;
	len -= 4;
	if (n * 8u > len) {
		invalid(d, p, len);
		return;
	}
	for (unsigned i = 0; i < n; i++, p += 8) {
		code(d, "\n\t DCmd: ", aoe_dcmds, p + 1);
		dec_need(d, p + 2, 6);
		dec_printf(d, ", Ethernet Address: ");
		dec_mac(d, p + 2);
	}
}

static void reserve(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 2 || (len - 2) % 6) {
		invalid(d, p, len);
		return;
	}
	code(d, "\n\tRCmd: ", aoe_rcmds, p);
	unsigned n = dec_u8(d, p + 1);
	dec_printf(d, ", NMacs: %u", n);
	p += 2;
	len -= 2;
	if (n * 6u != len) {
		invalid(d, p, len);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		dec_need(d, p + 6 * i, 6);
		dec_printf(d, "\n\tEthernet Address %u: ", i);
		dec_mac(d, p + 6 * i);
	}
}

/* The argument printers, by command code. */
static void (*const aoe_args[])(struct dec_ctx *, const uint8_t *, size_t) = { issue, query, mac_mask, reserve };

void dec_aoe(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "aoe";
	dec_printf(d, "AoE length %zu", len);
	if (len < 1) {
		invalid(d, p, len);
		return;
	}
	unsigned ver = dec_u8(d, p) >> 4;
	dec_printf(d, ", Ver %u", ver);
	if (ver != 1)
		return;
	if (len < AOE_HDR) {
		invalid(d, p, len);
		return;
	}
	unsigned flags = p[0] & 0x0f;
	dec_printf(d, ", Flags: [");
	dec_bits(d, aoe_flags, flags, "none");
	dec_printf(d, "]");
	if (!d->o.vflag)
		return;
	if (flags & AOE_FLAG_ERROR) {
		unsigned err = dec_u8(d, p + 1);
		dec_printf(d, "\n\tError: ");
		dec_tokf(d, aoe_errors, err, "Invalid (%u)");
	}
	dec_printf(d, "\n\tMajor: 0x%04x", dec_be16(d, p + 2));
	dec_printf(d, ", Minor: 0x%02x", dec_u8(d, p + 4));
	unsigned cmd = dec_u8(d, p + 5);
	dec_printf(d, ", Command: ");
	dec_tokf(d, aoe_cmds, cmd, "Unknown (0x%02x)");
	dec_printf(d, ", Tag: 0x%08x", dec_be32(d, p + 6));
	if (cmd < sizeof aoe_args / sizeof aoe_args[0])
		aoe_args[cmd](d, p + AOE_HDR, len - AOE_HDR);
}
