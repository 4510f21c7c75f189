/*
 * bots.h - who is a program, not a person.  A list of shell patterns
 * (glob(7) '*' and '?'): a pattern holding '@' is matched against the
 * lower-cased address, any other against the lower-cased display name.
 * The default list (mld_bots_default) names the robots that post to
 * kernel lists; a file adds more, one pattern a line, '#' comments.
 */
#ifndef MLD_BOTS_H
#define MLD_BOTS_H

#include <stdbool.h>
#include <stdio.h>

struct mld_bots;

/* A list holding the default patterns. */
struct mld_bots *mld_bots_new(void);
void mld_bots_free(struct mld_bots *b);

/* Adds one pattern, lower-cased. */
void mld_bots_add(struct mld_bots *b, const char *pattern);
/* Adds the patterns of a file; false, reporting why, if it is unreadable. */
bool mld_bots_load(struct mld_bots *b, const char *path);

/* Is (name, lower-cased address) a bot?  Both valid UTF-8; name may be "". */
bool mld_bots_match(const struct mld_bots *b, const char *name,
    const char *addr);

/* Writes the patterns in effect, one a line, in the file format. */
void mld_bots_write(const struct mld_bots *b, FILE *f);

#endif
