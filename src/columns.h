/*
 * columns.h - the columns of a patchinfo record, one per message, and of
 * a posting record, one per posting (below).  Message columns, as
 * DESIGN.md and patchinfo(1) list them: their names, which the '#'
 * header line spells, and their places.  patchinfo writes them in this
 * order; every reader takes a column by its name in the header line and
 * falls back on its place here when the input has none.  Columns are only
 * ever appended, so an old reader still finds the ones it knows.
 */
#ifndef MLD_COLUMNS_H
#define MLD_COLUMNS_H

enum mld_col {
	MLD_COL_KIND,		/* cover, patch, reply, pull, other, notice */
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
	MLD_COL_APPLIED,	/* a reply's line saying it was applied */
	MLD_NCOLS
};

/* The names of the columns, by enum mld_col, then NULL. */
extern const char *const mld_columns[MLD_NCOLS + 1];

/*
 * The columns of a posting record, one per posting, as seriesinfo(1)
 * writes them and digestfmt(1) reads them: the same rules.
 */
enum mld_pcol {
	MLD_PCOL_KEY,		/* the posting key */
	MLD_PCOL_KIND,		/* series, pull */
	MLD_PCOL_LINEAGE,	/* shared by every version of a series */
	MLD_PCOL_VERSION,
	MLD_PCOL_TOTAL,
	MLD_PCOL_TITLE,
	MLD_PCOL_SUBJECT,	/* of the cover, else of the first patch */
	MLD_PCOL_AUTHOR,	/* the same message's sender */
	MLD_PCOL_CONTRIBUTOR,
	MLD_PCOL_FIRST,		/* dates of its oldest and newest message */
	MLD_PCOL_LAST,
	MLD_PCOL_PRESENT,	/* how many of patches 1..total it has */
	MLD_PCOL_MISSING,	/* the numbers it lacks, "2,4-6" */
	MLD_PCOL_COVER,		/* Message-IDs of the cover, first patch */
	MLD_PCOL_PATCH,
	MLD_PCOL_REPLIES,	/* replies from others, and how many people */
	MLD_PCOL_REPLIERS,
	MLD_PCOL_REVIEWED,	/* the people who gave each trailer */
	MLD_PCOL_ACKED,
	MLD_PCOL_TESTED,
	MLD_PCOL_NACKED,
	MLD_PCOL_APPLIED,	/* date of the first applied mark */
	MLD_PCOL_REVISIONS,	/* patches revised in place (v3.1, inline) */
	MLD_PCOL_PREVIOUS,	/* key, version and date of the one before */
	MLD_PCOL_PREVIOUS_VERSION,
	MLD_PCOL_PREVIOUS_DATE,
	MLD_PCOL_NEWER,		/* key of the next version, if in the input */
	MLD_NPCOLS
};

/* The names of the posting columns, by enum mld_pcol, then NULL. */
extern const char *const mld_pcolumns[MLD_NPCOLS + 1];

#endif
