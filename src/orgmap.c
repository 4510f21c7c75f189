/*
 * orgmap.c - domain-to-organisation map (see orgmap.h).  One hash table
 * from key to name; a lookup tries the whole address, then the domain,
 * then each parent domain in turn, so the first hit is the longest.
 */
#include "orgmap.h"
#include "text.h"
#include "tool.h"

#include <string.h>
#include <glib.h>

struct mld_orgmap {
	GHashTable *org;	/* lower-cased key -> organisation */
};

struct mld_orgmap *
mld_orgmap_new(void)
{
	struct mld_orgmap *m = g_new0(struct mld_orgmap, 1);

	m->org = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	return m;
}

void
mld_orgmap_free(struct mld_orgmap *m)
{
	if (m == NULL)
		return;
	g_hash_table_destroy(m->org);
	g_free(m);
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

bool
mld_orgmap_add_line(struct mld_orgmap *m, const char *line)
{
	const char *p = line, *k;
	char *name;

	while (is_blank(*p))
		p++;
	if (*p == '\0' || *p == '#')
		return true;
	for (k = p; *p != '\0' && !is_blank(*p); p++)
		;
	/* The name is printed: cleaned as any label is (text.h). */
	name = g_strstrip(mld_text_clean(g_strdup(p), MLD_TEXT_LABEL));
	if (*name == '\0') {
		g_free(name);
		return false;
	}
	g_hash_table_replace(m->org, g_ascii_strdown(k, p - k), name);
	return true;
}

struct load {
	struct mld_orgmap *m;
	const char *path;
};

static bool
add_line(char *line, uint64_t lineno, void *data)
{
	struct load *l = data;

	if (mld_orgmap_add_line(l->m, line))
		return true;
	mld_warn_line(l->path, lineno,
	    "a domain without an organisation, skipped");
	return false;
}

bool
mld_orgmap_load(struct mld_orgmap *m, const char *path)
{
	struct load l = { m, path };

	return mld_each_line(path, add_line, &l);
}

const char *
mld_orgmap_lookup(const struct mld_orgmap *m, const char *addr)
{
	const char *d = strrchr(addr, '@'), *org;

	if (d != NULL) {
		if ((org = g_hash_table_lookup(m->org, addr)) != NULL)
			return org;
		d++;
	} else {
		d = addr;
	}
	for (; d != NULL && *d != '\0'; d = strchr(d, '.')) {
		if (*d == '.')
			d++;
		if ((org = g_hash_table_lookup(m->org, d)) != NULL)
			return org;
	}
	return NULL;
}
