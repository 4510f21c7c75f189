/*
 * input.c - the operands of a program that reads mail (see input.h).
 */
#include "input.h"
#include "folder.h"
#include "inbox.h"
#include "tool.h"

#include <stdlib.h>
#include <string.h>

enum kind { MBOX, MAILDIR, MH, INBOX };

struct mld_reader {
	enum kind kind;
	struct mld_mbox *mbox;
	struct mld_folder *folder;
	struct mld_inbox *inbox;
};

/* Ends the program before any output: the command line is wrong. */
static _Noreturn void
bad_operand(const char *fmt, const char *what)
{
	mld_note(fmt, what);
	exit(MLD_EXIT_USAGE);
}

void
mld_inputs_init(struct mld_inputs *in, int argc, char **argv,
    const char *from, const char *to, bool git)
{
	static char *dash[] = { "-", NULL };
	struct mld_inbox *ib;
	GError *err = NULL;
	int i, ninbox = 0;

	memset(in, 0, sizeof *in);
	in->n = argc > 0 ? argc : 1;
	in->paths = argc > 0 ? argv : dash;
	in->kinds = g_new0(int, in->n);
	in->inboxes = g_new0(struct mld_inbox *, in->n);
	for (i = 0; i < in->n; i++) {
		const char *p = in->paths[i];

		if (git && !mld_is_inbox(p))
			bad_operand("%s: not a public-inbox: no git/0.git, "
			    "and not a git repository", p);
		if (strcmp(p, "-") == 0 || !mld_is_dir(p, NULL)) {
			in->kinds[i] = MBOX;
			continue;
		}
		if (mld_is_inbox(p)) {
			in->kinds[i] = INBOX;
			ninbox++;
			continue;
		}
		switch (mld_folder_kind(p)) {
		case MLD_FOLDER_MAILDIR:
			in->kinds[i] = MAILDIR;
			break;
		case MLD_FOLDER_MH:
			in->kinds[i] = MH;
			break;
		default:
			bad_operand("%s: not a mailbox: no cur/ or new/ "
			    "(maildir), no numbered file (MH), no git/ "
			    "(public-inbox)", p);
		}
	}
	if ((from != NULL || to != NULL) && ninbox != 1)
		bad_operand("%s", ninbox == 0 ?
		    "--from and --to name commits: give a public-inbox" :
		    "--from and --to name commits of one public-inbox: "
		    "give one");
	for (i = 0; i < in->n; i++) {
		if (in->kinds[i] != INBOX)
			continue;
		ib = mld_inbox_open(in->paths[i], from, to, &err);
		if (ib == NULL) {
			mld_note("%s", err->message);
			g_error_free(err);
			exit(MLD_EXIT_USAGE);
		}
		in->inboxes[i] = ib;
		if (ninbox == 1)
			in->ranged = ib;
	}
}

void
mld_inputs_free(struct mld_inputs *in)
{
	int i;

	for (i = 0; i < in->n; i++)
		mld_inbox_close(in->inboxes[i]);
	g_free(in->inboxes);
	g_free(in->kinds);
	memset(in, 0, sizeof *in);
}

struct mld_reader *
mld_reader_open(struct mld_inputs *in, const char *path)
{
	struct mld_reader *r;
	int i;

	/* An inbox operand given twice is opened twice: the first copy
	 * still unread is the one to read. */
	for (i = 0; i < in->n; i++)
		if (strcmp(in->paths[i], path) == 0 &&
		    (in->kinds[i] != INBOX || in->inboxes[i] != NULL))
			break;
	if (i == in->n)
		return NULL;
	r = g_new0(struct mld_reader, 1);
	r->kind = in->kinds[i];
	switch (r->kind) {
	case MBOX:
		r->mbox = mld_mbox_open(path);
		break;
	case MAILDIR:
		r->folder = mld_folder_open(path, MLD_FOLDER_MAILDIR);
		break;
	case MH:
		r->folder = mld_folder_open(path, MLD_FOLDER_MH);
		break;
	case INBOX:
		/* Read once: the reader owns it from now on. */
		r->inbox = in->inboxes[i];
		in->inboxes[i] = NULL;
		break;
	}
	if (r->mbox == NULL && r->folder == NULL && r->inbox == NULL) {
		g_free(r);
		return NULL;
	}
	return r;
}

int
mld_reader_next(struct mld_reader *r, struct mld_msg *msg)
{
	switch (r->kind) {
	case MBOX:
		return mld_mbox_next(r->mbox, msg);
	case MAILDIR:
	case MH:
		return mld_folder_next(r->folder, msg);
	case INBOX:
		return mld_inbox_next(r->inbox, msg);
	}
	return 0;
}

void
mld_reader_close(struct mld_reader *r)
{
	if (r == NULL)
		return;
	mld_mbox_close(r->mbox);
	mld_folder_close(r->folder);
	mld_inbox_close(r->inbox);
	g_free(r);
}

bool
mld_inputs_print_range(const struct mld_inputs *in, FILE *out)
{
	const struct mld_inbox *ib = in->ranged;
	const char *from, *to;

	if (ib == NULL)
		return false;
	from = mld_inbox_from(ib);
	to = mld_inbox_to(ib);
	fprintf(out, "%s %s\n", from != NULL ? from : "-",
	    to != NULL ? to : "-");
	return true;
}
