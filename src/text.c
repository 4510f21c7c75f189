/*
 * text.c - repairing, cleaning, decoding and showing text (see text.h).
 */
#include "text.h"
#include "fastpath.h"

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

char *
mld_text_decode(const char *raw, enum mld_text_rule rule)
{
	char *r, *d;

	/* Text with no encoded word and nothing to convert decodes to
	 * itself: most subjects, spared the decoder. */
	if (mld_fast_paths() && plain_text(raw))
		return mld_text_clean(g_strdup(raw), rule);
	/* Undeclared 8-bit bytes are ours to read, not the decoder's: it
	 * would take them as ISO-8859-1 and make C1 controls of them. */
	r = mld_text_repair(g_strdup(raw));
	d = g_mime_utils_header_decode_text(NULL, r);
	if (d == NULL)
		return mld_text_clean(r, rule);
	g_free(r);
	return mld_text_clean(d, rule);
}

void
mld_text_show(GString *out, const char *s, bool oneline)
{
	char *valid = mld_text_repair(g_strdup(s));
	const char *p;
	gunichar c;

	for (p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
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
