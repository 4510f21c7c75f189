/*
 * subject.h - reading a patch mail's Subject: reply and forward markers,
 * the bracket groups git format-patch, b4 and list software put in front
 * ("[PATCH RESEND V2 1/2]", "[Linux-kernel]"), and the title behind them.
 * The rules and their limits are listed at the top of subject.c.
 */
#ifndef MLD_SUBJECT_H
#define MLD_SUBJECT_H

#include <stdbool.h>

struct mld_subject {
	char *prefix;	/* text of the patch bracket group(s) as written,
			   e.g. "PATCH RESEND V2 1/2"; "" when none */
	char *title;	/* subject without reply markers, list tags and the
			   leading bracket groups; never cut at a ']' inside it */
	unsigned version;	/* 1 when absent */
	unsigned n, total;	/* n/N; 1/1 when absent; n == 0: cover letter */
	bool reply;	/* a reply or forward marker (Re:, AW:, Fwd: ...) */
	bool patch;	/* a PATCH (or RFC) token in a bracket group */
	bool pull;	/* [GIT PULL], [GIT,PULL], [PULL] or a title "GIT PULL" */
	bool resend;	/* a RESEND token */
	bool rfc;	/* an RFC token */
	bool notice;	/* a robot's notice about a patch ("[tip: x] t",
			   "Applied \"t\" to the x tree"): title is t */
};

/*
 * Parses a decoded, unfolded subject (UTF-8; NULL reads as "") into *out,
 * which is overwritten: clear it first if it held a parse.  Never fails:
 * absent parts keep their defaults.  Linear in the length of the subject.
 */
void mld_subject_parse(const char *subject, struct mld_subject *out);
/*
 * The version an untagged subject names at its end ("spi: x: Do y v2"),
 * as a cover letter without a patch tag may: 2; 0 when there is none.
 */
unsigned mld_subject_title_version(const char *title);

/* Frees prefix and title and sets them to NULL. */
void mld_subject_clear(struct mld_subject *s);

#endif
