/*
 * Unit tests for reading identities out of record fields: parsed
 * addresses (the spoof case), groups, duplicates, the no-domain bucket,
 * bots, organisations, and the memo against plain parsing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ident.h"
#include "tool.h"

static char *
written(struct mld_tally *t)
{
	const struct mld_tally_print all = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	g_assert_nonnull(f);
	mld_tally_write(t, f, &all);
	fclose(f);
	return buf;
}

/* The tally of fields (NULL-terminated) under cfg, as printed. */
static char *
tally_of(const struct mld_ident_cfg *cfg, const char *const *fields)
{
	struct mld_tally *t = mld_ident_tally_new(cfg);
	char *s;

	for (; *fields != NULL; fields++)
		mld_ident_count(cfg, t, *fields, 1);
	s = written(t);
	mld_tally_free(t);
	return s;
}

/*
 * patchinfo writes the decoded name of
 * "=?utf-8?q?evil=3Cspoof=40bank=2Eexample=3E?= <real@example.com>"
 * quoted; read back, it is one person at example.com.
 */
static void
test_spoof(void)
{
	struct mld_ident_cfg cfg = { .mode = MLD_IDENT_PEOPLE };
	struct mld_tally *t = mld_ident_tally_new(&cfg);
	static const char f[] = "\"evil<spoof@bank.example>\" <real@example.com>";
	char *s;

	g_assert_cmpint(mld_ident_count(&cfg, t, f, 1), ==, 1);
	g_assert_cmpuint(mld_tally_count(t, "real@example.com"), ==, 1);
	g_assert_cmpuint(mld_tally_count(t, "spoof@bank.example"), ==, 0);
	s = written(t);
	g_assert_cmpstr(s, ==, "      1 \"evil<spoof@bank.example>\" "
	    "<real@example.com>\n");
	free(s);
	mld_tally_free(t);
	cfg.mode = MLD_IDENT_DOMAIN;
	t = mld_ident_tally_new(&cfg);
	g_assert_cmpint(mld_ident_count(&cfg, t, f, 1), ==, 1);
	g_assert_cmpuint(mld_tally_count(t, "example.com"), ==, 1);
	g_assert_cmpuint(mld_tally_count(t, "bank.example"), ==, 0);
	g_assert_cmpuint(mld_tally_size(t), ==, 1);
	mld_tally_free(t);
}

static void
test_lists(void)
{
	static const char *const fields[] = {
		"Ann <ANN@Example.COM>, bob@example.com",
		"ann@example.com, \"Ann A.\" <ann@example.com>",
		"team: carol@sub.example.com, Dan <dan@example.org>;",
		"undisclosed-recipients:;",
		"",
		"localonly",
		NULL,
	};
	struct mld_ident_cfg cfg = { .mode = MLD_IDENT_PEOPLE };
	struct mld_tally *t = mld_ident_tally_new(&cfg);
	char *s;

	g_assert_cmpint(mld_ident_count(&cfg, t, fields[0], 1), ==, 2);
	/* The same person twice in one field counts once. */
	g_assert_cmpint(mld_ident_count(&cfg, t, fields[1], 1), ==, 1);
	g_assert_cmpint(mld_ident_count(&cfg, t, fields[2], 1), ==, 2);
	g_assert_cmpint(mld_ident_count(&cfg, t, fields[3], 1), ==, -1);
	g_assert_cmpint(mld_ident_count(&cfg, t, fields[4], 1), ==, -1);
	g_assert_cmpint(mld_ident_count(&cfg, t, fields[5], 1), ==, 1);
	mld_tally_free(t);
	s = tally_of(&cfg, fields);
	g_assert_cmpstr(s, ==,
	    "      2 Ann <ann@example.com>\n"
	    "      1 Dan <dan@example.org>\n"
	    "      1 bob@example.com\n"
	    "      1 carol@sub.example.com\n"
	    "      1 localonly\n");
	free(s);
	cfg.mode = MLD_IDENT_DOMAIN;
	s = tally_of(&cfg, fields);
	/* Two people of example.com in one record: one count. */
	g_assert_cmpstr(s, ==,
	    "      2 example.com\n"
	    "      1 " MLD_IDENT_NO_DOMAIN "\n"
	    "      1 example.org\n"
	    "      1 sub.example.com\n");
	free(s);
}

static void
test_bots(void)
{
	static const char *const fields[] = {
		"syzbot ci <syzbot+ci1234@syzkaller.appspotmail.com>",
		"kernel test robot <lkp@intel.com>",
		"Kernel Test Robot <oliver.sang@intel.com>",
		"patchwork-bot+netdevbpf@kernel.org",
		"tip-bot2 for Jane <tip-bot2@linutronix.de>",
		"Jane <jane@intel.com>",
		"Foo CI <ci@foo.example>",
		NULL,
	};
	struct mld_bots *bots = mld_bots_new();
	struct mld_ident_cfg cfg = { .mode = MLD_IDENT_DOMAIN };
	struct mld_tally *t;
	char *s;

	s = tally_of(&cfg, fields);
	g_assert_cmpstr(s, ==, "      3 intel.com\n      1 foo.example\n"
	    "      1 kernel.org\n      1 linutronix.de\n"
	    "      1 syzkaller.appspotmail.com\n");
	free(s);
	cfg.bots = bots;
	s = tally_of(&cfg, fields);
	g_assert_cmpstr(s, ==, "      1 foo.example\n      1 intel.com\n");
	free(s);
	mld_bots_add(bots, "* ci");
	s = tally_of(&cfg, fields);
	g_assert_cmpstr(s, ==, "      1 intel.com\n");
	free(s);
	/* A record of bots only is not a bad record: it counts nothing. */
	t = mld_ident_tally_new(&cfg);
	g_assert_cmpint(mld_ident_count(&cfg, t, fields[1], 1), ==, 0);
	mld_tally_free(t);
	mld_bots_free(bots);
}

static void
test_orgs_and_mailmap(void)
{
	static const char *const fields[] = {
		"A <a@linux.intel.com>",
		"B <b@intel.com>",
		"C <c@example.net>",
		"Maciej <mail@maciej.example>",
		"x",
		NULL,
	};
	struct mld_orgmap *om = mld_orgmap_new();
	struct mld_mailmap *mm = mld_mailmap_new();
	struct mld_ident_cfg cfg = { .mode = MLD_IDENT_ORG, .orgmap = om };
	char *s;

	mld_orgmap_add_line(om, "intel.com Intel");
	mld_orgmap_add_line(om, "oracle.com Oracle");
	s = tally_of(&cfg, fields);
	g_assert_cmpstr(s, ==,
	    "      2 Intel\n"
	    "      1 " MLD_IDENT_NO_DOMAIN "\n"
	    "      1 example.net\n"
	    "      1 maciej.example\n");
	free(s);
	mld_mailmap_add_line(mm, "Maciej S. Szmigiero "
	    "<maciej.szmigiero@oracle.com> <mail@maciej.example>");
	cfg.mailmap = mm;
	s = tally_of(&cfg, fields);
	g_assert_cmpstr(s, ==,
	    "      2 Intel\n"
	    "      1 " MLD_IDENT_NO_DOMAIN "\n"
	    "      1 Oracle\n"
	    "      1 example.net\n");
	free(s);
	cfg.mode = MLD_IDENT_PEOPLE;
	s = tally_of(&cfg, fields + 3);
	g_assert_cmpstr(s, ==, "      1 \"Maciej S. Szmigiero\" "
	    "<maciej.szmigiero@oracle.com>\n      1 x\n");
	free(s);
	mld_mailmap_free(mm);
	mld_orgmap_free(om);
}

/*
 * The memo gives what parsing every field gives: on fields that repeat,
 * past its bound (it starts afresh), and on fields that do not (it stops).
 */
static void
memo_run(unsigned calls, unsigned repeat, bool want_off)
{
	struct mld_ident_cfg plain = { .mode = MLD_IDENT_PEOPLE };
	struct mld_ident_cfg memo = plain;
	struct mld_tally *a = mld_ident_tally_new(&plain);
	struct mld_tally *b = mld_ident_tally_new(&memo);
	char *sa, *sb, field[64];
	unsigned i, k;

	memo.memo = mld_ident_memo_new();
	for (i = 0; i < calls; i++) {
		k = i / repeat;
		snprintf(field, sizeof field, "P%u <p%u@d%u.example>", k % 7, k,
		    k % 13);
		g_assert_cmpint(mld_ident_count(&plain, a, field, 1), ==,
		    mld_ident_count(&memo, b, field, 1));
	}
	g_assert_cmpint(mld_ident_count(&memo, b, "", 1), ==, -1);
	g_assert_cmpint(mld_ident_count(&memo, b, "", 1), ==, -1);
	g_assert_cmpuint(g_hash_table_size(memo.memo->fields), <=,
	    MLD_IDENT_MEMO_MAX);
	g_assert_true(memo.memo->off == want_off);
	sa = written(a);
	sb = written(b);
	g_assert_cmpstr(sa, ==, sb);
	free(sa);
	free(sb);
	mld_tally_free(a);
	mld_tally_free(b);
	mld_ident_memo_free(memo.memo);
}

static void
test_memo(void)
{
	memo_run(2 * (MLD_IDENT_MEMO_MAX + 5000), 2, false);
	memo_run(MLD_IDENT_MEMO_MAX + 5000, 1, true);
}

int
main(int argc, char **argv)
{
	mld_init("unit-ident");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ident/spoof", test_spoof);
	g_test_add_func("/ident/lists", test_lists);
	g_test_add_func("/ident/bots", test_bots);
	g_test_add_func("/ident/orgs-and-mailmap", test_orgs_and_mailmap);
	g_test_add_func("/ident/memo", test_memo);
	return g_test_run();
}
