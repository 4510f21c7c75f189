/*
 * Unit tests for the seen-state file: round trip, absence, failure, what
 * is refused, symbolic links and the lock.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "seen.h"

static char *
scratch(void)
{
	char *dir = g_dir_make_tmp("mld-seen-XXXXXX", NULL);

	g_assert_nonnull(dir);
	return dir;
}

static void
cleanup(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;

	while ((name = g_dir_read_name(d)) != NULL) {
		char *p = g_build_filename(dir, name, NULL);

		unlink(p);
		g_free(p);
	}
	g_dir_close(d);
	rmdir(dir);
}

static unsigned
entries(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	unsigned n = 0;

	while (g_dir_read_name(d) != NULL)
		n++;
	g_dir_close(d);
	return n;
}

/* Keys come back whole, in order, whatever bytes they hold. */
static void
test_round_trip(void)
{
	static const char *const keys[] = { "msgid a@example.org",
		"title v2 tab\there", "new\nline", "back\\slash", NULL };
	char *dir = scratch(), *path = g_build_filename(dir, "seen", NULL);
	struct mld_seen s, t;
	size_t i;

	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, path));	/* absent: empty */
	g_assert_cmpuint(s.keys->len, ==, 0);
	for (i = 0; keys[i] != NULL; i++)
		mld_seen_add(&s, keys[i]);
	mld_seen_add(&s, keys[0]);
	g_assert_cmpuint(s.keys->len, ==, 4);
	g_assert_true(mld_seen_save(&s));
	chmod(path, 0640);
	g_assert_true(mld_seen_save(&s));
	mld_seen_free(&s);

	mld_seen_init(&t);
	g_assert_true(mld_seen_load(&t, path));
	g_assert_cmpuint(t.keys->len, ==, 4);
	for (i = 0; keys[i] != NULL; i++)
		g_assert_cmpstr(g_ptr_array_index(t.keys, i), ==, keys[i]);
	g_assert_false(mld_seen_has(&t, "msgid b@example.org"));
	mld_seen_free(&t);

	/* The replacement kept the mode; no temporary file is left. */
	{
		struct stat st;

		g_assert_cmpint(stat(path, &st), ==, 0);
		g_assert_cmpint(st.st_mode & 0777, ==, 0640);
	}
	g_assert_cmpuint(entries(dir), ==, 1);
	cleanup(dir);
	g_free(path);
	g_free(dir);
}

/* A save that cannot happen reports it and leaves nothing behind. */
static void
test_save_fails(void)
{
	char *dir = scratch();
	char *sub = g_build_filename(dir, "sub", NULL);
	char *path = g_build_filename(sub, "seen", NULL);
	struct mld_seen s;

	g_assert_cmpint(mkdir(sub, 0700), ==, 0);
	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, path));
	mld_seen_add(&s, "k");
	/* The folder goes away under the run. */
	g_assert_cmpint(unlink(path), ==, 0);
	g_assert_cmpint(rmdir(sub), ==, 0);
	g_assert_false(mld_seen_save(&s));
	mld_seen_free(&s);
	g_assert_cmpuint(entries(dir), ==, 0);
	cleanup(dir);
	g_free(path);
	g_free(sub);
	g_free(dir);
}

/* A folder, or a state in a folder that does not exist, is no state. */
static void
test_unreadable(void)
{
	char *dir = scratch();
	char *missing = g_build_filename(dir, "none", "seen", NULL);
	struct mld_seen s;

	mld_seen_init(&s);
	g_assert_false(mld_seen_load(&s, dir));	/* a folder */
	g_assert_false(mld_seen_load(&s, missing));
	mld_seen_free(&s);
	g_assert_cmpuint(entries(dir), ==, 0);
	cleanup(dir);
	g_free(missing);
	g_free(dir);
}

static void
write_file(const char *path, const char *text)
{
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static char *
read_file(const char *path)
{
	char *text = NULL;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	return text;
}

/* A file that is not a seen state is refused and left as it was. */
static void
test_refused(void)
{
	static const char *const texts[] = {
		"From a@b Thu Jan  1 00:00:00 1970\nSubject: x\n\nbody\n",
		"#kind\tdate\n", "#ke", "#keys\nx\n", "key\n",
	};
	char *dir = scratch(), *path = g_build_filename(dir, "f", NULL);
	char *fifo = g_build_filename(dir, "fifo", NULL), *text;
	struct mld_seen s;
	struct stat st;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(texts); i++) {
		write_file(path, texts[i]);
		mld_seen_init(&s);
		g_assert_false(mld_seen_load(&s, path));
		mld_seen_free(&s);
		text = read_file(path);
		g_assert_cmpstr(text, ==, texts[i]);
		g_free(text);
	}
	/* A FIFO is refused without waiting for a writer. */
	g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
	mld_seen_init(&s);
	g_assert_false(mld_seen_load(&s, fifo));
	mld_seen_free(&s);
	g_assert_cmpint(lstat(fifo, &st), ==, 0);
	g_assert_true(S_ISFIFO(st.st_mode));
	/* Columns after the key are a seen file still. */
	write_file(path, "#key\tdate\nmsgid a\t2026-01-01\n");
	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, path));
	g_assert_true(mld_seen_has(&s, "msgid a"));
	mld_seen_free(&s);
	cleanup(dir);
	g_free(fifo);
	g_free(path);
	g_free(dir);
}

/* Through a symbolic link the file it leads to is replaced. */
static void
test_symlink(void)
{
	char *dir = scratch(), *target = g_build_filename(dir, "real", NULL);
	char *link = g_build_filename(dir, "link", NULL), *text, *to;
	struct mld_seen s;

	g_assert_cmpint(symlink("real", link), ==, 0);
	/* Leading nowhere yet: the file is made where it leads. */
	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, link));
	mld_seen_add(&s, "one");
	g_assert_true(mld_seen_save(&s));
	mld_seen_free(&s);
	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, link));
	mld_seen_add(&s, "two");
	g_assert_true(mld_seen_save(&s));
	mld_seen_free(&s);
	to = g_file_read_link(link, NULL);
	g_assert_cmpstr(to, ==, "real");
	text = read_file(target);
	g_assert_cmpstr(text, ==, "#key\none\ntwo\n");
	g_assert_cmpuint(entries(dir), ==, 2);
	g_free(text);
	g_free(to);
	cleanup(dir);
	g_free(link);
	g_free(target);
	g_free(dir);
}

/* Whether another open file description could lock path now. */
static bool
free_to_lock(const char *path)
{
	int fd = open(path, O_RDONLY);
	bool r;

	g_assert_cmpint(fd, >=, 0);
	r = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd);
	return r;
}

/*
 * The file is locked from the load until the set is freed, the new file
 * too once saved; a file the load made and nothing saved goes again.
 */
static void
test_lock(void)
{
	char *dir = scratch(), *path = g_build_filename(dir, "seen", NULL);
	struct mld_seen s;

	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, path));
	g_assert_false(free_to_lock(path));
	mld_seen_free(&s);
	g_assert_cmpuint(entries(dir), ==, 0);

	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, path));
	mld_seen_add(&s, "k");
	g_assert_true(mld_seen_save(&s));
	g_assert_false(free_to_lock(path));
	mld_seen_free(&s);
	g_assert_true(free_to_lock(path));
	g_assert_cmpuint(entries(dir), ==, 1);
	cleanup(dir);
	g_free(path);
	g_free(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/seen/round-trip", test_round_trip);
	g_test_add_func("/seen/save-fails", test_save_fails);
	g_test_add_func("/seen/unreadable", test_unreadable);
	g_test_add_func("/seen/refused", test_refused);
	g_test_add_func("/seen/symlink", test_symlink);
	g_test_add_func("/seen/lock", test_lock);
	return g_test_run();
}
