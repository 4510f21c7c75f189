/*
 * seen.h - the set of patches a digest has reported: in memory for one
 * run, and kept between runs in a seen-state file so that a weekly digest
 * never reports a series twice.
 *
 * The file holds one key per line, escaped as a record field (record.h),
 * under a "#key" header line; a key may carry a value, a second field
 * ("#key<TAB>value" then).  It holds at most MLD_SEEN_MAX keys: past
 * that, saving drops the keys added longest ago (a key given a value
 * again counts as added then), so a patch reported that long ago and
 * posted again would be reported again.  Loading it refuses a file that is not
 * empty and does not begin with that line (a mailbox named by mistake),
 * and anything but a regular file (a FIFO, a folder, a device): such a
 * file is left untouched.  A symbolic link is followed, and the file it
 * leads to is the one replaced.  A file that does not exist yet is made
 * empty, so that it can be locked.
 *
 * The file is locked (flock) from the load until the set is freed: a
 * second run with the same file waits for the first to end, then reads
 * what it saved, so concurrent runs lose none of each other's keys.  It
 * is replaced whole: written to a temporary file in the same folder,
 * flushed to disk, then renamed over the old one, so a crash or a full
 * disk leaves either the old file or the new one, never a mix.
 *
 * Limits: the lock is advisory and only as good as flock on the file
 * system (over NFS it is the server's); the set is held in memory, about
 * 65 bytes a key.
 */
#ifndef MLD_SEEN_H
#define MLD_SEEN_H

#include <stdbool.h>
#include <glib.h>

/* About 65 bytes a key in memory: 6.5 MB, years of a busy list. */
#define MLD_SEEN_MAX 100000

struct mld_seen {
	char *path;		/* the seen-state file as named, or NULL */
	char *target;		/* the file replaced: path, links followed */
	int fd;			/* the locked file, or -1 */
	bool made;		/* made empty by the load, not saved since */
	GHashTable *set;	/* char * -> 1 + its place in keys */
	GHashTable *values;	/* char * -> its value, both in strings */
	GPtrArray *keys;	/* char *, in strings, in the order added;
				 * NULL where a key was moved to the end */
	unsigned count;		/* keys in the set */
	GStringChunk *strings;
};

/* An empty set that belongs to no file. */
void mld_seen_init(struct mld_seen *s);
/*
 * Locks the file at path and loads its keys; a file that does not exist
 * yet is an empty set.  Returns false, after reporting, when it cannot
 * be read or is refused (see above): then the caller must not go on as
 * if nothing had been seen.
 */
bool mld_seen_load(struct mld_seen *s, const char *path);
/* Frees the set and unlocks the file; one the load made and nothing
 * saved is removed again. */
void mld_seen_free(struct mld_seen *s);

bool mld_seen_has(const struct mld_seen *s, const char *key);
/* Adds key (copied) unless it is there already. */
void mld_seen_add(struct mld_seen *s, const char *key);
/* The value of key, or NULL. */
const char *mld_seen_get(const struct mld_seen *s, const char *key);
/* Adds key, or moves it to the end of the order added, with value. */
void mld_seen_set(struct mld_seen *s, const char *key, const char *value);

/*
 * Replaces the file with every key, atomically (see above); the new file
 * is locked in its turn.  Returns false, after reporting, when it could
 * not; the old file is then intact.
 */
bool mld_seen_save(struct mld_seen *s);

#endif
