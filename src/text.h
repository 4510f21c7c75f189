/*
 * text.h - one rule for turning mail bytes into text that is safe to
 * store and to show, for every field and every program.
 *
 * - Bytes that are not UTF-8 and whose charset nobody declared (raw 8-bit
 *   headers, bodies of an unknown or missing charset) are read as
 *   windows-1252, the usual culprit, one by one: a mostly UTF-8 text
 *   keeps its UTF-8, and "\223hi\224" is the same "hi" in curly quotes
 *   in a Subject as in a body.
 * - A field taken from a header is one line: its C0 and C1 control
 *   characters (TAB, and what unfolding left, included) and DEL become
 *   spaces.
 * - A label (a tally key, a column of mbsplit's index) also loses the
 *   invisible format characters that can reorder or hide what is shown:
 *   the BiDi marks, embeddings, overrides and isolates (U+200E, U+200F,
 *   U+061C, U+202A-202E, U+2066-2069) and the tag characters
 *   (U+E0000-E007F) become spaces.
 * - What people read (the digest) goes through mld_text_show, which
 *   shows each control and format character visibly instead.
 * - RFC 2047 encoded words are decoded here, not by GMime, whose decoder
 *   loses every word that follows one ending in base64 padding; a byte
 *   the declared charset does not have becomes '?', as with GMime.
 *
 * Limits: the five windows-1252 holes (0x81, 0x8d, 0x8f, 0x90, 0x9d)
 * become U+FFFD; other invisible characters (zero-width spaces and
 * joiners, which scripts need) are left as they are; the bytes of an
 * unpadded base64 word that do not fill a group of four are dropped.
 */
#ifndef MLD_TEXT_H
#define MLD_TEXT_H

#include <stdbool.h>
#include <glib.h>

enum mld_text_rule {
	MLD_TEXT_FIELD,		/* a record field from a header */
	MLD_TEXT_LABEL,		/* a tally key or index column */
};

/*
 * Makes s valid UTF-8 (taking it): valid UTF-8 runs are kept, and every
 * other byte is read as windows-1252.
 */
char *mld_text_repair(char *s);

/* Repairs s (taking it) and blanks what rule says; never NULL. */
char *mld_text_clean(char *s, enum mld_text_rule rule);

/*
 * A raw header value as text: undeclared 8-bit bytes repaired, RFC 2047
 * encoded words decoded, then cleaned by rule.
 */
char *mld_text_decode(const char *raw, enum mld_text_rule rule);

/* Whether c is one of the invisible format characters listed above. */
bool mld_text_is_format(gunichar c);

/*
 * Appends s to out for a terminal: invalid bytes repaired, C0 controls
 * written in caret notation (^[, ^?), C1 controls and format characters
 * as <U+XXXX>; with oneline false, LF and TAB are kept.
 */
void mld_text_show(GString *out, const char *s, bool oneline);

#endif
