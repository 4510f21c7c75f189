/*
 * seriesinfo - patchinfo records grouped into postings of series, each
 * with its versions and what its replies say.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gmimeinit.h"
#include "record.h"
#include "series.h"
#include "tool.h"

int
main(int argc, char **argv)
{
	static const struct mld_opt opts[] = {
		{ "messages", 'm', NULL, "one line per message: its posting" },
		{ "reviewers", 'r', NULL, "one line per review trailer given" },
		{ "reviewers-to", 'R', "file",
		    "the lines of -r into file as well" },
		{ NULL, 0, NULL, NULL },
	};
	struct mld_cli cli = { "[-m | -r] [-R file] [file ...]", opts, argc,
		argv, NULL };
	struct mld_series *s;
	struct mld_recin in;
	bool messages = false, reviewers = false;
	const char *rpath = NULL;
	FILE *rf = NULL;
	int c, i;

	mld_init("seriesinfo");
	while ((c = mld_getopt(&cli)) != -1) {
		switch (c) {
		case 'm':
			messages = true;
			break;
		case 'r':
			reviewers = true;
			break;
		case 'R':
			rpath = cli.optarg;
			break;
		default:
			mld_usage(&cli);
		}
	}
	if (messages && reviewers)
		mld_usage(&cli);
	/* Before any reading: a file that cannot be made stops the run. */
	if (rpath != NULL && (rf = fopen(rpath, "w")) == NULL)
		mld_fatal("%s: %s", rpath, strerror(errno));
	mld_gmime_init();
	s = mld_series_new();
	for (i = 0; i < (cli.argc > 0 ? cli.argc : 1); i++) {
		if (!mld_recin_open(&in, cli.argc > 0 ? cli.argv[i] : "-"))
			continue;
		mld_series_read(s, &in);
		mld_recin_close(&in);
	}
	mld_series_group(s);
	if (messages)
		mld_series_write_map(s, stdout);
	else if (reviewers)
		mld_series_write_reviewers(s, stdout);
	else
		mld_series_write(s, stdout);
	if (rf != NULL) {
		mld_series_write_reviewers(s, rf);
		if ((ferror(rf) | fclose(rf)) != 0)
			mld_err("%s: write error: %s", rpath, strerror(errno));
	}
	mld_series_free(s);
	return mld_finish("record");
}
