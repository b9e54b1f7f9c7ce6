/* fuzz_vm.c: random program bytes -> our validator and interpreter against
 * libpcap's bpf_validate and bpf_filter.
 *
 * Input layout: byte 0 is the instruction count n (1..64, clamped to what
 * the input holds); then n instructions of 8 bytes each:
 *   code (1 byte; the second byte 0xff adds 0x100, an invalid code), jt, jf,
 *   k (4 bytes, little-endian);
 * the remaining bytes are the packet, whose wire length is its captured
 * length plus the second byte of the input.  Findings:
 *   - bpfx_validate accepts a program libpcap's bpf_validate rejects (ours
 *     is stricter in the documented places, see the top of src/vm.c, and
 *     must never be weaker);
 *   - on an accepted program, vm_run, vm_exec (the program pre-decoded,
 *     vm_fast.c), vm_exec_batch (the four cases below in one call) or
 *     bpfx_run_batch, and bpf_filter differ on the packet,
 *     on the packet cut to half and to nothing, or with a wire length
 *     shorter than the captured length;
 *   - a crash or sanitizer report (the validator runs on every input). */
#include "fuzz.h"
#include "bpfx.h"
#include "vm.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t n = data[0] % 64 + 1;
	if (n > (size - 2) / 8)
		n = (size - 2) / 8;
	if (n == 0)
		return 0;
	struct bpf_insn *p = malloc(n * sizeof *p);
	if (!p)
		abort();
	const uint8_t *b = data + 2;
	for (size_t i = 0; i < n; i++, b += 8) {
		p[i].code = (u_short)(b[0] | (b[1] == 0xff ? 0x100 : 0));
		p[i].jt = b[2];
		p[i].jf = b[3];
		p[i].k = (uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 |
			 (uint32_t)b[7] << 24;
	}
	size_t plen = size - 2 - 8 * n;
	/* An exact-size copy of the packet, so a read past it is reported. */
	uint8_t *pkt = malloc(plen ? plen : 1);
	if (!pkt)
		abort();
	memcpy(pkt, b, plen);
	uint32_t caplen = (uint32_t)plen, wirelen = caplen + data[1];

	struct bpfx_error err;
	int ours = bpfx_validate(p, n, &err) == 0;
	int theirs = bpf_validate(p, (int)n) != 0;
	if (ours && !theirs)
		fuzz_fail("fuzz_vm", "bpfx_validate accepts what bpf_validate rejects", data, size, p, n);
	if (ours) {
		const uint32_t caps[4][2] = {
			{ wirelen, caplen }, { wirelen, caplen / 2 }, { wirelen, 0 }, { caplen / 2, caplen },
		};
		struct vm_prog *vp = vm_prepare(p, n, &err);
		if (!vp)
			fuzz_fail("fuzz_vm", "vm_prepare refuses a valid program", data, size, p, n);
		struct bpfx_packet batch[4];
		uint32_t bv[4], av[4];
		for (int c = 0; c < 4; c++)
			batch[c] = (struct bpfx_packet){pkt, caps[c][0], caps[c][1]};
		vm_exec_batch(vp, batch, 4, bv);
		bpfx_run_batch(p, n, batch, 4, av);
		for (int c = 0; c < 4; c++) {
			uint32_t v = vm_run(p, pkt, caps[c][0], caps[c][1]);
			uint32_t x = vm_exec(vp, pkt, caps[c][0], caps[c][1]);
			uint32_t l = bpf_filter(p, pkt, caps[c][0], caps[c][1]);
			if (v != l || x != l || bv[c] != l || av[c] != l) {
				char what[200];
				snprintf(what, sizeof what,
					 "vm_run %u, vm_exec %u, vm_exec_batch %u, bpfx_run_batch %u, "
					 "bpf_filter %u (wirelen %u, caplen %u)",
					 v, x, bv[c], av[c], l, caps[c][0], caps[c][1]);
				fuzz_fail("fuzz_vm", what, data, size, p, n);
			}
		}
		vm_prog_free(vp);
	}
	free(pkt);
	free(p);
	return 0;
}
