#!/bin/sh
# public-inbox v2 inboxes as inputs of mbsplit and patchinfo: two epochs
# built here with git, a deleted message, a message committed twice,
# commit ranges with abbreviated ids across epochs, and every error.
. "$(dirname "$0")/lib.sh"
. "$top/tests/inbox.sh"
command -v git > /dev/null || skip_all "git is not installed"
plan 26

m=$data/inbox
pi=$T/kvm
pi_inbox "$pi"
c1=$(pi_add "$pi/git/0.git" "$m/1.eml")
c2=$(pi_add "$pi/git/0.git" "$m/2.eml")
c3=$(pi_add "$pi/git/0.git" "$m/3.eml")
c4=$(pi_add "$pi/git/1.git" "$m/4.eml")
c5=$(pi_delete "$pi/git/1.git" "$m/2.eml")
c6=$(pi_add "$pi/git/1.git" "$m/5.eml")
c7=$(pi_add "$pi/git/1.git" "$m/1.eml")
short() { printf '%.7s' "$1"; }

mbsplit -m "$pi" > "$T/all" 2> "$T/err"
is "$?" 0 "whole inbox: exit 0"
pi_mboxrd "$m/1.eml" "$m/3.eml" "$m/4.eml" "$m/5.eml" "$m/1.eml" \
    > "$T/all.want"
cmp_files "$T/all" "$T/all.want" \
    "whole inbox: every message in commit order, the deleted one left out, From lines quoted"
is "$(cat "$T/err")" "" "nothing on stderr"
is "$(mbsplit -m -u "$pi" 2>&1 | grep -c '^From mboxrd')" 4 \
    "the message committed twice is a duplicate for --dedupe"

mbsplit -m "$pi/git/1.git" > "$T/e1"
pi_mboxrd "$m/4.eml" "$m/5.eml" "$m/1.eml" > "$T/e1.want"
cmp_files "$T/e1" "$T/e1.want" "one epoch repository as the operand"

mbsplit -m --from "$(short "$c2")" --to "$(short "$c6")" "$pi" > "$T/r1"
pi_mboxrd "$m/3.eml" "$m/4.eml" "$m/5.eml" > "$T/r1.want"
cmp_files "$T/r1" "$T/r1.want" \
    "a range across epochs, abbreviated ids: after A, up to and with B"
mbsplit -m --to "$c4" "$pi" > "$T/r2"
pi_mboxrd "$m/1.eml" "$m/2.eml" "$m/3.eml" "$m/4.eml" > "$T/r2.want"
cmp_files "$T/r2" "$T/r2.want" \
    "a range ending before the deletion still has the message"
mbsplit -m --from "$c1" --to "$c3" "$pi" > "$T/r3"
pi_mboxrd "$m/2.eml" "$m/3.eml" > "$T/r3.want"
cmp_files "$T/r3" "$T/r3.want" "a range within one epoch"
mbsplit -m --from "$c6" "$pi" > "$T/r4"
pi_mboxrd "$m/1.eml" > "$T/r4.want"
cmp_files "$T/r4" "$T/r4.want" "--from alone: up to the newest commit"
is "$(mbsplit -m --from "$c3" --to "$c3" "$pi" | wc -c)" 0 \
    "an empty range: no message"

is "$(mbsplit --print-range --from "$(short "$c2")" "$pi")" "$c2 $c7" \
    "--print-range: the full ids of the range"
is "$(mbsplit --print-range "$pi")" "- $c7" \
    "--print-range: '-' for a range from the first commit"
is "$(mbsplit "$pi" | awk -F '\t' 'NR == 2 { print $2, $8 }')" \
    "0 $pi/git/0.git@$c1" "index: offset 0, input names epoch and commit"

# patchinfo reads the same messages as from the mbox of them.
patchinfo "$pi" > "$T/pi.tsv"
patchinfo "$T/all.want" > "$T/mbox.tsv"
cmp_files "$T/pi.tsv" "$T/mbox.tsv" "patchinfo: the same records as from an mbox"
patchinfo --from "$c2" --to "$c6" "$pi" | grep -v '^#' | cut -f 3 \
    > "$T/pi-range"
printf 'msg3@example.org\nmsg4@example.org\nmsg5@example.org\n' \
    > "$T/pi-range.want"
cmp_files "$T/pi-range" "$T/pi-range.want" "patchinfo --from --to"

# Errors: each named, status 2, nothing on stdout.
refused "mbsplit: $pi: no commit 0123abc in the inbox" \
    mbsplit --from 0123abc "$pi"
refused "mbsplit: $pi: commit $(short "$c4") does not come before $(short "$c2")" \
    mbsplit --from "$(short "$c4")" --to "$(short "$c2")" "$pi"
refused "patchinfo: $pi: commit $c3 does not come before $c1" \
    patchinfo --from "$c3" --to "$c1" "$pi"
mkdir "$T/plain"
refused "mbsplit: $T/plain: not a mailbox: no cur/ or new/ (maildir), no numbered file (MH), no git/ (public-inbox)" \
    mbsplit "$T/plain"
mkdir -p "$T/nogit/git"
refused "mbsplit: $T/nogit: not a public-inbox: no epoch repository in $T/nogit/git" \
    mbsplit "$T/nogit"
refused "mbsplit: --from and --to name commits: give a public-inbox" \
    mbsplit --from "$c1" "$m/1.eml"
refused "patchinfo: --from and --to name commits of one public-inbox: give one" \
    patchinfo --to "$c1" "$pi" "$pi/git/1.git"
refused "mbsplit: git: not found: reading a public-inbox needs git" \
    env PATH=/nonexistent "$top/mbsplit" "$pi"
refused "mbsplit: $pi: not a commit: '-x'" mbsplit --from=-x "$pi"

# A blob the repository lacks: reported with its commit, then skipped.
e=$T/broken.git
pi_epoch "$e"
cb=$(pi_add "$e" "$m/4.eml")
rm -f "$e"/objects/$(git --git-dir="$e" rev-parse "$cb:m" | cut -c1-2)/*
mbsplit "$e" > /dev/null 2> "$T/err"
is "$?" 1 "a missing blob: exit 1"
grep -q "^mbsplit: $e@$cb: message 1, byte 0: no blob" "$T/err"
check "a missing blob: the commit named" test $? -eq 0
finish
