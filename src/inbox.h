/*
 * inbox.h - reading the messages of a public-inbox v2 inbox through git:
 * a folder holding git/0.git, git/1.git, ... (a lore.kernel.org mirror),
 * or one epoch repository.
 *
 * Each commit of an epoch stores one message as the file `m`; a commit
 * that replaces `m` by `d` deletes the message stored as `d`.  Epochs are
 * separate histories, read in numeric order, each oldest commit first:
 * that is the order in which the archive imported the mail, not the
 * order of the Date headers.  A range names commit A (not read) and
 * commit B (read), abbreviated ids allowed, each found in whichever epoch
 * holds it; every message committed after A up to and including B is
 * read once, less those deleted by a commit of the range that comes
 * after them (a deletion after B is not seen: the inbox is read as it
 * stood at B).  A commit that leaves `m` as it was adds nothing, as
 * public-inbox's own indexer reads it.
 *
 * git is spawned (git log and git cat-file --batch); it reads the
 * repositories, never an index, never the network.  Memory holds one
 * message and the ids of the deleted messages in the range.
 */
#ifndef MLD_INBOX_H
#define MLD_INBOX_H

#include <stdbool.h>
#include <glib.h>

#include "mbox.h"

struct mld_inbox;

/* Whether path looks like an inbox: it has git/, or is a git repository. */
bool mld_is_inbox(const char *path);

/*
 * Opens the inbox at path for the range after `from` up to `to` (each
 * NULL for the first and the newest commit).  Finds the epochs and the
 * commits of the range, so that every error of the command line is
 * known before anything is read: git missing, a folder that is no inbox,
 * an unknown commit, a range that runs backwards.  Returns NULL with
 * *err set (its message names what is wrong) on failure.
 */
struct mld_inbox *mld_inbox_open(const char *path, const char *from,
    const char *to, GError **err);
/* The full id of the commit before the range, NULL when it starts at
 * the first commit; and of its last commit, NULL for an empty inbox. */
const char *mld_inbox_from(const struct mld_inbox *ib);
const char *mld_inbox_to(const struct mld_inbox *ib);
/*
 * 1: *msg is the next message (valid until the next call); its
 * where.input names the epoch and the commit, "DIR@ID", and its offset
 * is 0, the start of the message in that commit's file.  0: the end.
 * -1: git failed (reported; the next call goes on with the next epoch).
 */
int mld_inbox_next(struct mld_inbox *ib, struct mld_msg *msg);
void mld_inbox_close(struct mld_inbox *ib);

#endif
