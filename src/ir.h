/* ir.h: placeholder, being written. */
#ifndef BPFX_IR_H
#define BPFX_IR_H
#endif
