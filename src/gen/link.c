/* being written */
#include "gen/gen.h"
