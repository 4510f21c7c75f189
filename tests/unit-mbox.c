/*
 * Unit tests for the mbox reader: From_ line shapes and dialects, the
 * bounds of the Content-Length scan, the longest message, and a file that
 * changes while it is read.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mbox.h"
#include "tool.h"

static void
test_from_lines(void)
{
	static const char *const yes[] = {
		"From mboxrd@z Thu Jan  1 00:00:00 1970",
		"From 5b3c2f1e0d Mon Sep 17 00:00:00 2001",
		"From user@example.org Tue Aug 19 10:01:33 2025",
		"From user@example.org Tue Aug 19 10:01:33 2025\r",
		"From - Tue Aug 19 9:01 2025",
		"From user@example.org Tue Aug 19 10:01:33 2025 +0200",
		"From user@example.org Tue Aug 19 10:01:33 2025\r\r",
	};
	static const char *const no[] = {
		"From the start it counted guest ticks.",
		"From: Ada Example <ada@example.org>",
		"From 10:30 until noon",
		"From user@example.org Tue Aug 19 2025",
		"From user@example.org 10:01:33",
		"From ",
		"From",
		">From mboxrd@z Thu Jan  1 00:00:00 1970",
		"from mboxrd@z Thu Jan  1 00:00:00 1970",
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(yes); i++)
		g_assert_true(mld_is_from_line(yes[i], strlen(yes[i])));
	for (i = 0; i < G_N_ELEMENTS(no); i++)
		g_assert_false(mld_is_from_line(no[i], strlen(no[i])));
}

/* Reads all messages of a string through a temporary file. */
static GPtrArray *
read_all(const char *mbox)
{
	char path[] = "/tmp/mld-mbox-XXXXXX";
	int fd = mkstemp(path);
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
	struct mld_mbox *mb;
	struct mld_msg m;
	GString *s;

	g_assert_cmpint(fd, >=, 0);
	g_assert_cmpint(write(fd, mbox, strlen(mbox)), ==, (ssize_t)strlen(mbox));
	close(fd);
	mb = mld_mbox_open(path);
	g_assert_nonnull(mb);
	while (mld_mbox_next(mb, &m) > 0) {
		s = g_string_new(NULL);
		mld_msg_text(&m, s);
		g_ptr_array_add(texts, g_string_free(s, FALSE));
	}
	mld_mbox_close(mb);
	unlink(path);
	return texts;
}

#define FROM "From x@example.org Tue Aug 19 10:01:33 2025\n"
#define FROM_CR "From x@example.org Tue Aug 19 10:01:33 2025\r"

static void
test_mboxrd_unquoting(void)
{
	GPtrArray *t = read_all(FROM "Subject: a\n\n>From here\n>>From there\n"
	    "From the top\n\n" FROM "Subject: b\n\nbody\n");

	g_assert_cmpuint(t->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(t, 0), ==,
	    "Subject: a\n\nFrom here\n>From there\nFrom the top\n");
	g_assert_cmpstr(g_ptr_array_index(t, 1), ==, "Subject: b\n\nbody\n");
	g_ptr_array_free(t, TRUE);
}

static void
test_crlf(void)
{
	GPtrArray *t = read_all("From x@example.org Tue Aug 19 10:01:33 2025\r\n"
	    "Subject: a\r\n\r\nbody\r\n\r\n"
	    "From x@example.org Tue Aug 19 10:01:34 2025\r\n"
	    "Subject: b\r\n\r\nlast\r\n");

	g_assert_cmpuint(t->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(t, 0), ==, "Subject: a\n\nbody\n");
	g_assert_cmpstr(g_ptr_array_index(t, 1), ==, "Subject: b\n\nlast\n");
	g_ptr_array_free(t, TRUE);
}

/* A trusted Content-Length keeps an unquoted From_ line in the body. */
static void
test_content_length(void)
{
	/* 47: the From_ line (44 bytes with its newline) and "ok\n". */
	GPtrArray *t = read_all(FROM "Content-Length: 47\n\n"
	    "From y@example.org Tue Aug 19 10:01:33 2025\nok\n\n"
	    FROM "Subject: b\n\nb\n");
	GPtrArray *bad = read_all(FROM "Content-Length: 7\n\n"
	    "From y@example.org Tue Aug 19 10:01:33 2025\nok\n");

	/* A quoted From line past the From_ line the length spans. */
	GPtrArray *q = read_all(FROM "Content-Length: 53\n\n"
	    "From y@example.org Tue Aug 19 10:01:33 2025\n>From ok\n\n"
	    FROM "Subject: b\n\nb\n");

	g_assert_cmpuint(t->len, ==, 2);
	g_assert_true(g_str_has_suffix(g_ptr_array_index(t, 0), "\nok\n"));
	g_assert_cmpuint(q->len, ==, 2);
	g_assert_true(g_str_has_suffix(g_ptr_array_index(q, 0),
	    "2025\nFrom ok\n"));
	g_ptr_array_free(q, TRUE);
	/* 7 bytes land inside a line: not trusted, the From_ line splits. */
	g_assert_cmpuint(bad->len, ==, 2);
	g_ptr_array_free(t, TRUE);
	g_ptr_array_free(bad, TRUE);
}

static void
test_no_from_line(void)
{
	GPtrArray *t = read_all("\n\nSubject: piped\n\nbody without newline");
	GPtrArray *none = read_all("\n\r\n\n");

	g_assert_cmpuint(t->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(t, 0), ==,
	    "Subject: piped\n\nbody without newline\n");
	g_assert_cmpuint(none->len, ==, 0);
	g_ptr_array_free(t, TRUE);
	g_ptr_array_free(none, TRUE);
}

/* Each line shape against the three kinds of From line looked for. */
static void
test_has_from_line(void)
{
	static const struct {
		const char *text;
		bool unquoted, quoted, any;
	} cases[] = {
		{ "From here\n", true, false, true },
		{ "a\nFrom here\n", true, false, true },
		{ ">From here\n", false, true, true },
		{ "a\n>>>From here", false, true, true },
		{ "a >From here\nFrom", false, false, false },
		{ "a\nFrom: header\n", false, false, false },
		{ "a\nFrom", false, false, false },
		{ ">>\nFrom x\n>From y\n", true, true, true },
		{ "aFrom x\n>aFrom y\n", false, false, false },
		{ "", false, false, false },
	};
	size_t i, n;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		n = strlen(cases[i].text);
		g_assert_cmpint(mld_has_from_line(cases[i].text, n,
		    MLD_UNQUOTED), ==, cases[i].unquoted);
		g_assert_cmpint(mld_has_from_line(cases[i].text, n,
		    MLD_QUOTED), ==, cases[i].quoted);
		g_assert_cmpint(mld_has_from_line(cases[i].text, n,
		    MLD_ANY_QUOTES), ==, cases[i].any);
	}
}

/* Raw bytes are the text exactly when mld_msg_text would copy them. */
static void
test_msg_is_text(void)
{
	static const char *const raws[] = {
		"Subject: a\n\nbody\n",
		"Subject: a\n\nbody",
		"Subject: a\r\n\r\nbody\r\n",
		"Subject: a\n\n>From here\n",
		"Subject: a\n\nFrom here\n",
		"Subject: a\n\nsee >From\n",
	};
	GString *text = g_string_new(NULL);
	struct mld_msg m;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(raws); i++) {
		memset(&m, 0, sizeof m);
		m.raw = raws[i];
		m.rawlen = strlen(raws[i]);
		g_string_truncate(text, 0);
		mld_msg_text(&m, text);
		g_assert_cmpint(mld_msg_is_text(&m), ==,
		    strcmp(text->str, raws[i]) == 0);
	}
	g_string_free(text, TRUE);
}

/* The (number, offset, span) of every message of an mbox in memory. */
static GArray *
positions(const char *mbox, size_t len, size_t max)
{
	struct mld_mbox *mb = mld_mbox_open_mem(mbox, len, "mem");
	GArray *a = g_array_new(FALSE, FALSE, sizeof(uint64_t));
	struct mld_msg m;

	if (max > 0)
		mld_mbox_set_max(mb, max);
	while (mld_mbox_next(mb, &m) > 0) {
		g_array_append_val(a, m.where.number);
		g_array_append_val(a, m.where.offset);
		g_array_append_val(a, m.span);
	}
	mld_mbox_close(mb);
	return a;
}

#define POS(a, i, k) g_array_index(a, uint64_t, 3 * (i) + (k))

/*
 * A message without a body ends at the next From_ line: its header scan
 * never reads on into the next message, whose Content-Length it would
 * borrow (and swallow that message), and which made the scan quadratic.
 */
static void
test_header_only(void)
{
	static const char merge[] = FROM "Subject: one\n"
	    FROM "Subject: two\nContent-Length: 5\n\nbody\n\n"
	    FROM "Subject: three\n\nz\n";
	GString *many = g_string_new(NULL);
	GArray *a = positions(merge, strlen(merge), 0);
	uint64_t end = 0;
	guint i;

	g_assert_cmpuint(a->len, ==, 9);
	g_assert_cmpuint(POS(a, 1, 1), ==, strlen(FROM "Subject: one\n"));
	g_array_free(a, TRUE);

	for (i = 0; i < 40000; i++)
		g_string_append_printf(many, FROM "Subject: m%u\n", i);
	a = positions(many->str, many->len, 0);
	g_assert_cmpuint(a->len, ==, 3 * 40000);
	for (i = 0; i < 40000; i++) {
		g_assert_cmpuint(POS(a, i, 1), ==, end);
		end += POS(a, i, 2);
	}
	g_assert_cmpuint(end, ==, many->len);
	g_array_free(a, TRUE);
	g_string_free(many, TRUE);
}

/* A message longer than the longest is skipped, and the next one read. */
static void
test_longest(void)
{
	GString *s = g_string_new(FROM "Subject: a\n\nshort\n\n" FROM);
	GArray *a;
	uint64_t skipped;

	g_string_append(s, "Subject: b\n\n");
	skipped = s->len;
	g_string_append_len(s, "\0\0\0\0\0\0\0\0\0\0", 10);
	while (s->len < skipped + 300)
		g_string_append(s, "a long line without its end ");
	g_string_append(s, "\n" FROM "Subject: c\n\nc\n");
	a = positions(s->str, s->len, 200);
	g_assert_cmpuint(a->len, ==, 6);
	g_assert_cmpuint(POS(a, 0, 0), ==, 1);
	g_assert_cmpuint(POS(a, 1, 0), ==, 3);
	g_assert_cmpuint(POS(a, 1, 1) + POS(a, 1, 2), ==, s->len);
	g_array_free(a, TRUE);

	/* Line-free to the end; and nothing left after it. */
	a = positions(s->str + skipped, 300, 200);
	g_assert_cmpuint(a->len, ==, 0);
	g_array_free(a, TRUE);
	/* The same read whole when it may be. */
	a = positions(s->str, s->len, 0);
	g_assert_cmpuint(a->len, ==, 9);
	g_array_free(a, TRUE);
	g_string_free(s, TRUE);
}

/*
 * The texts of an mbox read from a pipe that brings it in pieces, each a
 * moment after the other: the reader sees each piece as the end of what
 * there is so far.
 */
static GPtrArray *
read_pieces(const char *const *pieces, size_t n)
{
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
	struct mld_mbox *mb;
	struct mld_msg m;
	GString *s;
	int fd[2], in;
	pid_t pid;
	size_t i;

	g_assert_cmpint(pipe(fd), ==, 0);
	pid = fork();
	g_assert_cmpint(pid, >=, 0);
	if (pid == 0) {
		close(fd[0]);
		for (i = 0; i < n; i++) {
			if (write(fd[1], pieces[i], strlen(pieces[i])) < 0)
				_exit(1);
			g_usleep(20000);
		}
		_exit(0);
	}
	close(fd[1]);
	in = dup(0);
	dup2(fd[0], 0);
	close(fd[0]);
	mb = mld_mbox_open("-");
	while (mld_mbox_next(mb, &m) > 0) {
		s = g_string_new(NULL);
		mld_msg_text(&m, s);
		g_ptr_array_add(texts, g_string_free(s, FALSE));
	}
	mld_mbox_close(mb);
	dup2(in, 0);
	close(in);
	return texts;
}

/* An old Mac mbox: each line ends in a bare CR. */
static void
test_cr_only(void)
{
	static const char *const pieces[] = { "\r\r", FROM_CR "Subject: a\r",
	    "\rbody\r", "\r" FROM_CR "Subject: b\r\rlast\r" };
	static const char *const crlf[] = { FROM "Subject: a\r",
	    "\n\r", "\nbody\r", "\n" };
	GPtrArray *t = read_all("\r" FROM_CR "Subject: a\r\rbody\r\r"
	    FROM_CR "Subject: b\r\rlast\r");

	g_assert_cmpuint(t->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(t, 0), ==, "Subject: a\n\nbody\n");
	g_assert_cmpstr(g_ptr_array_index(t, 1), ==, "Subject: b\n\nlast\n");
	g_ptr_array_free(t, TRUE);
	/* A From_ line in "\r\r\n" is no bare CR: the input is CRLF. */
	t = read_all("From x@example.org Tue Aug 19 10:01:33 2025\r\r\n"
	    "Subject: a\r\n\r\nbody\r\n\r\n"
	    "From x@example.org Tue Aug 19 10:01:34 2025\r\r\n"
	    "Subject: b\r\n\r\nlast\r\n");
	g_assert_cmpuint(t->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(t, 1), ==, "Subject: b\n\nlast\n");
	g_ptr_array_free(t, TRUE);
	/* A CR last in what has come may begin a CRLF, or be a line end. */
	t = read_pieces(pieces, G_N_ELEMENTS(pieces));
	g_assert_cmpuint(t->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(t, 0), ==, "Subject: a\n\nbody\n");
	g_assert_cmpstr(g_ptr_array_index(t, 1), ==, "Subject: b\n\nlast\n");
	g_ptr_array_free(t, TRUE);
	t = read_pieces(crlf, G_N_ELEMENTS(crlf));
	g_assert_cmpuint(t->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(t, 0), ==, "Subject: a\n\nbody\n");
	g_ptr_array_free(t, TRUE);
}

/*
 * A file cut short while it is read (a mail client expunging) ends the
 * reading with an error, after the messages read whole.
 */
static void
test_file_changed(void)
{
	char path[] = "/tmp/mld-mbox-XXXXXX";
	int fd = mkstemp(path);
	GString *s = g_string_new(NULL);
	struct mld_mbox *mb;
	struct mld_msg m;
	int got;
	unsigned n = 0;

	g_assert_cmpint(fd, >=, 0);
	while (s->len < 16u << 20)
		g_string_append(s, FROM "Subject: a\n\nbody\n\n");
	g_assert_cmpint(write(fd, s->str, s->len), ==, (ssize_t)s->len);
	mb = mld_mbox_open(path);
	g_assert_nonnull(mb);
	g_assert_cmpint(mld_mbox_next(mb, &m), ==, 1);
	g_assert_cmpint(ftruncate(fd, 1000), ==, 0);
	while ((got = mld_mbox_next(mb, &m)) > 0)
		n++;
	g_assert_cmpint(got, ==, -1);
	g_assert_cmpuint(n, <, s->len / strlen(FROM "Subject: a\n\nbody\n\n"));
	mld_mbox_close(mb);
	close(fd);
	unlink(path);
	g_string_free(s, TRUE);
}

int
main(int argc, char **argv)
{
	mld_init("unit-mbox");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/mbox/from-lines", test_from_lines);
	g_test_add_func("/mbox/mboxrd-unquoting", test_mboxrd_unquoting);
	g_test_add_func("/mbox/crlf", test_crlf);
	g_test_add_func("/mbox/content-length", test_content_length);
	g_test_add_func("/mbox/no-from-line", test_no_from_line);
	g_test_add_func("/mbox/has-from-line", test_has_from_line);
	g_test_add_func("/mbox/msg-is-text", test_msg_is_text);
	g_test_add_func("/mbox/header-only", test_header_only);
	g_test_add_func("/mbox/longest", test_longest);
	g_test_add_func("/mbox/cr-only", test_cr_only);
	g_test_add_func("/mbox/file-changed", test_file_changed);
	return g_test_run();
}
