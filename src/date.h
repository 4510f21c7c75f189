/*
 * date.h - the date of a message: RFC 5322 dates read through GMime,
 * the fallbacks when a message has none, and ISO 8601 UTC output.
 *
 * Limits: a date GMime cannot read is no date; dates are whole seconds.
 */
#ifndef MLD_DATE_H
#define MLD_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Seconds since the epoch of an RFC 5322 date; false if unreadable. */
bool mld_date_parse(const char *raw, int64_t *when);
/* Formats t as ISO 8601 UTC, "2025-08-19T12:17:24Z" ("" if it cannot). */
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
