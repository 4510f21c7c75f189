/*
 * columns.h - the columns of a patchinfo record, one per message, as
 * DESIGN.md and patchinfo(1) list them: their names, which the '#'
 * header line spells, and their places.  patchinfo writes them in this
 * order; every reader takes a column by its name in the header line and
 * falls back on its place here when the input has none.  Columns are only
 * ever appended, so an old reader still finds the ones it knows.
 */
#ifndef MLD_COLUMNS_H
#define MLD_COLUMNS_H

enum mld_col {
	MLD_COL_KIND,		/* cover, patch, reply, pull, other */
	MLD_COL_DATE,		/* ISO 8601 UTC */
	MLD_COL_MSGID,
	MLD_COL_SERIES,		/* the key of the posting */
	MLD_COL_VERSION,
	MLD_COL_N,
	MLD_COL_TOTAL,
	MLD_COL_PREFIX,
	MLD_COL_AUTHOR,
	MLD_COL_CONTRIBUTOR,
	MLD_COL_SUBJECT,
	MLD_COL_TITLE,
	MLD_COL_DIFFSTAT,
	MLD_COL_TRAILERS,
	MLD_COL_BODY,
	MLD_COL_PARENT,		/* the Message-ID it answers (In-Reply-To) */
	MLD_COL_ROOT,		/* its thread's first message (References) */
	MLD_COL_CHANGEID,	/* b4's change-id of the series, or empty */
	MLD_NCOLS
};

/* The names of the columns, by enum mld_col, then NULL. */
extern const char *const mld_columns[MLD_NCOLS + 1];

#endif
