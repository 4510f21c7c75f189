/*
 * split.c - mbsplit's writers (see split.h).
 *
 * File names never come from message content: numbered files are
 * 0001, 0002... (at least four digits, as git mailsplit writes them), and
 * maildir files get names in the style of Dovecot's,
 * time.MusecPpidQseqRrandom.host: the pid alone is not unique (two runs
 * in pid namespaces share pids), so 64 random bits are added.  Nothing is
 * ever replaced: files are created with O_EXCL, and moved from tmp to new
 * with a rename that refuses an existing name (a new name is then
 * drawn).  Files are fsynced only when asked: the kernel's cost per file
 * already dominates.
 */
#include "split.h"
#include "addr.h"
#include "date.h"
#include "header.h"
#include "text.h"
#include "tool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

/* Attempts at a fresh maildir name before giving up. */
enum { NAME_TRIES = 16 };

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
	if (!mld_is_dir(dir, ".")) {
		mld_err("%s: not a directory", dir);
		return false;
	}
	d->dir = g_strdup(dir);
	d->maildir = mld_is_dir(dir, "cur") && mld_is_dir(dir, "new") &&
	    mld_is_dir(dir, "tmp");
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

/*
 * Creates path exclusively and writes text[0..len) to it.  An existing
 * path is left alone and reported unless quiet_exists (the caller then
 * tries another name: errno is EEXIST).
 */
static bool
write_file(const char *path, const char *text, size_t len, bool do_fsync,
    bool quiet_exists)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	bool ok;

	if (fd < 0) {
		if (!quiet_exists || errno != EEXIST)
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

int
mld_rename_noreplace(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* A file system without the flag: a link cannot replace either. */
	if (link(from, to) != 0)
		return -1;
	unlink(from);
	return 0;
}

/* The unique part of a maildir name: time.MusecPpidQseqRrandom.host. */
static void
maildir_name(GString *out, const struct mld_dirout *d, uint64_t seq)
{
	struct timeval tv;
	uint64_t r;

	gettimeofday(&tv, NULL);
	if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r)
		r = ((uint64_t)g_random_int() << 32) | g_random_int();
	g_string_printf(out, "%lld.M%06ldP%ldQ%lluR%016llx.%s",
	    (long long)tv.tv_sec, (long)tv.tv_usec, (long)getpid(),
	    (unsigned long long)seq, (unsigned long long)r, d->host);
}

/*
 * Maildir delivery: the file is written under tmp, then named into new
 * in one step that never replaces a file; a name taken in either place
 * is drawn again.
 */
static const char *
maildir_write(struct mld_dirout *d, uint64_t seq, const char *text,
    size_t len)
{
	GString *name = g_string_new(NULL), *tmp = g_string_new(NULL);
	const char *got = NULL;
	bool taken = true;	/* the last name tried was taken */
	int i;

	for (i = 0; got == NULL && taken && i < NAME_TRIES; i++) {
		maildir_name(name, d, seq);
		g_string_printf(tmp, "%s/tmp/%s", d->dir, name->str);
		if (!write_file(tmp->str, text, len, d->fsync, true)) {
			taken = errno == EEXIST;
			continue;
		}
		g_string_printf(d->path, "%s/new/%s", d->dir, name->str);
		if (mld_rename_noreplace(tmp->str, d->path->str) == 0) {
			got = d->path->str;
			continue;
		}
		if (!(taken = errno == EEXIST))
			mld_err("%s: %s", d->path->str, strerror(errno));
		unlink(tmp->str);
	}
	if (got == NULL && taken)
		mld_err("%s: no free name in %d tries", d->dir, NAME_TRIES);
	g_string_free(name, TRUE);
	g_string_free(tmp, TRUE);
	return got;
}

const char *
mld_dirout_write(struct mld_dirout *d, const struct mld_msg *m,
    GString *scratch)
{
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
		return write_file(d->path->str, text, len, d->fsync, false) ?
		    d->path->str : NULL;
	}
	return maildir_write(d, seq, text, len);
}
