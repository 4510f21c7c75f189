/*
 * markup.c - escaping for HTML, CommonMark and JSON (see markup.h).
 *
 * Limits: the CommonMark escaping is for inline text only; text that
 * must keep its lines (a commit message) goes in a fenced code block,
 * whose fence mld_md_fence measures.
 */
#include "markup.h"

#include <stdbool.h>
#include <string.h>

void
mld_html_escape(GString *out, const char *s)
{
	const char *p, *run;

	for (p = run = s; *p != '\0'; p++) {
		switch (*p) {
		case '&': case '<': case '>': case '"': case '\'':
			break;
		default:
			continue;
		}
		g_string_append_len(out, run, p - run);
		switch (*p) {
		case '&': g_string_append(out, "&amp;"); break;
		case '<': g_string_append(out, "&lt;"); break;
		case '>': g_string_append(out, "&gt;"); break;
		case '"': g_string_append(out, "&quot;"); break;
		default: g_string_append(out, "&#39;"); break;
		}
		run = p + 1;
	}
	g_string_append_len(out, run, p - run);
}

/* The length of the digits at s followed by '.' or ')': an ordered list
 * marker, if s starts a line. */
static size_t
list_number(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n < 10 && (s[n] == '.' || s[n] == ')') ? n : 0;
}

void
mld_md_escape(GString *out, const char *s)
{
	const char *p = s, *run;
	size_t n;

	/* What would open a block if the text began a line. */
	while (*p == ' ') {
		g_string_append(out, "&#32;");
		p++;
	}
	if (*p == '-' || *p == '+' || *p == '=') {
		g_string_append_c(out, '\\');
		g_string_append_c(out, *p++);
	} else if ((n = list_number(p)) > 0) {
		g_string_append_len(out, p, n);
		g_string_append_c(out, '\\');
		g_string_append_c(out, p[n]);
		p += n + 1;
	}
	for (run = p; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>#|~&", *p) == NULL)
			continue;
		g_string_append_len(out, run, p - run);
		g_string_append_c(out, '\\');
		g_string_append_c(out, *p);
		run = p + 1;
	}
	g_string_append_len(out, run, p - run);
}

size_t
mld_md_fence(const char *s)
{
	size_t run = 0, most = 0;

	for (; *s != '\0'; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > most)
			most = run;
	}
	return most < 3 ? 3 : most + 1;
}

void
mld_json_string(GString *out, const char *s)
{
	char *valid;
	const char *p, *run;
	unsigned char c;

	if (s == NULL) {
		g_string_append(out, "null");
		return;
	}
	valid = g_utf8_validate(s, -1, NULL) ? NULL : g_utf8_make_valid(s, -1);
	g_string_append_c(out, '"');
	for (p = run = valid != NULL ? valid : s; *p != '\0'; p++) {
		c = (unsigned char)*p;
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f &&
		    !(c == 0xe2 && p[1] == '\x80' &&
		    (p[2] == '\xa8' || p[2] == '\xa9')))
			continue;
		g_string_append_len(out, run, p - run);
		switch (c) {
		case '"': g_string_append(out, "\\\""); break;
		case '\\': g_string_append(out, "\\\\"); break;
		case '\n': g_string_append(out, "\\n"); break;
		case '\t': g_string_append(out, "\\t"); break;
		case '\r': g_string_append(out, "\\r"); break;
		case 0xe2:
			g_string_append_printf(out, "\\u%04x",
			    (unsigned)g_utf8_get_char(p));
			p += 2;
			break;
		default:
			g_string_append_printf(out, "\\u%04x", c);
			break;
		}
		run = p + 1;
	}
	g_string_append_len(out, run, p - run);
	g_string_append_c(out, '"');
	g_free(valid);
}
