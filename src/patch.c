/*
 * patch.c - one message as a patchinfo record (see patch.h).
 */
#include "patch.h"

#include <stdio.h>
#include <string.h>
#include <gmime/gmime.h>

#include "addr.h"
#include "applied.h"
#include "body.h"
#include "columns.h"
#include "date.h"
#include "header.h"
#include "msgfile.h"
#include "subject.h"
#include "text.h"
#include "trailers.h"

/* The header fields read, all in one pass over the header. */
enum { H_SUBJECT, H_FROM, H_DATE, H_MSGID, H_IRT, H_REFS, H_XOF, H_RTO,
	H_CTYPE, H_CTE, NH };
static const char *const hnames[NH] = {
	[H_SUBJECT] = "Subject", [H_FROM] = "From", [H_DATE] = "Date",
	[H_MSGID] = "Message-ID", [H_IRT] = "In-Reply-To",
	[H_REFS] = "References", [H_XOF] = "X-Original-From",
	[H_RTO] = "Reply-To", [H_CTYPE] = "Content-Type",
	[H_CTE] = "Content-Transfer-Encoding",
};

/* Patches and covers kept per generation of the recent set. */
#define RECENT_GENERATION 16384

/* A patch or cover letter seen earlier in the run. */
struct posting {
	const char *key;	/* in its generation's strings */
	unsigned version, total;
	bool cover;
};

/*
 * One generation of the recent set: message ID -> 1 + index in postings.
 * The strings lie in one chunk and the postings in one array: as many
 * small blocks, kept among the thousands each message allocates and
 * frees, broke the heap up and made malloc's own work a tenth of the run.
 */
struct mld_recent {
	GHashTable *ids;
	GArray *postings;	/* struct posting */
	GStringChunk *strings;	/* the IDs and keys */
};

static struct mld_recent *
recent_new(void)
{
	struct mld_recent *s = g_new(struct mld_recent, 1);

	s->ids = g_hash_table_new(g_str_hash, g_str_equal);
	s->postings = g_array_sized_new(FALSE, FALSE, sizeof(struct posting),
	    RECENT_GENERATION);
	s->strings = g_string_chunk_new(1 << 16);
	return s;
}

static void
recent_free(struct mld_recent *s)
{
	g_hash_table_destroy(s->ids);
	g_array_free(s->postings, TRUE);
	g_string_chunk_free(s->strings);
	g_free(s);
}

void
mld_analyser_init(struct mld_analyser *a, bool all)
{
	size_t i;

	a->all = all;
	a->recent = recent_new();
	a->older = recent_new();
	mld_texts_init(&a->texts);
	a->text = g_string_sized_new(1 << 16);
	a->hv = g_new(GString *, NH);
	a->hf = g_new(bool, NH);
	for (i = 0; i < NH; i++)
		a->hv[i] = g_string_sized_new(128);
}

void
mld_analyser_free(struct mld_analyser *a)
{
	size_t i;

	recent_free(a->recent);
	recent_free(a->older);
	mld_texts_free(&a->texts);
	g_string_free(a->text, TRUE);
	for (i = 0; i < NH; i++)
		g_string_free(a->hv[i], TRUE);
	g_free(a->hv);
	g_free(a->hf);
}

void
mld_patch_init(struct mld_patch *p)
{
	memset(p, 0, sizeof(*p));
	p->diffstat = g_string_new(NULL);
	p->trailers = g_string_new(NULL);
	p->body = g_string_new(NULL);
	p->applied = g_string_new(NULL);
}

/* Empties p for the next message, keeping its buffers. */
static void
patch_reset(struct mld_patch *p)
{
	g_free(p->msgid);
	g_free(p->series);
	g_free(p->prefix);
	g_free(p->author);
	g_free(p->contributor);
	g_free(p->subject);
	g_free(p->title);
	g_free(p->parent);
	g_free(p->root);
	g_free(p->changeid);
	p->msgid = p->series = p->prefix = p->author = p->contributor =
	    p->subject = p->title = p->parent = p->root = p->changeid = NULL;
	p->date[0] = '\0';
	p->kind = MLD_KIND_OTHER;
	p->version = p->n = p->total = 1;
	g_string_truncate(p->diffstat, 0);
	g_string_truncate(p->trailers, 0);
	g_string_truncate(p->body, 0);
	g_string_truncate(p->applied, 0);
}

void
mld_patch_free(struct mld_patch *p)
{
	patch_reset(p);
	g_string_free(p->diffstat, TRUE);
	g_string_free(p->trailers, TRUE);
	g_string_free(p->body, TRUE);
	g_string_free(p->applied, TRUE);
}

const char *
mld_kind_name(enum mld_kind k)
{
	static const char *const names[] = { "cover", "patch", "reply",
		"pull", "other", "notice" };

	return names[k];
}

/* The raw value of header field i of the message, or NULL. */
static const char *
field(const struct mld_analyser *a, int i)
{
	return a->hf[i] ? a->hv[i]->str : NULL;
}

/* "Name <addr>" of the first mailbox of raw, relays undone; or NULL. */
static char *
person(const char *raw, const char *x_original_from, const char *reply_to,
    const struct mld_where *w)
{
	struct mld_person who;
	char *s;

	if (raw == NULL || !mld_person_parse(raw, w, &who))
		return NULL;
	mld_person_unrelay(&who, x_original_from, reply_to);
	s = mld_person_format(&who);
	mld_person_clear(&who);
	return s;
}

/*
 * Could this mail carry a diff, or be a cover letter?  Only a cheap look
 * at the raw text: a multipart or encoded body might, and so does any
 * diff-like line or diffstat summary.
 */
static bool
may_have_diff(const struct mld_analyser *a, const char *text, size_t hl,
    size_t len)
{
	static const char *const marks[] = { "\n@@ -", "\ndiff --git ",
		"\n--- ", "\nIndex: ", " changed, " };
	const char *v;
	/* From the line end before the body, if there is a header. */
	size_t i, from = hl > 0 ? hl - 1 : 0;

	if ((v = field(a, H_CTYPE)) != NULL &&
	    g_ascii_strncasecmp(v, "multipart/", 10) == 0)
		return true;
	if ((v = field(a, H_CTE)) != NULL &&
	    g_ascii_strncasecmp(v, "base64", 6) == 0)
		return true;
	for (i = 0; i < G_N_ELEMENTS(marks); i++)
		if (memmem(text + from, len - from, marks[i],
		    strlen(marks[i])) != NULL)
			return true;
	return false;
}

/* The message a message answers: In-Reply-To, else its last reference. */
static char *
parent_id(const char *in_reply_to, const char *references, bool root)
{
	GMimeReferences *refs;
	char *id = NULL;
	int n;

	if (!root && in_reply_to != NULL &&
	    (id = mld_header_msgid(in_reply_to)) != NULL)
		return id;
	if (references != NULL) {
		refs = g_mime_references_parse(NULL, references);
		if (refs != NULL) {
			n = g_mime_references_length(refs);
			/* Cleaned as a Message-ID is: the key must match
			 * the cover's ID, and a record holds only UTF-8. */
			if (n > 0)
				id = mld_text_clean(g_strdup(
				    g_mime_references_get_message_id(refs,
				    root ? 0 : n - 1)), MLD_TEXT_FIELD);
			g_mime_references_free(refs);
		}
	}
	if (id == NULL && root && in_reply_to != NULL)
		id = mld_header_msgid(in_reply_to);
	return id;
}

/*
 * The value of b4's "change-id: <id>" line, which it writes at the end
 * of a cover letter (or of a single patch) with "base-commit:".
 */
static char *
change_id(const char *text, size_t len)
{
	static const char key[] = "\nchange-id: ";
	const char *at = memmem(text, len, key, sizeof key - 1), *v, *e;

	if (at == NULL)
		return NULL;
	v = at + sizeof key - 1;
	for (e = v; e < text + len && *e != '\n' && *e != '\r' &&
	    *e != ' ' && *e != '\t'; e++)
		;
	return e > v ? mld_text_clean(g_strndup(v, (gsize)(e - v)),
	    MLD_TEXT_FIELD) : NULL;
}

/* An ID with each "-<digits>-" counter turned into "-#-". */
static char *
id_pattern(const char *id)
{
	GString *s = g_string_new(NULL);
	const char *p = id, *q;

	while (*p != '\0') {
		if (*p == '-' && g_ascii_isdigit(p[1])) {
			for (q = p + 1; g_ascii_isdigit(*q); q++)
				;
			if (*q == '-') {
				g_string_append(s, "-#");
				p = q;
				continue;
			}
		}
		g_string_append_c(s, *p++);
	}
	return g_string_free(s, FALSE);
}

/* What follows the first '.' of an ID, when it holds a timestamp. */
static const char *
after_first_label(const char *id)
{
	const char *dot = strchr(id, '.'), *p;
	size_t run = 0;

	if (dot == NULL)
		return NULL;
	for (p = dot + 1; *p != '\0' && *p != '@'; p++) {
		run = g_ascii_isdigit(*p) ? run + 1 : 0;
		if (run >= 9)
			return dot + 1;
	}
	return NULL;
}

/*
 * True when two message IDs look like messages of one posting: git
 * send-email's "<date>.<pid>-<n>-<user>@<host>" and b4's
 * "<date>-<slug>-v<v>-<n>-<hash>@<host>" differ only in the counter;
 * format-patch's "cover.<time>.git.<user>" and "<sha1>.<time>.git.<user>"
 * only in their first label.
 */
static bool
same_posting_ids(const char *a, const char *b)
{
	char *pa = id_pattern(a), *pb = id_pattern(b);
	const char *ra, *rb;
	bool same = strcmp(pa, pb) == 0 && strcmp(a, b) != 0 &&
	    strstr(pa, "-#") != NULL;

	g_free(pa);
	g_free(pb);
	if (!same && (ra = after_first_label(a)) != NULL &&
	    (rb = after_first_label(b)) != NULL)
		same = strcmp(ra, rb) == 0;
	return same;
}

/* The posting with message ID id in s, or NULL. */
static const struct posting *
recent_find(const struct mld_recent *s, const char *id)
{
	guint i = GPOINTER_TO_UINT(g_hash_table_lookup(s->ids, id));

	return i > 0 ? &g_array_index(s->postings, struct posting, i - 1) :
	    NULL;
}

static const struct posting *
recent_posting(const struct mld_analyser *a, const char *msgid)
{
	const struct posting *ps = recent_find(a->recent, msgid);

	return ps != NULL ? ps : recent_find(a->older, msgid);
}

/* Keeps p, a patch or a cover letter, under its message ID.  A full
 * generation becomes the older one, and the oldest is dropped: the
 * patches of a series follow their cover within minutes. */
static void
recent_add(struct mld_analyser *a, const struct mld_patch *p)
{
	struct mld_recent *s;
	struct posting ps;

	if (a->recent->postings->len >= RECENT_GENERATION) {
		recent_free(a->older);
		a->older = a->recent;
		a->recent = recent_new();
	}
	s = a->recent;
	ps.key = g_string_chunk_insert(s->strings, p->series);
	ps.version = p->version;
	ps.total = p->total;
	ps.cover = p->kind == MLD_KIND_COVER;
	g_array_append_val(s->postings, ps);
	g_hash_table_insert(s->ids, g_string_chunk_insert(s->strings, p->msgid),
	    GUINT_TO_POINTER(s->postings->len));
}

static void
series_key(struct mld_analyser *a, struct mld_patch *p)
{
	const char *parent = p->parent;
	const char *msgid = p->msgid != NULL ? p->msgid : "";
	const struct posting *ps = parent != NULL ? recent_posting(a, parent) :
	    NULL;

	if (p->kind == MLD_KIND_COVER) {
		p->series = g_strdup(msgid);
	} else if (p->kind == MLD_KIND_PATCH) {
		/* A patch of another size answering a patch (a fix sent in
		 * reply to one patch of a series) is a posting of its own;
		 * a cover may miscount its patches. */
		if (ps != NULL && ps->version == p->version &&
		    (ps->cover || ps->total == p->total))
			p->series = g_strdup(ps->key);
		else if (ps == NULL && parent != NULL &&
		    same_posting_ids(msgid, parent))
			p->series = g_strdup(parent);
		else
			p->series = g_strdup(msgid);
	} else if (ps != NULL) {
		p->series = g_strdup(ps->key);
	} else {
		p->series = g_strdup(p->root != NULL ? p->root : msgid);
	}
	if ((p->kind == MLD_KIND_COVER || p->kind == MLD_KIND_PATCH) &&
	    *msgid != '\0' && recent_posting(a, msgid) == NULL)
		recent_add(a, p);
}

/* Does the body's own text open with a syzbot command ("#syz test")? */
static bool
syz_test(const char *text, size_t len)
{
	while (len > 0 && (*text == '\n' || *text == ' ' || *text == '\t')) {
		text++;
		len--;
	}
	return len >= 9 && memcmp(text, "#syz test", 9) == 0;
}

/*
 * A tagged subject without a diff is a review that kept the subject when
 * it answers a message; alone (a robot's report on "[tree:branch 3/9]")
 * it is other mail.  cover_shape: the diff-less text is shaped as a cover
 * letter.
 */
static enum mld_kind
kind_of(const struct mld_subject *s, bool has_diff, bool syz, bool answers,
    bool cover_shape)
{
	bool tagged = s->patch || s->rfc;

	if (s->reply)
		return MLD_KIND_REPLY;
	if (s->notice || (has_diff && syz))
		return MLD_KIND_NOTICE;
	if (s->pull)
		return MLD_KIND_PULL;
	if (tagged && s->n == 0)
		return MLD_KIND_COVER;
	if (has_diff)
		return MLD_KIND_PATCH;
	if (cover_shape)
		return MLD_KIND_COVER;
	return tagged && answers ? MLD_KIND_REPLY : MLD_KIND_OTHER;
}

/*
 * The excerpt of a cover letter or a pull request: its series diffstat is
 * the last summary line, after an example diff or a merge resolution it
 * may show, and the excerpt runs to it.  Without a summary line after
 * the diff, the excerpt ends where the diff starts.
 */
static void
whole_excerpt(const GString *t, size_t from, size_t diff, GString *out)
{
	const char *sum;
	size_t n;

	if (diff < t->len) {
		mld_body_excerpt(t->str, from, t->len, out);
		if (mld_diffstat_find(out->str, out->len, &sum, &n) &&
		    memmem(t->str + diff, t->len - diff, sum, n) != NULL)
			return;
		g_string_truncate(out, 0);
	}
	mld_body_excerpt(t->str, from, diff, out);
}

/* Kind, diffstat, trailers and excerpt from the body texts. */
static void
read_body(struct mld_analyser *a, const struct mld_subject *s,
    bool answers, struct mld_patch *p, struct mld_inbody *ib)
{
	const GString *t = a->texts.main;
	struct mld_diff d, dx;
	const char *sum;
	size_t n, end;
	unsigned patches = 0;
	bool has_diff, damaged = false, shape = false;

	mld_inbody_read(t->str, t->len, ib);
	has_diff = mld_diff_scan(t->str, t->len, &d);
	if (!has_diff && mld_diff_scan(a->texts.extra->str,
	    a->texts.extra->len, &dx)) {
		has_diff = true;
		d.files = dx.files;
		d.hunks = dx.hunks;
		d.insertions = dx.insertions;
		d.deletions = dx.deletions;
	} else if (!has_diff && !s->reply) {
		/* A reply stays one, damaged diff or not. */
		d.start = mld_diff_damaged(t->str, t->len);
		damaged = d.start < t->len;
	}
	if (!has_diff && !damaged && !s->reply && !s->pull && !s->notice)
		shape = mld_body_cover_shape(t->str + ib->end,
		    t->len - ib->end, &patches);
	p->kind = kind_of(s, has_diff || damaged,
	    syz_test(t->str + ib->end, t->len - ib->end), answers, shape);
	if (p->kind == MLD_KIND_COVER && s->n != 0) {
		/* A cover letter without 0/N: its shortlog counts, and an
		 * untagged one may name its version last. */
		p->n = 0;
		p->total = patches > 0 ? patches : s->total;
		p->version = s->version;
		if (*s->prefix == '\0' &&
		    mld_subject_title_version(s->title) > 0)
			p->version = mld_subject_title_version(s->title);
	}
	end = mld_body_message_end(t->str, ib->end, d.start);
	mld_trailers(t->str + ib->end, end - ib->end, p->trailers);
	if (p->kind == MLD_KIND_COVER || (p->kind == MLD_KIND_PULL &&
	    (s->n == 0 || (s->n == 1 && s->total == 1))))
		whole_excerpt(t, ib->end, d.start, p->body);
	else
		mld_body_excerpt(t->str, ib->end, d.start, p->body);
	/* What the series stage reads of a reply's text. */
	if (p->kind == MLD_KIND_REPLY)
		mld_applied_find(p->body->str, p->body->len, p->applied);
	/* The summary the sender wrote, else the one the diff implies. */
	if (mld_diffstat_find(p->body->str, p->body->len, &sum, &n))
		g_string_append_len(p->diffstat, sum, (gssize)n);
	else if (has_diff)
		mld_diffstat_format(&d, p->diffstat);
}

/* The headers: date and message ID. */
static void
read_headers(const struct mld_analyser *a, const struct mld_msg *m,
    const char *text, size_t hl, struct mld_patch *p)
{
	const char *v;
	int64_t when;

	/* The fallbacks (From_ line, Received) cost a second look. */
	if (((v = field(a, H_DATE)) != NULL && mld_date_parse(v, &when)) ||
	    mld_message_date(text, hl, m->from_line, m->from_len, &when))
		mld_date_iso(when, p->date);
	else
		mld_warn_at(&m->where, "no readable Date");
	v = field(a, H_MSGID);
	p->msgid = v != NULL ? mld_header_msgid(v) : NULL;
	if (p->msgid == NULL)
		mld_warn_at(&m->where, "no Message-ID");
}

/*
 * Reads the message text[0..len) (LF line ends, unescaped); m gives its
 * place and From_ line.
 */
static bool
analyse(struct mld_analyser *a, const struct mld_msg *m, const char *text,
    size_t len, struct mld_patch *p)
{
	struct mld_subject s, ibs;
	struct mld_inbody ib = { NULL, NULL, NULL, 0 };
	const char *irt, *refs, *v;
	size_t hl;
	guint i;

	patch_reset(p);
	hl = mld_header_len(text, len);
	mld_header_scan(text, len, hnames, NH, a->hv, a->hf);
	v = field(a, H_SUBJECT);
	p->subject = mld_text_decode(v != NULL ? v : "", MLD_TEXT_FIELD);
	mld_subject_parse(p->subject, &s);
	/* A cheap look first: most list mail is not a patch. */
	if (!a->all && (s.reply || s.pull || s.notice || (!s.patch &&
	    !s.rfc && !may_have_diff(a, text, hl, len)))) {
		mld_subject_clear(&s);
		return false;
	}
	if (!mld_message_texts(text, len, &m->where, &a->texts))
		mld_warn_at(&m->where, "GMime cannot parse the message");
	for (i = 0; i < a->texts.warnings->len; i++)
		mld_warn_at(&m->where, "%s",
		    (const char *)g_ptr_array_index(a->texts.warnings, i));
	irt = field(a, H_IRT);
	refs = field(a, H_REFS);
	read_body(a, &s, irt != NULL || refs != NULL, p, &ib);
	if (!a->all && p->kind != MLD_KIND_PATCH &&
	    p->kind != MLD_KIND_COVER) {
		mld_inbody_clear(&ib);
		mld_subject_clear(&s);
		return false;
	}
	read_headers(a, m, text, hl, p);
	/* A header too deeply nested was reported with the MIME parse. */
	p->author = person(field(a, H_FROM), field(a, H_XOF), field(a, H_RTO),
	    NULL);
	if (p->author == NULL) {
		mld_warn_at(&m->where, "no readable From");
		p->author = g_strdup("");
	}
	p->contributor = person(ib.from, NULL, NULL, &m->where);
	if (p->contributor == NULL)
		p->contributor = g_strdup(p->author);
	p->prefix = g_strdup(s.prefix);
	if (p->kind != MLD_KIND_COVER || s.n == 0) {
		p->version = s.version;
		p->n = s.n;
		p->total = s.total;
	}
	/* A notice is titled with the patch it concerns. */
	if (ib.subject != NULL && p->kind != MLD_KIND_NOTICE) {
		/* git am takes the title from an in-body Subject. */
		mld_subject_parse(ib.subject, &ibs);
		p->title = g_strdup(ibs.title);
		mld_subject_clear(&ibs);
	} else {
		p->title = g_strdup(s.title);
	}
	p->parent = parent_id(irt, refs, false);
	p->root = parent_id(irt, refs, true);
	if (p->kind == MLD_KIND_COVER || p->kind == MLD_KIND_PATCH)
		p->changeid = change_id(a->texts.main->str,
		    a->texts.main->len);
	series_key(a, p);
	mld_inbody_clear(&ib);
	mld_subject_clear(&s);
	return true;
}

bool
mld_patch_analyse(struct mld_analyser *a, const struct mld_msg *m,
    struct mld_patch *p)
{
	/* Most messages are stored as they are read: no copy. */
	if (mld_msg_is_text(m))
		return analyse(a, m, m->raw, m->rawlen, p);
	g_string_truncate(a->text, 0);
	mld_msg_text(m, a->text);
	return analyse(a, m, a->text->str, a->text->len, p);
}

int
mld_patch_analyse_file(struct mld_analyser *a, const char *path,
    struct mld_patch *p)
{
	struct mld_msgfile mf;
	struct mld_msg m;
	char *data;
	size_t len;
	bool got;

	if ((data = mld_read_input(path, &len)) == NULL)
		return -1;
	mld_msgfile_init(&mf);
	m.where.input = path;
	m.where.number = 1;
	m.where.offset = 0;
	mld_msgfile_msg(&mf, data, len, &m);
	got = mld_patch_analyse(a, &m, p);
	mld_msgfile_free(&mf);
	g_free(data);
	return got ? 1 : 0;
}

void
mld_patch_record(const struct mld_patch *p, struct mld_rec *r)
{
	char version[24], n[24], total[24];
	const char *f[MLD_NCOLS] = {
		[MLD_COL_KIND] = mld_kind_name(p->kind),
		[MLD_COL_DATE] = p->date,
		[MLD_COL_MSGID] = p->msgid,
		[MLD_COL_SERIES] = p->series,
		[MLD_COL_VERSION] = version,
		[MLD_COL_N] = n,
		[MLD_COL_TOTAL] = total,
		[MLD_COL_PREFIX] = p->prefix,
		[MLD_COL_AUTHOR] = p->author,
		[MLD_COL_CONTRIBUTOR] = p->contributor,
		[MLD_COL_SUBJECT] = p->subject,
		[MLD_COL_TITLE] = p->title,
		[MLD_COL_DIFFSTAT] = p->diffstat->str,
		[MLD_COL_TRAILERS] = p->trailers->str,
		[MLD_COL_BODY] = p->body->str,
		[MLD_COL_PARENT] = p->parent,
		[MLD_COL_ROOT] = p->root,
		[MLD_COL_CHANGEID] = p->changeid,
		[MLD_COL_APPLIED] = p->applied->str,
	};
	size_t i;

	snprintf(version, sizeof version, "%u", p->version);
	snprintf(n, sizeof n, "%u", p->n);
	snprintf(total, sizeof total, "%u", p->total);
	for (i = 0; i < MLD_NCOLS; i++)
		mld_rec_add(r, f[i]);
}
