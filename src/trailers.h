/*
 * trailers.h - the trailers of a commit message (Signed-off-by,
 * Reviewed-by, Fixes, Link...), in the order written.
 *
 * Only the keys the kernel's process documents are taken, from lines that
 * start with the key: quoted text ("> Signed-off-by:") never matches, and
 * the caller passes the commit message only, not the notes after "---"
 * nor the diff.  Limit: a trailer folded onto a second line keeps only
 * its first line.
 */
#ifndef MLD_TRAILERS_H
#define MLD_TRAILERS_H

#include <stddef.h>
#include <glib.h>

/*
 * Appends the trailer lines of msg[0..len) to out, '\n'-separated, each
 * with its white space trimmed and its key spelt as written.
 */
void mld_trailers(const char *msg, size_t len, GString *out);

#endif
