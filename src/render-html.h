/*
 * render-html.h - the digest as one self-contained HTML page: inline
 * CSS, no script, nothing fetched from elsewhere, so that it reads the
 * same offline, on a web server and in a mail client.  The tallies are
 * horizontal bar charts drawn by CSS widths, the patch list links to each
 * posting's entries (#p1, #p2...) and shows its status as badges, and
 * each posting's entries are one <section class="posting">.
 *
 * Everything from mail is shown as the text form shows it (text.h: no
 * control character, bidirectional overrides written <U+202E>), then
 * HTML-escaped (markup.h), and each name and subject is set in <bdi>, so
 * that right-to-left text stays inside its own element.
 *
 * Limits: mail clients that drop <style> show the page unstyled, but the
 * bars keep their inline widths.
 */
#ifndef MLD_RENDER_HTML_H
#define MLD_RENDER_HTML_H

#include "render.h"

struct mld_render *mld_render_html(void);

#endif
