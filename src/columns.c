/*
 * columns.c - the names of the patchinfo record columns and posting record columns (see
 * columns.h).
 */
#include "columns.h"

#include <stddef.h>

const char *const mld_columns[MLD_NCOLS + 1] = {
	[MLD_COL_KIND] = "kind",
	[MLD_COL_DATE] = "date",
	[MLD_COL_MSGID] = "msgid",
	[MLD_COL_SERIES] = "series",
	[MLD_COL_VERSION] = "version",
	[MLD_COL_N] = "n",
	[MLD_COL_TOTAL] = "total",
	[MLD_COL_PREFIX] = "prefix",
	[MLD_COL_AUTHOR] = "author",
	[MLD_COL_CONTRIBUTOR] = "contributor",
	[MLD_COL_SUBJECT] = "subject",
	[MLD_COL_TITLE] = "title",
	[MLD_COL_DIFFSTAT] = "diffstat",
	[MLD_COL_TRAILERS] = "trailers",
	[MLD_COL_BODY] = "body",
	[MLD_COL_PARENT] = "parent",
	[MLD_COL_ROOT] = "root",
	[MLD_COL_CHANGEID] = "changeid",
	[MLD_COL_APPLIED] = "applied",
	[MLD_NCOLS] = NULL,
};

const char *const mld_pcolumns[MLD_NPCOLS + 1] = {
	[MLD_PCOL_KEY] = "key",
	[MLD_PCOL_KIND] = "kind",
	[MLD_PCOL_LINEAGE] = "lineage",
	[MLD_PCOL_VERSION] = "version",
	[MLD_PCOL_TOTAL] = "total",
	[MLD_PCOL_TITLE] = "title",
	[MLD_PCOL_SUBJECT] = "subject",
	[MLD_PCOL_AUTHOR] = "author",
	[MLD_PCOL_CONTRIBUTOR] = "contributor",
	[MLD_PCOL_FIRST] = "first",
	[MLD_PCOL_LAST] = "last",
	[MLD_PCOL_PRESENT] = "present",
	[MLD_PCOL_MISSING] = "missing",
	[MLD_PCOL_COVER] = "cover",
	[MLD_PCOL_PATCH] = "patch",
	[MLD_PCOL_REPLIES] = "replies",
	[MLD_PCOL_REPLIERS] = "repliers",
	[MLD_PCOL_REVIEWED] = "reviewed",
	[MLD_PCOL_ACKED] = "acked",
	[MLD_PCOL_TESTED] = "tested",
	[MLD_PCOL_NACKED] = "nacked",
	[MLD_PCOL_APPLIED] = "applied",
	[MLD_PCOL_REVISIONS] = "revisions",
	[MLD_PCOL_PREVIOUS] = "previous",
	[MLD_PCOL_PREVIOUS_VERSION] = "previous_version",
	[MLD_PCOL_PREVIOUS_DATE] = "previous_date",
	[MLD_PCOL_NEWER] = "newer",
	[MLD_NPCOLS] = NULL,
};
