/* Unit tests for the forms of the digest: links, the escapers, and the
 * email read back by GMime. */
#include <string.h>
#include <gmime/gmime.h>

#include "digest.h"
#include "gmimeinit.h"
#include "link.h"
#include "markup.h"
#include "render.h"
#include "seen.h"

static void
test_link(void)
{
	struct mld_link l;
	char *u;

	g_assert_false(mld_link_init(&l, "https://example.org/"));
	g_assert_true(mld_link_init(&l, MLD_LINK_DEFAULT));
	u = mld_link_url(&l, "20250819.1-2@intel.com");
	g_assert_cmpstr(u, ==, "https://lore.kernel.org/r/20250819.1-2@intel.com");
	g_free(u);
	/* RFC 3986 pchar stays; '/', '%', '?', '#', space and 8-bit go. */
	u = mld_link_url(&l, "a/b%c?d#e f~!$&'()*+,;=:@\xc3\xa9");
	g_assert_cmpstr(u, ==, "https://lore.kernel.org/r/"
	    "a%2Fb%25c%3Fd%23e%20f~!$&'()*+,;=:@%C3%A9");
	g_free(u);
	g_assert_null(mld_link_url(&l, ""));
	g_assert_null(mld_link_url(NULL, "x@y"));
	mld_link_free(&l);
	g_assert_true(mld_link_init(&l, "{msgid} and {msgid}"));
	u = mld_link_url(&l, "a/b");
	g_assert_cmpstr(u, ==, "a%2Fb and a%2Fb");
	g_free(u);
	mld_link_free(&l);
}

static void
test_html(void)
{
	GString *s = g_string_new(NULL);

	mld_html_escape(s, "<a href=\"x\">&'</a> <U+202E> \xe2\x82\xac");
	g_assert_cmpstr(s->str, ==, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
	    "&lt;/a&gt; &lt;U+202E&gt; \xe2\x82\xac");
	g_string_free(s, TRUE);
}

static void
test_markdown(void)
{
	static const char *const cases[][2] = {
		{ "plain text: 1.5 - ok", "plain text: 1.5 - ok" },
		{ "*a* _b_ `c` [d](e) <f> #g |h ~i &j; \\k",
		  "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\#g \\|h \\~i "
		  "\\&j; \\\\k" },
		{ "- item", "\\- item" },
		{ "+ item", "\\+ item" },
		{ "= setext", "\\= setext" },
		{ "12. item", "12\\. item" },
		{ "3) item", "3\\) item" },
		{ "  indented", "&#32;&#32;indented" },
		{ "a <U+202E> b", "a \\<U+202E\\> b" },
	};
	GString *s = g_string_new(NULL);
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_string_truncate(s, 0);
		mld_md_escape(s, cases[i][0]);
		g_assert_cmpstr(s->str, ==, cases[i][1]);
	}
	g_assert_cmpuint(mld_md_fence("no ticks"), ==, 3);
	g_assert_cmpuint(mld_md_fence("``"), ==, 3);
	g_assert_cmpuint(mld_md_fence("a ``` b ````` c"), ==, 6);
	g_string_free(s, TRUE);
}

static void
test_json(void)
{
	GString *s = g_string_new(NULL);

	mld_json_string(s, "q\" b\\ \n\t\r \x01 \x7f \xff "
	    "\xe2\x80\xa8\xe2\x80\xa9 \xc3\xa9");
	g_assert_cmpstr(s->str, ==, "\"q\\\" b\\\\ \\n\\t\\r \\u0001 \\u007f "
	    "\xef\xbf\xbd \\u2028\\u2029 \xc3\xa9\"");
	g_string_truncate(s, 0);
	mld_json_string(s, NULL);
	g_assert_cmpstr(s->str, ==, "null");
	g_string_free(s, TRUE);
}

/* The whole digest of ps in a form (free it). */
static char *
render(struct mld_postings *ps, enum mld_format f)
{
	struct mld_digest_head head = { "KVM", "A", "B", NULL, NULL };
	struct mld_email_opts mail = { "Bot <bot@example.org>",
	    "kvm@example.org, \"Other, List\" <o@example.org>" };
	struct mld_render *r = mld_render_new(f, &mail);
	struct mld_seen seen;
	enum mld_digest_list l;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	g_assert_nonnull(r);
	g_assert_nonnull(out);
	mld_seen_init(&seen);
	mld_digest_head(&head, r, out);
	for (l = MLD_LIST_PATCHES; l <= MLD_LIST_PULLS; l++)
		mld_digest_list(ps, l, &seen, NULL, r, out);
	mld_digest_messages(ps, &seen, NULL, r, out);
	mld_digest_end(r, out);
	g_assert_cmpint(fclose(out), ==, 0);
	mld_seen_free(&seen);
	mld_render_free(r);
	return text;
}

/* The decoded content of a leaf part (free it). */
static char *
content(GMimeObject *o)
{
	GMimeStream *mem = g_mime_stream_mem_new();
	GByteArray *a;
	char *s;

	g_mime_data_wrapper_write_to_stream(g_mime_part_get_content(
	    GMIME_PART(o)), mem);
	a = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	s = g_strndup((const char *)a->data, a->len);
	g_object_unref(mem);
	return s;
}

static void
test_email(void)
{
	struct mld_postings *ps = mld_postings_new(false);
	struct mld_entry e = {
		.date = "2026-01-01T00:00:00Z", .msgid = "p1@example.org",
		.parent = "",
		.subject = "[PATCH] Zo\xc3\xab's fix <b>",
		.title = "Zo\xc3\xab's fix <b>", .author = "Zo\xc3\xab <z@x>",
		.body = "Body with a very long line " "0123456789012345678901"
		    "2345678901234567890123456789012345678901234567890\n",
		.version = 1, .n = 1, .total = 1,
	};
	char *mail, *text, *html, *t, *h;
	GMimeStream *st;
	GMimeParser *parser;
	GMimeMessage *m;
	GMimeObject *body;
	InternetAddressList *to;

	mld_postings_add(ps, &e);
	mail = render(ps, MLD_FORMAT_EMAIL);
	text = render(ps, MLD_FORMAT_TEXT);
	html = render(ps, MLD_FORMAT_HTML);
	st = g_mime_stream_mem_new_with_buffer(mail, strlen(mail));
	parser = g_mime_parser_new_with_stream(st);
	m = g_mime_parser_construct_message(parser, NULL);
	g_assert_nonnull(m);
	g_assert_cmpstr(g_mime_message_get_subject(m), ==,
	    "KVM mailing list update from A to B");
	g_assert_true(g_str_has_prefix(g_mime_message_get_message_id(m),
	    "mldigest."));
	g_assert_true(g_str_has_suffix(g_mime_message_get_message_id(m),
	    "@example.org"));
	g_assert_nonnull(g_mime_message_get_date(m));
	to = g_mime_message_get_addresses(m, GMIME_ADDRESS_TYPE_TO);
	g_assert_cmpint(internet_address_list_length(to), ==, 2);
	body = g_mime_message_get_mime_part(m);
	g_assert_true(GMIME_IS_MULTIPART(body));
	g_assert_cmpstr(g_mime_content_type_get_media_subtype(
	    g_mime_object_get_content_type(body)), ==, "alternative");
	g_assert_cmpint(g_mime_multipart_get_count(GMIME_MULTIPART(body)), ==,
	    2);
	t = content(g_mime_multipart_get_part(GMIME_MULTIPART(body), 0));
	h = content(g_mime_multipart_get_part(GMIME_MULTIPART(body), 1));
	g_assert_cmpstr(g_mime_object_get_content_type_parameter(
	    g_mime_multipart_get_part(GMIME_MULTIPART(body), 0), "charset"),
	    ==, "utf-8");
	g_assert_cmpstr(t, ==, text);
	g_assert_cmpstr(h, ==, html);
	g_free(t);
	g_free(h);
	g_object_unref(m);
	g_object_unref(parser);
	g_object_unref(st);
	free(mail);
	free(text);
	free(html);
	mld_postings_free(ps);
}

static void
test_format(void)
{
	enum mld_format f;

	g_assert_true(mld_format_parse("markdown", &f));
	g_assert_cmpint(f, ==, MLD_FORMAT_MARKDOWN);
	g_assert_true(mld_format_parse("email", &f));
	g_assert_cmpint(f, ==, MLD_FORMAT_EMAIL);
	g_assert_false(mld_format_parse("md", &f));
	g_assert_false(mld_format_parse("", &f));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	mld_gmime_init();
	g_test_add_func("/render/link", test_link);
	g_test_add_func("/render/html", test_html);
	g_test_add_func("/render/markdown", test_markdown);
	g_test_add_func("/render/json", test_json);
	g_test_add_func("/render/email", test_email);
	g_test_add_func("/render/format", test_format);
	return g_test_run();
}
