/*
 * body.c - in-body headers, diffs, diffstats and excerpts (see body.h).
 */
#include "body.h"

#include <string.h>

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
	unsigned long changed;	/* insertions + deletions before it */
	size_t start;
};

static void
close_section(struct section *s, struct mld_diff *d)
{
	if (s->open && (s->hunks > 0 || s->meta > 0)) {
		d->sections++;
		/* As git: a file with no line changed counts when renamed
		 * or binary. */
		if (s->meta == 2 ||
		    d->insertions + d->deletions > s->changed)
			d->files++;
		if (s->start < d->start)
			d->start = s->start;
	}
	memset(s, 0, sizeof(*s));
}

static void
open_section(struct section *s, struct mld_diff *d, size_t start, bool git)
{
	close_section(s, d);
	s->open = true;
	s->git = git;
	s->start = start;
	s->changed = d->insertions + d->deletions;
}

bool
mld_diff_scan(const char *text, size_t len, struct mld_diff *d)
{
	struct section s = { false, false, false, 0, 0, 0, 0 };
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
			open_section(&s, d, pos, true);
		} else if (s.open && s.git && !s.named && s.hunks == 0 &&
		    (meta = git_meta(&l)) > 0) {
			if (meta > s.meta)
				s.meta = meta;
		} else if (starts(&l, "--- ") &&
		    get_line(text, len, l.next, &l2) && starts(&l2, "+++ ")) {
			if (!(s.open && s.git && !s.named && s.hunks == 0)) {
				start = pos;
				/* "Index: f" or "diff -u a b" heads a section. */
				if (have_prev && get_line(text, len, prev, &l2) &&
				    (starts(&l2, "Index: ") ||
				    starts(&l2, "diff ")))
					start = prev;
				open_section(&s, d, start, false);
			}
			s.named = true;
			get_line(text, len, l.next, &l2);
			pos = l2.next;
			have_prev = false;
			continue;
		} else if (s.open && s.named && hunk_header(&l, &old, &new)) {
			pos = hunk_body(text, len, l.next, old, new, d, &taken);
			if (taken > 0) {
				s.hunks++;
				d->hunks++;
			}
			have_prev = false;
			continue;
		}
		prev = pos;
		have_prev = true;
		pos = l.next;
	}
	close_section(&s, d);
	if (d->sections == 0)
		d->insertions = d->deletions = 0;
	return d->sections > 0;
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

static bool
is_summary(const struct line *l, const char **s)
{
	const char *p = l->p, *end = l->p + l->n;
	unsigned long n;

	while (p < end && *p == ' ')
		p++;
	*s = p;
	if (p == l->p || !number(&p, end, &n))
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

/* Offset of the first "-- " signature line in text[from..end), or end. */
static size_t
signature(const char *text, size_t from, size_t end)
{
	struct line l;
	size_t pos = from;

	while (get_line(text, end, pos, &l)) {
		if (l.n == 3 && memcmp(l.p, "-- ", 3) == 0)
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
		if (is_separator(&l) || (l.n == 3 && memcmp(l.p, "-- ", 3) == 0))
			return pos;
		pos = l.next;
	}
	return diff;
}
