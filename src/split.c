/*
 * split.c - mbsplit's writers (see split.h).
 *
 * File names never come from message content: numbered files are
 * 0001, 0002... (at least four digits, as git mailsplit writes them), and
 * maildir files get the usual time.pid_seq.host names.  Files are written
 * with O_EXCL so that nothing is overwritten, and are fsynced only when
 * asked: the kernel's cost per file already dominates.
 */
#include "split.h"
#include "addr.h"
#include "date.h"
#include "header.h"
#include "text.h"
#include "tool.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *const mld_index_columns[] = { "n", "offset", "length", "date",
	"msgid", "from", "subject", "input", NULL };

enum { H_DATE, H_RECEIVED, H_MSGID, H_FROM, H_SUBJECT, NH };

static const char *const index_fields[NH] = {
	[H_DATE] = "Date", [H_RECEIVED] = "Received",
	[H_MSGID] = "Message-ID", [H_FROM] = "From", [H_SUBJECT] = "Subject",
};

void
mld_index_record(struct mld_rec *rec, uint64_t n, const struct mld_msg *m)
{
	static GString *v[NH];
	bool found[NH];
	int64_t when;
	char date[32] = "", *s;
	size_t i;

	/* Kept between calls: an archive is listed without a malloc per field. */
	for (i = 0; i < NH; i++)
		if (v[i] == NULL)
			v[i] = g_string_sized_new(256);
	mld_header_scan(m->raw, m->rawlen, index_fields, NH, v, found);
	mld_rec_add_u64(rec, n);
	mld_rec_add_u64(rec, m->where.offset);
	mld_rec_add_u64(rec, m->span);
	if (mld_date_pick(found[H_DATE] ? v[H_DATE]->str : NULL,
	    found[H_RECEIVED] ? v[H_RECEIVED]->str : NULL, m->from_line,
	    m->from_len, &when))
		mld_date_iso(when, date);
	mld_rec_add(rec, date);
	s = found[H_MSGID] ? mld_header_msgid(v[H_MSGID]->str) : NULL;
	mld_rec_add(rec, s);
	g_free(s);
	s = found[H_FROM] ? mld_addr_list_text(v[H_FROM]->str,
	    MLD_TEXT_LABEL, &m->where) : NULL;
	mld_rec_add(rec, s);
	g_free(s);
	s = found[H_SUBJECT] ? mld_text_decode(v[H_SUBJECT]->str,
	    MLD_TEXT_LABEL) : NULL;
	mld_rec_add(rec, s);
	g_free(s);
	mld_rec_add(rec, m->where.input);
}

/*
 * Whether the stored bytes are already canonical mboxrd: LF line ends, a
 * final newline, and no unquoted From_ line, so that unquoting and
 * quoting again would give them back unchanged.
 */
static bool
canonical(const struct mld_msg *m)
{
	return m->rawlen > 0 && m->raw[m->rawlen - 1] == '\n' &&
	    memchr(m->raw, '\r', m->rawlen) == NULL &&
	    !mld_has_from_line(m->raw, m->rawlen, MLD_UNQUOTED);
}

void
mld_mboxrd_write(FILE *f, const struct mld_msg *m, GString *scratch)
{
	if (m->from_line != NULL)
		fwrite(m->from_line, 1, m->from_len, f);
	else
		fputs(MLD_FROM_LINE, f);
	fputc('\n', f);
	if (canonical(m)) {
		fwrite(m->raw, 1, m->rawlen, f);
	} else {
		GString *text = g_string_sized_new(m->rawlen + 64);

		mld_msg_text(m, text);
		g_string_truncate(scratch, 0);
		mld_mboxrd_escape(scratch, text->str, text->len);
		fwrite(scratch->str, 1, scratch->len, f);
		g_string_free(text, TRUE);
	}
	fputc('\n', f);
}

static bool
is_dir(const char *dir, const char *sub)
{
	char *p = g_build_filename(dir, sub, NULL);
	struct stat st;
	bool ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);

	g_free(p);
	return ok;
}

bool
mld_dirout_open(struct mld_dirout *d, const char *dir, uint64_t first,
    bool do_fsync)
{
	char host[256];

	memset(d, 0, sizeof *d);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		mld_err("%s: %s", dir, strerror(errno));
		return false;
	}
	if (!is_dir(dir, ".")) {
		mld_err("%s: not a directory", dir);
		return false;
	}
	d->dir = g_strdup(dir);
	d->maildir = is_dir(dir, "cur") && is_dir(dir, "new") &&
	    is_dir(dir, "tmp");
	d->fsync = do_fsync;
	d->next = first;
	if (gethostname(host, sizeof host) != 0)
		strcpy(host, "localhost");
	host[sizeof host - 1] = '\0';
	/* '/' and ':' cannot stand in a maildir name. */
	g_strdelimit(host, "/:", '_');
	d->host = g_strdup(host);
	d->path = g_string_new(NULL);
	return true;
}

void
mld_dirout_close(struct mld_dirout *d)
{
	g_free(d->dir);
	g_free(d->host);
	if (d->path != NULL)
		g_string_free(d->path, TRUE);
	memset(d, 0, sizeof *d);
}

static bool
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Creates path exclusively and writes text[0..len) to it. */
static bool
write_file(const char *path, const char *text, size_t len, bool do_fsync)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	bool ok;

	if (fd < 0) {
		mld_err("%s: %s", path, strerror(errno));
		return false;
	}
	ok = write_all(fd, text, len) &&
	    (!do_fsync || fsync(fd) == 0);
	if (!ok)
		mld_err("%s: %s", path, strerror(errno));
	if (close(fd) != 0 && ok) {
		mld_err("%s: %s", path, strerror(errno));
		ok = false;
	}
	if (!ok)
		unlink(path);
	return ok;
}

const char *
mld_dirout_write(struct mld_dirout *d, const struct mld_msg *m,
    GString *scratch)
{
	GString *tmp;
	uint64_t seq = d->next++;
	const char *text = m->raw;
	size_t len = m->rawlen;

	/* Most messages are stored as they are to be written: no copy. */
	if (!mld_msg_is_text(m)) {
		g_string_truncate(scratch, 0);
		mld_msg_text(m, scratch);
		text = scratch->str;
		len = scratch->len;
	}
	if (!d->maildir) {
		g_string_printf(d->path, "%s/%04llu", d->dir,
		    (unsigned long long)seq);
		return write_file(d->path->str, text, len, d->fsync) ?
		    d->path->str : NULL;
	}
	/* Maildir: write under tmp, then name it into new in one rename. */
	tmp = g_string_new(NULL);
	g_string_printf(tmp, "%s/tmp/%lld.%ld_%llu.%s", d->dir,
	    (long long)time(NULL), (long)getpid(), (unsigned long long)seq,
	    d->host);
	if (!write_file(tmp->str, text, len, d->fsync)) {
		g_string_free(tmp, TRUE);
		return NULL;
	}
	g_string_printf(d->path, "%s/new/%s", d->dir,
	    strrchr(tmp->str, '/') + 1);
	if (rename(tmp->str, d->path->str) != 0) {
		mld_err("%s: %s", d->path->str, strerror(errno));
		unlink(tmp->str);
		g_string_free(tmp, TRUE);
		return NULL;
	}
	g_string_free(tmp, TRUE);
	return d->path->str;
}
