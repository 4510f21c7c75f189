/*
 * addr.h - addresses, in one place for every program: a raw header value
 * read into its mailboxes and groups, a mailbox or a list written back
 * with the quoting RFC 5322 needs, the form a reader wants, and the
 * person a message comes from.
 *
 * Addresses are always parsed from the raw, still encoded value: parsing
 * decoded text would turn an encoded display name holding "<x@y>" into a
 * second, forged address.  GMime's parser does the work, with these
 * recoveries, the same for mbsplit's index, patchinfo and domtally:
 * - the value is first cleaned as text.h says (undeclared 8-bit bytes
 *   read as windows-1252, control characters blanked): GMime reads no
 *   address from "Eve ESC]0;x BEL <eve@example.org>";
 * - a value in which GMime finds no mailbox but which ends in "<...>"
 *   is read again with the text before its last '<' quoted as the name:
 *   "John [ACME] <john@acme.example>", specials left unquoted;
 * - group nesting ("a:b:c:x@y;;;"), which makes GMime's parser recurse
 *   until the stack runs out, is bounded before GMime sees the value: a
 *   value with more than MLD_ADDR_MAX_DEPTH colons, each of which may
 *   open a group, has no address (MLD_ADDR_DEEP).  No real address list
 *   comes near: RFC 5322 does not nest groups at all.
 * The common plain forms ("Name Surname <addr>" with an ASCII phrase, a
 * bare addr) are read without the parser, as mld_addr_plain says, when
 * fast paths are on (fastpath.h); tests/unit-addr.c proves both agree.
 *
 * Relays: the kernel.org B4 relay sends as
 * "Name via B4 Relay <devnull+local.domain@kernel.org>" and mailing lists
 * that rewrite senders for DMARC send as "Name via List <list@host>";
 * both keep the author in X-Original-From or Reply-To, which is used.
 * When neither is there, only the " via ..." suffix of the name goes.
 *
 * Limits: a domain is kept as written, but for an IDNA one ("xn--"),
 * which GMime decodes to Unicode where it can, in every program alike;
 * a name is decoded by GMime, whose RFC 2047 reading inside names is
 * its own.
 */
#ifndef MLD_ADDR_H
#define MLD_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#include "text.h"
#include "tool.h"

/* Real mail never nests groups (RFC 5322 forbids it); this is room. */
#define MLD_ADDR_MAX_DEPTH 16

enum mld_addr_status {
	MLD_ADDR_OK,		/* at least one mailbox or group */
	MLD_ADDR_NONE,		/* nothing GMime reads as an address */
	MLD_ADDR_DEEP,		/* groups nested deeper than the bound */
};

enum mld_addr_kind {
	MLD_ADDR_MAILBOX,
	MLD_ADDR_GROUP,		/* its members follow, up to its END */
	MLD_ADDR_END,		/* closes the innermost open group */
};

struct mld_addr {
	enum mld_addr_kind kind;
	char *name;		/* display or group name, cleaned, "" if none */
	char *addr;		/* a mailbox's address, cleaned; else NULL */
};

/* A list in reading order, groups flattened: a GArray of mld_addr. */
struct mld_addr_list {
	GArray *items;
};

void mld_addr_list_init(struct mld_addr_list *l);
void mld_addr_list_clear(struct mld_addr_list *l);

/*
 * Reads the raw value into l (emptied first), with the recoveries above.
 * l is left empty unless the result is MLD_ADDR_OK.
 */
enum mld_addr_status mld_addr_parse(const char *raw, struct mld_addr_list *l);

/*
 * An upper bound of the group nesting GMime's parser would reach on
 * s[0..len), found without recursion: the number of ':' in it, each of
 * which may open a group (see addr.c for why none is set apart).
 */
size_t mld_addr_depth(const char *s, size_t len);

/*
 * Reads the common plain forms of one mailbox, "Name Surname <addr>" (an
 * ASCII phrase of atext words) and a bare addr, as the parser would, but
 * without it: the name is raw[0..*name_len) (empty for a bare addr), the
 * address *addr[0..*addr_len).  False for any other form.
 */
bool mld_addr_plain(const char *raw, size_t *name_len, const char **addr,
    size_t *addr_len);

/*
 * Appends a display name, as a quoted string (with \ before " and \)
 * unless it is a plain phrase of atext words; an empty name is "".
 */
void mld_addr_name_append(GString *out, const char *name);
/* Appends "name <addr>", or addr alone when name is NULL or empty. */
void mld_addr_mailbox_append(GString *out, const char *name,
    const char *addr);
/*
 * "name <addr>" as mld_addr_mailbox_append writes it, in a new string:
 * a tally's label maker (tally.h) for people, hence the order.
 */
char *mld_addr_label(const char *addr, const char *name);
/* Appends the list as "Name <addr>, ...", groups as "name: members;". */
void mld_addr_list_append(GString *out, const struct mld_addr_list *l);

/*
 * The raw value as a list written back (mbsplit's From column), cleaned
 * by rule (text.h): when it holds no address, the value itself; when it
 * nests too deeply, NULL, with a warning at w (if not NULL).
 */
char *mld_addr_list_text(const char *raw, enum mld_text_rule rule,
    const struct mld_where *w);

/*
 * What a reader wants to see for a single-mailbox field (the digest's
 * Author lines): "Name <addr>" with the name unquoted, the local part
 * standing for a missing name; anything else, and a field holding control
 * characters (shown to the reader as they are), is returned as it is.
 */
char *mld_addr_display(const char *field);

/*
 * GMime parses every address field of a message (and of the messages it
 * carries) while it builds it, and recurses on nested groups as its
 * address parser does.  Returns NULL when no field of text[0..len) nests
 * too deeply (the usual case, found without a copy), else a copy of
 * text, the same length, with the value of each such field blanked and
 * a warning at w for each.  The fields looked at are those of the
 * header block and, when the text may enclose a message (it names a
 * "message/" type), any line that looks like an address field: which
 * lines GMime takes for the headers of an enclosed message is only
 * known once it has parsed them.
 */
char *mld_addr_defuse(const char *text, size_t len,
    const struct mld_where *w);

/*
 * The address of "Name <addr>", or the whole text when it has no angle
 * brackets, lower-cased: what tells two people of a record apart.
 */
char *mld_addr_lower(const char *person);

/* The person a message comes from: its first mailbox. */
struct mld_person {
	char *name;		/* decoded display name, "" when none */
	char *addr;		/* address, "" when it has none */
};

/*
 * Reads the first mailbox of a raw address list; false when none, with a
 * warning at w (unless NULL) when it nests too deeply.
 */
bool mld_person_parse(const char *raw, const struct mld_where *w,
    struct mld_person *p);
void mld_person_clear(struct mld_person *p);

/* "Name <addr>", quoted as RFC 5322 needs; the address alone if no name. */
char *mld_person_format(const struct mld_person *p);

/*
 * Undoes a B4 relay or DMARC rewrite of p (read from From), given the raw
 * X-Original-From and Reply-To fields (NULL when absent).  Returns true
 * when p was a relay.
 */
bool mld_person_unrelay(struct mld_person *p, const char *x_original_from,
    const char *reply_to);

#endif
