/*
 * Unit tests for what every program shares: numbers of options, opening
 * operands, the loop over operands, lines of a file, and the standard
 * descriptors held open.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tool.h"

/* Parses s with the bounds given; returns the value or why it failed. */
static char *
parse(const char *s, uint64_t min, uint64_t max)
{
	const char *why;
	uint64_t v;

	if (!mld_parse_u64(s, strlen(s), min, max, &v, &why))
		return g_strdup(why);
	return g_strdup_printf("=%llu", (unsigned long long)v);
}

static void
test_parse_u64(void)
{
	static const struct {
		const char *s;
		uint64_t min, max;
		const char *want;
	} cases[] = {
		{ "0", 0, 10, "=0" },
		{ "10", 0, 10, "=10" },
		{ "007", 1, 10, "=7" },
		{ "11", 0, 10, "more than 10" },
		{ "0", 1, 10, "less than 1" },
		{ "", 0, 10, "not a number" },
		{ "+1", 0, 10, "not a number" },
		{ "-1", 0, 10, "not a number" },
		{ " 1", 0, 10, "not a number" },
		{ "1 ", 0, 10, "not a number" },
		{ "1x", 0, 10, "not a number" },
		{ "0x10", 0, 100, "not a number" },
		{ "18446744073709551615", 0, UINT64_MAX,
		    "=18446744073709551615" },
		/* Overflow, never a wrapped value. */
		{ "18446744073709551616", 0, UINT64_MAX,
		    "more than 18446744073709551615" },
		{ "99999999999999999999999", 1, 999, "more than 999" },
		{ "18446744073709551617", 0, 5, "more than 5" },
	};
	size_t i;
	char *got;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		got = parse(cases[i].s, cases[i].min, cases[i].max);
		g_assert_cmpstr(got, ==, cases[i].want);
		g_free(got);
	}
}

/* Only the first len bytes are read: a range inside a longer string. */
static void
test_parse_u64_len(void)
{
	const char *why = NULL;
	uint64_t v = 0;

	g_assert_true(mld_parse_u64("12-34", 2, 1, 100, &v, &why));
	g_assert_cmpuint(v, ==, 12);
	g_assert_false(mld_parse_u64("12-34", 3, 1, 100, &v, &why));
	g_assert_cmpstr(why, ==, "not a number");
}

static char *dir;

static char *
make_file(const char *name, const char *text, size_t len)
{
	char *path = g_build_filename(dir, name, NULL);

	g_assert_true(g_file_set_contents(path, text, (gssize)len, NULL));
	return path;
}

struct seen {
	GString *log;
	bool ret;
};

static bool
log_operand(const struct mld_operand *op, void *data)
{
	struct seen *s = data;

	g_string_append_printf(s->log, "%s=%s:%s;", op->name,
	    op->kind == MLD_OPERAND_DIR ? "dir" : "stream",
	    strcmp(op->path, op->name) == 0 ? "" : op->path);
	return s->ret;
}

static void
test_each_operand(void)
{
	char *file = make_file("one", "x", 1);
	char *missing = g_build_filename(dir, "missing", NULL);
	char *argv[] = { file, dir, missing, file };
	struct seen s = { g_string_new(NULL), true };
	char *want;

	/* No operand: stdin, named so. */
	g_assert_true(mld_each_operand(0, NULL, MLD_OPERAND_STREAM,
	    log_operand, &s));
	g_assert_cmpstr(s.log->str, ==, "stdin=stream:-;");

	/* A folder where streams are read, and a missing file: skipped. */
	g_string_truncate(s.log, 0);
	g_assert_false(mld_each_operand(4, argv, MLD_OPERAND_STREAM,
	    log_operand, &s));
	want = g_strdup_printf("%s=stream:;%s=stream:;", file, file);
	g_assert_cmpstr(s.log->str, ==, want);
	g_free(want);

	/* A program that reads folders gets them, kind named. */
	g_string_truncate(s.log, 0);
	g_assert_false(mld_each_operand(2, argv + 1,
	    MLD_OPERAND_STREAM | MLD_OPERAND_DIR, log_operand, &s));
	want = g_strdup_printf("%s=dir:;", dir);
	g_assert_cmpstr(s.log->str, ==, want);
	g_free(want);

	/* What fn returns is what the loop returns; every operand is seen. */
	g_string_truncate(s.log, 0);
	s.ret = false;
	g_assert_false(mld_each_operand(1, argv, MLD_OPERAND_STREAM,
	    log_operand, &s));
	g_assert_cmpuint(s.log->len, >, 0);

	unlink(file);
	g_free(file);
	g_free(missing);
	g_string_free(s.log, TRUE);
}

static void
test_open_input(void)
{
	char *file = make_file("open", "abc", 3);
	char *missing = g_build_filename(dir, "missing", NULL);
	FILE *f;
	int fd;

	g_assert_cmpint(mld_open_input("-"), ==, STDIN_FILENO);
	fd = mld_open_input(file);
	g_assert_cmpint(fd, >, STDERR_FILENO);
	g_assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	close(fd);
	g_assert_cmpint(mld_open_input(missing), ==, -1);
	/* A folder opens with open(2), and is refused here. */
	g_assert_cmpint(mld_open_input(dir), ==, -1);

	g_assert_true(mld_fopen_input("-") == stdin);
	mld_fclose_input(stdin);
	g_assert_cmpint(fcntl(STDIN_FILENO, F_GETFD), >=, 0);
	f = mld_fopen_input(file);
	g_assert_nonnull(f);
	g_assert_cmpint(fgetc(f), ==, 'a');
	mld_fclose_input(f);
	g_assert_null(mld_fopen_input(dir));
	g_assert_null(mld_fopen_input(missing));

	unlink(file);
	g_free(file);
	g_free(missing);
}

static gpointer
fill_fifo(gpointer path)
{
	FILE *f = fopen(path, "w");
	int i;

	for (i = 0; i < 50000; i++)
		fprintf(f, "%07d\n", i);
	fclose(f);
	return NULL;
}

static void
test_read_input(void)
{
	static const char text[] = "a\0b\nc";
	char *file = make_file("read", text, sizeof text - 1);
	char *fifo = g_build_filename(dir, "fifo", NULL);
	GThread *writer;
	char *got;
	size_t len = 0;

	got = mld_read_input(file, &len);
	g_assert_cmpuint(len, ==, sizeof text - 1);
	g_assert_cmpmem(got, len, text, sizeof text - 1);
	g_assert_cmpint(got[len], ==, '\0');
	g_free(got);
	g_assert_null(mld_read_input(dir, &len));

	/* A FIFO has no size: the buffer grows to what comes. */
	g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
	writer = g_thread_new("fifo", fill_fifo, fifo);
	got = mld_read_input(fifo, &len);
	g_thread_join(writer);
	g_assert_cmpuint(len, ==, 50000 * 8);
	g_assert_true(g_str_has_suffix(got, "0049999\n"));
	g_free(got);

	unlink(fifo);
	unlink(file);
	g_free(fifo);
	g_free(file);
}

static bool
collect_line(char *line, uint64_t lineno, void *data)
{
	g_string_append_printf(data, "%llu:%s|", (unsigned long long)lineno,
	    line);
	return true;
}

static void
test_each_line(void)
{
	static const char text[] = "one\r\ntwo\n\nlast";
	char *file = make_file("lines", text, sizeof text - 1);
	GString *got = g_string_new(NULL);

	g_assert_true(mld_each_line(file, collect_line, got));
	g_assert_cmpstr(got->str, ==, "1:one|2:two|3:|4:last|");
	g_assert_false(mld_each_line(dir, collect_line, got));
	unlink(file);
	g_free(file);
	g_string_free(got, TRUE);
}

/*
 * A program started with stdout closed: mld_init puts /dev/null there,
 * read-only, so that the next file opened is not fd 1 and a write to
 * stdout fails.  Run in a child, whose descriptors may be closed.
 */
static void
test_std_fds(void)
{
	pid_t pid;
	int status, fd;

	pid = fork();
	g_assert_cmpint(pid, >=, 0);
	if (pid == 0) {
		close(STDIN_FILENO);
		close(STDOUT_FILENO);
		mld_init("unit-tool");
		fd = open("/dev/null", O_RDONLY);
		_exit(fd > STDERR_FILENO &&
		    write(STDOUT_FILENO, "x", 1) < 0 && errno == EBADF &&
		    read(STDIN_FILENO, &status, 1) < 0 && errno == EBADF ?
		    0 : 1);
	}
	g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
	g_assert_true(WIFEXITED(status));
	g_assert_cmpint(WEXITSTATUS(status), ==, 0);
}

int
main(int argc, char **argv)
{
	int ret;

	mld_init("unit-tool");
	g_test_init(&argc, &argv, NULL);
	dir = g_dir_make_tmp("mld-tool-XXXXXX", NULL);
	g_assert_nonnull(dir);
	g_test_add_func("/tool/parse-u64", test_parse_u64);
	g_test_add_func("/tool/parse-u64-len", test_parse_u64_len);
	g_test_add_func("/tool/each-operand", test_each_operand);
	g_test_add_func("/tool/open-input", test_open_input);
	g_test_add_func("/tool/read-input", test_read_input);
	g_test_add_func("/tool/each-line", test_each_line);
	g_test_add_func("/tool/std-fds", test_std_fds);
	ret = g_test_run();
	rmdir(dir);
	g_free(dir);
	return ret;
}
