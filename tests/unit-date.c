/*
 * Unit tests for date.c: RFC 5322 dates to ISO 8601 UTC, and the order
 * of trust among Date, the From_ line and Received.
 */
#include <string.h>
#include <glib.h>

#include "date.h"
#include "gmimeinit.h"
#include "tool.h"

static char *
iso(const char *raw)
{
	int64_t t;
	char buf[32];

	if (!mld_date_parse(raw, &t))
		return g_strdup("none");
	mld_date_iso(t, buf);
	return g_strdup(buf);
}

static void
test_parse(void)
{
	static const char *const cases[][2] = {
		{ "Tue, 19 Aug 2025 12:17:24 +0000", "2025-08-19T12:17:24Z" },
		{ "Tue, 19 Aug 2025 14:17:24 +0200", "2025-08-19T12:17:24Z" },
		{ "19 Aug 2025 05:17:24 -0700 (PDT)", "2025-08-19T12:17:24Z" },
		{ "not a date", "none" },
	};
	size_t i;
	char *s;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		s = iso(cases[i][0]);
		g_assert_cmpstr(s, ==, cases[i][1]);
		g_free(s);
	}
}

static void
test_pick(void)
{
	static const char from[] = "From x@y Tue Aug 19 10:00:00 2025";
	static const char lore[] = "From mboxrd@z Thu Jan  1 00:00:00 1970";
	static const char rcvd[] = "from a by b; Wed, 20 Aug 2025 10:00:00 +0000";
	char buf[32];
	int64_t t;

	g_assert_true(mld_date_pick("Mon, 18 Aug 2025 10:00:00 +0000", rcvd,
	    from, strlen(from), &t));
	mld_date_iso(t, buf);
	g_assert_cmpstr(buf, ==, "2025-08-18T10:00:00Z");
	g_assert_true(mld_date_pick("garbage", rcvd, from, strlen(from), &t));
	mld_date_iso(t, buf);
	g_assert_cmpstr(buf, ==, "2025-08-19T10:00:00Z");
	/* The 1970 placeholder of lore and git is no date. */
	g_assert_true(mld_date_pick(NULL, rcvd, lore, strlen(lore), &t));
	mld_date_iso(t, buf);
	g_assert_cmpstr(buf, ==, "2025-08-20T10:00:00Z");
	g_assert_false(mld_date_pick(NULL, NULL, lore, strlen(lore), &t));
}

static void
test_message(void)
{
	static const char hdr[] = "Received: from a by b; "
	    "Wed, 20 Aug 2025 10:00:00 +0000\nSubject: s\n\nDate: body\n";
	char buf[32];
	int64_t t;

	g_assert_true(mld_message_date(hdr, strlen(hdr), NULL, 0, &t));
	mld_date_iso(t, buf);
	g_assert_cmpstr(buf, ==, "2025-08-20T10:00:00Z");
}

int
main(int argc, char **argv)
{
	mld_init("unit-date");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/date/parse", test_parse);
	g_test_add_func("/date/pick", test_pick);
	g_test_add_func("/date/message", test_message);
	return g_test_run();
}
