/*
 * spool.c - the temporary file of records (see spool.h).  A string is
 * its length in 8 bytes of the machine's order, then its bytes: the file
 * never leaves the process that wrote it.
 */
#include "spool.h"
#include "tool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

struct mld_spool {
	FILE *f;		/* NULL until the first record */
	uint64_t size;		/* bytes written to it */
	bool reading;		/* the file was last read, not written */
};

struct mld_spool *
mld_spool_new(void)
{
	return g_new0(struct mld_spool, 1);
}

void
mld_spool_free(struct mld_spool *sp)
{
	if (sp == NULL)
		return;
	if (sp->f != NULL)
		fclose(sp->f);
	g_free(sp);
}

/* A failure of the file itself, or a record that is not what was put. */
_Noreturn static void
failed(void)
{
	mld_fatal("temporary file: %s", errno != 0 ? strerror(errno) :
	    "cannot read it back");
}

static FILE *
spool_open(void)
{
	char *path = g_build_filename(g_get_tmp_dir(), "digestfmt-XXXXXX",
	    NULL);
	int fd = mkstemp(path);
	FILE *f;

	if (fd < 0)
		mld_fatal("%s: %s", path, strerror(errno));
	unlink(path);
	if ((f = fdopen(fd, "w+")) == NULL)
		mld_fatal("%s: %s", path, strerror(errno));
	g_free(path);
	return f;
}

uint64_t
mld_spool_put(struct mld_spool *sp, const char *const *fields, unsigned n)
{
	uint64_t off = sp->size, len;
	unsigned i;

	if (sp->f == NULL)
		sp->f = spool_open();
	/* C wants a seek between reading and writing a stream. */
	if (sp->reading && fseeko(sp->f, 0, SEEK_END) != 0)
		failed();
	sp->reading = false;
	for (i = 0; i < n; i++) {
		const char *s = fields[i] != NULL ? fields[i] : "";

		len = strlen(s);
		if (fwrite(&len, sizeof len, 1, sp->f) != 1 ||
		    fwrite(s, 1, len, sp->f) != len)
			failed();
		sp->size += sizeof len + len;
	}
	return off;
}

void
mld_spool_settle(struct mld_spool *sp)
{
	if (sp->f == NULL || sp->reading)
		return;
	if (fflush(sp->f) != 0)
		failed();
	sp->reading = true;
}

void
mld_spool_get(struct mld_spool *sp, uint64_t off, char **fields,
    unsigned n)
{
	uint64_t len;
	unsigned i;

	mld_spool_settle(sp);
	errno = 0;
	if (sp->f == NULL || off > sp->size ||
	    fseeko(sp->f, (off_t)off, SEEK_SET) != 0)
		failed();
	for (i = 0; i < n; i++) {
		errno = 0;
		if (fread(&len, sizeof len, 1, sp->f) != 1 ||
		    len > sp->size - off)
			failed();
		fields[i] = g_malloc(len + 1);
		if (fread(fields[i], 1, len, sp->f) != len)
			failed();
		fields[i][len] = '\0';
	}
}
