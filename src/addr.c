/*
 * addr.c - people and their addresses (see addr.h).
 */
#include "addr.h"
#include "header.h"

#include <string.h>
#include <glib.h>
#include <gmime/gmime.h>

/* The first mailbox of a list, looking into groups. */
static InternetAddressMailbox *
first_mailbox(InternetAddressList *list)
{
	InternetAddressMailbox *mb;
	InternetAddress *ia;
	int i, n = internet_address_list_length(list);

	for (i = 0; i < n; i++) {
		ia = internet_address_list_get_address(list, i);
		if (INTERNET_ADDRESS_IS_MAILBOX(ia))
			return INTERNET_ADDRESS_MAILBOX(ia);
		if (INTERNET_ADDRESS_IS_GROUP(ia) && (mb = first_mailbox(
		    internet_address_group_get_members(
		    INTERNET_ADDRESS_GROUP(ia)))) != NULL)
			return mb;
	}
	return NULL;
}

/* Valid UTF-8 without control characters. */
static char *
clean(const char *s)
{
	char *v = g_utf8_make_valid(s != NULL ? s : "", -1);
	unsigned char *p;

	for (p = (unsigned char *)v; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return g_strstrip(v);
}

/*
 * "John [ACME] <john@acme.example>": a display name with specials left
 * unquoted, which GMime reads as no address at all.  Returns the field
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

/* The raw list, its control characters blanked: GMime reads no address
 * from "Eve ESC]0;x BEL <eve@example.org>". */
static InternetAddressList *
parse_list(const char *raw)
{
	InternetAddressList *list;
	char *blanked = g_strdup(raw), *quoted;
	unsigned char *c;

	for (c = (unsigned char *)blanked; *c != '\0'; c++)
		if (*c < 0x20 || *c == 0x7f)
			*c = ' ';
	list = internet_address_list_parse(NULL, blanked);
	if ((list == NULL || first_mailbox(list) == NULL) &&
	    (quoted = quote_name(blanked)) != NULL) {
		if (list != NULL)
			g_object_unref(list);
		list = internet_address_list_parse(NULL, quoted);
		g_free(quoted);
	}
	g_free(blanked);
	return list;
}

bool
mld_person_parse(const char *raw, struct mld_person *p)
{
	InternetAddressList *list;
	InternetAddressMailbox *mb;
	const char *addr;
	size_t name_len, addr_len;

	/* Most senders write a plain form: no parse, no list to free. */
	if (mld_fast_paths() &&
	    mld_mailbox_plain(raw, &name_len, &addr, &addr_len)) {
		p->name = g_strndup(raw, name_len);
		p->addr = g_strndup(addr, addr_len);
		return true;
	}
	p->name = p->addr = NULL;
	list = parse_list(raw);
	if (list == NULL)
		return false;
	mb = first_mailbox(list);
	if (mb != NULL) {
		p->name = clean(internet_address_get_name(
		    INTERNET_ADDRESS(mb)));
		p->addr = clean(internet_address_mailbox_get_addr(mb));
	}
	g_object_unref(list);
	if (p->addr != NULL && *p->addr == '\0' && *p->name == '\0') {
		mld_person_clear(p);
		return false;
	}
	return mb != NULL;
}

void
mld_person_clear(struct mld_person *p)
{
	g_free(p->name);
	g_free(p->addr);
	p->name = p->addr = NULL;
}

/*
 * Written by hand rather than with internet_address_to_string, which
 * also runs every address through IDN conversion, the larger part of its
 * cost, for addresses that are printed as they came.
 */
char *
mld_person_format(const struct mld_person *p)
{
	GString *s;

	if (*p->addr == '\0')
		return g_strdup(p->name);
	s = g_string_sized_new(strlen(p->name) + strlen(p->addr) + 6);
	mld_mailbox_append(s, p->name, p->addr);
	return g_string_free(s, FALSE);
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
	if (raw != NULL && mld_person_parse(raw, &real) && *real.addr != '\0') {
		g_free(p->addr);
		p->addr = real.addr;
		real.addr = NULL;
		if (*real.name != '\0') {
			g_free(name);
			name = real.name;
			real.name = NULL;
		}
		mld_person_clear(&real);
	}
	if (name != NULL) {
		g_free(p->name);
		p->name = name;
	}
	return true;
}
