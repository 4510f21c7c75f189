/*
 * Fuzz target for the mbox reader.  Beyond not crashing, it checks two
 * properties on every input: the messages tile the input (each starts
 * where the previous one ended, the last one ends at the end), and a
 * message written as mboxrd and read again gives back the same text.
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
		if (m.from_line != NULL)
			check_round_trip(&m);
	}
	if (!first && end != size)
		abort();
	mld_mbox_close(mb);
	return 0;
}
