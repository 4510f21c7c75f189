/*
 * message.h - the body text of one message, through a full GMime parse:
 * the part that carries the commit message, and the other parts that may
 * carry a patch (or, when a multipart's boundary never comes, the text
 * GMime keeps as its prologue), each decoded (quoted-printable, base64), converted from
 * its charset to UTF-8, with LF line ends and format=flowed undone.
 *
 * The commit message is the first text/plain part that is not an
 * attachment (or an inline text/x-patch or text/x-diff part when it comes
 * first); patches sent as text/x-patch, text/x-diff or text/plain
 * attachments land in `extra`, where the diffstat is still counted.
 * Bytes that are not UTF-8 in text of an unknown or missing charset are
 * read as windows-1252, one by one, as text.h does for every field.
 * Address fields nested too deeply for GMime (addr.h) are blanked in a
 * copy of the message before GMime reads it.
 * Limits: text/html parts and nested message/rfc822 parts are not read.
 */
#ifndef MLD_MESSAGE_H
#define MLD_MESSAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#include "tool.h"

struct _GMimeParser;

struct mld_texts {
	GString *main;		/* commit message part, "" when none */
	GString *extra;		/* other patch-bearing parts, concatenated */
	struct _GMimeParser *parser;	/* reused for every message */
};

void mld_texts_init(struct mld_texts *t);
void mld_texts_free(struct mld_texts *t);

/*
 * Parses text[0..len) (a whole message, LF line ends) and fills t.
 * GMime reads the text where it lies, without a copy (unless an address
 * field must be blanked; w places the warning).  Returns false when
 * GMime cannot read it as a message.
 */
bool mld_message_texts(const char *text, size_t len,
    const struct mld_where *w, struct mld_texts *t);

/* Undoes RFC 3676 format=flowed in place (delsp: drop the soft space). */
void mld_unflow(GString *s, bool delsp);

#endif
