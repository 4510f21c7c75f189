/*
 * patchinfo - one line record per patch and cover letter of mboxes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "gmimeinit.h"
#include "mbox.h"
#include "patch.h"
#include "record.h"
#include "tool.h"

struct run {
	struct mld_analyser a;
	struct mld_patch p;
	struct mld_rec rec;
	struct mld_progress pr;
	uint64_t n, bytes;	/* messages and bytes read, for progress */
};

/* Writes a record for each message of one mbox (errors are reported). */
static void
do_input(struct run *r, const char *path)
{
	struct mld_mbox *mb = mld_mbox_open(path);
	struct mld_msg m;

	if (mb == NULL)
		return;
	while (mld_mbox_next(mb, &m) > 0) {
		mld_progress(&r->pr, ++r->n, r->bytes += m.span, false);
		if (!mld_patch_analyse(&r->a, &m, &r->p))
			continue;
		mld_patch_record(&r->p, &r->rec);
		mld_rec_write(&r->rec, stdout);
	}
	mld_mbox_close(mb);
}

/*
 * Reads message file names, one a line, from path ("-" = stdin); each
 * file is one message, even where a body line starts with "From ".
 */
static void
do_list(struct run *r, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL) {
		mld_err("%s: %m", path);
		return;
	}
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
	if (ferror(f))
		mld_err("%s: read error", mld_input_name(path));
	free(line);
	if (f != stdin)
		fclose(f);
}

int
main(int argc, char **argv)
{
	static const struct mld_opt opts[] = {
		{ "all", 'a', NULL, "also replies, pulls and other mail" },
		{ "list", 'l', NULL, "operands list message files, one a line" },
		{ "quiet", 'q', NULL, "no progress on a terminal" },
		{ NULL, 0, NULL, NULL },
	};
	struct mld_cli cli = { "[-alq] [file ...]", opts, argc, argv, NULL };
	struct run r = { .n = 0 };
	bool all = false, list = false, quiet = false;
	int c, i;

	mld_init("patchinfo");
	while ((c = mld_getopt(&cli)) != -1) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'l':
			list = true;
			break;
		case 'q':
			quiet = true;
			break;
		default:
			mld_usage(&cli);
		}
	}
	mld_gmime_init();
	mld_progress_init(&r.pr, quiet);
	mld_analyser_init(&r.a, all);
	mld_patch_init(&r.p);
	mld_rec_init(&r.rec);
	mld_rec_write_header(stdout, mld_columns);
	for (i = 0; i < (cli.argc > 0 ? cli.argc : 1); i++) {
		const char *path = cli.argc > 0 ? cli.argv[i] : "-";

		if (list)
			do_list(&r, path);
		else
			do_input(&r, path);
	}
	mld_progress(&r.pr, r.n, r.bytes, true);
	mld_rec_free(&r.rec);
	mld_patch_free(&r.p);
	mld_analyser_free(&r.a);
	return mld_finish("message");
}
