/*
 * domtally - count contributors, domains or organisations in line
 * records, and print the tally.
 */
#include <stdio.h>

#include "ident.h"
#include "tool.h"

enum {
	OPT_MERGE = 256,
	OPT_MIN,
	OPT_NO_BOTS,
	OPT_LIST_BOTS,
};

/* No record has a million fields; the bound keeps -f n an unsigned. */
enum { MAX_FIELD = 1000000 };

struct run {
	const struct mld_ident_cfg *cfg;
	struct mld_tally *t;
	bool merge;
};

static bool
count_input(const struct mld_operand *op, void *data)
{
	const struct run *r = data;
	struct mld_recin in;
	FILE *f;
	bool ok;

	if (!r->merge) {
		if (!mld_recin_open(&in, op->path))
			return false;
		ok = mld_ident_read(r->cfg, r->t, &in);
		mld_recin_close(&in);
		return ok;
	}
	if ((f = mld_fopen_input(op->path)) == NULL)
		return false;
	ok = mld_ident_merge(r->cfg, r->t, f, op->name);
	mld_fclose_input(f);
	return ok;
}

int
main(int argc, char **argv)
{
	static const struct mld_opt opts[] = {
		{ "all-names", 'a', NULL, "a row for each name a person used" },
		{ "bots", 'b', "file", "add the bot patterns of file" },
		{ "domains", 'd', NULL, "count domains, not people" },
		{ "column", 'F', "name", "count the column named name "
		    "(contributor)" },
		{ "field", 'f', "n", "count field n (from 1)" },
		{ "list-bots", OPT_LIST_BOTS, NULL, "print the bot patterns "
		    "and exit" },
		{ "mailmap", 'm', "file", "map identities with a git mailmap" },
		{ "merge", OPT_MERGE, NULL, "sum tallies domtally printed" },
		{ "min", OPT_MIN, "count", "print rows counting at least "
		    "count" },
		{ "top", 'n', "n", "print the first n rows (0: all)" },
		{ "no-bots", OPT_NO_BOTS, NULL, "leave bots out" },
		{ "orgs", 'o', "file", "count organisations of a domain map" },
		{ "percent", 'p', NULL, "print each row's share of the total" },
		{ "quiet", 'q', NULL, "no progress on a terminal" },
		{ NULL, 0, NULL, NULL },
	};
	struct mld_cli cli = { "[-adpq] [-b file] [-F name | -f n] [-m file] "
	    "[-n n]\n"
	    "\t[-o file] [--list-bots] [--merge] [--min count]\n"
	    "\t[--no-bots] [file ...]",
	    opts, argc, argv, NULL };
	struct mld_ident_cfg cfg = { .mode = MLD_IDENT_PEOPLE,
	    .column = mld_columns[MLD_COL_CONTRIBUTOR] };
	struct mld_tally_print how = { .top = 0 };
	struct mld_mailmap *mailmap = NULL;
	struct mld_orgmap *orgmap = NULL;
	struct mld_bots *bots = mld_bots_new();
	struct mld_tally *t;
	struct mld_ident_progress progress = { .lines = 0 };
	struct run r = { &cfg, NULL, false };
	bool no_bots = false, list_bots = false, quiet = false;
	int c;

	mld_init("domtally");
	while ((c = mld_getopt(&cli)) != -1) {
		switch (c) {
		case 'a':
			how.variants = true;
			break;
		case 'b':
			mld_bots_load(bots, cli.optarg);
			break;
		case 'd':
			if (cfg.mode == MLD_IDENT_ORG)
				mld_badarg(&cli, "-d", "not with -o");
			cfg.mode = MLD_IDENT_DOMAIN;
			break;
		case 'F':
			cfg.column = cli.optarg;
			cfg.field = 0;
			break;
		case 'f':
			cfg.field = (unsigned)mld_optnum(&cli, "-f", 1,
			    MAX_FIELD);
			break;
		case 'm':
			if (mailmap == NULL)
				mailmap = mld_mailmap_new();
			mld_mailmap_load(mailmap, cli.optarg);
			break;
		case 'n':
			how.top = mld_optnum(&cli, "-n", 0, UINT64_MAX);
			break;
		case 'o':
			if (cfg.mode == MLD_IDENT_DOMAIN)
				mld_badarg(&cli, "-o", "not with -d");
			cfg.mode = MLD_IDENT_ORG;
			if (orgmap == NULL)
				orgmap = mld_orgmap_new();
			mld_orgmap_load(orgmap, cli.optarg);
			break;
		case 'p':
			how.percent = true;
			break;
		case 'q':
			quiet = true;
			break;
		case OPT_LIST_BOTS:
			list_bots = true;
			break;
		case OPT_MERGE:
			r.merge = true;
			break;
		case OPT_MIN:
			how.min = mld_optnum(&cli, "--min", 0, UINT64_MAX);
			break;
		case OPT_NO_BOTS:
			no_bots = true;
			break;
		default:
			mld_usage(&cli);
		}
	}
	if (list_bots) {
		mld_bots_write(bots, stdout);
		mld_bots_free(bots);
		return mld_finish("line");
	}
	cfg.mailmap = mailmap;
	cfg.orgmap = orgmap;
	cfg.bots = no_bots ? bots : NULL;
	cfg.memo = mld_ident_memo_new();
	mld_progress_init(&progress.pr, quiet);
	progress.pr.unit = r.merge ? "lines" : "records";
	cfg.progress = &progress;
	t = r.t = mld_ident_tally_new(&cfg);
	mld_each_operand(cli.argc, cli.argv, MLD_OPERAND_STREAM, count_input,
	    &r);
	mld_progress(&progress.pr, progress.lines, progress.bytes, true);
	mld_tally_write(t, stdout, &how);
	mld_tally_free(t);
	mld_ident_memo_free(cfg.memo);
	mld_bots_free(bots);
	mld_orgmap_free(orgmap);
	mld_mailmap_free(mailmap);
	return mld_finish("line");
}
