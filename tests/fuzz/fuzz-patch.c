/*
 * Fuzz target for patchinfo's analysis: any bytes, read as one message,
 * give a record without a crash; its text fields are valid UTF-8, its
 * kind is one of the five, and a diffstat, when there is one, is a
 * summary line that the diffstat reader finds again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "body.h"
#include "header.h"
#include "patch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
utf8(const char *s)
{
	if (s != NULL && !g_utf8_validate(s, -1, NULL))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mld_analyser a;
	struct mld_patch p;
	struct mld_msg m;
	const char *line;
	size_t n;

	mld_gmime_init();
	memset(&m, 0, sizeof(m));
	m.where.input = "fuzz";
	m.where.number = 1;
	m.raw = (const char *)data;
	m.rawlen = size;
	mld_analyser_init(&a, true);
	mld_patch_init(&p);
	if (!mld_patch_analyse(&a, &m, &p) || p.kind > MLD_KIND_OTHER)
		abort();
	utf8(p.author);
	utf8(p.contributor);
	utf8(p.subject);
	utf8(p.title);
	utf8(p.body->str);
	utf8(p.trailers->str);
	/* In a mail the summary line is indented; the column is not. */
	g_string_prepend_c(p.diffstat, ' ');
	if (p.diffstat->len > 1 && (!mld_diffstat_find(p.diffstat->str,
	    p.diffstat->len, &line, &n) || n != p.diffstat->len - 1))
		abort();
	mld_patch_free(&p);
	mld_analyser_free(&a);
	return 0;
}
