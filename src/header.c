/*
 * header.c - raw header fields and their decoding (see header.h).
 */
#include "header.h"
#include "tool.h"

#include <string.h>
#include <time.h>
#include <gmime/gmime.h>

void
mld_gmime_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	g_mime_init();
	/* GMime (through GPGME) ignores SIGPIPE; "| head" must end us. */
	mld_quiet_sigpipe();
}

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

/* Makes s valid UTF-8 without control characters; takes ownership. */
static char *
clean_text(char *s)
{
	char *v;
	unsigned char *p;

	if (!g_utf8_validate(s, -1, NULL)) {
		v = g_utf8_make_valid(s, -1);
		g_free(s);
		s = v;
	}
	for (p = (unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return s;
}

char *
mld_header_decode(const char *raw)
{
	char *d = g_mime_utils_header_decode_text(NULL, raw);

	return clean_text(d != NULL ? d : g_strdup(raw));
}

char *
mld_header_addresses(const char *raw)
{
	InternetAddressList *list = internet_address_list_parse(NULL, raw);
	char *s = NULL;

	if (list != NULL) {
		if (internet_address_list_length(list) > 0)
			s = internet_address_list_to_string(list, NULL, FALSE);
		g_object_unref(list);
	}
	return clean_text(s != NULL ? s : g_strdup(raw));
}

char *
mld_header_msgid(const char *raw)
{
	char *id = g_mime_utils_decode_message_id(raw);

	if (id != NULL && *id == '\0') {
		g_free(id);
		id = NULL;
	}
	return id != NULL ? clean_text(id) : NULL;
}

bool
mld_date_parse(const char *raw, int64_t *when)
{
	GDateTime *dt = g_mime_utils_header_decode_date(raw);

	if (dt == NULL)
		return false;
	*when = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return true;
}

void
mld_date_iso(int64_t t, char buf[static 32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		buf[0] = '\0';
}

/* The date part of a From_ line: what follows the sender. */
static bool
from_line_date(const char *line, size_t len, int64_t *when)
{
	const char *p = line + 5, *end = line + len;
	char *s;
	bool ok;

	while (p < end && *p == ' ')
		p++;
	while (p < end && *p != ' ')
		p++;
	s = g_strndup(p, (size_t)(end - p));
	ok = mld_date_parse(s, when) && *when != 0;
	g_free(s);
	return ok;
}

bool
mld_message_date(const char *hdr, size_t len, const char *from_line,
    size_t from_len, int64_t *when)
{
	GString *v = g_string_sized_new(128);
	const char *semi;
	bool ok = false;

	if (mld_header_get(hdr, len, "Date", v))
		ok = mld_date_parse(v->str, when);
	if (!ok && from_line != NULL)
		ok = from_line_date(from_line, from_len, when);
	if (!ok && mld_header_get(hdr, len, "Received", v) &&
	    (semi = strrchr(v->str, ';')) != NULL)
		ok = mld_date_parse(semi + 1, when);
	g_string_free(v, TRUE);
	return ok;
}
