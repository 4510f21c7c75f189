/*
 * Unit tests for messages held whole (maildir and MH files, public-inbox
 * blobs): given in the mbox reader's form, their text comes back as it
 * was, and mbox.c's writers see what they would see in an mbox.
 */
#include <string.h>

#include "mbox.h"
#include "msgfile.h"

/* The message text mld_msg_text gives for data held whole. */
static char *
text_of(struct mld_msgfile *f, const char *data, struct mld_msg *m)
{
	GString *s = g_string_new(NULL);

	memset(m, 0, sizeof *m);
	m->where.input = "test";
	m->where.number = 7;
	mld_msgfile_msg(f, data, strlen(data), m);
	g_assert_cmpstr(m->where.input, ==, "test");
	g_assert_cmpuint(m->where.number, ==, 7);
	g_assert_cmpuint(m->span, ==, strlen(data));
	mld_msg_text(m, s);
	return g_string_free(s, FALSE);
}

/* Text without any From line is given as it is, without a copy. */
static void
test_plain(void)
{
	static const char msg[] = "Subject: a\n\nbody\n";
	struct mld_msgfile f;
	struct mld_msg m;
	char *t;

	mld_msgfile_init(&f);
	t = text_of(&f, msg, &m);
	g_assert_true(m.raw == msg);
	g_assert_true(m.no_quoted_from);
	g_assert_null(m.from_line);
	g_assert_false(m.crlf);
	g_assert_true(mld_msg_is_text(&m));
	g_assert_cmpstr(t, ==, msg);
	g_free(t);
	mld_msgfile_free(&f);
}

/* Body lines starting From and >From stay as they were written. */
static void
test_from_lines_kept(void)
{
	static const char msg[] = "Subject: a\n\nFrom here on\n"
	    ">From quoted\n>>From twice\nFrom x Thu Jan  1 00:00:00 1970\n";
	struct mld_msgfile f;
	struct mld_msg m;
	char *t;

	mld_msgfile_init(&f);
	t = text_of(&f, msg, &m);
	g_assert_cmpstr(t, ==, msg);
	g_assert_false(m.no_quoted_from);
	g_assert_nonnull(memmem(m.raw, m.rawlen, "\n>>From quoted\n", 15));
	g_assert_nonnull(memmem(m.raw, m.rawlen, "\n>From here on\n", 15));
	g_free(t);
	/* The buffer is reused: a later plain message is not escaped. */
	t = text_of(&f, "Subject: b\n\nplain\n", &m);
	g_assert_cmpstr(t, ==, "Subject: b\n\nplain\n");
	g_assert_true(m.no_quoted_from);
	g_free(t);
	mld_msgfile_free(&f);
}

/* A git format-patch file opens with a From_ line: it is the separator. */
static void
test_from_line_first(void)
{
	static const char msg[] = "From 5b3c2f1e0d Mon Sep 17 00:00:00 2001\r\n"
	    "Subject: [PATCH] x\r\n\r\nFrom the start\r\n";
	struct mld_msgfile f;
	struct mld_msg m;
	char *t;

	mld_msgfile_init(&f);
	t = text_of(&f, msg, &m);
	g_assert_nonnull(m.from_line);
	g_assert_cmpuint(m.from_len, ==, 40);
	g_assert_true(m.crlf);
	g_assert_cmpstr(t, ==, "Subject: [PATCH] x\n\nFrom the start\n");
	g_free(t);
	mld_msgfile_free(&f);
}

/* An empty file is an empty message; no final newline is added to raw. */
static void
test_edges(void)
{
	struct mld_msgfile f;
	struct mld_msg m;
	char *t;

	mld_msgfile_init(&f);
	t = text_of(&f, "", &m);
	g_assert_cmpuint(m.rawlen, ==, 0);
	g_assert_cmpstr(t, ==, "");
	g_free(t);
	t = text_of(&f, "Subject: c\n\nno newline", &m);
	g_assert_cmpuint(m.rawlen, ==, 22);
	g_assert_cmpstr(t, ==, "Subject: c\n\nno newline\n");
	g_free(t);
	mld_msgfile_free(&f);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/msgfile/plain", test_plain);
	g_test_add_func("/msgfile/from-lines-kept", test_from_lines_kept);
	g_test_add_func("/msgfile/from-line-first", test_from_line_first);
	g_test_add_func("/msgfile/edges", test_edges);
	return g_test_run();
}
