/*
 * tool.h - what every mldigest program shares: the option parser and its
 * numbers, the operands and how they are opened, the diagnostic format,
 * the exit-status table and the checked end of output.
 *
 * Diagnostics go to stderr as "prog: where: what".  A program counts the
 * messages or lines it had to skip and reports the count at the end
 * (mld_finish), so nothing is lost without a word.
 */
#ifndef MLD_TOOL_H
#define MLD_TOOL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define MLD_VERSION "0.1"

enum {
	MLD_EXIT_OK = 0,	/* all input processed */
	MLD_EXIT_BAD = 1,	/* some input bad, or an I/O error */
	MLD_EXIT_USAGE = 2,	/* bad command line */
};

/* One entry of a program's option table; the table ends with a NULL lng. */
struct mld_opt {
	const char *lng;	/* long name, without "--" */
	int shrt;		/* short letter, or a value > 255 for long-only */
	const char *arg;	/* argument name for --help, NULL if none */
	const char *help;	/* one line for --help */
};

struct mld_cli {
	const char *synopsis;	/* forms after "usage: prog ", '\n'-separated;
				   "\n\t" continues a form on the next line */
	const struct mld_opt *opts;
	int argc;
	char **argv;
	const char *optarg;	/* argument of the option just returned */
};

/*
 * Sets the program name, the locale and SIGPIPE; call first in main.  A
 * standard descriptor that was closed is opened on /dev/null in the mode
 * that makes its use fail (stdout read-only...), so that no file the
 * program opens lands on it and output to a closed stdout is an error.
 */
void mld_init(const char *progname);
/* A closed output pipe ends the program at once with status 0. */
void mld_quiet_sigpipe(void);
const char *mld_progname(void);

/*
 * Returns the next option (its shrt value), or -1 at the first operand.
 * --help and --version are handled here (exit 0); an unknown option or a
 * missing argument prints the usage and exits 2.  cli->argc and cli->argv
 * are left pointing at the operands.
 */
int mld_getopt(struct mld_cli *cli);
/* Prints the usage (the synopsis) to stderr and exits 2. */
_Noreturn void mld_usage(const struct mld_cli *cli);
/* Reports a bad option argument ("prog: opt: why") and exits 2. */
_Noreturn void mld_badarg(const struct mld_cli *cli, const char *opt,
    const char *why);
/* The same, naming the argument: "prog: opt: cli->optarg: why". */
_Noreturn void mld_badval(const struct mld_cli *cli, const char *opt,
    const char *why);

/*
 * Parses s[0..len) as a decimal number from min to max: digits only, no
 * sign, no space, no overflow.  On failure *why says what is wrong, in a
 * static buffer: "not a number", "less than MIN", "more than MAX".
 */
bool mld_parse_u64(const char *s, size_t len, uint64_t min, uint64_t max,
    uint64_t *v, const char **why);
/*
 * The argument of option opt (cli->optarg) as a number from min to max;
 * otherwise "prog: opt: arg: why" and the usage, exit 2.
 */
uint64_t mld_optnum(const struct mld_cli *cli, const char *opt, uint64_t min,
    uint64_t max);

/*
 * Operands.  A program reads what its operands name, or stdin when there
 * are none; "-" is stdin.  Every input is opened by the functions below,
 * which report a failure as "prog: name: why" and mark the run failed.
 *
 * A program says which kinds below it reads and handles each in the
 * function it gives mld_each_operand.  What a folder holds (a maildir,
 * an MH folder, a public-inbox) is told in one place, input.h, whose
 * readers the programs that read mail open on each operand.
 */
enum mld_operand_kind {
	MLD_OPERAND_STREAM = 1 << 0,	/* stdin, a file, a FIFO, a device */
	MLD_OPERAND_DIR = 1 << 1,	/* a folder */
};

struct mld_operand {
	const char *path;	/* as given: "-" is stdin */
	const char *name;	/* for diagnostics: "stdin" for "-" */
	enum mld_operand_kind kind;
};

/*
 * Calls fn on each of argv[0..argc), or on "-" when argc is 0.  An
 * operand that does not exist, or whose kind is not in `kinds`, is
 * reported and skipped.  Returns false when one was skipped or fn
 * returned false for one.
 */
bool mld_each_operand(int argc, char **argv, unsigned kinds,
    bool (*fn)(const struct mld_operand *op, void *data), void *data);

/* A descriptor open for reading path ("-": 0), or -1; a folder is refused. */
int mld_open_input(const char *path);
/* The same as a stream (stdin for "-"), or NULL. */
FILE *mld_fopen_input(const char *path);
/* Closes what mld_fopen_input opened; stdin stays open. */
void mld_fclose_input(FILE *f);
/*
 * The whole of path ("-": stdin), NUL-terminated, its length in *len;
 * g_free it.  NULL after reporting when it cannot be read.
 */
char *mld_read_input(const char *path, size_t *len);
/* Whether path, or path/sub when sub is not NULL, is a directory. */
bool mld_is_dir(const char *path, const char *sub);

/* "prog: what" on stderr; marks the run as failed (exit 1). */
void mld_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: what" on stderr; does not change the exit status. */
void mld_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: what" on stderr, then exit 1. */
_Noreturn void mld_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Where a message lies: input name, 1-based message number, byte offset. */
struct mld_where {
	const char *input;
	uint64_t number;
	uint64_t offset;
};
/* "prog: input: message N, byte O: what"; counts a warning. */
void mld_warn_at(const struct mld_where *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "prog: input: line N: what"; counts a warning. */
void mld_warn_line(const char *input, uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Marks the run as failed without printing (the caller already did). */
void mld_set_failed(void);
/* Counts one skipped unit of input (message or line). */
void mld_count_skip(void);

/*
 * Flushes and closes stdout (a full disk is an error), prints the skip
 * and warning counts, and returns the exit status.  `unit` names what was
 * skipped ("message", "line").
 */
int mld_finish(const char *unit);

/*
 * Calls fn(line, lineno, data) on each line of the file at path ("-":
 * stdin), its line end (LF or CRLF) removed.  Returns false, after reporting, when the
 * file cannot be read, or when fn returned false for some line.
 */
bool mld_each_line(const char *path,
    bool (*fn)(char *line, uint64_t lineno, void *data), void *data);

/* Input name for diagnostics: "-" reads as "stdin". */
const char *mld_input_name(const char *path);

/*
 * Progress of a long run on stderr, "\rprog: N messages, M MB", at most
 * once a second and only after the first second, and only when stderr
 * is a terminal and quiet is false (-q).
 */
struct mld_progress {
	bool quiet;
	int64_t last;		/* monotonic time of the last line, in us */
	const char *unit;	/* what n counts; "messages" by default */
};
void mld_progress_init(struct mld_progress *pr, bool quiet);
/* Reports n messages and bytes read; final ends the line. */
void mld_progress(struct mld_progress *pr, uint64_t n, uint64_t bytes,
    bool final);

#endif
