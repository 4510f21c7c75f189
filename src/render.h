/*
 * render.h - the forms of the digest.  A renderer writes the model of
 * digest.h in one form; digest.c calls it part by part, in the order of
 * the digest, and writes what it appended to `out` after each part, so
 * that no form holds more of the digest than the part at hand.
 *
 * The calls of a whole digest: head, tally (once per section), then for
 * each list (patches, series without a reply, pull requests) list_begin,
 * item (once per posting listed), list_end; msgs_begin, then for each
 * lineage posting_begin, msg (the first patch, then the cover letter of
 * its posting printed, either absent; then a line for each other posting
 * of the lineage), posting_end; then msgs_end and end.  The text form's parts
 * (header, tally, patches) can also be rendered alone.
 *
 * What the digest says grows here and in digest.h only: a new fact of a
 * posting (as its review status, struct mld_status) is a field of
 * struct mld_digest_item or mld_digest_msg, a new section a call of its
 * own or a list of enum mld_digest_list; every form then renders it, and
 * no form can say what the model does not hold.
 */
#ifndef MLD_RENDER_H
#define MLD_RENDER_H

#include <stddef.h>
#include <stdio.h>
#include <glib.h>

#include "digest.h"

struct mld_render;

struct mld_render_ops {
	void (*head)(struct mld_render *, const struct mld_digest_head *);
	void (*tally)(struct mld_render *, const struct mld_digest_tally *);
	void (*list_begin)(struct mld_render *, enum mld_digest_list,
	    size_t npostings);
	void (*item)(struct mld_render *, const struct mld_digest_item *);
	void (*list_end)(struct mld_render *, enum mld_digest_list);
	void (*msgs_begin)(struct mld_render *);
	void (*posting_begin)(struct mld_render *, size_t index);
	void (*msg)(struct mld_render *, const struct mld_digest_msg *);
	void (*posting_end)(struct mld_render *, size_t index);
	void (*msgs_end)(struct mld_render *);
	/* out: where a form that keeps its parts elsewhere (email) writes
	 * itself whole; the others append to r->out as every part does. */
	void (*end)(struct mld_render *, FILE *out);
	void (*free)(struct mld_render *);
};

/* Calls part of r's renderer with the arguments, r first: a form leaves
 * out (NULL) the parts it writes nothing for. */
#define MLD_RENDER(r, part, ...) do { \
	if ((r)->ops->part != NULL) \
		(r)->ops->part(__VA_ARGS__); \
} while (0)

struct mld_render {
	const struct mld_render_ops *ops;
	GString *out;		/* rendered, not yet written */
	GString *tmp;		/* scratch for the escapers */
};

enum mld_format {
	MLD_FORMAT_TEXT,
	MLD_FORMAT_MARKDOWN,
	MLD_FORMAT_HTML,
	MLD_FORMAT_JSON,
	MLD_FORMAT_EMAIL,
};

/* The format named `name` ("text", "markdown", ...); false if none. */
bool mld_format_parse(const char *name, enum mld_format *f);

/* What the email form needs besides the digest. */
struct mld_email_opts {
	const char *from;	/* the From address list, as for a header */
	const char *to;		/* the To address list */
};

/* A renderer of the format; email takes opts, the others ignore it.
 * NULL for email when its From or To holds no address. */
struct mld_render *mld_render_new(enum mld_format f,
    const struct mld_email_opts *opts);
void mld_render_free(struct mld_render *r);

/* For the renderers: a new one (size: that of the struct that begins
 * with struct mld_render), and s made safe as mld_text_show (text.h) does, in
 * r->tmp, which is returned. */
struct mld_render *mld_render_alloc(const struct mld_render_ops *ops,
    size_t size);
const char *mld_render_safe(struct mld_render *r, const char *s,
    bool oneline);

/* Appends "N patch[es][, M missing]" for the item, as text shows it. */
void mld_render_count(GString *out, const struct mld_digest_item *it);
/*
 * Appends what text says of the item after its author, each part after
 * ", ": in the patch list the count and the status, in the pull requests
 * the replies and whether applied, nothing in the series without a
 * reply.
 */
void mld_render_status(GString *out, const struct mld_digest_item *it);

#endif
