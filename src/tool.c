/*
 * tool.c - option parsing, diagnostics and exit status shared by all
 * programs.  getopt_long does the parsing; the option table gives it its
 * strings and also writes --help, so the two cannot drift apart.
 */
#include "tool.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

void
mld_init(const char *name)
{
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

bool
mld_each_line(const char *path,
    bool (*fn)(char *line, uint64_t lineno, void *data), void *data)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	uint64_t lineno = 0;
	bool ok = true;

	if (f == NULL) {
		mld_err("%s: %s", path, strerror(errno));
		return false;
	}
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!fn(line, lineno, data))
			ok = false;
	}
	if (ferror(f)) {
		mld_err("%s: read error: %s", path, strerror(errno));
		ok = false;
	}
	free(line);
	fclose(f);
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
