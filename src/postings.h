/*
 * postings.h - what the digest renders: the postings, as posting records
 * (series.h) give them, and the entries it prints of each, its first
 * patch and its cover letter, taken from the patchinfo records.  It does
 * not group: the postings come from seriesinfo(1)'s records, or, when
 * none are given, from the series module run over the same patchinfo
 * records (the same code, so the same postings).
 *
 * Postings are ordered newest first: by the date of their first patch
 * or cover, then by key, so that the order depends on no input order.
 *
 * The entries wait in a spool (spool.h) until they are printed; memory
 * holds where each lies, under its Message-ID: about 100 bytes a patch
 * or cover letter, or only those the posting records name when they are
 * read first.
 */
#ifndef MLD_POSTINGS_H
#define MLD_POSTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"
#include "series.h"

/* One patch or cover letter: the patchinfo columns the digest uses. */
struct mld_entry {
	char *date, *msgid, *parent, *subject, *title, *author, *body;
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
 * Reads every patchinfo record of `in`, finding the columns by the names
 * of its header line (columns.h order without one); patches and covers
 * are kept as entries, and, unless posting records were read, every
 * record goes to the series module.  A patch or cover record that lacks
 * a column is reported and skipped.  Returns false on a read error.
 */
bool mld_postings_read(struct mld_postings *ps, struct mld_recin *in);
/*
 * Reads posting records (seriesinfo(1)); from then on the postings are
 * those and no others.  Returns false on a read error.
 */
bool mld_postings_read_postings(struct mld_postings *ps,
    struct mld_recin *in);

/* The dates of the oldest and newest patch or cover letter, or NULL. */
const char *mld_postings_first_date(const struct mld_postings *ps);
const char *mld_postings_last_date(const struct mld_postings *ps);

/*
 * Orders the postings newest first and returns how many there are (call
 * once all is read); the functions below take a posting's place in that
 * order.
 */
size_t mld_postings_sort(struct mld_postings *ps);
/* Posting i, pull requests included. */
const struct mld_posting *mld_postings_posting(const struct mld_postings *ps,
    size_t i);
enum mld_part {
	MLD_PART_PATCH,		/* the first patch */
	MLD_PART_COVER,		/* the first cover letter */
};
/* Reads back that part of posting i into e; false if it has none. */
bool mld_postings_get(struct mld_postings *ps, size_t i, enum mld_part part,
    struct mld_entry *e);

#endif
