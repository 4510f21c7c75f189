/*
 * Fuzz target for the subject parser: any text is parsed without a
 * crash, and the title it gives parses again to itself, with no prefix
 * and no reply marker left (unless a notice quoted it, or it is shaped
 * as a notice itself: then it names another title).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "subject.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = g_strndup((const char *)data, size);
	struct mld_subject a, b;

	mld_subject_parse(s, &a);
	if (a.prefix == NULL || a.title == NULL)
		abort();
	mld_subject_parse(a.title, &b);
	/* A title made of markers alone ("Re:") is left as it is. */
	if (*b.prefix == '\0' && !b.reply && !a.notice && !b.notice &&
	    strcmp(a.title, b.title) != 0)
		abort();
	mld_subject_clear(&a);
	mld_subject_clear(&b);
	g_free(s);
	return 0;
}
