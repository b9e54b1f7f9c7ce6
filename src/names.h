/* names.h: placeholder, being written. */
#ifndef BPFX_NAMES_H
#define BPFX_NAMES_H
#endif
