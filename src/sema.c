/* sema.c: being written. */
#include "sema.h"
