/*
 * trailers.c - trailers of a commit message (see trailers.h).
 */
#include "trailers.h"

#include <stdbool.h>
#include <string.h>

static const char *const keys[] = {
	"Signed-off-by", "Reviewed-by", "Acked-by", "Tested-by", "Nacked-by",
	"Reported-by", "Suggested-by", "Co-developed-by", "Fixes", "Link",
	"Closes", "Cc",
};

/* True when line[0..n) is "Key: value" for a known key. */
static bool
is_trailer(const char *line, size_t n)
{
	size_t i, k;

	/* Every key starts with one of these letters: most lines stop here. */
	if (n < 4 || strchr("SRATNCFLsratncfl", line[0]) == NULL)
		return false;
	for (i = 0; i < G_N_ELEMENTS(keys); i++) {
		k = strlen(keys[i]);
		if (n > k + 1 && line[k] == ':' &&
		    g_ascii_strncasecmp(line, keys[i], k) == 0 &&
		    (line[k + 1] == ' ' || line[k + 1] == '\t'))
			return true;
	}
	return false;
}

void
mld_trailers(const char *msg, size_t len, GString *out)
{
	const char *p = msg, *end = msg + len, *nl;
	size_t n;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (!is_trailer(p, n))
			continue;
		if (out->len > 0)
			g_string_append_c(out, '\n');
		g_string_append_len(out, p, (gssize)n);
	}
}
