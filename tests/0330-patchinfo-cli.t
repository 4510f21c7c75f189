#!/bin/sh
# patchinfo's command line: the header line, options, exit statuses,
# output errors, a closed pipe, warnings for bad mail, -l over files.
. "$(dirname "$0")/lib.sh"
d=$data/patchinfo
plan 17

patchinfo < /dev/null > "$T/out"
is "$?" 0 "empty input: status 0"
is "$(cat "$T/out")" "$(printf '#kind\tdate\tmsgid\tseries\tversion\tn\ttotal\tprefix\tauthor\tcontributor\tsubject\ttitle\tdiffstat\ttrailers\tbody\tparent\troot\tchangeid\tapplied')" \
    "empty input: only the header line, naming the 19 columns"

patchinfo -x < /dev/null > /dev/null 2> "$T/err"
is "$?" 2 "an unknown option is a usage error"
check "usage printed on a usage error" grep -q '^usage: patchinfo \[-alq\] \[--append\] \[--from commit\]' "$T/err"
patchinfo --help > "$T/help"
is "$?" 0 "--help: status 0"
is "$(help_synopsis patchinfo)" "$(man_synopsis patchinfo.1)" \
    "--help: the synopsis of patchinfo(1)"
is "$(help_options patchinfo)" "$(man_options patchinfo.1)" \
    "--help: the options of patchinfo(1), -a, -l and -q"

patchinfo "$d/series.mbox" > /dev/full 2> /dev/null
is "$?" 1 "a full disk is an error"

# A reader that goes away early ends us quietly, with status 0.  The
# output (some MB) is far more than a pipe holds.
i=0
while [ $i -lt 400 ]; do
	cat "$d/series.mbox"
	i=$((i + 1))
done > "$T/big.mbox"
rc=$( { patchinfo -a "$T/big.mbox" 2> "$T/pipe.err"; echo $? > "$T/rc"; } |
    head -n 1 > /dev/null; cat "$T/rc")
is "$rc" 0 "| head -n 1: status 0"
is "$(cat "$T/pipe.err")" "" "| head -n 1: nothing on stderr"

patchinfo -a "$d/missing.mbox" > /dev/null 2> "$T/err"
is "$?" 1 "mail with missing fields: status 1"
is "$(tail -n 1 "$T/err")" "patchinfo: 6 warnings" "the warnings are counted at the end"

patchinfo "$T/no-such.mbox" > /dev/null 2> "$T/err"
is "$?:$(cat "$T/err")" "1:patchinfo: $T/no-such.mbox: No such file or directory" \
    "a missing input: status 1, and why"
echo "$T/no-such.eml" | patchinfo -l > /dev/null 2> "$T/err"
is "$?:$(cat "$T/err")" "1:patchinfo: $T/no-such.eml: No such file or directory" \
    "-l, a missing message file: status 1, and why"
patchinfo -l "$T" > /dev/null 2> "$T/err"
is "$?:$(cat "$T/err")" "1:patchinfo: $T: Is a directory" \
    "-l, a folder as the list: status 1, and why"

# -l: a list of message files; a body line starting "From " stays put.
mkdir "$T/msgs"
mbsplit -d "$T/msgs" "$d/series.mbox" > "$T/list"
patchinfo -a -l "$T/list" > "$T/l.out"
cmp_files "$T/l.out" "$d/series.expect" "-l over mbsplit -d files"
cat > "$T/0001-format-patch.patch" <<'PATCH'
From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
From: Fp Author <fp@example.org>
Date: Mon, 25 Aug 2025 12:00:00 +0000
Subject: [PATCH] git: a format-patch file
Message-ID: <fp-1@example.org>

From the top of the body: a line that an mbox reader would split at.

From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
---
 g.c | 1 +
 1 file changed, 1 insertion(+)

diff --git a/g.c b/g.c
--- a/g.c
+++ b/g.c
@@ -1 +1,2 @@
 a
+b
PATCH
echo "$T/0001-format-patch.patch" | patchinfo -l > "$T/fp.out"
is "$(cut -f 3,13 "$T/fp.out" | tail -n 1)" \
    "$(printf 'fp-1@example.org\t1 file changed, 1 insertion(+)')" \
    "-l: a git format-patch file, From_ line and a body line \"From \""
finish
