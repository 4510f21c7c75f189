/*
 * fastpath.h - the switch between the hand-written fast paths and the
 * library they stand in for.
 *
 * Each fast path (a plain mailbox read without GMime's address parser, a
 * plain ASCII header taken without its RFC 2047 decoder) must give what
 * the library gives.  The switch lets tests prove it: the programs read
 * it from the environment (MLD_TEST_NO_FAST_PATHS set: off), and a unit
 * test or fuzz target flips it at run time to run both paths on one
 * input.
 */
#ifndef MLD_FASTPATH_H
#define MLD_FASTPATH_H

#include <stdbool.h>

/* Whether fast paths may stand in for the library. */
bool mld_fast_paths(void);
/* Turns them on or off from now on, whatever the environment says. */
void mld_fast_paths_set(bool on);

#endif
