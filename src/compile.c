/* compile.c: the driver; reads as the list of pipeline stages. */
#include "bpfx.h"
#include "error.h"
#include "vm.h"
#include <stdlib.h>
#include <pcap/dlt.h>

void bpfx_options_init(struct bpfx_options *o)
{
	o->linktype = DLT_EN10MB;
	o->snaplen = 262144;
	o->optimize = 1;
}

int bpfx_compile(const char *expr, const struct bpfx_options *o,
		 struct bpfx_program *out, struct bpfx_error *err)
{
	out->insns = NULL;
	out->len = 0;
	return err_set(err, -1, -1, "compiler not written yet");
}

void bpfx_program_free(struct bpfx_program *p)
{
	free(p->insns);
	p->insns = NULL;
	p->len = 0;
}

int bpfx_validate(const struct bpf_insn *p, size_t n, struct bpfx_error *err)
{
	return vm_validate(p, n, err);
}

uint32_t bpfx_run(const struct bpf_insn *p, const uint8_t *pkt, uint32_t wirelen, uint32_t caplen)
{
	return vm_run(p, pkt, wirelen, caplen);
}
