/*
 * folder.h - maildirs and MH folders as inputs: one message per file.
 *
 * A maildir is a folder holding cur/ or new/: the files of both are read
 * in the order of their names (maildir names start with the time of
 * delivery), tmp/ and dot files never.  An MH folder holds messages as
 * files named by their number, read in numeric order; other files
 * (.mh_sequences) are not messages.  Each file is one message, even
 * where a line of its body starts with "From ".
 *
 * Limits: the names of one folder are held in memory while it is read,
 * and a file longer than 1 GiB (MLD_MBOX_MAX) is reported and skipped,
 * as the mbox reader does with such a message.
 */
#ifndef MLD_FOLDER_H
#define MLD_FOLDER_H

#include <stdbool.h>

#include "mbox.h"

enum mld_folder_kind {
	MLD_FOLDER_NONE,	/* not a folder of messages */
	MLD_FOLDER_MAILDIR,
	MLD_FOLDER_MH,		/* numbered files, or .mh_sequences */
};


/* What kind of folder path is, from its entries. */
enum mld_folder_kind mld_folder_kind(const char *path);

struct mld_folder;

/* Lists the messages of the folder; reports and returns NULL on error. */
struct mld_folder *mld_folder_open(const char *path,
    enum mld_folder_kind kind);
/*
 * 1: *msg is the next message (valid until the next call); its
 * where.input is the file's path and its offset 0.  0: the end.  A file
 * that cannot be read is reported, counted as skipped and passed over.
 */
int mld_folder_next(struct mld_folder *f, struct mld_msg *msg);
void mld_folder_close(struct mld_folder *f);

#endif
