/*
 * Fuzz target for the body text of a message: the fast path that reads
 * plain text where GMime's memory stream holds it must give what GMime's
 * own decoder gives, texts and warnings alike, and the texts are valid
 * UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "fastpath.h"
#include "gmimeinit.h"
#include "message.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The texts of the message and what was said of it, NUL-separated. */
static GString *
texts_of(const uint8_t *data, size_t size, bool fast)
{
	struct mld_where where = { "fuzz", 1, 0 };
	struct mld_texts t;
	GString *s = g_string_new(NULL);
	bool ok;
	guint i;

	mld_fast_paths_set(fast);
	mld_texts_init(&t);
	ok = mld_message_texts((const char *)data, size, &where, &t);
	if (!g_utf8_validate(t.main->str, (gssize)t.main->len, NULL) ||
	    !g_utf8_validate(t.extra->str, (gssize)t.extra->len, NULL))
		abort();
	g_string_append_printf(s, "%d", ok);
	g_string_append_c(s, '\0');
	g_string_append_len(s, t.main->str, (gssize)t.main->len);
	g_string_append_c(s, '\0');
	g_string_append_len(s, t.extra->str, (gssize)t.extra->len);
	for (i = 0; i < t.warnings->len; i++) {
		g_string_append_c(s, '\0');
		g_string_append(s, g_ptr_array_index(t.warnings, i));
	}
	mld_texts_free(&t);
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GString *fast, *slow;

	mld_gmime_init();
	fast = texts_of(data, size, true);
	slow = texts_of(data, size, false);
	if (fast->len != slow->len ||
	    memcmp(fast->str, slow->str, fast->len) != 0)
		abort();
	g_string_free(fast, TRUE);
	g_string_free(slow, TRUE);
	return 0;
}
