/* parse.h: placeholder, being written. */
#ifndef BPFX_PARSE_H
#define BPFX_PARSE_H
#endif
