/*
 * Unit tests for one message as a patchinfo record: the empty message in
 * both modes, the record's columns, and the series keys that message IDs
 * and replies give.
 */
#include <string.h>

#include "columns.h"
#include "gmimeinit.h"
#include "patch.h"
#include "record.h"
#include "tool.h"

struct run {
	struct mld_analyser a;
	struct mld_patch p;
	uint64_t n;
};

static void
run_init(struct run *r, bool all)
{
	mld_analyser_init(&r->a, all);
	mld_patch_init(&r->p);
	r->n = 0;
}

static void
run_free(struct run *r)
{
	mld_patch_free(&r->p);
	mld_analyser_free(&r->a);
}

/* Reads the message text (LF line ends, no From_ line) into r->p. */
static bool
read_msg(struct run *r, const char *text)
{
	struct mld_msg m;

	memset(&m, 0, sizeof(m));
	m.where.input = "unit";
	m.where.number = ++r->n;
	m.raw = text;
	m.rawlen = strlen(text);
	m.span = m.rawlen;
	return mld_patch_analyse(&r->a, &m, &r->p);
}

/* An empty message: no record by default, one of every column with -a. */
static void
test_empty(void)
{
	struct run r;
	struct mld_rec rec;

	run_init(&r, false);
	g_assert_false(read_msg(&r, ""));
	g_assert_false(read_msg(&r, "\n"));
	run_free(&r);

	run_init(&r, true);
	g_assert_true(read_msg(&r, ""));
	g_assert_cmpstr(mld_kind_name(r.p.kind), ==, "other");
	mld_rec_init(&rec);
	mld_patch_record(&r.p, &rec);
	g_assert_cmpuint(rec.nfields, ==, MLD_NCOLS);
	mld_rec_free(&rec);
	run_free(&r);
}

#define DIFF "\n---\n a | 1 +\n\ndiff --git a/a b/a\n--- a/a\n+++ b/a\n" \
	"@@ -1 +1,2 @@\n a\n+b\n"

static const char *
patch(const char *id, const char *subject, const char *reply_to)
{
	static char buf[512];

	g_snprintf(buf, sizeof buf, "From: A <a@example.org>\n"
	    "Date: Tue, 19 Aug 2025 10:00:00 +0000\nSubject: %s\n"
	    "Message-ID: <%s>\n%s%s%s\nthe change\n%s", subject, id,
	    reply_to != NULL ? "In-Reply-To: <" : "",
	    reply_to != NULL ? reply_to : "", reply_to != NULL ? ">\n" : "",
	    strstr(subject, " 0/") != NULL ? "" : DIFF);
	return buf;
}

/* The keys of a series, by cover, by answer, and by ID pattern. */
static void
test_series_keys(void)
{
	struct run r;

	run_init(&r, true);
	g_assert_true(read_msg(&r, patch("20250819.1-0-a@x",
	    "[PATCH 0/2] cover", NULL)));
	g_assert_cmpstr(mld_kind_name(r.p.kind), ==, "cover");
	g_assert_cmpstr(r.p.series, ==, "20250819.1-0-a@x");
	g_assert_true(read_msg(&r, patch("20250819.1-1-a@x",
	    "[PATCH 1/2] one", "20250819.1-0-a@x")));
	g_assert_cmpstr(mld_kind_name(r.p.kind), ==, "patch");
	g_assert_cmpstr(r.p.series, ==, "20250819.1-0-a@x");
	g_assert_cmpstr(r.p.diffstat->str, ==, "1 file changed, 1 insertion(+)");
	/* The cover was cut off: the ID it answers has the patch's shape. */
	g_assert_true(read_msg(&r, patch("20250819.2-2-a@x",
	    "[PATCH 2/2] two", "20250819.2-0-a@x")));
	g_assert_cmpstr(r.p.series, ==, "20250819.2-0-a@x");
	/* v2 in reply to v1 keys a posting of its own. */
	g_assert_true(read_msg(&r, patch("v2-1@x", "[PATCH v2 1/2] one",
	    "20250819.1-1-a@x")));
	g_assert_cmpuint(r.p.version, ==, 2);
	g_assert_cmpstr(r.p.series, ==, "v2-1@x");
	run_free(&r);
}

int
main(int argc, char **argv)
{
	mld_init("unit-patch");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/patch/empty", test_empty);
	g_test_add_func("/patch/series-keys", test_series_keys);
	return g_test_run();
}
