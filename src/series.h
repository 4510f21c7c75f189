/*
 * series.h - the series stage: patchinfo records (every kind) grouped
 * into postings, each posting linked to the versions before and after
 * it, with what its replies say.  seriesinfo(1) is this module's
 * command; digestfmt(1) reads its posting records, and makes them with
 * this module when it is given none.
 *
 * Records made before patchinfo wrote a parent column (no such column in
 * their header line) take their series key for the parent when it is
 * another message's ID.
 *
 * Every record is read before anything is decided, and the messages are
 * then taken oldest first (date, then Message-ID, then the other
 * columns): the result depends on the set of records, never on their
 * order.  A Message-ID seen twice is the first copy in that order.
 *
 * Postings.  A cover letter keys a posting.  A patch joins:
 *  - the cover it answers, when they have the same version, or when only
 *    one of them wrote a version tag and they have the same total (the
 *    posting takes the tagged version);
 *  - the posting of the patch it answers, when that posting has the same
 *    total and no patch of this number yet (git send-email's
 *    --chain-reply-to), and the same version or a tagged one where the
 *    patch has none (a tagged patch after untagged ones is a stray of
 *    another version); a [PATCH] answering a [PATCH] whose slot is taken
 *    is a new posting (a new version sent in reply);
 *  - as a revision, the posting of the patch it answers when its tag is
 *    vN.M and that posting's version is N (a [PATCH v3.1 09/37]);
 *  - the cover its thread starts with, when the message it answers is
 *    not in the input (or is a reply), under the cover rule;
 *  - the other patches of its sender, version and total (N > 1) that
 *    answer the same message absent from the input (a cover sent only
 *    to another list);
 * else it starts a posting of its own.  A posting's key is its cover's
 * Message-ID, else that of its first patch in the order above.
 *
 * Replies, notices and other mail belong to the posting of the nearest
 * message up their thread (parent, its parent...) that has one, else to
 * the posting of their thread root.  A reply from anyone but the
 * posting's sender and contributor counts as a reply; its trailers
 * (patchinfo's trailers column, the reply's own text) count as
 * Reviewed-by, Acked-by, Tested-by, Nacked-by for the whole posting; a
 * reply that carries a diff revises the posting (an inline replacement
 * patch).  The applied mark is the date of the first of: a reply from
 * someone else with a line (not quoted) that opens with "Applied",
 * "Queued" or "Pulled" (after "Thanks," or "Thank you," if any) followed by its
 * end, punctuation, " to", " for" or a "thank" (b4's thank-you note
 * opens "Applied to"); a robot's notice (kind notice, not a FAILED one)
 * whose title is the title of one of its patches or of its cover.
 * A trailer names the person as addr.h writes one ("Name <addr>"): a
 * comment after the address ("<a@b> # arm64") is dropped, a missing '>'
 * supplied, and an address list gives its first address.
 * Pull requests are postings of kind pull, keyed by their Message-ID;
 * the numbered parts of one ([GIT PULL 1/2]) that answer it join it.
 *
 * Versions.  Postings are linked to their earlier versions oldest first:
 * the posting before P is the newest earlier posting of P's lineage with
 * a version no higher than P's (the same version: P is a resend).  Two
 * postings share a lineage when both carry the same b4 change-id, or,
 * when either has none, when they have the same contributor address and
 * titles (of the cover, else of the first patch) that are equal once
 * lower-cased with every run of other characters than letters and
 * digits made one space, or that differ in one word (added, dropped or
 * changed) when the shorter has at least three words.  The title test
 * looks at the contributor's last MLD_SERIES_LOOKBACK postings.  The
 * lineage key is that of the oldest posting of the chain: "change-id
 * <id>", else "<address> <normalized title>".
 *
 * Memory: per message its Message-ID, parent, root, date and a few
 * numbers (about 250 bytes); per posting about 400 bytes; no body is
 * kept.
 */
#ifndef MLD_SERIES_H
#define MLD_SERIES_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

#include "columns.h"
#include "record.h"

/* Postings of one contributor compared by title for a version link. */
#define MLD_SERIES_LOOKBACK 64

/* A posting, as a posting record holds it (columns.h, enum mld_pcol). */
struct mld_posting {
	char *key, *kind, *lineage, *title, *subject, *author, *contributor,
	    *first, *last, *missing, *cover, *patch, *reviewed, *acked,
	    *tested, *nacked, *applied, *previous, *previous_date, *newer;
	unsigned version, total, present, replies, repliers, revisions,
	    previous_version;
};

/* Appends p's columns to r, in enum mld_pcol order. */
void mld_posting_record(const struct mld_posting *p, struct mld_rec *r);
/*
 * Reads the current record of in, a posting record, into p (strings
 * owned: mld_posting_clear); columns are found by the names of the
 * header line.  False when it lacks the key column.
 */
bool mld_posting_parse(const struct mld_recin *in, struct mld_posting *p);
void mld_posting_clear(struct mld_posting *p);
/* Whether the posting is a pull request. */
bool mld_posting_is_pull(const struct mld_posting *p);

struct mld_series;

struct mld_series *mld_series_new(void);
void mld_series_free(struct mld_series *s);

/*
 * Takes the current record of in, a patchinfo record; columns are found
 * by the names of its header line (columns.h order without one).  A
 * record without a Message-ID is reported and skipped.
 */
void mld_series_take(struct mld_series *s, const struct mld_recin *in);
/* Takes a record given as its fields, by enum mld_col (NULL: empty);
 * one without a Message-ID is passed over.  A reply's applied mark is
 * its applied column: the body is not read. */
void mld_series_add(struct mld_series *s, const char *const f[MLD_NCOLS]);
/* Takes every record of in; false on a read error. */
bool mld_series_read(struct mld_series *s, struct mld_recin *in);

/*
 * Groups what was taken; returns the number of postings, which are then
 * in order oldest first (first date, then key).  Call once.
 */
size_t mld_series_group(struct mld_series *s);
/* Posting i of that order; the strings live as long as s. */
const struct mld_posting *mld_series_posting(const struct mld_series *s,
    size_t i);

/* Writes the header line and a record per posting. */
void mld_series_write(const struct mld_series *s, FILE *f);
/*
 * Writes "#msgid<TAB>posting" and a line per message taken, oldest
 * first; the posting is empty for mail that belongs to none.
 */
void mld_series_write_map(const struct mld_series *s, FILE *f);
/*
 * Writes "#reviewer<TAB>trailer<TAB>msgid<TAB>posting" and a line per
 * Reviewed-by, Acked-by or Tested-by given in a reply: the reviewer as
 * written, the trailer's key, the reply, its posting.
 */
void mld_series_write_reviewers(const struct mld_series *s, FILE *f);

#endif
