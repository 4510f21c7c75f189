/*
 * render.c - what the renderers share: their allocation, the choice of a
 * form by name, and the terminal-safe text they start from (render.h).
 */
#include "render.h"
#include "render-email.h"
#include "render-html.h"
#include "render-json.h"
#include "render-markdown.h"
#include "render-text.h"
#include "text.h"

#include <string.h>

bool
mld_format_parse(const char *name, enum mld_format *f)
{
	static const char *const names[] = {
		[MLD_FORMAT_TEXT] = "text",
		[MLD_FORMAT_MARKDOWN] = "markdown",
		[MLD_FORMAT_HTML] = "html",
		[MLD_FORMAT_JSON] = "json",
		[MLD_FORMAT_EMAIL] = "email",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i]) == 0) {
			*f = (enum mld_format)i;
			return true;
		}
	}
	return false;
}

struct mld_render *
mld_render_new(enum mld_format f, const struct mld_email_opts *opts)
{
	switch (f) {
	case MLD_FORMAT_MARKDOWN: return mld_render_markdown();
	case MLD_FORMAT_HTML: return mld_render_html();
	case MLD_FORMAT_JSON: return mld_render_json();
	case MLD_FORMAT_EMAIL: return mld_render_email(opts);
	case MLD_FORMAT_TEXT: break;
	}
	return mld_render_text();
}

struct mld_render *
mld_render_alloc(const struct mld_render_ops *ops, size_t size)
{
	struct mld_render *r = g_malloc0(size);

	r->ops = ops;
	r->out = g_string_new(NULL);
	r->tmp = g_string_new(NULL);
	return r;
}

void
mld_render_free(struct mld_render *r)
{
	if (r == NULL)
		return;
	if (r->ops->free != NULL)
		r->ops->free(r);
	g_string_free(r->out, TRUE);
	g_string_free(r->tmp, TRUE);
	g_free(r);
}

const char *
mld_render_safe(struct mld_render *r, const char *s, bool oneline)
{
	g_string_truncate(r->tmp, 0);
	mld_text_show(r->tmp, s, oneline);
	return r->tmp->str;
}

void
mld_render_count(GString *out, const struct mld_digest_item *it)
{
	g_string_append_printf(out, "%u patch%s", it->total,
	    it->total == 1 ? "" : "es");
	if (it->missing > 0)
		g_string_append_printf(out, ", %u missing", it->missing);
}

void
mld_render_status(GString *out, const struct mld_digest_item *it)
{
	const struct mld_status *st = &it->status;

	switch (it->list) {
	case MLD_LIST_PATCHES:
		g_string_append(out, ", ");
		mld_render_count(out, it);
		mld_digest_status_text(out, st);
		break;
	case MLD_LIST_UNANSWERED:
		break;
	case MLD_LIST_PULLS:
		if (st->replies > 0)
			g_string_append_printf(out, ", %u repl%s", st->replies,
			    st->replies == 1 ? "y" : "ies");
		if (st->applied)
			g_string_append(out, ", applied");
		break;
	}
}
