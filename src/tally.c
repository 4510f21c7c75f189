/*
 * tally.c - counting keys and ordering them (see tally.h).  A hash
 * table from key to count, with a second small table per key for its
 * variants; memory grows with the number of distinct keys and names,
 * not with the input.  Counts saturate at 2^64 - 1 rather than wrap.
 */
#include "tally.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

/*
 * Most keys have one variant: it is kept in the entry, and a table is
 * made only for a second one, which keeps a tally of many people small.
 */
struct entry {
	uint64_t count;
	char *first;		/* the first variant added, or NULL */
	uint64_t first_count;
	GHashTable *others;	/* the other variants: char * -> uint64_t * */
};

struct mld_tally {
	GHashTable *keys;	/* char * -> struct entry * */
	mld_tally_label_fn label;
	uint64_t total;
};

struct row {
	const char *key;
	char *label;
	uint64_t count;
};

static uint64_t
sat_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static void
entry_free(void *p)
{
	struct entry *e = p;

	g_free(e->first);
	if (e->others != NULL)
		g_hash_table_destroy(e->others);
	g_free(e);
}

struct mld_tally *
mld_tally_new(mld_tally_label_fn label)
{
	struct mld_tally *t = g_new0(struct mld_tally, 1);

	t->keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    entry_free);
	t->label = label;
	return t;
}

void
mld_tally_free(struct mld_tally *t)
{
	if (t == NULL)
		return;
	g_hash_table_destroy(t->keys);
	g_free(t);
}

void
mld_tally_add(struct mld_tally *t, const char *key, const char *variant,
    uint64_t n)
{
	struct entry *e = g_hash_table_lookup(t->keys, key);
	uint64_t *vc;

	if (e == NULL) {
		e = g_new0(struct entry, 1);
		g_hash_table_insert(t->keys, g_strdup(key), e);
	}
	e->count = sat_add(e->count, n);
	t->total = sat_add(t->total, n);
	if (variant == NULL)
		return;
	if (e->first == NULL)
		e->first = g_strdup(variant);
	if (strcmp(e->first, variant) == 0) {
		e->first_count = sat_add(e->first_count, n);
		return;
	}
	if (e->others == NULL)
		e->others = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, g_free);
	vc = g_hash_table_lookup(e->others, variant);
	if (vc == NULL) {
		vc = g_new0(uint64_t, 1);
		g_hash_table_insert(e->others, g_strdup(variant), vc);
	}
	*vc = sat_add(*vc, n);
}

unsigned
mld_tally_size(const struct mld_tally *t)
{
	return g_hash_table_size(t->keys);
}

uint64_t
mld_tally_total(const struct mld_tally *t)
{
	return t->total;
}

uint64_t
mld_tally_count(const struct mld_tally *t, const char *key)
{
	const struct entry *e = g_hash_table_lookup(t->keys, key);

	return e != NULL ? e->count : 0;
}

/* Is variant a (count ac) a better choice than b (count bc)? */
static bool
better(const char *a, uint64_t ac, const char *b, uint64_t bc)
{
	if (b == NULL)
		return true;
	if ((*a == '\0') != (*b == '\0'))
		return *b == '\0';
	if (ac != bc)
		return ac > bc;
	return strcmp(a, b) < 0;
}

static const char *
best_variant(const struct entry *e)
{
	GHashTableIter it;
	void *k, *v;
	const char *best = e->first;
	uint64_t bestc = e->first_count;

	if (e->others == NULL)
		return best;
	g_hash_table_iter_init(&it, e->others);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		if (better(k, *(uint64_t *)v, best, bestc)) {
			best = k;
			bestc = *(uint64_t *)v;
		}
	}
	return best;
}

const char *
mld_tally_variant(const struct mld_tally *t, const char *key)
{
	const struct entry *e = g_hash_table_lookup(t->keys, key);

	return e != NULL ? best_variant(e) : NULL;
}

static gint
row_cmp(gconstpointer pa, gconstpointer pb)
{
	const struct row *a = pa, *b = pb;
	int c;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if ((c = strcmp(a->label, b->label)) != 0)
		return c;
	return strcmp(a->key, b->key);
}

static char *
make_label(const struct mld_tally *t, const char *key, const struct entry *e)
{
	const char *v;

	if (t->label == NULL)
		return g_strdup(key);
	v = best_variant(e);
	return t->label(key, v != NULL ? v : "");
}

/*
 * Writes "%5.1f%% " by hand: printf's %f follows LC_NUMERIC, and a
 * tally must print the same bytes in every locale.
 */
static void
put_share(FILE *f, uint64_t count, uint64_t total)
{
	uint64_t tenths = total > 0 ?
	    (uint64_t)(1000.0 * (double)count / (double)total + 0.5) : 0;

	fprintf(f, "%3llu.%llu%% ", (unsigned long long)(tenths / 10),
	    (unsigned long long)(tenths % 10));
}

/* Appends the row or rows of one key to rows. */
static void
add_rows(const struct mld_tally *t, const char *key, const struct entry *e,
    bool variants, GArray *rows)
{
	GHashTableIter it;
	void *k, *v;
	struct row r = { key, NULL, e->count };

	if (!variants || e->first == NULL || t->label == NULL) {
		r.label = make_label(t, key, e);
		g_array_append_val(rows, r);
		return;
	}
	r.label = t->label(key, e->first);
	r.count = e->first_count;
	g_array_append_val(rows, r);
	if (e->others == NULL)
		return;
	g_hash_table_iter_init(&it, e->others);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		r.label = t->label(key, k);
		r.count = *(uint64_t *)v;
		g_array_append_val(rows, r);
	}
}

uint64_t
mld_tally_write(struct mld_tally *t, FILE *f,
    const struct mld_tally_print *how)
{
	GHashTableIter it;
	void *k, *v;
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(struct row));
	struct row *r;
	size_t i;
	uint64_t printed = 0;

	g_hash_table_iter_init(&it, t->keys);
	while (g_hash_table_iter_next(&it, &k, &v))
		add_rows(t, k, v, how->variants, rows);
	g_array_sort(rows, row_cmp);
	for (i = 0; i < rows->len; i++) {
		r = &g_array_index(rows, struct row, i);
		if ((how->top > 0 && printed >= how->top) || r->count < how->min)
			break;
		fprintf(f, "%7llu ", (unsigned long long)r->count);
		if (how->percent)
			put_share(f, r->count, t->total);
		fprintf(f, "%s\n", r->label);
		printed++;
	}
	for (i = 0; i < rows->len; i++)
		g_free(g_array_index(rows, struct row, i).label);
	g_array_free(rows, TRUE);
	return printed;
}

bool
mld_tally_parse_line(const char *line, uint64_t *count, const char **label)
{
	const char *p = line;
	char *end;
	unsigned long long c;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!g_ascii_isdigit(*p))
		return false;
	errno = 0;
	c = strtoull(p, &end, 10);
	if (errno != 0 || (*end != ' ' && *end != '\t'))
		return false;
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end == '\0')
		return false;
	*count = c;
	*label = end;
	return true;
}
