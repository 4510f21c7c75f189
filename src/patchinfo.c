/*
 * patchinfo - one line record per patch and cover letter of
 * mailboxes: mboxes, maildirs, MH folders, public-inbox inboxes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "gmimeinit.h"
#include "input.h"
#include "mbox.h"
#include "patch.h"
#include "record.h"
#include "tool.h"

enum { OPT_APPEND = 256, OPT_FROM, OPT_TO };

struct run {
	bool list;		/* -l: operands list message files */
	struct mld_inputs *in;	/* the operands, checked before any output */
	struct mld_analyser a;
	struct mld_patch p;
	struct mld_rec rec;
	struct mld_progress pr;
	uint64_t n, bytes;	/* messages and bytes read, for progress */
};

/* Writes a record for each message of one operand (errors are reported). */
static bool
do_input(struct run *r, const char *path)
{
	struct mld_reader *rd = mld_reader_open(r->in, path);
	struct mld_msg m;

	if (rd == NULL)
		return false;
	while (mld_reader_next(rd, &m) > 0) {
		mld_progress(&r->pr, ++r->n, r->bytes += m.span, false);
		if (!mld_patch_analyse(&r->a, &m, &r->p))
			continue;
		mld_patch_record(&r->p, &r->rec);
		mld_rec_write(&r->rec, stdout);
	}
	mld_reader_close(rd);
	return true;
}

/*
 * Reads message file names, one a line, from path ("-" = stdin); each
 * file is one message, even where a body line starts with "From ".
 */
static bool
do_list(struct run *r, const char *path)
{
	FILE *f = mld_fopen_input(path);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool ok;

	if (f == NULL)
		return false;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n == 0)
			continue;
		mld_progress(&r->pr, ++r->n, r->bytes, false);
		if (mld_patch_analyse_file(&r->a, line, &r->p) > 0) {
			mld_patch_record(&r->p, &r->rec);
			mld_rec_write(&r->rec, stdout);
		}
	}
	if (!(ok = !ferror(f)))
		mld_err("%s: read error: %s", mld_input_name(path),
		    strerror(errno));
	free(line);
	mld_fclose_input(f);
	return ok;
}

static bool
operand(const struct mld_operand *op, void *data)
{
	struct run *r = data;

	return r->list ? do_list(r, op->path) : do_input(r, op->path);
}

int
main(int argc, char **argv)
{
	static const struct mld_opt opts[] = {
		{ "all", 'a', NULL, "also replies, pulls and other mail" },
		{ "list", 'l', NULL, "operands list message files, one a line" },
		{ "quiet", 'q', NULL, "no progress on a terminal" },
		{ "append", OPT_APPEND, NULL,
		    "no # header when the output file has records" },
		{ "from", OPT_FROM, "commit", "read a public-inbox after commit" },
		{ "to", OPT_TO, "commit", "read a public-inbox up to commit" },
		{ NULL, 0, NULL, NULL },
	};
	struct mld_cli cli = { "[-alq] [--append] [--from commit] "
		"[--to commit] [file ...]", opts, argc, argv, NULL };
	struct run r = { .n = 0 };
	struct mld_inputs in = { .n = 0 };
	bool all = false, quiet = false, append = false;
	const char *from = NULL, *to = NULL;
	int c;

	mld_init("patchinfo");
	while ((c = mld_getopt(&cli)) != -1) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'l':
			r.list = true;
			break;
		case 'q':
			quiet = true;
			break;
		case OPT_APPEND:
			append = true;
			break;
		case OPT_FROM:
			from = cli.optarg;
			break;
		case OPT_TO:
			to = cli.optarg;
			break;
		default:
			mld_usage(&cli);
		}
	}
	if (r.list && (from != NULL || to != NULL))
		mld_badarg(&cli, "-l", "message file lists have no commits");
	if (!r.list)
		mld_inputs_init(&in, cli.argc, cli.argv, from, to, false);
	r.in = &in;
	mld_gmime_init();
	mld_progress_init(&r.pr, quiet);
	mld_analyser_init(&r.a, all);
	mld_patch_init(&r.p);
	mld_rec_init(&r.rec);
	if (!append || !mld_rec_output_has_data(stdout))
		mld_rec_write_header(stdout, mld_columns);
	mld_each_operand(cli.argc, cli.argv, r.list ? MLD_OPERAND_STREAM :
	    MLD_OPERAND_STREAM | MLD_OPERAND_DIR, operand, &r);
	mld_inputs_free(&in);
	mld_progress(&r.pr, r.n, r.bytes, true);
	mld_rec_free(&r.rec);
	mld_patch_free(&r.p);
	mld_analyser_free(&r.a);
	return mld_finish("message");
}
