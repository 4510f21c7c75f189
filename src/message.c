/*
 * message.c - body text through GMime (see message.h).
 */
#include "message.h"
#include "addr.h"
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <gmime/gmime.h>

#include "fastpath.h"
#include "header.h"
#include "plainpart.h"

/*
 * What GMime is given.  It costs about 500 bytes for each header line
 * and 2 KB for each part, 40 to 60 times the text: a message of a
 * million header lines or parts would take gigabytes.  Real mail has a
 * few hundred of either (375 header lines and 225 boundary-like lines at
 * most in 42,000 messages of two kernel lists).
 */
#define HEADER_LINES_MAX 2000	/* top-level header lines given whole */
#define MIME_LINES_MAX 20000	/* boundary and part header lines */
#define NESTING_MAX 1024	/* the MIME nesting GMime reads */

void
mld_texts_init(struct mld_texts *t)
{
	t->main = g_string_new(NULL);
	t->extra = g_string_new(NULL);
	t->warnings = g_ptr_array_new_with_free_func(g_free);
	t->copy = g_string_new(NULL);
	t->parser = NULL;
	t->options = NULL;
}

void
mld_texts_free(struct mld_texts *t)
{
	g_string_free(t->main, TRUE);
	g_string_free(t->extra, TRUE);
	g_ptr_array_free(t->warnings, TRUE);
	g_string_free(t->copy, TRUE);
	t->main = t->extra = t->copy = NULL;
	t->warnings = NULL;
	if (t->parser != NULL)
		g_object_unref(t->parser);
	if (t->options != NULL)
		g_mime_parser_options_free(t->options);
	t->parser = NULL;
	t->options = NULL;
}

/* Adds a warning about the message, once. */
static void G_GNUC_PRINTF(2, 3)
warn(struct mld_texts *t, const char *fmt, ...)
{
	va_list ap;
	char *w;
	guint i;

	va_start(ap, fmt);
	w = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	for (i = 0; i < t->warnings->len; i++)
		if (strcmp(g_ptr_array_index(t->warnings, i), w) == 0) {
			g_free(w);
			return;
		}
	g_ptr_array_add(t->warnings, w);
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

	/* An empty byte array has no data at all: NULL. */
	if (p == end)
		return;
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

/*
 * A charset name as a diagnostic may show it: at most 40 of its letters,
 * digits and ".:_+-".
 */
static void
charset_shown(const char *charset, char buf[static 41])
{
	size_t n = 0;

	for (; *charset != '\0' && n < 40; charset++)
		if (g_ascii_isalnum(*charset) || strchr(".:_+-", *charset))
			buf[n++] = *charset;
	buf[n] = '\0';
}

/*
 * Converts in[0..n) from charset to UTF-8, appended to out.  Returns 1
 * when done, 0 when iconv does not know the charset, -1 when the text is
 * not in it (an invalid or cut sequence): out is then as it was.  Not
 * GMime's charset filter: it drops what it cannot convert without a
 * word, a whole UTF-32 text for one.
 */
static int
convert(const char *charset, const guint8 *in, size_t n, GString *out)
{
	iconv_t cd = g_mime_iconv_open("UTF-8", charset);
	size_t start = out->len, done = start, r, il = n, ol;
	char *ip = (char *)in, *op;

	if (cd == (iconv_t)-1)
		return 0;
	g_string_set_size(out, start + n + n / 2 + 16);
	for (;;) {
		op = out->str + done;
		ol = out->len - done;
		r = iconv(cd, &ip, &il, &op, &ol);
		done = (size_t)(op - out->str);
		if (r != (size_t)-1 || errno != E2BIG)
			break;
		g_string_set_size(out, out->len * 2);
	}
	g_mime_iconv_close(cd);
	g_string_truncate(out, r == (size_t)-1 ? start : done);
	return r == (size_t)-1 ? -1 : 1;
}

/*
 * Appends in[0..n), text in charset, to out in UTF-8.  Text that is not
 * in the charset it declares is read as text of an unknown charset is,
 * and the caller told.
 */
static void
convert_text(const guint8 *in, size_t n, const char *charset, GString *out,
    struct mld_texts *t)
{
	GString *conv = NULL;
	char shown[41];

	if (!is_utf8(charset) && n > 0) {
		conv = g_string_sized_new(n);
		switch (convert(charset, in, n, conv)) {
		case -1:
			charset_shown(charset, shown);
			warn(t, "text not in its charset %s, read as UTF-8 "
			    "and windows-1252", shown);
			/* FALLTHROUGH */
		case 0:
			g_string_free(conv, TRUE);
			conv = NULL;
			break;
		}
	}
	if (conv != NULL) {
		append_lf(out, (const guint8 *)conv->str,
		    (const guint8 *)conv->str + conv->len);
		g_string_free(conv, TRUE);
	} else {
		append_lf(out, in, in + n);
	}
}

/* Content decoded and converted to UTF-8. */
static void
decode(GMimeDataWrapper *content, const char *charset, GString *out,
    struct mld_texts *t)
{
	GMimeStream *mem = g_mime_stream_mem_new();
	GByteArray *bytes;

	g_mime_data_wrapper_write_to_stream(content, mem);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	convert_text(bytes->data, bytes->len, charset, out, t);
	g_object_unref(mem);
}

/*
 * Makes the text out holds from offset start what a reader gets: valid
 * UTF-8, and format=flowed undone.
 */
static void
finish(GString *out, size_t start, bool flowed, bool delsp)
{
	GString *f;

	repair_from(out, start);
	if (!flowed)
		return;
	f = g_string_new(out->str + start);
	mld_unflow(f, delsp);
	g_string_truncate(out, start);
	g_string_append_len(out, f->str, (gssize)f->len);
	g_string_free(f, TRUE);
}

/*
 * Appends the text of a part to out, decoded and in UTF-8.  Not
 * g_mime_text_part_get_text: it returns a C string, and a NUL in the
 * body (it happens) would cut it there, diff and all.
 */
static void
part_text(GMimeObject *part, GString *out, struct mld_texts *t)
{
	GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(part));
	GMimeContentType *ct = g_mime_object_get_content_type(part);
	const char *charset = g_mime_content_type_get_parameter(ct, "charset");
	const char *fmt = g_mime_content_type_get_parameter(ct, "format");
	const char *delsp = g_mime_content_type_get_parameter(ct, "delsp");
	size_t start;

	if (content == NULL)
		return;
	if (out->len > 0 && out->str[out->len - 1] != '\n')
		g_string_append_c(out, '\n');
	start = out->len;
	if (!mld_fast_paths() || !direct(content, charset, out))
		decode(content, charset, out, t);
	finish(out, start, fmt != NULL && g_ascii_strcasecmp(fmt, "flowed") == 0,
	    delsp != NULL && g_ascii_strcasecmp(delsp, "yes") == 0);
}

/* The text of a message that is one plain text part (plainpart.h). */
static void
plain_text(struct mld_texts *t, const char *text, size_t len,
    const struct mld_plain_part *pp)
{
	char *charset = NULL;

	if (pp->charset != NULL)
		charset = g_strndup(pp->charset, pp->charset_len);
	if (pp->quoted) {
		g_string_truncate(t->copy, 0);
		mld_plain_unquote(text + pp->body, len - pp->body, t->copy);
		convert_text((const guint8 *)t->copy->str, t->copy->len,
		    charset, t->main, t);
	} else {
		convert_text((const guint8 *)text + pp->body, len - pp->body,
		    charset, t->main, t);
	}
	finish(t->main, 0, pp->flowed, pp->delsp);
	g_free(charset);
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
		part_text(part, w->t->main, w->t);
		w->have_main = true;
	} else if (g_mime_content_type_is_type(ct, "text", "plain") ||
	    is_patch_type(ct)) {
		part_text(part, w->t->extra, w->t);
	}
}

/* GMime's word on what it could not read, for the caller to report. */
static void
parser_warning(gint64 offset, GMimeParserWarning code, const gchar *item,
    gpointer data)
{
	(void)offset;
	(void)item;
	if (code == GMIME_CRIT_NESTING_OVERFLOW)
		warn(data, "MIME parts nested over %d levels deep, those "
		    "below not read", NESTING_MAX);
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
    bool deep, GByteArray **bytes)
{
	GMimeStream *stream;

	if (t->parser == NULL) {
		t->parser = g_mime_parser_new();
		g_mime_parser_set_format(t->parser, GMIME_FORMAT_MESSAGE);
		t->options = g_mime_parser_options_new();
		g_mime_parser_options_set_warning_callback(t->options,
		    parser_warning, t);
	}
	/* GMime is only given reads: the cast drops a const it keeps. */
	*bytes = g_byte_array_new_take((guint8 *)text, len);
	stream = g_mime_stream_mem_new_with_byte_array(*bytes);
	g_mime_parser_init_with_stream(t->parser, stream);
	g_object_unref(stream);
	/* GMime's warnings cost it a fifth more time: only where the
	 * message may be nested deep enough for the one that matters. */
	return g_mime_parser_construct_message(t->parser,
	    deep ? t->options : NULL);
}

/* Drops the message and takes the borrowed bytes back from GMime. */
static void
unparse(GMimeMessage *msg, GByteArray *bytes)
{
	if (msg != NULL)
		g_object_unref(msg);
	g_byte_array_steal(bytes, NULL);
}

/* The end of the line at p (its '\n', or end). */
static const char *
eol(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl != NULL ? nl : end;
}

/* Whether the line p[0..n) opens a field GMime needs to read the body. */
static bool
is_mime_field(const char *p, size_t n)
{
	return (n >= 8 && g_ascii_strncasecmp(p, "content-", 8) == 0) ||
	    (n >= 13 && g_ascii_strncasecmp(p, "mime-version:", 13) == 0);
}

/*
 * Whether the header text[0, hl) makes the body parts: a Content-Type
 * of multipart/ or message/.  Any other body is one part to GMime, what
 * ever lines it holds.
 */
static bool
has_parts(const char *text, size_t hl)
{
	const char *p = text, *end = text + hl, *v;

	for (; p < end; p = eol(p, end) + 1) {
		if ((size_t)(end - p) < 13 ||
		    g_ascii_strncasecmp(p, "content-type:", 13) != 0)
			continue;
		for (v = p + 13; v < end && g_ascii_isspace(*v); v++)
			;
		if (((size_t)(end - v) >= 10 &&
		    g_ascii_strncasecmp(v, "multipart/", 10) == 0) ||
		    ((size_t)(end - v) >= 8 &&
		    g_ascii_strncasecmp(v, "message/", 8) == 0))
			return true;
	}
	return false;
}

/*
 * Where the text GMime may read ends: before the line at which the body,
 * text[from, len), has had MIME_LINES_MAX lines that each cost GMime an
 * object: boundary-like lines ("--" first), the header lines that follow
 * one, and those of a header right after such a header (a message/rfc822
 * part's, or the body's own).  A diff's "--- a/file" line counts, in a
 * multipart.  *lines is set to the lines counted: each level of MIME
 * nesting takes one at least.
 */
static size_t
mime_end(const char *text, size_t from, size_t len, size_t *lines)
{
	const char *p = text + from, *end = text + len, *nl;
	enum { BODY, HEADER, AFTER } state = AFTER;
	size_t n;

	*lines = 0;
	for (; p < end; p = nl + 1) {
		nl = eol(p, end);
		n = (size_t)(nl - p);
		if (n >= 2 && p[0] == '-' && p[1] == '-')
			state = HEADER;
		else if (state == HEADER && n == 0)
			state = AFTER;
		else if ((state != BODY && mld_header_name_len(p, n) > 0) || (state == HEADER &&
		    (p[0] == ' ' || p[0] == '\t')))
			state = HEADER;
		else
			state = BODY;
		if (state == HEADER && ++*lines > MIME_LINES_MAX)
			return (size_t)(p - text);
	}
	return len;
}

/*
 * Copies the message into t->copy for GMime with only the top-level
 * fields it needs to read the body (Content-*, MIME-Version), and of
 * these no more than HEADER_LINES_MAX lines; body text[hl, end).
 */
static void
mime_header_only(struct mld_texts *t, const char *text, size_t hl,
    size_t end)
{
	const char *p = text, *stop = text + hl, *nl;
	size_t n, lines = 0;
	bool keep = false;

	g_string_truncate(t->copy, 0);
	for (; p < stop; p = nl + 1) {
		nl = eol(p, stop);
		n = (size_t)(nl - p);
		if (n == 0 || (n == 1 && *p == '\r'))
			break;
		if (*p != ' ' && *p != '\t')
			keep = is_mime_field(p, n);
		if (keep && ++lines > HEADER_LINES_MAX) {
			warn(t, "MIME header fields over %d lines, the rest "
			    "not read", HEADER_LINES_MAX);
			keep = false;
		}
		if (keep)
			g_string_append_len(t->copy, p, (gssize)(nl + 1 - p));
		if (nl == stop)
			break;
	}
	g_string_append_len(t->copy, p, (gssize)(text + end - p));
}

/* The number of lines of text[0, n), n > 0. */
static size_t
count_lines(const char *text, size_t n)
{
	const char *p = text, *end = text + n;
	size_t lines = 0;

	for (; p < end; p = eol(p, end) + 1)
		lines++;
	return lines;
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
	struct mld_plain_part plain;
	size_t hl, end, lines = 0;

	g_string_truncate(t->main, 0);
	g_string_truncate(t->extra, 0);
	g_ptr_array_set_size(t->warnings, 0);
	/* Address fields that would make GMime recurse are blanked. */
	if ((safe = mld_addr_defuse(text, len, where)) != NULL)
		text = safe;
	/* Most mail is one plain text part: no parse. */
	if (mld_fast_paths() && mld_plain_part(text, len, HEADER_LINES_MAX,
	    &plain)) {
		plain_text(t, text, len, &plain);
		g_free(safe);
		return true;
	}
	hl = mld_header_len(text, len);
	end = has_parts(text, hl) ? mime_end(text, hl, len, &lines) : len;
	if (end < len)
		warn(t, "over %d MIME boundary and part header lines, the "
		    "text after byte %zu not read", MIME_LINES_MAX, end);
	if (hl > 0 && count_lines(text, hl) > HEADER_LINES_MAX) {
		mime_header_only(t, text, hl, end);
		text = t->copy->str;
		end = t->copy->len;
	}
	/* A byte array holds at most 4 GiB. */
	if (end > G_MAXUINT) {
		g_free(safe);
		return false;
	}
	msg = parse_in_place(t, text, end, lines >= NESTING_MAX, &bytes);
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
