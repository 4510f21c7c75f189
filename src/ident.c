/*
 * ident.c - from record fields to tally keys (see ident.h).
 *
 * The field is parsed by GMime as an address list, the way patchinfo
 * wrote it: a display name is quoted when RFC 5322 needs it, so a name
 * that looks like an address ("evil<spoof@bank.example>") stays a name
 * and only the address in angle brackets counts.  GMime also decodes
 * any RFC 2047 encoded word it finds in a name; that changes the name
 * shown, never the address counted.
 *
 * Addresses compare by their ASCII-lower-cased form: local parts are
 * case-sensitive by the letter of RFC 5321, but no list treats them so.
 * Limits: domains are not normalised further, so "example.com." and
 * "example.com", or a UTF-8 domain and its punycode, are two keys.
 */
#include "ident.h"
#include "header.h"
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <gmime/gmime.h>

struct found {
	char *key;
	char *variant;		/* NULL outside the people mode */
};

/*
 * Text fit for one output line and for GLib's UTF-8 functions: invalid
 * bytes replaced (U+FFFD), control characters blanked.
 */
static char *
clean_text(const char *name)
{
	char *s = g_utf8_make_valid(name != NULL ? name : "", -1), *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return g_strstrip(s);
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
take_mailbox(const struct mld_ident_cfg *cfg, InternetAddressMailbox *mb,
    GArray *found)
{
	char *name = clean_text(INTERNET_ADDRESS(mb)->name), *addr;
	char *raw = clean_text(mb->addr);
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

/* Walks a list, groups included; returns the number of mailboxes seen. */
static unsigned
walk(const struct mld_ident_cfg *cfg, InternetAddressList *list,
    GArray *found)
{
	int i, len = internet_address_list_length(list);
	unsigned seen = 0;

	for (i = 0; i < len; i++) {
		InternetAddress *ia = internet_address_list_get_address(list,
		    i);

		if (INTERNET_ADDRESS_IS_GROUP(ia)) {
			seen += walk(cfg, internet_address_group_get_members(
			    INTERNET_ADDRESS_GROUP(ia)), found);
		} else if (INTERNET_ADDRESS_IS_MAILBOX(ia) &&
		    *INTERNET_ADDRESS_MAILBOX(ia)->addr != '\0') {
			take_mailbox(cfg, INTERNET_ADDRESS_MAILBOX(ia), found);
			seen++;
		}
	}
	return seen;
}

/* What one field gave: its keys, and whether it held any address. */
struct yield {
	GArray *found;		/* struct found */
	bool any;
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

static struct yield *
parse_field(const struct mld_ident_cfg *cfg, const char *field)
{
	InternetAddressList *list = internet_address_list_parse(NULL, field);
	struct yield *y = g_new0(struct yield, 1);

	y->found = g_array_new(FALSE, FALSE, sizeof(struct found));
	if (list != NULL) {
		y->any = walk(cfg, list, y->found) > 0;
		g_object_unref(list);
	}
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
	r = y->any ? (int)y->found->len : -1;
	if (memo == NULL)
		yield_free(y);
	return r;
}

/*
 * Written here rather than with internet_address_to_string: GMime
 * leaves a name holding '"' or '\\' unquoted, which does not read back
 * as the same name, and its IDN pass made a tally of many people
 * several times slower.  tests/unit-ident.c compares the two.
 */
char *
mld_ident_label(const char *addr, const char *name)
{
	GString *s = g_string_sized_new(strlen(name) + strlen(addr) + 6);

	mld_mailbox_append(s, name, addr);
	return g_string_free(s, FALSE);
}

struct mld_tally *
mld_ident_tally_new(const struct mld_ident_cfg *cfg)
{
	mld_gmime_init();
	return mld_tally_new(cfg->mode == MLD_IDENT_PEOPLE ? mld_ident_label :
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
	int idx;

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
	} else if (mld_ident_count(cfg, t, mld_recin_field(in, (unsigned)idx),
	    1) < 0) {
		mld_warn_line(in->name, in->lineno,
		    "no address in field %d, skipped", idx + 1);
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
			char *key = clean_text(label);

			mld_tally_add(t, key, NULL, count);
			g_free(key);
		} else if (mld_ident_count(cfg, t, label, count) < 0) {
			mld_warn_line(name, lineno, "no address, skipped");
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
