/*
 * applied.h - the line of a reply that says the patch it answers was
 * applied: a maintainer's "Applied, thanks!", "Queued for 6.3", b4's
 * "Applied to ...".  patchinfo finds it in each reply; seriesinfo, for
 * records made before patchinfo did, looks for it in the body.
 *
 * The line is not quoted and opens (after white space, and after
 * "Thanks, " or "Thank you, " if any) with Applied, Queued or Pulled,
 * followed by the line's end, punctuation, " to", " for " or a "thank"
 * later in the line, and has no question mark.
 */
#ifndef MLD_APPLIED_H
#define MLD_APPLIED_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* Whether the line l[0..n) (no line end) says it was applied. */
bool mld_applied_line(const char *l, size_t n);
/* Whether a line opening with c may be one: most lines are not. */
bool mld_applied_may_open(char c);
/*
 * Sets out to the first line of text[0..len) that says it was applied,
 * its white space trimmed, or to "" when none does.
 */
void mld_applied_find(const char *text, size_t len, GString *out);

#endif
