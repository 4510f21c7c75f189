/*
 * patch.h - what one message says about a patch series: the columns of a
 * patchinfo record (kind, date, message ID, series key, version, n/N,
 * people, subject, title, diffstat, trailers, excerpt), whose names and
 * places columns.h defines.
 *
 * Thread: the parent is the message In-Reply-To names, else the last of
 * References; the root the first of References, else the parent.  A
 * cover letter or patch that carries b4's "change-id: <id>" line (at the
 * start of a line of its own text, where b4 writes it after the diffstat
 * or the diff) gives that ID.
 *
 * Kind: a Re:/Fwd: subject is `reply`; a robot's notice about a patch
 * (subject.h), or a "#syz test" request carrying a diff, is a `notice`
 * titled with the patch it concerns; a [GIT PULL] is `pull`; a
 * patch-tagged subject numbered 0/N is a `cover`; a message whose own
 * text carries a diff (hunks that agree with their headers, or a
 * "diff --git" whose hunks a mailer damaged) is a `patch`; a message
 * without a diff shaped as a cover letter (a shortlog then a diffstat:
 * mld_body_cover_shape) is a `cover` whatever its subject; a
 * patch-tagged subject without a diff of its own that answers another
 * message (a review that kept the subject) is a `reply`; the rest is
 * `other`.
 *
 * Series: a cover letter keys its own posting; a patch takes the key of
 * the message it answers when that one was seen earlier in the run with
 * the same version and is a cover or a patch of the same N (a patch sent
 * in reply to one patch of another series posts on its own), or the
 * message ID it answers when that ID is shaped
 * like its own (git send-email and b4 number the messages of one posting
 * in one ID pattern: the cover was cut off), else its own ID (the thread
 * root of a posting without a cover).  A v2 sent in reply to v1 so gets
 * a key of its own.  Only the last 16,384 to 32,768 patches and covers
 * are kept (a message ID and a key each, about 150 bytes), so that
 * memory stays flat over a whole archive: a patch that answers a message
 * posted that many patches earlier keys a posting of its own.
 */
#ifndef MLD_PATCH_H
#define MLD_PATCH_H

#include <stdbool.h>
#include <glib.h>

#include "mbox.h"
#include "message.h"
#include "record.h"

enum mld_kind {
	MLD_KIND_COVER,
	MLD_KIND_PATCH,
	MLD_KIND_REPLY,
	MLD_KIND_PULL,
	MLD_KIND_OTHER,
	MLD_KIND_NOTICE,
};

struct mld_patch {
	enum mld_kind kind;
	char date[32];		/* ISO 8601 UTC, "" when unknown */
	char *msgid, *series, *prefix, *author, *contributor, *subject,
	    *title;
	char *parent, *root;	/* Message-IDs, or NULL */
	char *changeid;		/* b4's "change-id:" line's value, or NULL */
	unsigned version, n, total;
	GString *diffstat, *trailers, *body;
	GString *applied;	/* a reply's line saying it was applied */
};

struct mld_recent;

/* State kept across the messages of a run. */
struct mld_analyser {
	bool all;		/* keep replies, pulls and other mail */
	struct mld_recent *recent;	/* the patches and covers seen (patch.c) */
	struct mld_recent *older;	/* the same, the generation before */
	struct mld_texts texts;
	GString *text;		/* the message being read, when copied */
	GString **hv;		/* its header fields, and which it has */
	bool *hf;
};

void mld_analyser_init(struct mld_analyser *a, bool all);
void mld_analyser_free(struct mld_analyser *a);

void mld_patch_init(struct mld_patch *p);
void mld_patch_free(struct mld_patch *p);

/*
 * Reads one message into p.  Returns false when the message yields no
 * record (a reply, pull or other mail without a->all).  Problems (missing
 * Date, From or Message-ID, a body GMime cannot read) are reported with
 * mld_warn_at; the record is still made.
 */
bool mld_patch_analyse(struct mld_analyser *a, const struct mld_msg *m,
    struct mld_patch *p);

/*
 * Reads the one message in file path (mbsplit -d output, a maildir file,
 * a git format-patch file with its From_ line).  Returns 1 when p holds
 * a record, 0 when the message yields none, -1 when the file cannot be
 * read (reported).
 */
int mld_patch_analyse_file(struct mld_analyser *a, const char *path,
    struct mld_patch *p);

/* Appends p's columns to r. */
void mld_patch_record(const struct mld_patch *p, struct mld_rec *r);

const char *mld_kind_name(enum mld_kind k);

#endif
