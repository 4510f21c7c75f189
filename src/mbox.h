/*
 * mbox.h - reading mbox files: mboxrd, mboxo, mboxcl and mboxcl2, CRLF
 * files, a lone message without a From_ line (what procmail pipes to a
 * program), and concatenations of these.
 *
 * A line starting "From " separates messages only when it looks like a
 * From_ line: a time (hh:mm) and a plausible year after the sender, as
 * git mailsplit checks; lore's "From mboxrd@z Thu Jan  1 00:00:00 1970"
 * passes; so does one ending in "\r\r\n".  A Content-Length header is
 * trusted only when it lands on the end of the input or on a From_ line,
 * and a trusted one that keeps From_ lines inside its message is reported.
 * An input whose lines end in a bare CR (an old Mac mbox) is read with
 * each bare CR as LF.
 *
 * Files and pipes are read through a buffer that holds one message at a
 * time, so memory follows the largest message, not the archive; a message
 * longer than MLD_MBOX_MAX is reported and skipped.  A file is read up to
 * the size it had when opened; one that turns out shorter is reported as
 * changed, and the reader stops.
 */
#ifndef MLD_MBOX_H
#define MLD_MBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "tool.h"

/* One message as it lies in the input.  Valid until the next call. */
struct mld_msg {
	struct mld_where where;	/* input name, 1-based number, offset */
	uint64_t span;		/* bytes from offset to the next message */
	const char *from_line;	/* the From_ line, without its line end, */
	size_t from_len;	/* or NULL when the message had none */
	const char *raw;	/* headers and body as stored (escaped, */
	size_t rawlen;		/* original line ends), less the separator */
	bool crlf;		/* its first line ends in CRLF */
	bool no_quoted_from;	/* the reader saw no ^>+From line in raw
				 * (false: not known) */
};

struct mld_mbox;

/* The longest message read: 1 GiB. */
#define MLD_MBOX_MAX ((size_t)1 << 30)

/* Opens path ("-" = stdin); reports and returns NULL on failure. */
struct mld_mbox *mld_mbox_open(const char *path);
/* Reads an mbox held in memory (a copy of data). */
struct mld_mbox *mld_mbox_open_mem(const char *data, size_t len,
    const char *name);
/* Sets the longest message read (MLD_MBOX_MAX unless set). */
void mld_mbox_set_max(struct mld_mbox *mb, size_t max);
/*
 * 1: *msg is the next message; 0: end of input; -1: read error, or the
 * input changed while being read (reported, nothing more is read).  A
 * message over the longest, a Content-Length that spans From_ lines, are
 * reported with mld_warn_at.
 */
int mld_mbox_next(struct mld_mbox *mb, struct mld_msg *msg);
void mld_mbox_close(struct mld_mbox *mb);

/* True when line[0..len) (no line end) is a From_ separator line. */
bool mld_is_from_line(const char *line, size_t len);

/* Which lines reading "From " mld_has_from_line looks for. */
enum mld_quotes {
	MLD_UNQUOTED,		/* ^From : a separator if it were in an mbox */
	MLD_QUOTED,		/* ^>+From : one quoted for mboxrd */
	MLD_ANY_QUOTES,		/* ^>*From : either */
};
/* Whether text[0..len) has a line starting as q says. */
bool mld_has_from_line(const char *text, size_t len, enum mld_quotes q);

/*
 * Whether the stored bytes are the message text already, as mld_msg_text
 * would give it: no CR, no quoted From line, a final newline.  Writers
 * then use raw as it is, without a copy.
 */
bool mld_msg_is_text(const struct mld_msg *msg);
/*
 * Appends the message text to out: CRLF (and any CR before it) turned
 * into LF, one '>' taken off lines matching ^>+From (mboxrd), a final
 * newline added if missing.
 */
void mld_msg_text(const struct mld_msg *msg, GString *out);
/* Appends text to out escaped for mboxrd (a '>' before ^>*From ). */
void mld_mboxrd_escape(GString *out, const char *text, size_t len);

/* The From_ line written for a message that had none (lore's). */
#define MLD_FROM_LINE "From mboxrd@z Thu Jan  1 00:00:00 1970"

#endif
