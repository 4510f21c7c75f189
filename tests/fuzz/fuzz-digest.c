/*
 * Fuzz target for digestfmt's record handling: any bytes read as
 * patchinfo records, with and without a header line, make a whole digest
 * in every form without a crash.  Properties: the text is safe to print,
 * valid UTF-8 whose only control characters are the line ends and the
 * tabs of a body, with no C1 control (U+0080-U+009F); so are the
 * markdown and the HTML, which never holds a "<script" the data gave;
 * the JSON is valid UTF-8 without a raw control character.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "digest.h"
#include "gmimeinit.h"
#include "link.h"
#include "postings.h"
#include "record.h"
#include "render.h"
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

/* The whole digest of ps in format f, checked, then freed. */
static void
render(struct mld_postings *ps, enum mld_format f)
{
	struct mld_digest_head head = { "L", "unknown", "unknown", NULL,
	    NULL };
	struct mld_email_opts mail = { "a@example.org", "b@example.org" };
	struct mld_render *r = mld_render_new(f, &mail);
	struct mld_link link;
	struct mld_seen seen;
	enum mld_digest_list l;
	char *text = NULL;
	size_t len = 0, i;
	FILE *out;

	/* digestfmt says "unknown" for the dates of no record. */
	head.first = mld_postings_first_date(ps);
	head.last = mld_postings_last_date(ps);
	if (head.first != NULL)
		head.from = head.first;
	if (head.last != NULL)
		head.to = head.last;
	if (r == NULL || (out = open_memstream(&text, &len)) == NULL ||
	    !mld_link_init(&link, MLD_LINK_DEFAULT))
		abort();
	mld_seen_init(&seen);
	mld_digest_head(&head, r, out);
	for (l = MLD_LIST_PATCHES; l <= MLD_LIST_PULLS; l++)
		mld_digest_list(ps, l, &seen, &link, r, out);
	mld_digest_messages(ps, &seen, &link, r, out);
	mld_digest_end(r, out);
	if (fclose(out) != 0)
		abort();
	switch (f) {
	case MLD_FORMAT_JSON:
		if (!g_utf8_validate(text, (gssize)len, NULL))
			abort();
		for (i = 0; i < len; i++)
			if ((unsigned char)text[i] < 0x20 && text[i] != '\n')
				abort();
		break;
	case MLD_FORMAT_HTML:
		if (strstr(text, "<script") != NULL)
			abort();
		/* FALLTHROUGH */
	case MLD_FORMAT_TEXT:
	case MLD_FORMAT_MARKDOWN:
		if (!safe(text, len))
			abort();
		break;
	case MLD_FORMAT_EMAIL:
		break;
	}
	free(text);
	mld_link_free(&link);
	mld_seen_free(&seen);
	mld_render_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum mld_format forms[] = { MLD_FORMAT_TEXT,
	    MLD_FORMAT_MARKDOWN, MLD_FORMAT_HTML, MLD_FORMAT_JSON,
	    MLD_FORMAT_EMAIL };
	FILE *f = fmemopen((void *)data, size, "r");
	struct mld_postings *ps;
	struct mld_recin in;
	size_t i;

	if (f == NULL)
		return 0;
	mld_gmime_init();
	mld_recin_init(&in, f, "fuzz");
	ps = mld_postings_new(false);
	mld_postings_read(ps, &in);
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		render(ps, forms[i]);
	mld_postings_free(ps);
	mld_recin_close(&in);
	return 0;
}
