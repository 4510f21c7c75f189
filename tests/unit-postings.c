/*
 * Unit tests for the postings a digest renders: which patch is a
 * posting's first, which cover is kept, what is missing, the order, and
 * records read by column name.  The grouping itself is the series
 * module's (tests/0450-seriesinfo.t).
 */
#include <string.h>

#include "postings.h"

static struct mld_entry
mk(const char *date, const char *msgid, const char *parent, unsigned n,
    unsigned total, const char *subject)
{
	return (struct mld_entry){
		.date = (char *)date, .msgid = (char *)msgid,
		.parent = (char *)parent, .subject = (char *)subject,
		.title = (char *)subject, .author = "A <a@example.org>",
		.body = "", .version = 1, .n = n, .total = total,
	};
}

static void
add(struct mld_postings *ps, struct mld_entry e)
{
	mld_postings_add(ps, &e);
}

/* The subject of a part of posting i, or "-" when it has none. */
static char *
part(struct mld_postings *ps, size_t i, enum mld_part which)
{
	struct mld_entry e;
	char *s;

	if (!mld_postings_get(ps, i, which, &e))
		return g_strdup("-");
	s = g_strdup(e.subject);
	mld_entry_clear(&e);
	return s;
}

static void
assert_part(struct mld_postings *ps, size_t i, enum mld_part which,
    const char *want)
{
	char *got = part(ps, i, which);

	g_assert_cmpstr(got, ==, want);
	g_free(got);
}

/* The lowest number is the first patch, the oldest of equal numbers;
 * a copy of the cover (one Message-ID) keeps the oldest. */
static void
test_first_patch(void)
{
	struct mld_postings *ps = mld_postings_new(false);
	const struct mld_posting *p;

	add(ps, mk("2026-01-01T00:00:03Z", "p3", "c", 3, 3, "three"));
	add(ps, mk("2026-01-01T00:00:02Z", "p2", "c", 2, 3, "two"));
	add(ps, mk("2026-01-01T00:00:05Z", "p2b", "c", 2, 3, "two again"));
	add(ps, mk("2026-01-01T00:00:01Z", "p2c", "c", 2, 3, "two older"));
	add(ps, mk("2026-01-01T00:00:09Z", "c", "", 0, 3, "cover copy"));
	add(ps, mk("2026-01-01T00:00:00Z", "c", "", 0, 3, "cover"));
	g_assert_cmpuint(mld_postings_sort(ps), ==, 1);
	assert_part(ps, 0, MLD_PART_PATCH, "two older");
	assert_part(ps, 0, MLD_PART_COVER, "cover");
	p = mld_postings_posting(ps, 0);
	g_assert_cmpuint(p->present, ==, 2);
	g_assert_cmpstr(p->missing, ==, "1");
	mld_postings_free(ps);
}

/* Newest first by the date of the first patch or cover, then by key;
 * a message without a Message-ID is no posting. */
static void
test_order(void)
{
	struct mld_postings *ps = mld_postings_new(false);

	add(ps, mk("2026-01-02T00:00:00Z", "a", "", 1, 1, "a"));
	add(ps, mk("2026-01-03T00:00:00Z", "", "", 1, 1, "no id"));
	add(ps, mk("2026-01-02T00:00:00Z", "b", "", 1, 1, "b"));
	add(ps, mk("", "u", "", 1, 1, "undated"));
	add(ps, mk("2026-01-02T00:00:00Z", "c", "d", 2, 2, "c"));
	add(ps, mk("2026-01-01T00:00:00Z", "d", "", 1, 2, "d"));
	g_assert_cmpuint(mld_postings_sort(ps), ==, 4);
	assert_part(ps, 0, MLD_PART_PATCH, "b");
	assert_part(ps, 1, MLD_PART_PATCH, "a");
	/* Posting d is as old as its first patch, d. */
	assert_part(ps, 2, MLD_PART_PATCH, "d");
	assert_part(ps, 2, MLD_PART_COVER, "-");
	g_assert_cmpuint(mld_postings_posting(ps, 2)->present, ==, 2);
	assert_part(ps, 3, MLD_PART_PATCH, "undated");
	g_assert_cmpstr(mld_postings_first_date(ps), ==,
	    "2026-01-01T00:00:00Z");
	g_assert_cmpstr(mld_postings_last_date(ps), ==,
	    "2026-01-03T00:00:00Z");
	mld_postings_free(ps);
}

/* Records read by column name; the period is that of patches and
 * covers; short records skipped. */
static void
test_read(void)
{
	static const char text[] =
	    "#kind\tn\tdate\tmsgid\tparent\tversion\ttotal\tauthor\tsubject"
	    "\ttitle\tbody\n"
	    "patch\t2\t2026-01-01T00:00:00Z\tm2\tc\t1\t2\tA\tsecond\tt\tb\n"
	    "reply\t1\t2026-01-09T00:00:00Z\tr\tm2\t1\t2\tB\tre\tt\tb\n"
	    "cover\t7\t2026-01-01T00:00:00Z\tc\t\t1\t2\tA\tcover\tt\tb\n"
	    "patch\tshort\n";
	FILE *f = fmemopen((void *)text, sizeof text - 1, "r");
	struct mld_postings *ps = mld_postings_new(false);
	struct mld_recin in;
	struct mld_entry e;

	g_assert_nonnull(f);
	mld_recin_init(&in, f, "test");
	g_assert_true(mld_postings_read(ps, &in));
	mld_recin_close(&in);
	g_assert_cmpuint(mld_postings_sort(ps), ==, 1);
	g_assert_true(mld_postings_get(ps, 0, MLD_PART_COVER, &e));
	/* A cover is number 0 whatever its n column says. */
	g_assert_cmpuint(e.n, ==, 0);
	g_assert_cmpstr(e.subject, ==, "cover");
	mld_entry_clear(&e);
	g_assert_cmpuint(mld_postings_posting(ps, 0)->present, ==, 1);
	g_assert_cmpuint(mld_postings_posting(ps, 0)->replies, ==, 1);
	g_assert_cmpstr(mld_postings_last_date(ps), ==,
	    "2026-01-01T00:00:00Z");
	mld_postings_free(ps);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/postings/first-patch", test_first_patch);
	g_test_add_func("/postings/order", test_order);
	g_test_add_func("/postings/read", test_read);
	return g_test_run();
}
