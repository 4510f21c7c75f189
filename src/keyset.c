/*
 * keyset.c - a set of 16-byte digests (see keyset.h).
 *
 * Open addressing with linear probing, doubled when three quarters full,
 * so a set of n keys takes between 21n and 43n bytes.  The digests are
 * already uniform: their first eight bytes are the hash.
 */
#include "keyset.h"

#include <string.h>

void
mld_keyset_init(struct mld_keyset *s)
{
	memset(s, 0, sizeof *s);
}

void
mld_keyset_free(struct mld_keyset *s)
{
	g_free(s->slot);
	memset(s, 0, sizeof *s);
}

void
mld_keyset_digest(GChecksum *sum, uint8_t digest[MLD_KEY_BYTES])
{
	guint8 full[20];
	gsize len = sizeof full;

	g_checksum_get_digest(sum, full, &len);
	memcpy(digest, full, MLD_KEY_BYTES);
}

static bool
is_free(const uint8_t *slot)
{
	static const uint8_t zero[MLD_KEY_BYTES];

	return memcmp(slot, zero, MLD_KEY_BYTES) == 0;
}

/* The slot holding digest, or the free slot where it would go. */
static uint8_t *
find(const struct mld_keyset *s, const uint8_t *digest)
{
	uint64_t h;
	size_t i;

	memcpy(&h, digest, sizeof h);
	for (i = (size_t)h & (s->cap - 1);; i = (i + 1) & (s->cap - 1))
		if (is_free(s->slot[i]) ||
		    memcmp(s->slot[i], digest, MLD_KEY_BYTES) == 0)
			return s->slot[i];
}

static void
grow(struct mld_keyset *s)
{
	struct mld_keyset bigger = { NULL, s->cap ? s->cap * 2 : 1024, 0,
	    s->zero };
	size_t i;

	bigger.slot = g_malloc0_n(bigger.cap, MLD_KEY_BYTES);
	for (i = 0; i < s->cap; i++)
		if (!is_free(s->slot[i]))
			memcpy(find(&bigger, s->slot[i]), s->slot[i],
			    MLD_KEY_BYTES);
	bigger.len = s->len;
	g_free(s->slot);
	*s = bigger;
}

bool
mld_keyset_add(struct mld_keyset *s, const uint8_t digest[MLD_KEY_BYTES])
{
	uint8_t *slot;

	/* All zero marks a free slot, so that one digest is kept aside. */
	if (is_free(digest)) {
		if (s->zero)
			return false;
		s->zero = true;
		return true;
	}
	if (s->len + 1 > s->cap / 4 * 3)
		grow(s);
	slot = find(s, digest);
	if (!is_free(slot))
		return false;
	memcpy(slot, digest, MLD_KEY_BYTES);
	s->len++;
	return true;
}
