/*
 * mbox.c - the mbox reader (see mbox.h for the dialects it reads).
 *
 * Messages are found with memchr for the 'F' of "\nFrom ", which is
 * close to the speed of reading the file; every hit is then checked for
 * the shape of a From_ line.  Files and pipes alike are read into one
 * buffer whose window starts at the message being read: indices are
 * relative to it, and a read that finds no room first slides the
 * window to the front of the buffer, moving only the part of the
 * message already read.  So a message always lies whole and contiguous
 * in memory, and memory follows the largest message.
 *
 * A file is read, not mapped: truncating a mapped file (a mail client
 * expunging, `> file`) kills the reader with SIGBUS, whereas a read
 * that ends before the size the file had when opened is reported as
 * "input changed while being read".  Reading costs a copy in the kernel:
 * mbsplit ran as fast on the corpus as it did over a map.
 *
 * Limits: a message longer than 1 GiB (MLD_MBOX_MAX) is reported and
 * skipped, so that no input (/dev/zero, a line without end) can make
 * the reader hold more; a Content-Length that would make the message
 * longer is not trusted.  A pipe reader may hold up to that much for a
 * Content-Length it has to check.
 */
#include "mbox.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (1u << 20)

struct mld_mbox {
	const char *name;
	int fd;			/* -1 for an mbox in memory */
	char *buf;
	size_t cap;
	char *data;		/* the window, from the message being read */
	size_t avail;		/* bytes valid in the window */
	bool eof;		/* nothing more can come after avail */
	uint64_t base;		/* input offset of data[0] */
	uint64_t limit;		/* input offset where a file ended when
				 * opened (UINT64_MAX for a pipe) */
	size_t max;		/* the longest message kept */
	size_t pos;		/* where the next message starts */
	size_t crdone;		/* bytes of a CR-only input made LF */
	uint64_t number;
	bool gt_from;		/* the scan passed a ">F" */
	bool over;		/* the window reached max */
	bool cr_only;		/* the input ends its lines with a bare CR */
	bool started;
	bool error;		/* a read error was reported */
	GString *lone;		/* a message without a From_ line, escaped */
};

static struct mld_mbox *
reader_new(const char *name, int fd)
{
	struct mld_mbox *mb = g_new0(struct mld_mbox, 1);

	mb->name = name;
	mb->fd = fd;
	mb->limit = UINT64_MAX;
	mb->max = MLD_MBOX_MAX;
	return mb;
}

struct mld_mbox *
mld_mbox_open(const char *path)
{
	struct mld_mbox *mb;
	struct stat st;
	off_t at;
	int fd;

	if ((fd = mld_open_input(path)) < 0)
		return NULL;
	mb = reader_new(mld_input_name(path), fd);
	mb->cap = 4 * READ_CHUNK;
	mb->buf = mb->data = g_malloc(mb->cap);
	/* A file is read from where the descriptor stands ("(head -n 5;
	 * mbsplit) <f") up to the size it has now. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (at = lseek(fd, 0, SEEK_CUR)) >= 0) {
		mb->base = (uint64_t)at;
		mb->limit = (uint64_t)st.st_size;
		if (mb->base > mb->limit)
			mb->limit = mb->base;
		posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	}
	return mb;
}

struct mld_mbox *
mld_mbox_open_mem(const char *data, size_t len, const char *name)
{
	struct mld_mbox *mb = reader_new(name, -1);

	/* A copy: a CR-only input is made LF where it lies. */
	mb->cap = len + 1;
	mb->buf = mb->data = g_malloc(mb->cap);
	memcpy(mb->buf, data, len);
	mb->avail = len;
	mb->eof = true;
	return mb;
}

void
mld_mbox_set_max(struct mld_mbox *mb, size_t max)
{
	mb->max = max;
}

void
mld_mbox_close(struct mld_mbox *mb)
{
	if (mb == NULL)
		return;
	if (mb->fd > 0)
		close(mb->fd);
	g_free(mb->buf);
	if (mb->lone != NULL)
		g_string_free(mb->lone, TRUE);
	g_free(mb);
}

/*
 * Turns every bare CR of the window not yet seen into LF.  A CR last in
 * the window waits for the byte after it: a CRLF stays a CRLF.
 */
static void
cr_to_lf(struct mld_mbox *mb)
{
	char *p = mb->data + mb->crdone, *end = mb->data + mb->avail;

	while (p < end && (p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		if (p + 1 == end && !mb->eof)
			break;
		if (p + 1 == end || p[1] != '\n')
			*p = '\n';
		p++;
	}
	mb->crdone = p != NULL ? (size_t)(p - mb->data) : mb->avail;
}

/* Moves the window n bytes on: they belong to no message any more. */
static void
advance(struct mld_mbox *mb, size_t n)
{
	mb->data += n;
	mb->avail -= n;
	mb->base += n;
	mb->pos -= n < mb->pos ? n : mb->pos;
	mb->crdone -= n < mb->crdone ? n : mb->crdone;
}

/* The message being read, for a diagnostic about it. */
static struct mld_where
here(const struct mld_mbox *mb)
{
	struct mld_where w = { mb->name, mb->number + 1, mb->base };

	return w;
}

/*
 * Reads more input into the window.  Returns false at the end of the
 * input, on a read error (reported, mb->error set) and when the window
 * holds max bytes already (mb->over set).
 */
static bool
refill(struct mld_mbox *mb)
{
	struct mld_where w;
	size_t want;
	ssize_t n;

	/* Only called when a scan needs more: the window is the message. */
	if (mb->avail >= mb->max) {
		mb->over = true;
		return false;
	}
	if (mb->eof)
		return false;
	if (mb->cap - (size_t)(mb->data - mb->buf) - mb->avail < READ_CHUNK) {
		memmove(mb->buf, mb->data, mb->avail);
		mb->data = mb->buf;
		if (mb->cap - mb->avail < READ_CHUNK) {
			mb->cap = MIN(mb->cap * 2 + READ_CHUNK,
			    mb->max + READ_CHUNK);
			mb->buf = mb->data = g_realloc(mb->buf, mb->cap);
		}
	}
	want = MIN(mb->cap - (size_t)(mb->data - mb->buf) - mb->avail,
	    mb->max - mb->avail);
	if (mb->limit - mb->base - mb->avail < want)
		want = (size_t)(mb->limit - mb->base - mb->avail);
	n = 0;
	if (want > 0) {
		do
			n = read(mb->fd, mb->data + mb->avail, want);
		while (n < 0 && errno == EINTR);
	}
	if (n <= 0) {
		mb->eof = true;
		if (n < 0) {
			mld_err("%s: read error: %s", mb->name,
			    strerror(errno));
			mb->error = true;
		} else if (want > 0 && mb->limit != UINT64_MAX) {
			/* The file is shorter than when it was opened. */
			w = here(mb);
			w.offset += mb->avail;
			mld_warn_at(&w, "input changed while being read");
			mb->error = true;
		}
		if (mb->cr_only)
			cr_to_lf(mb);
		return false;
	}
	mb->avail += (size_t)n;
	if (mb->cr_only)
		cr_to_lf(mb);
	return true;
}

/*
 * The end (index of '\n', or avail at end of input) of the line starting
 * at `at`, reading more when needed.
 */
static size_t
line_end(struct mld_mbox *mb, size_t at)
{
	const char *nl;
	size_t from = at;

	for (;;) {
		nl = memchr(mb->data + from, '\n', mb->avail - from);
		if (nl != NULL)
			return (size_t)(nl - mb->data);
		from = mb->avail;
		if (!refill(mb))
			return mb->avail;
	}
}

static bool
is_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* hh:mm or hh:mm:ss, with a one-digit hour allowed. */
static bool
is_time(const char *t, size_t n)
{
	const char *colon = memchr(t, ':', n);
	size_t h;

	if (colon == NULL)
		return false;
	h = (size_t)(colon - t);
	if (h < 1 || h > 2 || !is_digits(t, h))
		return false;
	n -= h + 1;
	t = colon + 1;
	return (n == 2 && is_digits(t, 2)) ||
	    (n == 5 && is_digits(t, 2) && t[2] == ':' && is_digits(t + 3, 2));
}

static bool
is_year(const char *t, size_t n)
{
	return n == 4 && is_digits(t, 4) && (t[0] == '1' || t[0] == '2') &&
	    (t[0] == '2' || t[1] == '9');
}

bool
mld_is_from_line(const char *line, size_t len)
{
	const char *p, *end, *tok;
	bool sender = false, time = false, year = false;

	/* Every CR: a file that went through two CRLF conversions. */
	while (len > 0 && line[len - 1] == '\r')
		len--;
	if (len < 5 || memcmp(line, "From ", 5) != 0)
		return false;
	end = line + len;
	for (p = line + 5; p < end;) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		tok = p;
		while (p < end && *p != ' ')
			p++;
		if (!sender)
			sender = true;
		else if (is_time(tok, (size_t)(p - tok)))
			time = true;
		else if (is_year(tok, (size_t)(p - tok)))
			year = true;
	}
	return time && year;
}

/*
 * Whether a From_ line starts at `at` (which begins a line).  A line
 * that the longest message cannot hold is none.
 */
static bool
from_line_at(struct mld_mbox *mb, size_t at)
{
	size_t eol;

	while (at + 5 > mb->avail && refill(mb))
		;
	if (at + 5 > mb->avail || memcmp(mb->data + at, "From ", 5) != 0)
		return false;
	eol = line_end(mb, at);
	if (eol == mb->avail && !mb->eof)
		return false;
	return mld_is_from_line(mb->data + at, eol - at);
}

/*
 * The first "\nFrom " in data[from, avail), or NULL.  memchr for the 'F'
 * runs several times faster than memmem on this needle, and an 'F' at
 * the start of a line is rare enough in mail.  Every 'F' after a '>' is
 * noted on the way: without one, the message has no quoted From line to
 * look for later.
 */
static const char *
find_from(struct mld_mbox *mb, size_t from)
{
	const char *f = mb->data + from + 1, *end = mb->data + mb->avail;

	for (; f < end; f++) {
		f = memchr(f, 'F', (size_t)(end - f));
		if (f == NULL)
			return NULL;
		if (f[-1] == '\n' && end - f >= 5 && memcmp(f, "From ", 5) == 0)
			return f - 1;
		if (f[-1] == '>')
			mb->gt_from = true;
	}
	return NULL;
}

/*
 * Index of the next From_ line after `from` (a '\n', or the start of a
 * line), or avail when the input ends first or the window is full.
 */
static size_t
next_separator(struct mld_mbox *mb, size_t from)
{
	const char *hit;

	for (;;) {
		hit = find_from(mb, from);
		if (hit != NULL) {
			size_t at = (size_t)(hit - mb->data) + 1;

			if (from_line_at(mb, at))
				return at;
			from = at;
			continue;
		}
		/* Keep the last bytes: "\nFrom " may straddle the refill. */
		if (mb->avail - from > 5)
			from = mb->avail - 5;
		if (!refill(mb))
			return mb->avail;
	}
}

/* The value of a "Content-Length:" line at p (up to end), or -1. */
static long long
content_length(const char *p, const char *end)
{
	static const char name[] = "content-length:";
	char *stop;
	long long v;

	if ((size_t)(end - p) < sizeof name ||
	    g_ascii_strncasecmp(p, name, sizeof name - 1) != 0)
		return -1;
	p += sizeof name - 1;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || !g_ascii_isdigit(*p))
		return -1;
	errno = 0;
	v = strtoll(p, &stop, 10);
	return errno == 0 ? v : -1;
}

/*
 * One pass over the header block in data[text, end), the message as the
 * From_ lines bound it: sets *body to where the body starts (0 when the
 * header does not end before `end`) and returns the Content-Length, or
 * -1.  Never past `end`: a message without a body must not find the
 * header of the next one.
 */
static long long
scan_header(const struct mld_mbox *mb, size_t text, size_t end, size_t *body)
{
	const char *p = mb->data + text, *stop = mb->data + end, *nl;
	long long cl = -1;

	*body = 0;
	for (; p < stop; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(stop - p));
		if (nl == NULL)
			return -1;
		if (nl == p || (nl == p + 1 && *p == '\r')) {
			*body = (size_t)(nl + 1 - mb->data);
			return cl;
		}
		if (cl < 0 && (*p | 0x20) == 'c')
			cl = content_length(p, nl);
	}
	return -1;
}

/*
 * Where the message whose text starts at `text` and whose From_ lines
 * end it at `end` ends if its Content-Length is trusted, or 0: the
 * length must land on the end of the input, or on a From_ line after at
 * most one blank line, and keep the message under the longest.
 */
static size_t
content_length_end(struct mld_mbox *mb, size_t text, size_t end)
{
	size_t body, at, got = 0;
	long long cl = scan_header(mb, text, end, &body);

	if (body == 0 || cl < 0 || (unsigned long long)cl >= mb->max - body)
		return 0;
	at = body + (size_t)cl;
	while (at >= mb->avail && refill(mb))
		;
	if (at == mb->avail && mb->eof)
		got = at;
	else if (at >= mb->avail || (at > 0 && mb->data[at - 1] != '\n'))
		got = 0;
	else if (from_line_at(mb, at))
		got = at;
	else {
		if (mb->data[at] == '\r')
			at++;
		if (at < mb->avail && mb->data[at] == '\n' &&
		    from_line_at(mb, at + 1))
			got = at + 1;
	}
	/* Checking the length may fill the window; the message still
	 * ends within it. */
	mb->over = false;
	return got;
}

/* The number of From_ lines in data[from, to), a From_ line at from. */
static uint64_t
separators(struct mld_mbox *mb, size_t from, size_t to)
{
	uint64_t n = 0;

	for (; from < to; from = next_separator(mb, from))
		n++;
	return n;
}

/*
 * Whether the input ends its lines with a bare CR (an old Mac mbox): its
 * first line end is a CR without LF.  Such an input is then read with
 * each bare CR as LF.
 */
static bool
detect_cr_only(struct mld_mbox *mb)
{
	size_t i = 0;

	/* The first line end... */
	for (;;) {
		while (i < mb->avail && mb->data[i] != '\n' &&
		    mb->data[i] != '\r')
			i++;
		if (i < mb->avail || !refill(mb))
			break;
	}
	/* ...and the byte after its run of CRs. */
	for (;;) {
		while (i < mb->avail && mb->data[i] == '\r')
			i++;
		if (i < mb->avail || !refill(mb))
			break;
	}
	mb->over = false;
	return i < mb->avail && i > 0 && mb->data[i - 1] == '\r' &&
	    mb->data[i] != '\n';
}

/*
 * Skips blank lines before the first message, in constant memory;
 * false if nothing is left.
 */
static bool
skip_leading_blank(struct mld_mbox *mb)
{
	for (;;) {
		if (mb->avail < 2 && !mb->eof) {
			refill(mb);
			continue;
		}
		if (mb->avail == 0)
			return false;
		if (mb->data[0] == '\n')
			advance(mb, 1);
		else if (mb->avail >= 2 && mb->data[0] == '\r' &&
		    mb->data[1] == '\n')
			advance(mb, 2);
		else
			return true;
	}
}

/*
 * Drops the rest of a message longer than max: reads on, keeping a few
 * bytes, to the next From_ line, which the window then starts at.
 */
static void
skip_rest(struct mld_mbox *mb)
{
	size_t at;

	for (;;) {
		/* "\nFrom" may straddle what is dropped and what comes. */
		advance(mb, mb->avail > 6 ? mb->avail - 6 : 0);
		mb->over = false;
		at = next_separator(mb, 0);
		if (!mb->over) {
			advance(mb, at);
			return;
		}
	}
}

/*
 * A message without a From_ line (what procmail pipes to a program, a
 * message saved on its own) was never escaped: its ">From" lines are
 * text.  Its escaped form, made in a buffer of the reader's own, is what
 * every reader of msg->raw undoes, so that no '>' is lost.
 */
static void
escape_lone(struct mld_mbox *mb, struct mld_msg *msg)
{
	if (!mld_has_from_line(msg->raw, msg->rawlen, MLD_QUOTED))
		return;
	if (mb->lone == NULL)
		mb->lone = g_string_new(NULL);
	g_string_truncate(mb->lone, 0);
	mld_mboxrd_escape(mb->lone, msg->raw, msg->rawlen);
	msg->raw = mb->lone->str;
	msg->rawlen = mb->lone->len;
	msg->no_quoted_from = false;
}

int
mld_mbox_next(struct mld_mbox *mb, struct mld_msg *msg)
{
	size_t text, end, cl_end, eol, len, blank;
	struct mld_where w;
	uint64_t n;
	bool has_from;

	advance(mb, mb->pos);
	if (!mb->started) {
		mb->started = true;
		if (detect_cr_only(mb)) {
			mb->cr_only = true;
			cr_to_lf(mb);
		}
		if (!skip_leading_blank(mb))
			return mb->error ? -1 : 0;
	}
	for (;;) {
		if (mb->avail == 0 && !refill(mb))
			return mb->error ? -1 : 0;
		memset(msg, 0, sizeof *msg);
		mb->over = false;
		eol = line_end(mb, 0);
		has_from = from_line_at(mb, 0);
		mb->gt_from = false;
		if (has_from) {
			text = eol < mb->avail ? eol + 1 : eol;
			/* From text - 1, the '\n' ending the From_ line, so
			 * that a From_ line right after it (an empty message)
			 * is found. */
			end = next_separator(mb, text - 1);
		} else {
			text = 0;
			end = next_separator(mb, 0);
		}
		if (mb->error)
			return -1;
		/* The window of an mbox in memory may hold more than max. */
		if (!mb->over && end <= mb->max)
			break;
		w = here(mb);
		mb->number++;
		if (mb->max % ((size_t)1 << 30) == 0)
			mld_warn_at(&w, "message longer than %zu GiB, skipped",
			    mb->max >> 30);
		else
			mld_warn_at(&w, "message longer than %zu bytes, "
			    "skipped", mb->max);
		if (mb->over)
			skip_rest(mb);
		else
			advance(mb, end);
		if (mb->error)
			return -1;
	}
	msg->crlf = eol > 0 && eol < mb->avail && mb->data[eol - 1] == '\r';
	if (has_from) {
		/* Without its line end: "\r\n", or a stray "\r\r\n". */
		msg->from_len = eol;
		while (msg->from_len > 0 && mb->data[msg->from_len - 1] == '\r')
			msg->from_len--;
	}
	/* Past the scanned end a trusted length brings bytes unseen. */
	msg->no_quoted_from = !mb->gt_from;
	msg->where = here(mb);
	cl_end = content_length_end(mb, text, end);
	if (mb->error)
		return -1;
	if (cl_end > end) {
		n = separators(mb, end, cl_end);
		mld_warn_at(&msg->where, "Content-Length spans %llu From_ "
		    "line%s, read as one message", (unsigned long long)n,
		    n == 1 ? "" : "s");
		end = cl_end;
		msg->no_quoted_from = false;
	}

	/* The blank line before the next From_ line is the separator's,
	 * and an empty message is that line alone; CRs make no line
	 * less blank ("\r\n", or a stray "\r\r\n"). */
	len = end - text;
	if (len > 0 && mb->data[text + len - 1] == '\n') {
		blank = len - 1;
		while (blank > 0 && mb->data[text + blank - 1] == '\r')
			blank--;
		if (blank == 0 || mb->data[text + blank - 1] == '\n')
			len = blank;
	}

	mb->number++;
	msg->span = end;
	msg->from_line = has_from ? mb->data : NULL;
	msg->raw = mb->data + text;
	msg->rawlen = len;
	mb->pos = end;
	if (!has_from)
		escape_lone(mb, msg);
	return 1;
}

/* Whether line[0..n) matches ^>+From (an mboxrd-escaped From_). */
static bool
is_quoted_from(const char *line, size_t n)
{
	size_t i = 0;

	while (i < n && line[i] == '>')
		i++;
	return i > 0 && n - i >= 5 && memcmp(line + i, "From ", 5) == 0;
}

bool
mld_has_from_line(const char *text, size_t len, enum mld_quotes q)
{
	const char *f = text, *end = text + len, *b;

	/* memchr for the 'F' is several times faster than memmem. */
	for (; (f = memchr(f, 'F', (size_t)(end - f))) != NULL; f++) {
		if (end - f < 5 || memcmp(f, "From ", 5) != 0)
			continue;
		for (b = f; b > text && b[-1] == '>'; b--)
			;
		if ((b != text && b[-1] != '\n') ||
		    (q == MLD_UNQUOTED && b != f) ||
		    (q == MLD_QUOTED && b == f))
			continue;
		return true;
	}
	return false;
}

bool
mld_msg_is_text(const struct mld_msg *msg)
{
	return msg->rawlen > 0 && msg->raw[msg->rawlen - 1] == '\n' &&
	    memchr(msg->raw, '\r', msg->rawlen) == NULL &&
	    (msg->no_quoted_from ||
	    !mld_has_from_line(msg->raw, msg->rawlen, MLD_QUOTED));
}

void
mld_msg_text(const struct mld_msg *msg, GString *out)
{
	const char *p = msg->raw, *end = msg->raw + msg->rawlen, *nl;
	size_t n;

	if (memchr(p, '\r', msg->rawlen) == NULL && (msg->no_quoted_from ||
	    !mld_has_from_line(p, msg->rawlen, MLD_QUOTED))) {
		g_string_append_len(out, p, (gssize)msg->rawlen);
	} else {
		for (; p < end; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (nl == NULL)
				nl = end;
			n = (size_t)(nl - p);
			/* Every CR: "\r\r\n" less one CR would still read
			 * as a CRLF line end, and the text would change
			 * each time it is written and read again.  So too
			 * on a last line without LF, which gets one below. */
			while (n > 0 && p[n - 1] == '\r')
				n--;
			if (is_quoted_from(p, n)) {
				p++;
				n--;
			}
			g_string_append_len(out, p, (gssize)n);
			if (nl < end)
				g_string_append_c(out, '\n');
			if (nl == end)
				break;
		}
	}
	if (out->len > 0 && out->str[out->len - 1] != '\n')
		g_string_append_c(out, '\n');
}

void
mld_mboxrd_escape(GString *out, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	size_t i;

	if (!mld_has_from_line(text, len, MLD_ANY_QUOTES)) {
		g_string_append_len(out, text, (gssize)len);
		return;
	}
	for (; p < end; p = nl) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl != NULL ? nl + 1 : end;
		for (i = 0; p + i < nl && p[i] == '>'; i++)
			;
		if ((size_t)(nl - p) - i >= 5 && memcmp(p + i, "From ", 5) == 0)
			g_string_append_c(out, '>');
		g_string_append_len(out, p, nl - p);
	}
}
