/*
 * header.c - raw header fields and their decoding (see header.h).
 */
#include "header.h"
#include "text.h"

#include <string.h>
#include <gmime/gmime.h>

size_t
mld_header_len(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;

	for (; p < end; p = nl + 1) {
		if (*p == '\n')
			return (size_t)(p + 1 - text);
		if (*p == '\r' && p + 1 < end && p[1] == '\n')
			return (size_t)(p + 2 - text);
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
	}
	return len;
}

size_t
mld_header_name_len(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && p[i] > ' ' && p[i] < 127 && p[i] != ':')
		i++;
	return i > 0 && i < n && p[i] == ':' ? i : 0;
}

static bool
is_wsp(char c)
{
	return c == ' ' || c == '\t';
}

/* Appends the value starting at p, with its continuation lines. */
static void
unfold(const char *p, const char *end, GString *out)
{
	const char *nl;
	size_t n;

	for (;;) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = (size_t)((nl != NULL ? nl : end) - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		g_string_append_len(out, p, (gssize)n);
		if (nl == NULL || nl + 1 >= end || !is_wsp(nl[1]))
			break;
		p = nl + 1;
	}
}

static void
trim(GString *s)
{
	size_t a = 0, b = s->len;

	while (a < b && g_ascii_isspace(s->str[a]))
		a++;
	while (b > a && g_ascii_isspace(s->str[b - 1]))
		b--;
	g_string_truncate(s, b);
	g_string_erase(s, 0, (gssize)a);
}

bool
mld_header_get(const char *hdr, size_t len, const char *name, GString *out)
{
	const char *p = hdr, *end = hdr + len, *nl;
	size_t n = strlen(name);

	g_string_truncate(out, 0);
	for (; p < end; p = nl + 1) {
		if ((size_t)(end - p) > n && p[n] == ':' &&
		    g_ascii_strncasecmp(p, name, n) == 0) {
			unfold(p + n + 1, end, out);
			trim(out);
			return true;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
	}
	return false;
}

/* Whether the field line at p (up to end) is names[i]; sets *value. */
static bool
field_is(const char *p, const char *end, const char *name,
    const char **value)
{
	size_t n = strlen(name);

	if ((size_t)(end - p) <= n || p[n] != ':' ||
	    g_ascii_strncasecmp(p, name, n) != 0)
		return false;
	*value = p + n + 1;
	return true;
}

/* g_ascii_tolower, but inlined: it runs for every header line. */
static inline char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

void
mld_header_scan(const char *text, size_t len, const char *const *names,
    size_t n, GString **values, bool *found)
{
	const char *p = text, *end = text + len, *nl, *value;
	size_t i, left = n;
	char c;

	for (i = 0; i < n; i++)
		found[i] = false;
	for (; p < end && left > 0; p = nl + 1) {
		if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n'))
			return;
		/* The first letter turns most lines away cheaply, and a
		 * continuation line at once. */
		c = is_wsp(*p) ? '\0' : lower(*p);
		for (i = 0; i < n && c != '\0'; i++) {
			if (found[i] || lower(names[i][0]) != c ||
			    !field_is(p, end, names[i], &value))
				continue;
			g_string_truncate(values[i], 0);
			unfold(value, end, values[i]);
			trim(values[i]);
			found[i] = true;
			left--;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
	}
}

char *
mld_header_msgid(const char *raw)
{
	char *id = g_mime_utils_decode_message_id(raw);

	if (id != NULL && *id == '\0') {
		g_free(id);
		id = NULL;
	}
	return id != NULL ? mld_text_clean(id, MLD_TEXT_FIELD) : NULL;
}
