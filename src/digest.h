/*
 * digest.h - the digest as one model, whatever its form: its header, its
 * tallies, its patch list (one item per posting) and its entries (the
 * first patch and the cover letter of each posting, as New, Exist or
 * Skip).  digest.c decides every part of that model once, from the
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
 * The text of an item or entry as the digest shows it to people: made
 * safe for a terminal (above) once, for every form that shows it.  A
 * form that gives the data itself (JSON) takes the fields beside it.
 */
struct mld_digest_show {
	const char *subject, *title, *author;
	const char *body;		/* NULL in an item */
	const char *link;		/* NULL: links are off */
};

/* A patch-list item: one posting. */
struct mld_digest_item {
	size_t index;			/* 1-based place in the list */
	const struct mld_entry *e;	/* its cover, else its first patch */
	const char *author;		/* e's author as a reader wants it */
	const char *link;		/* NULL: links are off */
	unsigned total;			/* patches announced */
	unsigned missing;		/* of them, how many the input lacks */
	struct mld_digest_show show;
};

/*
 * An entry: a posting's first patch, then its cover letter.
 *   New    printed in full
 *   Exist  reported before: its Message-ID, or its title in the same
 *          version, is in the seen set
 *   Skip   a cover letter whose title only repeats its first patch's
 *          title (one may lack the other's leading "subsystem: " parts)
 */
enum mld_digest_state {
	MLD_STATE_NEW,
	MLD_STATE_EXIST,
	MLD_STATE_SKIP,
};
/* "New", "Exist" or "Skip", as the text labels an entry; lower-cased
 * (name), as markup and data name it. */
const char *mld_digest_state_label(enum mld_digest_state s);
const char *mld_digest_state_name(enum mld_digest_state s);

struct mld_digest_msg {
	size_t posting;			/* the index of its posting */
	enum mld_part part;
	enum mld_digest_state state;
	const struct mld_entry *e;
	const char *title;		/* e's title, else its subject */
	const char *author;		/* the Author line's text: the
					   contributor, then " (sent by
					   <author>)" when the sender's
					   address is another */
	const char *body;		/* e's body without its trailing
					   blank lines */
	const char *link;		/* NULL: links are off */
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
 * Renders the patch list, newest posting first; `link` NULL turns the
 * links off.
 */
void mld_digest_list(struct mld_postings *ps, const struct mld_link *link,
    struct mld_render *r, FILE *out);
/*
 * Renders the entries, newest posting first; every entry rendered is
 * then added to `seen`.
 */
void mld_digest_messages(struct mld_postings *ps, struct mld_seen *seen,
    const struct mld_link *link, struct mld_render *r, FILE *out);
/* Ends the digest: a form that is one document closes it here. */
void mld_digest_end(struct mld_render *r, FILE *out);

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
