/*
 * orgmap.h - which organisation an address belongs to, from a map in
 * the simple format of gitdm's domain map: one entry a line, a domain
 * (or a whole address), white space, the organisation's name:
 *
 *	intel.com		Intel
 *	linux.alibaba.com	Alibaba
 *	jane@example.org	Jane's Consulting
 *
 * Blank lines and lines starting with '#' are ignored.  A whole
 * address matches only itself and wins over any domain; a domain
 * matches itself and its subdomains, and the longest matching entry
 * wins, so "linux.intel.com" falls to "intel.com" unless it has its
 * own line.  Keys compare without ASCII case; a later line for the
 * same key replaces an earlier one.
 */
#ifndef MLD_ORGMAP_H
#define MLD_ORGMAP_H

#include <stdbool.h>

struct mld_orgmap;

struct mld_orgmap *mld_orgmap_new(void);
void mld_orgmap_free(struct mld_orgmap *m);

/*
 * Reads a map file.  A line with a key but no name is reported with
 * its line number and skipped.  Returns false when the file cannot be
 * read or had such a line.
 */
bool mld_orgmap_load(struct mld_orgmap *m, const char *path);
/* Adds one line (no newline); false when it has a key but no name. */
bool mld_orgmap_add_line(struct mld_orgmap *m, const char *line);

/*
 * The organisation of a lower-cased address (or bare domain), or NULL
 * when no entry matches.
 */
const char *mld_orgmap_lookup(const struct mld_orgmap *m, const char *addr);

#endif
