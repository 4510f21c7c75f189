/*
 * render-markdown.h - the digest in CommonMark: a heading per section
 * and per entry, the tallies as pipe tables, the patch list as an
 * ordered list of links, each commit message in a fenced code block.
 *
 * Text from mail is made safe for a terminal, then every character that
 * CommonMark could read as markup is backslash-escaped (markup.h); a
 * commit message's fence is longer than any run of backticks in it, so
 * nothing in a body ends its block.
 *
 * Limits: the pipe tables are the GitHub Flavored Markdown extension; a
 * renderer of strict CommonMark shows their lines as a paragraph.
 */
#ifndef MLD_RENDER_MARKDOWN_H
#define MLD_RENDER_MARKDOWN_H

#include "render.h"

struct mld_render *mld_render_markdown(void);

#endif
