/*
 * ident.h - who a record is from: the addresses in one field of a line
 * record, read with the address parser of addr.h (never grepped), mapped
 * through a mailmap, filtered for bots, and counted as people, domains
 * or organisations in a tally.  This is the work of domtally(1).
 *
 * A field may hold an address list ("Name <a@b>, c@d", groups too);
 * each distinct key it yields counts once for the record.  An address
 * without '@' is a person of its own but has no domain: in the domain
 * and organisation tallies it counts as MLD_IDENT_NO_DOMAIN.
 */
#ifndef MLD_IDENT_H
#define MLD_IDENT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

#include "bots.h"
#include "columns.h"
#include "mailmap.h"
#include "orgmap.h"
#include "record.h"
#include "tally.h"
#include "tool.h"

#define MLD_IDENT_NO_DOMAIN "(no domain)"

enum mld_ident_mode {
	MLD_IDENT_PEOPLE,	/* key: lower-cased address; variant: name */
	MLD_IDENT_DOMAIN,	/* key: lower-cased domain */
	MLD_IDENT_ORG,		/* key: organisation, else the domain */
};

/*
 * What each distinct field gave, so that a contributor seen ten thousand
 * times is parsed once.  Holds at most MLD_IDENT_MEMO_MAX fields; when
 * full it starts afresh, or, if it missed more often than it hit, stops:
 * on fields that hardly repeat it costs more than it saves.
 */
#define MLD_IDENT_MEMO_MAX 65536
struct mld_ident_memo {
	GHashTable *fields;	/* field text -> what it gave */
	uint64_t hits, misses;	/* since it last started afresh */
	bool off;
};

struct mld_ident_memo *mld_ident_memo_new(void);
void mld_ident_memo_free(struct mld_ident_memo *m);

/* Progress over several inputs: lines and bytes of the inputs done. */
struct mld_ident_progress {
	struct mld_progress pr;
	uint64_t lines, bytes;
};

struct mld_ident_cfg {
	enum mld_ident_mode mode;
	const struct mld_mailmap *mailmap;	/* NULL: none */
	const struct mld_orgmap *orgmap;	/* used in MLD_IDENT_ORG */
	const struct mld_bots *bots;		/* NULL: bots count */
	unsigned field;		/* 1-based field number; 0: by column */
	const char *column;	/* header name when field is 0 */
	struct mld_ident_memo *memo;		/* NULL: parse every field */
	struct mld_ident_progress *progress;	/* NULL: none */
};

/* A new tally for cfg's mode (people get mld_addr_label). */
struct mld_tally *mld_ident_tally_new(const struct mld_ident_cfg *cfg);

/* What mld_ident_count returns for a field it cannot count. */
#define MLD_IDENT_NONE (-1)	/* the field holds no address */
#define MLD_IDENT_DEEP (-2)	/* its groups nest too deeply (addr.h) */

/*
 * Adds n for each distinct key in an address-list field.  Returns the
 * number of keys counted (0 when every address was a bot), or one of
 * the negative values above.
 */
int mld_ident_count(const struct mld_ident_cfg *cfg, struct mld_tally *t,
    const char *field, uint64_t n);

/*
 * Counts every record of in.  The field is cfg->field, else the column
 * named cfg->column in the last '#' header; without a header, a record
 * of one field is that field and a longer one is patchinfo's (field
 * MLD_COL_CONTRIBUTOR).  Bad records are reported with their line
 * number and skipped.  Returns false when in cannot be read on (a read
 * error, or a header without the column).
 */
bool mld_ident_read(const struct mld_ident_cfg *cfg, struct mld_tally *t,
    struct mld_recin *in);

/*
 * Adds the rows of a tally printed by mld_tally_write (without cut or
 * percentages) read from f: in the people mode each label is read back
 * as an address and counted as a record would be, weighted by its
 * count; in the other modes the label is the key.  Bad lines are
 * reported and skipped.  Returns false on a read error.
 */
bool mld_ident_merge(const struct mld_ident_cfg *cfg, struct mld_tally *t,
    FILE *f, const char *name);

#endif
