/*
 * addr.c - people and their addresses (see addr.h).
 */
#include "addr.h"

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

bool
mld_person_parse(const char *raw, struct mld_person *p)
{
	InternetAddressList *list = internet_address_list_parse(NULL, raw);
	InternetAddressMailbox *mb;

	p->name = p->addr = NULL;
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

/* True when name must be quoted: it holds an RFC 5322 special. */
static bool
needs_quotes(const char *name)
{
	const unsigned char *p;

	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (strchr("()<>[]:;@\\,.\"", *p) != NULL)
			return true;
	return false;
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
	const char *c;

	if (*p->addr == '\0')
		return g_strdup(p->name);
	if (*p->name == '\0')
		return g_strdup(p->addr);
	s = g_string_sized_new(strlen(p->name) + strlen(p->addr) + 6);
	if (needs_quotes(p->name)) {
		g_string_append_c(s, '"');
		for (c = p->name; *c != '\0'; c++) {
			if (*c == '"' || *c == '\\')
				g_string_append_c(s, '\\');
			g_string_append_c(s, *c);
		}
		g_string_append_c(s, '"');
	} else {
		g_string_append(s, p->name);
	}
	g_string_append_printf(s, " <%s>", p->addr);
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
