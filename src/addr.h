/*
 * addr.h - the person a message comes from: the first mailbox of a raw
 * From field (or of an in-body "From:" line), written "Name <addr>" with
 * the quoting RFC 5322 needs, and relays undone.
 *
 * Addresses are always parsed from the raw, still encoded field: parsing
 * decoded text would turn an encoded display name holding "<x@y>" into a
 * second, forged address.  The plain forms ("Name <addr>", a bare addr)
 * are read without the parser, as mld_mailbox_plain says.
 * Relays: the kernel.org B4 relay sends as
 * "Name via B4 Relay <devnull+local.domain@kernel.org>" and mailing lists
 * that rewrite senders for DMARC send as "Name via List <list@host>";
 * both keep the author in X-Original-From or Reply-To, which is used.
 * When neither is there, only the " via ..." suffix of the name goes.
 */
#ifndef MLD_ADDR_H
#define MLD_ADDR_H

#include <stdbool.h>

struct mld_person {
	char *name;		/* decoded display name, "" when none */
	char *addr;		/* address, "" when it has none */
};

/* Reads the first mailbox of a raw address list; false when none. */
bool mld_person_parse(const char *raw, struct mld_person *p);
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
