/*
 * Fuzz target for patchinfo's path through one message, in both modes:
 * the headers, the MIME parse, the body, the record.  Properties: with -a
 * one message always gives exactly one record of every column; without,
 * a record only for a patch or a cover letter, the same as -a gives;
 * every record is valid UTF-8 on one line, no field holds a raw TAB, CR
 * or LF (each is escaped), and a diffstat, when there is one, is a
 * summary line that the diffstat reader finds again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "body.h"
#include "columns.h"
#include "gmimeinit.h"
#include "mbox.h"
#include "patch.h"
#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The record of the message in m, or NULL when it yields none. */
static char *
record_of(const struct mld_msg *m, bool all)
{
	struct mld_analyser a;
	struct mld_patch p;
	struct mld_rec rec;
	unsigned tabs = 0, ncols = MLD_NCOLS;
	const char *line;
	char *out = NULL;
	size_t i, n;

	mld_analyser_init(&a, all);
	mld_patch_init(&p);
	mld_rec_init(&rec);
	if (!mld_patch_analyse(&a, m, &p)) {
		if (all)
			abort();
		goto done;
	}
	if (!all && p.kind != MLD_KIND_PATCH && p.kind != MLD_KIND_COVER)
		abort();
	mld_patch_record(&p, &rec);
	if (rec.nfields != ncols)
		abort();
	for (i = 0; i < rec.buf->len; i++) {
		if (rec.buf->str[i] == '\t')
			tabs++;
		else if (rec.buf->str[i] == '\n' || rec.buf->str[i] == '\r' ||
		    rec.buf->str[i] == '\0')
			abort();
	}
	if (tabs != ncols - 1 || !g_utf8_validate(rec.buf->str,
	    (gssize)rec.buf->len, NULL))
		abort();
	/* In a mail the summary line is indented; the column is not. */
	g_string_prepend_c(p.diffstat, ' ');
	if (p.diffstat->len > 1 && (!mld_diffstat_find(p.diffstat->str,
	    p.diffstat->len, &line, &n) || n != p.diffstat->len - 1))
		abort();
	out = g_strdup(rec.buf->str);
done:
	mld_rec_free(&rec);
	mld_patch_free(&p);
	mld_analyser_free(&a);
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mld_msg m;
	char *all, *def;

	mld_gmime_init();
	memset(&m, 0, sizeof(m));
	m.where.input = "fuzz";
	m.where.number = 1;
	m.raw = (const char *)data;
	m.rawlen = size;
	m.span = size;
	all = record_of(&m, true);
	def = record_of(&m, false);
	/* The default mode keeps the patches and covers of -a, as they are. */
	if (def != NULL && strcmp(def, all) != 0)
		abort();
	g_free(all);
	g_free(def);
	return 0;
}
