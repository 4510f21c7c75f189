/*
 * digestfmt - print a digest, whole in one of its forms (text, markdown,
 * html, json, email), or the parts of its text form: its header, a tally
 * section, and the patch list, the series without a reply, the pull
 * requests and the commit messages of the new patches.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "gmimeinit.h"
#include "link.h"
#include "postings.h"
#include "record.h"
#include "render.h"
#include "render-text.h"
#include "seen.h"
#include "tool.h"

static const char synopsis[] =
    "digest [-F format] [-L template | -N] [-d file] [-f label] [-l name]"
    "\n\t[-n top] [-P postings] [-p file] [-r file] [-s file] [-t label]"
    "\n\t[--mail-from addresses] [--mail-to addresses] [file ...]\n"
    "header [-f label] [-l name] [-t label] [file ...]\n"
    "tally [-d | -r] [-n top] [-T title] [file ...]\n"
    "patches [-L template | -N] [-p postings] [-s file] [file ...]";

enum { OPT_MAIL_FROM = 256, OPT_MAIL_TO };

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
	struct mld_render *r = mld_render_text();
	struct mld_digest_head head = { 0 };
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
	head.from = from != NULL ? from : "unknown";
	head.to = to != NULL ? to : "unknown";
	head.list = list;
	mld_digest_head(&head, r, stdout);
	mld_render_free(r);
	mld_postings_free(ps);
	return mld_finish("record");
}

/* Tally lines are plain text, not records: no field is escaped. */
static bool
read_tally(const struct mld_operand *op, void *t)
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
		    !mld_digest_tally_add(t, line)) {
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
	struct mld_render *r = mld_render_text();
	struct mld_digest_tally t;
	const char *title = NULL;
	bool domains = false, reviewers = false;
	uint64_t top = 15;
	int c;

	cli->opts = opts;
	while ((c = mld_getopt(cli)) != -1) {
		switch (c) {
		case 'd': domains = true; break;
		case 'n': top = mld_optnum(cli, "-n", 1, 1000000); break;
		case 'r': reviewers = true; break;
		case 'T': title = cli->optarg; break;
		}
	}
	if (domains && reviewers)
		mld_usage(cli);
	mld_digest_tally_init(&t, domains ? MLD_TALLY_DOMAINS : reviewers ?
	    MLD_TALLY_REVIEWERS : MLD_TALLY_PEOPLE, title, (unsigned)top);
	mld_each_operand(cli->argc, cli->argv, MLD_OPERAND_STREAM, read_tally,
	    &t);
	mld_digest_tally(&t, r, stdout);
	mld_digest_tally_clear(&t);
	mld_render_free(r);
	return mld_finish("line");
}

/* The options every command that prints entries takes. */
struct entry_opts {
	const char *seen;
	const char *link;	/* a template, or NULL: no links */
	const char *postings;	/* posting records (seriesinfo), or NULL */
};

/* Handles -L, -N and -s; false for another option. */
static bool
entry_opt(struct mld_cli *cli, int c, struct entry_opts *eo)
{
	switch (c) {
	case 'L': eo->link = cli->optarg; break;
	case 'N': eo->link = NULL; break;
	case 's': eo->seen = cli->optarg; break;
	default: return false;
	}
	return true;
}

/*
 * Reads the records, then renders the digest `whole` (header and
 * tallies first, the end last) or only its patch list and entries, and
 * updates the seen state.
 */
static int
print(struct mld_cli *cli, const struct entry_opts *eo, struct mld_render *r,
    struct mld_digest_head *head, struct mld_digest_tally *tallies,
    size_t ntallies)
{
	struct mld_postings *ps = mld_postings_new(false);
	struct mld_link link = { NULL };
	struct mld_seen seen;
	enum mld_digest_list l;
	size_t i;
	bool ok = true;

	if (eo->link != NULL && !mld_link_init(&link, eo->link))
		mld_badarg(cli, "-L", "no {msgid} in the template");
	mld_seen_init(&seen);
	/*
	 * Without its state a digest would report everything again: a state
	 * that cannot be read, or a file that is none, ends the run (it was
	 * reported) before a line of the digest is printed.
	 */
	if (eo->seen != NULL && !mld_seen_load(&seen, eo->seen)) {
		mld_seen_free(&seen);
		mld_link_free(&link);
		mld_postings_free(ps);
		return mld_finish("record");
	}
	/* The postings first: then only the entries they name are kept. */
	if (eo->postings != NULL)
		ok = read_postings(eo->postings, ps);
	ok = mld_each_operand(cli->argc, cli->argv, MLD_OPERAND_STREAM,
	    read_records, ps) && ok;
	if (head != NULL) {
		head->first = mld_postings_first_date(ps);
		head->last = mld_postings_last_date(ps);
		if (head->from == NULL)
			head->from = head->first != NULL ? head->first :
			    "unknown";
		if (head->to == NULL)
			head->to = head->last != NULL ? head->last : "unknown";
		mld_digest_head(head, r, stdout);
	}
	for (i = 0; i < ntallies; i++)
		mld_digest_tally(&tallies[i], r, stdout);
	for (l = MLD_LIST_PATCHES; l <= MLD_LIST_PULLS; l++)
		mld_digest_list(ps, l, &seen, eo->link != NULL ? &link : NULL,
		    r, stdout);
	mld_digest_messages(ps, &seen, eo->link != NULL ? &link : NULL, r,
	    stdout);
	if (head != NULL)
		mld_digest_end(r, stdout);
	/*
	 * The state changes only once the digest is out and the input was
	 * all read: a digest that was lost is sent again next time.
	 */
	if (eo->seen != NULL) {
		if (!ok || fflush(stdout) != 0 || ferror(stdout))
			mld_err("%s: not updated", eo->seen);
		else
			mld_seen_save(&seen);
	}
	mld_seen_free(&seen);
	mld_link_free(&link);
	mld_postings_free(ps);
	return mld_finish("record");
}

#define ENTRY_OPTS \
	{ "link", 'L', "template", "link entries to {msgid} in template" }, \
	{ "no-links", 'N', NULL, "no links" }, \
	{ "seen", 's', "file", "report as Exist what file holds; " \
	    "add what is printed" }

static int
cmd_patches(struct mld_cli *cli)
{
	static const struct mld_opt opts[] = {
		ENTRY_OPTS,
		{ "postings", 'p', "file", "the posting records of the "
		    "input (seriesinfo)" },
		{ NULL, 0, NULL, NULL },
	};
	struct entry_opts eo = { NULL, MLD_LINK_DEFAULT, NULL };
	struct mld_render *r = mld_render_text();
	int c, status;

	cli->opts = opts;
	while ((c = mld_getopt(cli)) != -1)
		if (!entry_opt(cli, c, &eo) && c == 'p')
			eo.postings = cli->optarg;
	status = print(cli, &eo, r, NULL, NULL, 0);
	mld_render_free(r);
	return status;
}

/* Reads the tally lines of path, if given, into a section of t. */
static void
tally_file(struct mld_digest_tally *t, size_t *n, enum mld_tally_kind kind,
    const char *path, unsigned top)
{
	/* The operand helper takes argv, which it does not change. */
	char *argv[] = { (char *)path };

	if (path == NULL)
		return;
	mld_digest_tally_init(&t[*n], kind, NULL, top);
	mld_each_operand(1, argv, MLD_OPERAND_STREAM, read_tally, &t[(*n)++]);
}

static int
cmd_digest(struct mld_cli *cli)
{
	static const struct mld_opt opts[] = {
		{ "domains", 'd', "file", "the domain tally (domtally -d)" },
		{ "format", 'F', "format",
		    "text, markdown, html, json or email (text)" },
		{ "from", 'f', "label", "start label (default: first date)" },
		{ "list", 'l', "name", "name of the list" },
		{ "top", 'n', "top", "the number the tally titles give (15)" },
		{ "postings", 'P', "file", "the posting records of the "
		    "input (seriesinfo)" },
		{ "people", 'p', "file", "the contributor tally (domtally)" },
		{ "reviewers", 'r', "file", "the reviewer tally "
		    "(seriesinfo -r | domtally)" },
		{ "to", 't', "label", "end label (default: last date)" },
		{ "mail-from", OPT_MAIL_FROM, "addresses",
		    "email: the From header" },
		{ "mail-to", OPT_MAIL_TO, "addresses", "email: the To header" },
		ENTRY_OPTS,
		{ NULL, 0, NULL, NULL },
	};
	struct entry_opts eo = { NULL, MLD_LINK_DEFAULT, NULL };
	struct mld_digest_head head = { 0 };
	struct mld_email_opts mail = { NULL, NULL };
	struct mld_digest_tally tallies[3];
	const char *domains = NULL, *people = NULL, *reviewers = NULL;
	enum mld_format format = MLD_FORMAT_TEXT;
	struct mld_render *r;
	size_t ntallies = 0;
	unsigned top = 15;
	int c, status;

	cli->opts = opts;
	while ((c = mld_getopt(cli)) != -1) {
		if (entry_opt(cli, c, &eo))
			continue;
		switch (c) {
		case 'd': domains = cli->optarg; break;
		case 'F':
			if (!mld_format_parse(cli->optarg, &format))
				mld_badarg(cli, "-F", "not a format");
			break;
		case 'f': head.from = cli->optarg; break;
		case 'l': head.list = cli->optarg; break;
		case 'n':
			top = (unsigned)mld_optnum(cli, "-n", 1, 1000000);
			break;
		case 'P': eo.postings = cli->optarg; break;
		case 'p': people = cli->optarg; break;
		case 'r': reviewers = cli->optarg; break;
		case 't': head.to = cli->optarg; break;
		case OPT_MAIL_FROM: mail.from = cli->optarg; break;
		case OPT_MAIL_TO: mail.to = cli->optarg; break;
		}
	}
	if (format == MLD_FORMAT_EMAIL && (mail.from == NULL ||
	    mail.to == NULL))
		mld_badarg(cli, "-F email", "needs --mail-from and --mail-to");
	tally_file(tallies, &ntallies, MLD_TALLY_DOMAINS, domains, top);
	tally_file(tallies, &ntallies, MLD_TALLY_PEOPLE, people, top);
	tally_file(tallies, &ntallies, MLD_TALLY_REVIEWERS, reviewers, top);
	r = mld_render_new(format, &mail);
	if (r == NULL)
		mld_badarg(cli, "--mail-from or --mail-to", "no address");
	status = print(cli, &eo, r, &head, tallies, ntallies);
	mld_render_free(r);
	while (ntallies > 0)
		mld_digest_tally_clear(&tallies[--ntallies]);
	return status;
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
		{ "digest", cmd_digest },
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
