/*
 * render-email.c - the email form of the digest (see render-email.h).
 */
#include "render-email.h"
#include "render-html.h"
#include "render-text.h"
#include "spool.h"
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <gmime/gmime.h>

struct email {
	struct mld_render r;
	struct mld_render *text, *html;
	FILE *textf, *htmlf;	/* what each has rendered */
	GChecksum *sum;		/* of the text */
	InternetAddressList *from, *to;
	char *subject;
};

/* Moves what the two forms rendered to their files. */
static void
spill(struct email *m)
{
	g_checksum_update(m->sum, (const guchar *)m->text->out->str,
	    (gssize)m->text->out->len);
	if (fwrite(m->text->out->str, 1, m->text->out->len, m->textf) !=
	    m->text->out->len || fwrite(m->html->out->str, 1,
	    m->html->out->len, m->htmlf) != m->html->out->len)
		mld_fatal("temporary file: %s", strerror(errno));
	g_string_truncate(m->text->out, 0);
	g_string_truncate(m->html->out, 0);
}


static void
head(struct mld_render *r, const struct mld_digest_head *h)
{
	struct email *m = (struct email *)r;

	m->subject = mld_digest_title(h);
	MLD_RENDER(m->text, head, m->text, h);
	MLD_RENDER(m->html, head, m->html, h);
	spill(m);
}

static void
tally(struct mld_render *r, const struct mld_digest_tally *t)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, tally, m->text, t);
	MLD_RENDER(m->html, tally, m->html, t);
	spill(m);
}

static void
list_begin(struct mld_render *r, enum mld_digest_list l, size_t n)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, list_begin, m->text, l, n);
	MLD_RENDER(m->html, list_begin, m->html, l, n);
	spill(m);
}

static void
item(struct mld_render *r, const struct mld_digest_item *it)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, item, m->text, it);
	MLD_RENDER(m->html, item, m->html, it);
	spill(m);
}

static void
list_end(struct mld_render *r, enum mld_digest_list l)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, list_end, m->text, l);
	MLD_RENDER(m->html, list_end, m->html, l);
	spill(m);
}

static void
msgs_begin(struct mld_render *r)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, msgs_begin, m->text);
	MLD_RENDER(m->html, msgs_begin, m->html);
	spill(m);
}

static void
posting_begin(struct mld_render *r, size_t index)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, posting_begin, m->text, index);
	MLD_RENDER(m->html, posting_begin, m->html, index);
	spill(m);
}

static void
msg(struct mld_render *r, const struct mld_digest_msg *dm)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, msg, m->text, dm);
	MLD_RENDER(m->html, msg, m->html, dm);
	spill(m);
}

static void
posting_end(struct mld_render *r, size_t index)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, posting_end, m->text, index);
	MLD_RENDER(m->html, posting_end, m->html, index);
	spill(m);
}

static void
msgs_end(struct mld_render *r)
{
	struct email *m = (struct email *)r;

	MLD_RENDER(m->text, msgs_end, m->text);
	MLD_RENDER(m->html, msgs_end, m->html);
	spill(m);
}

/*
 * A UTF-8 text/<subtype> part holding what f holds, quoted-printable: a
 * digest is mostly ASCII, and no line is then longer than 76.
 * (g_mime_text_part_set_text would convert the text to the smallest
 * charset that holds it.)
 */
static GMimeObject *
part(const char *subtype, FILE *f)
{
	GMimeTextPart *p = g_mime_text_part_new_with_subtype(subtype);
	GMimeStream *st;
	GMimeDataWrapper *w;

	if (fflush(f) != 0 || ferror(f) || fseeko(f, 0, SEEK_SET) != 0)
		mld_fatal("temporary file: %s", strerror(errno));
	st = g_mime_stream_file_new(f);
	g_mime_stream_file_set_owner(GMIME_STREAM_FILE(st), FALSE);
	w = g_mime_data_wrapper_new_with_stream(st,
	    GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(GMIME_PART(p), w);
	g_object_unref(w);
	g_object_unref(st);
	g_mime_text_part_set_charset(p, "utf-8");
	g_mime_part_set_content_encoding(GMIME_PART(p),
	    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	return GMIME_OBJECT(p);
}

/* The time of the message: SOURCE_DATE_EPOCH when set, else now. */
static GDateTime *
date(void)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long t;
	char *end;

	if (env != NULL && *env >= '0' && *env <= '9') {
		errno = 0;
		t = strtoll(env, &end, 10);
		if (errno == 0 && *end == '\0')
			return g_date_time_new_from_unix_utc(t);
	}
	return g_date_time_new_now_utc();
}

/* The domain of the first From mailbox, for the Message-ID. */
static const char *
domain(InternetAddressList *l)
{
	InternetAddress *a;
	const char *addr, *at;

	if (internet_address_list_length(l) > 0 &&
	    INTERNET_ADDRESS_IS_MAILBOX(a = internet_address_list_get_address(
	    l, 0)) && (addr = internet_address_mailbox_get_addr(
	    INTERNET_ADDRESS_MAILBOX(a))) != NULL &&
	    (at = strrchr(addr, '@')) != NULL && at[1] != '\0')
		return at + 1;
	return "mldigest.invalid";
}

/* Writes the message to out. */
static void
end(struct mld_render *r, FILE *out)
{
	struct email *m = (struct email *)r;
	GMimeMessage *msg = g_mime_message_new(TRUE);
	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
	GMimeStream *st;
	GMimeObject *text, *html;
	GDateTime *when = date();
	FILE *mail;
	char buf[65536];
	size_t n;
	const char *sum;
	char *id, *boundary;

	MLD_RENDER(m->text, end, m->text, NULL);
	MLD_RENDER(m->html, end, m->html, NULL);
	spill(m);
	sum = g_checksum_get_string(m->sum);
	internet_address_list_append(g_mime_message_get_from(msg), m->from);
	internet_address_list_append(g_mime_message_get_addresses(msg,
	    GMIME_ADDRESS_TYPE_TO), m->to);
	g_mime_message_set_subject(msg, m->subject, "utf-8");
	g_mime_message_set_date(msg, when);
	id = g_strdup_printf("mldigest.%.32s@%s", sum, domain(m->from));
	g_mime_message_set_message_id(msg, id);
	boundary = g_strdup_printf("=-mldigest-%.24s", sum);
	g_mime_multipart_set_boundary(alt, boundary);
	text = part("plain", m->textf);
	html = part("html", m->htmlf);
	g_mime_multipart_add(alt, text);
	g_mime_multipart_add(alt, html);
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(alt));
	/*
	 * GMime's file stream needs a file it can seek in, which a pipe is
	 * not: the message is written to one, then copied to out.
	 */
	mail = mld_spool_tmpfile();
	st = g_mime_stream_file_new(mail);
	g_mime_stream_file_set_owner(GMIME_STREAM_FILE(st), FALSE);
	if (g_mime_object_write_to_stream(GMIME_OBJECT(msg), NULL, st) < 0 ||
	    g_mime_stream_flush(st) != 0 || fseeko(mail, 0, SEEK_SET) != 0)
		mld_fatal("temporary file: %s", strerror(errno));
	g_object_unref(st);
	while ((n = fread(buf, 1, sizeof buf, mail)) > 0)
		fwrite(buf, 1, n, out);
	if (ferror(mail))
		mld_fatal("temporary file: %s", strerror(errno));
	fclose(mail);
	g_object_unref(text);
	g_object_unref(html);
	g_object_unref(alt);
	g_object_unref(msg);
	g_date_time_unref(when);
	g_free(boundary);
	g_free(id);
}

static void
free_email(struct mld_render *r)
{
	struct email *m = (struct email *)r;

	mld_render_free(m->text);
	mld_render_free(m->html);
	fclose(m->textf);
	fclose(m->htmlf);
	g_checksum_free(m->sum);
	if (m->from != NULL)
		g_object_unref(m->from);
	if (m->to != NULL)
		g_object_unref(m->to);
	g_free(m->subject);
}

static const struct mld_render_ops ops = {
	.head = head,
	.tally = tally,
	.list_begin = list_begin,
	.item = item,
	.list_end = list_end,
	.msgs_begin = msgs_begin,
	.posting_begin = posting_begin,
	.msg = msg,
	.posting_end = posting_end,
	.msgs_end = msgs_end,
	.end = end,
	.free = free_email,
};

/* The addresses of s, or NULL when it holds none. */
static InternetAddressList *
addresses(const char *s)
{
	InternetAddressList *l = internet_address_list_parse(NULL, s);

	if (l != NULL && internet_address_list_length(l) == 0) {
		g_object_unref(l);
		l = NULL;
	}
	return l;
}

struct mld_render *
mld_render_email(const struct mld_email_opts *opts)
{
	InternetAddressList *from = addresses(opts->from);
	InternetAddressList *to = addresses(opts->to);
	struct email *m;

	if (from == NULL || to == NULL) {
		if (from != NULL)
			g_object_unref(from);
		if (to != NULL)
			g_object_unref(to);
		return NULL;
	}
	m = (struct email *)mld_render_alloc(&ops, sizeof *m);
	m->text = mld_render_text();
	m->html = mld_render_html();
	m->textf = mld_spool_tmpfile();
	m->htmlf = mld_spool_tmpfile();
	m->sum = g_checksum_new(G_CHECKSUM_SHA256);
	m->from = from;
	m->to = to;
	return &m->r;
}
