/*
 * render-text.c - the text form of the digest (see render-text.h).
 */
#include "render-text.h"
#include "text.h"

/* A line of text from mail, shown already (digest.h). */
static void
line(struct mld_render *r, const char *label, const char *s)
{
	g_string_append(r->out, label);
	g_string_append(r->out, s);
	g_string_append_c(r->out, '\n');
}

/* A line of a string not shown yet. */
static void
show(struct mld_render *r, const char *label, const char *s)
{
	line(r, label, mld_render_safe(r, s, true));
}

static void
head(struct mld_render *r, const struct mld_digest_head *h)
{
	char *title = mld_digest_title(h);

	g_string_append(r->out, "From ");
	mld_text_show(r->out, h->from, true);
	g_string_append(r->out, " to ");
	show(r, "", h->to);
	show(r, "", title);
	g_string_append_c(r->out, '\n');
	g_free(title);
}

static void
tally(struct mld_render *r, const struct mld_digest_tally *t)
{
	const struct mld_tally_row *row;
	guint i;

	show(r, "", t->title);
	g_string_append_c(r->out, '\n');
	for (i = 0; i < t->rows->len; i++) {
		row = &g_array_index(t->rows, struct mld_tally_row, i);
		g_string_append_printf(r->out, "%7llu ", row->count);
		show(r, "", row->name);
	}
	g_string_append_c(r->out, '\n');
}

static void
list_begin(struct mld_render *r, enum mld_digest_list l, size_t n)
{
	(void)n;
	g_string_append_printf(r->out, "===== %s =====\n\n",
	    mld_digest_list_title(l));
}

static void
item(struct mld_render *r, const struct mld_digest_item *it)
{
	g_string_append(r->out, it->show.subject);
	g_string_append(r->out, " (");
	g_string_append(r->out, it->show.author);
	mld_render_status(r->out, it);
	g_string_append(r->out, ")\n");
}

static void
list_end(struct mld_render *r, enum mld_digest_list l)
{
	(void)l;
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
		line(r, "Exist: ", m->show.subject);
		break;
	case MLD_STATE_SKIP:
		line(r, "Skip: ", m->show.subject);
		break;
	case MLD_STATE_SUPERSEDED:
		line(r, "Superseded: ", m->show.subject);
		break;
	case MLD_STATE_NEW:
		line(r, "New: ", m->show.title);
		line(r, "", m->show.subject);
		line(r, "Author: ", m->show.author);
		for (size_t i = 0; i < m->nreviews; i++) {
			g_string_append(r->out, m->reviews[i].trailer);
			line(r, ": ", m->reviews[i].show);
		}
		break;
	}
	if (m->show.link != NULL)
		line(r, "Link: ", m->show.link);
	if (m->state != MLD_STATE_NEW)
		return;
	g_string_append_c(r->out, '\n');
	g_string_append(r->out, m->show.body);
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
