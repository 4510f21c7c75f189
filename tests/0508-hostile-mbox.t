#!/bin/sh
# The mbox reader under attack, through mbsplit and patchinfo: messages
# without a body, Content-Length that borrows or hides, a file cut short
# while it is read, endless and line-free pipes, old Mac line ends.  Every
# input is generated here; each case gives the documented messages and
# diagnostics, in bounded time and memory.
. "$(dirname "$0")/lib.sh"
plan 18

F='From mboxrd@z Thu Jan  1 00:00:00 1970'
count() { grep -vc '^#' "$@"; }

# A message without a body ends at the next From_ line: it does not take
# the next message's Content-Length and swallow it.
{ printf '%s\nSubject: one\n' "$F"
  printf '%s\nSubject: two\nContent-Length: 5\n\nbody\n\n' "$F"
  printf '%s\nSubject: three\n\nz\n' "$F"; } > "$T/f"
mbsplit "$T/f" > "$T/out" 2> "$T/err"
is "$?:$(cut -f 7 "$T/out" | tr '\n' ' ')" "0:subject one two three " \
    "a message without a body keeps the next one apart"
patchinfo -a "$T/f" > "$T/out" 2> /dev/null
is "$(count "$T/out")" 3 "patchinfo reads the three of them"

# The header scan ends with the message: 40,000 messages without a body
# (once quadratic) are 40,000 messages, and an endless stream of them
# gives its first messages at once, whatever comes after.
awk -v f="$F" 'BEGIN { for (i = 0; i < 40000; i++)
	printf "%s\nSubject: m%d\nMessage-ID: <%d@x>\n", f, i, i }' > "$T/f"
is "$(mbsplit "$T/f" | count)" 40000 "40,000 messages without a body"
is "$(patchinfo -a "$T/f" 2> /dev/null | count)" 40000 "and as many records"
is "$(yes "$F" | timeout 20 mbsplit | sed -n '4{p;q;}' | cut -f 1-3)" \
    "$(printf '3\t78\t39')" "an endless stream of empty messages: each comes out at once"
is "$(yes "$F" | timeout 20 patchinfo -a 2> /dev/null | sed -n '4{p;q;}' | cut -f 1)" \
    other "and patchinfo reads one at a time"

# A trusted Content-Length that keeps From_ lines in its message says so.
body=$(printf '%s\nhidden one\n\n%s\nhidden two\n' "$F" "$F")
n=$(printf '%s\n' "$body" | wc -c)
{ printf '%s\nSubject: cl\nContent-Length: %d\n\n%s\n\n' "$F" "$n" "$body"
  printf '%s\nSubject: after\n\nz\n' "$F"; } > "$T/f"
mbsplit "$T/f" > "$T/out" 2> "$T/err"
is "$?:$(count "$T/out")" "1:2" "a Content-Length over two From_ lines: one message, status 1"
is "$(cat "$T/err")" "mbsplit: $T/f: message 1, byte 0: Content-Length spans 2 From_ lines, read as one message
mbsplit: 1 warning" "and a warning names it"
patchinfo -a "$T/f" > "$T/out" 2> "$T/err"
is "$?:$(count "$T/out"):$(head -n 1 "$T/err")" \
    "1:2:patchinfo: $T/f: message 1, byte 0: Content-Length spans 2 From_ lines, read as one message" \
    "patchinfo too"

# A file cut short while it is read (a mail client expunging it): the
# reader has read the first megabytes (20 MB in all) when the program
# blocks on its output (a line for each of the 4,000 messages of the
# first 4 MB is more than a pipe holds), and the reader of the output
# truncates the file before taking more than a line.
big() {
	awk -v f="$F" 'BEGIN { for (i = 0; i < 1000; i++) line = line "x"
		for (i = 0; i < 20000; i++)
			printf "%s\nSubject: m%d\n\n%s\n\n", f, i, line }' > "$T/big"
}
truncated() {
	big
	( "$@" "$T/big" 2> "$T/err"; echo $? > "$T/rc" ) |
	    { read -r _; : > "$T/big"; cat > /dev/null; }
	sed 's/message [0-9]*, byte [0-9]*:/message N, byte O:/' "$T/err"
	cat "$T/rc"
}
is "$(truncated mbsplit)" "mbsplit: $T/big: message N, byte O: input changed while being read
mbsplit: 1 warning
1" "mbsplit: a file truncated while read is reported, status 1"
is "$(truncated patchinfo -a | grep -e 'input changed' -e '^[0-9]*$')" \
    "patchinfo: $T/big: message N, byte O: input changed while being read
1" "patchinfo too"
rm -f "$T/big"

# Blank lines before the first message are read in constant memory
# (where a memory limit can be set: not under the sanitizers or valgrind).
if [ -z "${MLD_VALGRIND:-}" ] && (ulimit -v 60000 &&
    mbsplit < /dev/null > /dev/null 2>&1 &&
    patchinfo < /dev/null > /dev/null 2>&1 && exit 0; exit 1) 2> /dev/null; then
	out=$(yes '' | head -c 100000000 | (ulimit -v 60000; mbsplit 2>&1; echo "rc=$?"))
	is "$out" "$(printf '#n\toffset\tlength\tdate\tmsgid\tfrom\tsubject\tinput\nrc=0')" \
	    "100 MB of blank lines: an empty mbox, in 60 MB"
	out=$({ yes '' | head -c 100000000
	    printf '%s\nFrom: a@x\nDate: Tue, 19 Aug 2025 10:00:00 +0000\nSubject: x\nMessage-ID: <x@x>\n\nx\n' "$F"; } |
	    (ulimit -v 60000; patchinfo -a 2>&1; echo "rc=$?") | cut -f 11 | tail -n 2)
	is "$out" "x
rc=0" "and then a message, for patchinfo too"
else
	skip "no memory limit under this build" 2
fi

# A message longer than 1 GiB (here line-free, as /dev/zero is) is
# reported and skipped; the next one is read.  Not under valgrind: 1 GiB.
if [ -z "${MLD_VALGRIND:-}" ]; then
	{ head -c 1100000000 /dev/zero; printf '\n%s\nSubject: after\n\nz\n' "$F"; } |
	    mbsplit > "$T/out" 2> "$T/err"
	is "$?:$(cut -f 1,2,7 "$T/out" | tail -n 1)" "$(printf '1:1\t1100000001\tafter')" \
	    "a line-free message over 1 GiB through a pipe is skipped"
	is "$(cat "$T/err")" "mbsplit: stdin: message 1, byte 0: message longer than 1 GiB, skipped
mbsplit: 1 warning" "and reported"
else
	skip "1 GiB under valgrind" 2
fi

# Old Mac line ends (a bare CR) are line ends.
printf '%s\rSubject: a\rMessage-ID: <a@x>\r\rbody a\r\r%s\rSubject: b\rMessage-ID: <b@x>\r\rbody b\r' \
    "$F" "$F" > "$T/f"
mbsplit "$T/f" > "$T/out" 2> "$T/err"
is "$?:$(cut -f 5,7 "$T/out" | tr '\t\n' ', ')" "0:msgid,subject a@x,a b@x,b " \
    "a CR-only mbox: each message apart"
patchinfo -a "$T/f" > "$T/out" 2> /dev/null
is "$(cut -f 15 "$T/out" | tr '\n' ' ')" "body body a body b " "and their bodies"

# A From_ line ending in "\r\r\n" (CRLF converted twice) separates.
printf '%s\r\r\nSubject: a\r\n\r\nx\r\n\r\n%s\r\r\nSubject: b\r\n\r\ny\r\n' "$F" "$F" > "$T/f"
is "$(mbsplit "$T/f" | cut -f 7 | tr '\n' ' ')" "subject a b " \
    "From_ lines ending in CR CR LF separate"
finish
