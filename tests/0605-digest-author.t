#!/bin/sh
# The Author line of a digest entry names the contributor (the in-body
# From, whom the tallies count), and the sender after it only when the
# sender's address is another one; records without a contributor column
# credit the sender.  Mail written for the test, read by patchinfo.
. "$(dirname "$0")/lib.sh"
plan 4

cat > "$T/m.mbox" <<'MAIL'
From mboxrd@z Thu Jan  1 00:00:00 1970
From: Sam Sender <sam@example.org>
Subject: [PATCH] net: Sent for its author
Date: Mon, 02 Sep 2024 10:00:00 +0000
Message-ID: <au-1@example.org>

From: "Ann Q. Author" <ann@example.org>

Written by Ann, sent by Sam.

Signed-off-by: Ann Q. Author <ann@example.org>
---
 a.c | 1 +
 1 file changed, 1 insertion(+)

diff --git a/a.c b/a.c
--- a/a.c
+++ b/a.c
@@ -1 +1,2 @@
 int a;
+int b;

From mboxrd@z Thu Jan  1 00:00:00 1970
From: Ann Author <ANN@example.org>
Subject: [PATCH] net: Sent by its author under another name
Date: Mon, 02 Sep 2024 11:00:00 +0000
Message-ID: <au-2@example.org>

From: "Ann Q. Author" <ann@example.org>

The same address: no "sent by".

---
 a.c | 1 +
 1 file changed, 1 insertion(+)

diff --git a/a.c b/a.c
--- a/a.c
+++ b/a.c
@@ -1 +1,2 @@
 int a;
+int b;

MAIL
patchinfo "$T/m.mbox" > "$T/r.tsv"
digestfmt patches "$T/r.tsv" > "$T/d"
is "$(grep -A 2 '^New: net: Sent for its author$' "$T/d" | tail -n 1)" \
    "Author: Ann Q. Author <ann@example.org> (sent by Sam Sender <sam@example.org>)" \
    "contributor, then the sender"
is "$(grep -A 2 '^New: net: Sent by its author under' "$T/d" | tail -n 1)" \
    "Author: Ann Q. Author <ann@example.org>" \
    "the same address, in another case and name: the contributor alone"

# Without the contributor column (an older record set), the sender.
cut -f 1-9,11- "$T/r.tsv" > "$T/old.tsv"
digestfmt patches "$T/old.tsv" > "$T/d.old"
is "$(grep -c '^Author: Sam Sender <sam@example.org>$' "$T/d.old")" 1 \
    "no contributor column: the sender"
is "$(grep -c '^Author: .*(sent by' "$T/d.old")" 0 "no contributor column: no sent by"
finish
