/* Unit tests for the key set of mbsplit's dedupe. */
#include <stdio.h>
#include <string.h>

#include "keyset.h"

static void
digest_of(const char *key, uint8_t digest[MLD_KEY_BYTES])
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA1);

	g_checksum_update(sum, (const guchar *)key, -1);
	mld_keyset_digest(sum, digest);
	g_checksum_free(sum);
}

/* Against a GHashTable of the keys themselves, through many growths. */
static void
test_against_hash_table(void)
{
	GHashTable *ref = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	struct mld_keyset s;
	uint8_t d[MLD_KEY_BYTES];
	char key[64];
	unsigned i, k;

	mld_keyset_init(&s);
	for (i = 0; i < 300000; i++) {
		/* One key in three comes again, some much later. */
		k = i % 3 == 0 ? i / 7 : i;
		snprintf(key, sizeof key, "<%u.msg@example.org>", k);
		digest_of(key, d);
		g_assert_cmpint(mld_keyset_add(&s, d), ==,
		    g_hash_table_add(ref, g_strdup(key)));
	}
	g_assert_cmpuint(s.len, ==, g_hash_table_size(ref));
	g_hash_table_destroy(ref);
	mld_keyset_free(&s);
}

/* The all-zero digest marks a free slot; it is still a key like others. */
static void
test_zero_digest(void)
{
	static const uint8_t zero[MLD_KEY_BYTES];
	uint8_t one[MLD_KEY_BYTES] = { 1 };
	struct mld_keyset s;

	mld_keyset_init(&s);
	g_assert_true(mld_keyset_add(&s, zero));
	g_assert_false(mld_keyset_add(&s, zero));
	g_assert_true(mld_keyset_add(&s, one));
	g_assert_false(mld_keyset_add(&s, one));
	g_assert_false(mld_keyset_add(&s, zero));
	mld_keyset_free(&s);
}

/* The digest is SHA-1's first 16 bytes. */
static void
test_digest(void)
{
	uint8_t d[MLD_KEY_BYTES];
	char hex[2 * MLD_KEY_BYTES + 1];
	unsigned i;

	digest_of("abc", d);
	for (i = 0; i < MLD_KEY_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	g_assert_cmpstr(hex, ==, "a9993e364706816aba3e25717850c26c");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/keyset/against-hash-table", test_against_hash_table);
	g_test_add_func("/keyset/zero-digest", test_zero_digest);
	g_test_add_func("/keyset/digest", test_digest);
	return g_test_run();
}
