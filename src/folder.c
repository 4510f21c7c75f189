/*
 * folder.c - maildirs and MH folders (see folder.h).
 */
#include "folder.h"
#include "msgfile.h"
#include "tool.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct mld_folder {
	GPtrArray *paths;	/* the message files, in reading order */
	guint next;
	uint64_t number;
	char *data;		/* the message read last */
	size_t cap;
	struct mld_msgfile mf;
};

static bool
is_number(const char *name)
{
	size_t n = strspn(name, "0123456789");

	return n > 0 && n < 19 && name[n] == '\0';
}

enum mld_folder_kind
mld_folder_kind(const char *path)
{
	enum mld_folder_kind kind = MLD_FOLDER_NONE;
	struct dirent *d;
	DIR *dir;

	if (mld_is_dir(path, "cur") || mld_is_dir(path, "new"))
		return MLD_FOLDER_MAILDIR;
	if ((dir = opendir(path)) == NULL)
		return MLD_FOLDER_NONE;
	while (kind == MLD_FOLDER_NONE && (d = readdir(dir)) != NULL)
		if (is_number(d->d_name) ||
		    strcmp(d->d_name, ".mh_sequences") == 0)
			kind = MLD_FOLDER_MH;
	closedir(dir);
	return kind;
}

/* Adds the regular files of dir whose names pass keep to paths. */
static bool
list(GPtrArray *paths, const char *dir, bool (*keep)(const char *))
{
	struct dirent *d;
	struct stat st;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return true;
		mld_err("%s: %s", dir, strerror(errno));
		return false;
	}
	while ((d = readdir(dp)) != NULL) {
		char *p;

		if (!keep(d->d_name))
			continue;
		p = g_build_filename(dir, d->d_name, NULL);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			g_ptr_array_add(paths, p);
		else
			g_free(p);
	}
	closedir(dp);
	return true;
}

static bool
not_dot(const char *name)
{
	return name[0] != '.';
}

/* Maildir names start with the delivery time: their order is its order. */
static int
by_name(gconstpointer a, gconstpointer b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return strverscmp(strrchr(x, '/') + 1, strrchr(y, '/') + 1);
}

static int
by_number(gconstpointer a, gconstpointer b)
{
	const char *x = strrchr(*(const char *const *)a, '/') + 1;
	const char *y = strrchr(*(const char *const *)b, '/') + 1;
	guint64 m = g_ascii_strtoull(x, NULL, 10), n = g_ascii_strtoull(y,
	    NULL, 10);

	return m < n ? -1 : m > n;
}

struct mld_folder *
mld_folder_open(const char *path, enum mld_folder_kind kind)
{
	struct mld_folder *f = g_new0(struct mld_folder, 1);
	bool ok = true;

	f->paths = g_ptr_array_new_with_free_func(g_free);
	if (kind == MLD_FOLDER_MAILDIR) {
		char *cur = g_build_filename(path, "cur", NULL);
		char *new = g_build_filename(path, "new", NULL);

		ok = list(f->paths, cur, not_dot) && list(f->paths, new,
		    not_dot);
		g_ptr_array_sort(f->paths, by_name);
		g_free(cur);
		g_free(new);
	} else {
		ok = list(f->paths, path, is_number);
		g_ptr_array_sort(f->paths, by_number);
	}
	if (!ok) {
		mld_folder_close(f);
		return NULL;
	}
	mld_msgfile_init(&f->mf);
	return f;
}

/*
 * Reads the file at path into f->data: 1, or 0 after reporting an error,
 * or -1 when it is longer than MLD_MBOX_MAX (not read past that).
 */
static int
read_file(struct mld_folder *f, const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	ssize_t n = 0;

	*len = 0;
	if (fd < 0) {
		mld_err("%s: %s", path, strerror(errno));
		return 0;
	}
	if (fstat(fd, &st) == 0 && st.st_size > (off_t)MLD_MBOX_MAX) {
		close(fd);
		return -1;
	}
	for (;;) {
		if (*len > MLD_MBOX_MAX) {
			close(fd);
			return -1;
		}
		if (f->cap - *len < 65536) {
			f->cap = f->cap * 2 + 65536;
			f->data = g_realloc(f->data, f->cap);
		}
		n = read(fd, f->data + *len, f->cap - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		*len += (size_t)n;
	}
	if (n < 0)
		mld_err("%s: read error: %s", path, strerror(errno));
	close(fd);
	return n == 0;
}

int
mld_folder_next(struct mld_folder *f, struct mld_msg *msg)
{
	size_t len;

	while (f->next < f->paths->len) {
		const char *path = f->paths->pdata[f->next++];

		f->number++;
		msg->where.input = path;
		msg->where.number = f->number;
		msg->where.offset = 0;
		switch (read_file(f, path, &len)) {
		case 1:
			mld_msgfile_msg(&f->mf, f->data, len, msg);
			return 1;
		case 0:
			mld_count_skip();
			break;
		default:
			/* The mbox reader's limit, and its words. */
			mld_warn_at(&msg->where,
			    "message longer than 1 GiB, skipped");
			break;
		}
	}
	return 0;
}

void
mld_folder_close(struct mld_folder *f)
{
	if (f == NULL)
		return;
	g_ptr_array_free(f->paths, TRUE);
	g_free(f->data);
	mld_msgfile_free(&f->mf);
	g_free(f);
}
