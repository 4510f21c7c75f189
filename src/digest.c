/*
 * digest.c - the text of the digest (see digest.h).
 *
 * Limits: the "Skip" test only knows titles, so a cover letter that
 * repeats its first patch in other words is printed.
 */
#include "digest.h"
#include "addr.h"
#include "text.h"
#include "tool.h"

#include <errno.h>
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

static void
entry(GString *out, struct mld_seen *seen, const struct mld_entry *p,
    const struct mld_entry *first)
{
	char *author;

	if (reported(seen, p)) {
		line(out, "Exist: ", p->subject);
	} else if (first != NULL && repeats(p, first)) {
		line(out, "Skip: ", p->subject);
	} else {
		line(out, "New: ", title_of(p));
		line(out, "", p->subject);
		author = byline(p);
		line(out, "Author: ", author);
		g_free(author);
		g_string_append_c(out, '\n');
		body(out, p->body);
		g_string_append(out, "\n\n");
		for (int i = 0; i < MLD_DIGEST_RULE; i++)
			g_string_append_c(out, '-');
		g_string_append(out, "\n\n");
	}
	mark_reported(seen, p);
}

void
mld_digest_messages(struct mld_postings *ps, struct mld_seen *seen,
    FILE *out)
{
	struct mld_entry first, cover;
	GString *buf = g_string_new(NULL);
	size_t i, n = mld_postings_sort(ps);
	bool has_first;

	fputs("===== Patch Commit Messages ====\n\n", out);
	for (i = 0; i < n; i++) {
		g_string_truncate(buf, 0);
		has_first = mld_postings_get(ps, i, MLD_PART_PATCH, &first);
		if (has_first)
			entry(buf, seen, &first, NULL);
		if (mld_postings_get(ps, i, MLD_PART_COVER, &cover)) {
			entry(buf, seen, &cover, has_first ? &first : NULL);
			mld_entry_clear(&cover);
		}
		if (has_first)
			mld_entry_clear(&first);
		fwrite(buf->str, 1, buf->len, out);
	}
	g_string_free(buf, TRUE);
}

void
mld_digest_list(struct mld_postings *ps, FILE *out)
{
	GString *buf = g_string_new(NULL);
	struct mld_entry e;
	size_t i, n = mld_postings_sort(ps);
	unsigned total, have;
	char *author;

	fputs("===== Patch list in this time period =====\n\n", out);
	for (i = 0; i < n; i++) {
		/* A posting has a cover or a patch, or it would not be. */
		if (!mld_postings_get(ps, i, MLD_PART_COVER, &e))
			mld_postings_get(ps, i, MLD_PART_PATCH, &e);
		author = mld_addr_display(e.author);
		total = e.total > 0 ? e.total : 1;
		have = mld_postings_received(ps, i, total);
		g_string_truncate(buf, 0);
		mld_text_show(buf, e.subject, true);
		g_string_append(buf, " (");
		mld_text_show(buf, author, true);
		g_string_append_printf(buf, ", %u patch%s", total,
		    total == 1 ? "" : "es");
		if (have < total)
			g_string_append_printf(buf, ", %u missing",
			    total - have);
		g_string_append(buf, ")\n");
		fwrite(buf->str, 1, buf->len, out);
		g_free(author);
		mld_entry_clear(&e);
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
