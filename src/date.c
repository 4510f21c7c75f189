/*
 * date.c - message dates (see date.h).
 */
#include "date.h"
#include "header.h"

#include <string.h>
#include <time.h>
#include <glib.h>
#include <gmime/gmime.h>

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
mld_date_pick(const char *date, const char *received, const char *from_line,
    size_t from_len, int64_t *when)
{
	const char *semi;

	if (date != NULL && mld_date_parse(date, when))
		return true;
	if (from_line != NULL && from_line_date(from_line, from_len, when))
		return true;
	return received != NULL && (semi = strrchr(received, ';')) != NULL &&
	    mld_date_parse(semi + 1, when);
}

bool
mld_message_date(const char *hdr, size_t len, const char *from_line,
    size_t from_len, int64_t *when)
{
	static const char *const names[] = { "Date", "Received" };
	GString *v[2] = { g_string_new(NULL), g_string_new(NULL) };
	bool found[2], ok;

	mld_header_scan(hdr, len, names, 2, v, found);
	ok = mld_date_pick(found[0] ? v[0]->str : NULL,
	    found[1] ? v[1]->str : NULL, from_line, from_len, when);
	g_string_free(v[0], TRUE);
	g_string_free(v[1], TRUE);
	return ok;
}
