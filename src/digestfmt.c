/*
 * digestfmt - print the parts of a digest: its header, a tally section,
 * and the patch list, the series without a reply, the pull requests and
 * the commit messages of the new patches.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "gmimeinit.h"
#include "text.h"
#include "postings.h"
#include "record.h"
#include "seen.h"
#include "tool.h"

static const char synopsis[] =
    "header [-f label] [-l name] [-t label] [file ...]\n"
    "tally [-d | -r] [-n top] [-T title] [file ...]\n"
    "patches [-p postings] [-s file] [file ...]";

static bool
read_records(const struct mld_operand *op, void *ps)
{
	struct mld_recin in;
	bool ok;

	if (!mld_recin_open(&in, op->path))
		return false;
	ok = mld_postings_read(ps, &in);
	mld_recin_close(&in);
	return ok;
}

static bool
read_postings(const char *path, struct mld_postings *ps)
{
	struct mld_recin in;
	bool ok;

	if (!mld_recin_open(&in, path))
		return false;
	ok = mld_postings_read_postings(ps, &in);
	mld_recin_close(&in);
	return ok;
}

static void
put(GString *out)
{
	fwrite(out->str, 1, out->len, stdout);
	g_string_truncate(out, 0);
}

static int
cmd_header(struct mld_cli *cli)
{
	static const struct mld_opt opts[] = {
		{ "from", 'f', "label", "start label (default: first date)" },
		{ "list", 'l', "name", "name of the list" },
		{ "to", 't', "label", "end label (default: last date)" },
		{ NULL, 0, NULL, NULL },
	};
	const char *from = NULL, *to = NULL, *list = NULL;
	struct mld_postings *ps = NULL;
	GString *out = g_string_new(NULL);
	int c;

	cli->opts = opts;
	while ((c = mld_getopt(cli)) != -1) {
		switch (c) {
		case 'f': from = cli->optarg; break;
		case 'l': list = cli->optarg; break;
		case 't': to = cli->optarg; break;
		}
	}
	/* Records are read only for the labels they would give. */
	if (from == NULL || to == NULL) {
		ps = mld_postings_new(true);
		mld_each_operand(cli->argc, cli->argv, MLD_OPERAND_STREAM,
		    read_records, ps);
		if (from == NULL)
			from = mld_postings_first_date(ps);
		if (to == NULL)
			to = mld_postings_last_date(ps);
	}
	mld_digest_header(out, list, from ? from : "unknown",
	    to ? to : "unknown");
	put(out);
	g_string_free(out, TRUE);
	mld_postings_free(ps);
	return mld_finish("record");
}

/* Tally lines are plain text, not records: no field is escaped. */
static bool
read_tally(const struct mld_operand *op, void *out)
{
	const char *name = op->name;
	FILE *f = mld_fopen_input(op->path);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	uint64_t lineno = 0;
	bool ok;

	if (f == NULL)
		return false;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (line[0] == '#')
			continue;
		if ((size_t)n != strlen(line) ||
		    !mld_digest_tally_line(out, line)) {
			mld_warn_line(name, lineno,
			    "not a tally line (count, name), skipped");
			mld_count_skip();
		}
	}
	ok = !ferror(f);
	if (!ok)
		mld_err("%s: read error: %s", name, strerror(errno));
	free(line);
	mld_fclose_input(f);
	return ok;
}

static int
cmd_tally(struct mld_cli *cli)
{
	static const struct mld_opt opts[] = {
		{ "domains", 'd', NULL, "the default title of a domain tally" },
		{ "top", 'n', "top", "the number the default title gives (15)" },
		{ "reviewers", 'r', NULL, "the default title of a reviewer "
		    "tally" },
		{ "title", 'T', "title", "the title of the section" },
		{ NULL, 0, NULL, NULL },
	};
	GString *out = g_string_new(NULL);
	const char *title = NULL;
	bool domains = false, reviewers = false;
	char *dflt;
	uint64_t top = 15;
	int c;

	cli->opts = opts;
	while ((c = mld_getopt(cli)) != -1) {
		switch (c) {
		case 'd':
			domains = true;
			break;
		case 'r':
			reviewers = true;
			break;
		case 'n':
			top = mld_optnum(cli, "-n", 1, 1000000);
			break;
		case 'T':
			title = cli->optarg;
			break;
		}
	}
	if (domains && reviewers)
		mld_usage(cli);
	dflt = reviewers ? mld_digest_reviewers_title((unsigned)top) :
	    mld_digest_tally_title(domains, (unsigned)top);
	mld_text_show(out, title != NULL ? title : dflt, true);
	g_string_append(out, "\n\n");
	mld_each_operand(cli->argc, cli->argv, MLD_OPERAND_STREAM, read_tally,
	    out);
	g_string_append_c(out, '\n');
	put(out);
	g_string_free(out, TRUE);
	g_free(dflt);
	return mld_finish("line");
}

static int
cmd_patches(struct mld_cli *cli)
{
	static const struct mld_opt opts[] = {
		{ "postings", 'p', "file", "the posting records of the "
		    "input (seriesinfo)" },
		{ "seen", 's', "file", "report as Exist what file holds; "
		    "add what is printed" },
		{ NULL, 0, NULL, NULL },
	};
	struct mld_postings *ps = mld_postings_new(false);
	struct mld_seen seen;
	const char *seenpath = NULL, *postings = NULL;
	bool ok = true;
	int c;

	cli->opts = opts;
	while ((c = mld_getopt(cli)) != -1) {
		if (c == 's')
			seenpath = cli->optarg;
		else if (c == 'p')
			postings = cli->optarg;
	}
	mld_seen_init(&seen);
	/*
	 * Without its state a digest would report everything again: a state
	 * that cannot be read, or a file that is none, ends the run (it was
	 * reported) before a line of the digest is printed.
	 */
	if (seenpath != NULL && !mld_seen_load(&seen, seenpath)) {
		mld_seen_free(&seen);
		mld_postings_free(ps);
		return mld_finish("record");
	}
	/* The postings first: then only the entries they name are kept. */
	if (postings != NULL)
		ok = read_postings(postings, ps);
	ok = mld_each_operand(cli->argc, cli->argv, MLD_OPERAND_STREAM,
	    read_records, ps) && ok;
	mld_digest_list(ps, &seen, stdout);
	mld_digest_unanswered(ps, stdout);
	mld_digest_pulls(ps, stdout);
	mld_digest_messages(ps, &seen, stdout);
	/*
	 * The state changes only once the digest is out and the input was
	 * all read: a digest that was lost is sent again next time.
	 */
	if (seenpath != NULL) {
		if (!ok || fflush(stdout) != 0 || ferror(stdout))
			mld_err("%s: not updated", seenpath);
		else
			mld_seen_save(&seen);
	}
	mld_seen_free(&seen);
	mld_postings_free(ps);
	return mld_finish("record");
}

int
main(int argc, char **argv)
{
	static const struct mld_opt none[] = {
		{ NULL, 0, NULL, NULL },
	};
	static const struct {
		const char *name;
		int (*fn)(struct mld_cli *);
	} cmds[] = {
		{ "header", cmd_header },
		{ "tally", cmd_tally },
		{ "patches", cmd_patches },
	};
	struct mld_cli cli = { synopsis, none, argc, argv, NULL };
	size_t i;

	mld_init("digestfmt");
	mld_gmime_init();
	while (mld_getopt(&cli) != -1)
		continue;
	if (cli.argc == 0)
		mld_usage(&cli);
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cli.argv[0], cmds[i].name) == 0)
			return cmds[i].fn(&cli);
	fprintf(stderr, "digestfmt: unknown command: %s\n", cli.argv[0]);
	mld_usage(&cli);
}
