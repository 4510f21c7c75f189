/*
 * mailmap.h - git's .mailmap: the names and addresses of one person
 * mapped to the one they want shown.  All four forms of gitmailmap(5):
 *
 *	Proper Name <commit@email>
 *	<proper@email> <commit@email>
 *	Proper Name <proper@email> <commit@email>
 *	Proper Name <proper@email> Commit Name <commit@email>
 *
 * Matching follows git: the commit address is compared without regard
 * to ASCII case, and so is the commit name; an entry naming the commit
 * name wins over one that does not; several lines for the same commit
 * address without a commit name add up (a name from one, an address
 * from another), a later line overriding an earlier one.
 */
#ifndef MLD_MAILMAP_H
#define MLD_MAILMAP_H

#include <stdbool.h>

struct mld_mailmap;

struct mld_mailmap *mld_mailmap_new(void);
void mld_mailmap_free(struct mld_mailmap *m);

/*
 * Reads a mailmap file; lines without an address in angle brackets are
 * ignored, as git does.  Returns false, reporting why, when the file
 * cannot be read.
 */
bool mld_mailmap_load(struct mld_mailmap *m, const char *path);
/* Adds one line of mailmap text (no newline). */
void mld_mailmap_add_line(struct mld_mailmap *m, const char *line);

/*
 * Maps (name, email): sets *name and *email to the replacements the
 * map gives, leaving a part the map does not replace as it was.
 * Returns true when an entry matched.  name may be "" for none.
 */
bool mld_mailmap_map(const struct mld_mailmap *m, const char **name,
    const char **email);

#endif
