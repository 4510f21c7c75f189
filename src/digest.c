/*
 * digest.c - the text of the digest (see digest.h).
 *
 * A posting is what shares a series key: one cover letter and its
 * patches.  Its date is that of its oldest message, and postings are
 * printed newest first; equal dates keep the reverse of input order.
 * Only the first patch of a posting (the lowest number present) and its
 * cover letter are printed in full: the first patch carries the reason
 * for the series, the cover its overview and diffstat.
 *
 * The records wait in a temporary file until the digest is written:
 * memory holds only the series key, two dates and the numbers of each
 * posting, about 100 bytes a posting and 4 a message, and the two
 * messages being printed.
 *
 * Limits: the "Skip" test only knows titles, so a cover letter that
 * repeats its first patch in other words is printed.
 */
#include "digest.h"
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gmime/gmime.h>

/* Where a message's record lies in the spool file, and its number. */
struct ref {
	uint64_t off;
	unsigned n;
	bool set;
};

struct posting {
	GArray *ns;		/* unsigned: the numbers of its messages */
	struct ref cover;	/* the first cover letter seen */
	struct ref first;	/* the lowest-numbered patch */
	char *first_date;	/* the first patch's date */
	char *date;		/* of the oldest message */
	size_t order;		/* of its first record in the input */
};

struct mld_digest {
	GHashTable *byseries;	/* series key (owned) -> struct posting * */
	GPtrArray *postings;	/* struct posting *, owned */
	bool sorted;
	bool dates_only;	/* keep no record: a header needs no more */
	char *first, *last;	/* dates of the oldest and newest message */
	FILE *spool;		/* the records of the postings */
	uint64_t spooled;	/* bytes written to it */
	bool reading;		/* the spool was last read, not written */
	struct mld_recin rin;	/* reads records back from the spool */
	struct mld_rec rec;	/* writes them */
};

static void
patch_free(struct mld_patch *p)
{
	g_free(p->date);
	g_free(p->msgid);
	g_free(p->series);
	g_free(p->subject);
	g_free(p->title);
	g_free(p->author);
	g_free(p->body);
	g_free(p->contributor);
	memset(p, 0, sizeof *p);
}

static void
posting_free(void *v)
{
	struct posting *po = v;

	g_array_free(po->ns, TRUE);
	g_free(po->first_date);
	g_free(po->date);
	g_free(po);
}

struct mld_digest *
mld_digest_new(bool dates_only)
{
	struct mld_digest *d = g_new0(struct mld_digest, 1);

	d->dates_only = dates_only;
	d->byseries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	d->postings = g_ptr_array_new_with_free_func(posting_free);
	mld_rec_init(&d->rec);
	return d;
}

void
mld_digest_free(struct mld_digest *d)
{
	if (d == NULL)
		return;
	g_hash_table_destroy(d->byseries);
	g_ptr_array_free(d->postings, TRUE);
	g_free(d->first);
	g_free(d->last);
	if (d->spool != NULL)
		mld_recin_close(&d->rin);
	mld_rec_free(&d->rec);
	g_free(d);
}

/*
 * The spool: an unlinked file in TMPDIR, so that memory holds a few
 * numbers per message whatever the size of the period, and nothing is
 * left behind however the program ends.
 */
static FILE *
spool_open(void)
{
	char *path = g_build_filename(g_get_tmp_dir(), "digestfmt-XXXXXX",
	    NULL);
	int fd = mkstemp(path);
	FILE *f;

	if (fd < 0)
		mld_fatal("%s: %s", path, strerror(errno));
	unlink(path);
	if ((f = fdopen(fd, "w+")) == NULL)
		mld_fatal("%s: %s", path, strerror(errno));
	g_free(path);
	return f;
}

/* Appends p to the spool; returns where its record starts. */
static uint64_t
spool_write(struct mld_digest *d, const struct mld_patch *p)
{
	uint64_t off = d->spooled;

	if (d->spool == NULL) {
		d->spool = spool_open();
		mld_recin_init(&d->rin, d->spool, "temporary file");
	}
	/* C wants a seek between reading and writing a stream. */
	if (d->reading && fseeko(d->spool, 0, SEEK_END) != 0)
		mld_fatal("temporary file: %s", strerror(errno));
	d->reading = false;
	mld_rec_add(&d->rec, p->date);
	mld_rec_add(&d->rec, p->msgid);
	mld_rec_add(&d->rec, p->series);
	mld_rec_add(&d->rec, p->subject);
	mld_rec_add(&d->rec, p->title);
	mld_rec_add(&d->rec, p->author);
	mld_rec_add(&d->rec, p->body);
	mld_rec_add_u64(&d->rec, p->version);
	mld_rec_add_u64(&d->rec, p->n);
	mld_rec_add_u64(&d->rec, p->total);
	mld_rec_add(&d->rec, p->contributor != NULL ? p->contributor :
	    p->author);
	d->spooled += d->rec.buf->len + 1;
	mld_rec_write(&d->rec, d->spool);
	if (ferror(d->spool))
		mld_fatal("temporary file: %s", strerror(errno));
	return off;
}

/*
 * Makes what was written reach the file before anything is read back,
 * and so before any of the digest is printed: a full disk ends the
 * program with nothing printed.
 */
static void
spool_settle(struct mld_digest *d)
{
	if (d->spool == NULL || d->reading)
		return;
	if (fflush(d->spool) != 0)
		mld_fatal("temporary file: %s", strerror(errno));
	d->reading = true;
}

/* Reads back the record at ref into p (owned strings: patch_free). */
static void
spool_read(struct mld_digest *d, const struct ref *ref, struct mld_patch *p)
{
	const char *f[11];
	unsigned i;

	spool_settle(d);
	if (fseeko(d->spool, (off_t)ref->off, SEEK_SET) != 0 ||
	    mld_recin_next(&d->rin) != MLD_REC_OK)
		mld_fatal("temporary file: cannot read it back");
	for (i = 0; i < G_N_ELEMENTS(f); i++)
		if ((f[i] = mld_recin_field(&d->rin, i)) == NULL)
			mld_fatal("temporary file: a record lacks a field");
	*p = (struct mld_patch){
		.date = g_strdup(f[0]), .msgid = g_strdup(f[1]),
		.series = g_strdup(f[2]), .subject = g_strdup(f[3]),
		.title = g_strdup(f[4]), .author = g_strdup(f[5]),
		.body = g_strdup(f[6]),
		.version = (unsigned)strtoul(f[7], NULL, 10),
		.n = (unsigned)strtoul(f[8], NULL, 10),
		.total = (unsigned)strtoul(f[9], NULL, 10),
		.contributor = g_strdup(f[10]),
	};
}

static const char *
str_or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* An unknown date ("") is older than any known one. */
static int
datecmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

static void
note_dates(struct mld_digest *d, const char *date)
{
	if (*date == '\0')
		return;
	if (d->first == NULL || datecmp(date, d->first) < 0) {
		g_free(d->first);
		d->first = g_strdup(date);
	}
	if (d->last == NULL || datecmp(date, d->last) > 0) {
		g_free(d->last);
		d->last = g_strdup(date);
	}
}

/* The posting of a message's series key, made if new. */
static struct posting *
posting_of(struct mld_digest *d, const struct mld_patch *p)
{
	const char *series = str_or_empty(p->series);
	const char *msgid = str_or_empty(p->msgid);
	struct posting *po;
	char *key;

	/* Without a series key a message is a posting of its own. */
	if (*series != '\0')
		key = g_strdup(series);
	else if (*msgid != '\0')
		key = g_strconcat("<", msgid, ">", NULL);
	else
		key = g_strdup_printf("#%u", d->postings->len);
	po = g_hash_table_lookup(d->byseries, key);
	if (po != NULL) {
		g_free(key);
		return po;
	}
	po = g_new0(struct posting, 1);
	po->ns = g_array_new(FALSE, FALSE, sizeof(unsigned));
	po->order = d->postings->len;
	g_ptr_array_add(d->postings, po);
	g_hash_table_insert(d->byseries, key, po);
	return po;
}

void
mld_digest_add(struct mld_digest *d, const struct mld_patch *p)
{
	const char *date = str_or_empty(p->date);
	struct posting *po;
	struct ref ref;

	note_dates(d, date);
	if (d->dates_only)
		return;
	po = posting_of(d, p);
	ref = (struct ref){ spool_write(d, p), p->n, true };
	g_array_append_val(po->ns, p->n);
	if (po->date == NULL || datecmp(date, po->date) < 0) {
		g_free(po->date);
		po->date = g_strdup(date);
	}
	/* The first patch is the lowest number, then the oldest. */
	if (p->n == 0) {
		if (!po->cover.set)
			po->cover = ref;
	} else if (!po->first.set || p->n < po->first.n ||
	    (p->n == po->first.n && datecmp(date, po->first_date) < 0)) {
		po->first = ref;
		g_free(po->first_date);
		po->first_date = g_strdup(date);
	}
	d->sorted = false;
}

const char *
mld_digest_first(const struct mld_digest *d)
{
	return d->first;
}

const char *
mld_digest_last(const struct mld_digest *d)
{
	return d->last;
}

/* Column numbers of DESIGN.md, used when the input has no header line. */
enum col { C_KIND, C_DATE, C_MSGID, C_SERIES, C_VERSION, C_N, C_TOTAL,
	C_AUTHOR, C_SUBJECT, C_TITLE, C_BODY, NCOLS };
static const struct {
	const char *name;
	int dflt;
} cols[NCOLS] = {
	[C_KIND] = { "kind", 0 }, [C_DATE] = { "date", 1 },
	[C_MSGID] = { "msgid", 2 }, [C_SERIES] = { "series", 3 },
	[C_VERSION] = { "version", 4 }, [C_N] = { "n", 5 },
	[C_TOTAL] = { "total", 6 }, [C_AUTHOR] = { "author", 8 },
	[C_SUBJECT] = { "subject", 10 }, [C_TITLE] = { "title", 11 },
	[C_BODY] = { "body", 14 },
};

/* A decimal number, or dflt when the field is empty or not one. */
static unsigned
number(const char *s, unsigned dflt)
{
	char *end;
	unsigned long v;

	if (s == NULL || *s < '0' || *s > '9')
		return dflt;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > 1000000)
		return dflt;
	return (unsigned)v;
}

/* Takes one record; false when it lacks a column it needs. */
static bool
take(struct mld_digest *d, const struct mld_recin *in)
{
	const char *f[NCOLS];
	struct mld_patch p;
	int i, c;
	bool cover;

	for (i = 0; i < NCOLS; i++) {
		f[i] = mld_recin_field(in,
		    (unsigned)mld_recin_column(in, cols[i].name, cols[i].dflt));
		if (f[i] == NULL) {
			mld_warn_line(in->name, in->lineno,
			    "no %s column, skipped", cols[i].name);
			mld_count_skip();
			return false;
		}
	}
	cover = strcmp(f[C_KIND], "cover") == 0;
	if (!cover && strcmp(f[C_KIND], "patch") != 0)
		return true;
	p = (struct mld_patch){
		.date = (char *)f[C_DATE], .msgid = (char *)f[C_MSGID],
		.series = (char *)f[C_SERIES], .subject = (char *)f[C_SUBJECT],
		.title = (char *)f[C_TITLE], .author = (char *)f[C_AUTHOR],
		.body = (char *)f[C_BODY],
		.version = number(f[C_VERSION], 1),
		.n = cover ? 0 : number(f[C_N], 1),
		.total = number(f[C_TOTAL], 1),
	};
	if (!cover && p.n == 0)
		p.n = 1;
	/* Records without the column (a header line that does not name
	 * it, or a short record) credit the sender. */
	c = mld_recin_column(in, "contributor", in->header->len > 0 ? -1 : 9);
	p.contributor = c < 0 ? NULL : (char *)mld_recin_field(in,
	    (unsigned)c);
	mld_digest_add(d, &p);
	return true;
}

bool
mld_digest_read(struct mld_digest *d, struct mld_recin *in)
{
	enum mld_recin_status st;

	while ((st = mld_recin_next(in)) != MLD_REC_EOF) {
		if (st == MLD_REC_ERROR)
			return false;
		if (st == MLD_REC_OK)
			take(d, in);
	}
	return true;
}

static int
newest_first(const void *a, const void *b)
{
	const struct posting *x = *(struct posting *const *)a;
	const struct posting *y = *(struct posting *const *)b;
	int c = datecmp(y->date, x->date);

	if (c != 0)
		return c;
	return x->order < y->order ? 1 : x->order > y->order ? -1 : 0;
}

static void
sort(struct mld_digest *d)
{
	spool_settle(d);
	if (!d->sorted)
		g_ptr_array_sort(d->postings, newest_first);
	d->sorted = true;
}

void
mld_digest_safe(GString *out, const char *s, bool oneline)
{
	char *valid = g_utf8_make_valid(s, -1);
	const char *p;
	gunichar c;

	for (p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if ((c == '\n' || c == '\t') && !oneline)
			g_string_append_c(out, (char)c);
		else if (c < 0x20)
			g_string_append_printf(out, "^%c", (char)(c + 0x40));
		else if (c == 0x7f)
			g_string_append(out, "^?");
		else if (c >= 0x80 && c < 0xa0)
			g_string_append_printf(out, "<U+%04X>", (unsigned)c);
		else
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
	}
	g_free(valid);
}

char *
mld_digest_author(const char *author)
{
	InternetAddressList *l = internet_address_list_parse(NULL, author);
	InternetAddress *a;
	const char *name, *addr, *at;
	char *s;

	if (l == NULL || internet_address_list_length(l) != 1 ||
	    !INTERNET_ADDRESS_IS_MAILBOX(
	    a = internet_address_list_get_address(l, 0))) {
		if (l != NULL)
			g_object_unref(l);
		return g_strdup(author);
	}
	addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
	name = internet_address_get_name(a);
	if (name != NULL && *name != '\0')
		s = g_strdup_printf("%s <%s>", name, addr);
	else if ((at = strchr(addr, '@')) != NULL && at > addr)
		s = g_strdup_printf("%.*s <%s>", (int)(at - addr), addr, addr);
	else
		s = g_strdup(addr);
	g_object_unref(l);
	return s;
}

/* The address of "Name <addr>", or the whole text, lower-cased. */
static char *
address_of(const char *person)
{
	const char *lt = strrchr(person, '<'), *gt;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		return g_ascii_strdown(lt + 1, gt - lt - 1);
	return g_ascii_strdown(person, -1);
}

char *
mld_digest_byline(const struct mld_patch *p)
{
	const char *c = p->contributor != NULL && *p->contributor != '\0' ?
	    p->contributor : p->author;
	char *who = mld_digest_author(c), *sender, *a, *b, *s;

	a = address_of(c);
	b = address_of(p->author);
	if (strcmp(a, b) == 0) {
		s = who;
	} else {
		sender = mld_digest_author(p->author);
		s = g_strdup_printf("%s (sent by %s)", who, sender);
		g_free(sender);
		g_free(who);
	}
	g_free(a);
	g_free(b);
	return s;
}

/* Case-folded, with each run of white space one space, trimmed. */
static char *
normalize(const char *s)
{
	char *fold = g_utf8_casefold(s, -1), *r, *w;
	bool space = false;

	for (r = w = fold; *r != '\0'; r++) {
		if (g_ascii_isspace(*r)) {
			space = w != fold;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return fold;
}

static const char *
title_of(const struct mld_patch *p)
{
	return *p->title != '\0' ? p->title : p->subject;
}

char *
mld_digest_key_msgid(const struct mld_patch *p)
{
	if (p->msgid == NULL || *p->msgid == '\0')
		return NULL;
	return g_strconcat("msgid ", p->msgid, NULL);
}

char *
mld_digest_key_title(const struct mld_patch *p)
{
	char *t = normalize(title_of(p)), *k;

	k = g_strdup_printf("title v%u %s", p->version, t);
	g_free(t);
	return k;
}

/* Whether long_ is "<something>: " followed by short_. */
static bool
ends_with_title(const char *long_, const char *short_)
{
	size_t l = strlen(long_), s = strlen(short_);

	return s > 0 && l > s + 2 && strcmp(long_ + l - s, short_) == 0 &&
	    long_[l - s - 2] == ':' && long_[l - s - 1] == ' ';
}

/* Whether a cover letter's title only repeats its first patch's. */
static bool
repeats(const struct mld_patch *cover, const struct mld_patch *first)
{
	char *a = normalize(title_of(cover)), *b = normalize(title_of(first));
	bool r = strcmp(a, b) == 0 || ends_with_title(a, b) ||
	    ends_with_title(b, a);

	g_free(a);
	g_free(b);
	return r;
}

static bool
reported(const struct mld_seen *seen, const struct mld_patch *p)
{
	char *km = mld_digest_key_msgid(p), *kt = mld_digest_key_title(p);
	bool r = (km != NULL && mld_seen_has(seen, km)) ||
	    mld_seen_has(seen, kt);

	g_free(km);
	g_free(kt);
	return r;
}

static void
remember(struct mld_seen *seen, const struct mld_patch *p)
{
	char *km = mld_digest_key_msgid(p), *kt = mld_digest_key_title(p);

	if (km != NULL)
		mld_seen_add(seen, km);
	mld_seen_add(seen, kt);
	g_free(km);
	g_free(kt);
}

/* Appends the body without its trailing blank lines. */
static void
body(GString *out, const char *b)
{
	size_t len = strlen(b);
	char *copy;

	while (len > 0 && (b[len - 1] == '\n' || b[len - 1] == ' ' ||
	    b[len - 1] == '\t' || b[len - 1] == '\r'))
		len--;
	copy = g_strndup(b, len);
	mld_digest_safe(out, copy, false);
	g_free(copy);
}

static void
line(GString *out, const char *label, const char *s)
{
	g_string_append(out, label);
	mld_digest_safe(out, s, true);
	g_string_append_c(out, '\n');
}

static void
entry(GString *out, struct mld_seen *seen, const struct mld_patch *p,
    const struct mld_patch *first)
{
	char *author;

	if (reported(seen, p)) {
		line(out, "Exist: ", p->subject);
	} else if (first != NULL && repeats(p, first)) {
		line(out, "Skip: ", p->subject);
	} else {
		line(out, "New: ", title_of(p));
		line(out, "", p->subject);
		author = mld_digest_byline(p);
		line(out, "Author: ", author);
		g_free(author);
		g_string_append_c(out, '\n');
		body(out, p->body);
		g_string_append(out, "\n\n");
		for (int i = 0; i < MLD_DIGEST_RULE; i++)
			g_string_append_c(out, '-');
		g_string_append(out, "\n\n");
	}
	remember(seen, p);
}

void
mld_digest_messages(struct mld_digest *d, struct mld_seen *seen, FILE *out)
{
	struct mld_patch first, cover;
	GString *buf = g_string_new(NULL);
	unsigned i;

	sort(d);
	fputs("===== Patch Commit Messages ====\n\n", out);
	for (i = 0; i < d->postings->len; i++) {
		const struct posting *po = g_ptr_array_index(d->postings, i);

		g_string_truncate(buf, 0);
		if (po->first.set) {
			spool_read(d, &po->first, &first);
			entry(buf, seen, &first, NULL);
		}
		if (po->cover.set) {
			spool_read(d, &po->cover, &cover);
			entry(buf, seen, &cover, po->first.set ? &first : NULL);
			patch_free(&cover);
		}
		if (po->first.set)
			patch_free(&first);
		fwrite(buf->str, 1, buf->len, out);
	}
	g_string_free(buf, TRUE);
}

/* How many of patches 1..total the posting holds. */
static unsigned
received(const struct posting *po, unsigned total)
{
	GHashTable *have = g_hash_table_new(NULL, NULL);
	unsigned i, n;

	for (i = 0; i < po->ns->len; i++) {
		n = g_array_index(po->ns, unsigned, i);
		if (n >= 1 && n <= total)
			g_hash_table_add(have, GUINT_TO_POINTER(n));
	}
	n = g_hash_table_size(have);
	g_hash_table_destroy(have);
	return n;
}

void
mld_digest_list(struct mld_digest *d, FILE *out)
{
	GString *buf = g_string_new(NULL);
	struct mld_patch p;
	unsigned i, total, have;
	char *author;

	sort(d);
	fputs("===== Patch list in this time period =====\n\n", out);
	for (i = 0; i < d->postings->len; i++) {
		const struct posting *po = g_ptr_array_index(d->postings, i);

		spool_read(d, po->cover.set ? &po->cover : &po->first, &p);
		author = mld_digest_author(p.author);
		total = p.total > 0 ? p.total : 1;
		have = received(po, total);
		g_string_truncate(buf, 0);
		mld_digest_safe(buf, p.subject, true);
		g_string_append(buf, " (");
		mld_digest_safe(buf, author, true);
		g_string_append_printf(buf, ", %u patch%s", total,
		    total == 1 ? "" : "es");
		if (have < total)
			g_string_append_printf(buf, ", %u missing",
			    total - have);
		g_string_append(buf, ")\n");
		fwrite(buf->str, 1, buf->len, out);
		g_free(author);
		patch_free(&p);
	}
	fputc('\n', out);
	g_string_free(buf, TRUE);
}

void
mld_digest_header(GString *out, const char *list, const char *from,
    const char *to)
{
	g_string_append(out, "From ");
	mld_digest_safe(out, from, true);
	g_string_append(out, " to ");
	mld_digest_safe(out, to, true);
	g_string_append_c(out, '\n');
	if (list != NULL && *list != '\0') {
		mld_digest_safe(out, list, true);
		g_string_append(out, " mailing list update from ");
	} else {
		g_string_append(out, "Mailing list update from ");
	}
	mld_digest_safe(out, from, true);
	g_string_append(out, " to ");
	mld_digest_safe(out, to, true);
	g_string_append(out, "\n\n");
}

char *
mld_digest_tally_title(bool domains, unsigned top)
{
	return g_strdup_printf(domains ?
	    "Top %u contributor Email domains (Based on Email Body)" :
	    "Top %u contributors (Based on Email Body)", top);
}

bool
mld_digest_tally_line(GString *out, const char *s)
{
	unsigned long long count;
	const char *p = s;
	char *end;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	errno = 0;
	count = strtoull(p, &end, 10);
	if (errno != 0 || (*end != ' ' && *end != '\t'))
		return false;
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end == '\0')
		return false;
	g_string_append_printf(out, "%7llu ", count);
	mld_digest_safe(out, end, true);
	g_string_append_c(out, '\n');
	return true;
}
