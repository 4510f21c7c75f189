/*
 * tally.h - counting keys and printing the counts as "%7d %s" lines,
 * count descending, then label ascending in byte order, so that equal
 * inputs always give equal outputs whatever their order.
 *
 * A key (a lower-cased address, a domain, an organisation) may carry
 * variants, the names a person was seen with; the label printed for a
 * key is made from its most used variant (see mld_tally_variant).
 *
 * The lines printed without a top or minimum cut and without
 * percentages can be read back (mld_tally_parse_line) and summed:
 * that is what makes a tally of shards equal the tally of the whole
 * (exactly, names included, when printed with variants).
 */
#ifndef MLD_TALLY_H
#define MLD_TALLY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct mld_tally;

/*
 * Makes the label printed for a key from its chosen variant ("" when it
 * has none); returns a string the tally frees.  NULL: the key itself.
 */
typedef char *(*mld_tally_label_fn)(const char *key, const char *variant);

struct mld_tally *mld_tally_new(mld_tally_label_fn label);
void mld_tally_free(struct mld_tally *t);

/* Adds n to key, and n to its variant when variant is not NULL. */
void mld_tally_add(struct mld_tally *t, const char *key, const char *variant,
    uint64_t n);

/* Number of keys, and the sum of all counts. */
unsigned mld_tally_size(const struct mld_tally *t);
uint64_t mld_tally_total(const struct mld_tally *t);

/* The count of key, 0 when absent. */
uint64_t mld_tally_count(const struct mld_tally *t, const char *key);

/*
 * The variant shown for key: the non-empty variant with the highest
 * count, the smallest in byte order among equals; "" when the key has
 * only empty variants; NULL when it has none or is absent.  The rule
 * does not depend on the order of the input, so shards merge exactly.
 */
const char *mld_tally_variant(const struct mld_tally *t, const char *key);

struct mld_tally_print {
	uint64_t top;		/* print at most this many rows; 0: all */
	uint64_t min;		/* print only rows counting at least this */
	bool percent;		/* a share-of-total column after the count */
	bool variants;		/* a row for each variant of a key */
};

/*
 * Prints the rows, "%7d %s" or, with percent, "%7d %5.1f%% %s", where
 * the share is of the total before any cut.  With variants, a key gets
 * one row for each of its variants, labelled and counted as that
 * variant: summed back, such rows give each variant its exact count,
 * which one row a key cannot.  Returns the rows printed.
 */
uint64_t mld_tally_write(struct mld_tally *t, FILE *f,
    const struct mld_tally_print *how);

/*
 * Reads one printed row: blanks, a decimal count, blanks, the label
 * (the rest of the line, which must not be empty).  Also reads the
 * output of "uniq -c".  Returns false on anything else.
 */
bool mld_tally_parse_line(const char *line, uint64_t *count,
    const char **label);

#endif
