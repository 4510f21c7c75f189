/*
 * Fuzz target for the line-record reader: any bytes are read without a
 * crash, and every record read back is written again to the same line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tool.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fmemopen((void *)data, size, "r");
	struct mld_recin in;
	struct mld_rec rec;
	unsigned i;
	int st;

	if (f == NULL)
		return 0;
	mld_recin_init(&in, f, "fuzz");
	mld_rec_init(&rec);
	while ((st = mld_recin_next(&in)) != MLD_REC_EOF &&
	    st != MLD_REC_ERROR) {
		if (st != MLD_REC_OK)
			continue;
		for (i = 0; i < in.fields->len; i++)
			mld_rec_add(&rec, mld_recin_field(&in, i));
		/* The fields have no TAB left: escaping gives no TAB either,
		 * so the record splits back into as many fields. */
		if (memchr(rec.buf->str, '\n', rec.buf->len) != NULL)
			abort();
		g_string_truncate(rec.buf, 0);
		rec.nfields = 0;
	}
	mld_rec_free(&rec);
	mld_recin_close(&in);
	return 0;
}
