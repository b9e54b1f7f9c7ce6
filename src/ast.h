/* ast.h: placeholder, being written. */
#ifndef BPFX_AST_H
#define BPFX_AST_H
#endif
