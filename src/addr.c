/*
 * addr.c - addresses and people (see addr.h).
 */
#include "addr.h"
#include "fastpath.h"
#include "text.h"

#include <string.h>
#include <gmime/gmime.h>

void
mld_addr_list_init(struct mld_addr_list *l)
{
	l->items = g_array_new(FALSE, FALSE, sizeof(struct mld_addr));
}

static void
list_empty(struct mld_addr_list *l)
{
	unsigned i;

	for (i = 0; i < l->items->len; i++) {
		g_free(g_array_index(l->items, struct mld_addr, i).name);
		g_free(g_array_index(l->items, struct mld_addr, i).addr);
	}
	g_array_set_size(l->items, 0);
}

void
mld_addr_list_clear(struct mld_addr_list *l)
{
	if (l->items == NULL)
		return;
	list_empty(l);
	g_array_free(l->items, TRUE);
	l->items = NULL;
}

/*
 * Every group GMime reads opens at a ':', so their count bounds its
 * nesting.  Quoted strings, comments and encoded words are not set
 * apart: GMime's lenient reading of broken text does not always see
 * them where RFC 5322 does (a '"' inside a word starts no quoted string
 * for it), and a ':' they seemed to hide then nests one group deeper.
 */
size_t
mld_addr_depth(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t n = 0;

	while ((p = memchr(p, ':', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* RFC 5322 atext, and the space between words. */
static bool
is_phrase_char(unsigned char c)
{
	return g_ascii_isalnum(c) || c >= 0x80 || c == ' ' ||
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

void
mld_addr_name_append(GString *out, const char *name)
{
	const unsigned char *p;
	bool plain = *name != '\0';

	for (p = (const unsigned char *)name; plain && *p != '\0'; p++)
		plain = is_phrase_char(*p);
	if (plain) {
		g_string_append(out, name);
		return;
	}
	g_string_append_c(out, '"');
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_c(out, '\\');
		g_string_append_c(out, (char)*p);
	}
	g_string_append_c(out, '"');
}

/*
 * Written by hand rather than with internet_address_to_string, which
 * leaves a name holding '"' or '\\' unquoted (it does not read back as
 * the same name), and runs every address through IDN conversion, the
 * larger part of its cost, for addresses printed as they came.
 */
void
mld_addr_mailbox_append(GString *out, const char *name, const char *addr)
{
	if (name == NULL || *name == '\0') {
		g_string_append(out, addr);
		return;
	}
	mld_addr_name_append(out, name);
	g_string_append(out, " <");
	g_string_append(out, addr);
	g_string_append_c(out, '>');
}

char *
mld_addr_label(const char *addr, const char *name)
{
	GString *s = g_string_sized_new(strlen(name) + strlen(addr) + 6);

	mld_addr_mailbox_append(s, name, addr);
	return g_string_free(s, FALSE);
}

void
mld_addr_list_append(GString *out, const struct mld_addr_list *l)
{
	const struct mld_addr *a;
	unsigned i;

	for (i = 0; i < l->items->len; i++) {
		a = &g_array_index(l->items, struct mld_addr, i);
		if (a->kind == MLD_ADDR_END) {
			g_string_append_c(out, ';');
			continue;
		}
		if (out->len > 0 && out->str[out->len - 1] != ':')
			g_string_append(out, ", ");
		if (a->kind == MLD_ADDR_GROUP) {
			mld_addr_name_append(out, a->name);
			g_string_append_c(out, ':');
		} else {
			mld_addr_mailbox_append(out, a->name, a->addr);
		}
	}
}

/* Whether the domain d[0..n) has a label in IDNA form ("xn--"). */
static bool
idna(const char *d, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if ((i == 0 || d[i - 1] == '.') &&
		    g_ascii_strncasecmp(d + i, "xn--", 4) == 0)
			return true;
	return false;
}

/*
 * Whether s[0..n) can stand as an addr-spec as it is.  An IDNA domain
 * is left to GMime, which decodes it.
 */
static bool
plain_addr(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	size_t i;

	if (at == NULL || at == s || at == s + n - 1 ||
	    memchr(at + 1, '@', (size_t)(s + n - at - 1)) != NULL)
		return false;
	for (i = 0; i < n; i++)
		if (!g_ascii_isalnum(s[i]) && strchr(".-_+=@", s[i]) == NULL)
			return false;
	return s[0] != '.' && s[n - 1] != '.' && strstr(s, "..") == NULL &&
	    at[-1] != '.' && at[1] != '.' &&
	    !idna(at + 1, (size_t)(s + n - at - 1));
}

bool
mld_addr_plain(const char *raw, size_t *name_len, const char **addr,
    size_t *addr_len)
{
	const char *lt = strchr(raw, '<'), *p;
	size_t n = strlen(raw);

	if (lt == NULL) {
		*name_len = 0;
		*addr = raw;
		*addr_len = n;
		return plain_addr(raw, n);
	}
	/* An encoded word is made of atext: the parser must decode it. */
	if (lt == raw || *raw == ' ' || lt[-1] != ' ' || raw[n - 1] != '>' ||
	    strstr(raw, "=?") != NULL ||
	    !plain_addr(lt + 1, (size_t)(raw + n - 1 - (lt + 1))))
		return false;
	for (p = raw; p < lt; p++)
		if ((*p & 0x80) || !is_phrase_char((unsigned char)*p))
			return false;
	/* The parser keeps the spaces inside a name, not those around it. */
	for (p = lt; p[-1] == ' '; p--)
		;
	*name_len = (size_t)(p - raw);
	*addr = lt + 1;
	*addr_len = (size_t)(raw + n - 1 - *addr);
	return true;
}

static void
add(struct mld_addr_list *l, enum mld_addr_kind kind, char *name, char *addr)
{
	struct mld_addr a = { kind, name, addr };

	g_array_append_val(l->items, a);
}

/* A name or address from GMime as record text: cleaned and trimmed. */
static char *
field_text(const char *s)
{
	return g_strstrip(mld_text_clean(g_strdup(s != NULL ? s : ""),
	    MLD_TEXT_FIELD));
}

/*
 * A mailbox's address as record text.  GMime decodes an IDNA domain,
 * and an invalid label decodes to controls, which the cleaning blanks,
 * or to nothing.  In the domain the blanks go, as GMime's parser drops
 * white space there; so do the empty labels, and an '@' left without a
 * domain (a bare word is read as a local part): the address written and
 * read again is the same.  The local part is left as it is.
 */
static char *
mailbox_text(InternetAddressMailbox *mb)
{
	char *t = field_text(internet_address_mailbox_get_addr(mb));
	char *at = strrchr(t, '@'), *r, *w;

	if (at == NULL || strchr(at, '"') != NULL)
		return t;
	for (r = w = at + 1; *r != '\0'; r++) {
		/* A dot only after a label. */
		if (g_ascii_isspace(*r) ||
		    (*r == '.' && (w[-1] == '.' || w[-1] == '@')))
			continue;
		*w++ = *r;
	}
	if (w > at + 1 && w[-1] == '.')
		w--;
	if (w == at + 1)
		w = at;
	*w = '\0';
	return t;
}

/*
 * Flattens GMime's tree into l without recursion.  The depth was bounded
 * before the parse; should GMime still nest deeper, the list is refused.
 */
static bool
flatten(InternetAddressList *top, struct mld_addr_list *l)
{
	InternetAddressList *stack[MLD_ADDR_MAX_DEPTH + 1];
	int at[MLD_ADDR_MAX_DEPTH + 1], d = 0;
	InternetAddress *ia;

	stack[0] = top;
	at[0] = 0;
	while (d >= 0) {
		if (at[d] >= internet_address_list_length(stack[d])) {
			if (d-- > 0)
				add(l, MLD_ADDR_END, NULL, NULL);
			continue;
		}
		ia = internet_address_list_get_address(stack[d], at[d]++);
		if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
			add(l, MLD_ADDR_MAILBOX,
			    field_text(internet_address_get_name(ia)),
			    mailbox_text(INTERNET_ADDRESS_MAILBOX(ia)));
			continue;
		}
		if (!INTERNET_ADDRESS_IS_GROUP(ia))
			continue;
		if (d == MLD_ADDR_MAX_DEPTH)
			return false;
		add(l, MLD_ADDR_GROUP, field_text(internet_address_get_name(ia)),
		    NULL);
		stack[++d] = internet_address_group_get_members(
		    INTERNET_ADDRESS_GROUP(ia));
		at[d] = 0;
	}
	return true;
}

/* Whether l holds a mailbox. */
static bool
has_mailbox(const struct mld_addr_list *l)
{
	unsigned i;

	for (i = 0; i < l->items->len; i++)
		if (g_array_index(l->items, struct mld_addr, i).kind ==
		    MLD_ADDR_MAILBOX)
			return true;
	return false;
}

/* One parse of s by GMime into l, its depth bounded first. */
static enum mld_addr_status
parse_once(const char *s, struct mld_addr_list *l)
{
	InternetAddressList *list;
	bool ok;

	list_empty(l);
	if (mld_addr_depth(s, strlen(s)) > MLD_ADDR_MAX_DEPTH)
		return MLD_ADDR_DEEP;
	list = internet_address_list_parse(NULL, s);
	if (list == NULL)
		return MLD_ADDR_NONE;
	ok = flatten(list, l);
	g_object_unref(list);
	if (!ok) {
		list_empty(l);
		return MLD_ADDR_DEEP;
	}
	return l->items->len > 0 ? MLD_ADDR_OK : MLD_ADDR_NONE;
}

/*
 * "John [ACME] <john@acme.example>": a display name with specials left
 * unquoted, which GMime reads as no address at all.  Returns the value
 * with the text before its last '<' quoted, or NULL when it has none.
 */
static char *
quote_name(const char *raw)
{
	const char *lt = strrchr(raw, '<'), *p;
	GString *s;

	if (lt == NULL || lt == raw || strchr(lt, '>') == NULL)
		return NULL;
	s = g_string_new("\"");
	for (p = raw; p < lt; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_c(s, '\\');
		g_string_append_c(s, *p);
	}
	g_string_append(s, "\" ");
	g_string_append(s, lt);
	return g_string_free(s, FALSE);
}

enum mld_addr_status
mld_addr_parse(const char *raw, struct mld_addr_list *l)
{
	enum mld_addr_status st;
	const char *addr;
	size_t name_len, addr_len;
	char *text, *quoted;

	/* Most senders write a plain form: no parse. */
	if (mld_fast_paths() &&
	    mld_addr_plain(raw, &name_len, &addr, &addr_len)) {
		list_empty(l);
		add(l, MLD_ADDR_MAILBOX, g_strndup(raw, name_len),
		    g_strndup(addr, addr_len));
		return MLD_ADDR_OK;
	}
	text = mld_text_clean(g_strdup(raw), MLD_TEXT_FIELD);
	st = parse_once(text, l);
	if (st != MLD_ADDR_DEEP && !has_mailbox(l) &&
	    (quoted = quote_name(text)) != NULL) {
		if (parse_once(quoted, l) == MLD_ADDR_OK && has_mailbox(l))
			st = MLD_ADDR_OK;
		else if (st == MLD_ADDR_OK)
			st = parse_once(text, l);
		else
			list_empty(l);
		g_free(quoted);
	}
	g_free(text);
	return st;
}

char *
mld_addr_list_text(const char *raw, enum mld_text_rule rule,
    const struct mld_where *w)
{
	struct mld_addr_list l;
	enum mld_addr_status st;
	GString *out;

	mld_addr_list_init(&l);
	st = mld_addr_parse(raw, &l);
	out = g_string_sized_new(64);
	mld_addr_list_append(out, &l);
	mld_addr_list_clear(&l);
	if (st == MLD_ADDR_DEEP) {
		if (w != NULL)
			mld_warn_at(w, "address list nested too deeply");
		g_string_free(out, TRUE);
		return NULL;
	}
	if (out->len == 0)
		g_string_assign(out, raw);
	return mld_text_clean(g_string_free(out, FALSE), rule);
}

/* Whether s holds a C0 or C1 control character or DEL. */
static bool
has_control(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f ||
		    (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
			return true;
	return false;
}

char *
mld_addr_display(const char *field)
{
	struct mld_addr_list l;
	const struct mld_addr *a;
	const char *at;
	char *s;

	/* Controls are shown to the reader (mld_text_show), not blanked
	 * as the parse would. */
	if (has_control(field))
		return g_strdup(field);
	mld_addr_list_init(&l);
	if (mld_addr_parse(field, &l) != MLD_ADDR_OK || l.items->len != 1 ||
	    (a = &g_array_index(l.items, struct mld_addr, 0))->kind !=
	    MLD_ADDR_MAILBOX) {
		mld_addr_list_clear(&l);
		return g_strdup(field);
	}
	if (*a->name != '\0')
		s = g_strdup_printf("%s <%s>", a->name, a->addr);
	else if ((at = strchr(a->addr, '@')) != NULL && at > a->addr)
		s = g_strdup_printf("%.*s <%s>", (int)(at - a->addr), a->addr,
		    a->addr);
	else
		s = g_strdup(a->addr);
	mld_addr_list_clear(&l);
	return s;
}

/*
 * GMime's address fields, those it parses while it builds a message, and
 * X-Original-From, which patchinfo reads: each under its first letter,
 * the one test most lines of a message get.
 */
static const char *const address_fields[26][7] = {
	['b' - 'a'] = { "bcc" },
	['c' - 'a'] = { "cc" },
	['f' - 'a'] = { "from" },
	['r' - 'a'] = { "reply-to", "resent-from", "resent-sender",
	    "resent-reply-to", "resent-to", "resent-cc", "resent-bcc" },
	['s' - 'a'] = { "sender" },
	['t' - 'a'] = { "to" },
	['x' - 'a'] = { "x-original-from" },
};

/* Whether p (up to end) starts with the lower-case name, in any case. */
static bool
starts(const char *p, const char *end, const char *name, size_t n)
{
	size_t i;

	if ((size_t)(end - p) <= n)
		return false;
	for (i = 0; i < n; i++)
		if (g_ascii_tolower(p[i]) != name[i])
			return false;
	return true;
}

/* Whether the line at p is an address field; *value: after its colon. */
static bool
is_address_field(const char *p, const char *end, const char **value)
{
	const char *const *names, *q;
	char c = g_ascii_tolower(*p);
	size_t i, n;

	if (c < 'a' || c > 'z')
		return false;
	names = address_fields[c - 'a'];
	for (i = 0; i < 7 && names[i] != NULL; i++) {
		n = strlen(names[i]);
		if (!starts(p, end, names[i], n))
			continue;
		for (q = p + n; q < end && (*q == ' ' || *q == '\t'); q++)
			;
		if (q < end && *q == ':') {
			*value = q + 1;
			return true;
		}
	}
	return false;
}

/* The end of the field whose value starts at p: its last line's end. */
static const char *
field_end(const char *p, const char *end)
{
	const char *nl;

	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL &&
	    nl + 1 < end && (nl[1] == ' ' || nl[1] == '\t'))
		p = nl + 1;
	return nl != NULL ? nl : end;
}

/*
 * Whether the header line at p (up to end) is a Content-Type that may
 * enclose a message, whose headers GMime parses too: a message/ type, or
 * a multipart/ one, whose parts may be.
 */
static bool
encloses(const char *p, const char *end)
{
	if (!starts(p, end, "content-type:", 13))
		return false;
	for (p += 13; p < end && g_ascii_isspace(*p); p++)
		;
	return starts(p, end, "message/", 8) || starts(p, end, "multipart/", 10);
}

char *
mld_addr_defuse(const char *text, size_t len, const struct mld_where *w)
{
	const char *p, *end = text + len, *v, *fe, *nl;
	char *copy = NULL, *c;
	bool all = false, head = true;

	/* The header block, and every line after it when a message may be
	 * enclosed: most mail is spared a look at each line of its body. */
	for (p = text; p < end; p = nl + 1) {
		if (head && (*p == '\n' || (*p == '\r' && p + 1 < end &&
		    p[1] == '\n'))) {
			head = false;
			if (!all)
				break;
		}
		fe = NULL;
		if (is_address_field(p, end, &v)) {
			fe = field_end(v, end);
			if (mld_addr_depth(v, (size_t)(fe - v)) >
			    MLD_ADDR_MAX_DEPTH) {
				if (w != NULL)
					mld_warn_at(w, "%.*s address list nested "
					    "too deeply", (int)(v - p), p);
				if (copy == NULL) {
					copy = g_malloc(len + 1);
					memcpy(copy, text, len);
					copy[len] = '\0';
				}
				for (c = copy + (v - text); c < copy + (fe - text);
				    c++)
					if (*c != '\n' && *c != '\r')
						*c = ' ';
			}
		} else if (head && !all) {
			all = encloses(p, end);
		}
		if (fe == NULL)
			fe = p;
		if ((nl = memchr(fe, '\n', (size_t)(end - fe))) == NULL)
			break;
	}
	return copy;
}

bool
mld_person_parse(const char *raw, const struct mld_where *w,
    struct mld_person *p)
{
	struct mld_addr_list l;
	struct mld_addr *a;
	unsigned i;

	p->name = p->addr = NULL;
	mld_addr_list_init(&l);
	if (mld_addr_parse(raw, &l) == MLD_ADDR_DEEP && w != NULL)
		mld_warn_at(w, "address list nested too deeply");
	for (i = 0; i < l.items->len && p->addr == NULL; i++) {
		a = &g_array_index(l.items, struct mld_addr, i);
		if (a->kind != MLD_ADDR_MAILBOX)
			continue;
		p->name = a->name;
		p->addr = a->addr;
		a->name = a->addr = NULL;
	}
	mld_addr_list_clear(&l);
	if (p->addr != NULL && *p->addr == '\0' && *p->name == '\0')
		mld_person_clear(p);
	return p->addr != NULL;
}

void
mld_person_clear(struct mld_person *p)
{
	g_free(p->name);
	g_free(p->addr);
	p->name = p->addr = NULL;
}

char *
mld_person_format(const struct mld_person *p)
{
	if (*p->addr == '\0')
		return g_strdup(p->name);
	return mld_addr_label(p->addr, p->name);
}

/* The name without a trailing " via Something"; NULL when it has none. */
static char *
strip_via(const char *name)
{
	const char *via = g_strrstr(name, " via ");

	if (via == NULL || via == name || via[5] == '\0')
		return NULL;
	return g_strstrip(g_strndup(name, (size_t)(via - name)));
}

static bool
is_b4_relay(const char *addr)
{
	size_t n = strlen(addr);

	return n > 19 && g_ascii_strncasecmp(addr, "devnull+", 8) == 0 &&
	    g_ascii_strcasecmp(addr + n - 11, "@kernel.org") == 0;
}

bool
mld_person_unrelay(struct mld_person *p, const char *x_original_from,
    const char *reply_to)
{
	struct mld_person real;
	char *name = strip_via(p->name);
	const char *raw = x_original_from != NULL ? x_original_from : reply_to;

	if (!is_b4_relay(p->addr) && name == NULL)
		return false;
	if (raw != NULL && mld_person_parse(raw, NULL, &real) &&
	    *real.addr != '\0') {
		g_free(p->addr);
		p->addr = real.addr;
		real.addr = NULL;
		if (*real.name != '\0') {
			g_free(name);
			name = real.name;
			real.name = NULL;
		}
	}
	if (raw != NULL)
		mld_person_clear(&real);
	if (name != NULL) {
		g_free(p->name);
		p->name = name;
	}
	return true;
}

char *
mld_addr_lower(const char *person)
{
	const char *lt = person != NULL ? strrchr(person, '<') : NULL, *gt;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		return g_ascii_strdown(lt + 1, gt - lt - 1);
	return g_ascii_strdown(person != NULL ? person : "", -1);
}
