/*
 * render-text.h - the digest as plain text, the reference digest's form
 * (digestfmt(1) gives it to the byte): the form to read in a terminal or
 * a mail, and the one the other forms follow.
 */
#ifndef MLD_RENDER_TEXT_H
#define MLD_RENDER_TEXT_H

#include "render.h"

struct mld_render *mld_render_text(void);

#endif
