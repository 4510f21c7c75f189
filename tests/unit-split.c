/*
 * Unit tests for mbsplit's writers: the index record, mboxrd output read
 * back, numbered files and maildir delivery, which never replace a file.
 */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gmimeinit.h"
#include "mbox.h"
#include "record.h"
#include "split.h"
#include "tool.h"

static const char mbox[] =
    "From ada@example.org Tue Aug 19 12:17:24 2025\n"
    "From: =?UTF-8?Q?Ada_L=C3=B6we?= <ada@example.org>\n"
    "Subject: [PATCH] a\n\tfolded subject\n"
    "Date: Tue, 19 Aug 2025 14:17:24 +0200\n"
    "Message-ID: <one@example.org>\n\n"
    "From the body, no separator.\n"
    ">From quoted once\n\n"
    "From mboxrd@z Thu Jan  1 00:00:00 1970\r\n"
    "Subject: crlf\r\n\r\nline\r\n\r\n";

/* Calls fn on each message of mbox. */
static void
each_message(void (*fn)(const struct mld_msg *, uint64_t, void *),
    void *data)
{
	struct mld_mbox *mb = mld_mbox_open_mem(mbox, sizeof mbox - 1, "in");
	struct mld_msg m;
	uint64_t n = 0;

	while (mld_mbox_next(mb, &m) > 0)
		fn(&m, ++n, data);
	mld_mbox_close(mb);
}

static void
index_one(const struct mld_msg *m, uint64_t n, void *data)
{
	struct mld_rec rec;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	mld_rec_init(&rec);
	mld_index_record(&rec, n, m);
	mld_rec_write(&rec, f);
	fclose(f);
	g_string_append(data, buf);
	free(buf);
	mld_rec_free(&rec);
}

static void
test_index(void)
{
	GString *got = g_string_new(NULL);
	const char *const *c;
	unsigned ncol = 0;
	/* The second message starts at its From_ line; they tile the input. */
	size_t second = (size_t)(strstr(mbox, "From mboxrd@z") - mbox);
	char *want = g_strdup_printf(
	    "1\t0\t%zu\t2025-08-19T12:17:24Z\tone@example.org\t"
	    "Ada L\xc3\xb6we <ada@example.org>\t"
	    "[PATCH] a folded subject\tin\n"
	    /* No Date: the From_ line is the 1970 placeholder. */
	    "2\t%zu\t%zu\t\t\t\tcrlf\tin\n",
	    second, second, sizeof mbox - 1 - second);

	each_message(index_one, got);
	g_assert_cmpstr(got->str, ==, want);
	g_free(want);
	for (c = mld_index_columns; *c != NULL; c++)
		ncol++;
	g_assert_cmpuint(ncol, ==, 8);
	g_string_free(got, TRUE);
}

static void
mboxrd_one(const struct mld_msg *m, uint64_t n, void *data)
{
	GString *scratch = g_string_new(NULL);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)n;
	mld_mboxrd_write(f, m, scratch);
	fclose(f);
	g_string_append_len(data, buf, (gssize)len);
	free(buf);
	g_string_free(scratch, TRUE);
}

/* Each message's text, as the reader gives it back. */
static void
text_one(const struct mld_msg *m, uint64_t n, void *data)
{
	(void)n;
	mld_msg_text(m, data);
	g_string_append_c(data, '\0');
}

static void
test_mboxrd(void)
{
	GString *out = g_string_new(NULL), *want = g_string_new(NULL);
	GString *again = g_string_new(NULL), *back = g_string_new(NULL);
	struct mld_mbox *mb;
	struct mld_msg m;

	each_message(mboxrd_one, out);
	/*
	 * Every line of the text that reads "From " quoted once (the body's
	 * and the one that was quoted in the input), LF line ends, a blank
	 * line at the end.
	 */
	g_assert_nonnull(strstr(out->str, "\n>From quoted once\n"));
	g_assert_nonnull(strstr(out->str, "\n>From the body, no separator"));
	g_assert_null(strchr(out->str, '\r'));
	g_assert_true(g_str_has_suffix(out->str, "\n\nline\n\n"));

	/* Read back, the output gives the same texts... */
	each_message(text_one, want);
	mb = mld_mbox_open_mem(out->str, out->len, "out");
	while (mld_mbox_next(mb, &m) > 0) {
		mld_msg_text(&m, back);
		g_string_append_c(back, '\0');
		/* ...and written again, the same bytes. */
		mboxrd_one(&m, 0, again);
	}
	mld_mbox_close(mb);
	g_assert_cmpmem(back->str, back->len, want->str, want->len);
	g_assert_cmpmem(again->str, again->len, out->str, out->len);
	g_string_free(out, TRUE);
	g_string_free(want, TRUE);
	g_string_free(again, TRUE);
	g_string_free(back, TRUE);
}

static char *
contents(const char *path)
{
	char *text = NULL;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	return text;
}

struct deliver {
	struct mld_dirout *d;
	GPtrArray *paths;
};

static void
deliver_one(const struct mld_msg *m, uint64_t n, void *data)
{
	struct deliver *dl = data;
	GString *scratch = g_string_new(NULL);
	const char *p = mld_dirout_write(dl->d, m, scratch);

	(void)n;
	g_ptr_array_add(dl->paths, g_strdup(p));
	g_string_free(scratch, TRUE);
}

static void
test_numbered(void)
{
	char *dir = g_dir_make_tmp("mld-split-XXXXXX", NULL);
	char *sub = g_build_filename(dir, "out", NULL);
	char *path, *text;
	struct mld_dirout d;
	struct deliver dl = { &d, g_ptr_array_new_with_free_func(g_free) };

	/* The folder is made; files are numbered from the start given. */
	g_assert_true(mld_dirout_open(&d, sub, 9999, false));
	g_assert_false(d.maildir);
	each_message(deliver_one, &dl);
	g_assert_cmpuint(dl.paths->len, ==, 2);
	path = g_build_filename(sub, "9999", NULL);
	g_assert_cmpstr(g_ptr_array_index(dl.paths, 0), ==, path);
	text = contents(path);
	/* The text unquoted, without its From_ line. */
	g_assert_true(g_str_has_prefix(text, "From: =?UTF-8?Q?"));
	g_assert_nonnull(strstr(text, "\nFrom quoted once\n"));
	g_free(text);
	g_free(path);
	path = g_build_filename(sub, "10000", NULL);
	g_assert_cmpstr(g_ptr_array_index(dl.paths, 1), ==, path);
	text = contents(path);
	g_assert_cmpstr(text, ==, "Subject: crlf\n\nline\n");
	g_free(text);
	mld_dirout_close(&d);

	/* An existing file is an error, and stays as it was. */
	g_ptr_array_set_size(dl.paths, 0);
	g_assert_true(mld_dirout_open(&d, sub, 10000, false));
	each_message(deliver_one, &dl);
	g_assert_null(g_ptr_array_index(dl.paths, 0));
	g_assert_true(g_str_has_suffix(g_ptr_array_index(dl.paths, 1),
	    "/10001"));
	text = contents(path);
	g_assert_cmpstr(text, ==, "Subject: crlf\n\nline\n");
	g_free(text);
	mld_dirout_close(&d);

	/* A file where the folder should be. */
	g_assert_false(mld_dirout_open(&d, path, 1, false));

	g_free(path);
	g_ptr_array_free(dl.paths, TRUE);
	g_assert_cmpint(system(text = g_strdup_printf("rm -r '%s'", dir)),
	    ==, 0);
	g_free(text);
	g_free(sub);
	g_free(dir);
}

static void
test_maildir(void)
{
	char *dir = g_dir_make_tmp("mld-split-XXXXXX", NULL);
	char *cmd, *tmp, *name;
	const char *sub[] = { "cur", "new", "tmp" };
	struct mld_dirout d;
	struct deliver dl = { &d, g_ptr_array_new_with_free_func(g_free) };
	GRegex *re = g_regex_new("/new/[0-9]+\\.M[0-9]{6}P[0-9]+Q[0-9]+"
	    "R[0-9a-f]{16}\\.[^/:]+$", 0, 0, NULL);
	GDir *g;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(sub); i++) {
		name = g_build_filename(dir, sub[i], NULL);
		g_assert_cmpint(mkdir(name, 0700), ==, 0);
		g_free(name);
	}
	/* Twice over, as two runs of one process id would. */
	for (i = 0; i < 2; i++) {
		g_assert_true(mld_dirout_open(&d, dir, 1, true));
		g_assert_true(d.maildir);
		each_message(deliver_one, &dl);
		mld_dirout_close(&d);
	}
	g_assert_cmpuint(dl.paths->len, ==, 4);
	for (i = 0; i < dl.paths->len; i++) {
		name = g_ptr_array_index(dl.paths, i);
		g_assert_true(g_regex_match(re, name, 0, NULL));
		g_assert_true(g_file_test(name, G_FILE_TEST_IS_REGULAR));
		if (i > 0)
			g_assert_cmpstr(name, !=,
			    g_ptr_array_index(dl.paths, i - 1));
	}
	/* Nothing is left behind in tmp. */
	tmp = g_build_filename(dir, "tmp", NULL);
	g = g_dir_open(tmp, 0, NULL);
	g_assert_null(g_dir_read_name(g));
	g_dir_close(g);
	g_free(tmp);

	g_regex_unref(re);
	g_ptr_array_free(dl.paths, TRUE);
	cmd = g_strdup_printf("rm -r '%s'", dir);
	g_assert_cmpint(system(cmd), ==, 0);
	g_free(cmd);
	g_free(dir);
}

static void
test_rename_noreplace(void)
{
	char *dir = g_dir_make_tmp("mld-split-XXXXXX", NULL);
	char *a = g_build_filename(dir, "a", NULL);
	char *b = g_build_filename(dir, "b", NULL);
	char *text;

	g_assert_true(g_file_set_contents(a, "first", -1, NULL));
	g_assert_true(g_file_set_contents(b, "second", -1, NULL));
	errno = 0;
	g_assert_cmpint(mld_rename_noreplace(a, b), ==, -1);
	g_assert_cmpint(errno, ==, EEXIST);
	text = contents(a);
	g_assert_cmpstr(text, ==, "first");
	g_free(text);
	text = contents(b);
	g_assert_cmpstr(text, ==, "second");
	g_free(text);

	g_assert_cmpint(unlink(b), ==, 0);
	g_assert_cmpint(mld_rename_noreplace(a, b), ==, 0);
	g_assert_false(g_file_test(a, G_FILE_TEST_EXISTS));
	text = contents(b);
	g_assert_cmpstr(text, ==, "first");
	g_free(text);

	unlink(b);
	rmdir(dir);
	g_free(a);
	g_free(b);
	g_free(dir);
}

int
main(int argc, char **argv)
{
	mld_init("unit-split");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/split/index", test_index);
	g_test_add_func("/split/mboxrd", test_mboxrd);
	g_test_add_func("/split/numbered", test_numbered);
	g_test_add_func("/split/maildir", test_maildir);
	g_test_add_func("/split/rename-noreplace", test_rename_noreplace);
	return g_test_run();
}
