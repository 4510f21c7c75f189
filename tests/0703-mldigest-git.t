#!/bin/sh
# mldigest over a public-inbox: commits label the digest, a state file
# carries the place from run to run, and errors print no digest.
. "$(dirname "$0")/lib.sh"
. "$top/tests/inbox.sh"
command -v git > /dev/null || skip_all "git is not installed"
plan 16

m=$data/inbox
pi=$T/kvm
pi_inbox "$pi"
c1=$(pi_add "$pi/git/0.git" "$m/1.eml")
c2=$(pi_add "$pi/git/0.git" "$m/3.eml")
c3=$(pi_add "$pi/git/1.git" "$m/4.eml")
nine() { printf '%.9s' "$1"; }

mldigest --git "$pi" --from "$(printf '%.7s' "$c1")" --to "$c3" > "$T/d1"
is "$?" 0 "a range: exit 0"
is "$(sed -n 1,2p "$T/d1")" "From $(nine "$c1") to $(nine "$c3")
Mailing list update from $(nine "$c1") to $(nine "$c3")" \
    "the header names the commits as the reference does, 9 digits"
pi_mboxrd "$m/3.eml" "$m/4.eml" > "$T/r.mbox"
mldigest --from "$(nine "$c1")" --to "$(nine "$c3")" "$T/r.mbox" > "$T/d1.want"
cmp_files "$T/d1" "$T/d1.want" "the digest of the range is the digest of its messages"

# A weekly job: each run digests what came since the last one.
mldigest --git "$pi" --state "$T/state" > "$T/s1"
is "$(cat "$T/state")" "$c3" "first run: the state holds the last commit"
is "$(grep -c '^New: ' "$T/s1")" 3 "first run: every message"
mldigest --git "$pi" --state "$T/state" > "$T/s2"
is "$(grep -c '^New: ' "$T/s2")" 0 "second run, no new mail: nothing"
is "$(sed -n 1p "$T/s2")" "From $(nine "$c3") to $(nine "$c3")" \
    "second run: an empty range"
# Mail dated before the last run but committed after it still comes:
# commits are the order of import, not of the Date header.
c4=$(pi_add "$pi/git/1.git" "$m/5.eml")
mldigest --git "$pi" --state "$T/state" > /dev/full 2> /dev/null
is "$(cat "$T/state")" "$c3" "a digest that could not be written leaves the state"
mldigest --git "$pi" --state "$T/state" > "$T/s3"
is "$(grep '^New: ' "$T/s3")" "New: KVM: x86: committed days after its date" \
    "third run: the late message, and it alone"
is "$(cat "$T/state")" "$c4" "third run: the state moves on"
is "$(ls "$T")" "$(ls "$T" | grep -v 'state.tmp')" "no temporary state left"

# Errors: named, status 2, no digest.
refused "mbsplit: $pi: no commit 0123abc in the inbox" \
    mldigest --git "$pi" --from 0123abc
refused "mbsplit: $pi: commit $c3 does not come before $c1" \
    mldigest --git "$pi" --from "$c3" --to "$c1"
refused "mbsplit: $T/state: not a public-inbox: no git/0.git, and not a git repository" \
    mldigest --git "$T/state"
echo 'not a commit' > "$T/bad"
refused "mldigest: $T/bad: not a commit id" mldigest --git "$pi" --state "$T/bad"
refused "mldigest: --state keeps the place in a public-inbox: give --git" \
    mldigest --state "$T/state" "$T/r.mbox"
finish
