/* Unit tests for the tally: ordering, ties, variants, printing, merge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "tally.h"
#include "tool.h"

/* The printed tally as a string. */
static char *
written(struct mld_tally *t, const struct mld_tally_print *how)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	g_assert_nonnull(f);
	mld_tally_write(t, f, how);
	fclose(f);
	return buf;
}

static char *
named(const char *key, const char *variant)
{
	return *variant != '\0' ? g_strdup_printf("%s <%s>", variant, key) :
	    g_strdup(key);
}

/* Count descending, then label ascending in byte order ('Z' < 'a'). */
static void
test_order(void)
{
	static const char *const keys[] = { "b.org", "a.org", "Z.org",
	    "c.org", "a.org", "c.org", "b.org", "c.org", "_x", NULL };
	const struct mld_tally_print all = { 0 };
	struct mld_tally *t = mld_tally_new(NULL);
	const char *const *k;
	char *s;

	for (k = keys; *k != NULL; k++)
		mld_tally_add(t, *k, NULL, 1);
	s = written(t, &all);
	g_assert_cmpstr(s, ==,
	    "      3 c.org\n"
	    "      2 a.org\n"
	    "      2 b.org\n"
	    "      1 Z.org\n"
	    "      1 _x\n");
	g_assert_cmpuint(mld_tally_size(t), ==, 5);
	g_assert_cmpuint(mld_tally_total(t), ==, 9);
	g_assert_cmpuint(mld_tally_count(t, "b.org"), ==, 2);
	g_assert_cmpuint(mld_tally_count(t, "none"), ==, 0);
	free(s);
	mld_tally_free(t);
}

/* The same keys added in any order print the same bytes. */
static void
test_order_independent(void)
{
	static const char *const keys[] = { "x", "y", "z", "y", "x", "w" };
	static const char *const names[] = { "B", "A", "", "C", "A", "" };
	const struct mld_tally_print all = { 0 };
	char *first = NULL, *s;
	int perm, i;

	for (perm = 0; perm < 6; perm++) {
		struct mld_tally *t = mld_tally_new(named);

		for (i = 0; i < 6; i++) {
			int j = (i + perm) % 6;

			if (perm % 2)
				j = 5 - j;
			mld_tally_add(t, keys[j], names[j], 1);
		}
		s = written(t, &all);
		if (first == NULL)
			first = s;
		else {
			g_assert_cmpstr(s, ==, first);
			free(s);
		}
		mld_tally_free(t);
	}
	g_assert_cmpstr(first, ==,
	    "      2 A <x>\n"
	    "      2 A <y>\n"
	    "      1 w\n"
	    "      1 z\n");
	free(first);
}

/*
 * The name shown is the one used most; among equals the first in byte
 * order; a name always beats no name.
 */
static void
test_variant(void)
{
	struct mld_tally *t = mld_tally_new(named);

	mld_tally_add(t, "a@x", "Ann", 1);
	mld_tally_add(t, "a@x", "Anne", 2);
	mld_tally_add(t, "a@x", "Ann", 1);
	g_assert_cmpstr(mld_tally_variant(t, "a@x"), ==, "Ann");
	mld_tally_add(t, "a@x", "Anne", 1);
	g_assert_cmpstr(mld_tally_variant(t, "a@x"), ==, "Anne");
	mld_tally_add(t, "b@x", "", 5);
	mld_tally_add(t, "b@x", "Bob", 1);
	g_assert_cmpstr(mld_tally_variant(t, "b@x"), ==, "Bob");
	mld_tally_add(t, "c@x", "", 1);
	g_assert_cmpstr(mld_tally_variant(t, "c@x"), ==, "");
	mld_tally_add(t, "d@x", NULL, 1);
	g_assert_null(mld_tally_variant(t, "d@x"));
	g_assert_null(mld_tally_variant(t, "e@x"));
	mld_tally_free(t);
}

static void
test_cuts(void)
{
	struct mld_tally_print how = { 0 };
	struct mld_tally *t = mld_tally_new(NULL);
	char *s;

	mld_tally_add(t, "a", NULL, 5);
	mld_tally_add(t, "b", NULL, 3);
	mld_tally_add(t, "c", NULL, 1);
	mld_tally_add(t, "d", NULL, 1);
	how.top = 2;
	s = written(t, &how);
	g_assert_cmpstr(s, ==, "      5 a\n      3 b\n");
	free(s);
	how.top = 0;
	how.min = 3;
	s = written(t, &how);
	g_assert_cmpstr(s, ==, "      5 a\n      3 b\n");
	free(s);
	how.min = 0;
	how.top = 3;
	how.percent = true;
	s = written(t, &how);
	g_assert_cmpstr(s, ==,
	    "      5  50.0% a\n"
	    "      3  30.0% b\n"
	    "      1  10.0% c\n");
	free(s);
	mld_tally_free(t);
	t = mld_tally_new(NULL);
	mld_tally_add(t, "all", NULL, 2000);
	mld_tally_add(t, "one", NULL, 1);
	how.top = 0;
	s = written(t, &how);
	g_assert_cmpstr(s, ==, "   2000 100.0% all\n      1   0.0% one\n");
	free(s);
	mld_tally_free(t);
}

/* Wide counts keep one space before the label; counts saturate. */
static void
test_wide(void)
{
	const struct mld_tally_print all = { 0 };
	struct mld_tally *t = mld_tally_new(NULL);
	char *s;

	mld_tally_add(t, "big", NULL, 123456789);
	mld_tally_add(t, "max", NULL, UINT64_MAX);
	mld_tally_add(t, "max", NULL, 7);
	s = written(t, &all);
	g_assert_cmpstr(s, ==, "18446744073709551615 max\n123456789 big\n");
	free(s);
	mld_tally_free(t);
}

static void
test_parse_line(void)
{
	uint64_t c;
	const char *l;

	g_assert_true(mld_tally_parse_line("      7 intel.com", &c, &l));
	g_assert_cmpuint(c, ==, 7);
	g_assert_cmpstr(l, ==, "intel.com");
	g_assert_true(mld_tally_parse_line("12  \"A B\" <a@b>", &c, &l));
	g_assert_cmpuint(c, ==, 12);
	g_assert_cmpstr(l, ==, "\"A B\" <a@b>");
	g_assert_true(mld_tally_parse_line("\t3\tx y", &c, &l));
	g_assert_cmpstr(l, ==, "x y");
	g_assert_false(mld_tally_parse_line("", &c, &l));
	g_assert_false(mld_tally_parse_line("      7", &c, &l));
	g_assert_false(mld_tally_parse_line("      7 ", &c, &l));
	g_assert_false(mld_tally_parse_line("x 7 a", &c, &l));
	g_assert_false(mld_tally_parse_line("-7 a", &c, &l));
	g_assert_false(mld_tally_parse_line("7a b", &c, &l));
	g_assert_false(mld_tally_parse_line("99999999999999999999 a", &c,
	    &l));
}

/* Printed rows read back and summed give the tally of the whole. */
static void
test_merge(void)
{
	static const char *const keys[] = { "a", "b", "a", "c", "d", "a",
	    "c", "b", "e", "a", NULL };
	const struct mld_tally_print all = { 0 };
	struct mld_tally *whole = mld_tally_new(NULL), *part[2], *sum;
	char *want, *got, *p, *nl;
	GString *cat = g_string_new(NULL);
	uint64_t c;
	const char *l;
	int i;

	part[0] = mld_tally_new(NULL);
	part[1] = mld_tally_new(NULL);
	for (i = 0; keys[i] != NULL; i++) {
		mld_tally_add(whole, keys[i], NULL, 1);
		mld_tally_add(part[i % 2], keys[i], NULL, 1);
	}
	for (i = 0; i < 2; i++) {
		got = written(part[i], &all);
		g_string_append(cat, got);
		free(got);
		mld_tally_free(part[i]);
	}
	sum = mld_tally_new(NULL);
	for (p = cat->str; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		*nl = '\0';
		g_assert_true(mld_tally_parse_line(p, &c, &l));
		mld_tally_add(sum, l, NULL, c);
	}
	want = written(whole, &all);
	got = written(sum, &all);
	g_assert_cmpstr(got, ==, want);
	g_assert_cmpstr(got, ==, "      4 a\n      2 b\n      2 c\n"
	    "      1 d\n      1 e\n");
	free(want);
	free(got);
	g_string_free(cat, TRUE);
	mld_tally_free(sum);
	mld_tally_free(whole);
}

/* With variants, a key prints one row per name, each with its count. */
static void
test_variant_rows(void)
{
	struct mld_tally_print how = { .variants = true };
	struct mld_tally *t = mld_tally_new(named);
	char *s;

	mld_tally_add(t, "a@x", "Ann", 2);
	mld_tally_add(t, "a@x", "", 1);
	mld_tally_add(t, "a@x", "Anne", 3);
	mld_tally_add(t, "b@x", "Bob", 2);
	s = written(t, &how);
	g_assert_cmpstr(s, ==,
	    "      3 Anne <a@x>\n"
	    "      2 Ann <a@x>\n"
	    "      2 Bob <b@x>\n"
	    "      1 a@x\n");
	free(s);
	how.variants = false;
	s = written(t, &how);
	g_assert_cmpstr(s, ==, "      6 Anne <a@x>\n      2 Bob <b@x>\n");
	free(s);
	mld_tally_free(t);
}

int
main(int argc, char **argv)
{
	mld_init("unit-tally");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/tally/order", test_order);
	g_test_add_func("/tally/order-independent", test_order_independent);
	g_test_add_func("/tally/variant", test_variant);
	g_test_add_func("/tally/variant-rows", test_variant_rows);
	g_test_add_func("/tally/cuts", test_cuts);
	g_test_add_func("/tally/wide", test_wide);
	g_test_add_func("/tally/parse-line", test_parse_line);
	g_test_add_func("/tally/merge", test_merge);
	return g_test_run();
}
