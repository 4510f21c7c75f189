/*
 * mailmap.c - git's .mailmap (see mailmap.h).  The map is a hash table
 * from the ASCII-lower-cased commit address to what replaces it, with a
 * second table per address for the entries that also name the commit
 * name.  Like git, only ASCII letters compare without case: "Ö" and "ö"
 * are different names.  Like git, text after the last '>' is ignored,
 * which is how a line can carry a trailing "# comment".
 */
#include "mailmap.h"
#include "text.h"
#include "tool.h"

#include <string.h>
#include <glib.h>

struct info {
	char *name;		/* NULL: keep the name */
	char *email;		/* NULL: keep the address */
};

struct entry {
	struct info dflt;	/* for any commit name */
	GHashTable *byname;	/* lower-cased commit name -> struct info * */
};

struct mld_mailmap {
	GHashTable *byemail;	/* lower-cased commit address -> entry */
};

static void
info_free(void *p)
{
	struct info *i = p;

	g_free(i->name);
	g_free(i->email);
	g_free(i);
}

static void
entry_free(void *p)
{
	struct entry *e = p;

	g_free(e->dflt.name);
	g_free(e->dflt.email);
	if (e->byname != NULL)
		g_hash_table_destroy(e->byname);
	g_free(e);
}

struct mld_mailmap *
mld_mailmap_new(void)
{
	struct mld_mailmap *m = g_new0(struct mld_mailmap, 1);

	m->byemail = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    entry_free);
	return m;
}

void
mld_mailmap_free(struct mld_mailmap *m)
{
	if (m == NULL)
		return;
	g_hash_table_destroy(m->byemail);
	g_free(m);
}

/*
 * Reads "Name <email>" from *p: the name (NULL when blank) and the
 * address (NULL when there is no complete <...>); moves *p past '>'.
 */
static void
name_and_email(const char **p, char **name, char **email)
{
	const char *lt = strchr(*p, '<'), *gt;

	*name = *email = NULL;
	if (lt == NULL || (gt = strchr(lt + 1, '>')) == NULL)
		return;
	*name = g_strstrip(g_strndup(*p, (size_t)(lt - *p)));
	if (**name == '\0') {
		g_free(*name);
		*name = NULL;
	}
	*email = g_strndup(lt + 1, (size_t)(gt - lt - 1));
	*p = gt + 1;
}

/* Sets *slot to a copy of v when v is given (a later line overrides). */
static void
set(char **slot, const char *v)
{
	if (v == NULL)
		return;
	g_free(*slot);
	*slot = g_strdup(v);
}

static void
add_mapping(struct mld_mailmap *m, const char *new_name,
    const char *new_email, const char *old_name, const char *old_email)
{
	struct entry *e;
	struct info *i;
	char *key;

	if (old_email == NULL) {
		old_email = new_email;
		new_email = NULL;
	}
	key = g_ascii_strdown(old_email, -1);
	e = g_hash_table_lookup(m->byemail, key);
	if (e == NULL) {
		e = g_new0(struct entry, 1);
		g_hash_table_insert(m->byemail, key, e);
	} else {
		g_free(key);
	}
	if (old_name == NULL) {
		set(&e->dflt.name, new_name);
		set(&e->dflt.email, new_email);
		return;
	}
	if (e->byname == NULL)
		e->byname = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, info_free);
	i = g_new0(struct info, 1);
	i->name = g_strdup(new_name);
	i->email = g_strdup(new_email);
	g_hash_table_replace(e->byname, g_ascii_strdown(old_name, -1), i);
}

void
mld_mailmap_add_line(struct mld_mailmap *m, const char *line)
{
	/* Names and addresses go on to GLib's UTF-8 functions and into
	 * tallies: cleaned as any label is (text.h). */
	char *valid = mld_text_clean(g_strdup(line), MLD_TEXT_LABEL);
	const char *p = valid;
	char *name1, *email1, *name2 = NULL, *email2 = NULL;

	if (*p == '#') {
		g_free(valid);
		return;
	}
	name_and_email(&p, &name1, &email1);
	/* The first address may not be empty, the second may ("<>"). */
	if (email1 != NULL && *email1 != '\0') {
		name_and_email(&p, &name2, &email2);
		/* A second name with no address after it is not a name. */
		if (email2 == NULL) {
			g_free(name2);
			name2 = NULL;
		}
		add_mapping(m, name1, email1, name2, email2);
	}
	g_free(name1);
	g_free(email1);
	g_free(name2);
	g_free(email2);
	g_free(valid);
}

static bool
add_line(char *line, uint64_t lineno, void *m)
{
	(void)lineno;
	mld_mailmap_add_line(m, line);
	return true;
}

bool
mld_mailmap_load(struct mld_mailmap *m, const char *path)
{
	return mld_each_line(path, add_line, m);
}

bool
mld_mailmap_map(const struct mld_mailmap *m, const char **name,
    const char **email)
{
	const struct entry *e;
	const struct info *i = NULL;
	char *key = g_ascii_strdown(*email, -1);

	e = g_hash_table_lookup(m->byemail, key);
	g_free(key);
	if (e == NULL)
		return false;
	if (e->byname != NULL) {
		key = g_ascii_strdown(*name, -1);
		i = g_hash_table_lookup(e->byname, key);
		g_free(key);
	}
	if (i == NULL)
		i = &e->dflt;
	if (i->name == NULL && i->email == NULL)
		return false;
	if (i->name != NULL)
		*name = i->name;
	if (i->email != NULL)
		*email = i->email;
	return true;
}
