/*
 * markup.h - text from mail made inert in the markup of the digest's
 * other forms: HTML, CommonMark and JSON.
 *
 * The HTML and CommonMark escapers take the text the digest shows
 * (mld_text_show, text.h): valid UTF-8 whose control characters and
 * bidirectional overrides are already written visibly, as ^[ or
 * <U+202E>.  The JSON escaper takes any bytes.
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
