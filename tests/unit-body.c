/*
 * Unit tests for body.c, trailers.c and the format=flowed decoder: the
 * pure functions patchinfo's body columns come from.
 */
#include <string.h>
#include <gmime/gmime.h>

#include "body.h"
#include "gmimeinit.h"
#include "message.h"
#include "tool.h"
#include "trailers.h"

/* Scans s and returns the diffstat it implies ("" without a diff). */
static char *
stat_of(const char *s, struct mld_diff *d)
{
	GString *out = g_string_new(NULL);

	if (mld_diff_scan(s, strlen(s), d))
		mld_diffstat_format(d, out);
	return g_string_free(out, FALSE);
}

static void
test_diff_git(void)
{
	static const char s[] =
	    "Fix it.\n\n---\n a.c | 3 ++-\n 1 file changed\n\n"
	    "diff --git a/a.c b/a.c\nindex 1..2 100644\n--- a/a.c\n+++ b/a.c\n"
	    "@@ -1,3 +1,4 @@\n ctx\n-old\n+new\n+added\n ctx\n"
	    "diff --git a/b.c b/b.c\n--- a/b.c\n+++ b/b.c\n"
	    "@@ -10 +10 @@ int f(void)\n-x\n+y\n"
	    "-- \n2.48.1\n";
	struct mld_diff d;
	char *st = stat_of(s, &d);

	g_assert_cmpstr(st, ==, "2 files changed, 3 insertions(+), 2 deletions(-)");
	g_assert_cmpuint(d.hunks, ==, 2);
	/* The diff starts at "diff --git", after the diffstat. */
	g_assert_cmpuint(d.start, ==, (size_t)(strstr(s, "diff --git") - s));
	g_free(st);
}

/* A "---" line in prose and a quoted diff are no diff. */
static void
test_diff_none(void)
{
	static const char *const cases[] = {
		"Some text\n---\nmore text\n--- not a file\n",
		"> diff --git a/x b/x\n> --- a/x\n> +++ b/x\n> @@ -1 +1 @@\n"
		    "> -a\n> +b\n\nLooks good.\n",
		"--- a/x\n+++ b/x\nno hunk follows\n",
		"--- a/x\n+++ b/x\n@@ -1 +1 @@\nbroken at once\n",
		"",
	};
	struct mld_diff d;
	size_t i;
	char *st;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		st = stat_of(cases[i], &d);
		g_assert_cmpstr(st, ==, "");
		g_assert_cmpuint(d.start, ==, strlen(cases[i]));
		g_free(st);
	}
}

/* git metadata without hunks: a rename, a binary file, a mode change. */
static void
test_diff_meta(void)
{
	static const char s[] =
	    "diff --git a/old.c b/new.c\nsimilarity index 100%\n"
	    "rename from old.c\nrename to new.c\n"
	    "diff --git a/logo.png b/logo.png\nindex 1..2 100644\n"
	    "Binary files a/logo.png and b/logo.png differ\n"
	    "diff --git a/run b/run\nold mode 100644\nnew mode 100755\n";
	struct mld_diff d;
	char *st = stat_of(s, &d);

	/* git's diffstat counts the rename and the binary, not the mode. */
	g_assert_cmpstr(st, ==, "2 files changed, 0 insertions(+), 0 deletions(-)");
	g_assert_cmpuint(d.sections, ==, 3);
	g_assert_cmpuint(d.hunks, ==, 0);
	g_assert_cmpuint(d.start, ==, 0);
	g_free(st);
	st = stat_of("diff --git a/run b/run\nold mode 100644\nnew mode 100755\n"
	    "diff --git a/empty b/empty\nnew file mode 100644\n"
	    "index 0000000..e69de29\n", &d);
	g_assert_cmpstr(st, ==, "0 files changed");
	g_assert_cmpuint(d.sections, ==, 2);
	g_free(st);
	/* A hunk of context only changes no line. */
	st = stat_of("--- a/x\n+++ b/x\n@@ -1 +1 @@\n same\n"
	    "--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n", &d);
	g_assert_cmpstr(st, ==, "1 file changed, 1 insertion(+), 1 deletion(-)");
	g_free(st);
}

/* A quilt patch: "Index:" heads the section; no diff --git. */
static void
test_diff_quilt(void)
{
	static const char s[] =
	    "Text.\nIndex: linux/a.c\n=====\n--- linux.orig/a.c\n+++ linux/a.c\n"
	    "@@ -1,2 +1,2 @@\n-a\n+b\n \n";
	struct mld_diff d;
	char *st = stat_of(s, &d);

	g_assert_cmpstr(st, ==, "1 file changed, 1 insertion(+), 1 deletion(-)");
	g_free(st);
	/* "=====" sits between Index: and ---: the section starts at ---. */
	g_assert_cmpuint(d.start, ==, (size_t)(strstr(s, "--- linux") - s));
}

/* A hunk counts its lines: a "-- " after it is not a deletion. */
static void
test_diff_counts(void)
{
	static const char s[] =
	    "--- a/x\n+++ b/x\n@@ -1,2 +1,1 @@\n-gone\n kept\n"
	    "\\ No newline at end of file\n-- \nsig\n";
	struct mld_diff d;
	char *st = stat_of(s, &d);

	g_assert_cmpstr(st, ==, "1 file changed, 1 deletion(-)");
	g_free(st);
}

/* git's wording: singular and plural, a zero shown only when both are. */
static void
test_diffstat_format(void)
{
	static const struct {
		unsigned files;
		unsigned long ins, del;
		const char *want;
	} cases[] = {
		{ 1, 1, 0, "1 file changed, 1 insertion(+)" },
		{ 2, 0, 3, "2 files changed, 3 deletions(-)" },
		{ 3, 4, 1, "3 files changed, 4 insertions(+), 1 deletion(-)" },
		{ 1, 0, 0, "1 file changed, 0 insertions(+), 0 deletions(-)" },
	};
	struct mld_diff d;
	GString *out = g_string_new(NULL);
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		memset(&d, 0, sizeof(d));
		d.files = cases[i].files;
		d.insertions = cases[i].ins;
		d.deletions = cases[i].del;
		g_string_truncate(out, 0);
		mld_diffstat_format(&d, out);
		g_assert_cmpstr(out->str, ==, cases[i].want);
	}
	g_string_free(out, TRUE);
}

static void
test_diffstat_find(void)
{
	static const char s[] =
	    "Text 2 files changed\n"
	    " a | 1 +\n 1 file changed, 1 insertion(+)  \n"
	    "> 9 files changed, 9 insertions(+)\n"
	    " 2 files changed, 4 insertions(+), 1 deletion(-)\n"
	    " 3 files changed, 1 insertion(+), oops\n";
	const char *line;
	size_t n;

	g_assert_true(mld_diffstat_find(s, sizeof s - 1, &line, &n));
	g_assert_cmpuint(n, ==, strlen("2 files changed, 4 insertions(+), 1 deletion(-)"));
	g_assert_true(strncmp(line, "2 files changed, 4", 18) == 0);
	g_assert_true(mld_diffstat_find(s, (size_t)(strstr(s, ">") - s),
	    &line, &n));
	g_assert_cmpuint(n, ==, strlen("1 file changed, 1 insertion(+)"));
	g_assert_false(mld_diffstat_find(s, 20, &line, &n));
}

static void
test_inbody(void)
{
	static const char s[] =
	    "\nFrom: \"A. Person\" <a@example.org>\nSubject: [PATCH] real\n"
	    " title\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\n\nBody.\n";
	struct mld_inbody ib;

	g_assert_true(mld_inbody_read(s, sizeof s - 1, &ib));
	g_assert_cmpstr(ib.from, ==, "\"A. Person\" <a@example.org>");
	g_assert_cmpstr(ib.subject, ==, "[PATCH] real title");
	g_assert_cmpstr(ib.date, ==, "Mon, 1 Jan 2024 00:00:00 +0000");
	g_assert_cmpstr(s + ib.end, ==, "Body.\n");
	mld_inbody_clear(&ib);
}

/* Prose that only looks like an in-body header, and a quoted one. */
static void
test_inbody_not(void)
{
	static const char *const cases[] = {
		"From: the spec, section 3\n\nText.\n",
		"From: a@example.org\nText right after.\n",
		">From: a@example.org\n\nText.\n",
		"Text.\nFrom: a@example.org\n\n",
	};
	struct mld_inbody ib;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_assert_false(mld_inbody_read(cases[i], strlen(cases[i]), &ib));
		g_assert_null(ib.from);
		g_assert_cmpuint(ib.end, ==, 0);
	}
}

static char *
excerpt(const char *s, size_t from)
{
	GString *out = g_string_new(NULL);
	struct mld_diff d;

	mld_diff_scan(s, strlen(s), &d);
	mld_body_excerpt(s, from, d.start, out);
	return g_string_free(out, FALSE);
}

static void
test_excerpt(void)
{
	static const char patch[] =
	    "\n\nFix.\n\nSigned-off-by: A <a@x>\n---\nnotes \n\n"
	    " a | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n"
	    " create mode 100644 a\n\ndiff --git a/a b/a\n--- a/a\n+++ b/a\n"
	    "@@ -1 +1 @@\n-x\n+y\n-- \n2.1\n";
	static const char cover[] =
	    "Hi\n\nA (1):\n  a\n\n 1 file changed, 1 insertion(+)\n\n"
	    "-- \n2.1\n\n";
	static const char reply[] =
	    "> quoted\n\nReply text.\n \n\n-- \nSig line\n";
	char *e;

	e = excerpt(patch, 0);
	g_assert_cmpstr(e, ==, "Fix.\n\nSigned-off-by: A <a@x>\n---\nnotes \n\n"
	    " a | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)");
	g_free(e);
	e = excerpt(cover, 0);
	g_assert_cmpstr(e, ==, "Hi\n\nA (1):\n  a\n\n 1 file changed, 1 insertion(+)");
	g_free(e);
	e = excerpt(reply, 0);
	g_assert_cmpstr(e, ==, "> quoted\n\nReply text.");
	g_free(e);
	e = excerpt("No stat.\n\n---\n\ndiff --git a/a b/a\n--- a/a\n+++ b/a\n"
	    "@@ -1 +1 @@\n-x\n+y\n", 0);
	g_assert_cmpstr(e, ==, "No stat.");
	g_free(e);
	e = excerpt("\n\n \n", 0);
	g_assert_cmpstr(e, ==, "");
	g_free(e);
}

/* What real mailers do to a summary line: blanks stripped, or made
 * no-break spaces. */
static void
test_diffstat_mailers(void)
{
	static const char *const found[] = {
		"6 files changed, 32 insertions(+), 19 deletions(-)\n",
		"\xc2\xa0""1 file changed, 2 insertions(+)\n",
		"\xc2\xa0\xc2\xa0 1 file changed, 2 deletions(-)\n",
	};
	static const char *const not[] = {
		"x 1 file changed, 2 insertions(+)\n",
		"\xc2""1 file changed\n",
		"1 file changed, and more\n",
	};
	const char *line;
	size_t i, n;

	for (i = 0; i < G_N_ELEMENTS(found); i++) {
		g_assert_true(mld_diffstat_find(found[i], strlen(found[i]),
		    &line, &n));
		g_assert_true(line[0] == '1' || line[0] == '6');
		g_assert_cmpuint(line[n], ==, '\n');
	}
	for (i = 0; i < G_N_ELEMENTS(not); i++)
		g_assert_false(mld_diffstat_find(not[i], strlen(not[i]),
		    &line, &n));
}

/* Where the mail's own text ends: signatures and list footers. */
static void
test_text_end(void)
{
	static const char *const cases[][2] = {
		{ "A (1):\n  a\n--\n2.21.0\n\nLegal notice.\n",
		    "A (1):\n  a" },
		{ "A (1):\n  a\n--\n2.39.3 (Apple Git-146)\nx\n",
		    "A (1):\n  a" },
		{ "Text.\n--\nnot a version\nmore\n",
		    "Text.\n--\nnot a version\nmore" },
		{ "Text.\n--\n2\nmore\n", "Text.\n--\n2\nmore" },
		{ "Text.\n\n___________________________________________"
		    "____\nlist mailing list\nlist@example.org\n"
		    "https://lists.example.org/mailman/listinfo/list\n",
		    "Text." },
		{ "Text.\n________________________\nno URL below\n",
		    "Text.\n________________________\nno URL below" },
	};
	size_t i;
	char *e;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		e = excerpt(cases[i][0], 0);
		g_assert_cmpstr(e, ==, cases[i][1]);
		g_free(e);
	}
	g_assert_cmpuint(mld_body_message_end(cases[0][0], 0,
	    strlen(cases[0][0])), ==, 11);
}

/* The same file's diff pasted twice counts once; two files do not. */
static void
test_diff_twice(void)
{
	static const char one[] =
	    "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n";
	static const char other[] =
	    "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+z\n";
	struct mld_diff d;
	char *in, *st;

	in = g_strconcat(one, "-- \n2.1\n\nAgain:\n\n", one, NULL);
	st = stat_of(in, &d);
	g_assert_cmpstr(st, ==, "1 file changed, 1 insertion(+), 1 deletion(-)");
	g_assert_cmpuint(d.hunks, ==, 1);
	g_assert_cmpuint(d.start, ==, 0);
	g_free(st);
	g_free(in);
	in = g_strconcat(one, other, one, NULL);
	st = stat_of(in, &d);
	g_assert_cmpstr(st, ==, "2 files changed, 2 insertions(+), 2 deletions(-)");
	g_free(st);
	g_free(in);
}

/* Diffs a mailer broke: found by their header lines alone. */
static void
test_diff_damaged(void)
{
	static const char wrapped[] =
	    "Fix.\n---\ndiff --git a/a b/a\nindex 1..2 100644\n--- a/a\n"
	    "+++ b/a\n@@ -1,3 +1,3 @@ static int\nf(void)\nint a;\n-x\n+y\n";
	static const char *const none[] = {
		"diff --git a/a b/a\nno names follow\n",
		" diff --git a/a b/a\n--- a/a\n+++ b/a\n",
		"> diff --git a/a b/a\n> --- a/a\n> +++ b/a\n",
		"xdiff --git a/a b/a\n--- a/a\n+++ b/a\n",
		"diff --git a/a b/a\n1\n2\n3\n4\n5\n6\n--- a/a\n+++ b/a\n",
	};
	struct mld_diff d;
	size_t i;

	g_assert_false(mld_diff_scan(wrapped, sizeof wrapped - 1, &d));
	g_assert_cmpuint(mld_diff_damaged(wrapped, sizeof wrapped - 1), ==,
	    (size_t)(strstr(wrapped, "diff --git") - wrapped));
	for (i = 0; i < G_N_ELEMENTS(none); i++)
		g_assert_cmpuint(mld_diff_damaged(none[i], strlen(none[i])),
		    ==, strlen(none[i]));
}

/* A shortlog, then a diffstat summary: a cover letter's shape. */
static void
test_cover_shape(void)
{
	static const char cover[] =
	    "Intro.\n\nA Person (2):\n  x: one\n  x: two\n\nB (1):\n"
	    "      y: three\n\n a | 2 +-\n 1 file changed, 1 insertion(+), "
	    "1 deletion(-)\n";
	static const char *const not[] = {
		"A Person (2):\n  x: one\n",
		" 1 file changed, 1 insertion(+)\nA (1):\n  x\n",
		"A (1):\nnot indented\n 1 file changed, 1 insertion(+)\n",
		"are available in the Git repository at:\n\nA (1):\n  x\n"
		    " 1 file changed, 1 insertion(+)\n",
		"(1):\n  x\n 1 file changed, 1 insertion(+)\n",
		"A (x):\n  x\n 1 file changed, 1 insertion(+)\n",
	};
	unsigned n = 0;
	size_t i;

	g_assert_true(mld_body_cover_shape(cover, sizeof cover - 1, &n));
	g_assert_cmpuint(n, ==, 3);
	for (i = 0; i < G_N_ELEMENTS(not); i++)
		g_assert_false(mld_body_cover_shape(not[i], strlen(not[i]),
		    &n));
}

/* A pasted format-patch header is in-body header material. */
static void
test_inbody_format_patch(void)
{
	static const char s[] =
	    "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 "
	    "00:00:00 2001\nFrom: A <a@example.org>\nDate: Mon, 1 Jan 2024 "
	    "00:00:00 +0000\nSubject: [PATCH] t\n\nBody.\n";
	static const char bad[] =
	    "From 0123456789abcdef0123456789abcdef0123456 Mon Sep 17 "
	    "00:00:00 2001\nFrom: A <a@example.org>\n\nBody.\n";
	struct mld_inbody ib;

	g_assert_true(mld_inbody_read(s, sizeof s - 1, &ib));
	g_assert_cmpstr(ib.from, ==, "A <a@example.org>");
	g_assert_cmpstr(ib.subject, ==, "[PATCH] t");
	g_assert_cmpstr(s + ib.end, ==, "Body.\n");
	mld_inbody_clear(&ib);
	g_assert_false(mld_inbody_read(bad, sizeof bad - 1, &ib));
	g_assert_cmpuint(ib.end, ==, 0);
}

static void
test_message_end(void)
{
	static const char s[] = "Msg.\nAcked-by: A <a@x>\n---  \nCc: not@x\n";

	g_assert_cmpuint(mld_body_message_end(s, 0, sizeof s - 1), ==,
	    (size_t)(strstr(s, "---") - s));
	g_assert_cmpuint(mld_body_message_end("a\n", 0, 2), ==, 2);
}

static void
test_trailers(void)
{
	static const char s[] =
	    "Fixes: 1234 (\"x\") is what this fixes\n"
	    "Link: https://example.org/1\n\nBody text with Signed-off-by: in it.\n"
	    "> Reviewed-by: Quoted <q@x>\n"
	    "Reviewed-by: R <r@x>  \nsigned-off-by: lower <l@x>\n"
	    "Signed-off-by:missing-space\nX-Tag: no\nCc: stable@vger.kernel.org\n"
	    "Co-developed-by: C <c@x>\nTested-by:\tT <t@x>";
	GString *out = g_string_new(NULL);

	mld_trailers(s, sizeof s - 1, out);
	g_assert_cmpstr(out->str, ==,
	    "Fixes: 1234 (\"x\") is what this fixes\n"
	    "Link: https://example.org/1\nReviewed-by: R <r@x>\n"
	    "signed-off-by: lower <l@x>\nCc: stable@vger.kernel.org\n"
	    "Co-developed-by: C <c@x>\nTested-by:\tT <t@x>");
	g_string_free(out, TRUE);
}

static void
test_unflow(void)
{
	GString *s = g_string_new(
	    "A soft \nbreak.\n  stuffed context\n> quoted \n> more\n-- \nsig\n");

	mld_unflow(s, false);
	g_assert_cmpstr(s->str, ==,
	    "A soft break.\n stuffed context\n> quoted more\n-- \nsig\n");
	g_string_assign(s, "Del \nsp\n");
	mld_unflow(s, true);
	g_assert_cmpstr(s->str, ==, "Delsp\n");
	g_string_free(s, TRUE);
}

int
main(int argc, char **argv)
{
	mld_init("unit-body");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/diff/git", test_diff_git);
	g_test_add_func("/diff/none", test_diff_none);
	g_test_add_func("/diff/meta", test_diff_meta);
	g_test_add_func("/diff/quilt", test_diff_quilt);
	g_test_add_func("/diff/counts", test_diff_counts);
	g_test_add_func("/diffstat/format", test_diffstat_format);
	g_test_add_func("/diffstat/find", test_diffstat_find);
	g_test_add_func("/inbody/read", test_inbody);
	g_test_add_func("/inbody/not", test_inbody_not);
	g_test_add_func("/body/excerpt", test_excerpt);
	g_test_add_func("/diffstat/mailers", test_diffstat_mailers);
	g_test_add_func("/body/text-end", test_text_end);
	g_test_add_func("/diff/twice", test_diff_twice);
	g_test_add_func("/diff/damaged", test_diff_damaged);
	g_test_add_func("/body/cover-shape", test_cover_shape);
	g_test_add_func("/inbody/format-patch", test_inbody_format_patch);
	g_test_add_func("/body/message-end", test_message_end);
	g_test_add_func("/trailers", test_trailers);
	g_test_add_func("/text/unflow", test_unflow);
	return g_test_run();
}
