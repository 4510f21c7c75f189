/*
 * seen.c - the reported-patch set and its seen-state file (see seen.h).
 * The whole set is held in memory; it grows by a few keys per patch
 * reported, which stays small for years of a busy list.
 */
#include "seen.h"
#include "record.h"
#include "tool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
mld_seen_init(struct mld_seen *s)
{
	s->path = NULL;
	s->keys = g_ptr_array_new_with_free_func(g_free);
	s->set = g_hash_table_new(g_str_hash, g_str_equal);
}

void
mld_seen_free(struct mld_seen *s)
{
	g_hash_table_destroy(s->set);
	g_ptr_array_free(s->keys, TRUE);
	g_free(s->path);
	s->path = NULL;
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
	k = g_strdup(key);
	g_ptr_array_add(s->keys, k);
	g_hash_table_add(s->set, k);
}

bool
mld_seen_load(struct mld_seen *s, const char *path)
{
	struct mld_recin in;
	enum mld_recin_status st;
	const char *key;

	g_free(s->path);
	s->path = g_strdup(path);
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	if (!mld_recin_open(&in, path))
		return false;
	while ((st = mld_recin_next(&in)) != MLD_REC_EOF) {
		if (st == MLD_REC_ERROR)
			break;
		/* A bad line was reported and counted by the reader. */
		if (st == MLD_REC_BAD)
			continue;
		key = mld_recin_field(&in, 0);
		if (key != NULL && *key != '\0')
			mld_seen_add(s, key);
	}
	mld_recin_close(&in);
	return st == MLD_REC_EOF;
}

/* Writes every key to f; false on a write error. */
static bool
write_keys(const struct mld_seen *s, FILE *f)
{
	static const char *const cols[] = { "key", NULL };
	GString *line = g_string_new(NULL);
	unsigned i;

	mld_rec_write_header(f, cols);
	for (i = 0; i < s->keys->len; i++) {
		const char *k = g_ptr_array_index(s->keys, i);

		g_string_truncate(line, 0);
		mld_rec_escape(line, k, strlen(k));
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
copy_mode(int fd, const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0) {
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

/* Writes the keys to tmp and renames it over path; false with errno set. */
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
	return rename(tmp, s->path) == 0;
}

bool
mld_seen_save(const struct mld_seen *s)
{
	char *tmp = g_strdup_printf("%s.XXXXXX", s->path);
	const char *what;
	int fd;

	if ((fd = mkstemp(tmp)) < 0) {
		mld_err("%s: cannot create: %s", tmp, strerror(errno));
		g_free(tmp);
		return false;
	}
	copy_mode(fd, s->path);
	if (!replace(s, fd, tmp, &what)) {
		mld_err("%s: cannot %s %s: %s", s->path, what, tmp,
		    strerror(errno));
		unlink(tmp);
		g_free(tmp);
		return false;
	}
	sync_dir(s->path);
	g_free(tmp);
	return true;
}
