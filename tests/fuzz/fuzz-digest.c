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
#include "header.h"
#include "record.h"
#include "seen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
safe(const GString *s)
{
	const char *p;
	gunichar c;

	if (!g_utf8_validate(s->str, (gssize)s->len, NULL))
		return false;
	for (p = s->str; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if ((c < 0x20 && c != '\n' && c != '\t') ||
		    (c >= 0x7f && c < 0xa0))
			return false;
	}
	return (size_t)(p - s->str) == s->len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fmemopen((void *)data, size, "r");
	struct mld_digest *d;
	struct mld_recin in;
	struct mld_seen seen;
	GString *out;

	if (f == NULL)
		return 0;
	mld_gmime_init();
	memset(&in, 0, sizeof in);
	in.f = f;
	in.name = "fuzz";
	in.fields = g_ptr_array_new();
	in.header = g_ptr_array_new_with_free_func(g_free);
	d = mld_digest_new(false);
	mld_digest_read(d, &in);
	mld_seen_init(&seen);
	out = g_string_new(NULL);
	/* digestfmt says "unknown" for the dates of no record. */
	mld_digest_header(out, "L", mld_digest_first(d) != NULL ?
	    mld_digest_first(d) : "unknown", mld_digest_last(d) != NULL ?
	    mld_digest_last(d) : "unknown");
	mld_digest_list(d, out);
	mld_digest_messages(d, &seen, out);
	if (!safe(out))
		abort();
	g_string_free(out, TRUE);
	mld_seen_free(&seen);
	mld_digest_free(d);
	fclose(f);
	in.f = NULL;
	mld_recin_close(&in);
	return 0;
}
