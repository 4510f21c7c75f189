/*
 * Fuzz target for digestfmt's record handling: any bytes read as
 * patchinfo records, with and without a header line, make a digest
 * (patch list and commit messages) without a crash.  Property: the text
 * is safe to print, valid UTF-8 whose only control characters are the
 * line ends and the tabs of a body, with no C1 control (U+0080-U+009F).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "digest.h"
#include "gmimeinit.h"
#include "postings.h"
#include "record.h"
#include "seen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
safe(const char *s, size_t len)
{
	const char *p;
	gunichar c;

	if (!g_utf8_validate(s, (gssize)len, NULL))
		return false;
	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if ((c < 0x20 && c != '\n' && c != '\t') ||
		    (c >= 0x7f && c < 0xa0))
			return false;
	}
	return (size_t)(p - s) == len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fmemopen((void *)data, size, "r"), *out;
	struct mld_postings *ps;
	struct mld_recin in;
	struct mld_seen seen;
	GString *header;
	char *text = NULL;
	size_t len = 0;

	if (f == NULL)
		return 0;
	mld_gmime_init();
	mld_recin_init(&in, f, "fuzz");
	ps = mld_postings_new(false);
	mld_postings_read(ps, &in);
	mld_seen_init(&seen);
	header = g_string_new(NULL);
	/* digestfmt says "unknown" for the dates of no record. */
	mld_digest_header(header, "L", mld_postings_first_date(ps) != NULL ?
	    mld_postings_first_date(ps) : "unknown",
	    mld_postings_last_date(ps) != NULL ?
	    mld_postings_last_date(ps) : "unknown");
	if (!safe(header->str, header->len))
		abort();
	if ((out = open_memstream(&text, &len)) == NULL)
		abort();
	mld_digest_list(ps, &seen, out);
	mld_digest_unanswered(ps, out);
	mld_digest_pulls(ps, out);
	mld_digest_messages(ps, &seen, out);
	if (fclose(out) != 0 || !safe(text, len))
		abort();
	free(text);
	g_string_free(header, TRUE);
	mld_seen_free(&seen);
	mld_postings_free(ps);
	mld_recin_close(&in);
	return 0;
}
