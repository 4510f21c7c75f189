/*
 * message.h - the body text of one message, through a full GMime parse
 * (or, for a body of one plain text part, read as GMime would read it:
 * plainpart.h): the part that carries the commit message, and the other
 * parts that may carry a patch (or, when a multipart's boundary never
 * comes, the text GMime keeps as its prologue), each decoded (quoted-
 * printable, base64), converted from its charset to UTF-8, with LF line
 * ends and format=flowed undone.
 *
 * The commit message is the first text/plain part that is not an
 * attachment (or an inline text/x-patch or text/x-diff part when it comes
 * first); patches sent as text/x-patch, text/x-diff or text/plain
 * attachments land in `extra`, where the diffstat is still counted.
 * Bytes that are not UTF-8 in text of an unknown or missing charset, or
 * not valid in the charset it declares, are read as windows-1252, one by
 * one, as text.h does for every field.  Text that is plain UTF-8 or
 * ASCII, not encoded, is read straight from the memory GMime's stream
 * holds (a fast path, off when mld_fast_paths says so); other text
 * through GMime's decoder and iconv.
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
struct _GMimeParserOptions;

struct mld_texts {
	GString *main;		/* commit message part, "" when none */
	GString *extra;		/* other patch-bearing parts, concatenated */
	GPtrArray *warnings;	/* what could not be read as it says, one
				 * string each, for the caller to report */
	GString *copy;		/* the message, when GMime reads a copy;
				 * or a body decoded without GMime */
	struct _GMimeParser *parser;	/* reused for every message */
	struct _GMimeParserOptions *options;
};

void mld_texts_init(struct mld_texts *t);
void mld_texts_free(struct mld_texts *t);

/*
 * Parses text[0..len) (a whole message, LF line ends) and fills t.
 * GMime reads the text where it lies, without a copy (unless an address
 * field must be blanked; w places the warning).  Returns false when
 * GMime cannot read it as a message.
 *
 * What GMime reads is bounded, since it costs 40 to 60 times the text in
 * header lines and parts: a top-level header of over 2,000 lines is
 * given with only its Content-* and MIME-Version fields (of these at most
 * 2,000 lines), in a copy; the text of a multipart stops before the line
 * at which its body has had 20,000 boundary-like lines ("--" first) and
 * lines of the part headers after them.  What is so left out, MIME
 * nesting deeper than GMime reads, and text not in the charset it
 * declares (then read as text of an unknown charset) are each told in
 * t->warnings.
 */
bool mld_message_texts(const char *text, size_t len,
    const struct mld_where *w, struct mld_texts *t);

/* Undoes RFC 3676 format=flowed in place (delsp: drop the soft space). */
void mld_unflow(GString *s, bool delsp);

#endif
