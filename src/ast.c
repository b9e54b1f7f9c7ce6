/* ast.c: being written. */
#include "ast.h"
