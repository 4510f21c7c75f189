/*
 * Unit tests for header.c: the end of the header block, one field read
 * (unfolded, trimmed, the first of its name), the one-pass scan against
 * reading each field alone, the scan against GMime's own header parser
 * on the sample archive, and the Message-ID.
 */
#include <string.h>
#include <glib.h>
#include <gmime/gmime.h>

#include "gmimeinit.h"
#include "header.h"
#include "mbox.h"
#include "tool.h"

static const char hdr[] =
	"From: A <a@example.org>\n"
	"Subject: [PATCH] a\n"
	"\tfolded  \n"
	"subject: second\n"
	"X-Empty:\n"
	"Message-ID:\n <id@example.org>\n"
	"From : spaced\n"
	"\n"
	"Body-Field: not a header\n";

static void
test_len(void)
{
	const char crlf[] = "A: b\r\n\r\nbody\r\n";

	g_assert_cmpuint(mld_header_len(hdr, strlen(hdr)), ==,
	    strstr(hdr, "\n\n") + 2 - hdr);
	g_assert_cmpuint(mld_header_len(crlf, strlen(crlf)), ==, 8);
	g_assert_cmpuint(mld_header_len("A: b", 4), ==, 4);
	g_assert_cmpuint(mld_header_len("\nbody", 5), ==, 1);
	g_assert_cmpuint(mld_header_len("", 0), ==, 0);
}

static void
test_name_len(void)
{
	g_assert_cmpuint(mld_header_name_len("Subject: x", 10), ==, 7);
	g_assert_cmpuint(mld_header_name_len("X-A:", 4), ==, 3);
	g_assert_cmpuint(mld_header_name_len(":x", 2), ==, 0);
	g_assert_cmpuint(mld_header_name_len("Sub ject: x", 11), ==, 0);
	g_assert_cmpuint(mld_header_name_len(" Subject: x", 11), ==, 0);
	g_assert_cmpuint(mld_header_name_len("Subject", 7), ==, 0);
	g_assert_cmpuint(mld_header_name_len("Subject: x", 7), ==, 0);
	g_assert_cmpuint(mld_header_name_len("Subj\303\251: x", 11), ==, 0);
	g_assert_cmpuint(mld_header_name_len("From x@y Mon", 12), ==, 0);
}

static void
test_get(void)
{
	GString *v = g_string_new(NULL);
	size_t hl = mld_header_len(hdr, strlen(hdr));

	g_assert_true(mld_header_get(hdr, hl, "subject", v));
	g_assert_cmpstr(v->str, ==, "[PATCH] a\tfolded");
	g_assert_true(mld_header_get(hdr, hl, "Message-ID", v));
	g_assert_cmpstr(v->str, ==, "<id@example.org>");
	g_assert_true(mld_header_get(hdr, hl, "X-Empty", v));
	g_assert_cmpstr(v->str, ==, "");
	g_assert_false(mld_header_get(hdr, hl, "Body-Field", v));
	g_assert_false(mld_header_get(hdr, hl, "To", v));
	g_assert_cmpstr(v->str, ==, "");
	g_string_free(v, TRUE);
}

/* The scan gives each field as mld_header_get does. */
static void
test_scan(void)
{
	static const char *const names[] = { "Message-ID", "From", "Subject",
		"To", "X-Empty", "subject" };
	GString *v[G_N_ELEMENTS(names)], *one = g_string_new(NULL);
	bool found[G_N_ELEMENTS(names)];
	size_t i, hl = mld_header_len(hdr, strlen(hdr));

	for (i = 0; i < G_N_ELEMENTS(names); i++)
		v[i] = g_string_new("stale");
	mld_header_scan(hdr, strlen(hdr), names, G_N_ELEMENTS(names), v,
	    found);
	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		g_assert_cmpint(found[i], ==,
		    mld_header_get(hdr, hl, names[i], one));
		if (found[i])
			g_assert_cmpstr(v[i]->str, ==, one->str);
		g_string_free(v[i], TRUE);
	}
	g_assert_false(found[3]);
	g_string_free(one, TRUE);
}

static void
test_msgid(void)
{
	char *id = mld_header_msgid(" <a.b@example.org> (comment)");

	g_assert_cmpstr(id, ==, "a.b@example.org");
	g_free(id);
	g_assert_null(mld_header_msgid("<>"));
	id = mld_header_msgid("<x\x01y@example.org>");
	g_assert_nonnull(id);
	g_assert_null(strchr(id, '\x01'));
	g_free(id);
}

/* GMime's raw value of field name in list, unfolded and trimmed. */
static char *
gmime_value(GMimeHeaderList *list, const char *name)
{
	GMimeHeader *h = g_mime_header_list_get_header(list, name);
	GString *s;
	const char *p;

	if (h == NULL)
		return NULL;
	s = g_string_new(NULL);
	for (p = g_mime_header_get_raw_value(h); *p != '\0'; p++)
		if (*p != '\n' && *p != '\r')
			g_string_append_c(s, *p);
	return g_strstrip(g_string_free(s, FALSE));
}

/* The hand-written scan reads each message of the samples as GMime. */
static void
test_scan_gmime(void)
{
	static const char *const names[] = { "From", "Subject", "Date",
		"Message-ID", "In-Reply-To", "References", "Content-Type" };
	struct mld_mbox *mb = mld_mbox_open("samples/kvm-week.mbox");
	GString *v[G_N_ELEMENTS(names)], *text = g_string_new(NULL);
	bool found[G_N_ELEMENTS(names)];
	GMimeParser *parser;
	GMimeStream *st;
	GMimeMessage *msg;
	struct mld_msg m;
	unsigned n = 0;
	size_t i;
	char *want;

	g_assert_nonnull(mb);
	for (i = 0; i < G_N_ELEMENTS(names); i++)
		v[i] = g_string_new(NULL);
	while (mld_mbox_next(mb, &m) > 0) {
		mld_msg_text(&m, text);
		mld_header_scan(text->str, text->len, names,
		    G_N_ELEMENTS(names), v, found);
		st = g_mime_stream_mem_new_with_buffer(text->str, text->len);
		parser = g_mime_parser_new_with_stream(st);
		msg = g_mime_parser_construct_message(parser, NULL);
		g_assert_nonnull(msg);
		for (i = 0; i < G_N_ELEMENTS(names); i++) {
			want = gmime_value(g_mime_object_get_header_list(
			    GMIME_OBJECT(msg)), names[i]);
			g_assert_cmpint(found[i], ==, want != NULL);
			if (want != NULL)
				g_assert_cmpstr(v[i]->str, ==, want);
			g_free(want);
		}
		g_object_unref(msg);
		g_object_unref(parser);
		g_object_unref(st);
		n++;
	}
	g_assert_cmpuint(n, >, 10);
	for (i = 0; i < G_N_ELEMENTS(names); i++)
		g_string_free(v[i], TRUE);
	g_string_free(text, TRUE);
	mld_mbox_close(mb);
}

int
main(int argc, char **argv)
{
	mld_init("unit-header");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/header/len", test_len);
	g_test_add_func("/header/name-len", test_name_len);
	g_test_add_func("/header/get", test_get);
	g_test_add_func("/header/scan", test_scan);
	g_test_add_func("/header/scan-gmime", test_scan_gmime);
	g_test_add_func("/header/msgid", test_msgid);
	return g_test_run();
}
