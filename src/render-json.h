/*
 * render-json.h - the digest as one JSON document (RFC 8259) for bots
 * and dashboards: the period, the tallies, the postings with their
 * status and the entries, in the order of the text form; digestfmt(1)
 * gives every field.  Fields are only ever added.
 *
 * Strings are the records' own, not made safe for a terminal: a reader
 * gets the data, escaped as JSON needs (markup.h); invalid UTF-8 never
 * reaches the output.  One element of an array is one line, so that the
 * document diffs well; jq shows it indented.
 */
#ifndef MLD_RENDER_JSON_H
#define MLD_RENDER_JSON_H

#include "render.h"

struct mld_render *mld_render_json(void);

#endif
