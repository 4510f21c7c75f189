/*
 * series.c - the series stage (see series.h).
 *
 * Limits: patch numbers above SLOT_MAX are not tracked (a posting of more
 * patches counts those as present and never missing); a thread is walked
 * up at most WALK_MAX messages to find a reply's posting; the applied
 * mark is the posting's, not each patch's (a maintainer who applied part
 * of a series marks all of it).
 */
#include "series.h"
#include "addr.h"
#include "applied.h"
#include "tool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOT_MAX 4096
#define WALK_MAX 10000

enum mkind { K_COVER, K_PATCH, K_REPLY, K_PULL, K_NOTICE, K_OTHER };

/* One message: what grouping needs, never its body. */
struct msg {
	const char *date, *msgid, *parent, *root, *author, *contributor,
	    *subject, *title, *changeid, *trailers;
	uint32_t version, n, total;
	uint32_t posting;	/* 1 + index in posts, 0: none */
	uint8_t kind;
	uint8_t state;		/* grouping: 0 to do, 1 under way, 2 done */
	bool tagged;		/* its prefix wrote a version */
	bool dotted;		/* ... of the form vN.M */
	bool diff;		/* a reply carrying a diff */
	bool applied;		/* a reply saying it was applied */
	bool dup;		/* a second copy of a Message-ID */
};

struct post {
	uint32_t cover, first;	/* 1 + index in msgs, 0: none */
	uint32_t version, total, firstn;
	bool tagged, pull;
	uint8_t *slots;		/* bit n: patch n is present */
	const char *firstdate, *lastdate, *applied, *changeid;
	char *addr, *norm;	/* contributor address, normalized title */
	uint32_t prev, newer;	/* 1 + index in posts */
	uint32_t replies, revisions;
	struct mld_posting p;	/* what is written, made at the end */
};

/* Who replied or gave a trailer to a posting: sorted, then counted. */
enum { W_REPLIER, W_REVIEWED, W_ACKED, W_TESTED, W_NACKED, NW };
static const char *const trailer_keys[NW] = {
	NULL, "Reviewed-by:", "Acked-by:", "Tested-by:", "Nacked-by:",
};
struct pair {
	uint32_t posting;	/* index in posts */
	uint32_t what;
	const char *who;
};

struct mld_series {
	GArray *msgs;		/* struct msg, sorted by mld_series_group */
	GArray *posts;		/* struct post */
	GArray *order;		/* guint: posts oldest first */
	GArray *pairs;		/* struct pair */
	GHashTable *ids;	/* msgid -> 1 + index in msgs */
	GHashTable *absent;	/* sender/version/total/parent -> 1 + post */
	GStringChunk *strings;
	GString *line;		/* a reply's line, unescaped */
	uint64_t headers;	/* the header the column places are of */
	int cols[MLD_NCOLS];
	unsigned notices;
	bool grouped;
};

struct mld_series *
mld_series_new(void)
{
	struct mld_series *s = g_new0(struct mld_series, 1);

	s->msgs = g_array_new(FALSE, FALSE, sizeof(struct msg));
	s->posts = g_array_new(FALSE, FALSE, sizeof(struct post));
	s->order = g_array_new(FALSE, FALSE, sizeof(guint));
	s->pairs = g_array_new(FALSE, FALSE, sizeof(struct pair));
	s->ids = g_hash_table_new(g_str_hash, g_str_equal);
	s->absent = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	s->strings = g_string_chunk_new(1 << 16);
	s->line = g_string_new(NULL);
	s->headers = UINT64_MAX;
	return s;
}

void
mld_series_free(struct mld_series *s)
{
	guint i;

	if (s == NULL)
		return;
	for (i = 0; i < s->posts->len; i++) {
		struct post *po = &g_array_index(s->posts, struct post, i);

		g_free(po->slots);
		g_free(po->addr);
		g_free(po->norm);
		g_free(po->p.missing);
		g_free(po->p.reviewed);
		g_free(po->p.acked);
		g_free(po->p.tested);
		g_free(po->p.nacked);
	}
	g_array_free(s->msgs, TRUE);
	g_array_free(s->posts, TRUE);
	g_array_free(s->order, TRUE);
	g_array_free(s->pairs, TRUE);
	g_hash_table_destroy(s->ids);
	g_hash_table_destroy(s->absent);
	g_string_chunk_free(s->strings);
	g_string_free(s->line, TRUE);
	g_free(s);
}

/* ---- reading ---- */

static enum mkind
kind_of(const char *k)
{
	static const char *const names[] = { "cover", "patch", "reply",
		"pull", "notice" };
	unsigned i;

	for (i = 0; i < G_N_ELEMENTS(names); i++)
		if (strcmp(k, names[i]) == 0)
			return (enum mkind)i;
	return K_OTHER;
}

/* Whether a prefix wrote a version ("v2", "V3", "v3.1"), and a dotted one. */
static bool
tagged(const char *prefix, bool *dotted)
{
	const char *p = prefix, *q;

	*dotted = false;
	for (; *p != '\0'; p++) {
		if ((*p != 'v' && *p != 'V') ||
		    (p != prefix && p[-1] != ' ' && p[-1] != ',' &&
		    p[-1] != '['))
			continue;
		for (q = p + 1; g_ascii_isdigit(*q); q++)
			;
		if (q == p + 1)
			continue;
		if (*q == '.' && g_ascii_isdigit(q[1])) {
			for (q++; g_ascii_isdigit(*q); q++)
				;
			*dotted = true;
		}
		if (*q == '\0' || *q == ' ' || *q == ',' || *q == ']')
			return true;
		*dotted = false;
	}
	return false;
}

/* The escape \n that ends the line at p, else NULL. */
static const char *
line_end(const char *p)
{
	for (; (p = strchr(p, '\\')) != NULL; p += 2)
		if (p[1] == 'n' || p[1] == '\0')
			return p[1] == 'n' ? p : NULL;
	return NULL;
}

/*
 * Whether a reply's text (quoted lines aside) says it was applied.  The
 * text is as a record holds it, escaped (record.h) and not checked: a
 * line ends at the escape \n, and only a line that may say it is
 * unescaped, into line; one with a bad escape says nothing.
 */
static bool
says_applied(const char *body, GString *line)
{
	const char *p = body, *e, *end;

	for (;; p = e + 2) {
		e = line_end(p);
		end = e != NULL ? e : p + strlen(p);
		/* Most lines are quoted or open with another word. */
		if (end > p && (*p == '\\' || mld_applied_may_open(*p))) {
			g_string_truncate(line, 0);
			g_string_append_len(line, p, end - p);
			if (mld_rec_unescape(line->str) &&
			    mld_applied_line(line->str, strlen(line->str)))
				return true;
		}
		if (e == NULL)
			return false;
	}
}

/* The Reviewed-by, Acked-by, Tested-by and Nacked-by lines of trailers. */
static char *
review_trailers(const char *trailers)
{
	GString *out = g_string_new(NULL);
	const char *p = trailers, *nl;
	size_t n, w, k;

	for (; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		n = (size_t)(nl - p);
		for (w = W_REVIEWED; w < NW; w++) {
			k = strlen(trailer_keys[w]);
			if (n > k && g_ascii_strncasecmp(p, trailer_keys[w],
			    k) == 0) {
				if (out->len > 0)
					g_string_append_c(out, '\n');
				g_string_append_len(out, p, (gssize)n);
				break;
			}
		}
	}
	if (out->len == 0) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}

static const char *
intern(struct mld_series *s, const char *v)
{
	return v != NULL && *v != '\0' ?
	    g_string_chunk_insert_const(s->strings, v) : NULL;
}

static const char *
copy(struct mld_series *s, const char *v)
{
	return v != NULL && *v != '\0' ?
	    g_string_chunk_insert(s->strings, v) : NULL;
}

/* Takes a record, its body (read only from a reply) escaped. */
static void
add(struct mld_series *s, const char *const f[MLD_NCOLS], const char *body)
{
	struct msg m = { 0 };
	char *rt;

	if (f[MLD_COL_MSGID] == NULL || *f[MLD_COL_MSGID] == '\0')
		return;
	m.kind = (uint8_t)kind_of(f[MLD_COL_KIND] ? f[MLD_COL_KIND] : "");
	m.msgid = intern(s, f[MLD_COL_MSGID]);
	m.date = copy(s, f[MLD_COL_DATE]);
	m.parent = intern(s, f[MLD_COL_PARENT]);
	m.root = intern(s, f[MLD_COL_ROOT]);
	m.author = intern(s, f[MLD_COL_AUTHOR]);
	m.version = mld_rec_decimal(f[MLD_COL_VERSION], 1);
	m.n = mld_rec_decimal(f[MLD_COL_N], 1);
	m.total = mld_rec_decimal(f[MLD_COL_TOTAL], 1);
	if (m.total == 0)
		m.total = 1;
	m.tagged = tagged(f[MLD_COL_PREFIX] ? f[MLD_COL_PREFIX] : "",
	    &m.dotted);
	switch (m.kind) {
	case K_COVER:
		m.n = 0;
		/* FALLTHROUGH */
	case K_PATCH:
		if (m.kind == K_PATCH && m.n == 0)
			m.n = 1;
		m.changeid = intern(s, f[MLD_COL_CHANGEID]);
		/* FALLTHROUGH */
	case K_PULL:
		m.contributor = intern(s, f[MLD_COL_CONTRIBUTOR]);
		m.subject = copy(s, f[MLD_COL_SUBJECT]);
		/* FALLTHROUGH */
	case K_NOTICE:
		m.title = copy(s, f[MLD_COL_TITLE]);
		/* A notice that a patch failed to apply is no applied mark. */
		if (m.kind == K_NOTICE && f[MLD_COL_SUBJECT] != NULL &&
		    strncmp(f[MLD_COL_SUBJECT], "FAILED", 6) == 0)
			m.kind = K_OTHER;
		else if (m.kind == K_NOTICE)
			s->notices++;
		break;
	case K_REPLY:
		m.diff = f[MLD_COL_DIFFSTAT] != NULL &&
		    *f[MLD_COL_DIFFSTAT] != '\0';
		m.applied = (f[MLD_COL_APPLIED] != NULL &&
		    *f[MLD_COL_APPLIED] != '\0') ||
		    (body != NULL && says_applied(body, s->line));
		rt = f[MLD_COL_TRAILERS] != NULL ?
		    review_trailers(f[MLD_COL_TRAILERS]) : NULL;
		m.trailers = copy(s, rt);
		g_free(rt);
		break;
	}
	g_array_append_val(s->msgs, m);
}

void
mld_series_take(struct mld_series *s, const struct mld_recin *in)
{
	const char *f[MLD_NCOLS], *body = NULL;
	unsigned c;

	if (in->headers != s->headers) {
		for (c = 0; c < MLD_NCOLS; c++)
			s->cols[c] = mld_recin_column(in, mld_columns[c],
			    in->header->len > 0 ? -1 : (int)c);
		s->headers = in->headers;
	}
	/* The body is read for a reply's applied mark only, in records
	 * made before patchinfo wrote the mark: it is most of the bytes,
	 * and read as it is written, escaped. */
	for (c = 0; c < MLD_NCOLS; c++)
		f[c] = s->cols[c] < 0 || c == MLD_COL_BODY ? NULL :
		    mld_recin_field(in, (unsigned)s->cols[c]);
	if (s->cols[MLD_COL_APPLIED] < 0 && s->cols[MLD_COL_BODY] >= 0 &&
	    f[MLD_COL_KIND] != NULL && kind_of(f[MLD_COL_KIND]) == K_REPLY)
		body = mld_recin_escaped(in, (unsigned)s->cols[MLD_COL_BODY]);
	/* Records made before the parent column: the series key stands
	 * for the message answered, when it is another's. */
	if (s->cols[MLD_COL_PARENT] < 0 && f[MLD_COL_SERIES] != NULL &&
	    f[MLD_COL_MSGID] != NULL &&
	    strcmp(f[MLD_COL_SERIES], f[MLD_COL_MSGID]) != 0)
		f[MLD_COL_PARENT] = f[MLD_COL_SERIES];
	if (f[MLD_COL_MSGID] == NULL || *f[MLD_COL_MSGID] == '\0') {
		mld_warn_line(in->name, in->lineno, "no Message-ID, skipped");
		mld_count_skip();
		return;
	}
	add(s, f, body);
}

void
mld_series_add(struct mld_series *s, const char *const f[MLD_NCOLS])
{
	add(s, f, NULL);
}

bool
mld_series_read(struct mld_series *s, struct mld_recin *in)
{
	enum mld_recin_status st;

	/* The body is looked through, escaped, for a reply's applied mark
	 * alone: its bytes are most of a record, and a bad escape there
	 * only keeps a line from saying it. */
	mld_recin_unchecked(in, mld_columns[MLD_COL_BODY], MLD_COL_BODY);
	while ((st = mld_recin_next(in)) != MLD_REC_EOF) {
		if (st == MLD_REC_ERROR)
			return false;
		if (st == MLD_REC_OK)
			mld_series_take(s, in);
	}
	return true;
}

/* ---- grouping ---- */

static int
strcmp0(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

/* Oldest first, then by Message-ID, then by every other column kept. */
static int
msg_order(const void *a, const void *b)
{
	const struct msg *x = a, *y = b;
	int c;

	if ((c = strcmp0(x->date, y->date)) != 0 ||
	    (c = strcmp0(x->msgid, y->msgid)) != 0)
		return c;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	if (x->total != y->total)
		return x->total < y->total ? -1 : 1;
	if ((c = strcmp0(x->author, y->author)) != 0 ||
	    (c = strcmp0(x->subject, y->subject)) != 0 ||
	    (c = strcmp0(x->title, y->title)) != 0 ||
	    (c = strcmp0(x->parent, y->parent)) != 0 ||
	    (c = strcmp0(x->trailers, y->trailers)) != 0)
		return c;
	return 0;
}

static struct msg *
msg_at(const struct mld_series *s, uint32_t i1)
{
	return &g_array_index(s->msgs, struct msg, i1 - 1);
}

static struct post *
post_at(const struct mld_series *s, uint32_t i1)
{
	return &g_array_index(s->posts, struct post, i1 - 1);
}

/* The message with that ID, or NULL. */
static struct msg *
lookup(const struct mld_series *s, const char *id)
{
	guint i = id != NULL ?
	    GPOINTER_TO_UINT(g_hash_table_lookup(s->ids, id)) : 0;

	return i > 0 ? msg_at(s, i) : NULL;
}

/* Whether patch n is present; the slots hold 1 to MIN(total, SLOT_MAX). */
static bool
slot_has(const struct post *po, uint32_t n)
{
	return n <= MIN(po->total, SLOT_MAX) && po->slots != NULL &&
	    (po->slots[n / 8] & (1u << (n % 8))) != 0;
}

/* Adds message i (1-based), a cover or patch, to posting p (1-based). */
static void
join(struct mld_series *s, uint32_t p, uint32_t i)
{
	struct post *po = post_at(s, p);
	struct msg *m = msg_at(s, i);

	m->posting = p;
	if (m->kind == K_COVER) {
		if (po->cover == 0)
			po->cover = i;
	} else if (po->first == 0 || m->n < po->firstn) {
		po->first = i;
		po->firstn = m->n;
	}
	if (m->n >= 1 && m->n <= SLOT_MAX && m->n <= po->total) {
		if (po->slots == NULL)
			po->slots = g_malloc0((MIN(po->total, SLOT_MAX) + 8) /
			    8);
		po->slots[m->n / 8] |= (uint8_t)(1u << (m->n % 8));
	}
	/* The tagged version wins over the default one. */
	if (m->tagged && !po->tagged) {
		po->version = m->version;
		po->tagged = true;
	}
}

static uint32_t
new_post(struct mld_series *s, uint32_t i)
{
	struct post po = { 0 };
	const struct msg *m = msg_at(s, i);

	po.version = m->version;
	po.total = m->total;
	po.tagged = m->tagged;
	po.pull = m->kind == K_PULL;
	g_array_append_val(s->posts, po);
	join(s, s->posts->len, i);
	return s->posts->len;
}

/*
 * A cover keys a posting; so does a pull request, unless it is a
 * numbered part of one whose posting it answers ([GIT PULL 1/2]).
 */
static void
pull_or_cover(struct mld_series *s, uint32_t i)
{
	struct msg *m = msg_at(s, i);
	const struct msg *p = lookup(s, m->parent);

	if (m->kind == K_PULL && m->n >= 1 && p != NULL &&
	    p->kind == K_PULL && p->posting != 0 &&
	    post_at(s, p->posting)->total == m->total)
		join(s, p->posting, i);
	else
		new_post(s, i);
}

/* Whether patch m may be of posting po: the same version, or one tagged
 * and the other not with the same total. */
static bool
versions_agree(const struct post *po, const struct msg *m)
{
	if (po->pull)
		return false;
	if (po->version == m->version)
		return true;
	return po->tagged != m->tagged && po->total == m->total;
}

/* The posting patch i joins, as series.h says; 0 for a new one. */
static uint32_t
place(struct mld_series *s, uint32_t i)
{
	const struct msg *m = msg_at(s, i), *p = lookup(s, m->parent), *r;
	const struct post *po;
	char *k;
	uint32_t got;

	if (p != NULL && p->posting != 0 &&
	    (p->kind == K_COVER || p->kind == K_PATCH)) {
		po = post_at(s, p->posting);
		if (p->kind == K_COVER)
			return versions_agree(po, m) ? p->posting : 0;
		if (m->dotted && po->version == m->version && !po->pull) {
			post_at(s, p->posting)->revisions++;
			return p->posting;
		}
		/* Of a chain, only the patch that lacks the posting's tag
		 * joins it: a tagged one after untagged ones is a stray of
		 * another version sent in the same batch. */
		return !po->pull && (po->version == m->version ||
		    (po->tagged && !m->tagged)) && po->total == m->total &&
		    !slot_has(po, m->n) ? p->posting : 0;
	}
	r = lookup(s, m->root);
	if (r != NULL && r->kind == K_COVER && r->posting != 0 &&
	    versions_agree(post_at(s, r->posting), m))
		return r->posting;
	if (m->parent == NULL || m->total < 2)
		return 0;
	k = g_strdup_printf("%s\n%u\n%u\n%s", m->author ? m->author : "",
	    m->version, m->total, m->parent);
	got = GPOINTER_TO_UINT(g_hash_table_lookup(s->absent, k));
	g_free(k);
	return got;
}

/* Groups patch i, after the patches up its thread (no recursion). */
static void
group_patch(struct mld_series *s, uint32_t i, GArray *stack)
{
	struct msg *m, *p;
	uint32_t at, got;
	char *k;

	g_array_set_size(stack, 0);
	g_array_append_val(stack, i);
	while (stack->len > 0) {
		at = g_array_index(stack, uint32_t, stack->len - 1);
		m = msg_at(s, at);
		p = lookup(s, m->parent);
		if (m->state == 0 && p != NULL && p->kind == K_PATCH &&
		    p->state == 0 && !p->dup) {
			m->state = 1;
			at = (uint32_t)(p - (struct msg *)s->msgs->data) + 1;
			g_array_append_val(stack, at);
			continue;
		}
		g_array_set_size(stack, stack->len - 1);
		if (m->state == 2)
			continue;
		m->state = 2;
		got = place(s, at);
		if (got != 0) {
			join(s, got, at);
			continue;
		}
		got = new_post(s, at);
		if (m->parent != NULL && m->total >= 2 &&
		    (p == NULL || (p->kind != K_COVER && p->kind != K_PATCH))) {
			k = g_strdup_printf("%s\n%u\n%u\n%s",
			    m->author ? m->author : "", m->version, m->total,
			    m->parent);
			g_hash_table_insert(s->absent, k, GUINT_TO_POINTER(got));
		}
	}
}

/* The posting of the nearest message up the thread that has one. */
static uint32_t
posting_up(const struct mld_series *s, const struct msg *m)
{
	const struct msg *p = m;
	unsigned steps;

	for (steps = 0; steps < WALK_MAX; steps++) {
		p = lookup(s, p->parent);
		if (p == NULL || p == m)
			break;
		if (p->posting != 0)
			return p->posting;
	}
	p = lookup(s, m->root);
	return p != NULL ? p->posting : 0;
}

/* Whether a message is from the posting's sender or contributor. */
static bool
from_poster(const struct mld_series *s, const struct post *po,
    const struct msg *m)
{
	const struct msg *c = po->cover ? msg_at(s, po->cover) :
	    msg_at(s, po->first);

	return m->author != NULL && (m->author == c->author ||
	    m->author == c->contributor);
}

/* A record without an author (records are a public format) names no one. */
static void
add_pair(struct mld_series *s, uint32_t p, uint32_t what, const char *who)
{
	struct pair pr = { p - 1, what, who };

	if (who == NULL || *who == '\0')
		return;
	g_array_append_val(s->pairs, pr);
}

/*
 * The person a trailer's value names, "Name <addr>" as addr.h writes it:
 * a comment after the address ("<a@b> # arm64") is not part of it, an
 * unclosed "<a@b" is closed; NULL when it names none.
 */
static char *
trailer_person(const char *v, size_t len)
{
	char *t = g_strndup(v, len), *lt, *gt, *s = NULL;
	struct mld_person who;

	g_strstrip(t);
	if ((lt = strchr(t, '<')) != NULL) {
		if ((gt = strchr(lt, '>')) != NULL) {
			gt[1] = '\0';
		} else {
			s = g_strconcat(t, ">", NULL);
			g_free(t);
			t = s;
			s = NULL;
		}
	} else {
		t[strcspn(t, " \t#")] = '\0';
	}
	if (*t != '\0' && mld_person_parse(t, NULL, &who)) {
		if (*who.addr != '\0')
			s = mld_person_format(&who);
		mld_person_clear(&who);
	}
	g_free(t);
	return s;
}

/* A reply's part in its posting: count, trailers, applied, revision. */
static void
take_reply(struct mld_series *s, struct msg *m)
{
	struct post *po = post_at(s, m->posting);
	const char *p, *nl;
	char *who;
	uint32_t w;
	size_t k;

	if (from_poster(s, po, m)) {
		if (m->diff)
			po->revisions++;
		return;
	}
	if (m->diff)
		po->revisions++;
	po->replies++;
	add_pair(s, m->posting, W_REPLIER, m->author);
	if (m->applied && (po->applied == NULL ||
	    strcmp0(m->date, po->applied) < 0))
		po->applied = m->date != NULL ? m->date : "";
	for (p = m->trailers; p != NULL && *p != '\0';
	    p = *nl != '\0' ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		for (w = W_REVIEWED; w < NW; w++) {
			k = strlen(trailer_keys[w]);
			if ((size_t)(nl - p) > k &&
			    g_ascii_strncasecmp(p, trailer_keys[w], k) == 0)
				break;
		}
		if (w == NW)
			continue;
		who = trailer_person(p + k, (size_t)(nl - p) - k);
		if (who != NULL)
			add_pair(s, m->posting, w, intern(s, who));
		g_free(who);
	}
}

/* Lower-cased, every run of other than letters and digits one space. */
static char *
normalize(const char *t)
{
	GString *o = g_string_new(NULL);
	const unsigned char *p = (const unsigned char *)(t ? t : "");
	bool space = false;

	for (; *p != '\0'; p++) {
		if (g_ascii_isalnum(*p) || *p >= 0x80) {
			if (space && o->len > 0)
				g_string_append_c(o, ' ');
			space = false;
			g_string_append_c(o, (char)g_ascii_tolower(*p));
		} else {
			space = true;
		}
	}
	return g_string_free(o, FALSE);
}

/* Marks applied the postings whose patch or cover a notice names. */
static void
take_notices(struct mld_series *s)
{
	GHashTable *titles = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	struct msg *m;
	struct post *po;
	guint i, p;
	char *t;

	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if ((m->kind == K_COVER || m->kind == K_PATCH) &&
		    m->posting != 0 && m->title != NULL)
			g_hash_table_insert(titles, normalize(m->title),
			    GUINT_TO_POINTER(m->posting));
	}
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (m->kind != K_NOTICE || m->dup || m->title == NULL)
			continue;
		t = normalize(m->title);
		p = GPOINTER_TO_UINT(g_hash_table_lookup(titles, t));
		g_free(t);
		if (p == 0)
			continue;
		po = post_at(s, p);
		if (po->applied == NULL || strcmp0(m->date, po->applied) < 0)
			po->applied = m->date != NULL ? m->date : "";
	}
	g_hash_table_destroy(titles);
}

/* ---- versions ---- */

/* The words of a normalized title, which are split by single spaces. */
static unsigned
words(const char *t)
{
	unsigned n = *t != '\0';

	for (; *t != '\0'; t++)
		n += *t == ' ';
	return n;
}

/* Whether the words at a and b (each up to a space or the end) agree. */
static bool
same_word(const char *a, const char *b)
{
	for (; *a == *b && *a != ' ' && *a != '\0'; a++, b++)
		;
	return (*a == ' ' || *a == '\0') && (*b == ' ' || *b == '\0');
}

/* The word after the one at t, or NULL after the last. */
static const char *
next_word(const char *t)
{
	const char *sp = strchr(t, ' ');

	return sp != NULL ? sp + 1 : NULL;
}

/* Whether two normalized titles differ in at most one word. */
static bool
similar(const char *a, const char *b)
{
	unsigned na = words(a), nb = words(b), diff = 0;
	const char *l = na >= nb ? a : b, *sh = na >= nb ? b : a;
	unsigned nl = MAX(na, nb), ns = MIN(na, nb);

	if (ns < 3 || nl - ns > 1)
		return false;
	if (nl == ns) {
		for (; l != NULL; l = next_word(l), sh = next_word(sh))
			if (!same_word(l, sh) && ++diff > 1)
				return false;
		return true;
	}
	/* One word dropped from the longer. */
	for (; l != NULL && sh != NULL; l = next_word(l)) {
		if (same_word(l, sh))
			sh = next_word(sh);
		else if (++diff > 1)
			return false;
	}
	return sh == NULL;
}

static bool
changeids_agree(const struct post *a, const struct post *b)
{
	return a->changeid == NULL || b->changeid == NULL ||
	    a->changeid == b->changeid;
}

/* Links posting `at` (1-based) to the one before it, see series.h. */
static uint32_t
previous_of(struct mld_series *s, uint32_t at, GHashTable *bychange,
    GHashTable *bytitle, GHashTable *byaddr)
{
	struct post *po = post_at(s, at), *q;
	GArray *mine;
	char *k;
	uint32_t got;
	guint i, seen;

	if (po->changeid != NULL) {
		got = GPOINTER_TO_UINT(g_hash_table_lookup(bychange,
		    po->changeid));
		if (got != 0 && post_at(s, got)->version <= po->version)
			return got;
	}
	k = g_strconcat(po->addr, "\n", po->norm, NULL);
	got = GPOINTER_TO_UINT(g_hash_table_lookup(bytitle, k));
	g_free(k);
	if (got != 0 && (q = post_at(s, got))->version <= po->version &&
	    changeids_agree(q, po))
		return got;
	mine = g_hash_table_lookup(byaddr, po->addr);
	if (mine == NULL)
		return 0;
	for (i = mine->len, seen = 0; i > 0 && seen < MLD_SERIES_LOOKBACK;
	    i--, seen++) {
		got = g_array_index(mine, uint32_t, i - 1);
		q = post_at(s, got);
		if (q->version <= po->version && changeids_agree(q, po) &&
		    similar(q->norm, po->norm))
			return got;
	}
	return 0;
}

static void
link_versions(struct mld_series *s)
{
	GHashTable *bychange = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *bytitle = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	GHashTable *byaddr = g_hash_table_new_full(g_str_hash, g_str_equal,
	    NULL, (GDestroyNotify)g_array_unref);
	struct post *po, *q;
	GArray *mine;
	uint32_t at, prev, back;
	guint i;

	for (i = 0; i < s->order->len; i++) {
		at = g_array_index(s->order, guint, i) + 1;
		po = post_at(s, at);
		if (po->pull)
			continue;
		prev = previous_of(s, at, bychange, bytitle, byaddr);
		po->prev = prev;
		/* Every earlier version still without a newer one gets P;
		 * each is given one once, so the walks cost the postings. */
		for (back = prev; back != 0; back = q->prev) {
			q = post_at(s, back);
			if (q->newer != 0 || q->version >= po->version)
				break;
			q->newer = at;
		}
		if (po->changeid != NULL)
			g_hash_table_insert(bychange, (char *)po->changeid,
			    GUINT_TO_POINTER(at));
		g_hash_table_insert(bytitle, g_strconcat(po->addr, "\n",
		    po->norm, NULL), GUINT_TO_POINTER(at));
		if ((mine = g_hash_table_lookup(byaddr, po->addr)) == NULL) {
			mine = g_array_new(FALSE, FALSE, sizeof(uint32_t));
			g_hash_table_insert(byaddr, po->addr, mine);
		}
		g_array_append_val(mine, at);
	}
	g_hash_table_destroy(bychange);
	g_hash_table_destroy(bytitle);
	g_hash_table_destroy(byaddr);
}

/* ---- the records ---- */

static int
post_order(const void *a, const void *b, void *data)
{
	const struct mld_series *s = data;
	const struct post *x = post_at(s, *(const guint *)a + 1);
	const struct post *y = post_at(s, *(const guint *)b + 1);
	int c = strcmp0(x->firstdate, y->firstdate);

	return c != 0 ? c : strcmp0(x->p.key, y->p.key);
}

static int
pair_order(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->posting != y->posting)
		return x->posting < y->posting ? -1 : 1;
	if (x->what != y->what)
		return x->what < y->what ? -1 : 1;
	return strcmp(x->who, y->who);
}

/* "2,4-6": the numbers of 1..total posting po lacks. */
static char *
missing(const struct post *po, unsigned *present)
{
	GString *o = g_string_new(NULL);
	uint32_t n, from = 0, top = MIN(po->total, SLOT_MAX);

	*present = po->total > SLOT_MAX ? po->total - SLOT_MAX : 0;
	for (n = 1; n <= top + 1; n++) {
		if (n <= top && !slot_has(po, n)) {
			if (from == 0)
				from = n;
			continue;
		}
		if (n <= top)
			(*present)++;
		if (from == 0)
			continue;
		if (o->len > 0)
			g_string_append_c(o, ',');
		if (from == n - 1)
			g_string_append_printf(o, "%u", from);
		else
			g_string_append_printf(o, "%u-%u", from, n - 1);
		from = 0;
	}
	return g_string_free(o, FALSE);
}

/* Fills each posting's record from what grouping found. */
static void
make_records(struct mld_series *s)
{
	GString *lists[NW];
	const struct pair *pr, *last = NULL;
	struct post *po;
	const struct msg *head, *fp;
	guint i, w;

	for (i = 0; i < s->posts->len; i++) {
		po = &g_array_index(s->posts, struct post, i);
		head = po->cover ? msg_at(s, po->cover) : msg_at(s, po->first);
		fp = po->first ? msg_at(s, po->first) : NULL;
		po->p.key = (char *)head->msgid;
		if (fp != NULL && po->cover == 0)
			po->p.key = (char *)fp->msgid;
		po->p.kind = po->pull ? "pull" : "series";
		po->p.version = po->version;
		po->p.total = po->total;
		po->p.title = (char *)(head->title ? head->title : "");
		po->p.subject = (char *)(head->subject ? head->subject : "");
		po->p.author = (char *)(head->author ? head->author : "");
		po->p.contributor = (char *)(head->contributor ?
		    head->contributor : po->p.author);
		po->p.cover = (char *)(po->cover ? head->msgid : "");
		po->p.patch = (char *)(fp ? fp->msgid : "");
		po->p.missing = po->pull ? g_strdup("") :
		    missing(po, &po->p.present);
		po->p.revisions = po->revisions;
		po->p.replies = po->replies;
		po->p.applied = (char *)(po->applied ? po->applied : "");
		po->changeid = head->changeid ? head->changeid :
		    fp ? fp->changeid : NULL;
		po->addr = mld_addr_lower(po->p.contributor);
		po->norm = normalize(po->p.title);
		g_array_append_val(s->order, i);
	}
	g_array_sort(s->pairs, pair_order);
	for (w = 0; w < NW; w++)
		lists[w] = g_string_new(NULL);
	for (i = 0; i <= s->pairs->len; i++) {
		pr = i < s->pairs->len ?
		    &g_array_index(s->pairs, struct pair, i) : NULL;
		if (last != NULL && (pr == NULL ||
		    pr->posting != last->posting)) {
			po = &g_array_index(s->posts, struct post,
			    last->posting);
			po->p.reviewed = g_strdup(lists[W_REVIEWED]->str);
			po->p.acked = g_strdup(lists[W_ACKED]->str);
			po->p.tested = g_strdup(lists[W_TESTED]->str);
			po->p.nacked = g_strdup(lists[W_NACKED]->str);
			for (w = 0; w < NW; w++)
				g_string_truncate(lists[w], 0);
		}
		if (pr == NULL)
			break;
		if (last != NULL && pair_order(pr, last) == 0)
			continue;
		last = pr;
		po = &g_array_index(s->posts, struct post, pr->posting);
		if (pr->what == W_REPLIER) {
			po->p.repliers++;
			continue;
		}
		if (lists[pr->what]->len > 0)
			g_string_append_c(lists[pr->what], '\n');
		g_string_append(lists[pr->what], pr->who);
	}
	for (w = 0; w < NW; w++)
		g_string_free(lists[w], TRUE);
}

static void
finish_records(struct mld_series *s)
{
	struct post *po, *q;
	char *l;
	guint i;

	for (i = 0; i < s->posts->len; i++) {
		po = &g_array_index(s->posts, struct post, i);
		if (po->p.reviewed == NULL) {
			po->p.reviewed = g_strdup("");
			po->p.acked = g_strdup("");
			po->p.tested = g_strdup("");
			po->p.nacked = g_strdup("");
		}
		po->p.first = (char *)(po->firstdate ? po->firstdate : "");
		po->p.last = (char *)(po->lastdate ? po->lastdate : "");
		po->p.previous = po->p.previous_date = po->p.newer = "";
		po->p.previous_version = 0;
		if (po->prev != 0) {
			q = post_at(s, po->prev);
			po->p.previous = q->p.key;
			po->p.previous_date = q->p.first;
			po->p.previous_version = q->version;
		}
		if (po->newer != 0)
			po->p.newer = post_at(s, po->newer)->p.key;
	}
	/* The lineage is that of the oldest of the chain. */
	for (i = 0; i < s->order->len; i++) {
		po = post_at(s, g_array_index(s->order, guint, i) + 1);
		if (po->prev != 0) {
			po->p.lineage = post_at(s, po->prev)->p.lineage;
			continue;
		}
		if (po->changeid != NULL)
			l = g_strconcat("change-id ", po->changeid, NULL);
		else
			l = g_strconcat(po->addr, " ", po->norm, NULL);
		po->p.lineage = g_string_chunk_insert(s->strings, l);
		g_free(l);
	}
}

/* Moves the first and last dates of message m's posting. */
static void
note_dates(struct mld_series *s, const struct msg *m)
{
	struct post *po = post_at(s, m->posting);

	if (m->date == NULL)
		return;
	if ((m->kind == K_COVER || m->kind == K_PATCH || m->kind == K_PULL) &&
	    (po->firstdate == NULL || strcmp(m->date, po->firstdate) < 0))
		po->firstdate = m->date;
	if (po->lastdate == NULL || strcmp(m->date, po->lastdate) > 0)
		po->lastdate = m->date;
}

size_t
mld_series_group(struct mld_series *s)
{
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	struct msg *m;
	guint i;

	g_return_val_if_fail(!s->grouped, s->order->len);
	s->grouped = true;
	g_array_sort(s->msgs, msg_order);
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (g_hash_table_contains(s->ids, m->msgid))
			m->dup = true;
		else
			g_hash_table_insert(s->ids, (char *)m->msgid,
			    GUINT_TO_POINTER(i + 1));
	}
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (!m->dup && (m->kind == K_COVER || m->kind == K_PULL))
			pull_or_cover(s, i + 1);
	}
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (!m->dup && m->kind == K_PATCH && m->state == 0)
			group_patch(s, i + 1, stack);
	}
	g_array_free(stack, TRUE);
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (m->dup || m->kind == K_COVER || m->kind == K_PATCH ||
		    m->kind == K_PULL)
			continue;
		m->posting = posting_up(s, m);
		if (m->posting != 0 && m->kind == K_REPLY)
			take_reply(s, m);
	}
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (!m->dup && m->posting != 0 && m->kind != K_NOTICE)
			note_dates(s, m);
	}
	if (s->notices > 0)
		take_notices(s);
	make_records(s);
	g_array_sort_with_data(s->order, post_order, s);
	link_versions(s);
	finish_records(s);
	return s->order->len;
}

const struct mld_posting *
mld_series_posting(const struct mld_series *s, size_t i)
{
	return &post_at(s, g_array_index(s->order, guint, i) + 1)->p;
}

void
mld_series_write(const struct mld_series *s, FILE *f)
{
	struct mld_rec r;
	guint i;

	mld_rec_init(&r);
	mld_rec_write_header(f, mld_pcolumns);
	for (i = 0; i < s->order->len; i++) {
		mld_posting_record(mld_series_posting(s, i), &r);
		mld_rec_write(&r, f);
	}
	mld_rec_free(&r);
}

void
mld_series_write_map(const struct mld_series *s, FILE *f)
{
	static const char *const cols[] = { "msgid", "posting", NULL };
	const struct msg *m;
	struct mld_rec r;
	guint i;

	mld_rec_init(&r);
	mld_rec_write_header(f, cols);
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (m->dup)
			continue;
		mld_rec_add(&r, m->msgid);
		mld_rec_add(&r, m->posting ? post_at(s, m->posting)->p.key :
		    NULL);
		mld_rec_write(&r, f);
	}
	mld_rec_free(&r);
}

void
mld_series_write_reviewers(const struct mld_series *s, FILE *f)
{
	static const char *const cols[] = { "reviewer", "trailer", "msgid",
		"posting", NULL };
	const struct msg *m;
	const char *p, *nl;
	struct mld_rec r;
	char *who;
	guint i, w;
	size_t k;

	mld_rec_init(&r);
	mld_rec_write_header(f, cols);
	for (i = 0; i < s->msgs->len; i++) {
		m = &g_array_index(s->msgs, struct msg, i);
		if (m->dup || m->trailers == NULL)
			continue;
		for (p = m->trailers; *p != '\0';
		    p = *nl != '\0' ? nl + 1 : nl) {
			nl = strchr(p, '\n');
			if (nl == NULL)
				nl = p + strlen(p);
			/* Nacked-by is no review given. */
			for (w = W_REVIEWED; w < W_NACKED; w++) {
				k = strlen(trailer_keys[w]);
				if ((size_t)(nl - p) > k &&
				    g_ascii_strncasecmp(p, trailer_keys[w],
				    k) == 0)
					break;
			}
			if (w == W_NACKED)
				continue;
			who = trailer_person(p + k, (size_t)(nl - p) - k);
			if (who != NULL) {
				mld_rec_add(&r, who);
				mld_rec_addn(&r, trailer_keys[w], k - 1);
				mld_rec_add(&r, m->msgid);
				mld_rec_add(&r, m->posting ?
				    post_at(s, m->posting)->p.key : NULL);
				mld_rec_write(&r, f);
			}
			g_free(who);
		}
	}
	mld_rec_free(&r);
}

/* ---- posting records ---- */

void
mld_posting_record(const struct mld_posting *p, struct mld_rec *r)
{
	const char *f[MLD_NPCOLS] = {
		[MLD_PCOL_KEY] = p->key, [MLD_PCOL_KIND] = p->kind,
		[MLD_PCOL_LINEAGE] = p->lineage, [MLD_PCOL_TITLE] = p->title,
		[MLD_PCOL_SUBJECT] = p->subject, [MLD_PCOL_AUTHOR] = p->author,
		[MLD_PCOL_CONTRIBUTOR] = p->contributor,
		[MLD_PCOL_FIRST] = p->first, [MLD_PCOL_LAST] = p->last,
		[MLD_PCOL_MISSING] = p->missing, [MLD_PCOL_COVER] = p->cover,
		[MLD_PCOL_PATCH] = p->patch, [MLD_PCOL_REVIEWED] = p->reviewed,
		[MLD_PCOL_ACKED] = p->acked, [MLD_PCOL_TESTED] = p->tested,
		[MLD_PCOL_NACKED] = p->nacked, [MLD_PCOL_APPLIED] = p->applied,
		[MLD_PCOL_PREVIOUS] = p->previous,
		[MLD_PCOL_PREVIOUS_DATE] = p->previous_date,
		[MLD_PCOL_NEWER] = p->newer,
	};
	const unsigned nums[MLD_NPCOLS] = {
		[MLD_PCOL_VERSION] = p->version, [MLD_PCOL_TOTAL] = p->total,
		[MLD_PCOL_PRESENT] = p->present,
		[MLD_PCOL_REPLIES] = p->replies,
		[MLD_PCOL_REPLIERS] = p->repliers,
		[MLD_PCOL_REVISIONS] = p->revisions,
		[MLD_PCOL_PREVIOUS_VERSION] = p->previous_version,
	};
	static const bool numeric[MLD_NPCOLS] = {
		[MLD_PCOL_VERSION] = true, [MLD_PCOL_TOTAL] = true,
		[MLD_PCOL_PRESENT] = true, [MLD_PCOL_REPLIES] = true,
		[MLD_PCOL_REPLIERS] = true, [MLD_PCOL_REVISIONS] = true,
		[MLD_PCOL_PREVIOUS_VERSION] = true,
	};
	unsigned c;

	for (c = 0; c < MLD_NPCOLS; c++) {
		if (!numeric[c])
			mld_rec_add(r, f[c]);
		else if (c == MLD_PCOL_PREVIOUS_VERSION && nums[c] == 0)
			mld_rec_add(r, NULL);	/* no previous version */
		else
			mld_rec_add_u64(r, nums[c]);
	}
}

static char *
field(const struct mld_recin *in, enum mld_pcol c)
{
	const char *v = mld_recin_field(in, (unsigned)mld_recin_column(in,
	    mld_pcolumns[c], (int)c));

	return g_strdup(v != NULL ? v : "");
}

static unsigned
number(const struct mld_recin *in, enum mld_pcol c)
{
	return mld_rec_decimal(mld_recin_field(in, (unsigned)mld_recin_column(in,
	    mld_pcolumns[c], (int)c)), 0);
}

bool
mld_posting_parse(const struct mld_recin *in, struct mld_posting *p)
{
	const char *key = mld_recin_field(in, (unsigned)mld_recin_column(in,
	    mld_pcolumns[MLD_PCOL_KEY], MLD_PCOL_KEY));

	if (key == NULL || *key == '\0')
		return false;
	*p = (struct mld_posting){
		.key = field(in, MLD_PCOL_KEY),
		.kind = field(in, MLD_PCOL_KIND),
		.lineage = field(in, MLD_PCOL_LINEAGE),
		.title = field(in, MLD_PCOL_TITLE),
		.subject = field(in, MLD_PCOL_SUBJECT),
		.author = field(in, MLD_PCOL_AUTHOR),
		.contributor = field(in, MLD_PCOL_CONTRIBUTOR),
		.first = field(in, MLD_PCOL_FIRST),
		.last = field(in, MLD_PCOL_LAST),
		.missing = field(in, MLD_PCOL_MISSING),
		.cover = field(in, MLD_PCOL_COVER),
		.patch = field(in, MLD_PCOL_PATCH),
		.reviewed = field(in, MLD_PCOL_REVIEWED),
		.acked = field(in, MLD_PCOL_ACKED),
		.tested = field(in, MLD_PCOL_TESTED),
		.nacked = field(in, MLD_PCOL_NACKED),
		.applied = field(in, MLD_PCOL_APPLIED),
		.previous = field(in, MLD_PCOL_PREVIOUS),
		.previous_date = field(in, MLD_PCOL_PREVIOUS_DATE),
		.newer = field(in, MLD_PCOL_NEWER),
		.version = number(in, MLD_PCOL_VERSION),
		.total = number(in, MLD_PCOL_TOTAL),
		.present = number(in, MLD_PCOL_PRESENT),
		.replies = number(in, MLD_PCOL_REPLIES),
		.repliers = number(in, MLD_PCOL_REPLIERS),
		.revisions = number(in, MLD_PCOL_REVISIONS),
		.previous_version = number(in, MLD_PCOL_PREVIOUS_VERSION),
	};
	return true;
}

void
mld_posting_clear(struct mld_posting *p)
{
	char **strs[] = { &p->key, &p->kind, &p->lineage, &p->title,
		&p->subject, &p->author, &p->contributor, &p->first, &p->last,
		&p->missing, &p->cover, &p->patch, &p->reviewed, &p->acked,
		&p->tested, &p->nacked, &p->applied, &p->previous,
		&p->previous_date, &p->newer };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(strs); i++)
		g_free(*strs[i]);
	memset(p, 0, sizeof *p);
}

bool
mld_posting_is_pull(const struct mld_posting *p)
{
	return p->kind != NULL && strcmp(p->kind, "pull") == 0;
}
