/*
 * msgfile.c - a message held whole in memory, as the mbox reader would
 * give it (see msgfile.h).
 */
#include "msgfile.h"

#include <string.h>

void
mld_msgfile_init(struct mld_msgfile *f)
{
	f->escaped = g_string_new(NULL);
}

void
mld_msgfile_free(struct mld_msgfile *f)
{
	if (f->escaped != NULL)
		g_string_free(f->escaped, TRUE);
	f->escaped = NULL;
}

void
mld_msgfile_msg(struct mld_msgfile *f, const char *data, size_t len,
    struct mld_msg *msg)
{
	const char *nl = memchr(data, '\n', len);
	struct mld_where where = msg->where;

	memset(msg, 0, sizeof *msg);
	msg->where = where;
	msg->span = len;
	msg->crlf = nl != NULL && nl > data && nl[-1] == '\r';
	if (nl != NULL && mld_is_from_line(data, (size_t)(nl - data))) {
		msg->from_line = data;
		msg->from_len = (size_t)(nl - data) - (msg->crlf ? 1 : 0);
		len -= (size_t)(nl + 1 - data);
		data = nl + 1;
	}
	/* Without any ^>*From line the text is its own escaped form, and
	 * readers need not look for quoted lines to undo. */
	if (!mld_has_from_line(data, len, MLD_ANY_QUOTES)) {
		msg->raw = data;
		msg->rawlen = len;
		msg->no_quoted_from = true;
		return;
	}
	g_string_truncate(f->escaped, 0);
	mld_mboxrd_escape(f->escaped, data, len);
	msg->raw = f->escaped->str;
	msg->rawlen = f->escaped->len;
}
