/*
 * seen.h - the set of patches a digest has reported: in memory for one
 * run, and kept between runs in a seen-state file so that a weekly digest
 * never reports a series twice.
 *
 * The file holds one key per line, escaped as a record field (record.h),
 * under a "#key" header line.  It is replaced whole: written to a
 * temporary file in the same folder, flushed to disk, then renamed over
 * the old one, so a crash or a full disk leaves either the old file or
 * the new one, never a mix.  Two runs saving at once do not corrupt it,
 * but the keys of one of them are lost.
 */
#ifndef MLD_SEEN_H
#define MLD_SEEN_H

#include <stdbool.h>
#include <glib.h>

struct mld_seen {
	char *path;		/* the seen-state file, or NULL */
	GHashTable *set;	/* char * -> itself, owned by keys */
	GPtrArray *keys;	/* char *, in the order they were added */
};

/* An empty set that belongs to no file. */
void mld_seen_init(struct mld_seen *s);
/*
 * Loads the keys of the file at path; a file that does not exist yet is
 * an empty set.  Returns false, after reporting, when it cannot be read
 * (then the caller must not go on as if nothing had been seen).
 */
bool mld_seen_load(struct mld_seen *s, const char *path);
void mld_seen_free(struct mld_seen *s);

bool mld_seen_has(const struct mld_seen *s, const char *key);
/* Adds key (copied) unless it is there already. */
void mld_seen_add(struct mld_seen *s, const char *key);

/*
 * Replaces the file with every key, atomically (see above).  Returns
 * false, after reporting, when it could not; the old file is then intact.
 */
bool mld_seen_save(const struct mld_seen *s);

#endif
