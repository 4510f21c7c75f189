/*
 * Unit tests for text.c: the one rule for stray bytes, controls and
 * format characters, the terminal-safe writer, RFC 2047 decoding (against
 * GMime where GMime is right) and the plain-ASCII fast path against the
 * decoder.
 */
#include <string.h>
#include <glib.h>
#include <gmime/gmime.h>

#include "fastpath.h"
#include "gmimeinit.h"
#include "text.h"
#include "tool.h"

static void
test_repair(void)
{
	char *s = mld_text_repair(g_strdup("caf\xe9 \x93q\x94"));

	g_assert_cmpstr(s, ==, "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d");
	g_free(s);
	/* UTF-8 runs stay; 0x81 is a hole of windows-1252. */
	s = mld_text_repair(g_strdup("\xc3\xa9t\xe9 \x80\x81"));
	g_assert_cmpstr(s, ==, "\xc3\xa9t\xc3\xa9 \xe2\x82\xac\xef\xbf\xbd");
	g_free(s);
	s = mld_text_repair(g_strdup("ok \xc3\xa9"));
	g_assert_cmpstr(s, ==, "ok \xc3\xa9");
	g_free(s);
}

static void
test_show(void)
{
	GString *s = g_string_new(NULL);

	mld_text_show(s, "a\tb\nc\x1b[0m\x7f\xc2\x9b\xff\xc3\xa9", false);
	g_assert_cmpstr(s->str, ==,
	    "a\tb\nc^[[0m^?<U+009B>\xc3\xbf\xc3\xa9");
	g_string_truncate(s, 0);
	mld_text_show(s, "New: x\nExist: y\tz", true);
	g_assert_cmpstr(s->str, ==, "New: x^JExist: y^Iz");
	/* Format characters are shown, never obeyed; an invalid byte is
	 * read as windows-1252, as everywhere. */
	g_string_truncate(s, 0);
	mld_text_show(s, "a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x80\x8f"
	    "\xf3\xa0\x80\x81" "d\xd8\x9c\x93", true);
	g_assert_cmpstr(s->str, ==, "a<U+202E>b<U+2066>c<U+200F><U+E0001>d"
	    "<U+061C>\xe2\x80\x9c");
	g_string_free(s, TRUE);
}

static void
test_clean(void)
{
	static const char *const cases[][3] = {
		/* raw, as a field, as a label */
		{ "plain", "plain", "plain" },
		{ "a\tb\x1b[0m\x7f", "a b [0m ", "a b [0m " },
		{ "\x93hi\x94", "\xe2\x80\x9chi\xe2\x80\x9d",
		    "\xe2\x80\x9chi\xe2\x80\x9d" },
		{ "x\xc2\x9by", "x y", "x y" },
		{ "a\xe2\x80\xae" "b\xe2\x81\xa9" "c", "a\xe2\x80\xae" "b\xe2\x81\xa9" "c",
		    "a b c" },
		{ "t\xf3\xa0\x81\xbfg\xe2\x80\x8e", "t\xf3\xa0\x81\xbfg\xe2\x80\x8e",
		    "t g " },
		/* Zero-width joiners are left alone: scripts need them. */
		{ "a\xe2\x80\x8d" "b", "a\xe2\x80\x8d" "b", "a\xe2\x80\x8d" "b" },
	};
	size_t i;
	char *s;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		s = mld_text_clean(g_strdup(cases[i][0]), MLD_TEXT_FIELD);
		g_assert_cmpstr(s, ==, cases[i][1]);
		g_free(s);
		s = mld_text_clean(g_strdup(cases[i][0]), MLD_TEXT_LABEL);
		g_assert_cmpstr(s, ==, cases[i][2]);
		g_free(s);
	}
}

/* Stray bytes in a Subject decode as they do in a body. */
static void
test_decode_stray(void)
{
	char *s = mld_text_decode("\223hi\224", MLD_TEXT_FIELD);
	char *b = mld_text_repair(g_strdup("\223hi\224"));

	g_assert_cmpstr(s, ==, "\xe2\x80\x9chi\xe2\x80\x9d");
	g_assert_cmpstr(s, ==, b);
	g_free(s);
	g_free(b);
	s = mld_text_decode("caf\xe9 =?UTF-8?Q?ol=C3=A9?=", MLD_TEXT_FIELD);
	g_assert_cmpstr(s, ==, "caf\xc3\xa9 ol\xc3\xa9");
	g_free(s);
}

/* Words GMime decodes right: ours must give the same. */
static void
test_decode_gmime(void)
{
	static const char *const cases[] = {
		"=?UTF-8?Q?Ren=C3=A9_Z?=", "=?utf-8?b?w6k=?=",
		"=?ISO-8859-1?Q?caf=E9?= ok", "a =?UTF-8?Q?x?= b",
		"=?UTF-8?Q?a?=  =?ISO-8859-1?Q?=E9?=", "a=?UTF-8?Q?x?=b",
		"=?UTF-8?Q?=E2=80?= =?UTF-8?Q?=9C?=", "=?UTF-8*en?Q?x?=",
		"=?UTF-8?Q?a?= b =?UTF-8?Q?c?=", "=?UTF-8?X?x?=", "=?UTF-8?Q?" "?= z",
		"=?UTF-8?Q?a b?=", "=?UTF-8?Q?x=4?=", "=?koi8-r?B?8NLJ18XU?=",
		"[PATCH] =?UTF-8?B?W1BBVENIXQ==?=", "=?windows-1252?Q?=93q=94?=",
		"=?gb2312?B?suLK1A==?=", "=?UTF-8?Q?x", "=?UTF-8?Q?a=C3?= b",
	};
	char *ours, *theirs;
	size_t i;

	mld_fast_paths_set(false);
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		ours = mld_text_decode(cases[i], MLD_TEXT_FIELD);
		theirs = mld_text_clean(g_mime_utils_header_decode_text(NULL,
		    cases[i]), MLD_TEXT_FIELD);
		g_assert_cmpstr(ours, ==, theirs);
		g_free(ours);
		g_free(theirs);
	}
	mld_fast_paths_set(true);
}

/* Where GMime is wrong: a word after one ending in base64 padding. */
static void
test_decode_padding(void)
{
	static const char *const cases[][2] = {
		{ "=?UTF-8?B?aGk=?= =?UTF-8?B?dGhlcmU=?= tail", "hithere tail" },
		{ "=?UTF-8?B?aA==?= =?UTF-8?B?aQ==?= x", "hi x" },
		{ "=?UTF-8?B?4oA=?= =?UTF-8?B?nA==?=", "\xe2\x80\x9c" },
		{ "=?UTF-8?B?44GK?= =?UTF-8?B?5ZWP?=", "\xe3\x81\x8a\xe5\x95\x8f" },
	};
	size_t i;
	char *s;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		s = mld_text_decode(cases[i][0], MLD_TEXT_FIELD);
		g_assert_cmpstr(s, ==, cases[i][1]);
		g_free(s);
	}
}

/* Subjects for the fast path: each decodes the same on both paths. */
static const char *const subjects[] = { "[PATCH v2 1/3] KVM: x86: fix",
	"Re: [PATCH] a\tb", "  spaced  ", "", "a =? b", "=?", "?=",
	"=?UTF-8?Q?x?=", "caf\xc3\xa9", "bad \xe9", "ctl \x01 \x7f",
	"a\xe2\x80\xae" "b" };

static void
test_decode_fast_path(void)
{
	char *fast, *slow;
	size_t i;
	int rule;

	for (rule = MLD_TEXT_FIELD; rule <= MLD_TEXT_LABEL; rule++) {
		for (i = 0; i < G_N_ELEMENTS(subjects); i++) {
			mld_fast_paths_set(true);
			fast = mld_text_decode(subjects[i], rule);
			mld_fast_paths_set(false);
			slow = mld_text_decode(subjects[i], rule);
			g_assert_cmpstr(fast, ==, slow);
			g_free(fast);
			g_free(slow);
		}
	}
	mld_fast_paths_set(true);
}

int
main(int argc, char **argv)
{
	mld_init("unit-text");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/text/repair", test_repair);
	g_test_add_func("/text/clean", test_clean);
	g_test_add_func("/text/show", test_show);
	g_test_add_func("/text/decode-stray", test_decode_stray);
	g_test_add_func("/text/decode-gmime", test_decode_gmime);
	g_test_add_func("/text/decode-padding", test_decode_padding);
	g_test_add_func("/text/decode-fast-path", test_decode_fast_path);
	return g_test_run();
}
