/*
 * mbsplit - list, select, dedupe and split the messages of mailboxes:
 * mboxes, maildirs, MH folders and public-inbox inboxes (input.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gmimeinit.h"
#include "input.h"
#include "mbox.h"
#include "record.h"
#include "select.h"
#include "split.h"
#include "tool.h"

enum mode { INDEX, MBOX, DIR_OUT };

enum {
	OPT_SINCE = 256, OPT_UNTIL, OPT_DEDUPE_CONTENT, OPT_FSYNC,
	OPT_FROM, OPT_TO, OPT_PRINT_RANGE, OPT_APPEND,
};

static const struct mld_opt opts[] = {
	{ "dir", 'd', "dir", "write one file per message into dir" },
	{ "fsync", OPT_FSYNC, NULL, "with -d, fsync each file" },
	{ "match", 'M', "hdr:re", "select messages whose header matches re" },
	{ "mbox", 'm', NULL, "write the selected messages as mboxrd" },
	{ "quiet", 'q', NULL, "no progress on a terminal" },
	{ "range", 'r', "a-b", "select messages a to b (1-based)" },
	{ "start", 's', "n", "with -d, number files from n" },
	{ "dedupe", 'u', NULL, "drop later copies of a Message-ID" },
	{ "dedupe-content", OPT_DEDUPE_CONTENT, NULL,
	    "drop later copies of a From, Subject, Date and body" },
	{ "since", OPT_SINCE, "date", "select messages dated date or later" },
	{ "until", OPT_UNTIL, "date", "select messages dated before date" },
	{ "from", OPT_FROM, "commit", "read a public-inbox after commit" },
	{ "to", OPT_TO, "commit", "read a public-inbox up to commit" },
	{ "print-range", OPT_PRINT_RANGE, NULL,
	    "print the full ids of the commit range and exit" },
	{ "append", OPT_APPEND, NULL,
	    "no # header when the output file has records" },
	{ NULL, 0, NULL, NULL },
};

struct run {
	enum mode mode;
	bool quiet, print_range, append;
	const char *from, *to;	/* the commit range of a public-inbox */
	struct mld_inputs *in;	/* the operands, checked before any output */
	struct mld_select sel;
	struct mld_dirout dir;
	struct mld_rec rec;
	GString *scratch;
	uint64_t n;		/* messages seen, over all inputs */
	uint64_t bytes;
	struct mld_progress pr;
	bool stop;		/* past the --range: nothing more to select */
};

/*
 * With -d the files are the output and the listing only names them: a
 * reader that stops reading the listing ("| head") must not stop the
 * split.  Called after each write to the listing with whether it failed:
 * once the pipe is found closed, the rest goes to /dev/null.
 */
static void
listing_written(bool failed)
{
	int null;

	if (!failed || errno != EPIPE)
		return;
	if ((null = open("/dev/null", O_WRONLY)) < 0 ||
	    dup2(null, STDOUT_FILENO) < 0)
		mld_fatal("/dev/null: %s", strerror(errno));
	close(null);
	/* What stdio still holds was for the closed pipe. */
	__fpurge(stdout);
	clearerr(stdout);
}

static void
one(struct run *r, const struct mld_msg *m)
{
	const char *path;

	if (!mld_select_message(&r->sel, r->n, m))
		return;
	switch (r->mode) {
	case INDEX:
		mld_index_record(&r->rec, r->n, m);
		mld_rec_write(&r->rec, stdout);
		break;
	case MBOX:
		mld_mboxrd_write(stdout, m, r->scratch);
		break;
	case DIR_OUT:
		if ((path = mld_dirout_write(&r->dir, m, r->scratch)) == NULL)
			r->stop = true;
		else
			listing_written(printf("%s\n", path) < 0);
		break;
	}
}

static bool
input(const struct mld_operand *op, void *data)
{
	struct run *r = data;
	struct mld_reader *rd;
	struct mld_msg m;

	if (r->stop)
		return true;
	if ((rd = mld_reader_open(r->in, op->path)) == NULL)
		return false;
	while (!r->stop && mld_reader_next(rd, &m) > 0) {
		r->n++;
		r->bytes += m.span;
		one(r, &m);
		if (mld_select_past_range(&r->sel, r->n))
			r->stop = true;
		mld_progress(&r->pr, r->n, r->bytes, false);
	}
	mld_reader_close(rd);
	return true;
}

static void
options(struct run *r, struct mld_cli *cli, const char **dir,
    uint64_t *start, bool *do_fsync)
{
	GError *err = NULL;
	const char *why;
	int c;

	while ((c = mld_getopt(cli)) != -1) {
		switch (c) {
		case 'd':
			r->mode = DIR_OUT;
			*dir = cli->optarg;
			break;
		case 'M':
			if (!mld_select_add_match(&r->sel, cli->optarg, &err))
				mld_badval(cli, "-M", err->message);
			break;
		case 'm':
			r->mode = MBOX;
			break;
		case 'q':
			r->quiet = true;
			break;
		case 'r':
			if (!mld_select_parse_range(&r->sel, cli->optarg,
			    &why))
				mld_badval(cli, "-r", why);
			break;
		case 's':
			*start = mld_optnum(cli, "-s", 0, MLD_SPLIT_MAX_START);
			break;
		case 'u':
			r->sel.dedupe = MLD_DEDUPE_MSGID;
			break;
		case OPT_DEDUPE_CONTENT:
			r->sel.dedupe = MLD_DEDUPE_CONTENT;
			break;
		case OPT_FSYNC:
			*do_fsync = true;
			break;
		case OPT_SINCE:
			if (!mld_select_parse_date(cli->optarg, &r->sel.since))
				mld_badval(cli, "--since", "not a date");
			r->sel.has_since = true;
			break;
		case OPT_UNTIL:
			if (!mld_select_parse_date(cli->optarg, &r->sel.until))
				mld_badval(cli, "--until", "not a date");
			r->sel.has_until = true;
			break;
		case OPT_FROM:
			r->from = cli->optarg;
			break;
		case OPT_TO:
			r->to = cli->optarg;
			break;
		case OPT_PRINT_RANGE:
			r->print_range = true;
			break;
		case OPT_APPEND:
			r->append = true;
			break;
		default:
			mld_usage(cli);
		}
	}
}

int
main(int argc, char **argv)
{
	struct mld_cli cli = {
		"[-mqu] [-d dir [-s n] [--fsync]] [-M hdr:re] [-r a-b]\n"
		"\t[--dedupe-content] [--since date] [--until date] [--append]\n"
		"\t[--from commit] [--to commit] [--print-range] [file ...]",
		opts, argc, argv, NULL };
	struct run r = { 0 };
	struct mld_inputs in;
	const char *dir = NULL;
	uint64_t start = 1;
	bool do_fsync = false;

	mld_init("mbsplit");
	mld_select_init(&r.sel);
	options(&r, &cli, &dir, &start, &do_fsync);
	mld_inputs_init(&in, cli.argc, cli.argv, r.from, r.to, r.print_range);
	r.in = &in;
	if (r.print_range) {
		if (!mld_inputs_print_range(&in, stdout))
			mld_badarg(&cli, "--print-range", "give one public-inbox");
		mld_inputs_free(&in);
		mld_select_free(&r.sel);
		return mld_finish("message");
	}
	mld_gmime_init();
	mld_progress_init(&r.pr, r.quiet);
	r.scratch = g_string_new(NULL);
	mld_rec_init(&r.rec);
	if (r.mode == DIR_OUT && !mld_dirout_open(&r.dir, dir, start,
	    do_fsync))
		return mld_finish("message");
	if (r.mode == DIR_OUT)
		signal(SIGPIPE, SIG_IGN);
	if (r.mode == INDEX && (!r.append || !mld_rec_output_has_data(stdout)))
		mld_rec_write_header(stdout, mld_index_columns);
	mld_each_operand(cli.argc, cli.argv, MLD_OPERAND_STREAM |
	    MLD_OPERAND_DIR, input, &r);
	mld_inputs_free(&in);
	mld_progress(&r.pr, r.n, r.bytes, true);
	if (r.sel.dropped > 0)
		mld_note("%llu duplicate%s dropped",
		    (unsigned long long)r.sel.dropped,
		    r.sel.dropped == 1 ? "" : "s");
	if (r.mode == DIR_OUT)
		listing_written(fflush(stdout) != 0);
	mld_dirout_close(&r.dir);
	mld_rec_free(&r.rec);
	g_string_free(r.scratch, TRUE);
	mld_select_free(&r.sel);
	return mld_finish("message");
}
