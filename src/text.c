/*
 * text.c - repairing, cleaning, decoding and showing text (see text.h).
 */
#include "text.h"
#include "fastpath.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <gmime/gmime.h>

/* windows-1252 0x80-0x9f; the five holes become U+FFFD. */
static const gunichar cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
};

char *
mld_text_repair(char *s)
{
	const char *p = s, *bad;
	GString *out;
	guchar c;

	if (g_utf8_validate(s, -1, &bad))
		return s;
	/* Valid UTF-8 runs stay; each byte between them is windows-1252. */
	out = g_string_sized_new(strlen(s) + 16);
	do {
		g_string_append_len(out, p, bad - p);
		c = (guchar)*bad;
		g_string_append_unichar(out, c >= 0x80 && c < 0xa0 ?
		    cp1252[c - 0x80] : c);
		p = bad + 1;
	} while (!g_utf8_validate(p, -1, &bad));
	g_string_append(out, p);
	g_free(s);
	return g_string_free(out, FALSE);
}

bool
mld_text_is_format(gunichar c)
{
	return c == 0x200e || c == 0x200f || c == 0x061c ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    (c >= 0xe0000 && c <= 0xe007f);
}

static bool
is_control(gunichar c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

char *
mld_text_clean(char *s, enum mld_text_rule rule)
{
	const unsigned char *p;
	char *r, *w, *next;
	gunichar c;

	/* Printable ASCII, most of any header, needs nothing. */
	for (p = (const unsigned char *)s; *p >= 0x20 && *p < 0x7f; p++)
		;
	if (*p == '\0')
		return s;
	s = mld_text_repair(s);
	/* Each character blanked is one space: w never passes r. */
	for (r = w = s; *r != '\0'; r = next) {
		c = g_utf8_get_char(r);
		next = g_utf8_next_char(r);
		if (is_control(c) ||
		    (rule == MLD_TEXT_LABEL && mld_text_is_format(c))) {
			*w++ = ' ';
		} else {
			memmove(w, r, (size_t)(next - r));
			w += next - r;
		}
	}
	*w = '\0';
	return s;
}

/* Whether raw is printable ASCII (TAB allowed) without an "=?". */
static bool
plain_text(const char *raw)
{
	const unsigned char *p;

	for (p = (const unsigned char *)raw; *p != '\0'; p++)
		if (*p >= 0x7f || (*p < 0x20 && *p != '\t') ||
		    (*p == '=' && p[1] == '?'))
			return false;
	return true;
}

/* One encoded word "=?charset?e?text?=" read at p, or not one. */
struct word {
	const char *charset, *text, *end;
	size_t charset_len, text_len;
	char enc;		/* 'B' or 'Q' */
};

static bool
read_word(const char *p, struct word *w)
{
	const char *q = p + 2, *t;

	if (p[0] != '=' || p[1] != '?')
		return false;
	w->charset = q;
	while (*q > ' ' && *q < 0x7f && *q != '?')
		q++;
	w->charset_len = (size_t)(q - w->charset);
	if (w->charset_len == 0 || q[0] != '?' ||
	    strchr("BbQq", q[1]) == NULL || q[1] == '\0' || q[2] != '?')
		return false;
	w->enc = g_ascii_toupper(q[1]);
	w->text = q + 3;
	if ((t = strstr(w->text, "?=")) == NULL)
		return false;
	w->text_len = (size_t)(t - w->text);
	w->end = t + 2;
	/* A language ("utf-8*en", RFC 2231) is not part of the name. */
	if ((q = memchr(w->charset, '*', w->charset_len)) != NULL)
		w->charset_len = (size_t)(q - w->charset);
	return true;
}

/* Appends the bytes the word's text stands for. */
static void
word_bytes(const struct word *w, GByteArray *out)
{
	gint state = 0;
	guint save = 0;
	guint8 *buf;
	size_t i, n;
	int hi, lo;

	if (w->enc == 'B') {
		buf = g_malloc(w->text_len / 4 * 3 + 3);
		n = g_base64_decode_step(w->text, w->text_len, buf, &state,
		    &save);
		g_byte_array_append(out, buf, (guint)n);
		g_free(buf);
		return;
	}
	for (i = 0; i < w->text_len; i++) {
		guint8 c = (guint8)w->text[i];

		if (c == '_') {
			c = ' ';
		} else if (c == '=') {
			/* An escape cut short stands for nothing. */
			if (i + 2 >= w->text_len)
				break;
			hi = g_ascii_xdigit_value(w->text[i + 1]);
			lo = g_ascii_xdigit_value(w->text[i + 2]);
			if (hi < 0 || lo < 0)
				break;
			c = (guint8)(hi << 4 | lo);
			i += 2;
		}
		g_byte_array_append(out, &c, 1);
	}
}

/*
 * Appends bytes in charset to out as UTF-8, each byte invalid in that
 * charset as '?' (as GMime has it: the charset was declared, a guess
 * would be wrong).  A charset nobody can convert from leaves the bytes
 * to the repair (windows-1252).
 */
static void
convert(GString *out, const GByteArray *bytes, const char *charset)
{
	char buf[512], *in = (char *)bytes->data, *o;
	size_t left = bytes->len, room, r;
	iconv_t cd;

	if (bytes->len == 0)
		return;
	if ((cd = g_mime_iconv_open("UTF-8", charset)) == (iconv_t)-1) {
		g_string_append_len(out, in, (gssize)left);
		return;
	}
	while (left > 0) {
		o = buf;
		room = sizeof(buf);
		r = iconv(cd, &in, &left, &o, &room);
		g_string_append_len(out, buf, o - buf);
		if (r == (size_t)-1 && errno != E2BIG) {
			g_string_append_c(out, '?');
			in++;
			left--;
		}
	}
	o = buf;
	room = sizeof(buf);
	iconv(cd, NULL, NULL, &o, &room);
	g_string_append_len(out, buf, o - buf);
	g_mime_iconv_close(cd);
}

/*
 * RFC 2047 decoding, written here: GMime's decoder loses every word that
 * follows one ending in base64 padding ("=?UTF-8?B?aGk=?= =?UTF-8?B?...").
 * Lenient as GMime is: a word is read wherever it stands, its text may
 * hold spaces, and the white space between two words goes.  Adjacent
 * words in one charset are converted together, so that a character cut
 * between them comes out whole.
 */
static char *
decode_words(const char *raw)
{
	GString *out = g_string_sized_new(strlen(raw));
	GByteArray *pending = g_byte_array_new();
	char *charset = NULL;
	const char *p = raw, *lit = raw, *q;
	struct word w;
	bool after_word = false;

	while ((p = strstr(p, "=?")) != NULL) {
		if (!read_word(p, &w)) {
			p++;
			continue;
		}
		for (q = lit; q < p && (*q == ' ' || *q == '\t'); q++)
			;
		if (!after_word || q < p) {
			convert(out, pending, charset);
			g_byte_array_set_size(pending, 0);
			g_string_append_len(out, lit, p - lit);
		}
		if (charset != NULL && (strlen(charset) != w.charset_len ||
		    g_ascii_strncasecmp(charset, w.charset,
		    w.charset_len) != 0)) {
			convert(out, pending, charset);
			g_byte_array_set_size(pending, 0);
		}
		g_free(charset);
		charset = g_strndup(w.charset, w.charset_len);
		word_bytes(&w, pending);
		after_word = true;
		p = lit = w.end;
	}
	convert(out, pending, charset);
	g_string_append(out, lit);
	g_byte_array_free(pending, TRUE);
	g_free(charset);
	return g_string_free(out, FALSE);
}

char *
mld_text_decode(const char *raw, enum mld_text_rule rule)
{
	char *r, *d;

	/* Text with no encoded word and nothing to convert decodes to
	 * itself: most subjects, spared the decoder. */
	if (mld_fast_paths() && plain_text(raw))
		return mld_text_clean(g_strdup(raw), rule);
	/* Undeclared 8-bit bytes are read first, as windows-1252: GMime
	 * would take them as ISO-8859-1 and make C1 controls of them. */
	r = mld_text_repair(g_strdup(raw));
	d = decode_words(r);
	g_free(r);
	return mld_text_clean(d, rule);
}

void
mld_text_show(GString *out, const char *s, bool oneline)
{
	char *valid = mld_text_repair(g_strdup(s));
	const char *p, *run;
	gunichar c;

	for (p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		/* Printable ASCII, most of any text, goes by the run. */
		for (run = p; (*p >= 0x20 && *p < 0x7f) ||
		    (!oneline && (*p == '\n' || *p == '\t')); p++)
			;
		g_string_append_len(out, run, p - run);
		if (*p == '\0')
			break;
		c = g_utf8_get_char(p);
		if ((c == '\n' || c == '\t') && !oneline)
			g_string_append_c(out, (char)c);
		else if (c < 0x20)
			g_string_append_printf(out, "^%c", (char)(c + 0x40));
		else if (c == 0x7f)
			g_string_append(out, "^?");
		else if (is_control(c) || mld_text_is_format(c))
			g_string_append_printf(out, "<U+%04X>", (unsigned)c);
		else
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
	}
	g_free(valid);
}
