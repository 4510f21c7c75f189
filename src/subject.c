/*
 * subject.c - parse the Subject of a patch mail into its reply markers,
 * patch prefix, version, n/N and title.
 *
 * The subject is read from the left, and only its head is taken apart:
 * reply markers and bracket groups, in any order and any number, each
 * after optional white space.  The first thing that is neither starts the
 * title, which is kept whole from there (so "VHOST_[GS]ET_FORK_FROM_OWNER"
 * is never cut at its ']'), with each run of white space made one space.
 *
 * Reply markers, a closed list, each followed by ':' (or the full-width
 * U+FF1A), optionally after blanks ("RE :") or a count ("Re[2]:", "Re^2:"):
 *   Re Fwd Fw Aw WG Antw Doorst SV VS VB VL R RIF Res Odp TR, and the
 *   Chinese 回复 回覆 答复 答覆 转发 轉寄 轉發.
 * "Re" and "Fwd" match in any case; the others only with a capital first
 * letter, so that a subsystem tag such as "wg:" or "sv:" is not taken for
 * one.  A word that is not in the list ("KVM: [PATCH] x") starts the
 * title, brackets and all.  A forward counts as a reply.
 *
 * A bracket group is '[', then text without '[' or ']', then ']'; groups
 * nested one level inside it are part of its text ("[[RESEND] iommufd
 * PATCH v2 1/2]", "[[efi boot control]]").  Inside it, tokens are
 * separated by white space, ',', ';' or the brackets of a nested group
 * ("[PATCH v6,19/24]", "[GIT,PULL]").  A token is known when it is (case
 * aside):
 *   PATCH, PATCHES, PATCHSET  - patch
 *   RFC                       - patch and rfc
 *   RESEND                    - resend
 *   PULL                      - pull ("GIT PULL", "PULL")
 *   vN or vN.M                - version N (the minor M is dropped)
 *   n/N, n of N               - counter, digits of any width ("0001/1234");
 *                               "43.1/46" is 43 of 46
 * and PATCH, RFC or RESEND may carry a version or counter glued on
 * ("PATCHv3", "PATCH1/8", "RFCv2").  Known tokens joined by '-' or '/'
 * are known together ("RFC-PATCH", "RFC/PATCH"), or not at all.  Any other
 * token ("net-next", "6.1", "kvm-unit-tests") is kept in the prefix text
 * but means nothing: "6.1" in "[PATCH 6.1 012/345]" names a stable tree,
 * not a version; so does a version after the word "for" ("[PATCH for
 * v5.15]"), which is passed over.
 *
 * A group with a known token is a patch group.  The prefix is the text of
 * the first patch group and of every group after it, white space made
 * single, joined by a space: "[PATCH][next]" gives "PATCH next".  Groups
 * before the first patch group are tags that list software put in front
 * ("[Linux-kernel]", "[SLOF]", "[syzbot ci]"), and are dropped; so is b4's
 * "(subset)".  A group without a known token that a ':' follows starts
 * the title ("[PATCH 58/58] [dax|pmem]: Enable x" is titled "[dax|pmem]:
 * Enable x"); no other group is ever part of it.  A group numbered
 * without the word PATCH ("[v3 1/5]") is a patch as well, unless it says
 * PULL.  When several tokens give a version or a counter, the first wins.
 * A title starting "GIT PULL" marks a pull.
 *
 * Robots' notices about a patch (not replies) are marked, and titled with
 * the patch's title: a tag group "[tip: <branch>]" or "[tip:<branch>]"
 * before any patch group (tip-bot's commit notices), or a title of one of
 * the shapes 'Applied "T" to ...', 'Patch "T" has been added to ...',
 * 'patch "T" added to ...', 'FAILED: patch "T" failed to apply to ...'
 * (the title T runs to the last such tail, so it may hold quotes; its
 * own reply markers and bracket groups are dropped).
 *
 * Limits: numbers saturate at UINT_MAX; a counter is kept as written even
 * when n > N or N == 0; a bracket group nested two levels deep
 * ("[PATCH [[v2]]]") or left open ends the head, and the title starts at
 * its '['.  White space means the ASCII blanks; other Unicode spaces are
 * kept as they are.
 * Every step moves forward, so the time is linear in the subject length.
 */
#include <limits.h>
#include <string.h>
#include <glib.h>

#include "subject.h"

/* What the known tokens of one or more bracket groups said. */
struct group {
	bool known;		/* at least one known token (one group) */
	bool patch, rfc, resend, pull;
	bool has_version, has_counter;
	unsigned version, n, total;
};

struct marker {
	const char *word;
	bool any_case;		/* also all lower case ("re:") */
};

static const struct marker markers[] = {
	{ "Re", true }, { "Fwd", true }, { "Fw", false }, { "Aw", false },
	{ "WG", false }, { "Antw", false }, { "Doorst", false },
	{ "SV", false }, { "VS", false }, { "VB", false }, { "VL", false },
	{ "R", false }, { "RIF", false }, { "Res", false }, { "Odp", false },
	{ "TR", false },
	{ "\xe5\x9b\x9e\xe5\xa4\x8d", true },	/* 回复 */
	{ "\xe5\x9b\x9e\xe8\xa6\x86", true },	/* 回覆 */
	{ "\xe7\xad\x94\xe5\xa4\x8d", true },	/* 答复 */
	{ "\xe7\xad\x94\xe8\xa6\x86", true },	/* 答覆 */
	{ "\xe8\xbd\xac\xe5\x8f\x91", true },	/* 转发 */
	{ "\xe8\xbd\x89\xe5\xaf\x84", true },	/* 轉寄 */
	{ "\xe8\xbd\x89\xe7\x99\xbc", true },	/* 轉發 */
};

#define FULLWIDTH_COLON "\xef\xbc\x9a"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

/* Separates the tokens of a bracket group (and of one nested in it). */
static bool
is_sep(char c)
{
	return is_space(c) || c == ',' || c == ';' || c == '[' || c == ']';
}

static const char *
skip_space(const char *p)
{
	while (is_space(*p))
		p++;
	return p;
}

/*
 * Appends s[0..len) to out, each run of white space made one space and
 * none at either end; a space first when out already holds text.
 */
static void
append_collapsed(GString *out, const char *s, size_t len)
{
	bool gap = out->len > 0;

	for (size_t i = 0; i < len; i++) {
		if (is_space(s[i])) {
			gap = out->len > 0;
			continue;
		}
		if (gap)
			g_string_append_c(out, ' ');
		gap = false;
		g_string_append_c(out, s[i]);
	}
}

/* Skips a reply count, "[2]" or "^2", after a marker word. */
static const char *
skip_count(const char *q)
{
	const char *r = q + 1;

	if (*q != '[' && *q != '^')
		return q;
	while (g_ascii_isdigit(*r))
		r++;
	if (r == q + 1)
		return q;
	if (*q == '[') {
		if (*r != ']')
			return q;
		r++;
	}
	return r;
}

/* Length of the reply marker at p, colon included; 0 if there is none. */
static size_t
reply_marker(const char *p)
{
	for (size_t i = 0; i < G_N_ELEMENTS(markers); i++) {
		const struct marker *m = &markers[i];
		size_t wl = strlen(m->word);
		const char *q;

		if (g_ascii_strncasecmp(p, m->word, wl) != 0)
			continue;
		if (!m->any_case && !g_ascii_isupper(p[0]))
			continue;
		q = skip_space(skip_count(p + wl));
		if (*q == ':')
			return (size_t)(q + 1 - p);
		if (strncmp(q, FULLWIDTH_COLON, 3) == 0)
			return (size_t)(q + 3 - p);
	}
	return 0;
}

/* Moves q past text without '[' or ']'. */
static const char *
skip_plain(const char *q)
{
	while (*q != '\0' && *q != '[' && *q != ']')
		q++;
	return q;
}

/*
 * Length of the bracket group at p, brackets included; 0 if none.  Groups
 * nested one level inside it ("[[RESEND] iommufd PATCH v2 1/2]") are part
 * of it; a deeper one, or one left open, makes it none.
 */
static size_t
group_len(const char *p)
{
	const char *q;

	if (*p != '[')
		return 0;
	for (q = skip_plain(p + 1); *q == '['; q = skip_plain(q + 1)) {
		q = skip_plain(q + 1);
		if (*q != ']')
			return 0;
	}
	return *q == ']' ? (size_t)(q + 1 - p) : 0;
}

/* Length of b4's "(subset)" at p (its thank-you notes); 0 if none. */
static size_t
subset_mark(const char *p)
{
	return g_ascii_strncasecmp(p, "(subset)", 8) == 0 ? 8 : 0;
}

/* Reads digits at *p (before end) as a saturating number; false if none. */
static bool
read_uint(const char **p, const char *end, unsigned *v)
{
	const char *s = *p;
	unsigned x = 0;

	for (; s < end && g_ascii_isdigit(*s); s++) {
		unsigned d = (unsigned)(*s - '0');

		x = x > (UINT_MAX - d) / 10 ? UINT_MAX : x * 10 + d;
	}
	if (s == *p)
		return false;
	*p = s;
	*v = x;
	return true;
}

/* True when s..end is digits only. */
static bool
is_number(const char *s, const char *end, unsigned *v)
{
	return read_uint(&s, end, v) && s == end;
}

/* True when s..end is, case aside, exactly word. */
static bool
is_word(const char *s, const char *end, const char *word)
{
	size_t wl = strlen(word);

	return (size_t)(end - s) == wl && g_ascii_strncasecmp(s, word, wl) == 0;
}

/* "v2", "V10", "v5.1": the whole of s..end. */
static bool
parse_version(const char *s, const char *end, unsigned *v)
{
	unsigned major, minor;

	if (s == end || (*s != 'v' && *s != 'V'))
		return false;
	s++;
	if (!read_uint(&s, end, &major))
		return false;
	if (s < end && *s == '.') {
		s++;
		if (!read_uint(&s, end, &minor))
			return false;
	}
	if (s != end)
		return false;
	*v = major;
	return true;
}

/*
 * "2/7", "01/12": the whole of s..end.  A dotted number, "43.1/46" (a
 * patch inserted after 43 of 46 in a revision), is its integer part.
 */
static bool
parse_counter(const char *s, const char *end, unsigned *n, unsigned *total)
{
	unsigned a, b, minor;

	if (!read_uint(&s, end, &a) || s == end)
		return false;
	if (*s == '.' && (++s, !read_uint(&s, end, &minor)))
		return false;
	if (s == end || *s != '/')
		return false;
	s++;
	if (!read_uint(&s, end, &b) || s != end)
		return false;
	*n = a;
	*total = b;
	return true;
}

static void
set_version(struct group *g, unsigned v)
{
	if (!g->has_version) {
		g->has_version = true;
		g->version = v;
	}
}

static void
set_counter(struct group *g, unsigned n, unsigned total)
{
	if (!g->has_counter) {
		g->has_counter = true;
		g->n = n;
		g->total = total;
	}
}

/*
 * When s..end starts with word (case aside), and what follows is nothing,
 * a version or a counter, records that and returns true.
 */
static bool
keyword(struct group *g, const char *s, const char *end, const char *word)
{
	size_t wl = strlen(word);
	unsigned a, b;

	if ((size_t)(end - s) < wl || g_ascii_strncasecmp(s, word, wl) != 0)
		return false;
	s += wl;
	if (s == end)
		return true;
	if (parse_version(s, end, &a)) {
		set_version(g, a);
		return true;
	}
	if (parse_counter(s, end, &a, &b)) {
		set_counter(g, a, b);
		return true;
	}
	return false;
}

/* Reads one token of s..end into *t..*te; false at the end. */
static bool
next_token(const char **s, const char *end, const char **t, const char **te)
{
	const char *p = *s;

	while (p < end && is_sep(*p))
		p++;
	if (p == end)
		return false;
	*t = p;
	while (p < end && !is_sep(*p))
		p++;
	*te = p;
	*s = p;
	return true;
}

/* Reads "of N" after a number token; advances *s past it on success. */
static bool
of_total(const char **s, const char *end, unsigned *total)
{
	const char *p = *s, *t, *te;

	if (!next_token(&p, end, &t, &te) || !is_word(t, te, "of"))
		return false;
	if (!next_token(&p, end, &t, &te) || !is_number(t, te, total))
		return false;
	*s = p;
	return true;
}

/* Records what one token says; false when the token is not known. */
static bool
known_token(struct group *g, const char *t, const char *te)
{
	unsigned a, b;

	if (keyword(g, t, te, "PATCH") || is_word(t, te, "PATCHES") ||
	    is_word(t, te, "PATCHSET")) {
		g->patch = true;
	} else if (keyword(g, t, te, "RFC")) {
		g->patch = g->rfc = true;
	} else if (keyword(g, t, te, "RESEND")) {
		g->resend = true;
	} else if (is_word(t, te, "PULL")) {
		g->pull = true;
	} else if (parse_version(t, te, &a)) {
		set_version(g, a);
	} else if (parse_counter(t, te, &a, &b)) {
		set_counter(g, a, b);
	} else {
		return false;
	}
	return true;
}

/*
 * Known words joined by '-' or '/' ("RFC-PATCH", "RFC/PATCH",
 * "PATCH-v2"): known when every part is, and only then recorded.
 */
static bool
compound_token(struct group *g, const char *t, const char *te)
{
	struct group trial = *g;
	bool joined = false;

	while (t < te) {
		const char *q = t;

		while (q < te && *q != '-' && *q != '/')
			q++;
		if (!known_token(&trial, t, q))
			return false;
		if (q < te) {
			joined = true;
			if (++q == te)
				return false;
		}
		t = q;
	}
	if (joined)
		*g = trial;
	return joined;
}

/*
 * Records what the token t..te says, reading "of N" after a number from
 * *rest (advanced past it); false when the token is not known.
 */
static bool
take_token(struct group *g, const char *t, const char *te, const char **rest,
    const char *end)
{
	unsigned a, b;

	if (known_token(g, t, te) || compound_token(g, t, te))
		return true;
	if (is_number(t, te, &a) && of_total(rest, end, &b)) {
		set_counter(g, a, b);
		return true;
	}
	return false;
}

/*
 * Reads the tokens of one bracket group's text s..end into *g.  A version
 * after the word "for" ("[PATCH for v5.15]") names the tree the patch is
 * meant for, not the series version: it is passed over.
 */
static void
read_group(struct group *g, const char *s, const char *end)
{
	const char *t, *te, *r;
	unsigned v;

	while (next_token(&s, end, &t, &te)) {
		if (is_word(t, te, "for")) {
			r = s;
			if (next_token(&r, end, &t, &te) &&
			    parse_version(t, te, &v))
				s = r;
			continue;
		}
		if (take_token(g, t, te, &s, end))
			g->known = true;
	}
}

/*
 * Adds what group g said to all, the first version and counter winning.
 * A group numbered without the word PATCH ("[v3 1/5]") is a patch too,
 * unless it is a pull request's.
 */
static void
merge(struct group *all, const struct group *g)
{
	all->patch |= g->patch ||
	    (!g->pull && (g->has_version || g->has_counter));
	all->rfc |= g->rfc;
	all->resend |= g->resend;
	all->pull |= g->pull;
	if (g->has_version)
		set_version(all, g->version);
	if (g->has_counter)
		set_counter(all, g->n, g->total);
}

/* True when the title starts with the words GIT PULL. */
static bool
git_pull_title(const char *p)
{
	if (g_ascii_strncasecmp(p, "GIT", 3) != 0 || !is_sep(p[3]))
		return false;
	p += 3;
	while (is_sep(*p))
		p++;
	return g_ascii_strncasecmp(p, "PULL", 4) == 0 &&
	    !g_ascii_isalnum(p[4]);
}

/* Does the group text s..end open with "tip:", tip-bot's branch tag? */
static bool
tip_tag(const char *s, const char *end)
{
	s = skip_space(s);
	return end - s >= 4 && memcmp(s, "tip:", 4) == 0;
}

/* The quoted-title notices of patch robots, as lead"TITLE"tail... */
static const struct notice {
	const char *lead, *tail;
} notices[] = {
	{ "Applied \"", "\" to " },
	{ "Patch \"", "\" has been added to " },
	{ "patch \"", "\" added to " },
	{ "FAILED: patch \"", "\" failed to apply to " },
};

/*
 * When the title p is a robot's notice about a patch, returns that
 * patch's title, from after the lead to the last tail: a title may hold
 * quotes itself ('Applied "Revert "x"" to the spi tree').
 */
static char *
notice_title(const char *p)
{
	for (size_t i = 0; i < G_N_ELEMENTS(notices); i++) {
		const struct notice *nt = &notices[i];
		size_t ll = strlen(nt->lead);
		const char *q, *last = NULL;

		if (strncmp(p, nt->lead, ll) != 0)
			continue;
		for (q = p + ll; (q = strstr(q, nt->tail)) != NULL; q++)
			last = q;
		if (last != NULL)
			return g_strndup(p + ll, (size_t)(last - p - ll));
	}
	return NULL;
}

/*
 * Reads the head of the subject p: reply markers and bracket groups.
 * Adds the patch groups' text to prefix and what they say to *all; sets
 * *reply and *tip when it sees a reply marker or a tip-bot tag.  Returns
 * where the title starts.
 */
static const char *
read_head(const char *p, GString *prefix, struct group *all, bool *reply,
    bool *tip)
{
	size_t len;

	for (;;) {
		p = skip_space(p);
		if ((len = reply_marker(p)) > 0) {
			*reply = true;
		} else if ((len = group_len(p)) > 0) {
			struct group g = { 0 };

			read_group(&g, p + 1, p + len - 1);
			/* "[dax|pmem]: Enable x": a tag of the title. */
			if (!g.known && p[len] == ':')
				break;
			if (g.known)
				merge(all, &g);
			else if (prefix->len == 0 && tip_tag(p + 1, p + len))
				*tip = true;
			if (g.known || prefix->len > 0)
				append_collapsed(prefix, p + 1, len - 2);
		} else if ((len = subset_mark(p)) == 0) {
			break;
		}
		p += len;
	}
	return p;
}

void
mld_subject_parse(const char *subject, struct mld_subject *out)
{
	const char *p = subject != NULL ? subject : "";
	GString *prefix = g_string_new(NULL), *title = g_string_new(NULL);
	struct group all = { 0 };
	bool reply = false, notice = false;
	char *quoted;

	p = read_head(p, prefix, &all, &reply, &notice);
	quoted = reply ? NULL : notice_title(p);
	if (quoted != NULL) {
		/* The quoted title may keep its patch's bracket groups:
		 * 'FAILED: patch "[PATCH] x" failed to apply to ...'. */
		GString *scratch = g_string_new(NULL);
		struct group none = { 0 };
		bool r = false, t = false;
		const char *q = read_head(quoted, scratch, &none, &r, &t);

		append_collapsed(title, q, strlen(q));
		g_string_free(scratch, TRUE);
		g_free(quoted);
		notice = true;
	} else {
		append_collapsed(title, p, strlen(p));
	}

	*out = (struct mld_subject){
		.prefix = g_string_free(prefix, FALSE),
		.title = g_string_free(title, FALSE),
		.version = all.has_version ? all.version : 1,
		.n = all.has_counter ? all.n : 1,
		.total = all.has_counter ? all.total : 1,
		.reply = reply,
		.patch = all.patch,
		.pull = all.pull || git_pull_title(p),
		.resend = all.resend,
		.rfc = all.rfc,
		.notice = notice && !reply,
	};
}

unsigned
mld_subject_title_version(const char *title)
{
	const char *end = title + strlen(title), *w = end;
	unsigned v;

	while (w > title && !is_space(w[-1]))
		w--;
	return w > title && parse_version(w, end, &v) ? v : 0;
}

void
mld_subject_clear(struct mld_subject *s)
{
	g_free(s->prefix);
	g_free(s->title);
	s->prefix = NULL;
	s->title = NULL;
}
