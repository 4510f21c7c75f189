/*
 * columns.c - the names of the patchinfo record columns (see columns.h).
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
	[MLD_NCOLS] = NULL,
};
