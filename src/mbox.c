/*
 * mbox.c - the mbox reader (see mbox.h for the dialects it reads).
 *
 * Messages are found with memchr for the 'F' of "\nFrom ", which is
 * close to the speed of reading the file; every hit is then checked for
 * the shape of a From_ line.  A mapped file is one window over the whole
 * input; a pipe is a growing buffer that is compacted between messages,
 * so a message always lies whole and contiguous in memory.
 *
 * Limits: a Content-Length larger than 1 GiB is not trusted, so that one
 * bad header cannot make a pipe reader hold the rest of the input.
 */
#include "mbox.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (1u << 20)
#define MAX_CONTENT_LENGTH (1ull << 30)

struct mld_mbox {
	const char *name;
	int fd;
	const char *data;	/* the window: map, or buf */
	size_t avail;		/* bytes valid in the window */
	bool eof;		/* nothing more can come after avail */
	char *buf;		/* pipe buffer (NULL when mapped) */
	size_t cap;
	void *map;
	size_t maplen;
	uint64_t base;		/* input offset of data[0] */
	size_t pos;		/* where the next message starts */
	uint64_t number;
	bool gt_from;		/* the scan passed a ">F" */
	bool started;
	bool error;		/* a read error was reported */
};

static bool
map_file(struct mld_mbox *mb)
{
	struct stat st;
	off_t at;

	if (fstat(mb->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	/* Start where the descriptor stands: "(head -n 5; mbsplit) <f". */
	at = lseek(mb->fd, 0, SEEK_CUR);
	if (at < 0 || at > st.st_size)
		return false;
	mb->eof = true;
	if (st.st_size == 0) {
		mb->data = "";
		return true;
	}
	mb->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
	    mb->fd, 0);
	if (mb->map == MAP_FAILED) {
		mb->map = NULL;
		mb->eof = false;
		return false;
	}
	mb->maplen = (size_t)st.st_size;
	madvise(mb->map, mb->maplen, MADV_SEQUENTIAL);
	mb->data = mb->map;
	mb->avail = mb->maplen;
	mb->pos = (size_t)at;
	return true;
}

struct mld_mbox *
mld_mbox_open(const char *path)
{
	struct mld_mbox *mb = g_new0(struct mld_mbox, 1);

	mb->name = mld_input_name(path);
	if ((mb->fd = mld_open_input(path)) < 0) {
		g_free(mb);
		return NULL;
	}
	if (!map_file(mb)) {
		mb->cap = 4 * READ_CHUNK;
		mb->buf = g_malloc(mb->cap);
		mb->data = mb->buf;
	}
	return mb;
}

struct mld_mbox *
mld_mbox_open_mem(const char *data, size_t len, const char *name)
{
	struct mld_mbox *mb = g_new0(struct mld_mbox, 1);

	mb->name = name;
	mb->fd = -1;
	mb->data = len > 0 ? data : "";
	mb->avail = len;
	mb->eof = true;
	return mb;
}

void
mld_mbox_close(struct mld_mbox *mb)
{
	if (mb == NULL)
		return;
	if (mb->map != NULL)
		munmap(mb->map, mb->maplen);
	if (mb->fd > 0)
		close(mb->fd);
	g_free(mb->buf);
	g_free(mb);
}

/*
 * Reads more input into the window.  Returns false at end of input or on
 * a read error (reported); mb->eof is then set.
 */
static bool
refill(struct mld_mbox *mb)
{
	ssize_t n;

	if (mb->eof)
		return false;
	if (mb->cap - mb->avail < READ_CHUNK) {
		mb->cap = mb->cap * 2 + READ_CHUNK;
		mb->buf = g_realloc(mb->buf, mb->cap);
		mb->data = mb->buf;
	}
	do
		n = read(mb->fd, mb->buf + mb->avail, mb->cap - mb->avail);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		if (n < 0) {
			mld_err("%s: read error: %s", mb->name,
			    strerror(errno));
			mb->error = true;
		}
		mb->eof = true;
		return false;
	}
	mb->avail += (size_t)n;
	return true;
}

/*
 * Drops what was consumed from the front of a pipe buffer, once it is
 * half the buffer: the bytes moved are then paid for by those consumed.
 */
static void
compact(struct mld_mbox *mb)
{
	if (mb->buf == NULL || mb->pos < mb->cap / 2)
		return;
	memmove(mb->buf, mb->buf + mb->pos, mb->avail - mb->pos);
	mb->base += mb->pos;
	mb->avail -= mb->pos;
	mb->pos = 0;
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

	if (len > 0 && line[len - 1] == '\r')
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

/* Whether a From_ line starts at `at` (which begins a line). */
static bool
from_line_at(struct mld_mbox *mb, size_t at)
{
	size_t eol;

	if (at + 5 > mb->avail && !mb->eof) {
		while (at + 5 > mb->avail && refill(mb))
			;
	}
	if (at + 5 > mb->avail || memcmp(mb->data + at, "From ", 5) != 0)
		return false;
	eol = line_end(mb, at);
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

/* Index of the next From_ line at or after `from`, or avail at the end. */
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
 * One pass over the header block starting at text: sets *body to where
 * the body starts (0 when the header never ends) and returns the
 * Content-Length, or -1.
 */
static long long
scan_header(struct mld_mbox *mb, size_t text, size_t *body)
{
	size_t at = text, eol;
	long long cl = -1;

	*body = 0;
	for (;;) {
		eol = line_end(mb, at);
		if (eol == mb->avail)
			return -1;
		if (eol == at || (eol == at + 1 && mb->data[at] == '\r')) {
			*body = eol + 1;
			return cl;
		}
		if (cl < 0 && (mb->data[at] | 0x20) == 'c')
			cl = content_length(mb->data + at, mb->data + eol);
		at = eol + 1;
	}
}

/*
 * Where a message whose text starts at `text` ends if its Content-Length
 * is trusted, or 0: the length must land on the end of the input, or on
 * a From_ line after at most one blank line.
 */
static size_t
content_length_end(struct mld_mbox *mb, size_t text)
{
	size_t body, at;
	long long cl = scan_header(mb, text, &body);

	if (body == 0 || cl < 0 || (unsigned long long)cl > MAX_CONTENT_LENGTH)
		return 0;
	at = body + (size_t)cl;
	while (at > mb->avail && refill(mb))
		;
	if (at == mb->avail && mb->eof)
		return at;
	if (at >= mb->avail || (at > 0 && mb->data[at - 1] != '\n'))
		return 0;
	if (from_line_at(mb, at))
		return at;
	if (mb->data[at] == '\r')
		at++;
	if (at < mb->avail && mb->data[at] == '\n' && from_line_at(mb, at + 1))
		return at + 1;
	return 0;
}

/* Skips blank lines before the first message; false if nothing is left. */
static bool
skip_leading_blank(struct mld_mbox *mb)
{
	for (;;) {
		while (mb->pos >= mb->avail)
			if (!refill(mb))
				return false;
		if (mb->data[mb->pos] == '\n')
			mb->pos++;
		else if (mb->data[mb->pos] == '\r' && mb->pos + 1 < mb->avail &&
		    mb->data[mb->pos + 1] == '\n')
			mb->pos += 2;
		else if (mb->data[mb->pos] == '\r' && mb->pos + 1 == mb->avail &&
		    refill(mb))
			continue;
		else
			return true;
	}
}

int
mld_mbox_next(struct mld_mbox *mb, struct mld_msg *msg)
{
	size_t start, text, end, cl_end, eol, len, blank;
	bool has_from;

	compact(mb);
	if (!mb->started) {
		mb->started = true;
		if (!skip_leading_blank(mb))
			return mb->error ? -1 : 0;
	}
	if (mb->pos >= mb->avail && !refill(mb))
		return mb->error ? -1 : 0;
	start = mb->pos;
	memset(msg, 0, sizeof *msg);
	eol = line_end(mb, start);
	msg->crlf = eol > start && eol < mb->avail &&
	    mb->data[eol - 1] == '\r';
	has_from = from_line_at(mb, start);
	mb->gt_from = false;
	if (has_from) {
		msg->from_len = eol - start - (msg->crlf ? 1 : 0);
		text = eol < mb->avail ? eol + 1 : eol;
		/* From text - 1, the '\n' ending the From_ line, so that a
		 * From_ line right after it (an empty message) is found. */
		end = next_separator(mb, text - 1);
	} else {
		text = start;
		end = next_separator(mb, start);
	}
	/* Past the scanned end a trusted length brings bytes unseen. */
	msg->no_quoted_from = !mb->gt_from;
	cl_end = content_length_end(mb, text);
	if (cl_end > end) {
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

	msg->where.input = mb->name;
	msg->where.number = ++mb->number;
	msg->where.offset = mb->base + start;
	msg->span = end - start;
	msg->from_line = has_from ? mb->data + start : NULL;
	msg->raw = mb->data + text;
	msg->rawlen = len;
	mb->pos = end;
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
