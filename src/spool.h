/*
 * spool.h - records kept in a temporary file until they are needed: an
 * unlinked file in TMPDIR, so that memory holds only where each record
 * lies, and nothing is left behind however the program ends.
 *
 * A record is a fixed number of strings, each written as its length then
 * its bytes: any string comes back as it went in (a leading '#', TAB,
 * newline, backslash, the empty string), which a line format would have
 * to escape.  The file is private to the process that writes it.
 *
 * Limits: any failure to create, write or read the file ends the program
 * (mld_fatal): a digest must not be printed from records partly lost.
 */
#ifndef MLD_SPOOL_H
#define MLD_SPOOL_H

#include <stdint.h>

struct mld_spool;

/* A spool; its file is made at the first record. */
struct mld_spool *mld_spool_new(void);
void mld_spool_free(struct mld_spool *sp);

/* Appends a record of n strings (NULL = empty); returns where it lies. */
uint64_t mld_spool_put(struct mld_spool *sp, const char *const *fields,
    unsigned n);
/*
 * Makes every record written reach the file.  Reading calls it; call it
 * first to learn of a full disk before anything is printed.
 */
void mld_spool_settle(struct mld_spool *sp);
/* Reads back the n strings of the record at off into fields (g_free). */
void mld_spool_get(struct mld_spool *sp, uint64_t off, char **fields,
    unsigned n);

#endif
