/* emit.c: being written. */
#include "emit.h"
