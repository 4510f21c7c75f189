/*
 * message.c - body text through GMime (see message.h).
 */
#include "message.h"
#include "addr.h"
#include "text.h"

#include <stdint.h>
#include <string.h>
#include <gmime/gmime.h>

void
mld_texts_init(struct mld_texts *t)
{
	t->main = g_string_new(NULL);
	t->extra = g_string_new(NULL);
	t->parser = NULL;
}

void
mld_texts_free(struct mld_texts *t)
{
	g_string_free(t->main, TRUE);
	g_string_free(t->extra, TRUE);
	t->main = t->extra = NULL;
	if (t->parser != NULL)
		g_object_unref(t->parser);
	t->parser = NULL;
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

static bool
is_patch_type(GMimeContentType *ct)
{
	return g_mime_content_type_is_type(ct, "text", "x-patch") ||
	    g_mime_content_type_is_type(ct, "text", "x-diff") ||
	    g_mime_content_type_is_type(ct, "text", "diff") ||
	    g_mime_content_type_is_type(ct, "text", "patch");
}

/*
 * Appends bytes to out with CRLF turned into LF and each NUL into U+FFFD,
 * in one pass: this copy is the only one the body text goes through.
 */
static void
append_lf(GString *out, const guint8 *p, const guint8 *end)
{
	const guint8 *q;
	size_t start = out->len, nul = 0;
	char *w;

	for (q = p; q < end && (q = memchr(q, '\0', (size_t)(end - q))) != NULL;
	    q++)
		nul++;
	if (nul == 0 && memchr(p, '\r', (size_t)(end - p)) == NULL) {
		g_string_append_len(out, (const char *)p, end - p);
		return;
	}
	g_string_set_size(out, start + (size_t)(end - p) + 2 * nul);
	w = out->str + start;
	for (; p < end; p++) {
		if (*p == '\0') {
			memcpy(w, "\xef\xbf\xbd", 3);
			w += 3;
		} else if (!(*p == '\r' && p + 1 < end && p[1] == '\n')) {
			*w++ = (char)*p;
		}
	}
	g_string_truncate(out, (gsize)(w - out->str));
}

/* Length of the ASCII run at the start of p[0..n), eight bytes a step. */
static size_t
ascii_prefix(const char *p, size_t n)
{
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < n && (unsigned char)p[i] < 0x80)
		i++;
	return i;
}

/*
 * Makes what out holds from offset start valid UTF-8.  Most patch mail
 * is ASCII: that part is skipped fast, g_utf8_validate reads the rest.
 */
static void
repair_from(GString *out, size_t start)
{
	char *s;

	start += ascii_prefix(out->str + start, out->len - start);
	if (g_utf8_validate(out->str + start, (gssize)(out->len - start), NULL))
		return;
	s = mld_text_repair(g_strndup(out->str + start, out->len - start));
	g_string_truncate(out, start);
	g_string_append(out, s);
	g_free(s);
}

/* A charset that needs no conversion to UTF-8. */
static bool
is_utf8(const char *charset)
{
	return charset == NULL || g_ascii_strcasecmp(charset, "utf-8") == 0 ||
	    g_ascii_strcasecmp(charset, "us-ascii") == 0;
}

/*
 * Content that is neither encoded nor in another charset is read where it
 * lies, in the memory the parser was given: no stream, no copy.
 */
static bool
direct(GMimeDataWrapper *content, const char *charset, GString *out)
{
	GMimeStream *st = g_mime_data_wrapper_get_stream(content);
	GByteArray *buf;
	gint64 a, b;

	switch (g_mime_data_wrapper_get_encoding(content)) {
	case GMIME_CONTENT_ENCODING_DEFAULT:
	case GMIME_CONTENT_ENCODING_7BIT:
	case GMIME_CONTENT_ENCODING_8BIT:
	case GMIME_CONTENT_ENCODING_BINARY:
		break;
	default:
		return false;
	}
	if (!is_utf8(charset) || st == NULL || !GMIME_IS_STREAM_MEM(st))
		return false;
	buf = GMIME_STREAM_MEM(st)->buffer;
	a = st->bound_start;
	b = st->bound_end < 0 ? (gint64)buf->len : st->bound_end;
	if (buf == NULL || a < 0 || a > b || b > (gint64)buf->len)
		return false;
	append_lf(out, buf->data + a, buf->data + b);
	return true;
}

/* Content decoded and converted to UTF-8 through GMime's filters. */
static void
decode(GMimeDataWrapper *content, const char *charset, GString *out)
{
	GMimeStream *mem = g_mime_stream_mem_new();
	GMimeStream *filtered = g_mime_stream_filter_new(mem);
	GMimeFilter *conv;
	GByteArray *bytes;

	if (!is_utf8(charset) &&
	    (conv = g_mime_filter_charset_new(charset, "UTF-8")) != NULL) {
		g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), conv);
		g_object_unref(conv);
	}
	g_mime_data_wrapper_write_to_stream(content, filtered);
	g_mime_stream_flush(filtered);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	append_lf(out, bytes->data, bytes->data + bytes->len);
	g_object_unref(filtered);
	g_object_unref(mem);
}

/*
 * Appends the text of a part to out, decoded and in UTF-8.  Not
 * g_mime_text_part_get_text: it returns a C string, and a NUL in the
 * body (it happens) would cut it there, diff and all.
 */
static void
part_text(GMimeObject *part, GString *out)
{
	GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(part));
	GMimeContentType *ct = g_mime_object_get_content_type(part);
	const char *charset = g_mime_content_type_get_parameter(ct, "charset");
	const char *fmt = g_mime_content_type_get_parameter(ct, "format");
	const char *delsp = g_mime_content_type_get_parameter(ct, "delsp");
	GString *t;
	size_t start;

	if (content == NULL)
		return;
	if (out->len > 0 && out->str[out->len - 1] != '\n')
		g_string_append_c(out, '\n');
	start = out->len;
	if (!direct(content, charset, out))
		decode(content, charset, out);
	repair_from(out, start);
	if (fmt != NULL && g_ascii_strcasecmp(fmt, "flowed") == 0) {
		t = g_string_new(out->str + start);
		mld_unflow(t, delsp != NULL && g_ascii_strcasecmp(delsp, "yes") == 0);
		g_string_truncate(out, start);
		g_string_append_len(out, t->str, (gssize)t->len);
		g_string_free(t, TRUE);
	}
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

/*
 * The message GMime reads from text[0..len) where it lies.  Its memory
 * stream copies a buffer it is given, but takes a byte array as it is,
 * and the parts' streams share that array: the array borrows the bytes
 * (new_take) and gives them back (unparse) once the message is dropped;
 * the stream, owner of the emptied array, goes with the next message.
 * One parser serves every message: a new one takes a 4 KiB block, and
 * malloc sweeps up all the small blocks the last message freed to find
 * it, which cost 7% of the run.
 */
static GMimeMessage *
parse_in_place(struct mld_texts *t, const char *text, size_t len,
    GByteArray **bytes)
{
	GMimeStream *stream;

	if (t->parser == NULL) {
		t->parser = g_mime_parser_new();
		g_mime_parser_set_format(t->parser, GMIME_FORMAT_MESSAGE);
	}
	/* GMime is only given reads: the cast drops a const it keeps. */
	*bytes = g_byte_array_new_take((guint8 *)text, len);
	stream = g_mime_stream_mem_new_with_byte_array(*bytes);
	g_mime_parser_init_with_stream(t->parser, stream);
	g_object_unref(stream);
	return g_mime_parser_construct_message(t->parser, NULL);
}

/* Drops the message and takes the borrowed bytes back from GMime. */
static void
unparse(GMimeMessage *msg, GByteArray *bytes)
{
	if (msg != NULL)
		g_object_unref(msg);
	g_byte_array_steal(bytes, NULL);
}

bool
mld_message_texts(const char *text, size_t len, const struct mld_where *where,
    struct mld_texts *t)
{
	GMimeMessage *msg;
	GByteArray *bytes;
	GMimeObject *top;
	const char *pro;
	char *safe;
	struct walk w = { t, false };

	g_string_truncate(t->main, 0);
	g_string_truncate(t->extra, 0);
	/* A byte array holds at most 4 GiB. */
	if (len > G_MAXUINT)
		return false;
	/* Address fields that would make GMime recurse are blanked. */
	if ((safe = mld_addr_defuse(text, len, where)) != NULL)
		text = safe;
	msg = parse_in_place(t, text, len, &bytes);
	if (msg == NULL) {
		unparse(NULL, bytes);
		g_free(safe);
		return false;
	}
	g_mime_message_foreach(msg, visit, &w);
	top = g_mime_message_get_mime_part(msg);
	/* A multipart whose boundary never comes holds all in its prologue. */
	if (!w.have_main && t->extra->len == 0 && top != NULL &&
	    GMIME_IS_MULTIPART(top) &&
	    (pro = g_mime_multipart_get_prologue(GMIME_MULTIPART(top))) != NULL) {
		append_lf(t->main, (const guint8 *)pro,
		    (const guint8 *)pro + strlen(pro));
		repair_from(t->main, 0);
	}
	unparse(msg, bytes);
	g_free(safe);
	return true;
}
