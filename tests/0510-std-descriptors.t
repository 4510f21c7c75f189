#!/bin/sh
# Every program started with stdin, stdout or stderr closed: no file it
# opens takes the closed descriptor's place, so the files it writes hold
# only what they should, output to a closed stdout is an error (status
# 1), and a closed stderr changes nothing but the diagnostics.
. "$(dirname "$0")/lib.sh"
# valgrind's own log and pipes would take the closed descriptors.
[ -z "${MLD_VALGRIND:-}" ] || skip_all "not under valgrind"
plan 14

week=$samples/kvm-week.mbox
patchinfo "$week" > "$T/recs"
# A bad record line: digestfmt warns while its spool is open.  Inputs
# come from stdin, so that the first file a program opens is one it
# writes.
{ cat "$T/recs"; printf 'patch\ttoo\tfew\n'; } > "$T/bad"

mbsplit -d "$T/open" "$week" > /dev/null
mbsplit -d "$T/closed" < "$week" >&- 2> "$T/err"
is "$?:$(cat "$T/err")" "1:mbsplit: write error on stdout: Bad file descriptor" \
    "mbsplit -d, stdout closed: status 1, and why"
check "mbsplit -d, stdout closed: the files hold only their messages" \
    diff -r "$T/open" "$T/closed"

digestfmt patches -s "$T/seen" < "$T/recs" >&- 2> /dev/null
is "$?" 1 "digestfmt, stdout closed: status 1"
check "digestfmt, stdout closed: the seen state is not saved" \
    test ! -e "$T/seen"
digestfmt patches < "$T/bad" > "$T/want" 2> /dev/null
digestfmt patches < "$T/bad" > "$T/got" 2>&-
is "$?" 1 "digestfmt, stderr closed, a bad record: status 1"
cmp_files "$T/got" "$T/want" \
    "digestfmt, stderr closed: the warning does not reach the digest"

for p in mbsplit patchinfo; do
	$p "$week" > "$T/want" 2> /dev/null
	$p "$week" > "$T/got" 2>&-
	is "$?" 0 "$p, stderr closed: status 0"
	cmp_files "$T/got" "$T/want" "$p, stderr closed: the same output"
done
domtally "$T/recs" > "$T/want"
domtally "$T/recs" > "$T/got" 2>&-
cmp_files "$T/got" "$T/want" "domtally, stderr closed: the same output"
domtally "$T/recs" >&- 2> "$T/err"
is "$?:$(cat "$T/err")" "1:domtally: write error on stdout: Bad file descriptor" \
    "domtally, stdout closed: status 1, and why"

for p in patchinfo domtally; do
	$p <&- > /dev/null 2> "$T/err"
	is "$?:$(cat "$T/err")" "1:$p: stdin: read error: Bad file descriptor" \
	    "$p, stdin closed: a read error, not an empty input"
done
finish
