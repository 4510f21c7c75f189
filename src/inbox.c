/*
 * inbox.c - public-inbox v2 inboxes read through git (see inbox.h).
 *
 * Each epoch of the range is read by two git processes: `git log --raw
 * --reverse` lists its commits oldest first with the blob each one
 * stores as `m` or `d`, and `git cat-file --batch` gives the blobs.  Ids
 * are written to cat-file while its output is read, at most WINDOW of
 * them ahead: they fit in the socket's buffer whatever cat-file does, so
 * writing never blocks, and cat-file never waits on a reader that waits
 * on it.
 *
 * Deletions must be known before the message they delete is given out,
 * which comes first in the log: a first pass, `git log -- d` over the
 * range, reads no blob and counts them.
 *
 * Limits: git log --reverse holds the ids of the epoch's range in git's
 * memory (not ours).  Merge commits, which public-inbox never writes,
 * add nothing.  A message longer than 1 GiB (MLD_MBOX_MAX) is reported
 * and skipped, as the mbox reader does.
 */
#include "inbox.h"
#include "folder.h"
#include "msgfile.h"
#include "tool.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define WINDOW 32		/* blob ids written ahead of cat-file */
#define OID_MAX 64		/* hex digits of a SHA-256 id */

struct epoch {
	char *dir;
	char *head;		/* full id of its newest commit, or NULL */
};

/* A message asked of cat-file: the commit that stores it, its blob. */
struct want {
	char commit[OID_MAX + 1];
	char blob[OID_MAX + 1];
};

struct mld_inbox {
	GArray *epochs;		/* struct epoch, in numeric order */
	guint first, last;	/* epochs of the range */
	char *from, *to;	/* full ids; to NULL: nothing to read */
	GHashTable *deleted;	/* blob id -> deletions still to come */
	bool started, done;
	guint cur;		/* epoch being read */
	bool reading;		/* cur's git processes run */
	GPid log_pid, cat_pid;
	FILE *log, *cat;
	int cat_in;
	bool log_done;
	char commit[OID_MAX + 1];	/* the commit whose lines are read */
	struct want ring[WINDOW];
	unsigned head, count;
	GString *ids, *where;
	char *line, *buf;
	size_t linecap, bufcap;
	struct mld_msgfile mf;
	uint64_t number;
};

/* A git repository, bare as public-inbox keeps its epochs. */
static bool
is_repo(const char *path)
{
	char *head = g_build_filename(path, "HEAD", NULL);
	bool yes = mld_is_dir(path, "objects") &&
	    g_file_test(head, G_FILE_TEST_IS_REGULAR);

	g_free(head);
	return yes;
}

bool
mld_is_inbox(const char *path)
{
	return mld_is_dir(path, "git") || is_repo(path);
}

static bool
is_oid(const char *s, size_t n)
{
	size_t i;

	if (n != 40 && n != OID_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!g_ascii_isxdigit(s[i]) || g_ascii_isupper(s[i]))
			return false;
	return true;
}

/* The argument vector "git --git-dir=DIR args...", for g_strfreev. */
static char **
git_argv(const char *dir, const char *const *args)
{
	GPtrArray *v = g_ptr_array_new();

	g_ptr_array_add(v, g_strdup("git"));
	g_ptr_array_add(v, g_strconcat("--git-dir=", dir, NULL));
	for (; *args != NULL; args++)
		g_ptr_array_add(v, g_strdup(*args));
	g_ptr_array_add(v, NULL);
	return (char **)g_ptr_array_free(v, FALSE);
}

/* GLib's words for a git that is not installed are not the suite's. */
static void
spawn_error(GError **err, GError *e)
{
	if (g_error_matches(e, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
		g_set_error(err, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT,
		    "git: not found: reading a public-inbox needs git");
	else
		g_set_error(err, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
		    "git: %s", e->message);
	g_error_free(e);
}

/*
 * Starts git in dir; *out reads its output.  With in not NULL, *in
 * writes its input through a socket, not a pipe, so that writing to a
 * git that died is an error (MSG_NOSIGNAL), not a SIGPIPE, which ends
 * the programs quietly.  stderr is git's own unless quiet.
 */
static bool
spawn_git(const char *dir, const char *const *args, bool quiet, int *in,
    int *out, GPid *pid, GError **err)
{
	char **argv = git_argv(dir, args);
	GError *e = NULL;
	int sv[2] = { -1, -1 };
	bool ok;

	if (in != NULL &&
	    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		    "socketpair: %s", strerror(errno));
		g_strfreev(argv);
		return false;
	}
	ok = g_spawn_async_with_pipes_and_fds(NULL, (const char *const *)argv,
	    NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
	    (quiet ? G_SPAWN_STDERR_TO_DEV_NULL : 0), NULL, NULL, sv[1], -1,
	    -1, NULL, NULL, 0, pid, NULL, out, NULL, &e);
	g_strfreev(argv);
	if (sv[1] >= 0)
		close(sv[1]);
	if (!ok) {
		spawn_error(err, e);
		if (sv[0] >= 0)
			close(sv[0]);
		return false;
	}
	if (in != NULL)
		*in = sv[0];
	return true;
}

/* Writes all of buf to a socket spawn_git made; false on an error. */
static bool
send_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = send(fd, buf, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

static int
by_number(gconstpointer a, gconstpointer b)
{
	guint64 x = g_ascii_strtoull(*(const char *const *)a, NULL, 10);
	guint64 y = g_ascii_strtoull(*(const char *const *)b, NULL, 10);

	return x < y ? -1 : x > y;
}

/* Whether name is an epoch's, N.git. */
static bool
is_epoch_name(const char *name)
{
	size_t n = strspn(name, "0123456789");

	return n > 0 && n < 10 && strcmp(name + n, ".git") == 0;
}

static void
add_epoch(struct mld_inbox *ib, char *dir)
{
	struct epoch e = { dir, NULL };

	g_array_append_val(ib->epochs, e);
}

/* Finds the epochs of the inbox at path. */
static bool
find_epochs(struct mld_inbox *ib, const char *path, GError **err)
{
	char *git = g_build_filename(path, "git", NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	struct dirent *d;
	DIR *dir;
	guint i;

	if (!mld_is_dir(git, NULL)) {
		g_free(git);
		g_ptr_array_free(names, TRUE);
		if (!is_repo(path)) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_NOENT,
			    "%s: not a public-inbox: no git/0.git, and not "
			    "a git repository", path);
			return false;
		}
		add_epoch(ib, g_strdup(path));
		return true;
	}
	if ((dir = opendir(git)) != NULL) {
		while ((d = readdir(dir)) != NULL)
			if (is_epoch_name(d->d_name))
				g_ptr_array_add(names, g_strdup(d->d_name));
		closedir(dir);
	}
	g_ptr_array_sort(names, by_number);
	for (i = 0; i < names->len; i++) {
		char *e = g_build_filename(git, names->pdata[i], NULL);

		if (is_repo(e))
			add_epoch(ib, e);
		else
			g_free(e);
	}
	g_ptr_array_free(names, TRUE);
	if (ib->epochs->len == 0)
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_NOENT,
		    "%s: not a public-inbox: no epoch repository in %s",
		    path, git);
	g_free(git);
	return ib->epochs->len > 0;
}

#define EPOCH(ib, i) (&g_array_index((ib)->epochs, struct epoch, (i)))

/* What a commit named on the command line turned out to be in an epoch. */
enum found { NONE, FOUND, AMBIGUOUS };

/*
 * Looks revs[0..n) up as commits in dir with one git cat-file
 * --batch-check: ids[i] gets the full id when found[i] is FOUND.  The
 * questions are a few short lines, which the socket holds whole, so
 * they are all written before the answers are read.
 */
static bool
lookup(const char *dir, const char *const *revs, int n, char **ids,
    enum found *found, GError **err)
{
	const char *const args[] = { "cat-file", "--batch-check", NULL };
	char *line = NULL, *sp;
	GString *q = g_string_new(NULL);
	size_t cap = 0;
	ssize_t len;
	int in, out, i, status;
	FILE *f;
	GPid pid;

	for (i = 0; i < n; i++) {
		g_string_append_printf(q, "%s^{commit}\n", revs[i]);
		ids[i] = NULL;
		found[i] = NONE;
	}
	if (!spawn_git(dir, args, true, &in, &out, &pid, err)) {
		g_string_free(q, TRUE);
		return false;
	}
	if (!send_all(in, q->str, q->len))
		n = 0;
	close(in);
	g_string_free(q, TRUE);
	f = fdopen(out, "r");
	for (i = 0; i < n && (len = getline(&line, &cap, f)) > 0; i++) {
		line[strcspn(line, "\n")] = '\0';
		sp = strchr(line, ' ');
		if (sp != NULL && g_str_has_prefix(sp, " commit ") &&
		    is_oid(line, (size_t)(sp - line))) {
			ids[i] = g_strndup(line, (size_t)(sp - line));
			found[i] = FOUND;
		} else if (g_str_has_suffix(line, " ambiguous")) {
			found[i] = AMBIGUOUS;
		}
	}
	free(line);
	fclose(f);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	g_spawn_close_pid(pid);
	return true;
}

/* A commit as the command line may name it: one line of cat-file input. */
static bool
plausible_rev(const char *rev)
{
	const char *p;

	if (rev[0] == '\0' || rev[0] == '-' || strlen(rev) > 256)
		return false;
	for (p = rev; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ')
			return false;
	return true;
}

/* Whether commit a is an ancestor of b in dir. */
static bool
is_ancestor(const char *dir, const char *a, const char *b, GError **err)
{
	const char *const args[] = { "merge-base", "--is-ancestor", a, b,
		NULL };
	char **argv = git_argv(dir, args);
	GError *e = NULL;
	int status = 1;
	bool ok;

	ok = g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH |
	    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
	    NULL, NULL, NULL, &status, &e);
	g_strfreev(argv);
	if (!ok) {
		spawn_error(err, e);
		return false;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/*
 * Notes that rev, one end of the range, is the commit found in epoch i:
 * *id and *at; false with *err when it names commits of two epochs.
 */
static bool
place(struct mld_inbox *ib, const char *path, const char *rev, guint i,
    char *found, char **id, guint *at, GError **err)
{
	if (*id != NULL) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
		    "%s: commit %s is in two epochs (%s, %s): give more of "
		    "its digits", path, rev, EPOCH(ib, *at)->dir,
		    EPOCH(ib, i)->dir);
		g_free(found);
		return false;
	}
	*id = found;
	*at = i;
	return true;
}

/* Sets the range's epochs and ends; false with *err when it is wrong. */
static bool
find_range(struct mld_inbox *ib, const char *path, const char *from,
    const char *to, GError **err)
{
	const char *revs[3] = { "HEAD", NULL, NULL }, *bad = NULL;
	int k = 1, kfrom = -1, kto = -1;
	guint i, at_from = 0, at_to = 0;
	enum found found[3];
	char *ids[3], *fid, *tid;
	bool any = false, ok;

	if (from != NULL)
		revs[kfrom = k++] = from;
	if (to != NULL)
		revs[kto = k++] = to;
	for (i = 1; (int)i < k; i++)
		if (!plausible_rev(revs[i])) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
			    "%s: not a commit: '%s'", path, revs[i]);
			return false;
		}
	for (i = 0; i < ib->epochs->len; i++) {
		if (!lookup(EPOCH(ib, i)->dir, revs, k, ids, found, err))
			return false;
		/* An empty epoch (a new one, not yet written) has no HEAD. */
		EPOCH(ib, i)->head = ids[0];
		if (ids[0] != NULL) {
			if (!any)
				ib->first = i;
			ib->last = i;
			any = true;
		}
		if (kfrom > 0 && found[kfrom] == AMBIGUOUS)
			bad = from;
		if (kto > 0 && found[kto] == AMBIGUOUS)
			bad = to;
		fid = kfrom > 0 ? ids[kfrom] : NULL;
		tid = kto > 0 ? ids[kto] : NULL;
		if (bad != NULL) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
			    "%s: commit %s is ambiguous in %s: give more of "
			    "its digits", path, bad, EPOCH(ib, i)->dir);
			g_free(fid);
			g_free(tid);
			return false;
		}
		/* place() takes the id, and frees it when it fails. */
		ok = fid == NULL || place(ib, path, from, i, fid, &ib->from,
		    &at_from, err);
		if (tid != NULL && ok)
			ok = place(ib, path, to, i, tid, &ib->to, &at_to, err);
		else if (tid != NULL)
			g_free(tid);
		if (!ok)
			return false;
	}
	if ((from != NULL && ib->from == NULL) || (to != NULL &&
	    ib->to == NULL)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_NOENT,
		    "%s: no commit %s in the inbox", path,
		    from != NULL && ib->from == NULL ? from : to);
		return false;
	}
	if (from != NULL)
		ib->first = at_from;
	if (to != NULL)
		ib->last = at_to;
	else if (any)
		ib->to = g_strdup(EPOCH(ib, ib->last)->head);
	if (ib->from == NULL || ib->to == NULL)
		return true;
	if (ib->first > ib->last || (ib->first == ib->last &&
	    strcmp(ib->from, ib->to) != 0 &&
	    !is_ancestor(EPOCH(ib, ib->first)->dir, ib->from, ib->to, err))) {
		if (*err == NULL)
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
			    "%s: commit %s does not come before %s", path,
			    from, to);
		return false;
	}
	return true;
}

struct mld_inbox *
mld_inbox_open(const char *path, const char *from, const char *to,
    GError **err)
{
	struct mld_inbox *ib = g_new0(struct mld_inbox, 1);

	ib->epochs = g_array_new(FALSE, TRUE, sizeof(struct epoch));
	ib->deleted = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	ib->ids = g_string_new(NULL);
	ib->where = g_string_new(NULL);
	ib->cat_in = -1;
	mld_msgfile_init(&ib->mf);
	if (!find_epochs(ib, path, err) ||
	    !find_range(ib, path, from, to, err)) {
		mld_inbox_close(ib);
		return NULL;
	}
	return ib;
}

const char *
mld_inbox_from(const struct mld_inbox *ib)
{
	return ib->from;
}

const char *
mld_inbox_to(const struct mld_inbox *ib)
{
	return ib->to;
}

/* The revision range of epoch i: "FROM..TIP", or "TIP". */
static char *
range_of(const struct mld_inbox *ib, guint i)
{
	const char *tip = i == ib->last ? ib->to : EPOCH(ib, i)->head;

	if (i == ib->first && ib->from != NULL)
		return g_strconcat(ib->from, "..", tip, NULL);
	return g_strdup(tip);
}

/*
 * Starts git log over epoch i's range; paths limits it (NULL: all).
 * Returns its output, or NULL after reporting.
 */
static FILE *
start_log(struct mld_inbox *ib, guint i, const char *path, GPid *pid)
{
	char *range = range_of(ib, i);
	/* Options that a user's configuration could change are spelled out:
	 * the first commit's message, renames, abbreviation, signatures. */
	const char *const args[] = { "-c", "log.showRoot=true", "log",
		"--reverse", "--raw", "--no-renames", "--no-abbrev",
		"--no-color", "--no-show-signature", "--format=%H", range, "--",
		path, NULL };
	GError *err = NULL;
	FILE *f = NULL;
	int out;

	if (spawn_git(EPOCH(ib, i)->dir, args, false, NULL, &out, pid, &err)) {
		f = fdopen(out, "r");
	} else {
		mld_err("%s: %s", EPOCH(ib, i)->dir, err->message);
		g_error_free(err);
	}
	g_free(range);
	return f;
}

/* Waits for a git process; reports a failure unless quiet. */
static bool
reap(const char *dir, GPid pid, const char *what, bool quiet)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	g_spawn_close_pid(pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return true;
	if (!quiet)
		mld_err("%s: git %s failed", dir, what);
	return false;
}

/*
 * Splits a raw diff line ":mode mode old new S\tpath": the new blob id,
 * the status letter and the path.
 */
static bool
raw_entry(char *line, const char **blob, char *status, const char **path)
{
	char *tab = strchr(line, '\t'), *field[5], *p = line;
	int n = 0;

	if (line[0] != ':' || tab == NULL)
		return false;
	*tab = '\0';
	while (n < 5 && p != NULL) {
		field[n++] = p;
		p = strchr(p, ' ');
		if (p != NULL)
			*p++ = '\0';
	}
	if (n < 5 || !is_oid(field[3], strlen(field[3])))
		return false;
	*blob = field[3];
	*status = field[4][0];
	*path = tab + 1;
	return true;
}

/* Reads a line of f into ib->line without its line end; false at EOF. */
static bool
read_line(struct mld_inbox *ib, FILE *f, size_t *len)
{
	ssize_t n = getline(&ib->line, &ib->linecap, f);

	if (n <= 0)
		return false;
	if (ib->line[n - 1] == '\n')
		ib->line[--n] = '\0';
	*len = (size_t)n;
	return true;
}

/* The first pass: the blobs that commits of the range delete. */
static bool
count_deletions(struct mld_inbox *ib)
{
	const char *blob, *path;
	char status;
	size_t n;
	guint i;
	GPid pid;
	FILE *f;

	for (i = ib->first; i <= ib->last; i++) {
		if (EPOCH(ib, i)->head == NULL)
			continue;
		if ((f = start_log(ib, i, "d", &pid)) == NULL)
			return false;
		while (read_line(ib, f, &n)) {
			guint k;

			if (!raw_entry(ib->line, &blob, &status, &path) ||
			    status == 'D' || strcmp(path, "d") != 0)
				continue;
			k = GPOINTER_TO_UINT(g_hash_table_lookup(ib->deleted,
			    blob));
			g_hash_table_insert(ib->deleted, g_strdup(blob),
			    GUINT_TO_POINTER(k + 1));
		}
		fclose(f);
		if (!reap(EPOCH(ib, i)->dir, pid, "log", false))
			return false;
	}
	return true;
}

/* One deletion of blob is now behind; true when one is still to come. */
static bool
deleted_later(struct mld_inbox *ib, const char *blob, bool passing)
{
	gpointer v = g_hash_table_lookup(ib->deleted, blob);
	guint left = GPOINTER_TO_UINT(v);

	if (passing && left > 0)
		g_hash_table_insert(ib->deleted, g_strdup(blob),
		    GUINT_TO_POINTER(left - 1));
	return left > 0;
}

/* The next message the log names (not deleted later): into *w. */
static bool
log_next(struct mld_inbox *ib, struct want *w)
{
	const char *blob, *path;
	char status;
	size_t n;

	while (read_line(ib, ib->log, &n)) {
		if (is_oid(ib->line, n)) {
			memcpy(ib->commit, ib->line, n + 1);
			continue;
		}
		if (!raw_entry(ib->line, &blob, &status, &path) ||
		    status == 'D')
			continue;
		if (strcmp(path, "d") == 0)
			deleted_later(ib, blob, true);
		else if (strcmp(path, "m") == 0 &&
		    !deleted_later(ib, blob, false)) {
			g_strlcpy(w->commit, ib->commit, sizeof w->commit);
			g_strlcpy(w->blob, blob, sizeof w->blob);
			return true;
		}
	}
	return false;
}

static bool
start_epoch(struct mld_inbox *ib)
{
	const char *const args[] = { "cat-file", "--batch", NULL };
	GError *err = NULL;
	int out;

	ib->log_done = false;
	ib->head = ib->count = 0;
	ib->commit[0] = '\0';
	if ((ib->log = start_log(ib, ib->cur, NULL, &ib->log_pid)) == NULL)
		return false;
	if (!spawn_git(EPOCH(ib, ib->cur)->dir, args, false, &ib->cat_in, &out,
	    &ib->cat_pid, &err)) {
		mld_err("%s: %s", EPOCH(ib, ib->cur)->dir, err->message);
		g_error_free(err);
		fclose(ib->log);
		reap(NULL, ib->log_pid, "log", true);
		return false;
	}
	ib->cat = fdopen(out, "r");
	setvbuf(ib->cat, NULL, _IOFBF, 1 << 16);
	ib->reading = true;
	return true;
}

/* Ends the epoch's git processes; reports their failure unless quiet. */
static bool
end_epoch(struct mld_inbox *ib, bool quiet)
{
	const char *dir = EPOCH(ib, ib->cur)->dir;
	bool ok;

	ib->reading = false;
	close(ib->cat_in);
	ib->cat_in = -1;
	fclose(ib->log);
	fclose(ib->cat);
	ok = reap(dir, ib->log_pid, "log", quiet);

	return reap(dir, ib->cat_pid, "cat-file", quiet || !ok) && ok;
}

/*
 * Asks cat-file for the next messages, up to WINDOW outstanding, once
 * half of them are read: one write then carries many ids.
 */
static bool
request(struct mld_inbox *ib)
{
	if (ib->count > WINDOW / 2)
		return true;
	g_string_truncate(ib->ids, 0);
	while (!ib->log_done && ib->count < WINDOW) {
		struct want *w = &ib->ring[(ib->head + ib->count) % WINDOW];

		if (!log_next(ib, w)) {
			ib->log_done = true;
			break;
		}
		ib->count++;
		g_string_append(ib->ids, w->blob);
		g_string_append_c(ib->ids, '\n');
	}
	if (!send_all(ib->cat_in, ib->ids->str, ib->ids->len)) {
		mld_err("%s: git cat-file: %s", EPOCH(ib, ib->cur)->dir,
		    strerror(errno));
		return false;
	}
	return true;
}

/* Reads n bytes of cat-file's output and drops them. */
static bool
discard(struct mld_inbox *ib, guint64 n)
{
	char chunk[65536];
	size_t want;

	for (; n > 0; n -= want) {
		want = n < sizeof chunk ? (size_t)n : sizeof chunk;
		if (fread(chunk, 1, want, ib->cat) != want) {
			mld_err("%s: git cat-file ended early", ib->where->str);
			return false;
		}
	}
	return true;
}

/*
 * Reads cat-file's answer for the oldest message asked: 1 a message,
 * 0 a blob that is missing (reported), -1 git failed (reported).
 */
static int
take(struct mld_inbox *ib, struct mld_msg *msg)
{
	struct want *w = &ib->ring[ib->head];
	const char *type;
	char *end;
	guint64 size;
	size_t n;

	g_string_printf(ib->where, "%s@%s", EPOCH(ib, ib->cur)->dir,
	    w->commit);
	ib->head = (ib->head + 1) % WINDOW;
	ib->count--;
	msg->where.input = ib->where->str;
	msg->where.number = ++ib->number;
	msg->where.offset = 0;
	if (!read_line(ib, ib->cat, &n)) {
		mld_err("%s: git cat-file ended early", ib->where->str);
		return -1;
	}
	type = strchr(ib->line, ' ');
	if (type == NULL || strncmp(type, " blob ", 6) != 0) {
		mld_warn_at(&msg->where, "no blob %s in the repository",
		    w->blob);
		mld_count_skip();
		return 0;
	}
	size = g_ascii_strtoull(type + 6, &end, 10);
	if (*end != '\0' || size > G_MAXSIZE - 1) {
		mld_err("%s: git cat-file: '%s'", ib->where->str, ib->line);
		return -1;
	}
	if (size > MLD_MBOX_MAX) {
		/* The mbox reader's limit, and its words. */
		mld_warn_at(&msg->where, "message longer than 1 GiB, skipped");
		return discard(ib, size + 1) ? 0 : -1;
	}
	if (ib->bufcap < size + 1) {
		ib->bufcap = size + 1;
		ib->buf = g_realloc(ib->buf, ib->bufcap);
	}
	if (fread(ib->buf, 1, size + 1, ib->cat) != size + 1 ||
	    ib->buf[size] != '\n') {
		mld_err("%s: git cat-file ended early", ib->where->str);
		return -1;
	}
	mld_msgfile_msg(&ib->mf, ib->buf, (size_t)size, msg);
	return 1;
}

int
mld_inbox_next(struct mld_inbox *ib, struct mld_msg *msg)
{
	int r;

	if (ib->to == NULL || ib->done)
		return 0;
	if (!ib->started) {
		/* The first epoch's git starts while the deletions are read. */
		ib->started = true;
		ib->cur = ib->first;
		while (ib->cur <= ib->last && EPOCH(ib, ib->cur)->head == NULL)
			ib->cur++;
		if ((ib->cur <= ib->last && !start_epoch(ib)) ||
		    !count_deletions(ib))
			goto failed;
	}
	for (; ib->cur <= ib->last; ib->cur++) {
		if (EPOCH(ib, ib->cur)->head == NULL)
			continue;
		if (!ib->reading && !start_epoch(ib))
			break;
		for (;;) {
			if (!request(ib))
				break;
			if (ib->count == 0) {
				if (!end_epoch(ib, false))
					goto failed;
				break;
			}
			if ((r = take(ib, msg)) > 0)
				return 1;
			if (r < 0)
				break;
		}
		if (ib->reading) {
			end_epoch(ib, true);
			goto failed;
		}
	}
	ib->done = true;
	if (ib->cur > ib->last)
		return 0;
failed:
	ib->done = true;
	return -1;
}

void
mld_inbox_close(struct mld_inbox *ib)
{
	guint i;

	if (ib == NULL)
		return;
	if (ib->reading)
		end_epoch(ib, true);
	for (i = 0; i < ib->epochs->len; i++) {
		g_free(EPOCH(ib, i)->dir);
		g_free(EPOCH(ib, i)->head);
	}
	g_array_free(ib->epochs, TRUE);
	g_hash_table_destroy(ib->deleted);
	g_string_free(ib->ids, TRUE);
	g_string_free(ib->where, TRUE);
	mld_msgfile_free(&ib->mf);
	g_free(ib->from);
	g_free(ib->to);
	g_free(ib->line);
	g_free(ib->buf);
	g_free(ib);
}
