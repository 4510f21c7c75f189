#!/bin/sh
# mbsplit on hostile input, generated here: each case gives the
# documented result and exit status, and nothing is lost: the index
# always tiles the input.
. "$(dirname "$0")/lib.sh"
plan 23

F='From mboxrd@z Thu Jan  1 00:00:00 1970'
msg() { printf '%s\nSubject: %s\nMessage-ID: <%s@example.org>\n\n%s\n\n' \
    "$F" "$1" "$1" "$2"; }

# n messages, and whether offsets and lengths tile the file.
count() { mbsplit "$1" | grep -vc '^#'; }
tiles() {
	mbsplit "$1" | awk -F '\t' -v size="$(wc -c < "$1")" '
		/^#/ { next } NR > 2 && $2 != at { bad = 1 } { at = $2 + $3 }
		END { exit bad || at != size }'
}

: > "$T/empty"
mbsplit "$T/empty" > "$T/out"
is "$?:$(grep -vc '^#' "$T/out")" "0:0" "empty input: no message, status 0"

msg a x > "$T/f"; printf '%s\nSubject: b\n\nno newline at the end' "$F" >> "$T/f"
is "$(count "$T/f")" 2 "no trailing newline"
check "no trailing newline: the index tiles the input" tiles "$T/f"

msg a x > "$T/f"; printf '%s\nSubject: trunc\nMessage-ID: <tr' "$F" >> "$T/f"
is "$(count "$T/f")" 2 "a message truncated in its header is still a message"

{ msg a x; printf '%s\nSubject: nul\n\nbefore\0after\n\n' "$F"; msg c z; } > "$T/f"
is "$(count "$T/f")" 3 "NUL bytes in a body"
check "NUL bytes come back through -m" sh -c 'mbsplit -m "$1" | cmp -s - "$1"' sh "$T/f"

{ msg a x; printf '%s\nSubject: long\n\n' "$F"
  head -c 10000000 /dev/zero | tr '\0' 'x'; printf '\n\n'; msg c z; } > "$T/f"
is "$(count "$T/f")" 3 "a 10 MB line"
check "a 10 MB line: the index tiles the input, from a pipe too" \
    sh -c 'cat "$1" | mbsplit -m | cmp -s - "$1"' sh "$T/f"

# Made in the pipe: 100 MB on disk would cost more than the test.
is "$({ msg a x; printf '%s\nSubject: big\n\n' "$F"
  yes 'a line of a large attachment, sixty-four bytes long, more or le' |
      head -n 1600000; printf '\n'; msg c z; } | mbsplit | grep -vc '^#')" 3 \
    "a 100 MB message through a pipe"

printf '%s\r\nSubject: crlf\r\n\r\nbody\r\n\r\n%s\nSubject: lf\n\nbody\n\n' \
    "$F" "$F" > "$T/f"
is "$(mbsplit -m "$T/f" | grep -c "$(printf '\r')")" 0 "mixed line ends all become LF"

{ msg a 'From the start, this line looks like a separator but is none.'
  msg b 'From x@example.org Tue Aug 19 10:01:33 2025' | sed 's/^>//'; } > "$T/f"
is "$(count "$T/f")" 3 "mboxo: a real From_ line in a body splits, as mboxo must"

{ msg same x; msg same y; printf '%s\nSubject: noid\n\nz\n\n' "$F"; } > "$T/f"
is "$(mbsplit -u "$T/f" 2>/dev/null | grep -vc '^#')" 2 \
    "duplicate Message-IDs: later copies dropped, no ID kept"

# A subject of 10,000 '[' and a header line of 500 folds.
{ printf '%s\nSubject: ' "$F"; head -c 10000 /dev/zero | tr '\0' '['
  printf '\nX-Folded: a\n'; for i in $(seq 500); do printf '\tfold %d\n' "$i"; done
  printf 'Message-ID: <folded@example.org>\n\nbody\n\n'; } > "$T/f"
is "$(mbsplit "$T/f" | cut -f 5 | tail -n 1)" "folded@example.org" \
    "10,000 brackets and 500 folds in a header"

# Output errors and closed pipes.
mbsplit -m "$T/f" > /dev/full 2> "$T/err"
is "$?" 1 "a full disk is an error"
is "$(cat "$T/err")" "mbsplit: write error on stdout: No space left on device" \
    "and says so"
{ for i in $(seq 3000); do msg "m$i" "body $i"; done; } > "$T/f"
mbsplit "$T/f" 2> "$T/err" | head -n 1 > /dev/null
is "$(cat "$T/err")" "" "| head ends mbsplit quietly"

# With -d the files are the output: a reader that leaves the listing
# early ends the listing, not the split.  (600 lines of listing are more
# than stdio buffers before it finds the pipe closed.)
rc=$( { mbsplit -r 1-600 -d "$T/split" "$T/f" 2> "$T/err"; echo $? > "$T/rc"; } |
    head -n 1 > /dev/null; cat "$T/rc")
is "$rc:$(cat "$T/err")" "0:" "-d | head: status 0, nothing on stderr"
is "$(ls "$T/split" | wc -l)" 600 "-d | head: every file is written"
cat "$T/split"/* | grep -c '^body ' > "$T/bodies"
is "$(cat "$T/bodies")" 600 "-d | head: every file holds its message"
{ msg a x; msg b y; } > "$T/two"
rc=$( { mbsplit -d "$T/two.d" "$T/two" 2> "$T/err"; echo $? > "$T/rc"; } |
    true; cat "$T/rc")
is "$rc:$(cat "$T/err"):$(ls "$T/two.d" | wc -l)" "0::2" \
    "-d | true, a listing found closed only at the end: status 0, both files"

# Two deliveries into one maildir in the same second by processes with
# the same pid (pid namespaces: containers, CI) keep every message.
mkdir -p "$T/md/cur" "$T/md/new" "$T/md/tmp"
{ for i in $(seq 50); do msg "a$i" "body a$i"; done; } > "$T/a"
{ for i in $(seq 50); do msg "b$i" "body b$i"; done; } > "$T/b"
if unshare -p -f true 2> /dev/null; then
	unshare -p -f "$top/mbsplit" -d "$T/md" "$T/a" > /dev/null
	unshare -p -f "$top/mbsplit" -d "$T/md" "$T/b" > /dev/null
	is "$(ls "$T/md/new" | wc -l)" 100 "same pid, same second: no file replaced"
	is "$(cat "$T/md/new"/* | grep -c '^body [ab]')" 100 \
	    "same pid, same second: every message is in new"
else
	skip "unshare -p is not allowed here" 2
fi
is "$(ls "$T/md/tmp" | wc -l)" 0 "nothing is left in tmp"
finish
