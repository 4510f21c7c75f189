/*
 * postings.h - the patches and cover letters of a digest grouped into
 * postings, a posting being the messages that share a series key: one
 * cover letter and its patches.  A message without a series key is a
 * posting of its own.
 *
 * A posting's date is that of its oldest message; postings are ordered
 * newest first, and equal dates keep the reverse of input order.  Of each
 * posting the digest prints its first patch (the lowest number present,
 * the oldest of equal numbers) and its first cover letter: the first
 * patch carries the reason for the series, the cover its overview.
 *
 * The entries wait in a spool (spool.h) until they are printed; memory
 * holds the series key, two dates and where the two entries printed lie,
 * about 200 bytes a posting (measured: digestfmt(1)), and 8 bytes a
 * message for the numbers that say which patches are missing.
 */
#ifndef MLD_POSTINGS_H
#define MLD_POSTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

/* One patch or cover letter: the patchinfo columns the digest uses. */
struct mld_entry {
	char *date, *msgid, *series, *subject, *title, *author, *body;
	unsigned version, n, total;
	char *contributor;	/* the in-body From; NULL: the author */
};

/* Frees the strings of an entry read back from the postings. */
void mld_entry_clear(struct mld_entry *e);

struct mld_postings;

/* With dates_only, entries only move the first and last dates. */
struct mld_postings *mld_postings_new(bool dates_only);
void mld_postings_free(struct mld_postings *ps);

/* Adds a copy of e, a patch (n >= 1) or a cover letter (n == 0). */
void mld_postings_add(struct mld_postings *ps, const struct mld_entry *e);
/*
 * Reads every record of `in`, finding the columns by the names of its
 * header line (columns.h order without one); records of kind patch and
 * cover are added, others are passed over.  A record that lacks a column
 * is reported and skipped.  Returns false on a read error.
 */
bool mld_postings_read(struct mld_postings *ps, struct mld_recin *in);

/* The dates of the oldest and newest message, or NULL if none. */
const char *mld_postings_first_date(const struct mld_postings *ps);
const char *mld_postings_last_date(const struct mld_postings *ps);

/*
 * Orders the postings newest first and returns how many there are; the
 * functions below take a posting's place in that order.  Entries added
 * later join the next ordering.
 */
size_t mld_postings_sort(struct mld_postings *ps);
enum mld_part {
	MLD_PART_PATCH,		/* the first patch */
	MLD_PART_COVER,		/* the first cover letter */
};
/* Reads back that part of posting i into e; false if it has none. */
bool mld_postings_get(struct mld_postings *ps, size_t i, enum mld_part part,
    struct mld_entry *e);
/* How many of patches 1..total posting i holds. */
unsigned mld_postings_received(const struct mld_postings *ps, size_t i,
    unsigned total);

#endif
