/* ir.c: being written. */
#include "ir.h"
