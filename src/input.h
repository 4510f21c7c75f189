/*
 * input.h - the operands of a program that reads mail, whatever holds
 * the mail: an mbox file or stdin (mbox.h), a maildir or an MH folder
 * (folder.h), a public-inbox inbox or one of its epochs (inbox.h).
 *
 * A directory is read by what it holds: git/ or a git repository is an
 * inbox, cur/ or new/ a maildir, numbered files an MH folder.  A commit
 * range (--from, --to) applies to the one inbox among the operands.
 */
#ifndef MLD_INPUT_H
#define MLD_INPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "mbox.h"

struct mld_inbox;

struct mld_inputs {
	int n;			/* operands; "-" (stdin) when none given */
	char **paths;
	int *kinds;
	struct mld_inbox **inboxes;	/* opened, for inbox operands */
	struct mld_inbox *ranged;	/* the inbox --from/--to apply to */
};

/*
 * Takes the operands (argc may be 0) and checks, before anything is
 * written, every one that is a directory: a folder of no known kind, and
 * an inbox whose range cannot be read (git missing, unknown commit, from
 * after to), are reported and end the program with status 2, as are
 * from or to without exactly one inbox operand.  With git, every operand
 * must be an inbox.
 */
void mld_inputs_init(struct mld_inputs *in, int argc, char **argv,
    const char *from, const char *to, bool git);
void mld_inputs_free(struct mld_inputs *in);

struct mld_reader;

/*
 * Opens the operand path (one of those mld_inputs_init took, "-" for
 * stdin); reports and returns NULL when it cannot be read.
 */
struct mld_reader *mld_reader_open(struct mld_inputs *in, const char *path);
/* 1: *msg is the next message, valid until the next call; 0: the end;
 * -1: a read error, reported. */
int mld_reader_next(struct mld_reader *r, struct mld_msg *msg);
void mld_reader_close(struct mld_reader *r);

/*
 * Prints the full ids of the range of the inbox --from/--to apply to
 * (or of the only inbox operand), "FROM TO\n", "-" for a range from the
 * first commit or an empty inbox; false when no operand is an inbox.
 */
bool mld_inputs_print_range(const struct mld_inputs *in, FILE *out);

#endif
