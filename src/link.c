/*
 * link.c - links to messages in an archive (see link.h).
 *
 * Limits: the template is not checked as a URL; a Message-ID is encoded
 * byte by byte, so one that is not UTF-8 gives a link to those bytes.
 */
#include "link.h"

#include <string.h>

bool
mld_link_init(struct mld_link *l, const char *template_)
{
	l->parts = NULL;
	if (strstr(template_, "{msgid}") == NULL)
		return false;
	l->parts = g_strsplit(template_, "{msgid}", -1);
	return true;
}

void
mld_link_free(struct mld_link *l)
{
	g_strfreev(l->parts);
	l->parts = NULL;
}

/* Whether public-inbox leaves the byte as it is in a URL. */
static bool
plain(unsigned char c)
{
	return g_ascii_isalnum(c) || (c != '\0' && strchr("-._~!$&'()*+,;=:@",
	    c) != NULL);
}

void
mld_link_escape(GString *out, const char *msgid)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)msgid; *p != '\0'; p++) {
		if (plain(*p)) {
			g_string_append_c(out, (char)*p);
		} else {
			g_string_append_c(out, '%');
			g_string_append_c(out, hex[*p >> 4]);
			g_string_append_c(out, hex[*p & 15]);
		}
	}
}

char *
mld_link_url(const struct mld_link *l, const char *msgid)
{
	GString *s;
	size_t i;

	if (l == NULL || l->parts == NULL || msgid == NULL || *msgid == '\0')
		return NULL;
	s = g_string_new(l->parts[0]);
	for (i = 1; l->parts[i] != NULL; i++) {
		mld_link_escape(s, msgid);
		g_string_append(s, l->parts[i]);
	}
	return g_string_free(s, FALSE);
}
