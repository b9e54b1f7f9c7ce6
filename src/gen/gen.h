#ifndef BPFX_GEN_H
#define BPFX_GEN_H
#endif
