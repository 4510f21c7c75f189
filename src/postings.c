/*
 * postings.c - the postings a digest renders and their entries (see
 * postings.h).
 */
#include "postings.h"
#include "columns.h"
#include "spool.h"
#include "tool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

struct mld_postings {
	bool dates_only;	/* keep no entry: a header needs no more */
	bool sorted;
	char *first, *last;	/* dates of the oldest and newest message */
	struct mld_series *series;	/* groups, unless records were read */
	GArray *given;		/* struct mld_posting, from posting records */
	GHashTable *needed;	/* msgid -> itself: the entries given names */
	GHashTable *entries;	/* msgid (strings) -> 1 + where it lies */
	GHashTable *dates;	/* msgid (strings) -> its date (strings) */
	GStringChunk *strings;
	GPtrArray *order;	/* const struct mld_posting *, newest first */
	struct mld_spool *spool;
};

/* The entry's strings and numbers, in the order the spool holds them. */
enum { E_DATE, E_MSGID, E_PARENT, E_SUBJECT, E_TITLE, E_AUTHOR, E_BODY,
	E_VERSION, E_N, E_TOTAL, E_CONTRIBUTOR, NE };

void
mld_entry_clear(struct mld_entry *e)
{
	g_free(e->date);
	g_free(e->msgid);
	g_free(e->parent);
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
	ps->series = dates_only ? NULL : mld_series_new();
	ps->entries = g_hash_table_new(g_str_hash, g_str_equal);
	ps->dates = g_hash_table_new(g_str_hash, g_str_equal);
	ps->strings = g_string_chunk_new(1 << 16);
	ps->order = g_ptr_array_new();
	ps->spool = mld_spool_new();
	return ps;
}

void
mld_postings_free(struct mld_postings *ps)
{
	guint i;

	if (ps == NULL)
		return;
	mld_series_free(ps->series);
	if (ps->given != NULL) {
		for (i = 0; i < ps->given->len; i++)
			mld_posting_clear(&g_array_index(ps->given,
			    struct mld_posting, i));
		g_array_free(ps->given, TRUE);
	}
	if (ps->needed != NULL)
		g_hash_table_destroy(ps->needed);
	g_hash_table_destroy(ps->entries);
	g_hash_table_destroy(ps->dates);
	g_string_chunk_free(ps->strings);
	g_ptr_array_free(ps->order, TRUE);
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

static void
note_dates(struct mld_postings *ps, const char *date)
{
	if (*date == '\0')
		return;
	if (ps->first == NULL || strcmp(date, ps->first) < 0) {
		g_free(ps->first);
		ps->first = g_strdup(date);
	}
	if (ps->last == NULL || strcmp(date, ps->last) > 0) {
		g_free(ps->last);
		ps->last = g_strdup(date);
	}
}

/*
 * Spools e under its Message-ID.  Of two copies of one ID the oldest is
 * kept, the one the series stage keeps; equal dates keep the first.
 */
static void
keep_entry(struct mld_postings *ps, const struct mld_entry *e)
{
	char version[16], n[16], total[16];
	const char *f[NE] = {
		[E_DATE] = e->date, [E_MSGID] = e->msgid,
		[E_PARENT] = e->parent, [E_SUBJECT] = e->subject,
		[E_TITLE] = e->title, [E_AUTHOR] = e->author,
		[E_BODY] = e->body, [E_VERSION] = version, [E_N] = n,
		[E_TOTAL] = total,
		[E_CONTRIBUTOR] = e->contributor != NULL ? e->contributor :
		    e->author,
	};
	const char *msgid = str_or_empty(e->msgid), *date =
	    str_or_empty(e->date), *had;
	char *key;
	uint64_t off;

	if (*msgid == '\0' || (ps->needed != NULL &&
	    !g_hash_table_contains(ps->needed, msgid)))
		return;
	had = g_hash_table_lookup(ps->dates, msgid);
	if (had != NULL && strcmp(had, date) <= 0)
		return;
	snprintf(version, sizeof version, "%u", e->version);
	snprintf(n, sizeof n, "%u", e->n);
	snprintf(total, sizeof total, "%u", e->total);
	off = mld_spool_put(ps->spool, f, NE);
	key = g_string_chunk_insert_const(ps->strings, msgid);
	g_hash_table_insert(ps->entries, key, GSIZE_TO_POINTER(off + 1));
	g_hash_table_insert(ps->dates, key,
	    g_string_chunk_insert_const(ps->strings, date));
}

void
mld_postings_add(struct mld_postings *ps, const struct mld_entry *e)
{
	const char *f[MLD_NCOLS] = { NULL };
	char version[16], n[16], total[16];

	note_dates(ps, str_or_empty(e->date));
	if (ps->dates_only)
		return;
	keep_entry(ps, e);
	if (ps->series == NULL)
		return;
	snprintf(version, sizeof version, "%u", e->version);
	snprintf(n, sizeof n, "%u", e->n);
	snprintf(total, sizeof total, "%u", e->total);
	f[MLD_COL_KIND] = e->n == 0 ? "cover" : "patch";
	f[MLD_COL_DATE] = e->date;
	f[MLD_COL_MSGID] = e->msgid;
	f[MLD_COL_VERSION] = version;
	f[MLD_COL_N] = n;
	f[MLD_COL_TOTAL] = total;
	f[MLD_COL_AUTHOR] = e->author;
	f[MLD_COL_CONTRIBUTOR] = e->contributor;
	f[MLD_COL_SUBJECT] = e->subject;
	f[MLD_COL_TITLE] = e->title;
	f[MLD_COL_PARENT] = e->parent;
	mld_series_add(ps->series, f);
}

/* The columns an entry is made of. */
static const enum mld_col used[] = { MLD_COL_KIND, MLD_COL_DATE,
	MLD_COL_MSGID, MLD_COL_VERSION, MLD_COL_N, MLD_COL_TOTAL,
	MLD_COL_AUTHOR, MLD_COL_SUBJECT, MLD_COL_TITLE, MLD_COL_BODY };

/* Takes one record: an entry when it is a patch or cover letter. */
static void
take(struct mld_postings *ps, const struct mld_recin *in)
{
	const char *f[MLD_NCOLS] = { NULL };
	struct mld_entry e;
	size_t i;
	enum mld_col c;
	int ci;
	bool cover;

	f[MLD_COL_KIND] = mld_recin_field(in, (unsigned)mld_recin_column(in,
	    mld_columns[MLD_COL_KIND], MLD_COL_KIND));
	if (ps->series != NULL && !ps->dates_only)
		mld_series_take(ps->series, in);
	/* The period is that of the patches and cover letters. */
	cover = f[MLD_COL_KIND] != NULL && strcmp(f[MLD_COL_KIND], "cover") == 0;
	if (!cover && (f[MLD_COL_KIND] == NULL ||
	    strcmp(f[MLD_COL_KIND], "patch") != 0))
		return;
	f[MLD_COL_DATE] = mld_recin_field(in, (unsigned)mld_recin_column(in,
	    mld_columns[MLD_COL_DATE], MLD_COL_DATE));
	if (f[MLD_COL_DATE] != NULL)
		note_dates(ps, f[MLD_COL_DATE]);
	if (ps->dates_only)
		return;
	for (i = 0; i < G_N_ELEMENTS(used); i++) {
		c = used[i];
		f[c] = mld_recin_field(in,
		    (unsigned)mld_recin_column(in, mld_columns[c], (int)c));
		if (f[c] == NULL) {
			mld_warn_line(in->name, in->lineno,
			    "no %s column, skipped", mld_columns[c]);
			mld_count_skip();
			return;
		}
	}
	e = (struct mld_entry){
		.date = (char *)f[MLD_COL_DATE],
		.msgid = (char *)f[MLD_COL_MSGID],
		.subject = (char *)f[MLD_COL_SUBJECT],
		.title = (char *)f[MLD_COL_TITLE],
		.author = (char *)f[MLD_COL_AUTHOR],
		.body = (char *)f[MLD_COL_BODY],
		.version = mld_rec_decimal(f[MLD_COL_VERSION], 1),
		.n = cover ? 0 : mld_rec_decimal(f[MLD_COL_N], 1),
		.total = mld_rec_decimal(f[MLD_COL_TOTAL], 1),
	};
	if (!cover && e.n == 0)
		e.n = 1;
	/* Records without the column (a header line that does not name
	 * it, or a short record) credit the sender. */
	ci = mld_recin_column(in, mld_columns[MLD_COL_CONTRIBUTOR],
	    in->header->len > 0 ? -1 : (int)MLD_COL_CONTRIBUTOR);
	e.contributor = ci < 0 ? NULL : (char *)mld_recin_field(in,
	    (unsigned)ci);
	keep_entry(ps, &e);
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

bool
mld_postings_read_postings(struct mld_postings *ps, struct mld_recin *in)
{
	enum mld_recin_status st;
	struct mld_posting p;
	char *k;

	mld_series_free(ps->series);
	ps->series = NULL;
	if (ps->given == NULL) {
		ps->given = g_array_new(FALSE, FALSE,
		    sizeof(struct mld_posting));
		ps->needed = g_hash_table_new(g_str_hash, g_str_equal);
	}
	while ((st = mld_recin_next(in)) != MLD_REC_EOF) {
		if (st == MLD_REC_ERROR)
			return false;
		if (st != MLD_REC_OK)
			continue;
		if (!mld_posting_parse(in, &p)) {
			mld_warn_line(in->name, in->lineno,
			    "no posting key, skipped");
			mld_count_skip();
			continue;
		}
		g_array_append_val(ps->given, p);
		if (*p.cover != '\0') {
			k = g_string_chunk_insert_const(ps->strings, p.cover);
			g_hash_table_add(ps->needed, k);
		}
		if (*p.patch != '\0') {
			k = g_string_chunk_insert_const(ps->strings, p.patch);
			g_hash_table_add(ps->needed, k);
		}
	}
	return true;
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

static int
newest_first(gconstpointer a, gconstpointer b)
{
	const struct mld_posting *x = *(const struct mld_posting *const *)a;
	const struct mld_posting *y = *(const struct mld_posting *const *)b;
	int c = strcmp(y->first, x->first);

	return c != 0 ? c : strcmp(y->key, x->key);
}

size_t
mld_postings_sort(struct mld_postings *ps)
{
	size_t i, n;

	if (ps->sorted)
		return ps->order->len;
	ps->sorted = true;
	mld_spool_settle(ps->spool);
	if (ps->given != NULL) {
		for (i = 0; i < ps->given->len; i++)
			g_ptr_array_add(ps->order, &g_array_index(ps->given,
			    struct mld_posting, i));
	} else if (ps->series != NULL) {
		n = mld_series_group(ps->series);
		for (i = 0; i < n; i++)
			g_ptr_array_add(ps->order, (gpointer)
			    mld_series_posting(ps->series, i));
	}
	g_ptr_array_sort(ps->order, newest_first);
	return ps->order->len;
}

const struct mld_posting *
mld_postings_posting(const struct mld_postings *ps, size_t i)
{
	return g_ptr_array_index(ps->order, i);
}

bool
mld_postings_get(struct mld_postings *ps, size_t i, enum mld_part part,
    struct mld_entry *e)
{
	const struct mld_posting *p = mld_postings_posting(ps, i);
	const char *id = part == MLD_PART_COVER ? p->cover : p->patch;
	char *f[NE];
	gpointer at;

	if (id == NULL || *id == '\0' ||
	    (at = g_hash_table_lookup(ps->entries, id)) == NULL)
		return false;
	mld_spool_get(ps->spool, GPOINTER_TO_SIZE(at) - 1, f, NE);
	*e = (struct mld_entry){
		.date = f[E_DATE], .msgid = f[E_MSGID], .parent = f[E_PARENT],
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
	return true;
}
