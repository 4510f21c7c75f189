/*
 * digest.c - the model of the digest, decided once for every form (see
 * digest.h), and handed to a renderer (render.h).
 *
 * Limits: the "Skip" test only knows titles, so a cover letter that
 * repeats its first patch in other words is printed; a version posted
 * before the input is named only when its lineage key is the same (the
 * seen state keeps keys, not titles to compare).
 */
#include "digest.h"
#include "addr.h"
#include "render.h"
#include "tally.h"
#include "text.h"
#include "tool.h"

#include <stdio.h>
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

/* Whether p itself (its Message-ID) was printed already. */
static bool
reported_msgid(const struct mld_seen *seen, const struct mld_entry *p)
{
	char *km = mld_digest_key_msgid(p);
	bool r = km != NULL && mld_seen_has(seen, km);

	g_free(km);
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

	a = mld_addr_lower(c);
	b = mld_addr_lower(p->author);
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

/* Adds the names of each review trailer of p to reviews. */
static void
review_names(GArray *reviews, const struct mld_posting *p)
{
	const struct {
		const char *trailer, *names;
	} lists[] = {
		{ "Reviewed-by", p->reviewed }, { "Acked-by", p->acked },
		{ "Tested-by", p->tested }, { "Nacked-by", p->nacked },
	};
	struct mld_digest_review rv;
	gchar **names;
	GString *sh;
	size_t i, j;

	for (i = 0; i < G_N_ELEMENTS(lists); i++) {
		if (lists[i].names == NULL || *lists[i].names == '\0')
			continue;
		names = g_strsplit(lists[i].names, "\n", -1);
		for (j = 0; names[j] != NULL; j++) {
			sh = g_string_new(NULL);
			mld_text_show(sh, names[j], true);
			rv.trailer = lists[i].trailer;
			rv.name = names[j];
			rv.show = g_string_free(sh, FALSE);
			g_array_append_val(reviews, rv);
		}
		/* The names are now the array's. */
		g_free(names);
	}
}

/*
 * Renders entry p of posting `posting` in the state decided; `other`: a
 * line for another posting of the lineage; `names`: the posting whose
 * review trailers are listed under it, or NULL.
 */
static void
message(struct mld_render *r, GString *buf, const struct mld_link *link,
    size_t posting, enum mld_part part, enum mld_digest_state state,
    bool other, const struct mld_entry *p, const struct mld_posting *names)
{
	struct mld_digest_msg m = {
		.posting = posting,
		.part = part,
		.state = state,
		.other = other,
		.e = p,
		.title = title_of(p),
	};
	GArray *reviews = g_array_new(FALSE, FALSE,
	    sizeof(struct mld_digest_review));
	char *author, *url = mld_link_url(link, p->msgid), *body;
	size_t len = strlen(p->body);
	guint i;

	if (names != NULL)
		review_names(reviews, names);
	m.nreviews = reviews->len;
	m.reviews = (const struct mld_digest_review *)(void *)reviews->data;
	m.author = author = byline(p);
	m.link = url;
	while (len > 0 && (p->body[len - 1] == '\n' ||
	    p->body[len - 1] == ' ' || p->body[len - 1] == '\t' ||
	    p->body[len - 1] == '\r'))
		len--;
	m.body = body = g_strndup(p->body, len);
	show(buf, &m.show, p->subject, m.title, author, body, url);
	MLD_RENDER(r, msg, r, &m);
	for (i = 0; i < reviews->len; i++) {
		g_free((char *)g_array_index(reviews,
		    struct mld_digest_review, i).name);
		g_free((char *)g_array_index(reviews,
		    struct mld_digest_review, i).show);
	}
	g_array_free(reviews, TRUE);
	g_free(author);
	g_free(url);
	g_free(body);
}

/* The entry that stands for posting i: its cover, else its first patch;
 * false if it has neither. */
static bool
face(struct mld_postings *ps, size_t i, struct mld_entry *e,
    enum mld_part *part)
{
	*part = MLD_PART_COVER;
	if (mld_postings_get(ps, i, MLD_PART_COVER, e))
		return true;
	*part = MLD_PART_PATCH;
	return mld_postings_get(ps, i, MLD_PART_PATCH, e);
}

/* How a posting's first patch and cover letter are shown. */
struct shown {
	enum mld_digest_state patch, cover;
	bool full;		/* printed in full, not as a line under one */
};

static bool
is_series(const struct mld_posting *p)
{
	return !mld_posting_is_pull(p);
}

/*
 * Each lineage's posting printed in full: the newest version's first
 * posting.  Returns lineage -> 1 + its place in the newest-first order.
 */
static GHashTable *
full_postings(struct mld_postings *ps, size_t n)
{
	GHashTable *full = g_hash_table_new(g_str_hash, g_str_equal);
	const struct mld_posting *p, *q;
	gpointer at;
	size_t i;

	for (i = 0; i < n; i++) {
		p = mld_postings_posting(ps, i);
		if (!is_series(p))
			continue;
		at = g_hash_table_lookup(full, p->lineage);
		q = at != NULL ? mld_postings_posting(ps,
		    GPOINTER_TO_SIZE(at) - 1) : NULL;
		/* Newest first: of one version the later in the order is
		 * the older posting, which wins. */
		if (q == NULL || p->version >= q->version)
			g_hash_table_insert(full, p->lineage,
			    GSIZE_TO_POINTER(i + 1));
	}
	return full;
}

/* Decides New, Exist and Skip oldest posting first, marking `seen`. */
static void
decide(struct mld_postings *ps, size_t n, GHashTable *full,
    struct mld_seen *seen, struct shown *sh)
{
	struct mld_entry first, cover;
	const struct mld_posting *p;
	bool has_first, has_cover;
	size_t i;

	for (i = n; i-- > 0;) {
		p = mld_postings_posting(ps, i);
		if (!is_series(p))
			continue;
		sh[i].full = GPOINTER_TO_SIZE(g_hash_table_lookup(full,
		    p->lineage)) == i + 1;
		has_first = mld_postings_get(ps, i, MLD_PART_PATCH, &first);
		has_cover = mld_postings_get(ps, i, MLD_PART_COVER, &cover);
		if (has_first) {
			sh[i].patch = reported(seen, &first) ?
			    MLD_STATE_EXIST : MLD_STATE_NEW;
			mark_reported(seen, &first);
		}
		if (has_cover) {
			/* Its first patch took the title key already: only
			 * its own Message-ID says an earlier digest had it. */
			sh[i].cover = reported_msgid(seen, &cover) ?
			    MLD_STATE_EXIST : has_first &&
			    repeats(&cover, &first) ? MLD_STATE_SKIP :
			    reported(seen, &cover) ? MLD_STATE_EXIST :
			    MLD_STATE_NEW;
			mark_reported(seen, &cover);
			mld_entry_clear(&cover);
		}
		if (has_first)
			mld_entry_clear(&first);
	}
}

/* Renders posting i in full, the review trailers under its first New. */
static void
full_entry(struct mld_render *r, GString *buf, const struct mld_link *link,
    struct mld_postings *ps, size_t i, const struct shown *sh)
{
	const struct mld_posting *p = mld_postings_posting(ps, i);
	struct mld_entry e, first;
	bool named = false, has_first;

	has_first = mld_postings_get(ps, i, MLD_PART_PATCH, &first);
	if (has_first) {
		named = sh->patch == MLD_STATE_NEW;
		message(r, buf, link, i + 1, MLD_PART_PATCH, sh->patch, false,
		    &first, named ? p : NULL);
	}
	if (mld_postings_get(ps, i, MLD_PART_COVER, &e)) {
		message(r, buf, link, i + 1, MLD_PART_COVER, sh->cover, false,
		    &e, !named && sh->cover == MLD_STATE_NEW ? p : NULL);
		mld_entry_clear(&e);
	}
	if (has_first)
		mld_entry_clear(&first);
}

/* The day of the digest: that of its newest patch or cover letter. */
static char *
digest_day(const struct mld_postings *ps)
{
	const char *last = mld_postings_last_date(ps);

	return g_strndup(last != NULL ? last : "", 10);
}

/* Remembers each lineage's newest version and the digest's day. */
static void
remember_lineages(struct mld_postings *ps, size_t n, struct mld_seen *seen)
{
	const struct mld_posting *p;
	char *day = digest_day(ps), *k, *v;
	const char *had;
	unsigned hv;
	size_t i;

	for (i = n; i-- > 0;) {
		p = mld_postings_posting(ps, i);
		if (!is_series(p) || *p->lineage == '\0')
			continue;
		k = g_strconcat("lineage ", p->lineage, NULL);
		had = mld_seen_get(seen, k);
		if (had == NULL || sscanf(had, "v%u", &hv) != 1 ||
		    hv <= p->version) {
			v = g_strdup_printf("v%u %s", p->version, day);
			mld_seen_set(seen, k, v);
			g_free(v);
		}
		g_free(k);
	}
	g_free(day);
}

void
mld_digest_messages(struct mld_postings *ps, struct mld_seen *seen,
    const struct mld_link *link, struct mld_render *r, FILE *out)
{
	GString *buf = g_string_new(NULL);
	size_t i, j, n = mld_postings_sort(ps);
	GHashTable *full = full_postings(ps, n);
	struct shown *sh = g_new0(struct shown, n + 1);
	const struct mld_posting *p, *q, *f;
	GHashTable *done = g_hash_table_new(g_str_hash, g_str_equal);
	struct mld_entry e;
	enum mld_part part;
	size_t at;

	decide(ps, n, full, seen, sh);
	MLD_RENDER(r, msgs_begin, r);
	flush(r, out);
	for (i = 0; i < n; i++) {
		p = mld_postings_posting(ps, i);
		if (!is_series(p) || g_hash_table_contains(done, p->lineage))
			continue;
		g_hash_table_add(done, p->lineage);
		at = GPOINTER_TO_SIZE(g_hash_table_lookup(full, p->lineage)) -
		    1;
		f = mld_postings_posting(ps, at);
		MLD_RENDER(r, posting_begin, r, at + 1);
		full_entry(r, buf, link, ps, at, &sh[at]);
		for (j = i; j < n; j++) {
			q = mld_postings_posting(ps, j);
			if (j == at || !is_series(q) ||
			    strcmp(q->lineage, p->lineage) != 0 ||
			    !face(ps, j, &e, &part))
				continue;
			message(r, buf, link, j + 1, part,
			    q->version < f->version ? MLD_STATE_SUPERSEDED :
			    MLD_STATE_EXIST, true, &e, NULL);
			mld_entry_clear(&e);
		}
		MLD_RENDER(r, posting_end, r, at + 1);
		flush(r, out);
	}
	MLD_RENDER(r, msgs_end, r);
	flush(r, out);
	remember_lineages(ps, n, seen);
	g_hash_table_destroy(done);
	g_hash_table_destroy(full);
	g_free(sh);
	g_string_free(buf, TRUE);
}

/* How many names a LF-separated list holds. */
static unsigned
names(const char *list)
{
	unsigned n = 0;

	if (list == NULL || *list == '\0')
		return 0;
	for (n = 1; *list != '\0'; list++)
		n += *list == '\n';
	return n;
}

/*
 * A date from a record or the seen file, printed in every form as it
 * is: an ISO 8601 date, or "" when it is anything else (records are a
 * public format, and a seen file may be old or edited).
 */
static const char *
iso_date(const char *s)
{
	if (s == NULL || s[strspn(s, "0123456789-T:Z")] != '\0')
		return "";
	return s;
}

void
mld_digest_status(const struct mld_posting *p, const struct mld_seen *seen,
    struct mld_status *st)
{
	const char *had;
	char *k;
	unsigned hv;

	memset(st, 0, sizeof *st);
	st->version = p->version;
	/* A pull request announces no patches. */
	if (is_series(p)) {
		st->total = p->total > 0 ? p->total : 1;
		st->missing = p->present < st->total ?
		    st->total - p->present : 0;
	}
	if (p->previous_version > 0) {
		st->prev_version = p->previous_version;
		st->prev_date = iso_date(p->previous_date);
		st->resend = p->previous_version == p->version;
	} else if (seen != NULL && *p->lineage != '\0') {
		k = g_strconcat("lineage ", p->lineage, NULL);
		had = mld_seen_get(seen, k);
		if (had != NULL && sscanf(had, "v%u", &hv) == 1 &&
		    hv < p->version && strchr(had, ' ') != NULL) {
			st->prev_version = hv;
			st->prev_date = iso_date(strchr(had, ' ') + 1);
			st->prev_seen = true;
		}
		g_free(k);
	}
	st->replies = p->replies;
	st->repliers = p->repliers;
	st->revisions = p->revisions;
	st->reviewed = names(p->reviewed);
	st->acked = names(p->acked);
	st->tested = names(p->tested);
	st->nacked = names(p->nacked);
	st->applied = *p->applied != '\0';
	st->superseded = *p->newer != '\0';
}

void
mld_digest_status_text(GString *out, const struct mld_status *st)
{
	const struct {
		const char *label;
		unsigned n;
	} counts[] = {
		{ "Reviewed-by", st->reviewed }, { "Acked-by", st->acked },
		{ "Tested-by", st->tested }, { "Nacked-by", st->nacked },
	};
	size_t i;

	if (st->prev_version > 0 && st->resend)
		g_string_append_printf(out, ", resent, first %.10s",
		    st->prev_date);
	else if (st->prev_version > 0 && st->prev_seen)
		g_string_append_printf(out, ", v%u, v%u in the digest of %.10s",
		    st->version, st->prev_version, st->prev_date);
	else if (st->prev_version > 0)
		g_string_append_printf(out, ", v%u of %.10s", st->prev_version,
		    st->prev_date);
	if (st->replies > 0)
		g_string_append_printf(out, ", %u repl%s", st->replies,
		    st->replies == 1 ? "y" : "ies");
	if (st->revisions > 0)
		g_string_append_printf(out, ", %u revision%s", st->revisions,
		    st->revisions == 1 ? "" : "s");
	for (i = 0; i < G_N_ELEMENTS(counts); i++)
		if (counts[i].n > 0)
			g_string_append_printf(out, ", %s %u",
			    counts[i].label, counts[i].n);
	if (st->applied)
		g_string_append(out, ", applied");
	if (st->superseded)
		g_string_append(out, ", superseded");
}

/* Whether posting p belongs in list l. */
static bool
listed(const struct mld_posting *p, enum mld_digest_list l)
{
	switch (l) {
	case MLD_LIST_PATCHES:
		return is_series(p);
	case MLD_LIST_UNANSWERED:
		return is_series(p) && p->replies == 0;
	case MLD_LIST_PULLS:
		return !is_series(p);
	}
	return false;
}

void
mld_digest_list(struct mld_postings *ps, enum mld_digest_list l,
    const struct mld_seen *seen, const struct mld_link *link,
    struct mld_render *r, FILE *out)
{
	const struct mld_posting *p;
	struct mld_digest_item it;
	struct mld_status st;
	struct mld_entry e;
	enum mld_part part;
	GString *buf = g_string_new(NULL);
	size_t i, k, n = mld_postings_sort(ps);
	char *author, *url;
	bool owned;

	for (i = k = 0; i < n; i++)
		k += listed(mld_postings_posting(ps, i), l);
	MLD_RENDER(r, list_begin, r, l, k);
	for (i = k = 0; i < n; i++) {
		p = mld_postings_posting(ps, i);
		if (!listed(p, l))
			continue;
		/* A pull request has no patch or cover: its record says. */
		owned = face(ps, i, &e, &part);
		if (!owned)
			e = (struct mld_entry){
				.date = p->first, .msgid = p->key,
				.subject = p->subject, .title = p->title,
				.author = p->author,
				.contributor = p->contributor,
				.version = p->version, .total = p->total,
			};
		mld_digest_status(p, seen, &st);
		author = mld_addr_display(e.author);
		url = mld_link_url(link, e.msgid);
		it = (struct mld_digest_item){
			.list = l,
			.index = ++k,
			.posting = i + 1,
			.e = &e,
			.author = author,
			.link = url,
			.total = st.total,
			.missing = st.missing,
			.status = st,
		};
		show(buf, &it.show, e.subject, title_of(&e), author, NULL, url);
		MLD_RENDER(r, item, r, &it);
		flush(r, out);
		g_free(author);
		g_free(url);
		if (owned)
			mld_entry_clear(&e);
	}
	MLD_RENDER(r, list_end, r, l);
	flush(r, out);
	g_string_free(buf, TRUE);
}

const char *
mld_digest_state_label(enum mld_digest_state s)
{
	static const char *const labels[] = {
		[MLD_STATE_NEW] = "New", [MLD_STATE_EXIST] = "Exist",
		[MLD_STATE_SKIP] = "Skip", [MLD_STATE_SUPERSEDED] = "Superseded",
	};

	return labels[s];
}

const char *
mld_digest_state_name(enum mld_digest_state s)
{
	static const char *const names[] = {
		[MLD_STATE_NEW] = "new", [MLD_STATE_EXIST] = "exist",
		[MLD_STATE_SKIP] = "skip", [MLD_STATE_SUPERSEDED] = "superseded",
	};

	return names[s];
}

const char *
mld_digest_list_title(enum mld_digest_list l)
{
	static const char *const titles[] = {
		[MLD_LIST_PATCHES] = "Patch list in this time period",
		[MLD_LIST_UNANSWERED] = "Series without a reply",
		[MLD_LIST_PULLS] = "Pull requests",
	};

	return titles[l];
}

const char *
mld_digest_list_name(enum mld_digest_list l)
{
	static const char *const names[] = {
		[MLD_LIST_PATCHES] = "patches",
		[MLD_LIST_UNANSWERED] = "unanswered",
		[MLD_LIST_PULLS] = "pulls",
	};

	return names[l];
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
	t->title = title != NULL ? g_strdup(title) :
	    kind == MLD_TALLY_REVIEWERS ? mld_digest_reviewers_title(top) :
	    g_strdup_printf(kind == MLD_TALLY_DOMAINS ?
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

char *
mld_digest_reviewers_title(unsigned top)
{
	return g_strdup_printf("Top %u reviewers (Reviewed-by, Acked-by, "
	    "Tested-by given)", top);
}

bool
mld_digest_tally_add(struct mld_digest_tally *t, const char *s)
{
	struct mld_tally_row row;
	uint64_t count;
	const char *label;

	if (!mld_tally_parse_line(s, &count, &label))
		return false;
	row.count = count;
	row.name = g_strdup(label);
	g_array_append_val(t->rows, row);
	if (row.count > t->max)
		t->max = row.count;
	return true;
}
