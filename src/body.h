/*
 * body.h - reading the text of a patch mail as git am and patchwork do:
 * the in-body header lines at its top, where its diff starts (found by
 * counting hunks, so a "---" in prose or a diff quoted with "> " is not
 * one), the diffstat it carries or the one its diff implies, and the
 * excerpt a digest prints.
 *
 * Text is UTF-8 with LF line ends (message.h produces it).  Limits: a
 * diff mangled by a mail client (hunk line counts that do not match) is
 * counted up to the first line that breaks the hunk, and one broken at
 * its first hunk line is found only by its "diff --git" header
 * (mld_diff_damaged), never counted; a quilt or "diff -u" patch without
 * "diff --git" is seen through its "---"/"+++"/"@@" lines.  The mail's
 * own text ends at a signature or a mailman footer, found by their
 * shapes; another list software's footer is kept.
 */
#ifndef MLD_BODY_H
#define MLD_BODY_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* In-body "From:", "Date:", "Subject:" lines at the top of a body. */
struct mld_inbody {
	char *from;		/* raw values, unfolded, or NULL */
	char *date;
	char *subject;
	size_t end;		/* offset of the first body line after them */
};

/*
 * Reads the in-body header lines that open text (after blank lines), as
 * git mailinfo does, and the blank lines after them.  A line that only
 * looks like one ("From: the spec says") counts when it is followed by a
 * blank line or another header line; a "From:" needs an '@'.  Returns
 * false, with ib->end at the first non-blank line, when there are none.
 */
bool mld_inbody_read(const char *text, size_t len, struct mld_inbody *ib);
void mld_inbody_clear(struct mld_inbody *ib);

/* What the diffs of a text hold. */
struct mld_diff {
	size_t start;		/* offset of the first diff line, or len */
	unsigned hunks;		/* hunks whose lines agree with their header */
	unsigned sections;	/* file sections with a hunk or git metadata */
	unsigned files;		/* files git's diffstat counts: a line changed,
				   or renamed, copied, binary */
	unsigned long insertions, deletions;
};

/*
 * Scans text for diffs; true when it holds at least one file section.  A
 * file section that repeats an earlier one byte for byte (the same diff
 * pasted twice) is counted once.
 */
bool mld_diff_scan(const char *text, size_t len, struct mld_diff *d);

/*
 * Where a whitespace-damaged diff starts: a "diff --git" line followed
 * within six lines by "--- " and "+++ " lines, when no hunk of it could
 * be counted.  Returns its offset, or len when there is none.
 */
size_t mld_diff_damaged(const char *text, size_t len);

/*
 * Appends git's summary, "2 files changed, 4 insertions(+), 1 deletion(-)",
 * or "0 files changed" when only modes changed.
 */
void mld_diffstat_format(const struct mld_diff *d, GString *out);

/*
 * Finds the last diffstat summary line in text[0..len) (for a patch, len
 * is where its diff starts).  Sets *line and *linelen to the line without
 * its leading blanks and line end.
 */
bool mld_diffstat_find(const char *text, size_t len, const char **line,
    size_t *linelen);

/*
 * The excerpt a digest prints: text[from..diff) (diff is where the diff
 * starts, or the length) up to and including the diffstat summary, and
 * never past a "-- " signature line; leading and trailing blank lines
 * dropped, and a "---" line left last when there is no diffstat.
 * Appends it to out.
 */
void mld_body_excerpt(const char *text, size_t from, size_t diff,
    GString *out);

/*
 * Is text a cover letter by its shape, whatever its subject says: a git
 * shortlog ("Jane Doe (3):" and the indented titles under it), then a
 * diffstat summary line, and no git request-pull text (a pull request
 * has both too)?  Sets *patches to the sum of the shortlog's counts.
 */
bool mld_body_cover_shape(const char *text, size_t len, unsigned *patches);

/*
 * The commit message within text[from..diff): up to the first "---" line
 * or a "-- " signature.  Returns its end offset.
 */
size_t mld_body_message_end(const char *text, size_t from, size_t diff);

#endif
