/*
 * plainpart.h - a message whose body is one plain text part, told from
 * its header alone, so that its text is read as it lies, without the
 * cost of GMime's parse (most list mail is such a message: what git
 * send-email writes).
 *
 * It is one only when GMime could not read it otherwise: every header
 * line is a field ("Name:", the name printable ASCII) or the continuation
 * of one, with no CR or NUL; Content-Type, if there, is once
 * text/plain, text/x-patch, text/x-diff, text/diff or text/patch;
 * Content-Transfer-Encoding, if there, is once 7bit, 8bit, binary or
 * quoted-printable;
 * Content-Disposition, if there, is once inline; the parameters of these
 * are plain tokens or quoted strings of printable ASCII, and charset,
 * format and delsp come once at most.  Anything else is left to GMime:
 * this path never guesses.  Behind the fast-path switch
 * (fastpath.h); tests and a fuzz target hold it to what GMime gives.
 */
#ifndef MLD_PLAINPART_H
#define MLD_PLAINPART_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

struct mld_plain_part {
	size_t body;		/* where the body starts in the text */
	const char *charset;	/* its charset in the text, NULL if none */
	size_t charset_len;
	bool quoted;		/* quoted-printable */
	bool flowed;		/* format=flowed */
	bool delsp;		/* and delsp=yes */
};

/*
 * Whether the message text[0..len) is one plain text part, as above;
 * when it is, pp says where its body starts and how it is flowed.  A
 * header of more than max_lines lines is not: the caller bounds what
 * GMime is given of such a header, and says so.
 */
bool mld_plain_part(const char *text, size_t len, size_t max_lines,
    struct mld_plain_part *pp);

/*
 * Appends p[0..n), quoted-printable, decoded to out, as GMime decodes it:
 * "=" before a line end is a soft break; "=" and two hex digits, a byte;
 * any other "=" and the two bytes after it stay as they are, and an "="
 * less than three bytes from the end is dropped with what follows it.
 */
void mld_plain_unquote(const char *p, size_t n, GString *out);

#endif
