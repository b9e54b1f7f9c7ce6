/* names.c: being written. */
#include "names.h"
