/*
 * render-json.c - the json form of the digest (see render-json.h).
 */
#include "markup.h"
#include "render-json.h"

struct json {
	struct mld_render r;
	size_t n;		/* elements so far in the open array */
};

/* Appends ,"key": and the string s (null if NULL). */
static void
field(struct mld_render *r, const char *key, const char *s)
{
	g_string_append_printf(r->out, ",\"%s\":", key);
	mld_json_string(r->out, s);
}

static void
number(struct mld_render *r, const char *key, unsigned long long v)
{
	g_string_append_printf(r->out, ",\"%s\":%llu", key, v);
}

/* Begins an element of the open array. */
static void
element(struct mld_render *r)
{
	struct json *j = (struct json *)r;

	g_string_append(r->out, j->n++ > 0 ? ",\n" : "\n");
}

static void
head(struct mld_render *r, const struct mld_digest_head *h)
{
	char *title = mld_digest_title(h);

	g_string_append(r->out, "{\"format\":\"mldigest\",\"version\":1");
	field(r, "list", h->list != NULL && *h->list != '\0' ? h->list : NULL);
	field(r, "title", title);
	g_string_append(r->out, ",\n\"period\":{\"from\":");
	mld_json_string(r->out, h->from);
	field(r, "to", h->to);
	field(r, "first", h->first);
	field(r, "last", h->last);
	g_string_append(r->out, "},\n\"tallies\":{");
	g_free(title);
}

static void
tally(struct mld_render *r, const struct mld_digest_tally *t)
{
	struct json *j = (struct json *)r;
	const struct mld_tally_row *row;
	guint i;

	g_string_append_printf(r->out, "%s\"%s\":{\"title\":",
	    j->n++ > 0 ? ",\n" : "\n",
	    t->kind == MLD_TALLY_DOMAINS ? "domains" :
	    t->kind == MLD_TALLY_REVIEWERS ? "reviewers" : "people");
	mld_json_string(r->out, t->title);
	g_string_append(r->out, ",\"rows\":[");
	for (i = 0; i < t->rows->len; i++) {
		row = &g_array_index(t->rows, struct mld_tally_row, i);
		g_string_append_printf(r->out, "%s{\"count\":%llu",
		    i > 0 ? "," : "", row->count);
		field(r, "name", row->name);
		g_string_append_c(r->out, '}');
	}
	g_string_append(r->out, "]}");
}

/* The patch list is "postings", the others by their name. */
static void
list_begin(struct mld_render *r, enum mld_digest_list l, size_t n)
{
	struct json *j = (struct json *)r;

	(void)n;
	if (l == MLD_LIST_PATCHES)
		g_string_append(r->out, j->n > 0 ? "\n},\n\"postings\":[" :
		    "},\n\"postings\":[");
	else
		g_string_append_printf(r->out, ",\n\"%s\":[",
		    mld_digest_list_name(l));
	j->n = 0;
}

static void
flag(struct mld_render *r, const char *key, bool v)
{
	g_string_append_printf(r->out, ",\"%s\":%s", key,
	    v ? "true" : "false");
}

/* The fields an item and an entry share. */
static void
entry_fields(struct mld_render *r, const struct mld_entry *e,
    const char *author, const char *link)
{
	field(r, "msgid", e->msgid);
	field(r, "link", link);
	field(r, "date", e->date);
	field(r, "subject", e->subject);
	field(r, "title", e->title);
	field(r, "author", author);
	number(r, "version", e->version);
}

static void
item(struct mld_render *r, const struct mld_digest_item *it)
{
	const struct mld_status *st = &it->status;

	element(r);
	g_string_append_printf(r->out, "{\"index\":%zu", it->index);
	number(r, "posting", it->posting);
	entry_fields(r, it->e, it->author, it->link);
	g_string_append(r->out, ",\"status\":{\"total\":");
	g_string_append_printf(r->out, "%u", it->total);
	number(r, "received", it->total - it->missing);
	number(r, "missing", it->missing);
	number(r, "prev_version", st->prev_version);
	field(r, "prev_date", st->prev_version > 0 ? st->prev_date : NULL);
	flag(r, "prev_seen", st->prev_seen);
	flag(r, "resend", st->resend);
	number(r, "replies", st->replies);
	number(r, "repliers", st->repliers);
	number(r, "revisions", st->revisions);
	number(r, "reviewed", st->reviewed);
	number(r, "acked", st->acked);
	number(r, "tested", st->tested);
	number(r, "nacked", st->nacked);
	flag(r, "applied", st->applied);
	flag(r, "superseded", st->superseded);
	g_string_append(r->out, "}}");
}

static void
list_end(struct mld_render *r, enum mld_digest_list l)
{
	struct json *j = (struct json *)r;

	(void)l;
	g_string_append(r->out, j->n > 0 ? "\n]" : "]");
}

static void
msgs_begin(struct mld_render *r)
{
	struct json *j = (struct json *)r;

	g_string_append(r->out, ",\n\"entries\":[");
	j->n = 0;
}

static void
msg(struct mld_render *r, const struct mld_digest_msg *m)
{
	element(r);
	g_string_append_printf(r->out, "{\"posting\":%zu", m->posting);
	field(r, "part", m->part == MLD_PART_COVER ? "cover" : "patch");
	field(r, "state", mld_digest_state_name(m->state));
	entry_fields(r, m->e, m->author, m->link);
	field(r, "contributor", m->e->contributor != NULL &&
	    *m->e->contributor != '\0' ? m->e->contributor : m->e->author);
	field(r, "sender", m->e->author);
	number(r, "n", m->e->n);
	number(r, "total", m->e->total);
	field(r, "body", m->body);
	g_string_append(r->out, ",\"reviews\":[");
	for (size_t i = 0; i < m->nreviews; i++) {
		g_string_append_printf(r->out, "%s{\"trailer\":",
		    i > 0 ? "," : "");
		mld_json_string(r->out, m->reviews[i].trailer);
		field(r, "name", m->reviews[i].name);
		g_string_append_c(r->out, '}');
	}
	g_string_append(r->out, "]}");
}

static void
msgs_end(struct mld_render *r)
{
	struct json *j = (struct json *)r;

	g_string_append(r->out, j->n > 0 ? "\n]" : "]");
}

static void
end(struct mld_render *r, FILE *out)
{
	(void)out;
	g_string_append(r->out, "\n}\n");
}

static const struct mld_render_ops ops = {
	.head = head,
	.tally = tally,
	.list_begin = list_begin,
	.item = item,
	.list_end = list_end,
	.msgs_begin = msgs_begin,
	.msg = msg,
	.msgs_end = msgs_end,
	.end = end,
};

struct mld_render *
mld_render_json(void)
{
	return mld_render_alloc(&ops, sizeof(struct json));
}
