/*
 * applied.c - the line of a reply that says its patch was applied (see
 * applied.h).
 */
#include "applied.h"

#include <string.h>

bool
mld_applied_line(const char *l, size_t n)
{
	static const char *const thanks[] = { "thanks, ", "thanks! ",
		"thank you, ", "thank you! " };
	static const char *const words[] = { "applied", "queued", "pulled" };
	const char *end = l + n, *r;
	size_t i, k;

	while (l < end && (*l == ' ' || *l == '\t'))
		l++;
	for (i = 0; i < G_N_ELEMENTS(thanks); i++) {
		k = strlen(thanks[i]);
		if ((size_t)(end - l) > k && g_ascii_strncasecmp(l, thanks[i],
		    k) == 0) {
			l += k;
			break;
		}
	}
	for (i = 0; i < G_N_ELEMENTS(words); i++) {
		k = strlen(words[i]);
		if ((size_t)(end - l) >= k &&
		    g_ascii_strncasecmp(l, words[i], k) == 0)
			break;
	}
	if (i == G_N_ELEMENTS(words) || memchr(l, '?', (size_t)(end - l)))
		return false;
	r = l + k;
	if (r == end || *r == ',' || *r == '.' || *r == '!' || *r == ':' ||
	    *r == ';')
		return true;
	if ((end - r >= 3 && g_ascii_strncasecmp(r, " to", 3) == 0 &&
	    (end - r == 3 || r[3] == ' ' || r[3] == ':')) ||
	    (end - r >= 4 && g_ascii_strncasecmp(r, " for ", 4) == 0))
		return true;
	for (; r + 5 <= end; r++)
		if (g_ascii_strncasecmp(r, "thank", 5) == 0)
			return true;
	return false;
}

bool
mld_applied_may_open(char c)
{
	switch (g_ascii_tolower(c)) {
	case 't': case 'a': case 'q': case 'p': case ' ': case '\t':
		return true;
	default:
		return false;
	}
}

void
mld_applied_find(const char *text, size_t len, GString *out)
{
	const char *p = text, *end = text + len, *nl;
	size_t n;

	g_string_truncate(out, 0);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n == 0 || !mld_applied_may_open(*p) ||
		    !mld_applied_line(p, n))
			continue;
		while (n > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		g_string_append_len(out, p, (gssize)n);
		return;
	}
}
