/*
 * seen.c - the reported-patch set and its seen-state file (see seen.h).
 * The keys lie in one string chunk: a set of years of a busy list is
 * hundreds of thousands of small strings.
 */
#include "seen.h"
#include "record.h"
#include "tool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one column, and the header line the file opens with. */
#define COLUMN "key"
#define HEADER "#" COLUMN

/* Symbolic links followed to find the file, as the kernel allows. */
#define MAX_LINKS 40

void
mld_seen_init(struct mld_seen *s)
{
	s->path = NULL;
	s->target = NULL;
	s->fd = -1;
	s->made = false;
	s->keys = g_ptr_array_new();
	s->count = 0;
	s->set = g_hash_table_new(g_str_hash, g_str_equal);
	s->values = g_hash_table_new(g_str_hash, g_str_equal);
	s->strings = g_string_chunk_new(1 << 14);
}

/* Unlocks the file; one made by the load and never saved goes again. */
static void
release(struct mld_seen *s)
{
	if (s->fd < 0)
		return;
	if (s->made)
		unlink(s->target);
	close(s->fd);
	s->fd = -1;
	s->made = false;
}

void
mld_seen_free(struct mld_seen *s)
{
	release(s);
	g_hash_table_destroy(s->set);
	g_hash_table_destroy(s->values);
	g_ptr_array_free(s->keys, TRUE);
	g_string_chunk_free(s->strings);
	g_free(s->path);
	g_free(s->target);
	s->path = s->target = NULL;
}

bool
mld_seen_has(const struct mld_seen *s, const char *key)
{
	return g_hash_table_contains(s->set, key);
}

void
mld_seen_add(struct mld_seen *s, const char *key)
{
	char *k;

	if (mld_seen_has(s, key))
		return;
	k = g_string_chunk_insert(s->strings, key);
	g_ptr_array_add(s->keys, k);
	g_hash_table_insert(s->set, k, GUINT_TO_POINTER(s->keys->len));
	s->count++;
}

const char *
mld_seen_get(const struct mld_seen *s, const char *key)
{
	return g_hash_table_lookup(s->values, key);
}

void
mld_seen_set(struct mld_seen *s, const char *key, const char *value)
{
	gpointer k, at;
	const char *had;

	if (g_hash_table_lookup_extended(s->set, key, &k, &at)) {
		had = g_hash_table_lookup(s->values, k);
		if (had != NULL && strcmp(had, value) == 0 &&
		    GPOINTER_TO_UINT(at) == s->keys->len)
			return;
		g_ptr_array_index(s->keys, GPOINTER_TO_UINT(at) - 1) = NULL;
		g_ptr_array_add(s->keys, k);
		g_hash_table_insert(s->set, k, GUINT_TO_POINTER(s->keys->len));
	} else {
		mld_seen_add(s, key);
		k = g_ptr_array_index(s->keys, s->keys->len - 1);
	}
	g_hash_table_insert(s->values, k,
	    g_string_chunk_insert_const(s->strings, value));
}

/* path with every symbolic link followed (the last may lead nowhere
 * yet), or NULL with errno set after too many. */
static char *
follow(const char *path)
{
	char *p = g_strdup(path), *t, *dir;
	int i;

	for (i = 0; i <= MAX_LINKS; i++) {
		if ((t = g_file_read_link(p, NULL)) == NULL)
			return p;
		if (!g_path_is_absolute(t)) {
			dir = g_path_get_dirname(p);
			g_free(p);
			p = g_build_filename(dir, t, NULL);
			g_free(dir);
			g_free(t);
		} else {
			g_free(p);
			p = t;
		}
	}
	g_free(p);
	errno = ELOOP;
	return NULL;
}

/*
 * Opens and locks s->target, made empty when it does not exist.  A file
 * replaced while the lock was awaited (the run before saved) is opened
 * again.  Never blocks on a FIFO, never writes what is not ours.
 */
static bool
lock(struct mld_seen *s)
{
	struct stat st, now;
	int fd;

	for (;;) {
		s->made = false;
		fd = open(s->target, O_RDONLY | O_NONBLOCK | O_NOFOLLOW |
		    O_CLOEXEC);
		if (fd < 0 && errno == ENOENT) {
			fd = open(s->target, O_RDONLY | O_CREAT | O_EXCL |
			    O_NOFOLLOW | O_CLOEXEC, 0666);
			if (fd < 0 && errno == EEXIST)
				continue;
			s->made = fd >= 0;
		}
		if (fd < 0) {
			mld_err("%s: %s", s->path, strerror(errno));
			return false;
		}
		s->fd = fd;
		if (fstat(fd, &st) != 0) {
			mld_err("%s: %s", s->path, strerror(errno));
			return false;
		}
		if (!S_ISREG(st.st_mode)) {
			mld_err("%s: not a regular file, left untouched",
			    s->path);
			return false;
		}
		while (flock(fd, LOCK_EX) != 0) {
			if (errno != EINTR) {
				mld_err("%s: cannot lock: %s", s->path,
				    strerror(errno));
				return false;
			}
		}
		if (lstat(s->target, &now) == 0 && now.st_dev == st.st_dev &&
		    now.st_ino == st.st_ino)
			return true;
		/* Another run replaced or removed it: not ours to undo. */
		s->made = false;
		close(fd);
		s->fd = -1;
	}
}

/* Whether the locked file is empty or opens with the header line. */
static bool
is_seen_file(const struct mld_seen *s)
{
	char head[sizeof HEADER];
	ssize_t n;

	do
		n = pread(s->fd, head, sizeof head, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		mld_err("%s: %s", s->path, strerror(errno));
		return false;
	}
	/* Columns may be appended after the key, as in every record. */
	if (n != 0 && (n != (ssize_t)sizeof head ||
	    memcmp(head, HEADER, sizeof head - 1) != 0 ||
	    (head[sizeof head - 1] != '\n' && head[sizeof head - 1] != '\t'))) {
		mld_err("%s: not a seen file (it does not begin with a "
		    "\"" HEADER "\" line), left untouched", s->path);
		return false;
	}
	return true;
}

static bool
read_keys(struct mld_seen *s)
{
	struct mld_recin in;
	enum mld_recin_status st;
	const char *key, *value;
	int fd = dup(s->fd);
	FILE *f;

	if (fd < 0 || (f = fdopen(fd, "r")) == NULL) {
		mld_err("%s: %s", s->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	mld_recin_init(&in, f, s->path);
	while ((st = mld_recin_next(&in)) != MLD_REC_EOF) {
		if (st == MLD_REC_ERROR)
			break;
		/* A bad line was reported and counted by the reader. */
		if (st == MLD_REC_BAD)
			continue;
		key = mld_recin_field(&in, 0);
		value = mld_recin_field(&in, 1);
		if (key != NULL && *key != '\0' && value != NULL &&
		    *value != '\0')
			mld_seen_set(s, key, value);
		else if (key != NULL && *key != '\0')
			mld_seen_add(s, key);
	}
	mld_recin_close(&in);
	return st == MLD_REC_EOF;
}

bool
mld_seen_load(struct mld_seen *s, const char *path)
{
	release(s);
	g_free(s->path);
	g_free(s->target);
	s->path = g_strdup(path);
	if ((s->target = follow(path)) == NULL) {
		mld_err("%s: %s", path, strerror(errno));
		return false;
	}
	if (!lock(s) || !is_seen_file(s) || !read_keys(s)) {
		release(s);
		return false;
	}
	return true;
}

/* Writes the last MLD_SEEN_MAX keys to f; false on a write error. */
static bool
write_keys(const struct mld_seen *s, FILE *f)
{
	/* The value column is named only when a key has one. */
	static const char *const cols[] = { COLUMN, "value", NULL };
	static const char *const keyonly[] = { COLUMN, NULL };
	GString *line = g_string_new(NULL);
	unsigned i, drop = s->count > MLD_SEEN_MAX ? s->count - MLD_SEEN_MAX :
	    0;
	const char *v;

	mld_rec_write_header(f, g_hash_table_size(s->values) > 0 ? cols :
	    keyonly);
	for (i = 0; i < s->keys->len; i++) {
		const char *k = g_ptr_array_index(s->keys, i);

		if (k == NULL)
			continue;
		if (drop > 0) {
			drop--;
			continue;
		}
		g_string_truncate(line, 0);
		mld_rec_escape(line, k, strlen(k));
		if ((v = g_hash_table_lookup(s->values, k)) != NULL) {
			g_string_append_c(line, '\t');
			mld_rec_escape(line, v, strlen(v));
		}
		g_string_append_c(line, '\n');
		fwrite(line->str, 1, line->len, f);
	}
	g_string_free(line, TRUE);
	return fflush(f) == 0 && !ferror(f);
}

/*
 * The new file keeps the old one's permissions; a first one gets those
 * the umask allows, as any file the user creates.
 */
static void
copy_mode(int fd, const struct mld_seen *s)
{
	struct stat st;
	mode_t mask;

	if ((s->fd >= 0 && fstat(s->fd, &st) == 0) ||
	    stat(s->target, &st) == 0) {
		fchmod(fd, st.st_mode & 07777);
		return;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
}

/* Makes the rename itself durable; not every file system can. */
static void
sync_dir(const char *path)
{
	char *dir = g_path_get_dirname(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	g_free(dir);
}

/* Writes the keys to tmp and renames it over the target; false with
 * errno set. */
static bool
replace(const struct mld_seen *s, int fd, const char *tmp, const char **what)
{
	FILE *f = fdopen(fd, "w");
	bool ok;
	int e;

	*what = "write";
	if (f == NULL) {
		e = errno;
		close(fd);
		errno = e;
		return false;
	}
	ok = write_keys(s, f);
	if (ok) {
		*what = "sync";
		ok = fsync(fd) == 0;
	}
	e = errno;
	if (fclose(f) != 0 && ok) {
		*what = "close";
		return false;
	}
	errno = e;
	if (!ok)
		return false;
	*what = "rename";
	return rename(tmp, s->target) == 0;
}

bool
mld_seen_save(struct mld_seen *s)
{
	char *tmp = g_strdup_printf("%s.XXXXXX", s->target);
	const char *what;
	int fd, held;

	if ((fd = mkstemp(tmp)) < 0) {
		mld_err("%s: cannot create: %s", tmp, strerror(errno));
		g_free(tmp);
		return false;
	}
	/*
	 * The new file is locked before it takes the old one's name, so that
	 * a run starting now waits as one that started earlier does.  Its
	 * lock lives on in a descriptor of its own.
	 */
	held = dup(fd);
	if (held < 0 || flock(held, LOCK_EX) != 0) {
		mld_err("%s: cannot lock %s: %s", s->path, tmp,
		    strerror(errno));
		if (held >= 0)
			close(held);
		close(fd);
		unlink(tmp);
		g_free(tmp);
		return false;
	}
	copy_mode(fd, s);
	if (!replace(s, fd, tmp, &what)) {
		mld_err("%s: cannot %s %s: %s", s->path, what, tmp,
		    strerror(errno));
		close(held);
		unlink(tmp);
		g_free(tmp);
		return false;
	}
	sync_dir(s->target);
	g_free(tmp);
	if (s->fd >= 0)
		close(s->fd);
	s->fd = held;
	s->made = false;
	return true;
}
