/*
 * split.h - what mbsplit writes for a selected message: an index record,
 * the message in mboxrd, or a file of its own in a folder or maildir.
 */
#ifndef MLD_SPLIT_H
#define MLD_SPLIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

#include "mbox.h"
#include "record.h"

/* The index columns, for mld_rec_write_header. */
extern const char *const mld_index_columns[];

/* Appends the index record of message number n to rec. */
void mld_index_record(struct mld_rec *rec, uint64_t n,
    const struct mld_msg *m);

/*
 * Writes the message to f as mboxrd: its From_ line (lore's when it had
 * none), the text with line ends made LF and From_ lines quoted, and the
 * blank line that ends it.  scratch is working space.
 */
void mld_mboxrd_write(FILE *f, const struct mld_msg *m, GString *scratch);

/*
 * The largest first number of numbered files: names then stay under ten
 * digits for a billion messages, and the numbers cannot wrap.
 */
#define MLD_SPLIT_MAX_START 999999999

/* A folder receiving one file per message. */
struct mld_dirout {
	char *dir;
	bool maildir;		/* dir has cur, new and tmp */
	bool fsync;		/* fsync each file before it is named */
	uint64_t next;		/* number of the next numbered file */
	char *host;		/* for maildir names */
	GString *path;
};

/*
 * Opens dir for writing, creating it when missing; a folder holding cur,
 * new and tmp is written as a maildir.  Reports and returns false when
 * it cannot.
 */
bool mld_dirout_open(struct mld_dirout *d, const char *dir, uint64_t first,
    bool do_fsync);
void mld_dirout_close(struct mld_dirout *d);
/*
 * Writes the message text (no From_ line) to a new file and returns its
 * path (valid until the next call), or NULL after reporting an error.
 * No file is ever replaced: an existing numbered file is an error, a
 * maildir name already taken is drawn again.
 */
const char *mld_dirout_write(struct mld_dirout *d, const struct mld_msg *m,
    GString *scratch);

/*
 * Renames from to to unless to exists (then -1 with errno EEXIST, and
 * nothing changed); -1 with errno on any other failure.
 */
int mld_rename_noreplace(const char *from, const char *to);

#endif
