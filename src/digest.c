/*
 * digest.c - the text of the digest (see digest.h).
 *
 * Limits: the "Skip" test only knows titles, so a cover letter that
 * repeats its first patch in other words is printed; a version posted
 * before the input is named only when its lineage key is the same (the
 * seen state keeps keys, not titles to compare).
 */
#include "digest.h"
#include "addr.h"
#include "text.h"
#include "tool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gmime/gmime.h>

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

/* Appends the body without its trailing blank lines. */
static void
body(GString *out, const char *b)
{
	size_t len = strlen(b);
	char *copy;

	while (len > 0 && (b[len - 1] == '\n' || b[len - 1] == ' ' ||
	    b[len - 1] == '\t' || b[len - 1] == '\r'))
		len--;
	copy = g_strndup(b, len);
	mld_text_show(out, copy, false);
	g_free(copy);
}

static void
line(GString *out, const char *label, const char *s)
{
	g_string_append(out, label);
	mld_text_show(out, s, true);
	g_string_append_c(out, '\n');
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

/* The lines naming who gave each review trailer, under an entry. */
static void
review_names(GString *out, const struct mld_posting *p)
{
	const struct {
		const char *label, *names;
	} lists[] = {
		{ "Reviewed-by: ", p->reviewed }, { "Acked-by: ", p->acked },
		{ "Tested-by: ", p->tested }, { "Nacked-by: ", p->nacked },
	};
	gchar **names;
	size_t i, j;

	for (i = 0; i < G_N_ELEMENTS(lists); i++) {
		if (lists[i].names == NULL || *lists[i].names == '\0')
			continue;
		names = g_strsplit(lists[i].names, "\n", -1);
		for (j = 0; names[j] != NULL; j++)
			line(out, lists[i].label, names[j]);
		g_strfreev(names);
	}
}

enum show { SHOW_NONE, SHOW_NEW, SHOW_EXIST, SHOW_SKIP };

static void
entry(GString *out, enum show how, const struct mld_entry *p,
    const struct mld_posting *names)
{
	char *author;

	if (how == SHOW_EXIST) {
		line(out, "Exist: ", p->subject);
	} else if (how == SHOW_SKIP) {
		line(out, "Skip: ", p->subject);
	} else if (how == SHOW_NEW) {
		line(out, "New: ", title_of(p));
		line(out, "", p->subject);
		author = byline(p);
		line(out, "Author: ", author);
		g_free(author);
		if (names != NULL)
			review_names(out, names);
		g_string_append_c(out, '\n');
		body(out, p->body);
		g_string_append(out, "\n\n");
		for (int i = 0; i < MLD_DIGEST_RULE; i++)
			g_string_append_c(out, '-');
		g_string_append(out, "\n\n");
	}
}

/* How a posting's first patch and cover letter are shown. */
struct shown {
	enum show patch, cover;
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
			sh[i].patch = reported(seen, &first) ? SHOW_EXIST :
			    SHOW_NEW;
			mark_reported(seen, &first);
		}
		if (has_cover) {
			/* Its first patch took the title key already: only
			 * its own Message-ID says an earlier digest had it. */
			sh[i].cover = reported_msgid(seen, &cover) ?
			    SHOW_EXIST : has_first && repeats(&cover, &first) ?
			    SHOW_SKIP : reported(seen, &cover) ? SHOW_EXIST :
			    SHOW_NEW;
			mark_reported(seen, &cover);
			mld_entry_clear(&cover);
		}
		if (has_first)
			mld_entry_clear(&first);
	}
}

/* Prints posting i in full. */
static void
full_entry(struct mld_postings *ps, size_t i, const struct shown *sh,
    GString *buf)
{
	const struct mld_posting *p = mld_postings_posting(ps, i);
	struct mld_entry e;
	bool named = false;

	if (mld_postings_get(ps, i, MLD_PART_PATCH, &e)) {
		named = sh->patch == SHOW_NEW;
		entry(buf, sh->patch, &e, named ? p : NULL);
		mld_entry_clear(&e);
	}
	if (mld_postings_get(ps, i, MLD_PART_COVER, &e)) {
		entry(buf, sh->cover, &e, !named && sh->cover == SHOW_NEW ?
		    p : NULL);
		mld_entry_clear(&e);
	}
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
    FILE *out)
{
	GString *buf = g_string_new(NULL);
	size_t i, j, n = mld_postings_sort(ps);
	GHashTable *full = full_postings(ps, n);
	struct shown *sh = g_new0(struct shown, n + 1);
	const struct mld_posting *p, *q, *f;
	GHashTable *done = g_hash_table_new(g_str_hash, g_str_equal);
	size_t at;

	decide(ps, n, full, seen, sh);
	fputs("===== Patch Commit Messages ====\n\n", out);
	for (i = 0; i < n; i++) {
		p = mld_postings_posting(ps, i);
		if (!is_series(p) || g_hash_table_contains(done, p->lineage))
			continue;
		g_hash_table_add(done, p->lineage);
		g_string_truncate(buf, 0);
		at = GPOINTER_TO_SIZE(g_hash_table_lookup(full, p->lineage)) -
		    1;
		f = mld_postings_posting(ps, at);
		full_entry(ps, at, &sh[at], buf);
		for (j = i; j < n; j++) {
			q = mld_postings_posting(ps, j);
			if (j == at || !is_series(q) ||
			    strcmp(q->lineage, p->lineage) != 0)
				continue;
			line(buf, q->version < f->version ? "Superseded: " :
			    "Exist: ", q->subject);
		}
		fwrite(buf->str, 1, buf->len, out);
	}
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

void
mld_digest_status(const struct mld_posting *p, const struct mld_seen *seen,
    struct mld_status *st)
{
	const char *had;
	char *k;
	unsigned hv;

	memset(st, 0, sizeof *st);
	st->version = p->version;
	st->total = p->total > 0 ? p->total : 1;
	st->missing = p->present < st->total ? st->total - p->present : 0;
	if (p->previous_version > 0) {
		st->prev_version = p->previous_version;
		st->prev_date = p->previous_date;
		st->resend = p->previous_version == p->version;
	} else if (seen != NULL && *p->lineage != '\0') {
		k = g_strconcat("lineage ", p->lineage, NULL);
		had = mld_seen_get(seen, k);
		if (had != NULL && sscanf(had, "v%u", &hv) == 1 &&
		    hv < p->version && strchr(had, ' ') != NULL) {
			st->prev_version = hv;
			st->prev_date = strchr(had, ' ') + 1;
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

/* "<subject> (<author>" of a posting. */
static void
who_and_what(GString *buf, const struct mld_posting *p)
{
	char *author = mld_addr_display(p->author);

	mld_text_show(buf, p->subject, true);
	g_string_append(buf, " (");
	mld_text_show(buf, author, true);
	g_free(author);
}

void
mld_digest_list(struct mld_postings *ps, const struct mld_seen *seen,
    FILE *out)
{
	GString *buf = g_string_new(NULL);
	const struct mld_posting *p;
	struct mld_status st;
	size_t i, n = mld_postings_sort(ps);

	fputs("===== Patch list in this time period =====\n\n", out);
	for (i = 0; i < n; i++) {
		p = mld_postings_posting(ps, i);
		if (!is_series(p))
			continue;
		mld_digest_status(p, seen, &st);
		g_string_truncate(buf, 0);
		who_and_what(buf, p);
		g_string_append_printf(buf, ", %u patch%s", st.total,
		    st.total == 1 ? "" : "es");
		if (st.missing > 0)
			g_string_append_printf(buf, ", %u missing",
			    st.missing);
		mld_digest_status_text(buf, &st);
		g_string_append(buf, ")\n");
		fwrite(buf->str, 1, buf->len, out);
	}
	fputc('\n', out);
	g_string_free(buf, TRUE);
}

void
mld_digest_unanswered(struct mld_postings *ps, FILE *out)
{
	GString *buf = g_string_new(NULL);
	const struct mld_posting *p;
	size_t i, n = mld_postings_sort(ps);

	fputs("===== Series without a reply =====\n\n", out);
	for (i = 0; i < n; i++) {
		p = mld_postings_posting(ps, i);
		if (!is_series(p) || p->replies > 0)
			continue;
		g_string_truncate(buf, 0);
		who_and_what(buf, p);
		g_string_append(buf, ")\n");
		fwrite(buf->str, 1, buf->len, out);
	}
	fputc('\n', out);
	g_string_free(buf, TRUE);
}

void
mld_digest_pulls(struct mld_postings *ps, FILE *out)
{
	GString *buf = g_string_new(NULL);
	const struct mld_posting *p;
	size_t i, n = mld_postings_sort(ps);

	fputs("===== Pull requests =====\n\n", out);
	for (i = 0; i < n; i++) {
		p = mld_postings_posting(ps, i);
		if (is_series(p))
			continue;
		g_string_truncate(buf, 0);
		who_and_what(buf, p);
		if (p->replies > 0)
			g_string_append_printf(buf, ", %u repl%s", p->replies,
			    p->replies == 1 ? "y" : "ies");
		if (*p->applied != '\0')
			g_string_append(buf, ", applied");
		g_string_append(buf, ")\n");
		fwrite(buf->str, 1, buf->len, out);
	}
	fputc('\n', out);
	g_string_free(buf, TRUE);
}

void
mld_digest_header(GString *out, const char *list, const char *from,
    const char *to)
{
	g_string_append(out, "From ");
	mld_text_show(out, from, true);
	g_string_append(out, " to ");
	mld_text_show(out, to, true);
	g_string_append_c(out, '\n');
	if (list != NULL && *list != '\0') {
		mld_text_show(out, list, true);
		g_string_append(out, " mailing list update from ");
	} else {
		g_string_append(out, "Mailing list update from ");
	}
	mld_text_show(out, from, true);
	g_string_append(out, " to ");
	mld_text_show(out, to, true);
	g_string_append(out, "\n\n");
}

char *
mld_digest_tally_title(bool domains, unsigned top)
{
	return g_strdup_printf(domains ?
	    "Top %u contributor Email domains (Based on Email Body)" :
	    "Top %u contributors (Based on Email Body)", top);
}

char *
mld_digest_reviewers_title(unsigned top)
{
	return g_strdup_printf("Top %u reviewers (Reviewed-by, Acked-by, "
	    "Tested-by given)", top);
}

bool
mld_digest_tally_line(GString *out, const char *s)
{
	unsigned long long count;
	const char *p = s;
	char *end;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	errno = 0;
	count = strtoull(p, &end, 10);
	if (errno != 0 || (*end != ' ' && *end != '\t'))
		return false;
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end == '\0')
		return false;
	g_string_append_printf(out, "%7llu ", count);
	mld_text_show(out, end, true);
	g_string_append_c(out, '\n');
	return true;
}
