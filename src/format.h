/* format.h: print programs as tcpdump prints them: -d (bpf_image listing),
 * -dd (C array), -ddd (decimal), byte for byte; and in the Linux kernel's
 * bpf_asm syntax, and as JSON. */
#ifndef BPFX_FORMAT_H
#define BPFX_FORMAT_H
#include <stdio.h>
#include <stddef.h>
#include <sys/types.h> /* u_char, u_int for pcap/bpf.h */
#include <pcap/bpf.h>

enum fmt_style { FMT_D = 1, FMT_DD = 2, FMT_DDD = 3,
		 FMT_ASM = 4,  /* bpf_asm: labels "lN" for jump targets, one per line */
		 FMT_JSON = 5, /* a JSON array of {code, jt, jf, k, text} */
};

/* One instruction as tcpdump -d prints it, without newline, e.g.
 * "(004) jeq      #0x6             jt 5\tjf 11".  buf >= 128 bytes. */
void fmt_insn(char *buf, size_t size, const struct bpf_insn *p, int pc);
/* The whole program in a style: 0, or -1 when out of memory (FMT_ASM's
 * labels), with nothing printed. */
int fmt_program(FILE *f, const struct bpf_insn *p, size_t n, enum fmt_style style);
/* s as a JSON string, quotes included. */
void fmt_json_str(FILE *f, const char *s);
#endif
