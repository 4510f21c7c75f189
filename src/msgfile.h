/*
 * msgfile.h - one message held whole in memory (a maildir or MH file, a
 * blob of a public-inbox repository) given in the form the mbox reader
 * gives its messages, so that every program reads it with the same code.
 *
 * A message file holds the text as it was delivered, where the mbox
 * reader's raw text is mboxrd-escaped: lines matching ^>*From get one
 * more '>' here, in a buffer of the reader's own, and only when the
 * message has such a line.  A first line that is a From_ line (git
 * format-patch files open with one) is the message's From_ line.
 */
#ifndef MLD_MSGFILE_H
#define MLD_MSGFILE_H

#include <stddef.h>
#include <glib.h>

#include "mbox.h"

struct mld_msgfile {
	GString *escaped;	/* the text escaped, when it had to be */
};

void mld_msgfile_init(struct mld_msgfile *f);
void mld_msgfile_free(struct mld_msgfile *f);

/*
 * Fills msg from the message text data[0..len): its From_ line, raw
 * text, line ends and span.  msg->where is left for the caller.  msg is
 * valid while data is and until the next call.
 */
void mld_msgfile_msg(struct mld_msgfile *f, const char *data, size_t len,
    struct mld_msg *msg);

#endif
