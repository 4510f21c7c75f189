/*
 * Fuzz target for the mbox reader.  Beyond not crashing, it checks these
 * properties on every input: the messages tile the input (each starts
 * where the previous one ended, the last one ends at the end); a message
 * written as mboxrd and read again gives back the same text; a message
 * holds a From_ line only after its own header ended with a
 * Content-Length in it (no message without a body takes in the next);
 * and with a small longest message, every message read is within it and
 * they come in order.  Seeds (tests/fuzz/seeds/mbox) hold messages
 * without a body, Content-Length cases and CR-only lines.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_round_trip(const struct mld_msg *m)
{
	GString *text = g_string_new(NULL), *mbox = g_string_new(NULL);
	GString *again = g_string_new(NULL);
	struct mld_mbox *mb;
	struct mld_msg m2;

	mld_msg_text(m, text);
	g_string_append(mbox, MLD_FROM_LINE "\n");
	mld_mboxrd_escape(mbox, text->str, text->len);
	g_string_append_c(mbox, '\n');
	mb = mld_mbox_open_mem(mbox->str, mbox->len, "again");
	if (mld_mbox_next(mb, &m2) != 1)
		abort();
	mld_msg_text(&m2, again);
	/* A text of nothing but blank lines has no message left in it. */
	if (strcmp(text->str, again->str) != 0 || mld_mbox_next(mb, &m2) != 0)
		abort();
	mld_mbox_close(mb);
	g_string_free(text, TRUE);
	g_string_free(mbox, TRUE);
	g_string_free(again, TRUE);
}

/* A From_ line in a message only where its own Content-Length kept it. */
static void
check_no_merge(const struct mld_msg *m)
{
	const char *p = m->raw, *end = m->raw + m->rawlen, *nl;
	bool body = false, length = false;
	size_t n;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (mld_is_from_line(p, n) && (!body || !length))
			abort();
		if (!body && (n == 0 || (n == 1 && *p == '\r')))
			body = true;
		else if (!body && n >= 15 &&
		    g_ascii_strncasecmp(p, "content-length:", 15) == 0)
			length = true;
	}
}

/* The messages with a longest message of a few bytes. */
static void
check_longest(const uint8_t *data, size_t size)
{
	struct mld_mbox *mb = mld_mbox_open_mem((const char *)data, size,
	    "fuzz");
	size_t max = 16 + (size > 0 ? data[0] : 0);
	struct mld_msg m;
	uint64_t end = 0;

	mld_mbox_set_max(mb, max);
	while (mld_mbox_next(mb, &m) > 0) {
		if (m.span > max || m.where.offset < end ||
		    m.where.offset + m.span > size)
			abort();
		end = m.where.offset + m.span;
	}
	mld_mbox_close(mb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mld_mbox *mb = mld_mbox_open_mem((const char *)data, size,
	    "fuzz");
	struct mld_msg m;
	uint64_t end = 0;
	bool first = true;

	while (mld_mbox_next(mb, &m) > 0) {
		/* Only blank lines may stand before the first message. */
		if (!first && m.where.offset != end)
			abort();
		if (m.where.offset < end || m.where.offset + m.span > size)
			abort();
		end = m.where.offset + m.span;
		first = false;
		check_no_merge(&m);
		if (m.from_line != NULL)
			check_round_trip(&m);
	}
	if (!first && end != size)
		abort();
	mld_mbox_close(mb);
	check_longest(data, size);
	return 0;
}
