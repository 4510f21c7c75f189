/*
 * tool.c - option parsing, operands, diagnostics and exit status shared
 * by all programs.  getopt_long does the parsing; the option table gives
 * it its strings and also writes --help, so the two cannot drift apart.
 */
#include "tool.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <glib.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *progname = "mldigest";
static int failed;
static uint64_t nwarn, nskip;

/* The reader went away ("| head"): all that was wanted was written. */
static void
on_sigpipe(int sig)
{
	(void)sig;
	_exit(MLD_EXIT_OK);
}

void
mld_quiet_sigpipe(void)
{
	signal(SIGPIPE, on_sigpipe);
}

/*
 * A descriptor 0-2 left closed by the caller would be the next one
 * open() returns: a message file or a spool would then receive what is
 * written to stdout or stderr.  /dev/null takes its place, opened in the
 * mode that makes its use fail, as gnulib's stdopen does: output to a
 * closed stdout is then a write error, not a silent success.
 */
static void
hold_std_fds(void)
{
	int fd, got;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
		if (got != fd) {
			/* Nothing can be said: stderr may be the closed one. */
			_exit(MLD_EXIT_BAD);
		}
	}
}

void
mld_init(const char *name)
{
	hold_std_fds();
	progname = name;
	setlocale(LC_ALL, "");
	mld_quiet_sigpipe();
}

const char *
mld_progname(void)
{
	return progname;
}

const char *
mld_input_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "stdin" : path;
}

int
mld_open_input(const char *path)
{
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		return STDIN_FILENO;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		mld_err("%s: %s", path, strerror(errno));
		return -1;
	}
	/* A folder opens, and its read fails later with a vaguer word. */
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		mld_err("%s: %s", path, strerror(EISDIR));
		close(fd);
		return -1;
	}
	return fd;
}

FILE *
mld_fopen_input(const char *path)
{
	int fd = mld_open_input(path);
	FILE *f;

	if (fd == STDIN_FILENO)
		return stdin;
	if (fd < 0)
		return NULL;
	if ((f = fdopen(fd, "r")) == NULL) {
		mld_err("%s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

void
mld_fclose_input(FILE *f)
{
	if (f != NULL && f != stdin)
		fclose(f);
}

bool
mld_is_dir(const char *path, const char *sub)
{
	char *p = g_build_filename(path, sub, NULL);
	struct stat st;
	bool yes = stat(p, &st) == 0 && S_ISDIR(st.st_mode);

	g_free(p);
	return yes;
}

char *
mld_read_input(const char *path, size_t *len)
{
	int fd = mld_open_input(path);
	struct stat st;
	size_t cap = 65536, n = 0;
	char *buf;
	ssize_t got;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	buf = g_malloc(cap);
	for (;;) {
		if (n + 1 >= cap)
			buf = g_realloc(buf, cap *= 2);
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	if (got < 0) {
		mld_err("%s: read error: %s", mld_input_name(path),
		    strerror(errno));
		g_free(buf);
		buf = NULL;
	} else {
		buf[n] = '\0';
		*len = n;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return buf;
}

/* What kind of input path names; false, reported, when it is none. */
static bool
operand_kind(const char *path, enum mld_operand_kind *kind)
{
	struct stat st;

	if (strcmp(path, "-") == 0) {
		*kind = MLD_OPERAND_STREAM;
		return true;
	}
	if (stat(path, &st) != 0) {
		mld_err("%s: %s", path, strerror(errno));
		return false;
	}
	*kind = S_ISDIR(st.st_mode) ? MLD_OPERAND_DIR : MLD_OPERAND_STREAM;
	return true;
}

bool
mld_each_operand(int argc, char **argv, unsigned kinds,
    bool (*fn)(const struct mld_operand *op, void *data), void *data)
{
	static char *const dash[] = { "-" };
	struct mld_operand op;
	bool ok = true;
	int i;

	if (argc == 0) {
		argc = 1;
		argv = (char **)dash;
	}
	for (i = 0; i < argc; i++) {
		op.path = argv[i];
		op.name = mld_input_name(argv[i]);
		if (!operand_kind(op.path, &op.kind)) {
			ok = false;
		} else if ((op.kind & kinds) == 0) {
			mld_err("%s: %s", op.path, op.kind == MLD_OPERAND_DIR ?
			    strerror(EISDIR) : "not a kind of input read here");
			ok = false;
		} else if (!fn(&op, data)) {
			ok = false;
		}
	}
	return ok;
}

bool
mld_each_line(const char *path,
    bool (*fn)(char *line, uint64_t lineno, void *data), void *data)
{
	FILE *f = mld_fopen_input(path);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	uint64_t lineno = 0;
	bool ok = true;

	if (f == NULL)
		return false;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!fn(line, lineno, data))
			ok = false;
	}
	if (ferror(f)) {
		mld_err("%s: read error: %s", mld_input_name(path),
		    strerror(errno));
		ok = false;
	}
	free(line);
	mld_fclose_input(f);
	return ok;
}

static void
vsay(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
mld_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	failed = 1;
}

void
mld_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

void
mld_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	exit(MLD_EXIT_BAD);
}

void
mld_warn_at(const struct mld_where *w, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: message %llu, byte %llu: ", progname,
	    w->input, (unsigned long long)w->number,
	    (unsigned long long)w->offset);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nwarn++;
	failed = 1;
}

void
mld_warn_line(const char *input, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: line %llu: ", progname, input,
	    (unsigned long long)line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nwarn++;
	failed = 1;
}

void
mld_set_failed(void)
{
	failed = 1;
}

void
mld_count_skip(void)
{
	nskip++;
	failed = 1;
}

int
mld_finish(const char *unit)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		/* EPIPE cannot happen here: SIGPIPE ended us before. */
		mld_err("write error on stdout: %s", strerror(errno));
	}
	if (fclose(stdout) != 0 && !failed)
		mld_err("write error on stdout: %s", strerror(errno));
	if (nskip > 0)
		mld_note("%llu %s%s skipped", (unsigned long long)nskip, unit,
		    nskip == 1 ? "" : "s");
	if (nwarn > 0)
		mld_note("%llu warning%s", (unsigned long long)nwarn,
		    nwarn == 1 ? "" : "s");
	return failed ? MLD_EXIT_BAD : MLD_EXIT_OK;
}

/*
 * "usage: prog ..." for each form of the synopsis, one per line; a line
 * that starts with a TAB continues the form above it, aligned under it.
 */
static void
print_synopsis(FILE *f, const char *synopsis)
{
	const char *p = synopsis, *nl;
	int indent = (int)strlen("usage: ") + (int)strlen(progname) + 1;
	bool first = true;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (*p == '\t')
			fprintf(f, "%*s%.*s\n", indent, "", (int)(nl - p - 1),
			    p + 1);
		else
			fprintf(f, "%s%s %.*s\n", first ? "usage: " : "       ",
			    progname, (int)(nl - p), p);
		first = false;
		p = *nl == '\n' ? nl + 1 : nl;
	}
}

void
mld_usage(const struct mld_cli *cli)
{
	print_synopsis(stderr, cli->synopsis);
	exit(MLD_EXIT_USAGE);
}

void
mld_badarg(const struct mld_cli *cli, const char *opt, const char *why)
{
	fprintf(stderr, "%s: %s: %s\n", progname, opt, why);
	mld_usage(cli);
}

bool
mld_parse_u64(const char *s, size_t len, uint64_t min, uint64_t max,
    uint64_t *v, const char **why)
{
	static char msg[48];
	uint64_t n = 0, d;
	bool over = false;
	size_t i;

	if (len == 0) {
		*why = "not a number";
		return false;
	}
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			*why = "not a number";
			return false;
		}
		d = (uint64_t)(s[i] - '0');
		if (n > (UINT64_MAX - d) / 10)
			over = true;
		else
			n = n * 10 + d;
	}
	if (over || n > max) {
		snprintf(msg, sizeof msg, "more than %llu",
		    (unsigned long long)max);
		*why = msg;
		return false;
	}
	if (n < min) {
		snprintf(msg, sizeof msg, "less than %llu",
		    (unsigned long long)min);
		*why = msg;
		return false;
	}
	*v = n;
	return true;
}

uint64_t
mld_optnum(const struct mld_cli *cli, const char *opt, uint64_t min,
    uint64_t max)
{
	const char *why;
	uint64_t v;

	if (mld_parse_u64(cli->optarg, strlen(cli->optarg), min, max, &v,
	    &why))
		return v;
	mld_badval(cli, opt, why);
}

void
mld_badval(const struct mld_cli *cli, const char *opt, const char *why)
{
	fprintf(stderr, "%s: %s: %s: %s\n", progname, opt, cli->optarg, why);
	mld_usage(cli);
}

static _Noreturn void
help(const struct mld_cli *cli)
{
	const struct mld_opt *o;
	char left[64];

	print_synopsis(stdout, cli->synopsis);
	fputs("\noptions:\n", stdout);
	for (o = cli->opts; o->lng != NULL; o++) {
		if (o->shrt > 0 && o->shrt < 256)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->shrt,
			    o->lng, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->lng,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		printf("  %-28s %s\n", left, o->help);
	}
	printf("  %-28s %s\n", "-h, --help", "print this help and exit");
	printf("  %-28s %s\n", "-V, --version", "print the version and exit");
	exit(fclose(stdout) == 0 ? MLD_EXIT_OK : MLD_EXIT_BAD);
}

enum { OPT_HELP = 'h', OPT_VERSION = 'V' };

int
mld_getopt(struct mld_cli *cli)
{
	static struct option lopts[64];
	static char sopts[3 * 64 + 2];
	static const struct mld_opt *built;
	const struct mld_opt *o;
	size_t n = 0, s = 0;
	int c;

	if (built != cli->opts) {
		/* '+': stop at the first operand, as POSIX utilities do. */
		sopts[s++] = '+';
		sopts[s++] = ':';
		for (o = cli->opts; o->lng != NULL && n < 62; o++, n++) {
			lopts[n] = (struct option){ o->lng,
			    o->arg ? required_argument : no_argument, NULL,
			    o->shrt };
			if (o->shrt > 0 && o->shrt < 256) {
				sopts[s++] = (char)o->shrt;
				if (o->arg)
					sopts[s++] = ':';
			}
		}
		lopts[n++] = (struct option){ "help", no_argument, NULL,
		    OPT_HELP };
		lopts[n++] = (struct option){ "version", no_argument, NULL,
		    OPT_VERSION };
		lopts[n] = (struct option){ NULL, 0, NULL, 0 };
		sopts[s++] = 'h';
		sopts[s++] = 'V';
		sopts[s] = '\0';
		built = cli->opts;
		optind = 1;
		opterr = 0;
	}
	c = getopt_long(cli->argc, cli->argv, sopts, lopts, NULL);
	switch (c) {
	case -1:
		cli->argc -= optind;
		cli->argv += optind;
		return -1;
	case OPT_HELP:
		help(cli);
	case OPT_VERSION:
		printf("%s (mldigest) %s\n", progname, MLD_VERSION);
		exit(fclose(stdout) == 0 ? MLD_EXIT_OK : MLD_EXIT_BAD);
	case ':':
		fprintf(stderr, "%s: option requires an argument: %s\n",
		    progname, cli->argv[optind - 1]);
		mld_usage(cli);
	case '?':
		if (optopt > 0 && optopt < 256)
			fprintf(stderr, "%s: unknown option: -%c\n", progname,
			    optopt);
		else
			fprintf(stderr, "%s: unknown option: %s\n", progname,
			    cli->argv[optind - 1]);
		mld_usage(cli);
	default:
		cli->optarg = optarg;
		return c;
	}
}

void
mld_progress_init(struct mld_progress *pr, bool quiet)
{
	pr->quiet = quiet || !isatty(STDERR_FILENO);
	pr->last = 0;
	pr->unit = "messages";
}

void
mld_progress(struct mld_progress *pr, uint64_t n, uint64_t bytes, bool final)
{
	struct timespec ts;
	int64_t now;

	if (pr->quiet)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
	if (!final && now - pr->last < 1000000)
		return;
	if (pr->last == 0 && !final) {
		/* The first second passes silently: short runs say nothing. */
		pr->last = now;
		return;
	}
	if (pr->last != 0)
		fprintf(stderr, "\r%s: %llu %s, %llu MB%s", progname,
		    (unsigned long long)n, pr->unit,
		    (unsigned long long)(bytes >> 20), final ? "\n" : "");
	pr->last = now;
}
