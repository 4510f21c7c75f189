/*
 * header.h - reading header fields straight from a message's raw bytes,
 * and turning their values into text: RFC 2047 decoding, dates, message
 * IDs and address lists, through GMime.  mbsplit lists an archive with
 * these alone, without the cost of a full MIME parse.
 */
#ifndef MLD_HEADER_H
#define MLD_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/* Initialises GMime once (and puts SIGPIPE back, which GMime ignores). */
void mld_gmime_init(void);

/* Length of the header block of text: up to and including the blank line. */
size_t mld_header_len(const char *text, size_t len);

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

/*
 * Decodes RFC 2047 encoded words in a raw value to UTF-8.  Invalid bytes
 * are repaired, and the result never holds a control character: each is
 * turned into a space.
 */
char *mld_header_decode(const char *raw);
/* Makes s valid UTF-8 without control characters; takes ownership. */
char *mld_header_clean(char *s);

/*
 * A raw address list, decoded, as "Name <addr>, ..." with the name quoted
 * where RFC 5322 needs it, groups as "name: members;".  Domains are left
 * as written (no IDN conversion).  The common plain forms are copied
 * without a parse; mld_header_addresses_parsed always parses, and is
 * what the copy is tested against.
 */
char *mld_header_addresses(const char *raw);
char *mld_header_addresses_parsed(const char *raw);

/*
 * Reads the common plain forms of one mailbox, "Name Surname <addr>" (an
 * ASCII phrase of atext words) and a bare addr, as the parser would, but
 * without it: the name is raw[0..*name_len) (empty for a bare addr), the
 * address *addr[0..*addr_len).  False for any other form.
 */
bool mld_mailbox_plain(const char *raw, size_t *name_len, const char **addr,
    size_t *addr_len);

/*
 * Whether hand-written fast paths may stand in for the library: false
 * when MLD_TEST_NO_FAST_PATHS is set, so that tests can prove both give
 * the same output.
 */
bool mld_fast_paths(void);
/* Turns the fast paths on or off, for a test comparing the two. */
void mld_fast_paths_set(bool on);

/*
 * Appends a display name, as a quoted string (with \ before " and \)
 * unless it is a plain phrase of atext words; an empty name is "".
 */
void mld_name_append(GString *out, const char *name);
/* Appends "name <addr>", or addr alone when name is NULL or empty. */
void mld_mailbox_append(GString *out, const char *name, const char *addr);

/* A Message-ID without its angle brackets (NULL if none can be read). */
char *mld_header_msgid(const char *raw);

/* Seconds since the epoch of an RFC 5322 date; false if unreadable. */
bool mld_date_parse(const char *raw, int64_t *when);
/* Formats t as ISO 8601 UTC, "2025-08-19T12:17:24Z". */
void mld_date_iso(int64_t t, char buf[static 32]);

/*
 * The date of a message, in order of trust: its Date field, the date of
 * its From_ line unless it is the 1970 placeholder lore and git write,
 * the date of its newest (first) Received field.
 */
bool mld_message_date(const char *hdr, size_t len, const char *from_line,
    size_t from_len, int64_t *when);
/* The same from values already found: Date and Received may be NULL. */
bool mld_date_pick(const char *date, const char *received,
    const char *from_line, size_t from_len, int64_t *when);

#endif
