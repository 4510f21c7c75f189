/*
 * mbsplit - list, select, dedupe and split the messages of mboxes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "mbox.h"
#include "record.h"
#include "tool.h"

static const char *const index_cols[] = { "n", "offset", "length", "date",
	"msgid", "from", "subject", "input", NULL };

static void
index_record(struct mld_rec *rec, uint64_t n, const struct mld_msg *m,
    GString *v)
{
	size_t hl = mld_header_len(m->raw, m->rawlen);
	int64_t when;
	char date[32] = "", *s;

	mld_rec_add_u64(rec, n);
	mld_rec_add_u64(rec, m->where.offset);
	mld_rec_add_u64(rec, m->span);
	if (mld_message_date(m->raw, hl, m->from_line, m->from_len, &when))
		mld_date_iso(when, date);
	mld_rec_add(rec, date);
	s = mld_header_get(m->raw, hl, "Message-ID", v) ?
	    mld_header_msgid(v->str) : NULL;
	mld_rec_add(rec, s);
	g_free(s);
	s = mld_header_get(m->raw, hl, "From", v) ?
	    mld_header_addresses(v->str) : NULL;
	mld_rec_add(rec, s);
	g_free(s);
	s = mld_header_get(m->raw, hl, "Subject", v) ?
	    mld_header_decode(v->str) : NULL;
	mld_rec_add(rec, s);
	g_free(s);
	mld_rec_add(rec, m->where.input);
}

int
main(int argc, char **argv)
{
	static const struct mld_opt opts[] = {
		{ NULL, 0, NULL, NULL },
	};
	struct mld_cli cli = { "[file ...]", opts, argc, argv, NULL };
	struct mld_rec rec;
	struct mld_msg m;
	struct mld_mbox *mb;
	GString *v = g_string_new(NULL);
	uint64_t n = 0;
	int i, r;

	mld_init("mbsplit");
	while (mld_getopt(&cli) != -1)
		mld_usage(&cli);
	mld_gmime_init();
	mld_rec_init(&rec);
	mld_rec_write_header(stdout, index_cols);
	for (i = 0; i < (cli.argc > 0 ? cli.argc : 1); i++) {
		mb = mld_mbox_open(cli.argc > 0 ? cli.argv[i] : "-");
		if (mb == NULL)
			continue;
		while ((r = mld_mbox_next(mb, &m)) > 0) {
			index_record(&rec, ++n, &m, v);
			mld_rec_write(&rec, stdout);
		}
		mld_mbox_close(mb);
	}
	mld_rec_free(&rec);
	g_string_free(v, TRUE);
	return mld_finish("message");
}
