/* Unit tests for the mailmap: git's four forms and its matching rules. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib.h>

#include "mailmap.h"
#include "tool.h"

/* Maps (name, email) and checks the result "name|email". */
static void
map_is(const struct mld_mailmap *m, const char *name, const char *email,
    const char *want)
{
	const char *n = name, *e = email;
	char *got;

	mld_mailmap_map(m, &n, &e);
	got = g_strdup_printf("%s|%s", n, e);
	g_assert_cmpstr(got, ==, want);
	g_free(got);
}

static struct mld_mailmap *
map_of(const char *text)
{
	struct mld_mailmap *m = mld_mailmap_new();
	char **lines = g_strsplit(text, "\n", -1), **l;

	for (l = lines; *l != NULL; l++)
		mld_mailmap_add_line(m, *l);
	g_strfreev(lines);
	return m;
}

/* Proper Name <commit@email> */
static void
test_form1(void)
{
	struct mld_mailmap *m = map_of("Jane Doe <jane@old.example>");

	map_is(m, "jdoe", "jane@old.example", "Jane Doe|jane@old.example");
	map_is(m, "", "JANE@Old.Example", "Jane Doe|JANE@Old.Example");
	map_is(m, "jdoe", "jane@new.example", "jdoe|jane@new.example");
	mld_mailmap_free(m);
}

/* <proper@email> <commit@email> */
static void
test_form2(void)
{
	struct mld_mailmap *m = map_of("<jane@new.example> <jane@old.example>");

	map_is(m, "J. Doe", "jane@old.example", "J. Doe|jane@new.example");
	map_is(m, "", "Jane@OLD.example", "|jane@new.example");
	mld_mailmap_free(m);
}

/* Proper Name <proper@email> <commit@email> */
static void
test_form3(void)
{
	struct mld_mailmap *m = map_of(
	    "Jane Doe <jane@new.example> <jane@old.example>");

	map_is(m, "whoever", "jane@old.example", "Jane Doe|jane@new.example");
	mld_mailmap_free(m);
}

/* Proper Name <proper@email> Commit Name <commit@email> */
static void
test_form4(void)
{
	struct mld_mailmap *m = map_of(
	    "Jane Doe <jane@new.example> Jane <shared@old.example>\n"
	    "John Roe <john@new.example> john <shared@old.example>");

	map_is(m, "Jane", "shared@old.example", "Jane Doe|jane@new.example");
	/* The commit name compares without ASCII case, as in git. */
	map_is(m, "JOHN", "SHARED@old.example", "John Roe|john@new.example");
	/* No entry for this name, and no name-less entry: unchanged. */
	map_is(m, "Jim", "shared@old.example", "Jim|shared@old.example");
	mld_mailmap_free(m);
}

/*
 * A name-specific entry wins over a name-less one for the same address;
 * name-less lines add up; later lines override; comments are skipped.
 */
static void
test_rules(void)
{
	struct mld_mailmap *m = map_of(
	    "# a comment <not@an.entry>\n"
	    "\n"
	    "Old Name <ci@example.org>\n"
	    "Common Name <ci@example.org>  # trailing comment\n"
	    "<canonical@example.org> <ci@example.org>\n"
	    "Special <special@example.org> Robot <ci@example.org>\n"
	    "no address here\n"
	    "Broken <unclosed@example.org\n"
	    "Empty <> <x@example.org>");

	map_is(m, "someone", "ci@example.org",
	    "Common Name|canonical@example.org");
	map_is(m, "robot", "ci@example.org", "Special|special@example.org");
	map_is(m, "a", "not@an.entry", "a|not@an.entry");
	map_is(m, "a", "unclosed@example.org", "a|unclosed@example.org");
	map_is(m, "a", "x@example.org", "a|x@example.org");
	mld_mailmap_free(m);
}

static void
test_load(void)
{
	char path[] = "/tmp/mld-mailmap-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct mld_mailmap *m = mld_mailmap_new();

	g_assert_nonnull(f);
	fputs("A B <ab@new.example> <ab@old.example>\r\n"
	    "C D <cd@example.org>", f);
	fclose(f);
	g_assert_true(mld_mailmap_load(m, path));
	map_is(m, "", "ab@old.example", "A B|ab@new.example");
	map_is(m, "x", "cd@example.org", "C D|cd@example.org");
	unlink(path);
	g_assert_false(mld_mailmap_load(m, path));
	mld_mailmap_free(m);
}

int
main(int argc, char **argv)
{
	mld_init("unit-mailmap");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/mailmap/form1", test_form1);
	g_test_add_func("/mailmap/form2", test_form2);
	g_test_add_func("/mailmap/form3", test_form3);
	g_test_add_func("/mailmap/form4", test_form4);
	g_test_add_func("/mailmap/rules", test_rules);
	g_test_add_func("/mailmap/load", test_load);
	return g_test_run();
}
