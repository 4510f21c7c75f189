/*
 * body.c - in-body headers, diffs, diffstats and excerpts (see body.h).
 */
#include "body.h"

#include <limits.h>
#include <string.h>

/* git request-pull's words: a pull request, whatever its subject. */
#define REQUEST_PULL "are available in the Git repository at"

/* One line of text: [p, p + n), and where the next one starts. */
struct line {
	const char *p;
	size_t n;
	size_t next;
};

static bool
get_line(const char *text, size_t len, size_t pos, struct line *l)
{
	const char *nl;

	if (pos >= len)
		return false;
	l->p = text + pos;
	nl = memchr(l->p, '\n', len - pos);
	l->n = nl != NULL ? (size_t)(nl - l->p) : len - pos;
	l->next = nl != NULL ? pos + l->n + 1 : len;
	return true;
}

static bool
starts(const struct line *l, const char *prefix)
{
	size_t n = strlen(prefix);

	return l->n >= n && memcmp(l->p, prefix, n) == 0;
}

static bool
is_blank(const struct line *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->p[i] != ' ' && l->p[i] != '\t')
			return false;
	return true;
}

static size_t
skip_blank(const char *text, size_t len, size_t pos)
{
	struct line l;

	while (get_line(text, len, pos, &l) && is_blank(&l))
		pos = l.next;
	return pos;
}

/* The in-body header a line opens: its slot in ib, or NULL. */
static char **
inbody_slot(const struct line *l, struct mld_inbody *ib)
{
	static const struct {
		const char *name;
		size_t off;
	} names[] = {
		{ "From:", offsetof(struct mld_inbody, from) },
		{ "Date:", offsetof(struct mld_inbody, date) },
		{ "Subject:", offsetof(struct mld_inbody, subject) },
	};
	size_t i, n;

	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		n = strlen(names[i].name);
		if (l->n >= n && g_ascii_strncasecmp(l->p, names[i].name, n) == 0)
			return (char **)(void *)((char *)ib + names[i].off);
	}
	return NULL;
}

/* Reads one header line and its continuation lines into *slot. */
static size_t
read_field(const char *text, size_t len, const struct line *first,
    char **slot)
{
	GString *v = g_string_new(NULL);
	const char *colon = memchr(first->p, ':', first->n);
	struct line l;
	size_t pos = first->next;

	g_string_append_len(v, colon + 1,
	    (gssize)(first->n - (size_t)(colon + 1 - first->p)));
	while (get_line(text, len, pos, &l) && l.n > 0 &&
	    (l.p[0] == ' ' || l.p[0] == '\t') && !is_blank(&l)) {
		g_string_append_len(v, l.p, (gssize)l.n);
		pos = l.next;
	}
	g_free(*slot);
	*slot = g_strstrip(g_string_free(v, FALSE));
	return pos;
}

/*
 * The first line of a git format-patch file, "From <40 hex> Mon Sep 17
 * 00:00:00 2001": pasted at the top of a body, it opens in-body headers.
 */
static bool
format_patch_line(const struct line *l)
{
	static const char date[] = " Mon Sep 17 00:00:00 2001";
	size_t i, dl = sizeof(date) - 1;

	if (l->n < 5 + 40 + dl || memcmp(l->p, "From ", 5) != 0)
		return false;
	for (i = 5; i < 45; i++)
		if (!g_ascii_isxdigit(l->p[i]))
			return false;
	return memcmp(l->p + 45, date, dl) == 0 && is_blank(&(struct line){
	    l->p + 45 + dl, l->n - 45 - dl, 0 });
}

bool
mld_inbody_read(const char *text, size_t len, struct mld_inbody *ib)
{
	struct mld_inbody tmp = { NULL, NULL, NULL, 0 };
	struct line l;
	size_t pos = skip_blank(text, len, 0), next;
	char **slot;
	bool any = false;

	memset(ib, 0, sizeof(*ib));
	ib->end = pos;
	if (get_line(text, len, pos, &l) && format_patch_line(&l))
		pos = l.next;
	while (get_line(text, len, pos, &l) &&
	    (slot = inbody_slot(&l, &tmp)) != NULL) {
		next = read_field(text, len, &l, slot);
		if (slot == &tmp.from && strchr(tmp.from, '@') == NULL)
			break;
		pos = next;
		any = true;
	}
	/* Headers end at a blank line (or the end), as in a message. */
	if (!any || (get_line(text, len, pos, &l) && !is_blank(&l))) {
		mld_inbody_clear(&tmp);
		return false;
	}
	*ib = tmp;
	ib->end = skip_blank(text, len, pos);
	return true;
}

void
mld_inbody_clear(struct mld_inbody *ib)
{
	g_free(ib->from);
	g_free(ib->date);
	g_free(ib->subject);
	ib->from = ib->date = ib->subject = NULL;
}

/* Reads an unsigned decimal number at *p. */
static bool
number(const char **p, const char *end, unsigned long *v)
{
	const char *s = *p;

	*v = 0;
	while (*p < end && g_ascii_isdigit(**p) && *v < 100000000UL)
		*v = *v * 10 + (unsigned long)(*(*p)++ - '0');
	return *p > s;
}

/* "@@ -a[,b] +c[,d] @@...": sets the old and new line counts. */
static bool
hunk_header(const struct line *l, unsigned long *old, unsigned long *new)
{
	const char *p = l->p + 4, *end = l->p + l->n;
	unsigned long at;

	if (!starts(l, "@@ -") || !number(&p, end, &at))
		return false;
	*old = 1;
	if (p < end && *p == ',' && (++p, !number(&p, end, old)))
		return false;
	if (end - p < 2 || p[0] != ' ' || p[1] != '+')
		return false;
	p += 2;
	if (!number(&p, end, &at))
		return false;
	*new = 1;
	if (p < end && *p == ',' && (++p, !number(&p, end, new)))
		return false;
	return end - p >= 3 && memcmp(p, " @@", 3) == 0;
}

/*
 * Takes the lines of the hunk after its header at pos; returns where the
 * hunk ends, and 0 in *taken when its first line already breaks it.
 */
static size_t
hunk_body(const char *text, size_t len, size_t pos, unsigned long old,
    unsigned long new, struct mld_diff *d, unsigned *taken)
{
	struct line l;
	char c;

	*taken = 0;
	while ((old > 0 || new > 0) && get_line(text, len, pos, &l)) {
		c = l.n > 0 ? l.p[0] : ' ';
		if (c == ' ' && old > 0 && new > 0) {
			old--;
			new--;
		} else if (c == '-' && old > 0) {
			old--;
			d->deletions++;
		} else if (c == '+' && new > 0) {
			new--;
			d->insertions++;
		} else if (c != '\\') {
			break;
		}
		(*taken)++;
		pos = l.next;
	}
	/* A "\ No newline at end of file" may follow the last line. */
	if (get_line(text, len, pos, &l) && starts(&l, "\\ "))
		pos = l.next;
	return pos;
}

/*
 * git's extended header lines that make a diff without a hunk: 1 for a
 * mode change or an empty file, which git's diffstat does not count, 2
 * for a rename, copy or binary file, which it does.
 */
static int
git_meta(const struct line *l)
{
	static const char *const meta[] = { "new file mode ",
		"deleted file mode ", "old mode ", "new mode ",
		"dissimilarity index " };
	static const char *const counted[] = { "similarity index ",
		"rename from ", "copy from ", "Binary files ",
		"GIT binary patch" };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(counted); i++)
		if (starts(l, counted[i]))
			return 2;
	for (i = 0; i < G_N_ELEMENTS(meta); i++)
		if (starts(l, meta[i]))
			return 1;
	return 0;
}

/* The file section being read. */
struct section {
	bool open, git, named;
	int meta;		/* the highest git_meta of its lines */
	unsigned hunks;
	unsigned long ins, del;	/* insertions and deletions before it */
	size_t start, end;	/* its text, from its first line */
};

/*
 * The file sections counted so far, by their first line, to find one
 * pasted twice: only a section whose first line ("diff --git a/x b/x")
 * was seen before is compared whole.  Made at the second section.
 */
struct counted {
	GHashTable *first;	/* first line -> 1 + index in spans */
	GArray *spans;		/* struct section */
};

/* Is s, with its text in text, the same as a section counted before? */
static bool
seen_before(struct counted *c, const char *text, const struct section *s)
{
	const struct section *o;
	const char *nl = memchr(text + s->start, '\n', s->end - s->start);
	size_t fl = nl != NULL ? (size_t)(nl - text) - s->start :
	    s->end - s->start;
	char *key;
	guint i;

	if (c->spans == NULL)
		c->spans = g_array_new(FALSE, FALSE, sizeof(struct section));
	if (c->spans->len == 0) {
		g_array_append_val(c->spans, *s);
		return false;
	}
	if (c->first == NULL) {
		c->first = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, NULL);
		o = &g_array_index(c->spans, struct section, 0);
		nl = memchr(text + o->start, '\n', o->end - o->start);
		g_hash_table_insert(c->first, g_strndup(text + o->start,
		    nl != NULL ? (size_t)(nl - text) - o->start :
		    o->end - o->start), GUINT_TO_POINTER(1));
	}
	key = g_strndup(text + s->start, fl);
	i = GPOINTER_TO_UINT(g_hash_table_lookup(c->first, key));
	if (i > 0) {
		o = &g_array_index(c->spans, struct section, i - 1);
		g_free(key);
		return o->end - o->start == s->end - s->start &&
		    memcmp(text + o->start, text + s->start,
		    s->end - s->start) == 0;
	}
	g_array_append_val(c->spans, *s);
	g_hash_table_insert(c->first, key, GUINT_TO_POINTER(c->spans->len));
	return false;
}

static void
close_section(struct section *s, struct mld_diff *d, const char *text,
    struct counted *c)
{
	if (s->open && (s->hunks > 0 || s->meta > 0)) {
		/* The same diff pasted twice in one mail counts once. */
		if (seen_before(c, text, s)) {
			d->insertions = s->ins;
			d->deletions = s->del;
			d->hunks -= s->hunks;
		} else {
			d->sections++;
			/* As git: a file with no line changed counts when
			 * renamed or binary. */
			if (s->meta == 2 ||
			    d->insertions + d->deletions > s->ins + s->del)
				d->files++;
			if (s->start < d->start)
				d->start = s->start;
		}
	}
	memset(s, 0, sizeof(*s));
}

static void
open_section(struct section *s, struct mld_diff *d, size_t start, bool git,
    const char *text, struct counted *c)
{
	close_section(s, d, text, c);
	s->open = true;
	s->git = git;
	s->start = s->end = start;
	s->ins = d->insertions;
	s->del = d->deletions;
}

bool
mld_diff_scan(const char *text, size_t len, struct mld_diff *d)
{
	struct section s = { 0 };
	struct counted c = { NULL, NULL };
	int meta;
	struct line l, l2;
	unsigned long old, new;
	size_t pos = 0, prev = 0, start;
	unsigned taken;
	bool have_prev = false;

	memset(d, 0, sizeof(*d));
	d->start = len;
	while (get_line(text, len, pos, &l)) {
		if (starts(&l, "diff --git ")) {
			open_section(&s, d, pos, true, text, &c);
			s.end = l.next;
		} else if (s.open && s.git && !s.named && s.hunks == 0 &&
		    (meta = git_meta(&l)) > 0) {
			if (meta > s.meta)
				s.meta = meta;
			s.end = l.next;
		} else if (starts(&l, "--- ") &&
		    get_line(text, len, l.next, &l2) && starts(&l2, "+++ ")) {
			if (!(s.open && s.git && !s.named && s.hunks == 0)) {
				start = pos;
				/* "Index: f" or "diff -u a b" heads a section. */
				if (have_prev && get_line(text, len, prev, &l2) &&
				    (starts(&l2, "Index: ") ||
				    starts(&l2, "diff ")))
					start = prev;
				open_section(&s, d, start, false, text, &c);
			}
			s.named = true;
			get_line(text, len, l.next, &l2);
			pos = s.end = l2.next;
			have_prev = false;
			continue;
		} else if (s.open && s.named && hunk_header(&l, &old, &new)) {
			pos = hunk_body(text, len, l.next, old, new, d, &taken);
			if (taken > 0) {
				s.hunks++;
				d->hunks++;
				s.end = pos;
			}
			have_prev = false;
			continue;
		}
		prev = pos;
		have_prev = true;
		pos = l.next;
	}
	close_section(&s, d, text, &c);
	if (c.first != NULL)
		g_hash_table_destroy(c.first);
	if (c.spans != NULL)
		g_array_free(c.spans, TRUE);
	if (d->sections == 0)
		d->insertions = d->deletions = 0;
	return d->sections > 0;
}

/*
 * Where a diff starts that no hunk of could be counted: a "diff --git"
 * line followed within a few lines by its "--- " and "+++ " lines, whose
 * hunks a mailer broke (wrapped hunk headers, context lines that lost
 * their leading space).  The offset of that line, or len.
 */
size_t
mld_diff_damaged(const char *text, size_t len)
{
	static const char mark[] = "diff --git ";
	const char *p = text, *end = text + len;
	struct line l;
	size_t pos;
	unsigned i;

	while ((p = memmem(p, (size_t)(end - p), mark, sizeof(mark) - 1)) !=
	    NULL) {
		pos = (size_t)(p - text);
		p += sizeof(mark) - 1;
		if ((pos > 0 && text[pos - 1] != '\n') ||
		    !get_line(text, len, pos, &l))
			continue;
		for (i = 0; i < 6 && get_line(text, len, l.next, &l); i++)
			if (starts(&l, "--- ") && get_line(text, len, l.next,
			    &l) && starts(&l, "+++ "))
				return pos;
	}
	return len;
}

void
mld_diffstat_format(const struct mld_diff *d, GString *out)
{
	/* git's print_stat_summary: a zero count shows only when both are. */
	if (d->files == 0) {
		g_string_append(out, "0 files changed");
		return;
	}
	g_string_append_printf(out, "%u file%s changed", d->files,
	    d->files == 1 ? "" : "s");
	if (d->insertions > 0 || d->deletions == 0)
		g_string_append_printf(out, ", %lu insertion%s(+)",
		    d->insertions, d->insertions == 1 ? "" : "s");
	if (d->deletions > 0 || d->insertions == 0)
		g_string_append_printf(out, ", %lu deletion%s(-)",
		    d->deletions, d->deletions == 1 ? "" : "s");
}

/* Matches ", N word(s)(c)" at *p. */
static bool
stat_part(const char **p, const char *end, const char *word, char c)
{
	const char *q = *p;
	unsigned long n;
	size_t wl = strlen(word);

	if (end - q < 2 || q[0] != ',' || q[1] != ' ')
		return false;
	q += 2;
	if (!number(&q, end, &n) || q >= end || *q++ != ' ' ||
	    (size_t)(end - q) < wl || memcmp(q, word, wl) != 0)
		return false;
	q += wl;
	if (q < end && *q == 's')
		q++;
	if (end - q < 3 || q[0] != '(' || q[1] != c || q[2] != ')')
		return false;
	*p = q + 3;
	return true;
}

/*
 * git's summary line.  Mailers strip its leading blanks, or turn them into
 * no-break spaces (U+00A0): any run of blanks and no-break spaces, or
 * none, may open it.
 */
static inline bool
is_summary(const struct line *l, const char **s)
{
	const char *p = l->p, *end = l->p + l->n;
	unsigned long n;

	/* Most lines fail at once: they open with a letter or a sign. */
	if (l->n == 0 || (*p != ' ' && *p != '\t' && *p != '\xc2' &&
	    !g_ascii_isdigit(*p)))
		return false;
	for (;;) {
		if (p < end && (*p == ' ' || *p == '\t'))
			p++;
		else if (end - p >= 2 && (unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] == 0xa0)
			p += 2;
		else
			break;
	}
	*s = p;
	/* Most lines fail here: they do not start with a count. */
	if (p == end || !g_ascii_isdigit(*p) || !number(&p, end, &n))
		return false;
	if ((size_t)(end - p) >= 13 && memcmp(p, " file changed", 13) == 0)
		p += 13;
	else if ((size_t)(end - p) >= 14 &&
	    memcmp(p, " files changed", 14) == 0)
		p += 14;
	else
		return false;
	stat_part(&p, end, "insertion", '+');
	stat_part(&p, end, "deletion", '-');
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p == end;
}

bool
mld_diffstat_find(const char *text, size_t len, const char **line,
    size_t *linelen)
{
	struct line l;
	const char *s;
	size_t pos = 0;
	bool found = false;

	while (get_line(text, len, pos, &l)) {
		if (is_summary(&l, &s)) {
			*line = s;
			*linelen = l.n - (size_t)(s - l.p);
			while (*linelen > 0 && (s[*linelen - 1] == ' ' ||
			    s[*linelen - 1] == '\t'))
				(*linelen)--;
			found = true;
		}
		pos = l.next;
	}
	return found;
}

/* "Jane Doe (3):", a git shortlog's author line: sets the count. */
static bool
shortlog_head(const struct line *l, unsigned long *count)
{
	const char *end = l->p + l->n, *p;

	if (l->n < 6 || l->p[0] == ' ' || l->p[0] == '\t' || end[-1] != ':' ||
	    end[-2] != ')')
		return false;
	for (p = end - 2; p > l->p && g_ascii_isdigit(p[-1]); p--)
		;
	if (p == end - 2 || p - l->p < 3 || p[-1] != '(' || p[-2] != ' ')
		return false;
	return number(&p, end, count);
}

bool
mld_body_cover_shape(const char *text, size_t len, unsigned *patches)
{
	struct line l, l2;
	unsigned long count, sum = 0;
	size_t pos = 0;
	const char *s;
	bool summary = false;

	while (get_line(text, len, pos, &l)) {
		if (shortlog_head(&l, &count) &&
		    get_line(text, len, l.next, &l2) && l2.n > 1 &&
		    (l2.p[0] == ' ' || l2.p[0] == '\t') && !is_blank(&l2)) {
			sum += count;
			summary = false;
		} else if (sum > 0 && is_summary(&l, &s)) {
			summary = true;
		}
		pos = l.next;
	}
	if (!summary || memmem(text, len, REQUEST_PULL,
	    sizeof(REQUEST_PULL) - 1) != NULL)
		return false;
	*patches = sum > UINT_MAX ? UINT_MAX : (unsigned)sum;
	return true;
}

/* "2.21.0", "2.39.3 (Apple Git-146)": git's version under its "-- ". */
static bool
is_version_line(const struct line *l)
{
	const char *p = l->p, *end = l->p + l->n;
	unsigned long v;
	unsigned parts = 0;

	while (number(&p, end, &v)) {
		parts++;
		if (p == end || *p != '.')
			break;
		p++;
	}
	return parts >= 2 && (p == end || *p == ' ' || *p == '.');
}

/* A line of underscores only, as mailman's footer opens with. */
static bool
is_rule(const struct line *l)
{
	size_t i;

	for (i = 0; i < l->n && l->p[i] == '_'; i++)
		;
	return i >= 20 && i == l->n;
}

/* Does a line of text[pos..end) hold s, within the next n lines? */
static bool
near(const char *text, size_t end, size_t pos, unsigned n, const char *s)
{
	struct line l;

	for (; n > 0 && get_line(text, end, pos, &l); n--, pos = l.next)
		if (memmem(l.p, l.n, s, strlen(s)) != NULL)
			return true;
	return false;
}

/*
 * Is the line l, at a line start of text[..end), where the mail's own
 * text ends?  A "-- " signature line; a "--" line whose trailing space a
 * mailer stripped, when git's version line follows it; a mailing-list
 * footer (a rule of underscores followed within four lines by a
 * "listinfo" URL, as mailman writes it).
 */
static inline bool
is_text_end(const char *text, size_t end, const struct line *l)
{
	struct line v;

	if (l->n < 2 || (l->p[0] != '-' && l->p[0] != '_'))
		return false;
	if (l->n == 3 && memcmp(l->p, "-- ", 3) == 0)
		return true;
	if (l->n == 2 && memcmp(l->p, "--", 2) == 0)
		return get_line(text, end, l->next, &v) && is_version_line(&v);
	return is_rule(l) && near(text, end, l->next, 4, "/listinfo");
}

/*
 * Offset of the first line in text[from..end) that ends the mail's own
 * text (is_text_end), or end.
 */
static size_t
signature(const char *text, size_t from, size_t end)
{
	struct line l;
	size_t pos = from;

	while (get_line(text, end, pos, &l)) {
		if (is_text_end(text, end, &l))
			return pos;
		pos = l.next;
	}
	return end;
}

/* True when l is git's "---" line between message and notes. */
static bool
is_separator(const struct line *l)
{
	struct line rest = { l->p + 3, l->n - 3, 0 };

	return l->n >= 3 && memcmp(l->p, "---", 3) == 0 && is_blank(&rest);
}

/* Where text[start..end) ends once its trailing blank lines are gone. */
static size_t
trim_end(const char *text, size_t start, size_t end, struct line *last)
{
	size_t ls;

	while (end > start && text[end - 1] == '\n')
		end--;
	while (end > start) {
		ls = end;
		while (ls > start && text[ls - 1] != '\n')
			ls--;
		if (get_line(text, end, ls, last) && !is_blank(last))
			break;
		end = ls > start ? ls - 1 : start;
	}
	return end;
}

void
mld_body_excerpt(const char *text, size_t from, size_t diff, GString *out)
{
	size_t end = signature(text, from, diff), start, n;
	const char *sum;
	struct line last;
	bool stat;

	stat = mld_diffstat_find(text + from, end - from, &sum, &n);
	if (stat)
		end = (size_t)(sum - text) + n;
	start = skip_blank(text, end, from);
	end = trim_end(text, start, end, &last);
	/* Without a diffstat, a "---" before the diff is left dangling. */
	if (!stat && end > start && is_separator(&last))
		end = trim_end(text, start, (size_t)(last.p - text), &last);
	g_string_append_len(out, text + start, (gssize)(end - start));
}

size_t
mld_body_message_end(const char *text, size_t from, size_t diff)
{
	struct line l;
	size_t pos = from;

	while (get_line(text, diff, pos, &l)) {
		if (is_separator(&l) || is_text_end(text, diff, &l))
			return pos;
		pos = l.next;
	}
	return diff;
}
