/*
 * Unit tests for the subject parser: a table of subjects seen on patch
 * lists (and the tricks they play), long hostile subjects, and generated
 * subjects checked against properties every parse must have.
 */
#include <limits.h>
#include <string.h>
#include <glib.h>

#include "subject.h"
#include "tool.h"

enum {
	REPLY = 1 << 0,
	PATCH = 1 << 1,
	PULL = 1 << 2,
	RESEND = 1 << 3,
	RFC = 1 << 4,
	NOTICE = 1 << 5,
};

struct expect {
	const char *subject;
	const char *prefix;
	const char *title;
	unsigned version, n, total;
	unsigned flags;
};

static const struct expect table[] = {
	/* The patch groups of format-patch, b4 and by hand. */
	{ "[PATCH] RISC-V: KVM: Prevent HGATP_MODE_BARE passed", "PATCH",
	  "RISC-V: KVM: Prevent HGATP_MODE_BARE passed", 1, 1, 1, PATCH },
	{ "[PATCH v3 2/7] KVM: arm64: vgic: x", "PATCH v3 2/7",
	  "KVM: arm64: vgic: x", 3, 2, 7, PATCH },
	{ "[PATCHv2 01/12] foo", "PATCHv2 01/12", "foo", 2, 1, 12, PATCH },
	{ "[RFC PATCH net-next v2 0/5] net: bar",
	  "RFC PATCH net-next v2 0/5", "net: bar", 2, 0, 5, PATCH | RFC },
	{ "[PATCH RESEND V2 1/2] x86/mce: Fix missing address mask",
	  "PATCH RESEND V2 1/2", "x86/mce: Fix missing address mask",
	  2, 1, 2, PATCH | RESEND },
	{ "[PATCH 6.1 012/345] KVM: x86: y", "PATCH 6.1 012/345",
	  "KVM: x86: y", 1, 12, 345, PATCH },
	{ "[kvm-unit-tests PATCH] x86: pmu: z", "kvm-unit-tests PATCH",
	  "x86: pmu: z", 1, 1, 1, PATCH },
	{ "[kvm-unit-tests PATCH v4 3/9] a", "kvm-unit-tests PATCH v4 3/9",
	  "a", 4, 3, 9, PATCH },
	{ "[PATCH V7 0/3] x86/tdx: Skip", "PATCH V7 0/3", "x86/tdx: Skip",
	  7, 0, 3, PATCH },
	{ "[PATCH v10 3/4]", "PATCH v10 3/4", "", 10, 3, 4, PATCH },
	{ "[PATCH v6,19/24] foo", "PATCH v6,19/24", "foo", 6, 19, 24, PATCH },
	{ "[PATCH,v6,19/24] foo", "PATCH,v6,19/24", "foo", 6, 19, 24, PATCH },
	{ "[PATCH;v2;1/2] foo", "PATCH;v2;1/2", "foo", 2, 1, 2, PATCH },
	{ "[PATCHv3] foo", "PATCHv3", "foo", 3, 1, 1, PATCH },
	{ "[PATCH1/8] foo", "PATCH1/8", "foo", 1, 1, 8, PATCH },
	{ "[PATCH 3 of 5] foo", "PATCH 3 of 5", "foo", 1, 3, 5, PATCH },
	{ "[PATCH v2 3 OF 5] foo", "PATCH v2 3 OF 5", "foo", 2, 3, 5, PATCH },
	{ "[PATCH 3 of] foo", "PATCH 3 of", "foo", 1, 1, 1, PATCH },
	{ "[PATCH v5.1 2/3] foo", "PATCH v5.1 2/3", "foo", 5, 2, 3, PATCH },
	{ "[PATCH v5. 2/3] foo", "PATCH v5. 2/3", "foo", 1, 2, 3, PATCH },
	{ "[PATCH 0001/1234] foo", "PATCH 0001/1234", "foo", 1, 1, 1234,
	  PATCH },
	{ "[PATCH 2/3 v4] x", "PATCH 2/3 v4", "x", 4, 2, 3, PATCH },
	{ "[V2 PATCH] x", "V2 PATCH", "x", 2, 1, 1, PATCH },
	{ "[patch v2 1/2] x", "patch v2 1/2", "x", 2, 1, 2, PATCH },
	{ "[PATCH RFC v2] x", "PATCH RFC v2", "x", 2, 1, 1, PATCH | RFC },
	{ "[RFCv2 PATCH 1/1] x", "RFCv2 PATCH 1/1", "x", 2, 1, 1,
	  PATCH | RFC },
	{ "[RFC] x", "RFC", "x", 1, 1, 1, PATCH | RFC },
	{ "[PATCHES] x", "PATCHES", "x", 1, 1, 1, PATCH },
	{ "[PATCH v2 RESEND] x", "PATCH v2 RESEND", "x", 2, 1, 1,
	  PATCH | RESEND },
	{ "[ PATCH \t v2 ] x", "PATCH v2", "x", 2, 1, 1, PATCH },
	{ "[1/3] x", "1/3", "x", 1, 1, 3, PATCH },
	{ "[v3 1/5] KVM: PPC: x", "v3 1/5", "KVM: PPC: x", 3, 1, 5, PATCH },
	{ "[RFC-PATCH] x", "RFC-PATCH", "x", 1, 1, 1, PATCH | RFC },
	{ "[RFC/PATCH 2/4] x", "RFC/PATCH 2/4", "x", 1, 2, 4, PATCH | RFC },
	{ "[PATCH-v2 1/2] x", "PATCH-v2 1/2", "x", 2, 1, 2, PATCH },
	{ "Re: (subset) [PATCH v2 00/60] x", "PATCH v2 00/60", "x", 2, 0, 60,
	  REPLY | PATCH },
	/* Words that look like known tokens but are not. */
	{ "[PATCHWORK] x", "", "x", 1, 1, 1, 0 },
	{ "[RFC2822] x", "", "x", 1, 1, 1, 0 },
	{ "[PATCH v2-next] x", "PATCH v2-next", "x", 1, 1, 1, PATCH },
	{ "[net-next] x", "", "x", 1, 1, 1, 0 },
	{ "[RFC-] x", "", "x", 1, 1, 1, 0 },
	{ "[-PATCH] x", "", "x", 1, 1, 1, 0 },
	{ "[PATCH-v2-next] x", "", "x", 1, 1, 1, 0 },
	{ "(subset) x", "", "x", 1, 1, 1, 0 },
	{ "(subsets) x", "", "(subsets) x", 1, 1, 1, 0 },
	{ "[PATCH 1/2/3] x", "PATCH 1/2/3", "x", 1, 1, 1, PATCH },
	/* Pull requests. */
	{ "[GIT PULL] KVM/arm64 fixes for 6.17, take #2", "GIT PULL",
	  "KVM/arm64 fixes for 6.17, take #2", 1, 1, 1, PULL },
	{ "[GIT,PULL] x", "GIT,PULL", "x", 1, 1, 1, PULL },
	{ "[GIT PULL v2] x", "GIT PULL v2", "x", 2, 1, 1, PULL },
	{ "[PULL 0/8] x", "PULL 0/8", "x", 1, 0, 8, PULL },
	{ "[kvm-unit-tests PULL 1/10] x", "kvm-unit-tests PULL 1/10", "x",
	  1, 1, 10, PULL },
	{ "GIT PULL: KVM changes", "", "GIT PULL: KVM changes", 1, 1, 1,
	  PULL },
	{ "Re: git pull for 6.1", "", "git pull for 6.1", 1, 1, 1,
	  REPLY | PULL },
	{ "GIT PULLS x", "", "GIT PULLS x", 1, 1, 1, 0 },
	{ "GITPULL x", "", "GITPULL x", 1, 1, 1, 0 },
	/* Tags that are not patch groups, before or between them. */
	{ "[Linux-kernel] [PATCH 1/2] foo", "PATCH 1/2", "foo", 1, 1, 2,
	  PATCH },
	{ "[Linux-kernel][PATCH 1/2] foo", "PATCH 1/2", "foo", 1, 1, 2,
	  PATCH },
	{ "[RFC] [PATCH v2 1/3] foo", "RFC PATCH v2 1/3", "foo", 2, 1, 3,
	  PATCH | RFC },
	{ "[PATCH v2] [PATCH v3 1/2] x", "PATCH v2 PATCH v3 1/2", "x",
	  2, 1, 2, PATCH },
	{ "[PATCH] [net-next] x", "PATCH net-next", "x", 1, 1, 1, PATCH },
	{ "[PATCH][next] x", "PATCH next", "x", 1, 1, 1, PATCH },
	{ "[PATCH 1/6] [DOC] x", "PATCH 1/6 DOC", "x", 1, 1, 6, PATCH },
	{ "[RFC][PATCH] x", "RFC PATCH", "x", 1, 1, 1, PATCH | RFC },
	{ "[SLOF] [PATCH v2] x", "PATCH v2", "x", 2, 1, 1, PATCH },
	{ "[syzbot ci] Re: KVM: Speed up MMIO registrations", "",
	  "KVM: Speed up MMIO registrations", 1, 1, 1, REPLY },
	{ "[syzbot] [kvm?] WARNING in kvm_x", "", "WARNING in kvm_x",
	  1, 1, 1, 0 },
	{ "[Bug 219009] New: x", "", "New: x", 1, 1, 1, 0 },
	{ "[] x", "", "x", 1, 1, 1, 0 },
	/* Reply and forward markers, before and after the groups. */
	{ "Re: [PATCH] foo", "PATCH", "foo", 1, 1, 1, REPLY | PATCH },
	{ "[PATCH] Re: foo", "PATCH", "foo", 1, 1, 1, REPLY | PATCH },
	{ "[PATCH]RE:foo", "PATCH", "foo", 1, 1, 1, REPLY | PATCH },
	{ "Re: Re: AW: [PATCH v2] foo", "PATCH v2", "foo", 2, 1, 1,
	  REPLY | PATCH },
	{ "Fwd: [GIT PULL] foo", "GIT PULL", "foo", 1, 1, 1, REPLY | PULL },
	{ "RE: Re: re: FW: Fw: fwd: Aw: foo", "", "foo", 1, 1, 1, REPLY },
	{ "SV: VS: VB: WG: TR: R: RIF: Res: Odp: Antw: Doorst: foo", "",
	  "foo", 1, 1, 1, REPLY },
	{ "Re[2]: [PATCH] x", "PATCH", "x", 1, 1, 1, REPLY | PATCH },
	{ "Re^3: x", "", "x", 1, 1, 1, REPLY },
	{ "Re[: x", "", "Re[: x", 1, 1, 1, 0 },
	{ "RE : [PATCH] x", "PATCH", "x", 1, 1, 1, REPLY | PATCH },
	{ "\xe5\x9b\x9e\xe5\xa4\x8d\xef\xbc\x9a[PATCH] x", "PATCH", "x",
	  1, 1, 1, REPLY | PATCH },
	{ "\xe8\xbd\xac\xe5\x8f\x91: x", "", "x", 1, 1, 1, REPLY },
	{ "Re: Re:", "", "", 1, 1, 1, REPLY },
	{ "Re: [PATCH] vhost: Fix ioctl # for VHOST_[GS]ET_FORK_FROM_OWNER",
	  "PATCH", "vhost: Fix ioctl # for VHOST_[GS]ET_FORK_FROM_OWNER",
	  1, 1, 1, REPLY | PATCH },
	/* Not reply markers. */
	{ "KVM: [PATCH] x", "", "KVM: [PATCH] x", 1, 1, 1, 0 },
	{ "wg: fix x", "", "wg: fix x", 1, 1, 1, 0 },
	{ "[PATCH] sv: fix x", "PATCH", "sv: fix x", 1, 1, 1, PATCH },
	{ "[PATCH] Rest: x", "PATCH", "Rest: x", 1, 1, 1, PATCH },
	{ "Revert \"x\"", "", "Revert \"x\"", 1, 1, 1, 0 },
	{ "Re foo", "", "Re foo", 1, 1, 1, 0 },
	{ "[PATCH] RESEND: x", "PATCH", "RESEND: x", 1, 1, 1, PATCH },
	/* The title is never cut at a bracket inside it. */
	{ "[PATCH] vhost: Fix ioctl # for VHOST_[GS]ET_FORK_FROM_OWNER",
	  "PATCH", "vhost: Fix ioctl # for VHOST_[GS]ET_FORK_FROM_OWNER",
	  1, 1, 1, PATCH },
	{ "[PATCH] foo] bar [baz]", "PATCH", "foo] bar [baz]", 1, 1, 1,
	  PATCH },
	/* Unbalanced brackets, and brackets nested twice, end the head. */
	{ "[PATCH v2 foo", "", "[PATCH v2 foo", 1, 1, 1, 0 },
	{ "[PATCH [[v2]] 1/3] foo", "", "[PATCH [[v2]] 1/3] foo", 1, 1, 1,
	  0 },
	{ "[PATCH [v2 1/3] foo", "", "[PATCH [v2 1/3] foo", 1, 1, 1, 0 },
	/* Brackets nested once are read as one group. */
	{ "[PATCH [v2] 1/3] foo", "PATCH [v2] 1/3", "foo", 2, 1, 3, PATCH },
	{ "[[RESEND] iommufd PATCH v2 1/2] iommufd: x",
	  "[RESEND] iommufd PATCH v2 1/2", "iommufd: x", 2, 1, 2,
	  PATCH | RESEND },
	{ "[[iommufd] PATCH v3 0/2] x", "[iommufd] PATCH v3 0/2", "x", 3, 0,
	  2, PATCH },
	{ "[[efi boot control]] efibc: x", "", "efibc: x", 1, 1, 1, 0 },
	/* A version after "for" names a tree; a dotted counter. */
	{ "[PATCH for v5.15] x", "PATCH for v5.15", "x", 1, 1, 1, PATCH },
	{ "[PATCH v2 for v5.15 1/3] x", "PATCH v2 for v5.15 1/3", "x", 2, 1,
	  3, PATCH },
	{ "[PATCH for-6.2] x", "PATCH for-6.2", "x", 1, 1, 1, PATCH },
	{ "[PATCH for-v6.2 v3] x", "PATCH for-v6.2 v3", "x", 3, 1, 1,
	  PATCH },
	{ "[PATCH v3 for] x", "PATCH v3 for", "x", 3, 1, 1, PATCH },
	{ "[PATCH v12 43.1/46] x", "PATCH v12 43.1/46", "x", 12, 43, 46,
	  PATCH },
	{ "[PATCH 43./46] x", "PATCH 43./46", "x", 1, 1, 1, PATCH },
	/* A bracket group that a colon follows is the title's own. */
	{ "[PATCH RFC PKS/PMEM 58/58] [dax|pmem]: Enable x",
	  "PATCH RFC PKS/PMEM 58/58", "[dax|pmem]: Enable x", 1, 58, 58,
	  PATCH | RFC },
	{ "[PATCH 1/2]: x", "PATCH 1/2", ": x", 1, 1, 2, PATCH },
	/* Robots' notices about a patch: the patch's title. */
	{ "[tip: x86/urgent] x86/mm: Fix y", "", "x86/mm: Fix y", 1, 1, 1,
	  NOTICE },
	{ "[tip:perf/core] perf: z", "", "perf: z", 1, 1, 1, NOTICE },
	{ "Re: [tip: x86/urgent] x86/mm: Fix y", "", "x86/mm: Fix y", 1, 1,
	  1, REPLY },
	{ "[PATCH] [tip: x] y", "PATCH tip: x", "y", 1, 1, 1, PATCH },
	{ "Applied \"spi: a: Fix b\" to the spi tree",  "", "spi: a: Fix b",
	  1, 1, 1, NOTICE },
	{ "Applied \"Revert \"spi: a\"\" to the spi tree", "",
	  "Revert \"spi: a\"", 1, 1, 1, NOTICE },
	{ "Re: Applied \"spi: a\" to the spi tree", "",
	  "Applied \"spi: a\" to the spi tree", 1, 1, 1, REPLY },
	{ "Patch \"spi: x\" has been added to the 5.15-stable tree", "",
	  "spi: x", 1, 1, 1, NOTICE },
	{ "patch \"tty: x\" added to tty-testing", "", "tty: x", 1, 1, 1,
	  NOTICE },
	{ "FAILED: patch \"spi: x\" failed to apply to 5.15-stable tree",
	  "", "spi: x", 1, 1, 1, NOTICE },
	{ "FAILED: patch \"[PATCH] spi: x\" failed to apply to 6.1-stable "
	  "tree", "", "spi: x", 1, 1, 1, NOTICE },
	{ "Applied \"spi: x\"", "", "Applied \"spi: x\"", 1, 1, 1, 0 },
	{ "Applied patches to the spi tree", "",
	  "Applied patches to the spi tree", 1, 1, 1, 0 },
	{ "[PATCH] [", "PATCH", "[", 1, 1, 1, PATCH },
	{ "]", "", "]", 1, 1, 1, 0 },
	/* Counters as written, and numbers too big. */
	{ "[PATCH 5/3] x", "PATCH 5/3", "x", 1, 5, 3, PATCH },
	{ "[PATCH 1/0] x", "PATCH 1/0", "x", 1, 1, 0, PATCH },
	{ "[PATCH 0/0] x", "PATCH 0/0", "x", 1, 0, 0, PATCH },
	{ "[PATCH v99999999999 99999999999/1] x",
	  "PATCH v99999999999 99999999999/1", "x", UINT_MAX, UINT_MAX, 1,
	  PATCH },
	/* White space. */
	{ "", "", "", 1, 1, 1, 0 },
	{ " \t ", "", "", 1, 1, 1, 0 },
	{ "  [PATCH]\t  foo \t bar  ", "PATCH", "foo bar", 1, 1, 1, PATCH },
	{ "Re:\n [PATCH\n v2]\n foo\r\n bar", "PATCH v2", "foo bar", 2, 1, 1,
	  REPLY | PATCH },
	{ "x\xc2\xa0y", "", "x\xc2\xa0y", 1, 1, 1, 0 },
};

static void
test_table(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(table); i++) {
		const struct expect *e = &table[i];
		struct mld_subject s;

		g_test_message("subject: \"%s\"", e->subject);
		mld_subject_parse(e->subject, &s);
		g_assert_cmpstr(s.prefix, ==, e->prefix);
		g_assert_cmpstr(s.title, ==, e->title);
		g_assert_cmpuint(s.version, ==, e->version);
		g_assert_cmpuint(s.n, ==, e->n);
		g_assert_cmpuint(s.total, ==, e->total);
		g_assert_cmpint(s.reply, ==, !!(e->flags & REPLY));
		g_assert_cmpint(s.patch, ==, !!(e->flags & PATCH));
		g_assert_cmpint(s.pull, ==, !!(e->flags & PULL));
		g_assert_cmpint(s.resend, ==, !!(e->flags & RESEND));
		g_assert_cmpint(s.rfc, ==, !!(e->flags & RFC));
		g_assert_cmpint(s.notice, ==, !!(e->flags & NOTICE));
		mld_subject_clear(&s);
		g_assert_null(s.prefix);
		g_assert_null(s.title);
	}
}

static void
test_title_version(void)
{
	g_assert_cmpuint(mld_subject_title_version("spi: x: Do y v2"), ==, 2);
	g_assert_cmpuint(mld_subject_title_version("x V10"), ==, 10);
	g_assert_cmpuint(mld_subject_title_version("v2"), ==, 0);
	g_assert_cmpuint(mld_subject_title_version("x v2 y"), ==, 0);
	g_assert_cmpuint(mld_subject_title_version("x v"), ==, 0);
	g_assert_cmpuint(mld_subject_title_version("x 2"), ==, 0);
	g_assert_cmpuint(mld_subject_title_version(""), ==, 0);
}

static void
test_null(void)
{
	struct mld_subject s;

	mld_subject_parse(NULL, &s);
	g_assert_cmpstr(s.prefix, ==, "");
	g_assert_cmpstr(s.title, ==, "");
	g_assert_cmpuint(s.version, ==, 1);
	g_assert_cmpuint(s.n, ==, 1);
	g_assert_cmpuint(s.total, ==, 1);
	g_assert_false(s.reply || s.patch || s.pull || s.resend || s.rfc ||
	    s.notice);
	mld_subject_clear(&s);
}

/* A subject of count copies of unit, then tail. */
static char *
repeat(const char *unit, size_t count, const char *tail)
{
	GString *s = g_string_new(NULL);

	for (size_t i = 0; i < count; i++)
		g_string_append(s, unit);
	g_string_append(s, tail);
	return g_string_free(s, FALSE);
}

/* Hostile subjects: each must come back whole or stripped, not crash. */
static void
test_long(void)
{
	struct mld_subject s;
	char *in;

	in = repeat("[", 10000, "");
	mld_subject_parse(in, &s);
	g_assert_cmpstr(s.title, ==, in);
	g_assert_cmpstr(s.prefix, ==, "");
	mld_subject_clear(&s);
	g_free(in);

	in = repeat("[a", 10000, "]");
	mld_subject_parse(in, &s);
	g_assert_cmpstr(s.title, ==, in);
	mld_subject_clear(&s);
	g_free(in);

	in = repeat("[a]", 100000, "x");
	mld_subject_parse(in, &s);
	g_assert_cmpstr(s.title, ==, "x");
	g_assert_cmpstr(s.prefix, ==, "");
	mld_subject_clear(&s);
	g_free(in);

	in = repeat("Re: [PATCH v2 1/3] ", 100000, "x");
	mld_subject_parse(in, &s);
	g_assert_cmpstr(s.title, ==, "x");
	g_assert_cmpuint(strlen(s.prefix), ==, 100000 * 13 - 1);
	g_assert_true(s.reply && s.patch);
	g_assert_cmpuint(s.version, ==, 2);
	g_assert_cmpuint(s.n, ==, 1);
	g_assert_cmpuint(s.total, ==, 3);
	mld_subject_clear(&s);
	g_free(in);

	in = repeat(" \t", 100000, "");
	mld_subject_parse(in, &s);
	g_assert_cmpstr(s.title, ==, "");
	mld_subject_clear(&s);
	g_free(in);
}

static bool
is_blank(char c)
{
	return c != '\0' && strchr(" \t\n\r\v\f", c) != NULL;
}

/* Text made single-spaced the way the parser does it: by hand. */
static char *
squeeze(const char *s)
{
	GString *out = g_string_new(NULL);
	const char *p = s;

	while (*p != '\0') {
		while (is_blank(*p))
			p++;
		if (*p == '\0')
			break;
		if (out->len > 0)
			g_string_append_c(out, ' ');
		while (*p != '\0' && !is_blank(*p))
			g_string_append_c(out, *p++);
	}
	return g_string_free(out, FALSE);
}

static bool
ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return b <= a && strcmp(s + a - b, tail) == 0;
}

/*
 * Properties of every parse, on generated subjects built from the
 * characters the parser reacts to: title and prefix are single-spaced;
 * the title is the end of the subject; parsing the title again gives it
 * back; without a patch group the numbers keep their defaults.
 */
static void
check_properties(const char *in)
{
	struct mld_subject s, t;
	char *sq = squeeze(in), *sqt, *sqp;

	mld_subject_parse(in, &s);
	sqt = squeeze(s.title);
	sqp = squeeze(s.prefix);
	g_assert_cmpstr(s.title, ==, sqt);
	g_assert_cmpstr(s.prefix, ==, sqp);
	if (s.prefix[0] == '\0') {
		g_assert_cmpuint(s.version, ==, 1);
		g_assert_cmpuint(s.n, ==, 1);
		g_assert_cmpuint(s.total, ==, 1);
		g_assert_false(s.patch || s.resend || s.rfc);
	}
	/* A notice's title may be the patch title it quotes, as it is. */
	if (s.notice) {
		g_assert_true(strstr(sq, s.title) != NULL);
	} else {
		g_assert_true(ends_with(sq, s.title));
		mld_subject_parse(s.title, &t);
		/* A reply to a notice keeps the notice's subject. */
		if (!t.notice)
			g_assert_cmpstr(t.title, ==, s.title);
		g_assert_cmpstr(t.prefix, ==, "");
		g_assert_false(t.reply);
		mld_subject_clear(&t);
	}
	mld_subject_clear(&s);
	g_free(sq);
	g_free(sqt);
	g_free(sqp);
}

static void
test_generated(void)
{
	static const char *const bits[] = {
		"[", "]", " ", "\t", "\n", ",", "Re", ":", "PATCH", "v2",
		"1/3", "3", " of ", "RFC", "GIT", "PULL", "x", "R",
		"\xef\xbc\x9a", "^2", ".1", "\xc3\xa9", "-", "(subset)",
		"for", "tip:", "Applied \"", "\" to ",
	};
	GRand *r = g_rand_new_with_seed(20250819);

	for (int i = 0; i < 200000; i++) {
		GString *in = g_string_new(NULL);
		int len = g_rand_int_range(r, 0, 16);

		for (int j = 0; j < len; j++)
			g_string_append(in, bits[g_rand_int_range(r, 0,
			    G_N_ELEMENTS(bits))]);
		check_properties(in->str);
		g_string_free(in, TRUE);
	}
	g_rand_free(r);
	for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
		check_properties(table[i].subject);
}

int
main(int argc, char **argv)
{
	mld_init("unit-subject");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/subject/table", test_table);
	g_test_add_func("/subject/null", test_null);
	g_test_add_func("/subject/title-version", test_title_version);
	g_test_add_func("/subject/long", test_long);
	g_test_add_func("/subject/generated", test_generated);
	return g_test_run();
}
