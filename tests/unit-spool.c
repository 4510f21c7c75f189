/* Unit tests for the spool: any string comes back as it went in. */
#include <string.h>
#include <glib.h>

#include "spool.h"

/* Strings a line format would take apart, and a long one. */
static const char *const hostile[] = { "#2026-01-01T00:00:00Z", "",
	"tab\there", "line\nend\r\n", "back\\slash\\", "\\t\\n", "#",
	"\xff\xfe not UTF-8", NULL };

static void
check_record(struct mld_spool *sp, uint64_t off, const char *const *want,
    unsigned n)
{
	char *got[8];
	unsigned i;

	mld_spool_get(sp, off, got, n);
	for (i = 0; i < n; i++) {
		g_assert_cmpstr(got[i], ==, want[i] != NULL ? want[i] : "");
		g_free(got[i]);
	}
}

static void
test_round_trip(void)
{
	struct mld_spool *sp = mld_spool_new();
	char *big = g_strnfill(1 << 20, 'x');
	const char *one[3] = { big, NULL, "#" };
	uint64_t off[G_N_ELEMENTS(hostile)], boff;
	unsigned i, n = G_N_ELEMENTS(hostile) - 1;

	/* Each record its own rotation of the strings. */
	for (i = 0; i < n; i++) {
		const char *f[8];
		unsigned j;

		for (j = 0; j < n; j++)
			f[j] = hostile[(i + j) % n];
		off[i] = mld_spool_put(sp, f, n);
	}
	boff = mld_spool_put(sp, one, 3);
	/* Read back out of order, and write again between reads. */
	check_record(sp, boff, one, 3);
	for (i = n; i-- > 0;) {
		const char *f[8];
		unsigned j;

		for (j = 0; j < n; j++)
			f[j] = hostile[(i + j) % n];
		check_record(sp, off[i], f, n);
		g_assert_cmpuint(mld_spool_put(sp, f, n), >, boff);
	}
	check_record(sp, off[0], hostile, n);
	g_free(big);
	mld_spool_free(sp);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/spool/round-trip", test_round_trip);
	return g_test_run();
}
