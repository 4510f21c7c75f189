/*
 * record.c - the line-record writer and reader (see record.h).  Records
 * are written whole with one fwrite, so a killed writer leaves at most a
 * truncated last line, which the reader then reports.
 */
#include "record.h"
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The reader's first buffer: what it asks of the input at a time. */
#define READ_SIZE (1 << 17)

/* The letter after the backslash for each byte that is escaped, or 0. */
static const char escape_letter[256] = {
	['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r',
};

/* Eight bytes, each c. */
#define BYTES(c) (UINT64_C(0x0101010101010101) * (c))

/*
 * Whether one of the eight bytes of w is a backslash or below 0x0e (TAB,
 * LF and CR are): the word then needs a look byte by byte.
 */
static bool
may_escape(uint64_t w)
{
	uint64_t bs = w ^ BYTES('\\');

	return (((w - BYTES(0x0e)) & ~w) | ((bs - BYTES(1)) & ~bs)) &
	    BYTES(0x80);
}

/* Writes p[0..n) escaped at o; returns the end of what it wrote. */
static char *
escape_bytes(char *o, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (escape_letter[p[i]] != 0) {
			*o++ = '\\';
			*o++ = escape_letter[p[i]];
		} else {
			*o++ = (char)p[i];
		}
	}
	return o;
}

void
mld_rec_escape(GString *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t at = out->len;
	uint64_t w;
	char *o;

	/* Room for every byte escaped, then written in place: a body has
	 * an escape on each line, and a call for each cost more than the
	 * copy.  Words without an escape go eight bytes at a time. */
	g_string_set_size(out, at + 2 * len);
	o = out->str + at;
	for (; end - p >= 8; p += 8) {
		memcpy(&w, p, 8);
		if (may_escape(w)) {
			o = escape_bytes(o, p, 8);
		} else {
			memcpy(o, p, 8);
			o += 8;
		}
	}
	o = escape_bytes(o, p, (size_t)(end - p));
	g_string_truncate(out, (gsize)(o - out->str));
}

/* What an escape stands for: \\ \t \n \r; '\0' for no escape. */
static char
unescaped(char c)
{
	switch (c) {
	case '\\': return '\\';
	case 't': return '\t';
	case 'n': return '\n';
	case 'r': return '\r';
	default: return '\0';
	}
}

bool
mld_rec_unescape(char *field)
{
	char *r = strchr(field, '\\'), *w;

	if (r == NULL)
		return true;
	/* A byte at a time: a body has an escape a line, too many for a
	 * call to strchr each. */
	for (w = r; *r != '\0'; r++) {
		if (*r != '\\')
			*w++ = *r;
		else if ((*w++ = unescaped(*++r)) == '\0')
			return false;
	}
	*w = '\0';
	return true;
}

void
mld_rec_init(struct mld_rec *r)
{
	r->buf = g_string_sized_new(1024);
	r->nfields = 0;
}

void
mld_rec_free(struct mld_rec *r)
{
	g_string_free(r->buf, TRUE);
	r->buf = NULL;
}

void
mld_rec_addn(struct mld_rec *r, const char *s, size_t len)
{
	if (r->nfields++ > 0)
		g_string_append_c(r->buf, '\t');
	if (s != NULL)
		mld_rec_escape(r->buf, s, len);
}

void
mld_rec_add(struct mld_rec *r, const char *s)
{
	mld_rec_addn(r, s, s != NULL ? strlen(s) : 0);
}

void
mld_rec_add_u64(struct mld_rec *r, uint64_t v)
{
	char buf[24], *p = buf + sizeof buf;

	/* Offsets and numbers are on every index line: no printf. */
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	mld_rec_addn(r, p, (size_t)(buf + sizeof buf - p));
}

void
mld_rec_write(struct mld_rec *r, FILE *f)
{
	g_string_append_c(r->buf, '\n');
	fwrite(r->buf->str, 1, r->buf->len, f);
	g_string_truncate(r->buf, 0);
	r->nfields = 0;
}

void
mld_rec_write_header(FILE *f, const char *const *cols)
{
	const char *const *c;

	for (c = cols; *c != NULL; c++)
		fprintf(f, "%c%s", c == cols ? '#' : '\t', *c);
	fputc('\n', f);
}

bool
mld_rec_output_has_data(FILE *f)
{
	struct stat st;

	return fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0;
}

void
mld_recin_init(struct mld_recin *in, FILE *f, const char *name)
{
	memset(in, 0, sizeof *in);
	in->f = f;
	in->name = name;
	in->fields = g_ptr_array_new();
	in->escaped = g_byte_array_new();
	in->unchecked_at = -1;
	in->header = g_ptr_array_new_with_free_func(g_free);
}

bool
mld_recin_open(struct mld_recin *in, const char *path)
{
	FILE *f = mld_fopen_input(path);

	if (f == NULL) {
		memset(in, 0, sizeof *in);
		return false;
	}
	mld_recin_init(in, f, mld_input_name(path));
	return true;
}

void
mld_recin_close(struct mld_recin *in)
{
	mld_fclose_input(in->f);
	g_free(in->buf);
	if (in->fields != NULL)
		g_ptr_array_free(in->fields, TRUE);
	if (in->escaped != NULL)
		g_byte_array_free(in->escaped, TRUE);
	if (in->header != NULL)
		g_ptr_array_free(in->header, TRUE);
	memset(in, 0, sizeof *in);
}

/* Splits line at TABs into in->fields (pointers into line). */
static void
split(struct mld_recin *in, char *line)
{
	char *tab;

	g_ptr_array_set_size(in->fields, 0);
	for (;;) {
		g_ptr_array_add(in->fields, line);
		if ((tab = strchr(line, '\t')) == NULL)
			break;
		*tab = '\0';
		line = tab + 1;
	}
}

static void
remember_header(struct mld_recin *in, char *line)
{
	unsigned i;

	split(in, line + 1);
	g_ptr_array_set_size(in->header, 0);
	for (i = 0; i < in->fields->len; i++)
		g_ptr_array_add(in->header,
		    g_strdup(g_ptr_array_index(in->fields, i)));
	g_ptr_array_set_size(in->fields, 0);
	in->headers++;
}

/*
 * The first backslash of line[0..n) that does not start an escape (a
 * TAB after it is the end of its field), or NULL.
 */
static const char *
bad_escape(const char *line, size_t n)
{
	const char *p = line, *end = line + n;

	for (; (p = memchr(p, '\\', (size_t)(end - p))) != NULL; p += 2)
		if (unescaped(p[1]) == '\0')
			return p;
	return NULL;
}

/*
 * The first field of the record just split, of the line's n bytes, with
 * a bad escape (1-based), or 0 when there is none.  The unchecked
 * column is left to its reader.
 */
static unsigned
bad_field(const struct mld_recin *in, size_t n)
{
	const char *f, *end;
	unsigned i, nf = in->fields->len;

	for (i = 0; i < nf; i++) {
		if ((int)i == in->unchecked_at)
			continue;
		f = g_ptr_array_index(in->fields, i);
		end = i + 1 < nf ?
		    (const char *)g_ptr_array_index(in->fields, i + 1) - 1 :
		    in->line + n;
		if (bad_escape(f, (size_t)(end - f)) != NULL)
			return i + 1;
	}
	return 0;
}

/*
 * Reads more input into buf, after what is left of it (moved to the
 * front, the buffer doubled when full).  Returns false on a read error.
 */
static bool
fill(struct mld_recin *in)
{
	size_t r;

	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->len - in->start);
		in->len -= in->start;
		in->start = 0;
	}
	/* One byte is kept for the NUL after a last line without LF. */
	if (in->len + 1 >= in->cap) {
		in->cap = in->cap == 0 ? READ_SIZE : in->cap * 2;
		in->buf = g_realloc(in->buf, in->cap);
	}
	/* glibc reads a request this large straight into buf. */
	r = fread(in->buf + in->len, 1, in->cap - in->len - 1, in->f);
	in->len += r;
	in->eof = feof(in->f);
	return !ferror(in->f);
}

/*
 * Sets in->line to the next line, read in place, its LF replaced by a
 * NUL, and returns its length; -1 at the end of the input, -2 on a read
 * error.  Not getline: it copies every line out of stdio's buffer.
 */
static ssize_t
next_line(struct mld_recin *in)
{
	char *nl;
	size_t n;

	for (;;) {
		n = in->len - in->start - in->scanned;
		/* Nothing read yet is no buffer at all. */
		nl = n == 0 ? NULL :
		    memchr(in->buf + in->start + in->scanned, '\n', n);
		if (nl != NULL || in->eof)
			break;
		in->scanned = in->len - in->start;
		if (!fill(in))
			return -2;
	}
	if (nl == NULL && in->start == in->len)
		return -1;
	in->line = in->buf + in->start;
	n = nl != NULL ? (size_t)(nl - in->line) : in->len - in->start;
	in->line[n] = '\0';
	in->start += n + (nl != NULL);
	in->bytes += n + (nl != NULL);
	in->scanned = 0;
	return (ssize_t)n;
}

enum mld_recin_status
mld_recin_next(struct mld_recin *in)
{
	unsigned bad;
	ssize_t n;

	for (;;) {
		if ((n = next_line(in)) < 0) {
			if (n == -1)
				return MLD_REC_EOF;
			mld_err("%s: read error: %s", in->name,
			    strerror(errno));
			return MLD_REC_ERROR;
		}
		in->lineno++;
		if (memchr(in->line, '\0', (size_t)n) != NULL) {
			mld_warn_line(in->name, in->lineno,
			    "NUL byte in record, skipped");
			mld_count_skip();
			return MLD_REC_BAD;
		}
		if (in->line[0] == '#') {
			remember_header(in, in->line);
			continue;
		}
		break;
	}
	/* Checked now, unescaped when asked for: most readers want a few
	 * short fields, not the body. */
	split(in, in->line);
	if (in->headers != in->unchecked_headers) {
		in->unchecked_at = in->unchecked == NULL ? -1 :
		    mld_recin_column(in, in->unchecked, in->unchecked_dflt);
		in->unchecked_headers = in->headers;
	}
	if ((bad = bad_field(in, (size_t)n)) != 0) {
		mld_warn_line(in->name, in->lineno,
		    "field %u: bad backslash escape, skipped", bad);
		mld_count_skip();
		return MLD_REC_BAD;
	}
	g_byte_array_set_size(in->escaped, in->fields->len);
	memset(in->escaped->data, 1, in->fields->len);
	return MLD_REC_OK;
}

const char *
mld_recin_field(const struct mld_recin *in, unsigned i)
{
	char *f;

	if (i >= in->fields->len)
		return NULL;
	f = g_ptr_array_index(in->fields, i);
	if (in->escaped->data[i]) {
		mld_rec_unescape(f);
		in->escaped->data[i] = 0;
	}
	return f;
}

void
mld_recin_unchecked(struct mld_recin *in, const char *column, int dflt)
{
	in->unchecked = column;
	in->unchecked_dflt = dflt;
	in->unchecked_headers = UINT64_MAX;
}

const char *
mld_recin_escaped(const struct mld_recin *in, unsigned i)
{
	if (i >= in->fields->len || !in->escaped->data[i])
		return NULL;
	return g_ptr_array_index(in->fields, i);
}

int
mld_recin_column(const struct mld_recin *in, const char *name, int dflt)
{
	unsigned i;

	for (i = 0; i < in->header->len; i++)
		if (strcmp(g_ptr_array_index(in->header, i), name) == 0)
			return (int)i;
	return dflt;
}

unsigned
mld_rec_decimal(const char *s, unsigned dflt)
{
	char *end;
	unsigned long v;

	if (s == NULL || *s < '0' || *s > '9')
		return dflt;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > 1000000)
		return dflt;
	return (unsigned)v;
}
