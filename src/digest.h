/*
 * digest.h - the text of the digest: its header, its tally sections, its
 * patch list and the commit messages of the new patches, made from
 * patchinfo records and domtally lines.
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

#include "record.h"
#include "seen.h"

/* Width of the line that ends each commit message. */
#define MLD_DIGEST_RULE 70

/* One patch or cover letter: the patchinfo columns the digest uses. */
struct mld_patch {
	char *date, *msgid, *series, *subject, *title, *author, *body;
	unsigned version, n, total;
	char *contributor;	/* the in-body From; NULL: the author */
};

/*
 * The postings of one digest, a posting being the messages that share a
 * series key.  Records wait in an unlinked temporary file in TMPDIR until
 * the digest is written; a failure to write or read it ends the program.
 */
struct mld_digest;

/* With dates_only, records only move the first and last dates. */
struct mld_digest *mld_digest_new(bool dates_only);
void mld_digest_free(struct mld_digest *d);
/* Adds a copy of p; replies, pulls and other kinds are not given here. */
void mld_digest_add(struct mld_digest *d, const struct mld_patch *p);
/*
 * Reads every record of `in`, finding the columns by the names of its
 * header line (DESIGN order without one); records of kind patch and cover
 * are added, others are passed over.  Returns false on a read error.
 */
bool mld_digest_read(struct mld_digest *d, struct mld_recin *in);
/* The dates of the first and last message (ISO 8601), or NULL if none. */
const char *mld_digest_first(const struct mld_digest *d);
const char *mld_digest_last(const struct mld_digest *d);

/*
 * "===== Patch list in this time period =====" and one line per
 * posting, newest first:
 *   <subject> (<author>, <N> patch[es][, <M> missing])
 * where subject and author are those of its cover letter, else of its
 * first patch, N is its announced number of patches and M how many of
 * them the input lacks.
 */
void mld_digest_list(struct mld_digest *d, FILE *out);
/*
 * "===== Patch Commit Messages ====" and, for each posting newest first,
 * its first patch then its cover letter, each one of:
 *   New: <title> / <subject> / Author: <author> / blank / <body> /
 *       blank / 70 dashes / blank
 *   Exist: <subject>   reported before: its Message-ID, or its title in
 *                      the same version, is in `seen`
 *   Skip: <subject>    a cover letter whose title only repeats its first
 *                      patch's title (one may lack the other's leading
 *                      "subsystem: " parts)
 * Every message printed is then added to `seen`.
 */
void mld_digest_messages(struct mld_digest *d, struct mld_seen *seen,
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

/* "Name <addr>" as a reader wants it: unquoted, decoded, and with the
 * local part for a name when there is none (as git does). */
char *mld_digest_author(const char *author);

/*
 * The Author line's text: the contributor as mld_digest_author writes
 * it, then " (sent by <author>)" when the sender's address is another.
 */
char *mld_digest_byline(const struct mld_patch *p);
/* Appends s made safe for a terminal; `oneline` also shows TAB and LF. */
void mld_digest_safe(GString *out, const char *s, bool oneline);

/* The keys under which a patch is remembered in a seen set. */
char *mld_digest_key_msgid(const struct mld_patch *p);
char *mld_digest_key_title(const struct mld_patch *p);

#endif
