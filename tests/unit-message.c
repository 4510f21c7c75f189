/*
 * Unit tests for the body text of a message: the fast paths that read
 * plain text without GMime's parse, or where GMime's stream holds it,
 * against GMime's own decoder,
 * charsets and what cannot be converted, the bounds on what GMime reads,
 * MIME nesting and format=flowed.
 */
#include <string.h>

#include "fastpath.h"
#include "gmimeinit.h"
#include "message.h"
#include "plainpart.h"
#include "tool.h"

#define HDR "From: A <a@example.org>\nSubject: s\nMIME-Version: 1.0\n"

/* One message, each way the body text can come. */
#define S(text) { text, sizeof(text) - 1 }
static const struct {
	const char *text;
	size_t len;
} samples[] = {
	S(HDR "\nplain ascii\nline two\n"),
	S(HDR "Content-Type: text/plain; charset=utf-8\n\n"
	    "caf\303\251 \342\202\254\n"),
	S(HDR "Content-Type: text/plain; charset=us-ascii\n\r\n"
	    "CRLF\r\nlines\r\n"),
	S(HDR "Content-Type: text/plain; charset=iso-8859-1\n\ncaf\351\n"),
	S(HDR "Content-Type: text/plain; charset=x-unknown\n\n"
	    "na\357ve \223q\224\n"),
	S(HDR "Content-Type: text/plain\n\nstray \377 byte and \0 NUL\n"),
	S(HDR "Content-Transfer-Encoding: base64\n\nZm9vIGJhcgo=\n"),
	S(HDR "Content-Transfer-Encoding: quoted-printable\n\n"
	    "soft=\nbreak =C3=A9\n"),
	S(HDR "Content-Type: text/plain; format=flowed; delsp=yes\n\n"
	    "one two \nthree\n> quoted \n> on\n"),
	S(HDR "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
	    "Content-Type: text/plain\n\nthe message\n--b\n"
	    "Content-Type: text/x-patch; charset=utf-8\n"
	    "Content-Disposition: attachment; filename=a.patch\n\n"
	    "diff --git a/x b/x\n--b\nContent-Type: text/html\n\n<p>no</p>\n"
	    "--b--\n"),
	S(HDR "Content-Type: multipart/mixed; boundary=\"never\"\n\n"
	    "prologue only\n"),
	S(HDR "Content-Type: text/plain; charset=UTF-32\n\nhello\n"),
	S(HDR "Content-Type: text/plain; charset=UTF-16LE\n\nh\0i\0\n\0"),
	S(HDR "\n"),
	S(""),
};

/* The texts and warnings of one message, as one string. */
static char *
texts_of(const char *text, size_t len)
{
	struct mld_where where = { "unit", 1, 0 };
	struct mld_texts t;
	GString *s = g_string_new(NULL);
	bool ok;
	guint i;

	mld_texts_init(&t);
	ok = mld_message_texts(text, len, &where, &t);
	g_string_append_printf(s, "%d|%s|%s|", ok, t.main->str, t.extra->str);
	for (i = 0; i < t.warnings->len; i++)
		g_string_append_printf(s, "%s;",
		    (const char *)g_ptr_array_index(t.warnings, i));
	mld_texts_free(&t);
	return g_string_free(s, FALSE);
}

/* The fast path gives what GMime's decoder gives, warnings and all. */
static void
test_fast_path_agrees(void)
{
	char *fast, *slow;
	size_t i, n;

	for (i = 0; i < G_N_ELEMENTS(samples); i++) {
		n = samples[i].len;
		mld_fast_paths_set(true);
		fast = texts_of(samples[i].text, n);
		mld_fast_paths_set(false);
		slow = texts_of(samples[i].text, n);
		mld_fast_paths_set(true);
		g_assert_cmpstr(fast, ==, slow);
		g_free(fast);
		g_free(slow);
	}
}

/* Whether both ways give the same texts and warnings for text. */
static void
agree(const char *text)
{
	char *fast, *slow;

	mld_fast_paths_set(true);
	fast = texts_of(text, strlen(text));
	mld_fast_paths_set(false);
	slow = texts_of(text, strlen(text));
	mld_fast_paths_set(true);
	if (strcmp(fast, slow) != 0)
		g_test_message("message:\n%s", text);
	g_assert_cmpstr(fast, ==, slow);
	g_free(fast);
	g_free(slow);
}

/*
 * Every header the plain-part path reads or refuses, in every
 * combination, with bodies that each encoding and charset changes: the
 * texts and warnings are GMime's.
 */
static void
test_plain_part_agrees(void)
{
	static const char *const types[] = { NULL,
		"text/plain", "TEXT/Plain; CHARSET=UTF-8", "text/plain;",
		"text/plain; charset=\"us-ascii\"", "text/x-patch; name=a.diff",
		"text/plain;\n charset=iso-8859-1", "text/plain; charset=koi8-r",
		"text/plain; charset=x-nonesuch", "text/plain; charset=\"\"",
		"text/plain; format=flowed", "text/plain; format=Flowed; "
		"delsp=Yes", "text/plain; format=flowed; format=fixed",
		"text/plain; charset*=utf-8''x", "text/plain; charset=utf-8 (c)",
		"text/plain; charset=\"=?utf-8?q?latin1?=\"",
		"text/plain; charset=\"a\\\"b\"", "text/html", "text/plainx",
		"text", "multipart/mixed; boundary=b", "message/rfc822",
		"application/octet-stream", "text/plain charset=utf-8",
		"text/plain; charset=utf-8; charset=latin1", "text/plain; =x",
		"text/plain; name=\"a;b\"; charset=latin1" };
	static const char *const encodings[] = { NULL, "7bit", " 8BIT ",
		"binary", "quoted-printable", "Quoted-Printable", "base64",
		"8bit (c)", "x-uuencode", "", "7bit\n 8bit" };
	static const char *const dispositions[] = { NULL, "inline",
		"INLINE; filename=\"a b\"", "attachment", "inline attachment",
		"inline; filename*=x" };
	static const char *const bodies[] = { "",
		"plain\nlines\n", "caf\303\251 \351\r\nCRLF\r\n",
		"soft=\nbreak=3D =C3=A9 =e9 =ZZ=\r\nend =", "one two \nthree\n"
		"> q \n> r\n-- \nsig\n", "NUL \0 and =00 and =0", "=\n=\r" };
	static const char *const extras[] = { "", "Content-Type: text/plain\n",
		"Content-Transfer-Encoding: 8bit\n", "X-Bad Field: x\n",
		"Content-Disposition: inline\n", "Content-Type: text/plain\r\n",
		" folded first line\n", "Content-Language: en\n" };
	GString *m = g_string_new(NULL);
	size_t a, b, c, d, e;

	for (a = 0; a < G_N_ELEMENTS(types); a++)
	for (b = 0; b < G_N_ELEMENTS(encodings); b++)
	for (c = 0; c < G_N_ELEMENTS(dispositions); c++)
	for (d = 0; d < G_N_ELEMENTS(bodies); d++)
	for (e = 0; e < G_N_ELEMENTS(extras); e++) {
		/* The extra header lines with the first header only. */
		if (e > 0 && (a > 0 || b > 0 || c > 0))
			continue;
		g_string_assign(m, e == 6 ? extras[e] : "");
		g_string_append(m, "From: a@example.org\nSubject: s\n");
		if (types[a] != NULL)
			g_string_append_printf(m, "Content-Type: %s\n", types[a]);
		if (encodings[b] != NULL)
			g_string_append_printf(m, "Content-Transfer-Encoding: "
			    "%s\n", encodings[b]);
		if (dispositions[c] != NULL)
			g_string_append_printf(m, "Content-Disposition: %s\n",
			    dispositions[c]);
		if (e != 6)
			g_string_append(m, extras[e]);
		g_string_append_printf(m, "\n%s", bodies[d]);
		agree(m->str);
	}
	g_string_free(m, TRUE);
}

/* Whether text is read by the plain-part path. */
static bool
plain(const char *text)
{
	struct mld_plain_part pp;

	return mld_plain_part(text, strlen(text), 2000, &pp);
}

/* The path takes what git send-email and mutt write, and nothing else. */
static void
test_plain_part_taken(void)
{
	g_assert_true(plain(HDR "\nbody\n"));
	g_assert_true(plain(HDR "Content-Type: text/plain; charset=\"UTF-8\"\n"
	    "Content-Transfer-Encoding: 8bit\n\nbody\n"));
	g_assert_true(plain(HDR "Content-Type: text/plain; charset=us-ascii\n"
	    "Content-Disposition: inline\n\nbody\n"));
	g_assert_true(plain(HDR "Content-Type: text/plain; charset=iso-8859-1\n"
	    "Content-Transfer-Encoding: quoted-printable\n\nbody\n"));
	g_assert_true(plain("Subject: no body\n"));
	g_assert_false(plain(HDR "Content-Type: multipart/signed; "
	    "boundary=b\n\n--b\n"));
	g_assert_false(plain(HDR "Content-Transfer-Encoding: base64\n\nYQ==\n"));
	g_assert_false(plain(HDR "Content-Disposition: attachment\n\nbody\n"));
	g_assert_false(plain(HDR "Content-Type: text/plain\nContent-Type: "
	    "text/html\n\nbody\n"));
	g_assert_false(plain("From a@b Mon Jan  1 00:00:00 2001\n" HDR "\nb\n"));
	g_assert_false(plain("Subject: s\r\n\r\nbody\r\n"));
	g_assert_false(plain(""));
}

static void
test_unquote(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "plain", "plain" },
		{ "soft=\nbreak", "softbreak" },
		{ "crlf=\r\nsoft", "crlfsoft" },
		{ "=3D=3d=C3=a9", "==\303\251" },
		{ "=ZZ=4", "=ZZ" },
		{ "==41", "==41" },
		{ "=\rA", "=\rA" },
		{ "end=", "end" },
		{ "end=\r", "end" },
	};
	GString *s = g_string_new(NULL);
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_string_truncate(s, 0);
		mld_plain_unquote(cases[i].in, strlen(cases[i].in), s);
		g_assert_cmpstr(s->str, ==, cases[i].out);
	}
	g_string_free(s, TRUE);
}

static void
expect(const char *text, size_t len, const char *want)
{
	char *got = texts_of(text, len);

	g_assert_cmpstr(got, ==, want);
	g_free(got);
}

#define EXPECT(text, want) expect(text, sizeof(text) - 1, want)

static void
test_charsets(void)
{
	EXPECT(HDR "Content-Type: text/plain; charset=iso-8859-1\n\ncaf\351\n",
	    "1|caf\303\251\n||");
	/* Declared windows-874, written in latin-1: 0xfc is no character. */
	EXPECT(HDR "Content-Type: text/plain; charset=windows-874\n\n"
	    "f\374r\n", "1|f\303\274r\n||text not in its charset windows-874, "
	    "read as UTF-8 and windows-1252;");
	/* UTF-32 that is not: GMime's filter gave nothing at all. */
	EXPECT(HDR "Content-Type: text/plain; charset=UTF-32\n\nhello\n",
	    "1|hello\n||text not in its charset UTF-32, read as UTF-8 and "
	    "windows-1252;");
	EXPECT(HDR "Content-Type: text/plain; charset=UTF-7\n\n"
	    "Hi Mom -+Jjo--!\n", "1|Hi Mom -\342\230\272-!\n||");
	EXPECT(HDR "Content-Type: text/plain; charset=UTF-7\n\n"
	    "Hi +\351\377-!\n", "1|Hi +\303\251\303\277-!\n||text not in "
	    "its charset UTF-7, read as UTF-8 and windows-1252;");
	/* A warning shows only the plain characters of the name. */
	EXPECT(HDR "Content-Type: text/plain; charset=\"UTF-7//IGNORE\"\n\n"
	    "Hi +\351-!\n", "1|Hi +\303\251-!\n||text not in its charset "
	    "UTF-7IGNORE, read as UTF-8 and windows-1252;");
	/* A name iconv does not know is an unknown charset. */
	EXPECT(HDR "Content-Type: text/plain; charset=\"UTF-7\033]0;x\"\n\n"
	    "a\n", "1|a\n||");
	/* An unknown charset: the documented reading, without a word. */
	EXPECT(HDR "Content-Type: text/plain; charset=x-none\n\nna\357ve\n",
	    "1|na\303\257ve\n||");
	/* A valid conversion to nothing stays nothing. */
	EXPECT(HDR "Content-Type: text/plain; charset=UTF-16\n\n\377\376",
	    "1|||");
}

/* A message of n nested multiparts, text at the bottom. */
static GString *
nested(unsigned n)
{
	GString *s = g_string_new(HDR);
	unsigned i;

	for (i = 0; i < n; i++)
		g_string_append_printf(s, "Content-Type: multipart/mixed; "
		    "boundary=\"b%u\"\n\n--b%u\n", i, i);
	g_string_append(s, "Content-Type: text/plain\n\ndeep\n");
	for (i = n; i-- > 0;)
		g_string_append_printf(s, "\n--b%u--\n", i);
	return s;
}

static void
test_nesting(void)
{
	GString *s = nested(1000);

	expect(s->str, s->len, "1|deep\n||");
	g_string_free(s, TRUE);
	s = nested(1100);
	expect(s->str, s->len, "1|||MIME parts nested over 1024 levels deep, "
	    "those below not read;");
	g_string_free(s, TRUE);
}

/* A header too long for GMime: only its MIME fields are read. */
static void
test_header_bound(void)
{
	GString *s = g_string_new("From: a@example.org\n");
	unsigned i;

	for (i = 0; i < 3000; i++)
		g_string_append_printf(s, "X-Filler-%u: value\n", i);
	g_string_append(s, "Content-Type: text/plain;\n charset=iso-8859-1\n"
	    "\ncaf\351\n");
	expect(s->str, s->len, "1|caf\303\251\n||");
	/* MIME fields beyond the bound are not read, and that is said. */
	g_string_assign(s, "Content-Type: text/plain; charset=iso-8859-1\n");
	for (i = 0; i < 3000; i++)
		g_string_append_printf(s, "Content-X-%u: value\n", i);
	g_string_append(s, "\ncaf\351\n");
	expect(s->str, s->len, "1|caf\303\251\n||MIME header fields over 2000 "
	    "lines, the rest not read;");
	g_string_free(s, TRUE);
}

/* A body of too many parts is read up to the bound, and that is said. */
static void
test_parts_bound(void)
{
	GString *s = g_string_new(HDR "Content-Type: multipart/mixed; "
	    "boundary=\"b\"\n\n");
	GString *want = g_string_new("1|p0|");
	size_t at;
	char *got;
	unsigned i;

	for (i = 0; i < 12000; i++)
		g_string_append_printf(s, "--b\nContent-Type: text/plain\n\n"
		    "p%u\n", i);
	g_string_append(s, "--b--\n");
	got = texts_of(s->str, s->len);
	/* 20,000 lines: 10,000 parts, each of a boundary and a field. */
	for (i = 1; i < 10000; i++)
		g_string_append_printf(want, "p%u\n", i);
	at = (size_t)(strstr(s->str, "--b\nContent-Type: text/plain\n\n"
	    "p10000\n") - s->str);
	g_string_append_printf(want, "|over 20000 MIME boundary and part "
	    "header lines, the text after byte %zu not read;", at);
	g_assert_cmpstr(got, ==, want->str);
	g_free(got);
	/* In a body that is not multipart, "--- a/file" lines are no parts. */
	g_string_assign(s, HDR "\n");
	for (i = 0; i < 30000; i++)
		g_string_append_printf(s, "--- a/f%u\n+++ b/f%u\n", i, i);
	got = texts_of(s->str, s->len);
	g_assert_true(g_str_has_suffix(got, "+++ b/f29999\n||"));
	g_free(got);
	g_string_free(s, TRUE);
	g_string_free(want, TRUE);
}

static void
test_unflow(void)
{
	GString *s = g_string_new("one two \nthree\n> a \n> b\n-- \nsig\n");

	mld_unflow(s, false);
	g_assert_cmpstr(s->str, ==, "one two three\n> a b\n-- \nsig\n");
	g_string_assign(s, "del \nsp\n");
	mld_unflow(s, true);
	g_assert_cmpstr(s->str, ==, "delsp\n");
	g_string_free(s, TRUE);
}

int
main(int argc, char **argv)
{
	mld_init("unit-message");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/message/fast-path-agrees", test_fast_path_agrees);
	g_test_add_func("/message/plain-part-agrees", test_plain_part_agrees);
	g_test_add_func("/message/plain-part-taken", test_plain_part_taken);
	g_test_add_func("/message/unquote", test_unquote);
	g_test_add_func("/message/charsets", test_charsets);
	g_test_add_func("/message/nesting", test_nesting);
	g_test_add_func("/message/header-bound", test_header_bound);
	g_test_add_func("/message/parts-bound", test_parts_bound);
	g_test_add_func("/message/unflow", test_unflow);
	return g_test_run();
}
