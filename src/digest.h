/*
 * digest.h - the text of the digest: its header, its tally sections, its
 * patch list and the commit messages of the new patches, made from the
 * postings (postings.h) and domtally lines.  It renders only: what makes
 * a posting is decided in postings.c.
 *
 * Everything taken from mail is made safe for a terminal before it is
 * printed: invalid UTF-8 is repaired, C0 controls and DEL (other than the
 * tabs and line ends of a body) are shown in caret notation (^[), C1
 * controls as <U+009B>.
 */
#ifndef MLD_DIGEST_H
#define MLD_DIGEST_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

#include "postings.h"
#include "seen.h"

/* Width of the line that ends each commit message. */
#define MLD_DIGEST_RULE 70

/*
 * "===== Patch list in this time period =====" and one line per
 * posting, newest first:
 *   <subject> (<author>, <N> patch[es][, <M> missing])
 * where subject and author are those of its cover letter, else of its
 * first patch, N is its announced number of patches and M how many of
 * them the input lacks.
 */
void mld_digest_list(struct mld_postings *ps, FILE *out);
/*
 * "===== Patch Commit Messages ====" and, for each posting newest first,
 * its first patch then its cover letter, each one of:
 *   New: <title> / <subject> / Author: <contributor>[ (sent by
 *       <author>)] / blank / <body> / blank / 70 dashes / blank
 *       (the sender only when its address is not the contributor's)
 *   Exist: <subject>   reported before: its Message-ID, or its title in
 *                      the same version, is in `seen`
 *   Skip: <subject>    a cover letter whose title only repeats its first
 *                      patch's title (one may lack the other's leading
 *                      "subsystem: " parts)
 * Every message printed is then added to `seen`.
 */
void mld_digest_messages(struct mld_postings *ps, struct mld_seen *seen,
    FILE *out);

/* "From A to B" / "<LIST> mailing list update from A to B" / blank. */
void mld_digest_header(GString *out, const char *list, const char *from,
    const char *to);

/* The title of a tally section: "Top N contributors (Based on Email Body)"
 * or, for domains, "Top N contributor Email domains (Based on Email Body)". */
char *mld_digest_tally_title(bool domains, unsigned top);
/*
 * Appends one domtally line ("%7d %s") as "%7lu %s"; returns false, and
 * appends nothing, when it is not a count and a name.
 */
bool mld_digest_tally_line(GString *out, const char *line);

/* The keys under which a patch is remembered in a seen set. */
char *mld_digest_key_msgid(const struct mld_entry *p);
char *mld_digest_key_title(const struct mld_entry *p);

#endif
