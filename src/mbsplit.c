/*
 * mbsplit - list, select, dedupe and split the messages of mboxes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gmimeinit.h"
#include "mbox.h"
#include "record.h"
#include "select.h"
#include "split.h"
#include "tool.h"

enum mode { INDEX, MBOX, DIR_OUT };

enum {
	OPT_SINCE = 256, OPT_UNTIL, OPT_DEDUPE_CONTENT, OPT_FSYNC,
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
	{ NULL, 0, NULL, NULL },
};

struct run {
	enum mode mode;
	bool quiet;
	struct mld_select sel;
	struct mld_dirout dir;
	struct mld_rec rec;
	GString *scratch;
	uint64_t n;		/* messages seen, over all inputs */
	uint64_t bytes;
	struct mld_progress pr;
	bool stop;		/* past the --range: nothing more to select */
};

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
			printf("%s\n", path);
		break;
	}
}

static void
input(struct run *r, const char *path)
{
	struct mld_mbox *mb = mld_mbox_open(path);
	struct mld_msg m;

	if (mb == NULL)
		return;
	while (!r->stop && mld_mbox_next(mb, &m) > 0) {
		r->n++;
		r->bytes += m.span;
		one(r, &m);
		if (mld_select_past_range(&r->sel, r->n))
			r->stop = true;
		mld_progress(&r->pr, r->n, r->bytes, false);
	}
	mld_mbox_close(mb);
}

static void
options(struct run *r, struct mld_cli *cli, const char **dir,
    uint64_t *start, bool *do_fsync)
{
	GError *err = NULL;
	int c;

	while ((c = mld_getopt(cli)) != -1) {
		switch (c) {
		case 'd':
			r->mode = DIR_OUT;
			*dir = cli->optarg;
			break;
		case 'M':
			if (!mld_select_add_match(&r->sel, cli->optarg, &err))
				mld_badarg(cli, cli->optarg, err->message);
			break;
		case 'm':
			r->mode = MBOX;
			break;
		case 'q':
			r->quiet = true;
			break;
		case 'r':
			if (!mld_select_parse_range(&r->sel, cli->optarg))
				mld_badarg(cli, cli->optarg, "not a range");
			break;
		case 's':
			if (!mld_select_parse_range(&(struct mld_select){ 0 },
			    cli->optarg) || strchr(cli->optarg, '-') != NULL)
				mld_badarg(cli, cli->optarg, "not a number");
			*start = g_ascii_strtoull(cli->optarg, NULL, 10);
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
				mld_badarg(cli, cli->optarg, "not a date");
			r->sel.has_since = true;
			break;
		case OPT_UNTIL:
			if (!mld_select_parse_date(cli->optarg, &r->sel.until))
				mld_badarg(cli, cli->optarg, "not a date");
			r->sel.has_until = true;
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
		"\t[--dedupe-content] [--since date] [--until date] [file ...]",
		opts, argc, argv, NULL };
	struct run r = { 0 };
	const char *dir = NULL;
	uint64_t start = 1;
	bool do_fsync = false;
	int i;

	mld_init("mbsplit");
	mld_select_init(&r.sel);
	options(&r, &cli, &dir, &start, &do_fsync);
	mld_gmime_init();
	mld_progress_init(&r.pr, r.quiet);
	r.scratch = g_string_new(NULL);
	mld_rec_init(&r.rec);
	if (r.mode == DIR_OUT && !mld_dirout_open(&r.dir, dir, start,
	    do_fsync))
		return mld_finish("message");
	if (r.mode == INDEX)
		mld_rec_write_header(stdout, mld_index_columns);
	if (cli.argc == 0)
		input(&r, "-");
	for (i = 0; i < cli.argc; i++)
		input(&r, cli.argv[i]);
	mld_progress(&r.pr, r.n, r.bytes, true);
	if (r.sel.dropped > 0)
		mld_note("%llu duplicate%s dropped",
		    (unsigned long long)r.sel.dropped,
		    r.sel.dropped == 1 ? "" : "s");
	mld_dirout_close(&r.dir);
	mld_rec_free(&r.rec);
	g_string_free(r.scratch, TRUE);
	mld_select_free(&r.sel);
	return mld_finish("message");
}
