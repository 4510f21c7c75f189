/*
 * digest.h - the digest as one model, whatever its form: its header, its
 * tallies, its lists (the patch list, one item per posting of a series
 * with its status; the series without a reply; the pull requests) and
 * its entries (the first patch and the cover letter of the posting of
 * each series printed, as New, Exist or Skip, then a line for each of
 * its other postings, Exist or Superseded).  digest.c decides every part of that model once, from the
 * postings (postings.h) and domtally lines, and hands it, part by part
 * and in order, to a renderer (render.h) that only writes it in one
 * form: text, markdown, html, json or email.  What makes a posting is
 * decided in postings.c.
 *
 * The model's strings are those of the records, and beside them (show)
 * the same made safe for a terminal by mld_text_show (text.h): control
 * and format characters shown visibly, invalid UTF-8 repaired.  The
 * text, markdown and HTML forms start from those; JSON from the first.
 */
#ifndef MLD_DIGEST_H
#define MLD_DIGEST_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

#include "link.h"
#include "postings.h"
#include "seen.h"

/* Width of the line that ends each commit message in text. */
#define MLD_DIGEST_RULE 70

/* The digest's header: the labels of its period and the list's name. */
struct mld_digest_head {
	const char *list;	/* NULL or "": none */
	const char *from, *to;	/* labels */
	const char *first, *last; /* dates of the oldest and newest message,
				     NULL when unknown */
};

/* "<LIST> mailing list update from A to B" ("Mailing list update ..."
 * without a list), as the records give it: not yet made safe. */
char *mld_digest_title(const struct mld_digest_head *h);

/* A tally section: domtally lines, count descending. */
enum mld_tally_kind {
	MLD_TALLY_DOMAINS,
	MLD_TALLY_PEOPLE,
	MLD_TALLY_REVIEWERS,
};
struct mld_tally_row {
	unsigned long long count;
	char *name;
};
struct mld_digest_tally {
	enum mld_tally_kind kind;
	char *title;
	GArray *rows;		/* struct mld_tally_row, in input order */
	unsigned long long max;	/* the largest count, 0 without rows */
};

/*
 * What the digest says of a posting of a series: made from its posting
 * record and, for a version posted before this digest's input, the seen
 * state.
 */
struct mld_status {
	unsigned version;
	unsigned total, missing;	/* patches; 0 for a pull request */
	unsigned prev_version;	/* 0: no earlier version known */
	const char *prev_date;	/* YYYY-MM-DD of the earlier one, or NULL */
	bool prev_seen;		/* it was in an earlier digest (the seen state) */
	bool resend;		/* the one before has the same version */
	unsigned replies, repliers, revisions;
	unsigned reviewed, acked, tested, nacked;	/* people */
	bool applied, superseded;
};
void mld_digest_status(const struct mld_posting *p,
    const struct mld_seen *seen, struct mld_status *st);
/*
 * Appends the status as the text patch list shows it, each part only
 * when it has something to say, after ", ":
 *   v5 of 2026-06-22 | v5, v4 in the digest of 2026-06-22 |
 *   resent, first 2026-06-22 ; N repl(y|ies) ; N revision(s) ;
 *   Reviewed-by N ; Acked-by N ; Tested-by N ; Nacked-by N ; applied ;
 *   superseded
 */
void mld_digest_status_text(GString *out, const struct mld_status *st);

/*
 * The text of an item or entry as the digest shows it to people: made
 * safe for a terminal (above) once, for every form that shows it.  A
 * form that gives the data itself (JSON) takes the fields beside it.
 */
struct mld_digest_show {
	const char *subject, *title, *author;
	const char *body;		/* NULL in an item */
	const char *link;		/* NULL: links are off */
};

/*
 * The lists of postings, one line each, newest first:
 *   PATCHES     every posting of a series, with its status
 *   UNANSWERED  the postings of a series no one else answered
 *   PULLS       the pull requests, with their replies and whether
 *               they were applied
 */
enum mld_digest_list {
	MLD_LIST_PATCHES,
	MLD_LIST_UNANSWERED,
	MLD_LIST_PULLS,
};
/* "Patch list in this time period", "Series without a reply" or "Pull
 * requests"; lower-cased one word (name), as markup and data name it. */
const char *mld_digest_list_title(enum mld_digest_list l);
const char *mld_digest_list_name(enum mld_digest_list l);

/* A list item: one posting. */
struct mld_digest_item {
	enum mld_digest_list list;
	size_t index;			/* 1-based place in its list */
	size_t posting;			/* the index of the posting, as
					   its entries name it */
	const struct mld_entry *e;	/* its cover, else its first patch */
	const char *author;		/* e's author as a reader wants it */
	const char *link;		/* NULL: links are off */
	unsigned total;			/* patches announced */
	unsigned missing;		/* of them, how many the input lacks */
	struct mld_status status;
	struct mld_digest_show show;
};

/*
 * An entry: a posting's first patch, then its cover letter.
 *   New         printed in full
 *   Exist       reported before: its Message-ID, or its title in the
 *               same version, is in the seen set; or a resend (the same
 *               version) of the lineage's posting printed
 *   Skip        a cover letter whose title only repeats its first
 *               patch's title (one may lack the other's leading
 *               "subsystem: " parts); such a cover is an Exist only when
 *               its own Message-ID is in the seen set
 *   Superseded  an older version of the lineage's posting printed
 */
enum mld_digest_state {
	MLD_STATE_NEW,
	MLD_STATE_EXIST,
	MLD_STATE_SKIP,
	MLD_STATE_SUPERSEDED,
};
/* "New", "Exist" or "Skip", as the text labels an entry; lower-cased
 * (name), as markup and data name it. */
const char *mld_digest_state_label(enum mld_digest_state s);
const char *mld_digest_state_name(enum mld_digest_state s);

struct mld_digest_review {
	const char *trailer, *name, *show;
};

struct mld_digest_msg {
	size_t posting;			/* the index of its posting */
	enum mld_part part;
	enum mld_digest_state state;
	bool other;			/* a line for another posting of
					   the lineage, under the one
					   printed */
	const struct mld_entry *e;
	const char *title;		/* e's title, else its subject */
	const char *author;		/* the Author line's text: the
					   contributor, then " (sent by
					   <author>)" when the sender's
					   address is another */
	const char *body;		/* e's body without its trailing
					   blank lines */
	const char *link;		/* NULL: links are off */
	/* The review trailers the posting received, under its first New
	 * entry only: trailer ("Reviewed-by", ...) and name, each name as
	 * given and shown. */
	size_t nreviews;
	const struct mld_digest_review *reviews;
	struct mld_digest_show show;
};

struct mld_render;

/* Renders the header. */
void mld_digest_head(const struct mld_digest_head *h, struct mld_render *r,
    FILE *out);
/* Renders a tally section. */
void mld_digest_tally(const struct mld_digest_tally *t, struct mld_render *r,
    FILE *out);
/*
 * Renders a list (enum mld_digest_list), newest posting first; `link`
 * NULL turns the links off; `seen` names the versions of earlier digests.
 */
void mld_digest_list(struct mld_postings *ps, enum mld_digest_list l,
    const struct mld_seen *seen, const struct mld_link *link,
    struct mld_render *r, FILE *out);
/*
 * Renders the entries of the postings of a series, newest first, the
 * versions of one series (one lineage) in the input once, where its
 * newest posting comes: the first posting of the newest version as its
 * first patch then its cover letter (New, Exist or Skip), the review
 * trailers under its first New, then each other posting of the lineage,
 * newest first, as an Exist (a resend) or a Superseded (an older
 * version).  Whether an entry was reported before is decided oldest
 * posting first, so that of two copies the older is New.  Every message
 * rendered, and each lineage with its version and the day of the
 * digest's newest patch or cover letter, is then added to `seen`.
 */
void mld_digest_messages(struct mld_postings *ps, struct mld_seen *seen,
    const struct mld_link *link, struct mld_render *r, FILE *out);
/* Ends the digest: a form that is one document closes it here. */
void mld_digest_end(struct mld_render *r, FILE *out);

/* "Top N reviewers (Reviewed-by, Acked-by, Tested-by given)". */
char *mld_digest_reviewers_title(unsigned top);
/*
 * A tally section of the given kind and title (NULL: the default title,
 * which names `top`).
 */
void mld_digest_tally_init(struct mld_digest_tally *t,
    enum mld_tally_kind kind, const char *title, unsigned top);
void mld_digest_tally_clear(struct mld_digest_tally *t);
/*
 * Adds one domtally line ("%7d %s"); returns false, and adds nothing,
 * when it is not a count and a name.
 */
bool mld_digest_tally_add(struct mld_digest_tally *t, const char *line);

/* The keys under which a patch is remembered in a seen set. */
char *mld_digest_key_msgid(const struct mld_entry *p);
char *mld_digest_key_title(const struct mld_entry *p);

#endif
