/*
 * plainpart.c - a body of one plain text part, from the header alone
 * (see plainpart.h).
 */
#include "plainpart.h"
#include "header.h"

#include <string.h>
#include <glib.h>

/* The value of a field: from after its colon to its last line's end. */
struct span {
	const char *p, *end;
};

/* Whether p[0..n) is name, ignoring case. */
static bool
is(const char *p, size_t n, const char *name)
{
	return strlen(name) == n && g_ascii_strncasecmp(p, name, n) == 0;
}

/* White space, a line break of a folded value among it. */
static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
		p++;
	return p;
}

/* A character of an RFC 2045 token. */
static bool
is_token_char(char c)
{
	return c > ' ' && c < 127 && strchr("()<>@,;:\\\"/[]?=", c) == NULL;
}

/* A token at p; its end, or p when there is none. */
static const char *
token(const char *p, const char *end)
{
	while (p < end && is_token_char(*p))
		p++;
	return p;
}

/*
 * A parameter name: letters, digits and "-_.".  Not '*' or '%', which
 * would make it an RFC 2231 name that GMime decodes.
 */
static const char *
param_name(const char *p, const char *end)
{
	while (p < end && (g_ascii_isalnum(*p) || *p == '-' || *p == '_' ||
	    *p == '.'))
		p++;
	return p;
}

/*
 * A parameter value at p: a token, or a quoted string of printable ASCII
 * without a backslash, '=' or '?' (GMime would read an encoded word).
 * Sets v to the value (quotes left out) and returns its end, or NULL
 * when there is none.
 */
static const char *
param_value(const char *p, const char *end, struct span *v)
{
	const char *q;

	if (p < end && *p == '"') {
		for (q = p + 1; q < end && *q != '"'; q++)
			if (*q < ' ' || *q >= 127 || strchr("\\=?", *q) != NULL)
				return NULL;
		if (q == end)
			return NULL;
		v->p = p + 1;
		v->end = q;
		return q + 1;
	}
	q = token(p, end);
	if (q == p)
		return NULL;
	v->p = p;
	v->end = q;
	return q;
}

/* Whether a parameter value is word, ignoring case. */
static bool
value_is(const struct span *v, const char *word)
{
	return is(v->p, (size_t)(v->end - v->p), word);
}

/*
 * Reads the parameters of a Content-Type or Content-Disposition value
 * from p: each "; name=value", those of pp each once at most.
 */
static bool
params(const char *p, const char *end, struct mld_plain_part *pp)
{
	const char *name;
	struct span v;
	bool charset = false, format = false, delsp = false, *seen;

	for (p = skip_ws(p, end); p < end; p = skip_ws(p, end)) {
		if (*p != ';')
			return false;
		if ((p = skip_ws(p + 1, end)) == end)
			break;
		name = p;
		p = param_name(p, end);
		if (p == name)
			return false;
		seen = pp == NULL ? NULL :
		    is(name, (size_t)(p - name), "charset") ? &charset :
		    is(name, (size_t)(p - name), "format") ? &format :
		    is(name, (size_t)(p - name), "delsp") ? &delsp : NULL;
		p = skip_ws(p, end);
		if (p == end || *p != '=')
			return false;
		p = param_value(skip_ws(p + 1, end), end, &v);
		if (p == NULL || (seen != NULL && *seen))
			return false;
		if (seen == &charset) {
			pp->charset = v.p;
			pp->charset_len = (size_t)(v.end - v.p);
		}
		if (seen == &format)
			pp->flowed = value_is(&v, "flowed");
		if (seen == &delsp)
			pp->delsp = value_is(&v, "yes");
		if (seen != NULL)
			*seen = true;
	}
	return true;
}

/* Reads a Content-Type value: one of the plain text types. */
static bool
plain_type(const struct span *f, struct mld_plain_part *pp)
{
	static const char *const subtypes[] = { "plain", "x-patch", "x-diff",
		"diff", "patch" };
	const char *p = skip_ws(f->p, f->end), *q;
	size_t i;

	q = token(p, f->end);
	if (!is(p, (size_t)(q - p), "text") || q == f->end || *q != '/')
		return false;
	p = q + 1;
	q = token(p, f->end);
	for (i = 0; i < G_N_ELEMENTS(subtypes); i++)
		if (is(p, (size_t)(q - p), subtypes[i]))
			return params(q, f->end, pp);
	return false;
}

/* Reads a Content-Disposition value: inline, not an attachment. */
static bool
inline_disposition(const struct span *f)
{
	const char *p = skip_ws(f->p, f->end), *q = token(p, f->end);

	return is(p, (size_t)(q - p), "inline") && params(q, f->end, NULL);
}

/*
 * Reads a Content-Transfer-Encoding value: text as it lies, or quoted-
 * printable.
 */
static bool
plain_encoding(const struct span *f, struct mld_plain_part *pp)
{
	const char *p = skip_ws(f->p, f->end), *q = token(p, f->end);
	size_t n = (size_t)(q - p);

	if (skip_ws(q, f->end) != f->end)
		return false;
	pp->quoted = is(p, n, "quoted-printable");
	return pp->quoted || is(p, n, "7bit") || is(p, n, "8bit") ||
	    is(p, n, "binary");
}

void
mld_plain_unquote(const char *p, size_t n, GString *out)
{
	const char *end = p + n, *eq;

	while (p < end) {
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			eq = end;
		g_string_append_len(out, p, eq - p);
		p = eq;
		if (p == end)
			break;
		/* '=' and what follows: a soft break, a byte, or itself. */
		if (end - p >= 2 && p[1] == '\n') {
			p += 2;
		} else if (end - p < 3) {
			break;
		} else if (g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2])) {
			g_string_append_c(out, (char)(g_ascii_xdigit_value(p[1]) << 4 |
			    g_ascii_xdigit_value(p[2])));
			p += 3;
		} else if (p[1] == '\r' && p[2] == '\n') {
			p += 3;
		} else {
			g_string_append_len(out, p, 3);
			p += 3;
		}
	}
}

bool
mld_plain_part(const char *text, size_t len, size_t max_lines,
    struct mld_plain_part *pp)
{
	size_t hl = mld_header_len(text, len), n, lines = 0;
	const char *p, *nl, *end = text + hl;
	struct span ct = { NULL, NULL }, cte = { NULL, NULL },
	    cd = { NULL, NULL }, *open = NULL;

	pp->flowed = pp->delsp = pp->quoted = false;
	pp->charset = NULL;
	pp->charset_len = 0;
	pp->body = hl;
	if (hl == 0 || memchr(text, '\r', hl) != NULL ||
	    memchr(text, '\0', hl) != NULL)
		return false;
	for (p = text; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (++lines > max_lines)
			return false;
		if (p != text && (*p == ' ' || *p == '\t'))
			continue;
		/* A field or the blank line: the one before ends here. */
		if (open != NULL)
			open->end = p - 1;
		open = NULL;
		if (nl == p)
			break;
		if ((n = mld_header_name_len(p, (size_t)(nl - p))) == 0)
			return false;
		if (is(p, n, "content-type"))
			open = &ct;
		else if (is(p, n, "content-transfer-encoding"))
			open = &cte;
		else if (is(p, n, "content-disposition"))
			open = &cd;
		if (open != NULL && open->p != NULL)
			return false;
		if (open != NULL)
			open->p = p + n + 1;
	}
	if (open != NULL)
		open->end = end;
	return (ct.p == NULL || plain_type(&ct, pp)) &&
	    (cte.p == NULL || plain_encoding(&cte, pp)) &&
	    (cd.p == NULL || inline_disposition(&cd));
}
