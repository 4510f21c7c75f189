/*
 * record.h - line records: UTF-8, one record per line, fields separated
 * by TAB.  Inside a field backslash, TAB, LF and CR are written \\ \t \n
 * \r and nothing else is escaped.  A line starting with '#' names the
 * columns ("#kind\tdate..."); readers skip it, and use it to find fields
 * by name.
 */
#ifndef MLD_RECORD_H
#define MLD_RECORD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

/* Appends s[0..len) to out, escaped. */
void mld_rec_escape(GString *out, const char *s, size_t len);
/*
 * Unescapes the NUL-terminated field in place.  Returns false on a
 * backslash followed by anything but \ t n r (or by nothing).
 */
bool mld_rec_unescape(char *field);

/* A record being written: fields are appended, then the line is written. */
struct mld_rec {
	GString *buf;
	unsigned nfields;
};

void mld_rec_init(struct mld_rec *r);
void mld_rec_free(struct mld_rec *r);
void mld_rec_add(struct mld_rec *r, const char *s);	/* NULL = empty */
void mld_rec_addn(struct mld_rec *r, const char *s, size_t len);
void mld_rec_add_u64(struct mld_rec *r, uint64_t v);
/* Writes the record and its newline to f and empties it. */
void mld_rec_write(struct mld_rec *r, FILE *f);
/* Writes "#col1\tcol2...\n"; cols ends with NULL. */
void mld_rec_write_header(FILE *f, const char *const *cols);
/*
 * Whether f is a regular file that already holds data: records appended
 * to it (procmail's ">>" for each delivered message) need no header.
 */
bool mld_rec_output_has_data(FILE *f);

/* A reader of records from one stream. */
struct mld_recin {
	FILE *f;
	const char *name;	/* for diagnostics */
	uint64_t lineno;
	uint64_t bytes;		/* read so far, newlines included */
	char *line;		/* the current line, in buf */
	char *buf;		/* what was read and not yet taken */
	size_t cap, start, len, scanned;	/* buf's size, the next
				 * line, the end of the data, and how far
				 * past start no LF was found */
	bool eof;
	GPtrArray *fields;	/* char *, into line */
	GByteArray *escaped;	/* per field: not yet unescaped */
	const char *unchecked;	/* the column mld_recin_unchecked names */
	int unchecked_dflt, unchecked_at;
	uint64_t unchecked_headers;	/* the header unchecked_at is of */
	GPtrArray *header;	/* char *, owned: names of the last '#' line */
	uint64_t headers;	/* '#' lines read: a reader caching column
				 * places looks them up again when it moves */
};

/* Opens path ("-" = stdin); returns false and reports when it cannot. */
bool mld_recin_open(struct mld_recin *in, const char *path);
/* Reads from f, which mld_recin_close then closes (unless stdin). */
void mld_recin_init(struct mld_recin *in, FILE *f, const char *name);
void mld_recin_close(struct mld_recin *in);

enum mld_recin_status {
	MLD_REC_EOF = 0,
	MLD_REC_OK = 1,
	MLD_REC_BAD = -1,	/* bad escape: reported, counted, skip it */
	MLD_REC_ERROR = -2,	/* read error: reported, stop */
};
/*
 * Reads the next record, skipping (and remembering) '#' header lines.
 * A record with a NUL byte or a bad escape (in a column not left
 * unchecked) is reported and counted: MLD_REC_BAD.
 */
enum mld_recin_status mld_recin_next(struct mld_recin *in);
/*
 * Field i of the current record (0-based), unescaped, or NULL past the
 * last one.  A field is unescaped in place when first asked for: a
 * reader takes it through here, never from in->fields.
 */
const char *mld_recin_field(const struct mld_recin *in, unsigned i);
/*
 * Field i as written, its escapes kept, for a reader that looks through
 * a long field for a few lines: NULL past the last field, or once
 * mld_recin_field has unescaped it.
 */
const char *mld_recin_escaped(const struct mld_recin *in, unsigned i);
/*
 * Leaves the escapes of one column (by name, at dflt without a header
 * line) unchecked by mld_recin_next: a bad one there does not skip the
 * record.  For a reader that takes that column with mld_recin_escaped
 * alone, or not at all, and so copes with a bad escape itself.
 */
void mld_recin_unchecked(struct mld_recin *in, const char *column, int dflt);
/*
 * Index of the column named `name` in the last header line, or `dflt`
 * when there is no header or it has no such column.
 */
int mld_recin_column(const struct mld_recin *in, const char *name, int dflt);

/* A field holding a decimal number up to 1,000,000, else dflt (an empty
 * field, or one that is not such a number). */
unsigned mld_rec_decimal(const char *s, unsigned dflt);

#endif
