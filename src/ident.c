/*
 * ident.c - from record fields to tally keys (see ident.h).
 *
 * The field is read by addr.h as an address list, the way patchinfo and
 * mbsplit wrote it: a display name is quoted when RFC 5322 needs it, so
 * a name that looks like an address ("evil<spoof@bank.example>") stays a
 * name and only the address in angle brackets counts.  The parser also
 * decodes any RFC 2047 encoded word it finds in a name; that changes the
 * name shown, never the address counted.  Names, addresses and merged
 * labels are cleaned as text.h says for labels.
 *
 * Addresses compare by their ASCII-lower-cased form: local parts are
 * case-sensitive by the letter of RFC 5321, but no list treats them so.
 * Limits: domains are not normalised further, so "example.com." and
 * "example.com", or a UTF-8 domain and its punycode, are two keys.
 */
#include "ident.h"
#include "addr.h"
#include "gmimeinit.h"
#include "text.h"
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct found {
	char *key;
	char *variant;		/* NULL outside the people mode */
};

/* A name, address or label as a tally shows it (text.h): trimmed. */
static char *
label_text(const char *s)
{
	return g_strstrip(mld_text_clean(g_strdup(s), MLD_TEXT_LABEL));
}

/*
 * An address as a tally keys it: its label text without any blank.  An
 * address holds no white space, and a control or format character
 * blanked inside one would split it in two when its tally line is read
 * back (domtally --merge).
 */
static char *
address_text(const char *s)
{
	char *t = label_text(s), *r = t, *w = t;

	for (; *r != '\0'; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	return t;
}

static char *
domain_key(const struct mld_ident_cfg *cfg, const char *addr)
{
	const char *at = strrchr(addr, '@'), *org;

	if (at == NULL || at[1] == '\0')
		return g_strdup(MLD_IDENT_NO_DOMAIN);
	if (cfg->mode == MLD_IDENT_ORG &&
	    (org = mld_orgmap_lookup(cfg->orgmap, addr)) != NULL)
		return g_strdup(org);
	return g_strdup(at + 1);
}

/* Adds the key of one mailbox to found, once; bots are left out. */
static void
take_mailbox(const struct mld_ident_cfg *cfg, const struct mld_addr *mb,
    GArray *found)
{
	char *name = label_text(mb->name), *addr;
	char *raw = address_text(mb->addr);
	const char *n = name, *a = raw;
	struct found f = { NULL, NULL };
	unsigned i;

	if (cfg->mailmap != NULL)
		mld_mailmap_map(cfg->mailmap, &n, &a);
	addr = g_ascii_strdown(a, -1);
	g_free(raw);
	if (cfg->bots != NULL && mld_bots_match(cfg->bots, n, addr)) {
		g_free(addr);
		g_free(name);
		return;
	}
	if (cfg->mode == MLD_IDENT_PEOPLE) {
		f.key = addr;
		f.variant = g_strdup(n);
	} else {
		f.key = domain_key(cfg, addr);
		g_free(addr);
	}
	g_free(name);
	for (i = 0; i < found->len; i++) {
		if (strcmp(g_array_index(found, struct found, i).key,
		    f.key) == 0) {
			g_free(f.key);
			g_free(f.variant);
			return;
		}
	}
	g_array_append_val(found, f);
}

/* What one field gave: its keys, and how it was read. */
struct yield {
	GArray *found;		/* struct found */
	int status;		/* mld_ident_count's result when found is empty */
};

static void
yield_free(void *p)
{
	struct yield *y = p;
	unsigned i;

	for (i = 0; i < y->found->len; i++) {
		g_free(g_array_index(y->found, struct found, i).key);
		g_free(g_array_index(y->found, struct found, i).variant);
	}
	g_array_free(y->found, TRUE);
	g_free(y);
}

/* The keys of every mailbox with an address, in groups too. */
static struct yield *
parse_field(const struct mld_ident_cfg *cfg, const char *field)
{
	struct yield *y = g_new0(struct yield, 1);
	struct mld_addr_list l;
	const struct mld_addr *a;
	unsigned i;
	bool any = false;

	y->found = g_array_new(FALSE, FALSE, sizeof(struct found));
	mld_addr_list_init(&l);
	if (mld_addr_parse(field, &l) == MLD_ADDR_DEEP) {
		y->status = MLD_IDENT_DEEP;
	} else {
		for (i = 0; i < l.items->len; i++) {
			a = &g_array_index(l.items, struct mld_addr, i);
			if (a->kind == MLD_ADDR_MAILBOX && *a->addr != '\0') {
				take_mailbox(cfg, a, y->found);
				any = true;
			}
		}
		y->status = any ? 0 : MLD_IDENT_NONE;
	}
	mld_addr_list_clear(&l);
	return y;
}

struct mld_ident_memo *
mld_ident_memo_new(void)
{
	struct mld_ident_memo *m = g_new0(struct mld_ident_memo, 1);

	m->fields = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    yield_free);
	return m;
}

void
mld_ident_memo_free(struct mld_ident_memo *m)
{
	if (m == NULL)
		return;
	g_hash_table_destroy(m->fields);
	g_free(m);
}

/* Keeps what field gave, unless the memo is full and stops; see ident.h. */
static bool
remember(struct mld_ident_memo *m, const char *field, struct yield *y)
{
	if (g_hash_table_size(m->fields) >= MLD_IDENT_MEMO_MAX) {
		g_hash_table_remove_all(m->fields);
		m->off = m->hits < m->misses;
		m->hits = m->misses = 0;
		if (m->off)
			return false;
	}
	m->misses++;
	g_hash_table_insert(m->fields, g_strdup(field), y);
	return true;
}

int
mld_ident_count(const struct mld_ident_cfg *cfg, struct mld_tally *t,
    const char *field, uint64_t n)
{
	struct mld_ident_memo *memo = cfg->memo;
	struct yield *y = NULL;
	unsigned i;
	int r;

	if (memo != NULL && memo->off)
		memo = NULL;
	if (memo != NULL && (y = g_hash_table_lookup(memo->fields,
	    field)) != NULL)
		memo->hits++;
	if (y == NULL) {
		y = parse_field(cfg, field);
		if (memo != NULL && !remember(memo, field, y))
			memo = NULL;
	}
	for (i = 0; i < y->found->len; i++) {
		const struct found *f = &g_array_index(y->found, struct found,
		    i);

		mld_tally_add(t, f->key, f->variant, n);
	}
	r = y->status == 0 ? (int)y->found->len : y->status;
	if (memo == NULL)
		yield_free(y);
	return r;
}

struct mld_tally *
mld_ident_tally_new(const struct mld_ident_cfg *cfg)
{
	mld_gmime_init();
	return mld_tally_new(cfg->mode == MLD_IDENT_PEOPLE ? mld_addr_label :
	    NULL);
}

/* Reports lines and bytes of the current input on top of those done. */
static void
progress(const struct mld_ident_cfg *cfg, uint64_t lines, uint64_t bytes,
    bool done)
{
	struct mld_ident_progress *p = cfg->progress;

	if (p == NULL)
		return;
	mld_progress(&p->pr, p->lines + lines, p->bytes + bytes, false);
	if (done) {
		p->lines += lines;
		p->bytes += bytes;
	}
}

/* Counts the current record of in; false when in cannot be read on. */
static bool
count_record(const struct mld_ident_cfg *cfg, struct mld_tally *t,
    const struct mld_recin *in)
{
	unsigned nf = in->fields->len, hl = in->header->len;
	int idx, r;

	if (hl > 0 && nf != hl) {
		mld_warn_line(in->name, in->lineno,
		    "%u fields where the header names %u, skipped", nf, hl);
		mld_count_skip();
		return true;
	}
	if (cfg->field > 0)
		idx = (int)cfg->field - 1;
	else if (hl > 0)
		idx = mld_recin_column(in, cfg->column, -1);
	else
		idx = nf == 1 ? 0 : MLD_COL_CONTRIBUTOR;
	if (idx < 0) {
		mld_err("%s: line %llu: the header has no column %s", in->name,
		    (unsigned long long)in->lineno, cfg->column);
		return false;
	}
	if ((unsigned)idx >= nf) {
		mld_warn_line(in->name, in->lineno,
		    "%u fields, no field %d, skipped", nf, idx + 1);
		mld_count_skip();
	} else if ((r = mld_ident_count(cfg, t, mld_recin_field(in,
	    (unsigned)idx), 1)) < 0) {
		mld_warn_line(in->name, in->lineno, "%s in field %d, skipped",
		    r == MLD_IDENT_DEEP ? "address list nested too deeply" :
		    "no address", idx + 1);
		mld_count_skip();
	}
	return true;
}

bool
mld_ident_read(const struct mld_ident_cfg *cfg, struct mld_tally *t,
    struct mld_recin *in)
{
	enum mld_recin_status st;
	bool ok = true;

	while (ok && (st = mld_recin_next(in)) != MLD_REC_EOF) {
		progress(cfg, in->lineno, in->bytes, false);
		if (st == MLD_REC_ERROR)
			ok = false;
		else if (st == MLD_REC_OK)
			ok = count_record(cfg, t, in);
	}
	progress(cfg, in->lineno, in->bytes, true);
	return ok;
}

/*
 * A label of one bare word is an address as the tally wrote it (a
 * nameless address is written alone), even one the parser reads no
 * address in when it stands alone (a malformed domain read inside a
 * group): it counts under itself.
 */
static bool
count_bare(struct mld_tally *t, const char *label, uint64_t n)
{
	char *key;

	if (*label == '\0' || strpbrk(label, " \t<>\",;:") != NULL)
		return false;
	key = g_ascii_strdown(label, -1);
	mld_tally_add(t, key, "", n);
	g_free(key);
	return true;
}

bool
mld_ident_merge(const struct mld_ident_cfg *cfg, struct mld_tally *t,
    FILE *f, const char *name)
{
	char *line = NULL;
	const char *label;
	size_t cap = 0;
	ssize_t len;
	uint64_t lineno = 0, bytes = 0, count;
	bool ok = true;
	int r;

	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		bytes += (uint64_t)len;
		progress(cfg, lineno, bytes, false);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if ((size_t)len != strlen(line) ||
		    !mld_tally_parse_line(line, &count, &label)) {
			mld_warn_line(name, lineno,
			    "not a tally line, skipped");
			mld_count_skip();
		} else if (cfg->mode != MLD_IDENT_PEOPLE) {
			char *key = label_text(label);

			mld_tally_add(t, key, NULL, count);
			g_free(key);
		} else if ((r = mld_ident_count(cfg, t, label, count)) < 0 &&
		    (r == MLD_IDENT_DEEP || !count_bare(t, label, count))) {
			mld_warn_line(name, lineno, "%s, skipped",
			    r == MLD_IDENT_DEEP ? "address list nested too deeply" :
			    "no address");
			mld_count_skip();
		}
	}
	progress(cfg, lineno, bytes, true);
	if (ferror(f)) {
		mld_err("%s: read error: %s", name, strerror(errno));
		ok = false;
	}
	free(line);
	return ok;
}
