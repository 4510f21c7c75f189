/*
 * bots.c - the bot list (see bots.h).  Patterns are GLib's simple
 * globs, tried in turn: the list is a few dozen entries at most, and a
 * person is looked up once per record field, not once per byte.
 */
#include "bots.h"
#include "text.h"
#include "tool.h"

#include <string.h>
#include <glib.h>

/*
 * The robots of the kernel lists: syzbot and its CI, the 0-day kernel
 * test robot, patchwork's bots, the tip tree's commit notices, the BPF
 * and KernelCI CI systems, Linaro's toolchain CI and GitHub apps.
 */
static const char *const defaults[] = {
	"*@syzkaller.appspotmail.com",
	"syzbot*",
	"lkp@intel.com",
	"kernel test robot",
	"kbuild test robot",
	"patchwork-bot*@*",
	"patchwork@*",
	"tip-bot*@linutronix.de",
	"bot+*@kernel.org",
	"*@kernelci.org",
	"ci_notify@linaro.org",
	"*[bot]@users.noreply.github.com",
	NULL,
};

struct pat {
	char *text;
	GPatternSpec *spec;
	bool on_addr;
};

struct mld_bots {
	GPtrArray *pats;	/* struct pat * */
};

static void
pat_free(void *p)
{
	struct pat *pt = p;

	g_pattern_spec_free(pt->spec);
	g_free(pt->text);
	g_free(pt);
}

struct mld_bots *
mld_bots_new(void)
{
	struct mld_bots *b = g_new0(struct mld_bots, 1);
	const char *const *d;

	b->pats = g_ptr_array_new_with_free_func(pat_free);
	for (d = defaults; *d != NULL; d++)
		mld_bots_add(b, *d);
	return b;
}

void
mld_bots_free(struct mld_bots *b)
{
	if (b == NULL)
		return;
	g_ptr_array_free(b->pats, TRUE);
	g_free(b);
}

void
mld_bots_add(struct mld_bots *b, const char *pattern)
{
	struct pat *p = g_new0(struct pat, 1);
	/* GLib's UTF-8 functions assert on anything else. */
	char *valid = mld_text_repair(g_strdup(pattern));

	p->text = g_utf8_strdown(valid, -1);
	g_free(valid);
	p->spec = g_pattern_spec_new(p->text);
	p->on_addr = strchr(p->text, '@') != NULL;
	g_ptr_array_add(b->pats, p);
}

static bool
add_line(char *line, uint64_t lineno, void *b)
{
	char *s = g_strstrip(line);

	(void)lineno;
	if (*s != '\0' && *s != '#')
		mld_bots_add(b, s);
	return true;
}

bool
mld_bots_load(struct mld_bots *b, const char *path)
{
	return mld_each_line(path, add_line, b);
}

bool
mld_bots_match(const struct mld_bots *b, const char *name, const char *addr)
{
	char *lname = NULL;
	bool hit = false;
	unsigned i;

	for (i = 0; i < b->pats->len && !hit; i++) {
		const struct pat *p = g_ptr_array_index(b->pats, i);

		if (p->on_addr) {
			hit = g_pattern_spec_match_string(p->spec, addr);
		} else if (*name != '\0') {
			if (lname == NULL)
				lname = g_utf8_strdown(name, -1);
			hit = g_pattern_spec_match_string(p->spec, lname);
		}
	}
	g_free(lname);
	return hit;
}

void
mld_bots_write(const struct mld_bots *b, FILE *f)
{
	unsigned i;

	for (i = 0; i < b->pats->len; i++)
		fprintf(f, "%s\n",
		    ((const struct pat *)g_ptr_array_index(b->pats, i))->text);
}
