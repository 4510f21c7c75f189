#!/bin/sh
# digestfmt over hand-written records: the sections against golden files,
# the seen-state file across runs, and that no failure, even a writer
# killed in the middle of the update, corrupts that file.
. "$(dirname "$0")/lib.sh"
plan 26

recs=$data/digest-basic.tsv

{
	digestfmt header --list KVM "$recs"
	digestfmt tally -d -n 2 "$data/tally-domains.txt"
	digestfmt tally -T 'People who wrote' < "$data/tally-domains.txt"
} > "$T/parts"
cmp_files "$T/parts" "$data/digest-parts.expect" "header and tallies"

digestfmt patches "$recs" > "$T/patches"
cmp_files "$T/patches" "$data/digest-basic.expect" "patch list and messages"
# The fixture has 4 postings: 2 with covers, 1 reply that is left out.
is "$(awk '/^===== Patch list/ { f = 1; next } /^=====/ { f = 0 }
	f && NF' "$T/patches" | wc -l)" 4 "one list line per posting"
is "$(grep -c '^New: \|^Exist: \|^Skip: ' "$T/patches")" 6 \
    "first patch and cover of each posting"

# First run: all new, and the state file records it.
seen=$T/state/seen
mkdir "$T/state"
digestfmt patches --seen "$seen" "$recs" > "$T/run1"
cmp_files "$T/run1" "$data/digest-basic.expect" \
    "with an empty state, the same digest"
digestfmt patches --seen "$seen" "$recs" > "$T/run2"
is "$(grep -c '^New: \|^Skip: ' "$T/run2")" 0 "second run: nothing new"
is "$(grep -c '^Exist: ' "$T/run2")" 6 "second run: every entry Exist"
is "$(ls "$T/state")" seen "no temporary file left"

# Grow the state so that its rewrite is larger than the file size limit.
awk 'BEGIN { print "#key"; for (i = 0; i < 400; i++)
	printf "msgid filler.%d@example.org\n", i }' > "$seen"
cp "$seen" "$T/seen.before"

# A writer killed by SIGXFSZ in the middle of the rewrite.
# (The braces keep the shell's report of the signal quiet.)
{
	(ulimit -f 2; exec digestfmt patches --seen "$seen" "$recs") \
	    > /dev/null
	st=$?
} 2> /dev/null
check "killed writer: it did die" test "$st" -gt 128
cmp_files "$seen" "$T/seen.before" "killed writer: state unchanged"

# The same limit, the signal ignored: a write error, reported.
rm -f "$T"/state/seen.*
(trap '' XFSZ; ulimit -f 2; exec digestfmt patches --seen "$seen" "$recs") \
    > /dev/null 2> "$T/err"
is "$?" 1 "failed write: exit 1"
cmp_files "$seen" "$T/seen.before" "failed write: state unchanged"
is "$(ls "$T/state")" seen "failed write: temporary file removed"

# A digest that could not be written does not count as sent.
digestfmt patches --seen "$seen" "$recs" > /dev/full 2> "$T/err"
is "$?" 1 "output error: exit 1"
cmp_files "$seen" "$T/seen.before" "output error: state unchanged"

# A state that cannot be read stops the digest before it starts.
digestfmt patches --seen "$T/state" "$recs" > "$T/out" 2> "$T/err"
is "$?.$(wc -c < "$T/out")" "1.0" "unreadable state: exit 1, no digest"
digestfmt patches --seen "$T/none/seen" "$recs" > /dev/null 2> "$T/err"
is "$?" 1 "state in a missing folder: exit 1"

# A bad record is reported with its line and skipped; the rest is printed.
{ cat "$recs"; printf 'patch\t2026-09-01T00:00:00Z\tbad\\q\n'; } |
    digestfmt patches > "$T/out" 2> "$T/err"
is "$?" 1 "bad record: exit 1"
cmp_files "$T/out" "$data/digest-basic.expect" "bad record: the rest printed"
is "$(head -n 1 "$T/err")" \
    "digestfmt: stdin: line 11: field 3: bad backslash escape, skipped" \
    "bad record: where and what"

# The records wait in a temporary file; without one there is no digest.
# (valgrind itself cannot start without its TMPDIR.)
if [ -n "${MLD_VALGRIND:-}" ]; then
	skip "valgrind needs TMPDIR" 2
else
	TMPDIR=$T/none digestfmt patches "$recs" > "$T/out" 2> "$T/err"
	is "$?.$(wc -c < "$T/out")" "1.0" "no temporary folder: exit 1, no digest"
	check "no temporary folder: what and where" grep -Eqx \
	    "digestfmt: $T/none/digestfmt-[A-Za-z0-9]{6}: No such file or directory" "$T/err"
fi

# A full disk under the temporary file: nothing printed, and said so.
# It takes a tmpfs of 64 KiB, mounted in a mount namespace of our own.
awk 'BEGIN { printf "patch\t2026-09-01T00:00:00Z\tbig@x\t\t1\t1\t1\tPATCH\t"
	printf "A <a@example.org>\ta@example.org\t[PATCH] big\tbig\t\t\t"
	for (i = 0; i < 20000; i++) printf "0123456789"; printf "\n" }' > "$T/big.tsv"
mkdir "$T/small"
if unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$T/small' &&
    TMPDIR='$T/small' digestfmt patches '$T/big.tsv' > '$T/out' 2> '$T/err';
    echo \$? > '$T/rc'" 2> /dev/null && [ -s "$T/rc" ]; then
	is "$(cat "$T/rc").$(wc -c < "$T/out")" "1.0" "full temporary disk: exit 1, no digest"
	is "$(cat "$T/err")" "digestfmt: temporary file: No space left on device" \
	    "full temporary disk: what"
else
	skip "full temporary disk: no mount namespace here (unshare -m)" 2
fi

digestfmt > /dev/null 2>&1
is "$?" 2 "no command: exit 2"
digestfmt tally -n 0 < /dev/null > /dev/null 2>&1
is "$?" 2 "bad -n: exit 2"
finish
