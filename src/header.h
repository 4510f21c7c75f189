/*
 * header.h - header fields read straight from a message's raw bytes:
 * where the header block ends, the value of a field (unfolded, trimmed)
 * and the Message-ID in one.  mbsplit lists an archive with these alone,
 * without the cost of a full MIME parse; their values become text through
 * text.h, addresses through addr.h and dates through date.h.
 *
 * Limits: a field name is matched only at the start of a line and right
 * before its colon ("From :" is not From); the first field of a name wins.
 */
#ifndef MLD_HEADER_H
#define MLD_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* Length of the header block of text: up to and including the blank line. */
size_t mld_header_len(const char *text, size_t len);
/*
 * Length of the field name that opens the line p[0..n): printable ASCII
 * up to a ':'.  0 when the line opens no field.
 */
size_t mld_header_name_len(const char *p, size_t n);

/*
 * Finds the first field `name` (case-insensitive, without the colon) in
 * the header block hdr[0..len) and sets out to its value, unfolded, with
 * surrounding white space trimmed.  Returns false when there is none.
 */
bool mld_header_get(const char *hdr, size_t len, const char *name,
    GString *out);

/*
 * One pass over the header block at the start of text: for each i,
 * values[i] gets the value of the first field names[i] as mld_header_get
 * gives it, and found[i] whether there was one.  The pass stops as soon
 * as every name was found.
 */
void mld_header_scan(const char *text, size_t len, const char *const *names,
    size_t n, GString **values, bool *found);

/* A Message-ID without its angle brackets (NULL if none can be read). */
char *mld_header_msgid(const char *raw);

#endif
