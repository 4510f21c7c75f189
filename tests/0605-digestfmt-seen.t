#!/bin/sh
# The seen-state file is only ever a seen file: a mailbox or any other
# file named by mistake is refused and left as it was, a FIFO is not
# waited on, a symbolic link leads to the file replaced, and runs that
# share one state at the same time lose none of each other's keys.
. "$(dirname "$0")/lib.sh"
plan 21

recs=$data/digest-basic.tsv
mail=$samples/kvm-week.mbox
mkdir "$T/s"

# A mailbox given as the state: refused before a line of the digest.
cp "$mail" "$T/s/kvm.mbox"
digestfmt patches -s "$T/s/kvm.mbox" "$recs" > "$T/out" 2> "$T/err"
is "$?.$(wc -c < "$T/out")" "1.0" "a mailbox as the state: exit 1, no digest"
cmp_files "$T/s/kvm.mbox" "$mail" "a mailbox as the state: left untouched"
is "$(cat "$T/err")" "digestfmt: $T/s/kvm.mbox: not a seen file (it does not begin with a \"#key\" line), left untouched" \
    "a mailbox as the state: what and where"

# The slip through the whole pipeline, reading no mail.
(cd "$T/s" && mldigest --list KVM --seen kvm.mbox < /dev/null > "$T/out" 2> "$T/err")
is "$?.$(wc -c < "$T/out")" "1.0" "mldigest --seen kvm.mbox: exit 1, no digest"
cmp_files "$T/s/kvm.mbox" "$mail" "mldigest --seen kvm.mbox: left untouched"
check "mldigest --seen kvm.mbox: says why" grep -q \
    '^digestfmt: kvm.mbox: not a seen file' "$T/err"
is "$(ls "$T/s")" kvm.mbox "no other file made"

# Any other text is refused too; an empty file is an empty state.
printf 'msgid a@example.org\n' > "$T/s/keys"
digestfmt patches -s "$T/s/keys" "$recs" > /dev/null 2>&1
is "$?.$(cat "$T/s/keys")" "1.msgid a@example.org" "keys without the header line: refused"
: > "$T/s/empty"
digestfmt patches -s "$T/s/empty" "$recs" > "$T/out"
is "$?.$(head -n 1 "$T/s/empty")" "0.$(printf "#key\tvalue")" "an empty file: an empty state, saved (lineages with their value)"

# A FIFO: refused at once, still a FIFO.
mkfifo "$T/s/fifo"
timeout 10 digestfmt patches -s "$T/s/fifo" "$recs" > "$T/out" 2> "$T/err"
is "$?.$(wc -c < "$T/out")" "1.0" "a FIFO as the state: exit 1 at once, no digest"
check "a FIFO as the state: still a FIFO" test -p "$T/s/fifo"
is "$(cat "$T/err")" "digestfmt: $T/s/fifo: not a regular file, left untouched" \
    "a FIFO as the state: what"

# A symbolic link is followed, and the file it leads to replaced.
mkdir "$T/l" "$T/l/state"
ln -s state/kvm.seen "$T/l/link"
digestfmt patches -s "$T/l/link" "$recs" > /dev/null
digestfmt patches -s "$T/l/link" "$recs" > "$T/run2"
check "through a link: still a link" test -L "$T/l/link"
is "$(readlink "$T/l/link")" state/kvm.seen "through a link: leading where it led"
is "$(grep -c '^msgid ' "$T/l/state/kvm.seen")" 6 \
    "through a link: the file it leads to holds the keys"
is "$(grep -c '^Exist: ' "$T/run2")" 6 "through a link: the second run reads them"

# A state made for a run whose digest was lost is not left behind.
digestfmt patches -s "$T/s/new" "$recs" > /dev/full 2> /dev/null
is "$?" 1 "output error: exit 1"
check "output error: no state made" test ! -e "$T/s/new"

# Runs at the same time on one state: each waits for the one before, so
# every run's keys are in the file after.
n=12
i=0
while [ "$i" -lt "$n" ]; do
	printf 'patch\t2026-08-17T08:00:00Z\tc%d@example.org\t\t1\t1\t1\tPATCH\tA <a@example.org>\tA <a@example.org>\t[PATCH] Change %d\tChange %d\t\t\tb\n' \
	    "$i" "$i" "$i" > "$T/c$i.tsv"
	i=$((i + 1))
done
i=0
while [ "$i" -lt "$n" ]; do
	digestfmt patches -s "$T/s/shared" "$T/c$i.tsv" > /dev/null 2>> "$T/cerr" &
	i=$((i + 1))
done
wait
is "$(grep -c '^msgid c[0-9]*@example.org$' "$T/s/shared")" "$n" \
    "concurrent runs: every run's Message-ID key is kept"
is "$(grep -c '^title v1 change [0-9]*$' "$T/s/shared")" "$n" \
    "concurrent runs: every run's title key is kept"
is "$(cat "$T/cerr")" "" "concurrent runs: no word on stderr"
finish
