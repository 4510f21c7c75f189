/*
 * header.c - raw header fields and their decoding (see header.h).
 */
#include "header.h"
#include "tool.h"

#include <stdlib.h>
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
mld_header_clean(char *s)
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
mld_header_decode(const char *raw)
{
	char *d;

	/* Text with no encoded word and nothing to convert decodes to
	 * itself: most subjects, spared GMime's tokens. */
	if (mld_fast_paths() && plain_text(raw))
		return mld_header_clean(g_strdup(raw));
	d = g_mime_utils_header_decode_text(NULL, raw);
	return mld_header_clean(d != NULL ? d : g_strdup(raw));
}

/* RFC 5322 atext, and the space between words. */
static bool
is_phrase_char(unsigned char c)
{
	return g_ascii_isalnum(c) || c >= 0x80 || c == ' ' ||
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

void
mld_name_append(GString *out, const char *name)
{
	const unsigned char *p;
	bool plain = *name != '\0';

	for (p = (const unsigned char *)name; plain && *p != '\0'; p++)
		plain = is_phrase_char(*p);
	if (plain) {
		g_string_append(out, name);
		return;
	}
	g_string_append_c(out, '"');
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_c(out, '\\');
		g_string_append_c(out, (char)*p);
	}
	g_string_append_c(out, '"');
}

void
mld_mailbox_append(GString *out, const char *name, const char *addr)
{
	if (name == NULL || *name == '\0') {
		g_string_append(out, addr);
		return;
	}
	mld_name_append(out, name);
	g_string_append(out, " <");
	g_string_append(out, addr);
	g_string_append_c(out, '>');
}

static void
append_list(GString *out, InternetAddressList *list)
{
	int i, n = internet_address_list_length(list);

	for (i = 0; i < n; i++) {
		InternetAddress *a = internet_address_list_get_address(list, i);
		const char *name = internet_address_get_name(a);

		if (out->len > 0 && out->str[out->len - 1] != ':')
			g_string_append(out, ", ");
		if (INTERNET_ADDRESS_IS_GROUP(a)) {
			mld_name_append(out, name != NULL ? name : "");
			g_string_append_c(out, ':');
			append_list(out, internet_address_group_get_members(
			    INTERNET_ADDRESS_GROUP(a)));
			g_string_append_c(out, ';');
			continue;
		}
		mld_mailbox_append(out, name, internet_address_mailbox_get_addr(
		    INTERNET_ADDRESS_MAILBOX(a)));
	}
}

char *
mld_header_addresses_parsed(const char *raw)
{
	InternetAddressList *list = internet_address_list_parse(NULL, raw);
	GString *out = g_string_sized_new(64);

	if (list != NULL) {
		append_list(out, list);
		g_object_unref(list);
	}
	if (out->len == 0)
		g_string_assign(out, raw);
	return mld_header_clean(g_string_free(out, FALSE));
}

/* Whether s[0..n) can stand as an addr-spec as it is. */
static bool
plain_addr(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	size_t i;

	if (at == NULL || at == s || at == s + n - 1 ||
	    memchr(at + 1, '@', (size_t)(s + n - at - 1)) != NULL)
		return false;
	for (i = 0; i < n; i++)
		if (!g_ascii_isalnum(s[i]) && strchr(".-_+=@", s[i]) == NULL)
			return false;
	return s[0] != '.' && s[n - 1] != '.' && strstr(s, "..") == NULL &&
	    at[-1] != '.' && at[1] != '.';
}

bool
mld_mailbox_plain(const char *raw, size_t *name_len, const char **addr,
    size_t *addr_len)
{
	const char *lt = strchr(raw, '<'), *p;
	size_t n = strlen(raw);

	if (lt == NULL) {
		*name_len = 0;
		*addr = raw;
		*addr_len = n;
		return plain_addr(raw, n);
	}
	/* An encoded word is made of atext: the parser must decode it. */
	if (lt == raw || *raw == ' ' || lt[-1] != ' ' || raw[n - 1] != '>' ||
	    strstr(raw, "=?") != NULL ||
	    !plain_addr(lt + 1, (size_t)(raw + n - 1 - (lt + 1))))
		return false;
	for (p = raw; p < lt; p++)
		if ((*p & 0x80) || !is_phrase_char((unsigned char)*p))
			return false;
	/* The parser keeps the spaces inside a name, not those around it. */
	for (p = lt; p[-1] == ' '; p--)
		;
	*name_len = (size_t)(p - raw);
	*addr = lt + 1;
	*addr_len = (size_t)(raw + n - 1 - *addr);
	return true;
}

/* The plain forms written back as they are; NULL for anything else. */
static char *
addresses_fast(const char *raw)
{
	const char *addr;
	size_t name_len, addr_len;
	GString *out;

	if (!mld_mailbox_plain(raw, &name_len, &addr, &addr_len))
		return NULL;
	if (name_len == 0)
		return g_strdup(raw);
	out = g_string_sized_new(name_len + addr_len + 3);
	g_string_append_len(out, raw, (gssize)name_len);
	g_string_append(out, " <");
	g_string_append_len(out, addr, (gssize)addr_len);
	g_string_append_c(out, '>');
	return g_string_free(out, FALSE);
}

static int fast_paths = -1;

bool
mld_fast_paths(void)
{
	if (fast_paths < 0)
		fast_paths = getenv("MLD_TEST_NO_FAST_PATHS") == NULL;
	return fast_paths;
}

void
mld_fast_paths_set(bool on)
{
	fast_paths = on;
}

char *
mld_header_addresses(const char *raw)
{
	char *s = mld_fast_paths() ? addresses_fast(raw) : NULL;

	return s != NULL ? s : mld_header_addresses_parsed(raw);
}

char *
mld_header_msgid(const char *raw)
{
	char *id = g_mime_utils_decode_message_id(raw);

	if (id != NULL && *id == '\0') {
		g_free(id);
		id = NULL;
	}
	return id != NULL ? mld_header_clean(id) : NULL;
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
