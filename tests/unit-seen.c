/* Unit tests for the seen-state file: round trip, absence, failure. */
#include <stdio.h>
#include <string.h>
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

	mld_seen_init(&t);
	g_assert_true(mld_seen_load(&t, path));
	g_assert_cmpuint(t.keys->len, ==, 4);
	for (i = 0; keys[i] != NULL; i++)
		g_assert_cmpstr(g_ptr_array_index(t.keys, i), ==, keys[i]);
	g_assert_false(mld_seen_has(&t, "msgid b@example.org"));
	mld_seen_free(&t);
	mld_seen_free(&s);

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
	char *path = g_build_filename(dir, "no-such-dir", "seen", NULL);
	struct mld_seen s;

	mld_seen_init(&s);
	g_assert_true(mld_seen_load(&s, path));
	mld_seen_add(&s, "k");
	g_assert_false(mld_seen_save(&s));
	g_assert_cmpuint(entries(dir), ==, 0);
	mld_seen_free(&s);
	cleanup(dir);
	g_free(path);
	g_free(dir);
}

/* A state that exists but cannot be read is an error, not "nothing". */
static void
test_unreadable(void)
{
	char *dir = scratch();
	struct mld_seen s;

	mld_seen_init(&s);
	g_assert_false(mld_seen_load(&s, dir));	/* a folder */
	mld_seen_free(&s);
	cleanup(dir);
	g_free(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/seen/round-trip", test_round_trip);
	g_test_add_func("/seen/save-fails", test_save_fails);
	g_test_add_func("/seen/unreadable", test_unreadable);
	return g_test_run();
}
