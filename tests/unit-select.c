/*
 * Unit tests for message selection: ranges and dates as options give
 * them, and which messages of a small mbox each rule selects.
 */
#include <glib.h>
#include <string.h>

#include "gmimeinit.h"
#include "mbox.h"
#include "select.h"
#include "tool.h"

static void
test_parse_range(void)
{
	static const struct {
		const char *arg;
		uint64_t first, last;
		const char *why;	/* NULL: parses */
	} cases[] = {
		{ "5", 5, 5, NULL },
		{ "3-7", 3, 7, NULL },
		{ "3-", 3, UINT64_MAX, NULL },
		{ "-7", 1, 7, NULL },
		{ "4-4", 4, 4, NULL },
		{ "18446744073709551615", UINT64_MAX, UINT64_MAX, NULL },
		{ "-", 0, 0, "not a range" },
		{ "", 0, 0, "not a number" },
		{ "0", 0, 0, "less than 1" },
		{ "0-3", 0, 0, "less than 1" },
		{ "7-3", 0, 0, "an empty range" },
		{ "1-2-3", 0, 0, "not a number" },
		{ "x-3", 0, 0, "not a number" },
		{ "+3", 0, 0, "not a number" },
		{ "18446744073709551616", 0, 0,
		    "more than 18446744073709551615" },
		{ "2-18446744073709551616", 0, 0,
		    "more than 18446744073709551615" },
	};
	struct mld_select s;
	const char *why;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		mld_select_init(&s);
		s.first = 11;
		s.last = 22;
		why = NULL;
		if (cases[i].why == NULL) {
			g_assert_true(mld_select_parse_range(&s, cases[i].arg,
			    &why));
			g_assert_cmpuint(s.first, ==, cases[i].first);
			g_assert_cmpuint(s.last, ==, cases[i].last);
		} else {
			g_assert_false(mld_select_parse_range(&s, cases[i].arg,
			    &why));
			g_assert_cmpstr(why, ==, cases[i].why);
			/* A refused range leaves the selection as it was. */
			g_assert_cmpuint(s.first, ==, 11);
			g_assert_cmpuint(s.last, ==, 22);
		}
		mld_select_free(&s);
	}
}

static void
test_parse_date(void)
{
	static const struct {
		const char *arg;
		int64_t when;	/* -1: refused */
	} cases[] = {
		{ "2025-08-19", 1755561600 },
		{ "2025-08-19T12:00", 1755561600 + 43200 },
		{ "2025-08-19T12:00:00Z", 1755561600 + 43200 },
		{ "2025-08-19T12:00:00+02:00", 1755561600 + 36000 },
		{ "Tue, 19 Aug 2025 12:00:00 +0000", 1755561600 + 43200 },
		{ "19 Aug 2025 14:00:00 +0200", 1755561600 + 43200 },
		{ "2025-13-01", -1 },
		{ "2025-08-19x", -1 },
		{ "yesterday", -1 },
		{ "", -1 },
	};
	int64_t when;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		when = -1;
		if (cases[i].when < 0) {
			g_assert_false(mld_select_parse_date(cases[i].arg,
			    &when));
		} else {
			g_assert_true(mld_select_parse_date(cases[i].arg,
			    &when));
			g_assert_cmpint(when, ==, cases[i].when);
		}
	}
}

/*
 * Six messages: 1 and 2 are copies of one mail (same Message-ID, From,
 * Subject, Date and body, different lists); 3 has 2's Message-ID but
 * other content; 4 is undated; 5 is dated on the --until bound; 6 is a
 * copy of 2's content under another Message-ID.
 */
static const char mbox[] =
    "From a@x Mon Aug 18 10:00:00 2025\n"
    "From: Ada <ada@example.org>\nSubject: [PATCH] one\n"
    "Date: Mon, 18 Aug 2025 10:00:00 +0000\nMessage-ID: <1@x>\n"
    "List-Id: <kvm.example.org>\n\nbody one\n\n"
    "From a@x Mon Aug 18 10:00:00 2025\n"
    "From: Ada <ada@example.org>\nSubject: [PATCH] one\n"
    "Date: Mon, 18 Aug 2025 10:00:00 +0000\nMessage-ID: <1@x>\n"
    "List-Id: <lkml.example.org>\n\nbody one\n\n"
    "From b@x Tue Aug 19 10:00:00 2025\n"
    "From: =?UTF-8?Q?Bj=C3=B6rn?= <bjorn@example.org>\n"
    "Subject: Re: [PATCH] one\n"
    "Date: Tue, 19 Aug 2025 10:00:00 +0000\nMessage-ID: <1@x>\n\n"
    "a reply\n\n"
    "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
    "From: Nobody <n@example.org>\nSubject: undated\n"
    "Message-ID: <4@x>\n\nno date\n\n"
    "From c@x Wed Aug 20 00:00:00 2025\n"
    "From: Cy <cy@example.org>\nSubject: [PATCH] edge\n"
    "Date: Wed, 20 Aug 2025 00:00:00 +0000\nMessage-ID: <5@x>\n\nedge\n\n"
    "From a@x Mon Aug 18 10:00:00 2025\n"
    "From: Ada <ada@example.org>\nSubject: [PATCH] one\n"
    "Date: Mon, 18 Aug 2025 10:00:00 +0000\nMessage-ID: <6@x>\n"
    "List-Id: <other.example.org>\n\nbody one\n\n";

/* The numbers of the messages s selects, as "1 2 3 ". */
static char *
selected(struct mld_select *s)
{
	struct mld_mbox *mb = mld_mbox_open_mem(mbox, sizeof mbox - 1,
	    "test");
	GString *out = g_string_new(NULL);
	struct mld_msg m;
	uint64_t n = 0;

	while (mld_mbox_next(mb, &m) > 0) {
		n++;
		if (mld_select_message(s, n, &m))
			g_string_append_printf(out, "%llu ",
			    (unsigned long long)n);
		if (mld_select_past_range(s, n))
			break;
	}
	mld_mbox_close(mb);
	return g_string_free(out, FALSE);
}

static void
check(struct mld_select *s, const char *want)
{
	char *got = selected(s);

	g_assert_cmpstr(got, ==, want);
	g_free(got);
	mld_select_free(s);
}

static void
test_select(void)
{
	struct mld_select s;
	const char *why;
	GError *err = NULL;

	mld_select_init(&s);
	check(&s, "1 2 3 4 5 6 ");

	/* since <= date < until; the undated message is never selected. */
	mld_select_init(&s);
	g_assert_true(mld_select_parse_date("2025-08-19", &s.since));
	s.has_since = true;
	check(&s, "3 5 ");
	mld_select_init(&s);
	g_assert_true(mld_select_parse_date("2025-08-20", &s.until));
	s.has_until = true;
	check(&s, "1 2 3 6 ");

	mld_select_init(&s);
	g_assert_true(mld_select_parse_range(&s, "2-3", &why));
	check(&s, "2 3 ");
	mld_select_init(&s);
	g_assert_true(mld_select_parse_range(&s, "5", &why));
	g_assert_false(mld_select_past_range(&s, 4));
	g_assert_true(mld_select_past_range(&s, 5));
	check(&s, "5 ");

	/* Decoded values, case ignored, every match required. */
	mld_select_init(&s);
	g_assert_true(mld_select_add_match(&s, "from:bj\xc3\xb6rn", &err));
	check(&s, "3 ");
	mld_select_init(&s);
	g_assert_true(mld_select_add_match(&s, "subject:patch", &err));
	g_assert_true(mld_select_add_match(&s, "SUBJECT:^re:", &err));
	check(&s, "3 ");
	mld_select_init(&s);
	g_assert_true(mld_select_add_match(&s, "X-Missing:.", &err));
	check(&s, "");
	mld_select_init(&s);
	g_assert_false(mld_select_add_match(&s, "nocolon", &err));
	g_clear_error(&err);
	g_assert_false(mld_select_add_match(&s, ":x", &err));
	g_clear_error(&err);
	g_assert_false(mld_select_add_match(&s, "subject:(", &err));
	g_clear_error(&err);
	mld_select_free(&s);

	mld_select_init(&s);
	s.dedupe = MLD_DEDUPE_MSGID;
	check(&s, "1 4 5 6 ");
	mld_select_init(&s);
	s.dedupe = MLD_DEDUPE_CONTENT;
	check(&s, "1 3 4 5 ");

	/* A copy outside the selection does not hide one inside it. */
	mld_select_init(&s);
	s.dedupe = MLD_DEDUPE_MSGID;
	g_assert_true(mld_select_parse_range(&s, "2-", &why));
	check(&s, "2 4 5 6 ");
}

static void
test_dropped(void)
{
	struct mld_select s;
	char *got;

	mld_select_init(&s);
	s.dedupe = MLD_DEDUPE_MSGID;
	got = selected(&s);
	g_assert_cmpuint(s.dropped, ==, 2);
	g_free(got);
	mld_select_free(&s);
}

int
main(int argc, char **argv)
{
	mld_init("unit-select");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/select/parse-range", test_parse_range);
	g_test_add_func("/select/parse-date", test_parse_date);
	g_test_add_func("/select/select", test_select);
	g_test_add_func("/select/dropped", test_dropped);
	return g_test_run();
}
