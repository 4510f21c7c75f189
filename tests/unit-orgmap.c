/* Unit tests for the organisation map: longest match, addresses, case. */
#include <stdio.h>
#include <unistd.h>
#include <glib.h>

#include "orgmap.h"
#include "tool.h"

static void
test_longest(void)
{
	struct mld_orgmap *m = mld_orgmap_new();

	g_assert_true(mld_orgmap_add_line(m, "# gitdm style"));
	g_assert_true(mld_orgmap_add_line(m, ""));
	g_assert_true(mld_orgmap_add_line(m, "intel.com\tIntel"));
	g_assert_true(mld_orgmap_add_line(m, "linux.intel.com Intel Linux  "));
	g_assert_true(mld_orgmap_add_line(m, "alibaba.com     Alibaba Group"));
	g_assert_true(mld_orgmap_add_line(m, "jo@intel.com   Jo Consulting"));
	g_assert_cmpstr(mld_orgmap_lookup(m, "a@intel.com"), ==, "Intel");
	g_assert_cmpstr(mld_orgmap_lookup(m, "a@mail.intel.com"), ==, "Intel");
	g_assert_cmpstr(mld_orgmap_lookup(m, "a@linux.intel.com"), ==,
	    "Intel Linux");
	g_assert_cmpstr(mld_orgmap_lookup(m, "a@x.linux.intel.com"), ==,
	    "Intel Linux");
	g_assert_cmpstr(mld_orgmap_lookup(m, "jo@intel.com"), ==,
	    "Jo Consulting");
	g_assert_cmpstr(mld_orgmap_lookup(m, "intel.com"), ==, "Intel");
	/* Whole labels only: no match inside a label. */
	g_assert_null(mld_orgmap_lookup(m, "a@notintel.com"));
	g_assert_null(mld_orgmap_lookup(m, "a@intel.com.example"));
	g_assert_null(mld_orgmap_lookup(m, "a@com"));
	g_assert_null(mld_orgmap_lookup(m, "a@"));
	mld_orgmap_free(m);
}

static void
test_case_and_override(void)
{
	struct mld_orgmap *m = mld_orgmap_new();

	g_assert_true(mld_orgmap_add_line(m, "Example.ORG Old"));
	g_assert_true(mld_orgmap_add_line(m, "example.org New"));
	g_assert_false(mld_orgmap_add_line(m, "lonely.example"));
	g_assert_false(mld_orgmap_add_line(m, "  lonely.example \t "));
	g_assert_cmpstr(mld_orgmap_lookup(m, "a@sub.example.org"), ==, "New");
	g_assert_null(mld_orgmap_lookup(m, "a@lonely.example"));
	mld_orgmap_free(m);
}

static void
test_load(void)
{
	char path[] = "/tmp/mld-orgmap-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct mld_orgmap *m = mld_orgmap_new();

	g_assert_nonnull(f);
	fputs("redhat.com Red Hat\r\nbroken.example\noracle.com Oracle", f);
	fclose(f);
	/* The broken line is reported; the others still load. */
	g_assert_false(mld_orgmap_load(m, path));
	g_assert_cmpstr(mld_orgmap_lookup(m, "x@redhat.com"), ==, "Red Hat");
	g_assert_cmpstr(mld_orgmap_lookup(m, "x@oracle.com"), ==, "Oracle");
	unlink(path);
	mld_orgmap_free(m);
}

int
main(int argc, char **argv)
{
	mld_init("unit-orgmap");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/orgmap/longest", test_longest);
	g_test_add_func("/orgmap/case-and-override", test_case_and_override);
	g_test_add_func("/orgmap/load", test_load);
	return g_test_run();
}
