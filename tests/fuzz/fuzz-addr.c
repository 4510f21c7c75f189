/*
 * Fuzz target for addresses (addr.h), the tallies of address fields
 * (ident.h) and header text (text.h).  The input is up to three lines: a
 * From field, an X-Original-From and a Reply-To.  Properties:
 * - a person is written as valid UTF-8 without control characters, and
 *   read back from what was written it has the same address;
 * - a tally of the field, printed and merged back into an empty tally,
 *   gives the same keys and the same total (domtally's shards merge);
 * - the fast paths (plain mailbox, plain ASCII text) give what the
 *   library paths give on the same input;
 * - the group depth the iterative scan finds is never less than the
 *   depth of the tree GMime builds, so the bound holds;
 * - the field with its first "name:" repeated past the bound is refused
 *   (no crash), and repeated within it is read as groups.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <gmime/gmime.h>

#include "addr.h"
#include "fastpath.h"
#include "gmimeinit.h"
#include "ident.h"
#include "tally.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
printable(const char *s)
{
	const unsigned char *p;

	if (!g_utf8_validate(s, -1, NULL))
		return false;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

static void
check_person(const char *from, const char *xof, const char *rto)
{
	struct mld_person p, q;
	char *s;

	if (!mld_person_parse(from, NULL, &p))
		return;
	mld_person_unrelay(&p, xof, rto);
	s = mld_person_format(&p);
	if (!printable(s))
		abort();
	if (*p.addr != '\0') {
		if (!mld_person_parse(s, NULL, &q) ||
		    strcmp(p.addr, q.addr) != 0)
			abort();
		mld_person_clear(&q);
	}
	g_free(s);
	mld_person_clear(&p);
}

static void
check_tally(enum mld_ident_mode mode, const char *field)
{
	struct mld_ident_cfg cfg = { .mode = mode, .field = 1 };
	struct mld_tally_print how = { 0, 0, false, true };
	struct mld_tally *a = mld_ident_tally_new(&cfg);
	struct mld_tally *b = mld_ident_tally_new(&cfg);
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	mld_ident_count(&cfg, a, field, 1);
	f = open_memstream(&buf, &len);
	if (f == NULL)
		abort();
	mld_tally_write(a, f, &how);
	fclose(f);
	f = fmemopen(buf, len, "r");
	if (len > 0) {
		if (f == NULL)
			abort();
		mld_ident_merge(&cfg, b, f, "merge");
		fclose(f);
	}
	if (mld_tally_size(a) != mld_tally_size(b) ||
	    mld_tally_total(a) != mld_tally_total(b))
		abort();
	free(buf);
	mld_tally_free(a);
	mld_tally_free(b);
}

/* The list as parsed and written, "" with the status in front. */
static char *
listed(const char *raw)
{
	struct mld_addr_list l;
	GString *s = g_string_new(NULL);

	mld_addr_list_init(&l);
	g_string_append_printf(s, "%d:", (int)mld_addr_parse(raw, &l));
	mld_addr_list_append(s, &l);
	mld_addr_list_clear(&l);
	return g_string_free(s, FALSE);
}

static void
check_fast_paths(const char *raw)
{
	char *a, *b;
	int rule;

	mld_fast_paths_set(false);
	a = listed(raw);
	mld_fast_paths_set(true);
	b = listed(raw);
	if (strcmp(a, b) != 0)
		abort();
	g_free(a);
	g_free(b);
	for (rule = MLD_TEXT_FIELD; rule <= MLD_TEXT_LABEL; rule++) {
		mld_fast_paths_set(false);
		a = mld_text_decode(raw, rule);
		mld_fast_paths_set(true);
		b = mld_text_decode(raw, rule);
		if (strcmp(a, b) != 0 || !g_utf8_validate(a, -1, NULL))
			abort();
		g_free(a);
		g_free(b);
	}
}

/* The depth of GMime's tree, walked with a stack of its own. */
static size_t
tree_depth(InternetAddressList *top)
{
	GPtrArray *lists = g_ptr_array_new();
	GArray *at = g_array_new(FALSE, TRUE, sizeof(int));
	InternetAddress *ia;
	size_t max = 0;
	int zero = 0, *i;

	g_ptr_array_add(lists, top);
	g_array_append_val(at, zero);
	while (lists->len > 0) {
		i = &g_array_index(at, int, at->len - 1);
		if (*i >= internet_address_list_length(
		    g_ptr_array_index(lists, lists->len - 1))) {
			g_ptr_array_set_size(lists, lists->len - 1);
			g_array_set_size(at, at->len - 1);
			continue;
		}
		ia = internet_address_list_get_address(
		    g_ptr_array_index(lists, lists->len - 1), (*i)++);
		if (!INTERNET_ADDRESS_IS_GROUP(ia))
			continue;
		g_ptr_array_add(lists, internet_address_group_get_members(
		    INTERNET_ADDRESS_GROUP(ia)));
		g_array_append_val(at, zero);
		if (lists->len - 1 > max)
			max = lists->len - 1;
	}
	g_ptr_array_free(lists, TRUE);
	g_array_free(at, TRUE);
	return max;
}

static void
check_depth(const char *raw)
{
	char *s = mld_text_clean(g_strdup(raw), MLD_TEXT_FIELD);
	size_t d = mld_addr_depth(s, strlen(s));
	InternetAddressList *l;

	/* GMime is only given what the bound lets through. */
	if (d <= MLD_ADDR_MAX_DEPTH &&
	    (l = internet_address_list_parse(NULL, s)) != NULL) {
		if (tree_depth(l) > d)
			abort();
		g_object_unref(l);
	}
	g_free(s);
}

/* raw with its first "name:" (if any) in front n more times. */
static char *
deepened(const char *raw, size_t n)
{
	const char *colon = strchr(raw, ':');
	GString *s = g_string_new(NULL);
	size_t i;

	if (colon == NULL || colon - raw > 64) {
		g_string_free(s, TRUE);
		return NULL;
	}
	for (i = 0; i < n; i++)
		g_string_append_len(s, raw, colon + 1 - raw);
	g_string_append(s, raw);
	return g_string_free(s, FALSE);
}

static void
check_deep(const char *raw)
{
	char *s = deepened(raw, 4 * MLD_ADDR_MAX_DEPTH), *t;
	struct mld_addr_list l;

	if (s == NULL)
		return;
	check_depth(s);
	t = mld_text_clean(g_strdup(s), MLD_TEXT_FIELD);
	mld_addr_list_init(&l);
	if (mld_addr_depth(t, strlen(t)) > MLD_ADDR_MAX_DEPTH &&
	    mld_addr_parse(s, &l) != MLD_ADDR_DEEP)
		abort();
	mld_addr_list_clear(&l);
	g_free(t);
	g_free(s);
	s = deepened(raw, MLD_ADDR_MAX_DEPTH / 2);
	check_depth(s);
	check_person(s, NULL, NULL);
	g_free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = g_strndup((const char *)data, size);
	char **l = g_strsplit(s, "\n", 3);
	const char *from = l[0] != NULL ? l[0] : "";
	const char *xof = from[0] != '\0' ? l[1] : NULL;
	const char *rto = xof != NULL ? l[2] : NULL;

	mld_gmime_init();
	check_person(from, xof, rto);
	check_tally(MLD_IDENT_PEOPLE, from);
	check_tally(MLD_IDENT_DOMAIN, from);
	check_fast_paths(from);
	check_depth(from);
	check_deep(from);
	g_strfreev(l);
	g_free(s);
	return 0;
}
