/*
 * render-html.c - the html form of the digest (see render-html.h).
 */
#include "markup.h"
#include "render-html.h"

#include <stdarg.h>

static const char style[] =
    "body{font-family:sans-serif;max-width:60em;margin:1em auto;"
    "padding:0 1em;color:#222;background:#fff}"
    "h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ccc}"
    "h3{font-size:1em;margin:1.2em 0 .3em}"
    "table.tally{border-collapse:collapse;width:100%}"
    "table.tally td{padding:1px 6px;vertical-align:middle}"
    "td.n{text-align:right;width:4em}td.name{width:40%}"
    "td.bar span{display:block;height:.9em;background:#4a7ab5}"
    "ol.list li{margin:.2em 0}"
    ".badge{display:inline-block;font-size:.8em;padding:0 .4em;"
    "border-radius:.3em;background:#e4ecf5;margin-left:.3em}"
    ".badge.missing{background:#f8dcc8}"
    ".badge.review{background:#d7eed8}.badge.nack{background:#f5c6c6}"
    ".badge.applied{background:#2e7d32;color:#fff}"
    ".badge.superseded{background:#ddd;color:#555}"
    ".state{font-size:.8em;padding:0 .4em;border-radius:.3em;"
    "color:#fff;background:#2e7d32}"
    ".exist .state{background:#777}.skip .state{background:#999}"
    ".superseded .state{background:#bbb}"
    "pre{background:#f6f6f6;padding:.5em;overflow-x:auto;"
    "white-space:pre-wrap}"
    "p.meta{margin:.1em 0;color:#444}"
    "section.posting{border-left:3px solid #ddd;padding-left:.8em;"
    "margin:1em 0}";

/* Appends s, text from mail shown already (digest.h), HTML-escaped; in
 * <bdi> with bdi. */
static void
text(struct mld_render *r, const char *s, bool bdi)
{
	if (bdi)
		g_string_append(r->out, "<bdi>");
	mld_html_escape(r->out, s);
	if (bdi)
		g_string_append(r->out, "</bdi>");
}

/* The same for a string not shown yet. */
static void
raw(struct mld_render *r, const char *s, bool bdi)
{
	text(r, mld_render_safe(r, s, true), bdi);
}

static void
head(struct mld_render *r, const struct mld_digest_head *h)
{
	char *title = mld_digest_title(h);

	g_string_append(r->out, "<!DOCTYPE html>\n<html lang=\"en\">\n"
	    "<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "<title>");
	raw(r, title, false);
	g_string_append(r->out, "</title>\n<style>");
	g_string_append(r->out, style);
	g_string_append(r->out, "</style>\n</head>\n<body>\n<h1>");
	raw(r, title, true);
	g_string_append(r->out, "</h1>\n<p class=\"period\">From ");
	raw(r, h->from, true);
	g_string_append(r->out, " to ");
	raw(r, h->to, true);
	g_string_append(r->out, "</p>\n");
	g_free(title);
}

static void
tally(struct mld_render *r, const struct mld_digest_tally *t)
{
	const struct mld_tally_row *row;
	unsigned long long permille;
	guint i;

	g_string_append(r->out, "<h2>");
	raw(r, t->title, false);
	g_string_append_printf(r->out, "</h2>\n<table class=\"tally %s\">\n",
	    t->kind == MLD_TALLY_DOMAINS ? "domains" :
	    t->kind == MLD_TALLY_REVIEWERS ? "reviewers" : "people");
	for (i = 0; i < t->rows->len; i++) {
		row = &g_array_index(t->rows, struct mld_tally_row, i);
		/* Integer arithmetic: a locale's decimal comma is no CSS. */
		permille = t->max > 0 ? row->count * 1000 / t->max : 0;
		g_string_append_printf(r->out, "<tr><td class=\"n\">%llu</td>"
		    "<td class=\"name\">", row->count);
		raw(r, row->name, true);
		g_string_append_printf(r->out, "</td><td class=\"bar\">"
		    "<span style=\"width:%llu.%llu%%\"></span></td></tr>\n",
		    permille / 10, permille % 10);
	}
	g_string_append(r->out, "</table>\n");
}

static void
list_begin(struct mld_render *r, enum mld_digest_list l, size_t n)
{
	(void)n;
	g_string_append_printf(r->out, "<h2>%s</h2>\n"
	    "<ol class=\"list %s\">\n", mld_digest_list_title(l),
	    mld_digest_list_name(l));
}

/* Appends href="url", url (shown already) escaped for an attribute. */
static void
href(struct mld_render *r, const char *url)
{
	g_string_append(r->out, "href=\"");
	mld_html_escape(r->out, url);
	g_string_append_c(r->out, '"');
}

/* Appends a badge of the class (NULL: a plain one) saying the printf. */
static void G_GNUC_PRINTF(3, 4)
badge(struct mld_render *r, const char *class, const char *fmt, ...)
{
	va_list ap;

	g_string_append_printf(r->out, " <span class=\"badge%s%s\">",
	    class != NULL ? " " : "", class != NULL ? class : "");
	va_start(ap, fmt);
	g_string_append_vprintf(r->out, fmt, ap);
	va_end(ap);
	g_string_append(r->out, "</span>");
}

/* The status of a series, a badge for each part the text names. */
static void
status(struct mld_render *r, const struct mld_status *st)
{
	const struct {
		const char *label, *class;
		unsigned n;
	} counts[] = {
		{ "Reviewed-by", "review", st->reviewed },
		{ "Acked-by", "review", st->acked },
		{ "Tested-by", "review", st->tested },
		{ "Nacked-by", "nack", st->nacked },
	};
	size_t i;

	if (st->prev_version > 0 && st->resend)
		badge(r, "resend", "resent, first %.10s", st->prev_date);
	else if (st->prev_version > 0 && st->prev_seen)
		badge(r, "version", "v%u, v%u in the digest of %.10s",
		    st->version, st->prev_version, st->prev_date);
	else if (st->prev_version > 0)
		badge(r, "version", "v%u of %.10s", st->prev_version,
		    st->prev_date);
	if (st->replies > 0)
		badge(r, "replies", "%u repl%s", st->replies,
		    st->replies == 1 ? "y" : "ies");
	if (st->revisions > 0)
		badge(r, "revisions", "%u revision%s", st->revisions,
		    st->revisions == 1 ? "" : "s");
	for (i = 0; i < G_N_ELEMENTS(counts); i++)
		if (counts[i].n > 0)
			badge(r, counts[i].class, "%s %u", counts[i].label,
			    counts[i].n);
	if (st->applied)
		badge(r, "applied", "applied");
	if (st->superseded)
		badge(r, "superseded", "superseded");
}

static void
item(struct mld_render *r, const struct mld_digest_item *it)
{
	const struct mld_status *st = &it->status;

	/* A pull request has no entry to go to. */
	if (it->list == MLD_LIST_PULLS)
		g_string_append(r->out, "<li>");
	else
		g_string_append_printf(r->out, "<li><a href=\"#p%zu\">",
		    it->posting);
	text(r, it->show.subject, true);
	g_string_append(r->out, it->list == MLD_LIST_PULLS ? "" : "</a>");
	g_string_append(r->out, " <span class=\"who\">");
	text(r, it->show.author, true);
	g_string_append(r->out, "</span>");
	switch (it->list) {
	case MLD_LIST_PATCHES:
		badge(r, NULL, "%u patch%s", it->total,
		    it->total == 1 ? "" : "es");
		if (it->missing > 0)
			badge(r, "missing", "%u missing", it->missing);
		status(r, st);
		break;
	case MLD_LIST_UNANSWERED:
		break;
	case MLD_LIST_PULLS:
		if (st->replies > 0)
			badge(r, "replies", "%u repl%s", st->replies,
			    st->replies == 1 ? "y" : "ies");
		if (st->applied)
			badge(r, "applied", "applied");
		break;
	}
	if (it->show.link != NULL) {
		g_string_append(r->out, " <a class=\"archive\" ");
		href(r, it->show.link);
		g_string_append(r->out, ">archive</a>");
	}
	g_string_append(r->out, "</li>\n");
}

static void
list_end(struct mld_render *r, enum mld_digest_list l)
{
	(void)l;
	g_string_append(r->out, "</ol>\n");
}

static void
msgs_begin(struct mld_render *r)
{
	g_string_append(r->out, "<h2>Patch Commit Messages</h2>\n");
}

static void
posting_begin(struct mld_render *r, size_t index)
{
	g_string_append_printf(r->out,
	    "<section class=\"posting\" id=\"p%zu\">\n", index);
}

static void
posting_end(struct mld_render *r, size_t index)
{
	(void)index;
	g_string_append(r->out, "</section>\n");
}

static void
msg(struct mld_render *r, const struct mld_digest_msg *m)
{
	g_string_append_printf(r->out, "<article class=\"entry %s %s\"",
	    mld_digest_state_name(m->state),
	    m->part == MLD_PART_COVER ? "cover" : "patch");
	/* The patch list's item of another posting of the lineage goes
	 * here, in the section of the posting printed. */
	if (m->other)
		g_string_append_printf(r->out, " id=\"p%zu\"", m->posting);
	g_string_append_printf(r->out, ">\n<h3><span class=\"state\">%s"
	    "</span> ", mld_digest_state_label(m->state));
	text(r, m->state == MLD_STATE_NEW ? m->show.title : m->show.subject,
	    true);
	g_string_append(r->out, "</h3>\n");
	if (m->state == MLD_STATE_NEW) {
		g_string_append(r->out, "<p class=\"meta subject\">");
		text(r, m->show.subject, true);
		g_string_append(r->out, "</p>\n<p class=\"meta author\">"
		    "Author: ");
		text(r, m->show.author, true);
		g_string_append(r->out, "</p>\n");
		for (size_t i = 0; i < m->nreviews; i++) {
			g_string_append_printf(r->out, "<p class=\"meta "
			    "review\">%s: ", m->reviews[i].trailer);
			text(r, m->reviews[i].show, true);
			g_string_append(r->out, "</p>\n");
		}
	}
	if (m->show.link != NULL) {
		g_string_append(r->out, "<p class=\"meta link\"><a ");
		href(r, m->show.link);
		g_string_append_c(r->out, '>');
		text(r, m->show.link, false);
		g_string_append(r->out, "</a></p>\n");
	}
	if (m->state == MLD_STATE_NEW) {
		g_string_append(r->out, "<pre>");
		mld_html_escape(r->out, m->show.body);
		g_string_append(r->out, "</pre>\n");
	}
	g_string_append(r->out, "</article>\n");
}

static void
end(struct mld_render *r, FILE *out)
{
	(void)out;
	g_string_append(r->out, "</body>\n</html>\n");
}

static const struct mld_render_ops ops = {
	.head = head,
	.tally = tally,
	.list_begin = list_begin,
	.item = item,
	.list_end = list_end,
	.msgs_begin = msgs_begin,
	.posting_begin = posting_begin,
	.msg = msg,
	.posting_end = posting_end,
	.end = end,
};

struct mld_render *
mld_render_html(void)
{
	return mld_render_alloc(&ops, sizeof(struct mld_render));
}
