/*
 * select.h - choosing messages: by date, by number, by header match, and
 * dropping duplicates by Message-ID or by content.
 */
#ifndef MLD_SELECT_H
#define MLD_SELECT_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "keyset.h"
#include "mbox.h"

enum mld_dedupe {
	MLD_DEDUPE_NONE,
	MLD_DEDUPE_MSGID,	/* first copy of each Message-ID wins */
	MLD_DEDUPE_CONTENT,	/* first copy of each From+Subject+Date+body */
};

struct mld_select {
	bool has_since, has_until;
	int64_t since, until;	/* since <= date < until */
	uint64_t first, last;	/* message numbers, inclusive */
	GPtrArray *matches;	/* struct mld_match *, all must match */
	enum mld_dedupe dedupe;
	struct mld_keyset passed;	/* dedupe keys of the messages passed */
	uint64_t dropped;	/* duplicates dropped */
};

void mld_select_init(struct mld_select *s);
void mld_select_free(struct mld_select *s);

/*
 * Parses a date bound: YYYY-MM-DD (00:00 UTC that day), ISO 8601 with a
 * time (UTC unless it names a zone), or an RFC 5322 date.
 */
bool mld_select_parse_date(const char *arg, int64_t *when);
/*
 * Parses N, A-B, A- or -B (numbers from 1, A <= B) into s->first and
 * s->last; otherwise sets *why and leaves s as it was.
 */
bool mld_select_parse_range(struct mld_select *s, const char *arg,
    const char **why);
/* Adds "Header:regex" (case-insensitive, on the decoded value). */
bool mld_select_add_match(struct mld_select *s, const char *arg,
    GError **err);

/* Whether message number n (counted over all inputs) is selected. */
bool mld_select_message(struct mld_select *s, uint64_t n,
    const struct mld_msg *m);
/* Whether a selection by number can select nothing after number n. */
bool mld_select_past_range(const struct mld_select *s, uint64_t n);

#endif
