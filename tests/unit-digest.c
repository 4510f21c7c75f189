/* Unit tests for the digest text: New / Exist / Skip, order, patch list. */
#include <string.h>

#include "digest.h"
#include "gmimeinit.h"
#include "render.h"
#include "render-text.h"
#include "seen.h"

#define RULE "----------------------------------------------------------------------"

static struct mld_entry
mk(const char *date, const char *msgid, const char *parent, unsigned v,
    unsigned n, unsigned total, const char *subject, const char *title)
{
	return (struct mld_entry){
		.date = (char *)date, .msgid = (char *)msgid,
		.parent = (char *)parent, .subject = (char *)subject,
		.title = (char *)title, .author = "A U Thor <a@example.org>",
		.body = "Body.\n\n", .version = v, .n = n, .total = total,
	};
}

/* The messages section of d, with a fresh or a given seen set. */
static char *
messages(struct mld_postings *d, struct mld_seen *seen)
{
	struct mld_seen own;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct mld_render *r = mld_render_text();

	g_assert_nonnull(out);
	if (seen == NULL) {
		mld_seen_init(&own);
		mld_digest_messages(d, &own, NULL, r, out);
		mld_seen_free(&own);
	} else {
		mld_digest_messages(d, seen, NULL, r, out);
	}
	g_assert_cmpint(fclose(out), ==, 0);
	mld_render_free(r);
	return text;
}

/* The patch list of d (free it). */
static char *
list(struct mld_postings *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct mld_render *r = mld_render_text();

	g_assert_nonnull(out);
	mld_digest_list(d, MLD_LIST_PATCHES, NULL, NULL, r, out);
	g_assert_cmpint(fclose(out), ==, 0);
	mld_render_free(r);
	return text;
}

static void
add(struct mld_postings *d, struct mld_entry p)
{
	mld_postings_add(d, &p);
}

/* First patch, then its cover; a cover repeating the title is a Skip. */
static void
test_first_then_cover(void)
{
	struct mld_postings *d = mld_postings_new(false);
	char *s;

	add(d, mk("2026-01-01T00:00:00Z", "c", "", 1, 0, 2,
	    "[PATCH 0/2] Add a thing", "Add a thing"));
	add(d, mk("2026-01-01T00:00:02Z", "p2", "c", 1, 2, 2,
	    "[PATCH 2/2] KVM: Second", "KVM: Second"));
	add(d, mk("2026-01-01T00:00:01Z", "p1", "c", 1, 1, 2,
	    "[PATCH 1/2] LoongArch: KVM: Add a thing",
	    "LoongArch: KVM: Add a thing"));
	s = messages(d, NULL);
	g_assert_cmpstr(s, ==, "===== Patch Commit Messages ====\n\n"
	    "New: LoongArch: KVM: Add a thing\n"
	    "[PATCH 1/2] LoongArch: KVM: Add a thing\n"
	    "Author: A U Thor <a@example.org>\n\nBody.\n\n" RULE "\n\n"
	    "Skip: [PATCH 0/2] Add a thing\n");
	g_free(s);
	mld_postings_free(d);
}

/*
 * The versions of one series are printed once: the newest in full, the
 * older ones as a line each, newest first.
 */
static void
test_versions(void)
{
	struct mld_postings *d = mld_postings_new(false);
	char *s;

	add(d, mk("2026-01-01T00:00:00Z", "a1", "", 1, 1, 1,
	    "[PATCH] x: Fix y", "x: Fix y"));
	add(d, mk("2026-01-02T00:00:00Z", "a2", "", 1, 1, 1,
	    "[PATCH RESEND] x: Fix  Y", "x: Fix  Y"));
	add(d, mk("2026-01-03T00:00:00Z", "a3", "", 2, 1, 1,
	    "[PATCH v2] x: Fix y", "x: Fix y"));
	s = messages(d, NULL);
	g_assert_cmpstr(s, ==, "===== Patch Commit Messages ====\n\n"
	    "New: x: Fix y\n[PATCH v2] x: Fix y\n"
	    "Author: A U Thor <a@example.org>\n\nBody.\n\n" RULE "\n\n"
	    "Superseded: [PATCH RESEND] x: Fix  Y\n"
	    "Superseded: [PATCH] x: Fix y\n");
	g_free(s);
	mld_postings_free(d);
}

/* A resend is an Exist after the original's New, whatever the order. */
static void
test_resend(void)
{
	struct mld_postings *d = mld_postings_new(false);
	char *s;

	add(d, mk("2026-01-02T00:00:00Z", "a2", "", 1, 1, 1,
	    "[PATCH RESEND] x: Fix y", "x: Fix y"));
	add(d, mk("2026-01-01T00:00:00Z", "a1", "", 1, 1, 1,
	    "[PATCH] x: Fix y", "x: Fix y"));
	s = messages(d, NULL);
	g_assert_cmpstr(s, ==, "===== Patch Commit Messages ====\n\n"
	    "New: x: Fix y\n[PATCH] x: Fix y\n"
	    "Author: A U Thor <a@example.org>\n\nBody.\n\n" RULE "\n\n"
	    "Exist: [PATCH RESEND] x: Fix y\n");
	g_free(s);
	mld_postings_free(d);
}

/* What an earlier digest reported is an Exist; the set then grows. */
static void
test_seen(void)
{
	struct mld_postings *d = mld_postings_new(false);
	struct mld_seen seen;
	struct mld_entry old = mk("", "old", "", 3, 1, 1, "", "Old title");
	char *k, *s;

	mld_seen_init(&seen);
	k = mld_digest_key_title(&old);
	mld_seen_add(&seen, k);
	g_free(k);
	add(d, mk("2026-01-01T00:00:00Z", "n1", "", 3, 1, 1,
	    "[PATCH v3] old title", "old title"));
	add(d, mk("2026-01-01T00:00:00Z", "n2", "", 1, 1, 1,
	    "[PATCH] New title", "New title"));
	s = messages(d, &seen);
	g_assert_true(g_str_has_suffix(s, "Exist: [PATCH v3] old title\n"));
	g_assert_nonnull(strstr(s, "New: New title\n"));
	g_free(s);
	/* Both keys of each message are now in the set (one was there),
	 * and the lineage of each posting with its version and day. */
	g_assert_cmpuint(seen.keys->len, ==, 1 + 1 + 2 + 2);
	g_assert_cmpstr(mld_seen_get(&seen,
	    "lineage a@example.org old title"), ==, "v3 2026-01-01");
	g_assert_true(mld_seen_has(&seen, "msgid n1"));
	g_assert_true(mld_seen_has(&seen, "title v1 new title"));
	/*
	 * A second run over the same postings reports only Exist; of two
	 * postings of one date, the greater key comes first.
	 */
	s = messages(d, &seen);
	g_assert_cmpstr(s, ==, "===== Patch Commit Messages ====\n\n"
	    "Exist: [PATCH] New title\nExist: [PATCH v3] old title\n");
	g_free(s);
	mld_seen_free(&seen);
	mld_postings_free(d);
}

/* One line per posting, newest first, saying what is missing. */
static void
test_list(void)
{
	struct mld_postings *d = mld_postings_new(false);
	char *l;

	add(d, mk("2026-01-01T00:00:00Z", "c", "", 1, 0, 3,
	    "[PATCH 0/3] Series", "Series"));
	add(d, mk("2026-01-01T00:00:01Z", "p2", "c", 1, 2, 3,
	    "[PATCH 2/3] Two", "Two"));
	add(d, mk("2026-01-02T00:00:00Z", "s", "", 1, 1, 1,
	    "[PATCH] Single\x1b[2J", "Single"));
	l = list(d);
	g_assert_cmpstr(l, ==,
	    "===== Patch list in this time period =====\n\n"
	    "[PATCH] Single^[[2J (A U Thor <a@example.org>, 1 patch)\n"
	    "[PATCH 0/3] Series (A U Thor <a@example.org>, 3 patches, "
	    "2 missing)\n\n");
	g_assert_cmpstr(mld_postings_first_date(d), ==, "2026-01-01T00:00:00Z");
	g_assert_cmpstr(mld_postings_last_date(d), ==, "2026-01-02T00:00:00Z");
	g_free(l);
	mld_postings_free(d);
}

/* A digest kept for its dates holds nothing else. */
static void
test_dates_only(void)
{
	struct mld_postings *d = mld_postings_new(true);
	char *l;

	add(d, mk("2026-01-02T00:00:00Z", "b", "", 1, 1, 1, "[PATCH] B", "B"));
	add(d, mk("2026-01-01T00:00:00Z", "a", "", 1, 1, 1, "[PATCH] A", "A"));
	g_assert_cmpstr(mld_postings_first_date(d), ==, "2026-01-01T00:00:00Z");
	g_assert_cmpstr(mld_postings_last_date(d), ==, "2026-01-02T00:00:00Z");
	l = list(d);
	g_assert_cmpstr(l, ==,
	    "===== Patch list in this time period =====\n\n\n");
	g_free(l);
	mld_postings_free(d);
}

static void
test_empty(void)
{
	struct mld_postings *d = mld_postings_new(false);
	char *l, *s;

	l = list(d);
	g_assert_cmpstr(l, ==,
	    "===== Patch list in this time period =====\n\n\n");
	s = messages(d, NULL);
	g_assert_cmpstr(s, ==, "===== Patch Commit Messages ====\n\n");
	g_assert_null(mld_postings_first_date(d));
	g_free(s);
	g_free(l);
	mld_postings_free(d);
}

/* What the text renderer makes of one part of the model (free it). */
static char *
text_of(const struct mld_digest_head *h, const struct mld_digest_tally *t)
{
	struct mld_render *r = mld_render_text();
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	g_assert_nonnull(out);
	if (h != NULL)
		mld_digest_head(h, r, out);
	if (t != NULL)
		mld_digest_tally(t, r, out);
	g_assert_cmpint(fclose(out), ==, 0);
	mld_render_free(r);
	return text;
}

static void
test_tally(void)
{
	struct mld_digest_tally t;
	char *s;

	mld_digest_tally_init(&t, MLD_TALLY_DOMAINS, NULL, 15);
	g_assert_cmpstr(t.title, ==,
	    "Top 15 contributor Email domains (Based on Email Body)");
	g_assert_true(mld_digest_tally_add(&t, "      7 intel.com"));
	g_assert_true(mld_digest_tally_add(&t, "12  A <a@example.org>"));
	g_assert_false(mld_digest_tally_add(&t, "intel.com"));
	g_assert_false(mld_digest_tally_add(&t, "      7"));
	g_assert_false(mld_digest_tally_add(&t, "7x y"));
	g_assert_cmpuint(t.rows->len, ==, 2);
	g_assert_cmpuint(t.max, ==, 12);
	s = text_of(NULL, &t);
	g_assert_cmpstr(s, ==,
	    "Top 15 contributor Email domains (Based on Email Body)\n\n"
	    "      7 intel.com\n     12 A <a@example.org>\n\n");
	free(s);
	mld_digest_tally_clear(&t);
	mld_digest_tally_init(&t, MLD_TALLY_PEOPLE, NULL, 3);
	g_assert_cmpstr(t.title, ==, "Top 3 contributors (Based on Email Body)");
	mld_digest_tally_clear(&t);
}

static void
test_header(void)
{
	struct mld_digest_head kvm = { "KVM", "05a3a6c83", "1835a3fdb",
	    NULL, NULL };
	struct mld_digest_head none = { NULL, "a", "b", NULL, NULL };
	char *s = text_of(&kvm, NULL), *t = text_of(&none, NULL);

	g_assert_cmpstr(s, ==, "From 05a3a6c83 to 1835a3fdb\n"
	    "KVM mailing list update from 05a3a6c83 to 1835a3fdb\n\n");
	g_assert_cmpstr(t, ==, "From a to b\nMailing list update from a to b\n\n");
	free(s);
	free(t);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	mld_gmime_init();
	g_test_add_func("/digest/first-then-cover", test_first_then_cover);
	g_test_add_func("/digest/versions", test_versions);
	g_test_add_func("/digest/resend", test_resend);
	g_test_add_func("/digest/seen", test_seen);
	g_test_add_func("/digest/list", test_list);
	g_test_add_func("/digest/empty", test_empty);
	g_test_add_func("/digest/dates-only", test_dates_only);
	g_test_add_func("/digest/tally", test_tally);
	g_test_add_func("/digest/header", test_header);
	return g_test_run();
}
