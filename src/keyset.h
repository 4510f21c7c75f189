/*
 * keyset.h - a set of keys kept as 16-byte digests: what mbsplit's
 * dedupe remembers of every message, in about 30 bytes a message rather
 * than the key itself.
 *
 * A key is digested with SHA-1 and the first 16 bytes are kept; two
 * different keys are taken for one with a chance of about n^2 / 2^129
 * for n keys, and a key made to match another would need a SHA-1 second
 * preimage.
 */
#ifndef MLD_KEYSET_H
#define MLD_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#define MLD_KEY_BYTES 16

struct mld_keyset {
	uint8_t (*slot)[MLD_KEY_BYTES];	/* open addressing; all zero: free */
	size_t cap;			/* a power of two, or 0 */
	size_t len;
	bool zero;			/* the all-zero digest is a member */
};

void mld_keyset_init(struct mld_keyset *s);
void mld_keyset_free(struct mld_keyset *s);

/* The digest of a finished SHA-1 checksum, the form the set keeps. */
void mld_keyset_digest(GChecksum *sum, uint8_t digest[MLD_KEY_BYTES]);
/* Adds the digest; false when it was there already. */
bool mld_keyset_add(struct mld_keyset *s, const uint8_t digest[MLD_KEY_BYTES]);

#endif
