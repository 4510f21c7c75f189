/*
 * render-text.c - the digest as plain text, the reference digest's form
 * (digestfmt(1) gives it to the byte): the form to read in a terminal or
 * a mail, and the one the other forms follow.
 */
#include "render.h"

static void
line(struct mld_render *r, const char *label, const char *s)
{
	g_string_append(r->out, label);
	mld_digest_safe(r->out, s, true);
	g_string_append_c(r->out, '\n');
}

static void
head(struct mld_render *r, const struct mld_digest_head *h)
{
	char *title = mld_digest_title(h);

	g_string_append(r->out, "From ");
	mld_digest_safe(r->out, h->from, true);
	g_string_append(r->out, " to ");
	line(r, "", h->to);
	line(r, "", title);
	g_string_append_c(r->out, '\n');
	g_free(title);
}

static void
tally(struct mld_render *r, const struct mld_digest_tally *t)
{
	const struct mld_tally_row *row;
	guint i;

	line(r, "", t->title);
	g_string_append_c(r->out, '\n');
	for (i = 0; i < t->rows->len; i++) {
		row = &g_array_index(t->rows, struct mld_tally_row, i);
		g_string_append_printf(r->out, "%7llu ", row->count);
		line(r, "", row->name);
	}
	g_string_append_c(r->out, '\n');
}

static void
list_begin(struct mld_render *r, size_t n)
{
	(void)n;
	g_string_append(r->out,
	    "===== Patch list in this time period =====\n\n");
}

static void
item(struct mld_render *r, const struct mld_digest_item *it)
{
	mld_digest_safe(r->out, it->e->subject, true);
	g_string_append(r->out, " (");
	mld_digest_safe(r->out, it->author, true);
	g_string_append(r->out, ", ");
	mld_render_count(r->out, it);
	g_string_append(r->out, ")\n");
}

static void
list_end(struct mld_render *r)
{
	g_string_append_c(r->out, '\n');
}

static void
msgs_begin(struct mld_render *r)
{
	g_string_append(r->out, "===== Patch Commit Messages ====\n\n");
}

static void
msg(struct mld_render *r, const struct mld_digest_msg *m)
{
	switch (m->state) {
	case MLD_STATE_EXIST:
		line(r, "Exist: ", m->e->subject);
		break;
	case MLD_STATE_SKIP:
		line(r, "Skip: ", m->e->subject);
		break;
	case MLD_STATE_NEW:
		line(r, "New: ", m->title);
		line(r, "", m->e->subject);
		line(r, "Author: ", m->author);
		break;
	}
	if (m->link != NULL)
		line(r, "Link: ", m->link);
	if (m->state != MLD_STATE_NEW)
		return;
	g_string_append_c(r->out, '\n');
	mld_digest_safe(r->out, m->body, false);
	g_string_append(r->out, "\n\n");
	for (int i = 0; i < MLD_DIGEST_RULE; i++)
		g_string_append_c(r->out, '-');
	g_string_append(r->out, "\n\n");
}

static const struct mld_render_ops ops = {
	.head = head,
	.tally = tally,
	.list_begin = list_begin,
	.item = item,
	.list_end = list_end,
	.msgs_begin = msgs_begin,
	.msg = msg,
};

struct mld_render *
mld_render_text(void)
{
	return mld_render_alloc(&ops, sizeof(struct mld_render));
}
