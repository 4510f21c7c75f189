/*
 * render-markdown.c - the markdown form of the digest (see render-markdown.h).
 */
#include "markup.h"
#include "render-markdown.h"

/* Appends s, text from mail shown already (digest.h), as inline text. */
static void
text(struct mld_render *r, const char *s)
{
	mld_md_escape(r->out, s);
}

/* The same for a string not shown yet. */
static void
raw(struct mld_render *r, const char *s)
{
	text(r, mld_render_safe(r, s, true));
}

/* Appends a link to url with the inline text s (url itself if NULL),
 * both shown already. */
static void
md_link(struct mld_render *r, const char *s, const char *url)
{
	const char *p;

	g_string_append_c(r->out, '[');
	text(r, s != NULL ? s : url);
	g_string_append(r->out, "](<");
	for (p = url; *p != '\0'; p++) {
		if (*p == '<' || *p == '>' || *p == '\\')
			g_string_append_c(r->out, '\\');
		g_string_append_c(r->out, *p);
	}
	g_string_append(r->out, ">)");
}

static void
head(struct mld_render *r, const struct mld_digest_head *h)
{
	char *title = mld_digest_title(h);

	g_string_append(r->out, "# ");
	raw(r, title);
	g_string_append(r->out, "\n\nFrom ");
	raw(r, h->from);
	g_string_append(r->out, " to ");
	raw(r, h->to);
	g_string_append(r->out, "\n\n");
	g_free(title);
}

static void
tally(struct mld_render *r, const struct mld_digest_tally *t)
{
	const struct mld_tally_row *row;
	guint i;

	g_string_append(r->out, "## ");
	raw(r, t->title);
	g_string_append_printf(r->out, "\n\n| Count | %s |\n| ---: | :--- |\n",
	    t->kind == MLD_TALLY_DOMAINS ? "Domain" :
	    t->kind == MLD_TALLY_REVIEWERS ? "Reviewer" : "Contributor");
	for (i = 0; i < t->rows->len; i++) {
		row = &g_array_index(t->rows, struct mld_tally_row, i);
		g_string_append_printf(r->out, "| %llu | ", row->count);
		raw(r, row->name);
		g_string_append(r->out, " |\n");
	}
	g_string_append_c(r->out, '\n');
}

static void
list_begin(struct mld_render *r, enum mld_digest_list l, size_t n)
{
	(void)n;
	g_string_append_printf(r->out, "## %s\n\n", mld_digest_list_title(l));
}

/* Appends the item's status as the text says it (render.h). */
static void
status(struct mld_render *r, const struct mld_digest_item *it)
{
	GString *s = g_string_new(NULL);

	mld_render_status(s, it);
	text(r, s->str);
	g_string_free(s, TRUE);
}

static void
item(struct mld_render *r, const struct mld_digest_item *it)
{
	g_string_append_printf(r->out, "%zu. ", it->index);
	if (it->show.link != NULL)
		md_link(r, it->show.subject, it->show.link);
	else
		text(r, it->show.subject);
	g_string_append(r->out, " (");
	text(r, it->show.author);
	status(r, it);
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
	g_string_append(r->out, "## Patch Commit Messages\n\n");
}

/* Appends the body, shown already, in a code block. */
static void
body(struct mld_render *r, const char *safe)
{
	size_t fence = mld_md_fence(safe), i;

	for (i = 0; i < fence; i++)
		g_string_append_c(r->out, '`');
	g_string_append_c(r->out, '\n');
	g_string_append(r->out, safe);
	if (*safe != '\0')
		g_string_append_c(r->out, '\n');
	for (i = 0; i < fence; i++)
		g_string_append_c(r->out, '`');
	g_string_append(r->out, "\n\n");
}

static void
msg(struct mld_render *r, const struct mld_digest_msg *m)
{
	g_string_append_printf(r->out, "### %s: ",
	    mld_digest_state_label(m->state));
	text(r, m->state == MLD_STATE_NEW ? m->show.title : m->show.subject);
	g_string_append(r->out, "\n\n");
	if (m->state == MLD_STATE_NEW) {
		g_string_append(r->out, "- Subject: ");
		text(r, m->show.subject);
		g_string_append(r->out, "\n- Author: ");
		text(r, m->show.author);
		g_string_append_c(r->out, '\n');
		for (size_t i = 0; i < m->nreviews; i++) {
			g_string_append_printf(r->out, "- %s: ",
			    m->reviews[i].trailer);
			text(r, m->reviews[i].show);
			g_string_append_c(r->out, '\n');
		}
	}
	if (m->show.link != NULL) {
		g_string_append(r->out, "- Link: ");
		md_link(r, NULL, m->show.link);
		g_string_append_c(r->out, '\n');
	}
	if (m->state == MLD_STATE_NEW || m->show.link != NULL)
		g_string_append_c(r->out, '\n');
	if (m->state == MLD_STATE_NEW) {
		body(r, m->show.body);
		g_string_append(r->out, "---\n\n");
	}
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
mld_render_markdown(void)
{
	return mld_render_alloc(&ops, sizeof(struct mld_render));
}
