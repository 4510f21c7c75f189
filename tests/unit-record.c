/* Unit tests for the line-record writer and reader. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "record.h"
#include "tool.h"

static void
test_escape(void)
{
	GString *s = g_string_new(NULL);
	static const char in[] = "a\\b\tc\nd\re \xc3\xa9";

	mld_rec_escape(s, in, sizeof in - 1);
	g_assert_cmpstr(s->str, ==, "a\\\\b\\tc\\nd\\re \xc3\xa9");
	g_assert_true(mld_rec_unescape(s->str));
	g_assert_cmpstr(s->str, ==, in);
	g_string_free(s, TRUE);
}

/*
 * Every byte at every place of a field longer than one word: the words
 * copied whole and the bytes looked at one by one agree.
 */
static void
test_escape_words(void)
{
	GString *s = g_string_new(NULL), *want = g_string_new(NULL);
	char in[21];
	size_t at;
	int c;

	for (c = 1; c < 256; c++) {
		for (at = 0; at < sizeof in; at++) {
			memset(in, 'x', sizeof in);
			in[at] = (char)c;
			g_string_assign(want, "");
			g_string_append_len(want, in, (gssize)at);
			if (strchr("\\\t\n\r", c) != NULL) {
				g_string_append_c(want, '\\');
				g_string_append_c(want, c == '\\' ? '\\' :
				    c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
			} else {
				g_string_append_c(want, (char)c);
			}
			g_string_append_len(want, in + at + 1,
			    (gssize)(sizeof in - at - 1));
			g_string_assign(s, "#");
			mld_rec_escape(s, in, sizeof in);
			g_assert_cmpstr(s->str + 1, ==, want->str);
		}
	}
	g_string_free(s, TRUE);
	g_string_free(want, TRUE);
}

static void
test_bad_escape(void)
{
	char a[] = "x\\q", b[] = "trailing\\", c[] = "\\\\n";

	g_assert_false(mld_rec_unescape(a));
	g_assert_false(mld_rec_unescape(b));
	g_assert_true(mld_rec_unescape(c));
	g_assert_cmpstr(c, ==, "\\n");
}

/* Fields written by the writer come back whole through the reader. */
static void
test_round_trip(void)
{
	static const char *const cols[] = { "kind", "date", "body", NULL };
	const char *f1 = "patch", *f3 = "line 1\n\tline 2\\n";
	struct mld_rec rec;
	struct mld_recin in;
	char path[] = "/tmp/mld-record-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	g_assert_nonnull(f);
	mld_rec_init(&rec);
	mld_rec_write_header(f, cols);
	mld_rec_add(&rec, f1);
	mld_rec_add(&rec, NULL);
	mld_rec_add(&rec, f3);
	mld_rec_write(&rec, f);
	mld_rec_add_u64(&rec, 18446744073709551615ull);
	mld_rec_write(&rec, f);
	mld_rec_free(&rec);
	fclose(f);

	g_assert_true(mld_recin_open(&in, path));
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_OK);
	g_assert_cmpint(mld_recin_column(&in, "body", -1), ==, 2);
	g_assert_cmpint(mld_recin_column(&in, "nope", 7), ==, 7);
	g_assert_cmpstr(mld_recin_field(&in, 0), ==, f1);
	g_assert_cmpstr(mld_recin_field(&in, 1), ==, "");
	/* As written until it is asked for, then unescaped for good. */
	g_assert_cmpstr(mld_recin_escaped(&in, 2), ==, "line 1\\n\\tline 2"
	    "\\\\n");
	g_assert_cmpstr(mld_recin_field(&in, 2), ==, f3);
	g_assert_cmpstr(mld_recin_field(&in, 2), ==, f3);
	g_assert_null(mld_recin_escaped(&in, 2));
	g_assert_null(mld_recin_field(&in, 3));
	g_assert_null(mld_recin_escaped(&in, 3));
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_OK);
	g_assert_cmpstr(mld_recin_field(&in, 0), ==, "18446744073709551615");
	g_assert_cmpuint(in.lineno, ==, 3);
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_EOF);
	mld_recin_close(&in);
	unlink(path);
}

/*
 * A bad escape anywhere skips its record, naming the field, before any
 * field is asked for; the records around it are read.
 */
#define BAD "bad backslash escape, skipped\n"

static void
test_reader_bad_escape(void)
{
	static const char *const lines[] = { "a\\tb\tc\\\\\td\n",
		"a\tb\\q\tc\n", "a\tb\tc\\\n", "a\\\tb\n", "ok\\n\n" };
	static const int want[] = { MLD_REC_OK, MLD_REC_BAD, MLD_REC_BAD,
		MLD_REC_BAD, MLD_REC_OK };
	char path[] = "/tmp/mld-record-XXXXXX", errpath[] =
	    "/tmp/mld-record-err-XXXXXX", *said, *expected;
	int fd = mkstemp(path), efd = mkstemp(errpath), saved = dup(2);
	FILE *f = fdopen(fd, "w");
	struct mld_recin in;
	size_t i;

	g_assert_nonnull(f);
	for (i = 0; i < G_N_ELEMENTS(lines); i++)
		fputs(lines[i], f);
	fclose(f);
	g_assert_true(mld_recin_open(&in, path));
	fflush(stderr);
	dup2(efd, 2);
	for (i = 0; i < G_N_ELEMENTS(lines); i++)
		g_assert_cmpint(mld_recin_next(&in), ==, want[i]);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	g_assert_cmpstr(mld_recin_field(&in, 0), ==, "ok\n");
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_EOF);
	g_assert_true(g_file_get_contents(errpath, &said, NULL, NULL));
	expected = g_strdup_printf("unit-record: %s: line 2: field 2: %s"
	    "unit-record: %s: line 3: field 3: %s"
	    "unit-record: %s: line 4: field 1: %s", path, BAD, path, BAD,
	    path, BAD);
	g_assert_cmpstr(said, ==, expected);
	g_free(said);
	g_free(expected);
	mld_recin_close(&in);
	close(efd);
	unlink(path);
	unlink(errpath);
}

/* A column left unchecked keeps its record whatever its escapes. */
static void
test_reader_unchecked(void)
{
	char path[] = "/tmp/mld-record-XXXXXX";
	int fd = mkstemp(path), null = open("/dev/null", O_WRONLY), saved;
	FILE *f = fdopen(fd, "w");
	struct mld_recin in;

	g_assert_nonnull(f);
	fputs("#kind\tbody\tparent\nreply\tbad \\q\tp@x\n"
	    "reply\tok\tp\\q@x\n#body\tkind\nbad \\q\treply\n", f);
	fclose(f);
	g_assert_true(mld_recin_open(&in, path));
	mld_recin_unchecked(&in, "body", 1);
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_OK);
	g_assert_cmpstr(mld_recin_escaped(&in, 1), ==, "bad \\q");
	g_assert_cmpstr(mld_recin_field(&in, 2), ==, "p@x");
	/* Another column is checked as ever (the warning is test_reader_
	 * bad_escape's to check). */
	fflush(stderr);
	saved = dup(2);
	dup2(null, 2);
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_BAD);
	dup2(saved, 2);
	close(saved);
	close(null);
	/* The column is found by name in each header line. */
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_OK);
	g_assert_cmpstr(mld_recin_escaped(&in, 0), ==, "bad \\q");
	g_assert_cmpint(mld_recin_next(&in), ==, MLD_REC_EOF);
	mld_recin_close(&in);
	unlink(path);
}

int
main(int argc, char **argv)
{
	mld_init("unit-record");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/record/escape", test_escape);
	g_test_add_func("/record/escape-words", test_escape_words);
	g_test_add_func("/record/bad-escape", test_bad_escape);
	g_test_add_func("/record/round-trip", test_round_trip);
	g_test_add_func("/record/reader-bad-escape", test_reader_bad_escape);
	g_test_add_func("/record/reader-unchecked", test_reader_unchecked);
	return g_test_run();
}
