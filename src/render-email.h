/*
 * render-email.h - the digest as a complete MIME message, ready for
 * `sendmail -t`: multipart/alternative of the text form and the html
 * form, each UTF-8 in quoted-printable, under From and To given by the
 * user, a Subject that is the digest's title, a Date and a Message-ID.
 *
 * The two forms are rendered side by side from the same calls, so they
 * hold the same entries, each part as it comes into a temporary file of
 * its own (spool.h): memory does not grow with the digest.  The message
 * is built with GMime once both are whole, its parts read from those
 * files as it is written.  The Message-ID and the MIME boundary are made
 * from a SHA-256 of the text form, so the same digest is the same
 * message; the Date is now, or SOURCE_DATE_EPOCH when it is set (as
 * reproducible builds do).
 *
 * Limits: the digest waits on disk, about twice the size of its text,
 * until the message is written, and then the message, before it is
 * copied out.
 */
#ifndef MLD_RENDER_EMAIL_H
#define MLD_RENDER_EMAIL_H

#include "render.h"

/* A renderer of the email form, or NULL when opts->from or opts->to
 * holds no address. */
struct mld_render *mld_render_email(const struct mld_email_opts *opts);

#endif
