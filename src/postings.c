/*
 * postings.c - messages grouped into postings (see postings.h).
 *
 * Memory is what a digest of a whole archive needs: a posting is one
 * struct in one array, its series key and dates lie in one string chunk
 * (a date moved in place, as ISO dates keep their length), and the
 * numbers of its messages are a chain of links through one array.
 * Small blocks of their own would each cost malloc's overhead.
 */
#include "postings.h"
#include "columns.h"
#include "spool.h"
#include "tool.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

struct posting {
	char *date;		/* of its oldest message */
	char *patch_date;	/* of its first patch */
	uint64_t cover, patch;	/* where they lie in the spool */
	uint32_t patch_n;	/* the first patch's number */
	uint32_t last_link;	/* 1 + index of its last message's link */
	bool has_cover, has_patch;
};

/* A link of a posting's chain: one message's number, and 1 + index of
 * the posting's message before it (0 at the first). */
struct link {
	uint32_t n, prev;
};

struct mld_postings {
	GHashTable *byseries;	/* key (in strings) -> 1 + its index */
	GArray *postings;	/* struct posting, in input order */
	GArray *order;		/* guint: their indexes, newest first */
	GArray *links;		/* struct link, one a message */
	GStringChunk *strings;	/* keys and dates */
	bool sorted;
	bool dates_only;	/* keep no entry: a header needs no more */
	char *first, *last;	/* dates of the oldest and newest message */
	struct mld_spool *spool;
};

/* The entry's strings and numbers, in the order the spool holds them. */
enum { E_DATE, E_MSGID, E_SERIES, E_SUBJECT, E_TITLE, E_AUTHOR, E_BODY,
	E_VERSION, E_N, E_TOTAL, E_CONTRIBUTOR, NE };

void
mld_entry_clear(struct mld_entry *e)
{
	g_free(e->date);
	g_free(e->msgid);
	g_free(e->series);
	g_free(e->subject);
	g_free(e->title);
	g_free(e->author);
	g_free(e->body);
	g_free(e->contributor);
	memset(e, 0, sizeof *e);
}

struct mld_postings *
mld_postings_new(bool dates_only)
{
	struct mld_postings *ps = g_new0(struct mld_postings, 1);

	ps->dates_only = dates_only;
	ps->byseries = g_hash_table_new(g_str_hash, g_str_equal);
	ps->postings = g_array_new(FALSE, FALSE, sizeof(struct posting));
	ps->order = g_array_new(FALSE, FALSE, sizeof(guint));
	ps->links = g_array_new(FALSE, FALSE, sizeof(struct link));
	ps->strings = g_string_chunk_new(1 << 16);
	ps->spool = mld_spool_new();
	return ps;
}

void
mld_postings_free(struct mld_postings *ps)
{
	if (ps == NULL)
		return;
	g_hash_table_destroy(ps->byseries);
	g_array_free(ps->postings, TRUE);
	g_array_free(ps->order, TRUE);
	g_array_free(ps->links, TRUE);
	g_string_chunk_free(ps->strings);
	g_free(ps->first);
	g_free(ps->last);
	mld_spool_free(ps->spool);
	g_free(ps);
}

static const char *
str_or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* An unknown date ("") is older than any known one. */
static int
datecmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

static void
note_dates(struct mld_postings *ps, const char *date)
{
	if (*date == '\0')
		return;
	if (ps->first == NULL || datecmp(date, ps->first) < 0) {
		g_free(ps->first);
		ps->first = g_strdup(date);
	}
	if (ps->last == NULL || datecmp(date, ps->last) > 0) {
		g_free(ps->last);
		ps->last = g_strdup(date);
	}
}

/* Sets *at, a string of the chunk or NULL, to a copy of s. */
static void
set_date(struct mld_postings *ps, char **at, const char *s)
{
	if (*at != NULL && strlen(s) <= strlen(*at))
		strcpy(*at, s);
	else
		*at = g_string_chunk_insert(ps->strings, s);
}

/* The posting of an entry's series key, made if new. */
static struct posting *
posting_of(struct mld_postings *ps, const struct mld_entry *e)
{
	const char *series = str_or_empty(e->series);
	const char *msgid = str_or_empty(e->msgid);
	struct posting po = { 0 };
	char *made = NULL, *key;
	guint i;

	/* Without a series key a message is a posting of its own. */
	if (*series == '\0' && *msgid != '\0')
		series = made = g_strconcat("<", msgid, ">", NULL);
	else if (*series == '\0')
		series = made = g_strdup_printf("#%u", ps->postings->len);
	i = GPOINTER_TO_UINT(g_hash_table_lookup(ps->byseries, series));
	if (i == 0) {
		key = g_string_chunk_insert(ps->strings, series);
		g_array_append_val(ps->postings, po);
		i = ps->postings->len;
		g_hash_table_insert(ps->byseries, key, GUINT_TO_POINTER(i));
		g_array_append_val(ps->order, (guint){ i - 1 });
	}
	g_free(made);
	return &g_array_index(ps->postings, struct posting, i - 1);
}

static uint64_t
spool_entry(struct mld_postings *ps, const struct mld_entry *e)
{
	char version[16], n[16], total[16];
	const char *f[NE] = {
		[E_DATE] = e->date, [E_MSGID] = e->msgid,
		[E_SERIES] = e->series, [E_SUBJECT] = e->subject,
		[E_TITLE] = e->title, [E_AUTHOR] = e->author,
		[E_BODY] = e->body, [E_VERSION] = version, [E_N] = n,
		[E_TOTAL] = total,
		[E_CONTRIBUTOR] = e->contributor != NULL ? e->contributor :
		    e->author,
	};

	snprintf(version, sizeof version, "%u", e->version);
	snprintf(n, sizeof n, "%u", e->n);
	snprintf(total, sizeof total, "%u", e->total);
	return mld_spool_put(ps->spool, f, NE);
}

void
mld_postings_add(struct mld_postings *ps, const struct mld_entry *e)
{
	const char *date = str_or_empty(e->date);
	struct posting *po;
	struct link link;
	uint64_t off;

	note_dates(ps, date);
	if (ps->dates_only)
		return;
	off = spool_entry(ps, e);
	po = posting_of(ps, e);
	link = (struct link){ e->n, po->last_link };
	g_array_append_val(ps->links, link);
	po->last_link = ps->links->len;
	if (po->date == NULL || datecmp(date, po->date) < 0)
		set_date(ps, &po->date, date);
	/* The first patch is the lowest number, then the oldest. */
	if (e->n == 0) {
		if (!po->has_cover) {
			po->cover = off;
			po->has_cover = true;
		}
	} else if (!po->has_patch || e->n < po->patch_n ||
	    (e->n == po->patch_n && datecmp(date, po->patch_date) < 0)) {
		po->patch = off;
		po->patch_n = e->n;
		po->has_patch = true;
		set_date(ps, &po->patch_date, date);
	}
	ps->sorted = false;
}

const char *
mld_postings_first_date(const struct mld_postings *ps)
{
	return ps->first;
}

const char *
mld_postings_last_date(const struct mld_postings *ps)
{
	return ps->last;
}

/* A decimal field, or dflt when it is empty or not one. */
static unsigned
decimal(const char *s, unsigned dflt)
{
	char *end;
	unsigned long v;

	if (s == NULL || *s < '0' || *s > '9')
		return dflt;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > 1000000)
		return dflt;
	return (unsigned)v;
}

/* The columns an entry is made of. */
static const enum mld_col used[] = { MLD_COL_KIND, MLD_COL_DATE,
	MLD_COL_MSGID, MLD_COL_SERIES, MLD_COL_VERSION, MLD_COL_N,
	MLD_COL_TOTAL, MLD_COL_AUTHOR, MLD_COL_SUBJECT, MLD_COL_TITLE,
	MLD_COL_BODY };

/* Takes one record; false when it lacks a column it needs. */
static bool
take(struct mld_postings *ps, const struct mld_recin *in)
{
	const char *f[MLD_NCOLS] = { NULL };
	struct mld_entry e;
	size_t i;
	enum mld_col c;
	int ci;
	bool cover;

	for (i = 0; i < G_N_ELEMENTS(used); i++) {
		c = used[i];
		f[c] = mld_recin_field(in,
		    (unsigned)mld_recin_column(in, mld_columns[c], (int)c));
		if (f[c] == NULL) {
			mld_warn_line(in->name, in->lineno,
			    "no %s column, skipped", mld_columns[c]);
			mld_count_skip();
			return false;
		}
	}
	cover = strcmp(f[MLD_COL_KIND], "cover") == 0;
	if (!cover && strcmp(f[MLD_COL_KIND], "patch") != 0)
		return true;
	e = (struct mld_entry){
		.date = (char *)f[MLD_COL_DATE],
		.msgid = (char *)f[MLD_COL_MSGID],
		.series = (char *)f[MLD_COL_SERIES],
		.subject = (char *)f[MLD_COL_SUBJECT],
		.title = (char *)f[MLD_COL_TITLE],
		.author = (char *)f[MLD_COL_AUTHOR],
		.body = (char *)f[MLD_COL_BODY],
		.version = decimal(f[MLD_COL_VERSION], 1),
		.n = cover ? 0 : decimal(f[MLD_COL_N], 1),
		.total = decimal(f[MLD_COL_TOTAL], 1),
	};
	if (!cover && e.n == 0)
		e.n = 1;
	/* Records without the column (a header line that does not name
	 * it, or a short record) credit the sender. */
	ci = mld_recin_column(in, mld_columns[MLD_COL_CONTRIBUTOR],
	    in->header->len > 0 ? -1 : (int)MLD_COL_CONTRIBUTOR);
	e.contributor = ci < 0 ? NULL : (char *)mld_recin_field(in,
	    (unsigned)ci);
	mld_postings_add(ps, &e);
	return true;
}

bool
mld_postings_read(struct mld_postings *ps, struct mld_recin *in)
{
	enum mld_recin_status st;

	while ((st = mld_recin_next(in)) != MLD_REC_EOF) {
		if (st == MLD_REC_ERROR)
			return false;
		if (st == MLD_REC_OK)
			take(ps, in);
	}
	return true;
}

static int
newest_first(const void *a, const void *b, void *data)
{
	const GArray *postings = data;
	guint i = *(const guint *)a, j = *(const guint *)b;
	const struct posting *x = &g_array_index(postings, struct posting, i);
	const struct posting *y = &g_array_index(postings, struct posting, j);
	int c = datecmp(y->date, x->date);

	if (c != 0)
		return c;
	return i < j ? 1 : i > j ? -1 : 0;
}

size_t
mld_postings_sort(struct mld_postings *ps)
{
	mld_spool_settle(ps->spool);
	if (!ps->sorted)
		g_array_sort_with_data(ps->order, newest_first, ps->postings);
	ps->sorted = true;
	return ps->order->len;
}

static const struct posting *
nth(const struct mld_postings *ps, size_t i)
{
	return &g_array_index(ps->postings, struct posting,
	    g_array_index(ps->order, guint, i));
}

/* Reads back the entry at off into e (owned strings: mld_entry_clear). */
static void
read_back(struct mld_postings *ps, uint64_t off, struct mld_entry *e)
{
	char *f[NE];

	mld_spool_get(ps->spool, off, f, NE);
	*e = (struct mld_entry){
		.date = f[E_DATE], .msgid = f[E_MSGID], .series = f[E_SERIES],
		.subject = f[E_SUBJECT], .title = f[E_TITLE],
		.author = f[E_AUTHOR], .body = f[E_BODY],
		.version = (unsigned)strtoul(f[E_VERSION], NULL, 10),
		.n = (unsigned)strtoul(f[E_N], NULL, 10),
		.total = (unsigned)strtoul(f[E_TOTAL], NULL, 10),
		.contributor = f[E_CONTRIBUTOR],
	};
	g_free(f[E_VERSION]);
	g_free(f[E_N]);
	g_free(f[E_TOTAL]);
}

bool
mld_postings_get(struct mld_postings *ps, size_t i, enum mld_part part,
    struct mld_entry *e)
{
	const struct posting *po = nth(ps, i);

	if (part == MLD_PART_COVER ? !po->has_cover : !po->has_patch)
		return false;
	read_back(ps, part == MLD_PART_COVER ? po->cover : po->patch, e);
	return true;
}

unsigned
mld_postings_received(const struct mld_postings *ps, size_t i,
    unsigned total)
{
	GHashTable *have = g_hash_table_new(NULL, NULL);
	const struct link *link;
	uint32_t at;
	unsigned n;

	for (at = nth(ps, i)->last_link; at != 0; at = link->prev) {
		link = &g_array_index(ps->links, struct link, at - 1);
		if (link->n >= 1 && link->n <= total)
			g_hash_table_add(have, GUINT_TO_POINTER(link->n));
	}
	n = g_hash_table_size(have);
	g_hash_table_destroy(have);
	return n;
}
