/*
 * markup.h - text from mail made inert in the markup of the digest's
 * other forms: HTML, CommonMark and JSON.
 *
 * The HTML and CommonMark escapers take text that is already valid UTF-8
 * without control characters (the terminal-safe text of the digest), and
 * also write the Unicode bidirectional controls (U+202A-U+202E,
 * U+2066-U+2069) as "<U+202E>": an override in a subject must not reverse
 * the text around it.  The JSON escaper takes any bytes.
 */
#ifndef MLD_MARKUP_H
#define MLD_MARKUP_H

#include <stddef.h>
#include <glib.h>

/* Appends s with & < > " ' as character references. */
void mld_html_escape(GString *out, const char *s);

/*
 * Appends s as one inline text of CommonMark (a paragraph, list item,
 * heading or table cell), read as the characters it holds: a backslash
 * before each of \ ` * _ [ ] < > # | ~ & anywhere, and before what would
 * open a block at the start of a line (- + = or the '.' or ')' of "1.");
 * leading spaces as &#32;.  (~ and | matter to GitHub's tables and
 * strikethrough only.)
 */
void mld_md_escape(GString *out, const char *s);
/* Appends s, with the bidirectional controls written <U+202E>: the text
 * of a code block, where no escape is read. */
void mld_bidi_show(GString *out, const char *s);
/* The length of a backtick fence around s as a code block: longer than
 * any run of backticks in s, at least 3. */
size_t mld_md_fence(const char *s);

/*
 * Appends s as a JSON string, quotes included: invalid UTF-8 is repaired
 * (U+FFFD), " and \ and every control character are escaped, and so are
 * U+2028 and U+2029, which JavaScript once did not allow in strings.
 * NULL is written null.
 */
void mld_json_string(GString *out, const char *s);

#endif
