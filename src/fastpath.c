/*
 * fastpath.c - the fast-path switch (see fastpath.h).
 */
#include "fastpath.h"

#include <stdlib.h>

/* -1: not yet read from the environment. */
static int on = -1;

bool
mld_fast_paths(void)
{
	if (on < 0)
		on = getenv("MLD_TEST_NO_FAST_PATHS") == NULL;
	return on;
}

void
mld_fast_paths_set(bool v)
{
	on = v;
}
