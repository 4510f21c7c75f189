/*
 * Unit tests for addr.c: people (relays undone, the recoveries), lists
 * and groups written back, the reader's form, labels against GMime's own
 * writer, the group depth bound and the copy GMime is given, and the
 * plain-mailbox fast path against the parser.
 */
#include <string.h>
#include <glib.h>
#include <gmime/gmime.h>

#include "addr.h"
#include "fastpath.h"
#include "gmimeinit.h"
#include "tool.h"

static char *
fmt(const char *raw, const char *xof, const char *rto)
{
	struct mld_person p;
	char *s;

	if (!mld_person_parse(raw, NULL, &p))
		return NULL;
	mld_person_unrelay(&p, xof, rto);
	s = mld_person_format(&p);
	mld_person_clear(&p);
	return s;
}

static void
test_person(void)
{
	static const struct {
		const char *raw, *xof, *rto, *want;
	} cases[] = {
		{ "\"Maciej S. Szmigiero\" <m@x.name>", NULL, NULL,
		    "\"Maciej S. Szmigiero\" <m@x.name>" },
		{ "Maciej S. Szmigiero <m@x.name>", NULL, NULL,
		    "\"Maciej S. Szmigiero\" <m@x.name>" },
		{ "\"Guo Ren (Alibaba DAMO Academy)\" <g@k.org>", NULL, NULL,
		    "\"Guo Ren (Alibaba DAMO Academy)\" <g@k.org>" },
		{ "g@k.org", NULL, NULL, "g@k.org" },
		{ "\"Jo \\\"JJ\\\" Dev\" <j@x>", NULL, NULL,
		    "\"Jo \\\"JJ\\\" Dev\" <j@x>" },
		{ "=?UTF-8?Q?Ren=C3=A9_Z?= <r@x>", NULL, NULL,
		    "Ren\xc3\xa9 Z <r@x>" },
		/* An encoded name holding an address stays one name. */
		{ "=?UTF-8?Q?evil=3Cspoof=40bank=2Eexample=3E?= <e@x>", NULL,
		    NULL, "\"evil<spoof@bank.example>\" <e@x>" },
		{ "Team: A <a@x>, B <b@x>;", NULL, NULL, "A <a@x>" },
		{ "Jo Dev via B4 Relay <devnull+jo.example.org@kernel.org>",
		    NULL, "jo@example.org", "Jo Dev <jo@example.org>" },
		{ "Jo Dev via B4 Relay <devnull+jo.example.org@kernel.org>",
		    "Jo Dev <jo@example.org>", "other@x", "Jo Dev <jo@example.org>" },
		{ "'Ann' via kvm <kvm@vger.kernel.org>", NULL,
		    "Ann B <ann@corp.example>", "Ann B <ann@corp.example>" },
		{ "Ann via kvm <kvm@vger.kernel.org>", NULL, NULL,
		    "Ann <kvm@vger.kernel.org>" },
		/* The recoveries: specials left unquoted, control bytes,
		 * undeclared 8-bit text. */
		{ "John [ACME] <john@acme.example>", NULL, NULL,
		    "\"John [ACME]\" <john@acme.example>" },
		{ "Eve \x1b]0;x\x07 <eve@example.org>", NULL, NULL,
		    "\"Eve  ]0;x\" <eve@example.org>" },
		{ "Ren\xe9 <r@x>", NULL, NULL, "Ren\xc3\xa9 <r@x>" },
	};
	size_t i;
	char *s;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		s = fmt(cases[i].raw, cases[i].xof, cases[i].rto);
		g_assert_cmpstr(s, ==, cases[i].want);
		g_free(s);
	}
	g_assert_null(fmt("", NULL, NULL));
}

/*
 * What GMime makes of an invalid IDNA domain, and a quoted local part
 * ending in escaped white space: each person is written so that it
 * reads back the same.
 */
static void
test_person_read_back(void)
{
	static const struct {
		const char *raw, *want;
	} cases[] = {
		/* Labels that decode to C1 controls, or to nothing. */
		{ "a@xn--b-khzaa-khaaaaa-aaaaa", "a@b-khzaa-khaaaaa" },
		{ "a@x.xn--a.y", "a@x.y" },
		{ "a@xn--a.y", "a@y" },
		{ "a@x.xn--a", "a@x" },
		{ "a@xn--ba", "a" },
		/* The local part keeps its blanks, and its closing quote. */
		{ "\"\\\\\\\\\\\t\t\"", "\"\\\\\\\\\\  \"" },
	};
	size_t i;
	char *s, *again;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		s = fmt(cases[i].raw, NULL, NULL);
		g_assert_cmpstr(s, ==, cases[i].want);
		again = fmt(s, NULL, NULL);
		g_assert_cmpstr(again, ==, s);
		g_free(again);
		g_free(s);
	}
}

static void
test_label(void)
{
	char *s;

	s = mld_addr_label("maciej.szmigiero@oracle.com",
	    "Maciej S. Szmigiero");
	g_assert_cmpstr(s, ==,
	    "\"Maciej S. Szmigiero\" <maciej.szmigiero@oracle.com>");
	g_free(s);
	s = mld_addr_label("guoren@kernel.org",
	    "Guo Ren (Alibaba DAMO Academy)");
	g_assert_cmpstr(s, ==,
	    "\"Guo Ren (Alibaba DAMO Academy)\" <guoren@kernel.org>");
	g_free(s);
	s = mld_addr_label("keirf@google.com", "Keir Fraser");
	g_assert_cmpstr(s, ==, "Keir Fraser <keirf@google.com>");
	g_free(s);
	s = mld_addr_label("joro@8bytes.org", "J\xc3\xb6rg R\xc3\xb6" "del");
	g_assert_cmpstr(s, ==, "J\xc3\xb6rg R\xc3\xb6" "del <joro@8bytes.org>");
	g_free(s);
	s = mld_addr_label("fangyu.yu@linux.alibaba.com", "");
	g_assert_cmpstr(s, ==, "fangyu.yu@linux.alibaba.com");
	g_free(s);
}

/* The name and address GMime reads back from a label. */
static void
read_back(const char *label, const char *name, const char *addr)
{
	InternetAddressList *l = internet_address_list_parse(NULL, label);
	InternetAddress *ia;

	g_assert_nonnull(l);
	g_assert_cmpint(internet_address_list_length(l), ==, 1);
	ia = internet_address_list_get_address(l, 0);
	g_assert_true(INTERNET_ADDRESS_IS_MAILBOX(ia));
	g_assert_cmpstr(ia->name != NULL ? ia->name : "", ==, name);
	g_assert_cmpstr(INTERNET_ADDRESS_MAILBOX(ia)->addr, ==, addr);
	g_object_unref(l);
}

/*
 * Labels against GMime's own writer: the same bytes where GMime quotes
 * correctly, and where it does not ('"' and '\\' left bare) a label that
 * reads back as the same name, which GMime's does not.
 */
static void
test_label_gmime(void)
{
	static const char *const same[] = { "Keir Fraser",
	    "Maciej S. Szmigiero", "Nutty.Liu", "Guo Ren (Alibaba DAMO Academy)",
	    "J\xc3\xb6rg R\xc3\xb6" "del", "x@y", "a,b", "a;b", "a:b", "[x]",
	    "<x>", "O'Neil", "#hash", "a+b", "a!b$c%d&e*f/g=h?i^j_k`l{m|n}o~p",
	    "\xe6\x97\xa5\xe6\x9c\xac \xe8\xaa\x9e", "evil<spoof@bank.example>",
	    NULL };
	static const char *const fixed[] = { "a\"b", "back\\slash",
	    "\"quoted\"", "a\\\"b", NULL };
	const char *const *n;
	InternetAddress *ia;
	char *ours, *theirs;

	for (n = same; *n != NULL; n++) {
		ia = internet_address_mailbox_new(*n, "a@b.example");
		theirs = internet_address_to_string(ia, NULL, FALSE);
		ours = mld_addr_label("a@b.example", *n);
		g_assert_cmpstr(ours, ==, theirs);
		read_back(ours, *n, "a@b.example");
		g_free(ours);
		g_free(theirs);
		g_object_unref(ia);
	}
	for (n = fixed; *n != NULL; n++) {
		ours = mld_addr_label("a@b.example", *n);
		read_back(ours, *n, "a@b.example");
		g_free(ours);
	}
}

static void
test_display(void)
{
	static const char *const cases[][2] = {
		{ "\"Maciej S. Szmigiero\" <mail@example.name>",
		    "Maciej S. Szmigiero <mail@example.name>" },
		{ "guoren@example.org", "guoren <guoren@example.org>" },
		{ "J\xc3\xb6rg <j@example.de>", "J\xc3\xb6rg <j@example.de>" },
		{ "\"evil<spoof@bank.example>\" <x@example.com>",
		    "evil<spoof@bank.example> <x@example.com>" },
		{ "not an address at all", "not an address at all" },
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *a = mld_addr_display(cases[i][0]);

		g_assert_cmpstr(a, ==, cases[i][1]);
		g_free(a);
	}
}

/* The list of raw written back, or "DEEP" / "NONE". */
static char *
list(const char *raw)
{
	struct mld_addr_list l;
	enum mld_addr_status st;
	GString *out = g_string_new(NULL);

	mld_addr_list_init(&l);
	st = mld_addr_parse(raw, &l);
	if (st == MLD_ADDR_DEEP)
		g_string_assign(out, "DEEP");
	else if (st == MLD_ADDR_NONE)
		g_string_assign(out, "NONE");
	else
		mld_addr_list_append(out, &l);
	mld_addr_list_clear(&l);
	return g_string_free(out, FALSE);
}

static void
test_list(void)
{
	static const char *const cases[][2] = {
		{ "A <a@x>, b@y", "A <a@x>, b@y" },
		{ "Team: A <a@x>, B <b@x>;, c@y", "Team:A <a@x>, B <b@x>;, c@y" },
		{ "undisclosed-recipients:;", "undisclosed-recipients:;" },
		{ "\"a, b\" <ab@x>", "\"a, b\" <ab@x>" },
		{ "=?UTF-8?Q?evil=3Cspoof=40bank=2Eexample=3E?= <e@x>",
		    "\"evil<spoof@bank.example>\" <e@x>" },
		{ "John [ACME] <john@acme.example>",
		    "\"John [ACME]\" <john@acme.example>" },
		{ "", "NONE" },
	};
	size_t i;
	char *s;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		s = list(cases[i][0]);
		g_assert_cmpstr(s, ==, cases[i][1]);
		g_free(s);
	}
}

/* n nested groups around x@y.z, built as the attack writes them. */
static char *
nested(size_t n, const char *open)
{
	GString *s = g_string_new(NULL);
	size_t i;

	for (i = 0; i < n; i++)
		g_string_append(s, open);
	g_string_append(s, "x@y.z");
	return g_string_free(s, FALSE);
}

static void
test_depth(void)
{
	static const struct {
		const char *s;
		size_t depth;
	} cases[] = {
		{ "A <a@x>", 0 },
		{ "g: a@x;", 1 },
		{ "g: h: a@x;;", 2 },
		/* Each ':' may open a group, wherever it stands: GMime does
		 * not always see quotes, comments and encoded words where
		 * RFC 5322 does. */
		{ "g: a@x;, h: b@y;", 2 },
		{ "\"a:b:c\" <a@x>", 2 },
		{ "a@x (a:b)", 1 },
		{ "=?us-ascii?q?a:b?= <a@x>", 1 },
		/* What fuzzing found: a '"' inside a word is no quote to
		 * GMime, and the ':' after it opened a third group. */
		{ "x\"y: a\" list: b <c@d:;, list: e:;", 5 },
	};
	size_t i;
	char *s, *t;

	for (i = 0; i < G_N_ELEMENTS(cases); i++)
		g_assert_cmpuint(mld_addr_depth(cases[i].s,
		    strlen(cases[i].s)), ==, cases[i].depth);
	/* Past the bound the field has no address; the scan is linear. */
	s = nested(MLD_ADDR_MAX_DEPTH, "a:");
	g_assert_cmpuint(mld_addr_depth(s, strlen(s)), ==, MLD_ADDR_MAX_DEPTH);
	g_free(s);
	s = nested(200000, "a:");
	g_assert_cmpuint(mld_addr_depth(s, strlen(s)), ==, 200000);
	g_free(s);
	s = nested(200000, "a:");
	t = list(s);
	g_assert_cmpstr(t, ==, "DEEP");
	g_free(t);
	g_free(s);
	s = nested(200000, "\"a\":");
	g_free(list(s));
	g_free(s);
	s = nested(200000, "<");
	g_free(list(s));
	g_free(s);
	s = nested(200000, "(");
	g_free(list(s));
	g_free(s);
}

/* The number of ':' in s. */
static size_t
colons(const char *s)
{
	size_t n = 0;

	for (; (s = strchr(s, ':')) != NULL; s++)
		n++;
	return n;
}

static void
test_defuse(void)
{
	char *deep = nested(100000, "a:"), *msg, *safe;
	const char *ok = "From: A <a@x>\nTo: g: h: b@y;;\n\nbody\n";
	size_t len;

	g_assert_null(mld_addr_defuse(ok, strlen(ok), NULL));
	/* In the header block: blanked, folding kept, the rest as it was;
	 * in a body that encloses no message, left to the body. */
	msg = g_strdup_printf("Subject: s\nreply-to :%s\n x\n\n"
	    "From: %s\n\nbody\n", deep, deep);
	len = strlen(msg);
	safe = mld_addr_defuse(msg, len, NULL);
	g_assert_nonnull(safe);
	g_assert_cmpuint(strlen(safe), ==, len);
	g_assert_true(g_str_has_prefix(safe, "Subject: s\nreply-to :   "));
	g_assert_cmpuint(colons(safe), ==, 3 + 100000);
	g_assert_true(g_str_has_suffix(safe, "\n\nbody\n"));
	g_free(safe);
	g_free(msg);
	/* A message enclosed: its header block is GMime's too. */
	msg = g_strdup_printf("Content-Type: Message/RFC822\n\nFrom: %s\n\n"
	    "body\n", deep);
	len = strlen(msg);
	safe = mld_addr_defuse(msg, len, NULL);
	g_assert_nonnull(safe);
	g_assert_cmpuint(colons(safe), ==, 2);
	g_assert_cmpuint(mld_addr_depth(safe, len), <=, 2);
	g_free(safe);
	g_free(msg);
	g_free(deep);
}

/* The plain-mailbox fast path gives what the parser gives. */
static void
test_fast_path(void)
{
	static const char *const cases[] = { "Keir Fraser <keirf@google.com>",
	    "keirf@google.com", "A  B <a.b+c=d@x-y.example>",
	    "Jo <j@x>", "x@y", "A <a@b>", "J <j..k@x>", "<a@b>", "A<a@b>",
	    "A <a@b> ", "=?UTF-8?Q?A?= <a@b>", "a@b.", "A <@b>",
	    "K <k@xn--kernel.org>", "A <a@xn--bcher-kva.de>" };
	struct mld_addr_list fast, slow;
	GString *a = g_string_new(NULL), *b = g_string_new(NULL);
	enum mld_addr_status sa, sb;
	size_t i;

	mld_addr_list_init(&fast);
	mld_addr_list_init(&slow);
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		mld_fast_paths_set(true);
		sa = mld_addr_parse(cases[i], &fast);
		mld_fast_paths_set(false);
		sb = mld_addr_parse(cases[i], &slow);
		g_string_truncate(a, 0);
		g_string_truncate(b, 0);
		mld_addr_list_append(a, &fast);
		mld_addr_list_append(b, &slow);
		g_assert_cmpint(sa, ==, sb);
		g_assert_cmpstr(a->str, ==, b->str);
	}
	/* An IDNA domain is GMime's to read, fast paths or not. */
	mld_fast_paths_set(false);
	g_assert_cmpint(mld_addr_parse("A <a@xn--bcher-kva.de>", &slow), ==,
	    MLD_ADDR_OK);
	g_string_truncate(b, 0);
	mld_addr_list_append(b, &slow);
	g_assert_cmpstr(b->str, ==, "A <a@b\xc3\xbc" "cher.de>");
	mld_fast_paths_set(true);
	mld_addr_list_clear(&fast);
	mld_addr_list_clear(&slow);
	g_string_free(a, TRUE);
	g_string_free(b, TRUE);
}

int
main(int argc, char **argv)
{
	mld_init("unit-addr");
	mld_gmime_init();
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/addr/person", test_person);
	g_test_add_func("/addr/person-read-back", test_person_read_back);
	g_test_add_func("/addr/label", test_label);
	g_test_add_func("/addr/label-gmime", test_label_gmime);
	g_test_add_func("/addr/display", test_display);
	g_test_add_func("/addr/list", test_list);
	g_test_add_func("/addr/depth", test_depth);
	g_test_add_func("/addr/defuse", test_defuse);
	g_test_add_func("/addr/fast-path", test_fast_path);
	return g_test_run();
}
