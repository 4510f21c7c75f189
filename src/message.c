/*
 * message.c - body text through GMime (see message.h).
 */
#include "message.h"

#include <string.h>
#include <gmime/gmime.h>

void
mld_texts_init(struct mld_texts *t)
{
	t->main = g_string_new(NULL);
	t->extra = g_string_new(NULL);
}

void
mld_texts_free(struct mld_texts *t)
{
	g_string_free(t->main, TRUE);
	g_string_free(t->extra, TRUE);
	t->main = t->extra = NULL;
}

char *
mld_text_repair(char *s)
{
	char *v;

	if (g_utf8_validate(s, -1, NULL))
		return s;
	v = g_convert(s, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
	if (v == NULL)
		v = g_utf8_make_valid(s, -1);
	g_free(s);
	return v;
}

/* Number of '>' that open a line: its quote depth in format=flowed. */
static size_t
quote_depth(const char *p, size_t n)
{
	size_t d = 0;

	while (d < n && p[d] == '>')
		d++;
	return d;
}

void
mld_unflow(GString *s, bool delsp)
{
	GString *out = g_string_sized_new(s->len);
	const char *p = s->str, *end = s->str + s->len, *nl, *b;
	size_t n, bn, d, open_depth = 0;
	bool open = false, flowed;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		d = quote_depth(p, n);
		if (open && d != open_depth) {
			g_string_append_c(out, '\n');
			open = false;
		}
		b = p;
		bn = n;
		if (open && d > 0) {
			/* A continued quoted line: its quote marks go. */
			b += d;
			bn -= d;
			if (bn > 0 && *b == ' ') {
				b++;
				bn--;
			}
		} else if (d == 0 && bn > 0 && *b == ' ') {
			/* Space-stuffing: one space was put before ' ', "From ". */
			b++;
			bn--;
		}
		flowed = bn > 0 && b[bn - 1] == ' ' &&
		    !(n == 3 && memcmp(p, "-- ", 3) == 0);
		g_string_append_len(out, b, (gssize)(flowed && delsp ? bn - 1 : bn));
		open = flowed;
		open_depth = d;
		if (!flowed && nl < end)
			g_string_append_c(out, '\n');
	}
	if (open && s->len > 0 && s->str[s->len - 1] == '\n')
		g_string_append_c(out, '\n');
	g_string_assign(s, out->str);
	g_string_free(out, TRUE);
}

/* Turns CRLF into LF in place. */
static void
crlf_to_lf(GString *s)
{
	char *r = s->str, *w = s->str, *end = s->str + s->len;

	for (; r < end; r++)
		if (!(r[0] == '\r' && r + 1 < end && r[1] == '\n'))
			*w++ = *r;
	g_string_truncate(s, (gsize)(w - s->str));
}

static bool
is_patch_type(GMimeContentType *ct)
{
	return g_mime_content_type_is_type(ct, "text", "x-patch") ||
	    g_mime_content_type_is_type(ct, "text", "x-diff") ||
	    g_mime_content_type_is_type(ct, "text", "diff") ||
	    g_mime_content_type_is_type(ct, "text", "patch");
}

/*
 * The decoded content of a part in UTF-8.  Not g_mime_text_part_get_text:
 * it returns a C string, and a NUL in the body (it happens) would cut it
 * there, diff and all; a NUL here becomes U+FFFD.
 */
static char *
decoded(GMimeObject *part)
{
	GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(part));
	const char *charset = g_mime_object_get_content_type_parameter(part,
	    "charset");
	GMimeStream *mem, *filtered;
	GMimeFilter *conv;
	GByteArray *bytes;
	GString *s;
	guint i;

	if (content == NULL)
		return NULL;
	mem = g_mime_stream_mem_new();
	filtered = g_mime_stream_filter_new(mem);
	if (charset != NULL && g_ascii_strcasecmp(charset, "utf-8") != 0 &&
	    g_ascii_strcasecmp(charset, "us-ascii") != 0 &&
	    (conv = g_mime_filter_charset_new(charset, "UTF-8")) != NULL) {
		g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), conv);
		g_object_unref(conv);
	}
	g_mime_data_wrapper_write_to_stream(content, filtered);
	g_mime_stream_flush(filtered);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	s = g_string_sized_new(bytes->len + 1);
	for (i = 0; i < bytes->len; i++) {
		if (bytes->data[i] == '\0')
			g_string_append(s, "\xef\xbf\xbd");
		else
			g_string_append_c(s, (char)bytes->data[i]);
	}
	g_object_unref(filtered);
	g_object_unref(mem);
	return mld_text_repair(g_string_free(s, FALSE));
}

static void
part_text(GMimeObject *part, GString *out)
{
	GMimeContentType *ct = g_mime_object_get_content_type(part);
	const char *fmt = g_mime_content_type_get_parameter(ct, "format");
	const char *delsp = g_mime_content_type_get_parameter(ct, "delsp");
	char *s = decoded(part);
	GString *t;

	if (s == NULL)
		return;
	t = g_string_new(s);
	g_free(s);
	crlf_to_lf(t);
	if (fmt != NULL && g_ascii_strcasecmp(fmt, "flowed") == 0)
		mld_unflow(t, delsp != NULL &&
		    g_ascii_strcasecmp(delsp, "yes") == 0);
	if (out->len > 0 && out->str[out->len - 1] != '\n')
		g_string_append_c(out, '\n');
	g_string_append_len(out, t->str, (gssize)t->len);
	g_string_free(t, TRUE);
}

struct walk {
	struct mld_texts *t;
	bool have_main;
};

static void
visit(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	struct walk *w = data;
	GMimeContentType *ct;
	bool attached;

	(void)parent;
	if (!GMIME_IS_TEXT_PART(part))
		return;
	ct = g_mime_object_get_content_type(part);
	attached = g_mime_part_is_attachment(GMIME_PART(part));
	if (!w->have_main && !attached &&
	    (g_mime_content_type_is_type(ct, "text", "plain") ||
	    is_patch_type(ct))) {
		part_text(part, w->t->main);
		w->have_main = true;
	} else if (g_mime_content_type_is_type(ct, "text", "plain") ||
	    is_patch_type(ct)) {
		part_text(part, w->t->extra);
	}
}

bool
mld_message_texts(const char *text, size_t len, struct mld_texts *t)
{
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(text, len);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *msg;
	struct walk w = { t, false };

	g_string_truncate(t->main, 0);
	g_string_truncate(t->extra, 0);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	g_object_unref(stream);
	if (msg == NULL)
		return false;
	g_mime_message_foreach(msg, visit, &w);
	g_object_unref(msg);
	return true;
}
