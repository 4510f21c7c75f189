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
 * What the digest says of a posting, for every form of the digest to
 * render: made from its posting record and, for a version posted
 * before this digest's input, the seen state.
 */
struct mld_status {
	unsigned version, total, missing;
	unsigned prev_version;	/* 0: no earlier version known */
	const char *prev_date;	/* YYYY-MM-DD of the earlier one, or NULL */
	bool prev_seen;		/* it was in an earlier digest (the seen state) */
	bool resend;		/* the one before has the same version */
	unsigned replies, repliers, revisions;
	unsigned reviewed, acked, tested, nacked;	/* people */
	bool applied, superseded;
};
void mld_digest_status(const struct mld_posting *p,
    const struct mld_seen *seen, struct mld_status *st);
/*
 * Appends the status as the patch list shows it, each part only when it
 * has something to say, after ", ":
 *   v5 of 2026-06-22 | v5, v4 in the digest of 2026-06-22 |
 *   resent, first 2026-06-22 ; N repl(y|ies) ; N revision(s) ;
 *   Reviewed-by N ; Acked-by N ; Tested-by N ; Nacked-by N ; applied ;
 *   superseded
 */
void mld_digest_status_text(GString *out, const struct mld_status *st);

/*
 * "===== Patch list in this time period =====" and one line per
 * posting of a series, newest first:
 *   <subject> (<author>, <N> patch[es][, <M> missing][, <status>])
 * where subject and author are those of its cover letter, else of its
 * first patch, N is its announced number of patches, M how many of
 * them the input lacks, and status as mld_digest_status_text writes it.
 */
void mld_digest_list(struct mld_postings *ps, const struct mld_seen *seen,
    FILE *out);
/*
 * "===== Series without a reply =====" and a line per posting of a
 * series that no one else answered, newest first: <subject> (<author>).
 */
void mld_digest_unanswered(struct mld_postings *ps, FILE *out);
/*
 * "===== Pull requests =====" and a line per pull request, newest
 * first: <subject> (<author>[, N repl(y|ies)][, applied]).
 */
void mld_digest_pulls(struct mld_postings *ps, FILE *out);
/*
 * "===== Patch Commit Messages ====" and the postings of a series,
 * newest first, the versions of one series (one lineage) in the input
 * printed once, where its newest posting comes: the first posting of
 * the newest version in full, its first patch then its cover letter,
 * each one of:
 *   New: <title> / <subject> / Author: <contributor>[ (sent by
 *       <author>)] / [<trailer>: <name> for each Reviewed-by, Acked-by,
 *       Tested-by and Nacked-by the posting received, under the first
 *       New of it] / blank / <body> / blank / 70 dashes / blank
 *       (the sender only when its address is not the contributor's)
 *   Exist: <subject>   reported before: its Message-ID, or its title in
 *                      the same version, is in `seen`
 *   Skip: <subject>    a cover letter whose title only repeats its first
 *                      patch's title (one may lack the other's leading
 *                      "subsystem: " parts); such a cover is an Exist
 *                      only when its own Message-ID is in `seen`
 * then each other posting of the lineage, newest first, as one line:
 *   Exist: <subject>        a resend (the same version)
 *   Superseded: <subject>   an older version
 * Whether an entry was reported before is decided oldest posting first,
 * so that of two copies the older is New.  Every message printed, and
 * each lineage with its version and the day of the digest's newest
 * patch or cover letter, is then added to `seen`.
 */
void mld_digest_messages(struct mld_postings *ps, struct mld_seen *seen,
    FILE *out);

/* "From A to B" / "<LIST> mailing list update from A to B" / blank. */
void mld_digest_header(GString *out, const char *list, const char *from,
    const char *to);

/* The title of a tally section: "Top N contributors (Based on Email Body)"
 * or, for domains, "Top N contributor Email domains (Based on Email Body)". */
char *mld_digest_tally_title(bool domains, unsigned top);
/* "Top N reviewers (Reviewed-by, Acked-by, Tested-by given)". */
char *mld_digest_reviewers_title(unsigned top);
/*
 * Appends one domtally line ("%7d %s") as "%7lu %s"; returns false, and
 * appends nothing, when it is not a count and a name.
 */
bool mld_digest_tally_line(GString *out, const char *line);

/* The keys under which a patch is remembered in a seen set. */
char *mld_digest_key_msgid(const struct mld_entry *p);
char *mld_digest_key_title(const struct mld_entry *p);

#endif
