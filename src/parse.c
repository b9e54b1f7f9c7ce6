/* parse.c: being written. */
#include "parse.h"
