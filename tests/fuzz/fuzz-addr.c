/*
 * Fuzz target for address handling: patchinfo's people (addr.h) and
 * domtally's address fields (ident.h).  The input is up to three lines:
 * a From field, an X-Original-From and a Reply-To.  Properties: a
 * person is written as valid UTF-8 without control characters, and read
 * back from what was written it has the same address; a tally of the
 * field, printed and merged back into an empty tally, gives the same
 * keys and the same total (domtally's shards merge exactly).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "addr.h"
#include "gmimeinit.h"
#include "ident.h"
#include "tally.h"

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
		if (!mld_person_parse(s, NULL, &q) || strcmp(p.addr, q.addr) != 0)
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
	g_strfreev(l);
	g_free(s);
	return 0;
}
