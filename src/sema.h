/* sema.h: placeholder, being written. */
#ifndef BPFX_SEMA_H
#define BPFX_SEMA_H
#endif
