/*
 * Fuzz target for the body reader: in-body headers, the diff scan, the
 * diffstat, the commit message end, the trailers and the excerpt, over
 * any text.  Properties: every offset stays inside the text and in
 * order (in-body headers, message end, diff start), the excerpt and the
 * trailers are no longer than the text, a diffstat found lies inside
 * the text it was looked for in, a damaged diff starts at a line of the
 * text, a cover's shortlog counts a patch at least, and the charset
 * repair gives UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "body.h"
#include "message.h"
#include "text.h"
#include "trailers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_body(const char *text, size_t len)
{
	struct mld_inbody ib = { NULL, NULL, NULL, 0 };
	struct mld_diff d;
	GString *out = g_string_new(NULL), *tr = g_string_new(NULL);
	const char *sum;
	size_t end, n;
	unsigned shortlog;

	mld_inbody_read(text, len, &ib);
	if (ib.end > len)
		abort();
	mld_diff_scan(text, len, &d);
	if (d.start > len)
		abort();
	/* The body starts after the in-body headers, where a diff may not. */
	if (d.start < ib.end)
		d.start = ib.end;
	end = mld_body_message_end(text, ib.end, d.start);
	if (end < ib.end || end > d.start)
		abort();
	mld_trailers(text + ib.end, end - ib.end, tr);
	if (tr->len > end - ib.end)
		abort();
	mld_body_excerpt(text, ib.end, d.start, out);
	if (out->len > d.start - ib.end)
		abort();
	if (mld_diffstat_find(out->str, out->len, &sum, &n) &&
	    (sum < out->str || sum + n > out->str + out->len))
		abort();
	g_string_truncate(out, 0);
	mld_diffstat_format(&d, out);
	/* A damaged diff starts at a line inside the text, or nowhere. */
	n = mld_diff_damaged(text, len);
	if (n > len || (n < len && n > 0 && text[n - 1] != '\n'))
		abort();
	if (mld_body_cover_shape(text, len, &shortlog) && shortlog == 0)
		abort();
	mld_inbody_clear(&ib);
	g_string_free(out, TRUE);
	g_string_free(tr, TRUE);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = g_strndup((const char *)data, size);
	GString *flow;

	/* The reader is given text without NUL (message.h's output). */
	check_body(s, strlen(s));
	flow = g_string_new(s);
	mld_unflow(flow, size > 0 && data[0] & 1);
	if (flow->len > strlen(s))
		abort();
	g_string_free(flow, TRUE);
	s = mld_text_repair(s);
	if (!g_utf8_validate(s, -1, NULL))
		abort();
	g_free(s);
	return 0;
}
