/*
 * link.h - the link from a digest entry to its message in an archive: a
 * template in which "{msgid}" stands for the Message-ID, by default
 * lore.kernel.org's "https://lore.kernel.org/r/{msgid}".
 *
 * The Message-ID is percent-encoded as public-inbox writes it in its own
 * URLs: every byte of its UTF-8 is written %XX except the letters, digits
 * and - . _ ~ ! $ & ' ( ) * + , ; = : @ (RFC 3986 pchar), so that '/',
 * '%', '?', '#' and space in a Message-ID stay inside its path segment.
 * The template itself is used as given.
 */
#ifndef MLD_LINK_H
#define MLD_LINK_H

#include <stdbool.h>
#include <glib.h>

#define MLD_LINK_DEFAULT "https://lore.kernel.org/r/{msgid}"

struct mld_link {
	char **parts;		/* the template cut at each "{msgid}" */
};

/* Takes a template; false (and nothing kept) when it has no "{msgid}". */
bool mld_link_init(struct mld_link *l, const char *template_);
void mld_link_free(struct mld_link *l);

/* Appends msgid percent-encoded for a URL path segment. */
void mld_link_escape(GString *out, const char *msgid);
/* The link to msgid, or NULL when l is NULL (links are off) or msgid is
 * empty. */
char *mld_link_url(const struct mld_link *l, const char *msgid);

#endif
