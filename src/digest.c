/*
 * digest.c - the model of the digest, decided once for every form (see
 * digest.h), and handed to a renderer (render.h).
 *
 * Limits: the "Skip" test only knows titles, so a cover letter that
 * repeats its first patch in other words is printed.
 */
#include "digest.h"
#include "addr.h"
#include "render.h"
#include "text.h"
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Case-folded, with each run of white space one space, trimmed. */
static char *
normalize(const char *s)
{
	char *fold = g_utf8_casefold(s, -1), *r, *w;
	bool space = false;

	for (r = w = fold; *r != '\0'; r++) {
		if (g_ascii_isspace(*r)) {
			space = w != fold;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return fold;
}

static const char *
title_of(const struct mld_entry *p)
{
	return *p->title != '\0' ? p->title : p->subject;
}

char *
mld_digest_key_msgid(const struct mld_entry *p)
{
	if (p->msgid == NULL || *p->msgid == '\0')
		return NULL;
	return g_strconcat("msgid ", p->msgid, NULL);
}

char *
mld_digest_key_title(const struct mld_entry *p)
{
	char *t = normalize(title_of(p)), *k;

	k = g_strdup_printf("title v%u %s", p->version, t);
	g_free(t);
	return k;
}

/* Whether long_ is "<something>: " followed by short_. */
static bool
ends_with_title(const char *long_, const char *short_)
{
	size_t l = strlen(long_), s = strlen(short_);

	return s > 0 && l > s + 2 && strcmp(long_ + l - s, short_) == 0 &&
	    long_[l - s - 2] == ':' && long_[l - s - 1] == ' ';
}

/* Whether a cover letter's title only repeats its first patch's. */
static bool
repeats(const struct mld_entry *cover, const struct mld_entry *first)
{
	char *a = normalize(title_of(cover)), *b = normalize(title_of(first));
	bool r = strcmp(a, b) == 0 || ends_with_title(a, b) ||
	    ends_with_title(b, a);

	g_free(a);
	g_free(b);
	return r;
}

/* Whether an earlier digest, or this one, printed p already. */
static bool
reported(const struct mld_seen *seen, const struct mld_entry *p)
{
	char *km = mld_digest_key_msgid(p), *kt = mld_digest_key_title(p);
	bool r = (km != NULL && mld_seen_has(seen, km)) ||
	    mld_seen_has(seen, kt);

	g_free(km);
	g_free(kt);
	return r;
}

/* Adds p's keys to the seen set: it is reported now. */
static void
mark_reported(struct mld_seen *seen, const struct mld_entry *p)
{
	char *km = mld_digest_key_msgid(p), *kt = mld_digest_key_title(p);

	if (km != NULL)
		mld_seen_add(seen, km);
	mld_seen_add(seen, kt);
	g_free(km);
	g_free(kt);
}

/* The address of "Name <addr>", or the whole text, lower-cased. */
static char *
address_of(const char *person)
{
	const char *lt = strrchr(person, '<'), *gt;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		return g_ascii_strdown(lt + 1, gt - lt - 1);
	return g_ascii_strdown(person, -1);
}

/*
 * The Author line's text: the contributor, then " (sent by <author>)"
 * when the sender's address is another.
 */
static char *
byline(const struct mld_entry *p)
{
	const char *c = p->contributor != NULL && *p->contributor != '\0' ?
	    p->contributor : p->author;
	char *who = mld_addr_display(c), *sender, *a, *b, *s;

	a = address_of(c);
	b = address_of(p->author);
	if (strcmp(a, b) == 0) {
		s = who;
	} else {
		sender = mld_addr_display(p->author);
		s = g_strdup_printf("%s (sent by %s)", who, sender);
		g_free(sender);
		g_free(who);
	}
	g_free(a);
	g_free(b);
	return s;
}

/* Writes out what the renderer appended. */
static void
flush(struct mld_render *r, FILE *out)
{
	fwrite(r->out->str, 1, r->out->len, out);
	g_string_truncate(r->out, 0);
}

/*
 * Fills sh with the shown form of each string (NULL stays NULL), all
 * kept in buf.
 */
static void
show(GString *buf, struct mld_digest_show *sh, const char *subject,
    const char *title, const char *author, const char *body,
    const char *link)
{
	const char *src[] = { subject, title, author, body, link };
	const char **dst[] = { &sh->subject, &sh->title, &sh->author,
	    &sh->body, &sh->link };
	size_t off[G_N_ELEMENTS(src)], i;

	g_string_truncate(buf, 0);
	for (i = 0; i < G_N_ELEMENTS(src); i++) {
		off[i] = buf->len;
		if (src[i] != NULL)
			mld_text_show(buf, src[i], src[i] != body);
		g_string_append_c(buf, '\0');
	}
	/* Only now: appending may have moved the buffer. */
	for (i = 0; i < G_N_ELEMENTS(src); i++)
		*dst[i] = src[i] != NULL ? buf->str + off[i] : NULL;
}

static void
message(struct mld_render *r, struct mld_seen *seen, GString *buf,
    const struct mld_link *link, size_t posting, enum mld_part part,
    const struct mld_entry *p, const struct mld_entry *first)
{
	struct mld_digest_msg m = {
		.posting = posting,
		.part = part,
		.e = p,
		.title = title_of(p),
	};
	char *author, *url = mld_link_url(link, p->msgid), *body;
	size_t len = strlen(p->body);

	if (reported(seen, p))
		m.state = MLD_STATE_EXIST;
	else if (first != NULL && repeats(p, first))
		m.state = MLD_STATE_SKIP;
	else
		m.state = MLD_STATE_NEW;
	m.author = author = byline(p);
	m.link = url;
	while (len > 0 && (p->body[len - 1] == '\n' ||
	    p->body[len - 1] == ' ' || p->body[len - 1] == '\t' ||
	    p->body[len - 1] == '\r'))
		len--;
	m.body = body = g_strndup(p->body, len);
	show(buf, &m.show, p->subject, m.title, author, body, url);
	MLD_RENDER(r, msg, r, &m);
	mark_reported(seen, p);
	g_free(author);
	g_free(url);
	g_free(body);
}

void
mld_digest_messages(struct mld_postings *ps, struct mld_seen *seen,
    const struct mld_link *link, struct mld_render *r, FILE *out)
{
	struct mld_entry first, cover;
	GString *buf = g_string_new(NULL);
	size_t i, n = mld_postings_sort(ps);
	bool has_first;

	MLD_RENDER(r, msgs_begin, r);
	flush(r, out);
	for (i = 0; i < n; i++) {
		MLD_RENDER(r, posting_begin, r, i + 1);
		has_first = mld_postings_get(ps, i, MLD_PART_PATCH, &first);
		if (has_first)
			message(r, seen, buf, link, i + 1, MLD_PART_PATCH,
			    &first, NULL);
		if (mld_postings_get(ps, i, MLD_PART_COVER, &cover)) {
			message(r, seen, buf, link, i + 1, MLD_PART_COVER,
			    &cover, has_first ? &first : NULL);
			mld_entry_clear(&cover);
		}
		if (has_first)
			mld_entry_clear(&first);
		MLD_RENDER(r, posting_end, r, i + 1);
		flush(r, out);
	}
	MLD_RENDER(r, msgs_end, r);
	flush(r, out);
	g_string_free(buf, TRUE);
}

void
mld_digest_list(struct mld_postings *ps, const struct mld_link *link,
    struct mld_render *r, FILE *out)
{
	struct mld_digest_item it;
	struct mld_entry e;
	GString *buf = g_string_new(NULL);
	size_t i, n = mld_postings_sort(ps);
	char *author, *url;

	MLD_RENDER(r, list_begin, r, n);
	for (i = 0; i < n; i++) {
		/* A posting has a cover or a patch, or it would not be. */
		if (!mld_postings_get(ps, i, MLD_PART_COVER, &e))
			mld_postings_get(ps, i, MLD_PART_PATCH, &e);
		author = mld_addr_display(e.author);
		url = mld_link_url(link, e.msgid);
		it = (struct mld_digest_item){
			.index = i + 1,
			.e = &e,
			.author = author,
			.link = url,
			.total = e.total > 0 ? e.total : 1,
		};
		it.missing = it.total -
		    mld_postings_received(ps, i, it.total);
		show(buf, &it.show, e.subject, title_of(&e), author, NULL, url);
		MLD_RENDER(r, item, r, &it);
		flush(r, out);
		g_free(author);
		g_free(url);
		mld_entry_clear(&e);
	}
	MLD_RENDER(r, list_end, r);
	flush(r, out);
	g_string_free(buf, TRUE);
}

const char *
mld_digest_state_label(enum mld_digest_state s)
{
	return s == MLD_STATE_EXIST ? "Exist" : s == MLD_STATE_SKIP ? "Skip" :
	    "New";
}

const char *
mld_digest_state_name(enum mld_digest_state s)
{
	return s == MLD_STATE_EXIST ? "exist" : s == MLD_STATE_SKIP ? "skip" :
	    "new";
}

char *
mld_digest_title(const struct mld_digest_head *h)
{
	if (h->list != NULL && *h->list != '\0')
		return g_strdup_printf("%s mailing list update from %s to %s",
		    h->list, h->from, h->to);
	return g_strdup_printf("Mailing list update from %s to %s", h->from,
	    h->to);
}

void
mld_digest_head(const struct mld_digest_head *h, struct mld_render *r,
    FILE *out)
{
	MLD_RENDER(r, head, r, h);
	flush(r, out);
}

void
mld_digest_tally(const struct mld_digest_tally *t, struct mld_render *r,
    FILE *out)
{
	MLD_RENDER(r, tally, r, t);
	flush(r, out);
}

void
mld_digest_end(struct mld_render *r, FILE *out)
{
	MLD_RENDER(r, end, r, out);
	flush(r, out);
}

void
mld_digest_tally_init(struct mld_digest_tally *t, enum mld_tally_kind kind,
    const char *title, unsigned top)
{
	t->kind = kind;
	t->title = title != NULL ? g_strdup(title) : g_strdup_printf(
	    kind == MLD_TALLY_DOMAINS ?
	    "Top %u contributor Email domains (Based on Email Body)" :
	    "Top %u contributors (Based on Email Body)", top);
	t->rows = g_array_new(FALSE, FALSE, sizeof(struct mld_tally_row));
	t->max = 0;
}

void
mld_digest_tally_clear(struct mld_digest_tally *t)
{
	guint i;

	for (i = 0; i < t->rows->len; i++)
		g_free(g_array_index(t->rows, struct mld_tally_row, i).name);
	g_array_free(t->rows, TRUE);
	g_free(t->title);
}

bool
mld_digest_tally_add(struct mld_digest_tally *t, const char *s)
{
	struct mld_tally_row row;
	const char *p = s;
	char *end;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	errno = 0;
	row.count = strtoull(p, &end, 10);
	if (errno != 0 || (*end != ' ' && *end != '\t'))
		return false;
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end == '\0')
		return false;
	row.name = g_strdup(end);
	g_array_append_val(t->rows, row);
	if (row.count > t->max)
		t->max = row.count;
	return true;
}
