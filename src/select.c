/*
 * select.c - message selection (see select.h).
 *
 * Dates come from the Date field, with the fallbacks of
 * mld_message_date; a message with no usable date at all cannot be
 * placed in a date range, so it is not selected when one is asked for,
 * and it is reported.  The dedupe set grows with the number of distinct
 * messages, about 30 bytes each (keyset.h).
 */
#include "select.h"
#include "date.h"
#include "header.h"
#include "text.h"
#include "tool.h"

#include <stdlib.h>
#include <string.h>

struct mld_match {
	char *header;
	GRegex *re;
};

static void
match_free(gpointer p)
{
	struct mld_match *m = p;

	g_free(m->header);
	g_regex_unref(m->re);
	g_free(m);
}

void
mld_select_init(struct mld_select *s)
{
	memset(s, 0, sizeof *s);
	s->first = 1;
	s->last = UINT64_MAX;
	s->matches = g_ptr_array_new_with_free_func(match_free);
	mld_keyset_init(&s->passed);
}

void
mld_select_free(struct mld_select *s)
{
	g_ptr_array_free(s->matches, TRUE);
	mld_keyset_free(&s->passed);
}

bool
mld_select_parse_date(const char *arg, int64_t *when)
{
	GTimeZone *utc = g_time_zone_new_utc();
	GDateTime *dt = NULL;
	char *iso;

	if (strlen(arg) == 10 && arg[4] == '-' && arg[7] == '-') {
		iso = g_strconcat(arg, "T00:00:00", NULL);
		dt = g_date_time_new_from_iso8601(iso, utc);
		g_free(iso);
	} else if (strchr(arg, 'T') != NULL) {
		dt = g_date_time_new_from_iso8601(arg, utc);
		if (dt == NULL && strlen(arg) == 16) {
			/* GLib wants seconds; "2025-08-19T12:00" is common. */
			iso = g_strconcat(arg, ":00", NULL);
			dt = g_date_time_new_from_iso8601(iso, utc);
			g_free(iso);
		}
	}
	g_time_zone_unref(utc);
	if (dt != NULL) {
		*when = g_date_time_to_unix(dt);
		g_date_time_unref(dt);
		return true;
	}
	return strchr(arg, ' ') != NULL && mld_date_parse(arg, when);
}

/* A message number of a range: from 1, no overflow. */
static bool
range_number(const char *s, const char *end, uint64_t *v, const char **why)
{
	return mld_parse_u64(s, (size_t)(end - s), 1, UINT64_MAX, v, why);
}

bool
mld_select_parse_range(struct mld_select *s, const char *arg,
    const char **why)
{
	const char *dash = strchr(arg, '-'), *end = arg + strlen(arg);
	uint64_t first = 1, last = UINT64_MAX;

	if (dash == NULL) {
		if (!range_number(arg, end, &first, why))
			return false;
		last = first;
	} else if (dash == arg && dash + 1 == end) {
		*why = "not a range";
		return false;
	} else if ((dash > arg && !range_number(arg, dash, &first, why)) ||
	    (dash + 1 < end && !range_number(dash + 1, end, &last, why))) {
		return false;
	} else if (first > last) {
		*why = "an empty range";
		return false;
	}
	s->first = first;
	s->last = last;
	return true;
}

bool
mld_select_add_match(struct mld_select *s, const char *arg, GError **err)
{
	const char *colon = strchr(arg, ':');
	struct mld_match *m;
	GRegex *re;

	if (colon == NULL || colon == arg) {
		g_set_error(err, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE,
		    "expected Header:regex");
		return false;
	}
	re = g_regex_new(colon + 1, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0,
	    err);
	if (re == NULL)
		return false;
	m = g_new(struct mld_match, 1);
	m->header = g_strndup(arg, (size_t)(colon - arg));
	m->re = re;
	g_ptr_array_add(s->matches, m);
	return true;
}

static bool
matches(const struct mld_select *s, const char *hdr, size_t hl)
{
	GString *v;
	char *d;
	unsigned i;
	bool ok = true;

	if (s->matches->len == 0)
		return true;
	v = g_string_sized_new(256);
	for (i = 0; ok && i < s->matches->len; i++) {
		const struct mld_match *m = g_ptr_array_index(s->matches, i);

		if (!mld_header_get(hdr, hl, m->header, v)) {
			ok = false;
			break;
		}
		d = mld_text_decode(v->str, MLD_TEXT_FIELD);
		ok = g_regex_match(m->re, d, 0, NULL);
		g_free(d);
	}
	g_string_free(v, TRUE);
	return ok;
}

static bool
in_dates(struct mld_select *s, const struct mld_msg *m, const char *hdr,
    size_t hl)
{
	int64_t when;

	if (!s->has_since && !s->has_until)
		return true;
	if (!mld_message_date(hdr, hl, m->from_line, m->from_len, &when)) {
		mld_warn_at(&m->where, "no usable date, not selected");
		return false;
	}
	return (!s->has_since || when >= s->since) &&
	    (!s->has_until || when < s->until);
}

/*
 * The digest of a message's dedupe key; false when it has none (then it
 * is kept).
 */
static bool
dedupe_digest(const struct mld_select *s, const struct mld_msg *m,
    const char *hdr, size_t hl, uint8_t digest[MLD_KEY_BYTES])
{
	static const char *const fields[] = { "From", "Subject", "Date" };
	GString *v = g_string_sized_new(256);
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA1);
	char *id = NULL;
	bool has_key = true;
	size_t i;

	if (s->dedupe == MLD_DEDUPE_MSGID) {
		if (mld_header_get(hdr, hl, "Message-ID", v))
			id = mld_header_msgid(v->str);
		has_key = id != NULL;
		if (has_key)
			g_checksum_update(sum, (const guchar *)id, -1);
		g_free(id);
	} else {
		/* Copies of one mail from several lists differ in their list
		 * and transport headers, not in these fields nor the body. */
		for (i = 0; i < G_N_ELEMENTS(fields); i++) {
			mld_header_get(hdr, hl, fields[i], v);
			g_checksum_update(sum, (const guchar *)v->str,
			    (gssize)v->len + 1);
		}
		g_checksum_update(sum, (const guchar *)m->raw + hl,
		    (gssize)(m->rawlen - hl));
	}
	if (has_key)
		mld_keyset_digest(sum, digest);
	g_checksum_free(sum);
	g_string_free(v, TRUE);
	return has_key;
}

static bool
is_new(struct mld_select *s, const struct mld_msg *m, const char *hdr,
    size_t hl)
{
	uint8_t digest[MLD_KEY_BYTES];

	if (s->dedupe == MLD_DEDUPE_NONE ||
	    !dedupe_digest(s, m, hdr, hl, digest))
		return true;
	if (mld_keyset_add(&s->passed, digest))
		return true;
	s->dropped++;
	return false;
}

bool
mld_select_message(struct mld_select *s, uint64_t n, const struct mld_msg *m)
{
	size_t hl;

	if (n < s->first || n > s->last)
		return false;
	if (!s->has_since && !s->has_until && s->matches->len == 0 &&
	    s->dedupe == MLD_DEDUPE_NONE)
		return true;
	hl = mld_header_len(m->raw, m->rawlen);
	/* Dedupe last: a copy outside the selection must not hide one in it. */
	return in_dates(s, m, m->raw, hl) && matches(s, m->raw, hl) &&
	    is_new(s, m, m->raw, hl);
}

bool
mld_select_past_range(const struct mld_select *s, uint64_t n)
{
	return n >= s->last;
}
