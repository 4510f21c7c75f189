#!/bin/sh
# patchinfo remembers the patches and covers of the last 16,384 to 32,768
# postings it read (patch.h), so that its memory stays flat over a whole
# archive.  A patch answering a cover still remembered joins its series;
# one answering a cover from before that keys a posting of its own.
. "$(dirname "$0")/lib.sh"
plan 3

# msg ID SUBJECT [PARENT]
awk 'function msg(id, subject, parent) {
	printf "From x@example.org Mon Aug 18 10:00:00 2025\n"
	printf "From: Dev <dev@example.org>\nSubject: %s\n", subject
	printf "Date: Mon, 18 Aug 2025 10:00:00 +0000\n"
	printf "Message-ID: <%s@example.org>\n", id
	if (parent != "")
		printf "In-Reply-To: <%s@example.org>\n", parent
	printf "\nChange %s.\n\n---\n a | 1 +\n 1 file changed, 1 insertion(+)\n\n", id
	printf "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1,2 @@\n a\n+b\n\n"
}
function cover(id) {
	printf "From x@example.org Mon Aug 18 10:00:00 2025\n"
	printf "From: Dev <dev@example.org>\nSubject: [PATCH 0/2] %s\n", id
	printf "Date: Mon, 18 Aug 2025 10:00:00 +0000\n"
	printf "Message-ID: <%s@example.org>\n\nWhy.\n\n", id
}
BEGIN {
	cover("old")
	for (i = 1; i <= 33000; i++)
		msg("p" i, "[PATCH] unrelated " i)
	cover("recent")
	msg("late-old", "[PATCH 1/2] answers old", "old")
	msg("late-recent", "[PATCH 1/2] answers recent", "recent")
}' > "$T/window.mbox"

patchinfo "$T/window.mbox" > "$T/out"
is "$?" 0 "33,004 messages read"
series() { awk -F '\t' -v id="$1@example.org" '$3 == id { print $4 }' "$T/out"; }
is "$(series late-recent)" recent@example.org \
    "a patch answering a recent cover joins its series"
is "$(series late-old)" late-old@example.org \
    "a patch answering a cover 33,000 patches back keys its own posting"
finish
