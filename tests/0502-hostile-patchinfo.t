#!/bin/sh
# patchinfo -a on hostile input, generated here: every message gives
# exactly one record of 19 fields, valid UTF-8 on one line, whatever it
# holds; problems are reported as "input: message N, byte O" and make
# the exit status 1, with the record still written.
. "$(dirname "$0")/lib.sh"
plan 46

F='From mboxrd@z Thu Jan  1 00:00:00 1970'
D='Date: Tue, 19 Aug 2025 10:00:00 +0000'
hdr() { printf '%s\nFrom: A <a@example.org>\n%s\nSubject: %s\nMessage-ID: <%s@example.org>\n' \
    "$F" "$D" "$2" "$1"; }
msg() { hdr "$1" "$2"; printf '\n%s\n\n' "$3"; }

# Runs patchinfo -a on $1 into $T/out and $T/err; its status in $T/rc.
run() { patchinfo -a "$@" > "$T/out" 2> "$T/err"; echo $? > "$T/rc"; }
nrec() { grep -vc '^#' "$T/out"; }
rc() { cat "$T/rc"; }
# Every line has 19 fields, is valid UTF-8 and holds no CR.
sane() {
	awk -F '\t' 'NF != 19 { exit 1 }' "$T/out" &&
	iconv -f UTF-8 -t UTF-8 "$T/out" > /dev/null 2>&1 &&
	! grep -q "$(printf '\r')" "$T/out"
}
col() { grep -v '^#' "$T/out" | cut -f "$1" | sed -n "${2:-1}p"; }

: > "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(tr '\t' ' ' < "$T/out")" "0:0:#kind date msgid series version n total prefix author contributor subject title diffstat trailers body parent root changeid applied" \
    "empty input: the header line alone, status 0"

msg a '[PATCH] a' x > "$T/f"; at=$(wc -c < "$T/f")
printf '%s\nFrom: b@example.org\n%s\nSubject: b\n\nno newline' "$F" "$D" >> "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 15 2)" "1:2:no newline" "no trailing newline: a record, its body whole"
is "$(cat "$T/err")" "patchinfo: $T/f: message 2, byte $at: no Message-ID
patchinfo: 1 warning" "a message without Message-ID is named by number and offset"

msg a x x > "$T/f"; printf '%s\nFrom: B <b@example.org>\n%s\nSubject: trunc\nMessage-ID: <tr' "$F" "$D" >> "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 3 2):$(col 11 2)" "0:2:tr:trunc" "a message cut in its header is still a record"

{ msg a x x; hdr nul nul; printf '\nbefore\0after\n\n'; msg c z z; } > "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "0:3" "NUL bytes in a body: every message a record"
is "$(col 15 2)" "before$(printf '\357\277\275')after" "a NUL reads as U+FFFD"

{ msg a x x; hdr long long; printf '\n'; head -c 10000000 /dev/zero | tr '\0' x
  printf '\n\n'; msg c z z; } > "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 15 2 | wc -c)" "0:3:10000001" "a 10 MB line is kept whole"
check "a 10 MB line: sane records" sane

{ msg a x x; hdr big big; printf '\n'
  yes 'a line of a large attachment, sixty-four bytes long, more or le' |
      head -n 1600000; printf '\n'; msg c z z; } > "$T/f"
cat "$T/f" | patchinfo -a > "$T/out" 2> "$T/err"
is "$?:$(nrec):$(col 3 3)" "0:3:c@example.org" "a 100 MB message through a pipe"
rm -f "$T/f" "$T/out"

{ hdr latin '[PATCH] latin'; printf 'Content-Type: text/plain; charset=x-unknown-8bit\n\ncaf\351\n\n'
  hdr nocs nocs; printf '\nna\357ve\n\n'
  hdr utf utf; printf 'Content-Type: text/plain; charset=utf-8\n\nbad \377 \300\200\n\n'
  hdr sub "$(printf 'subject \377\376 raw')"; printf '\nx\n\n'; } > "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "0:4" "invalid UTF-8 and unknown charsets: a record each"
is "$(col 15 1):$(col 15 2)" "café:naïve" "an unknown or missing charset reads as windows-1252"
check "invalid UTF-8: sane records" sane

{ hdr b64 b64; printf 'Content-Transfer-Encoding: base64\n\nZm9v!!!YmFy*\n====\n\n'
  hdr qp qp; printf 'Content-Transfer-Encoding: quoted-printable\n\nsoft=\nbreak =ZZ =4\n\n'; } > "$T/f"
run "$T/f"
is "$(rc):$(col 15 1):$(col 15 2)" "0:foobar:softbreak =ZZ =4" \
    "broken base64 and quoted-printable decode what they can"

{ hdr ctl '[PATCH] =?UTF-8?Q?red=1B[31m=07bell=0D=0Aline=09tab?='
  printf '\nbody\n\n'; } > "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "0:1" "encoded words that decode to control characters: a record"
check "and the record stays one line of 19 fields" sane
is "$(col 12)" "red [31m bell line tab" "controls in a decoded subject become blanks"

{ printf '%s\nFrom: A <a@example.org>\n%s\nThis line has no colon\nSubject: nocolon\n' "$F" "$D"
  printf 'X-Folded: a\n'; for i in $(seq 500); do printf '\tfold %d\n' "$i"; done
  printf 'Message-ID: <folded@example.org>\n\nbody\n\n'; } > "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 3)" "0:1:folded@example.org" \
    "a header line without a colon and 500 folds"

{ printf '%s\nFrom: A <a@example.org>\n%s\nSubject: folded\n' "$F" "$D"
  for i in $(seq 500); do printf ' part%d\n' "$i"; done
  printf 'Message-ID: <fs@example.org>\n\nbody\n\n'; } > "$T/f"
run "$T/f"
is "$(col 11 | wc -w)" 501 "a subject folded 500 times is unfolded into one field"

{ msg same a a; msg same b b; } > "$T/f"; at=$(wc -c < "$T/f")
{ printf '%s\nFrom: c@example.org\n%s\nSubject: noid\n\nz\n\n' "$F" "$D"; } >> "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 3 1):$(col 3 2):$(col 3 3)" "1:3:same@example.org:same@example.org:" \
    "duplicate Message-IDs: both kept; a missing one left empty"
is "$(head -n 1 "$T/err")" "patchinfo: $T/f: message 3, byte $at: no Message-ID" \
    "and the missing one is reported"

{ msg a x 'From the start, this line looks like a separator but is none.'
  hdr b y; printf '\nbody\n'; } > "$T/f"; at=$(wc -c < "$T/f")
printf 'From x@example.org Tue Aug 19 10:01:33 2025\nmore body\n\n' >> "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "1:3" "mboxo: a real From_ line in a body starts a message"
is "$(col 15 1)" "From the start, this line looks like a separator but is none." \
    "a body line starting From that is no separator stays"
is "$(grep -x "patchinfo: $T/f: message 3, byte $at: no Message-ID" "$T/err")" \
    "patchinfo: $T/f: message 3, byte $at: no Message-ID" \
    "the message a From_ line in a body starts is reported, dated by it"

printf '%s\r\nFrom: A <a@example.org>\r\n%s\r\nSubject: crlf\r\nMessage-ID: <c@x>\r\n\r\nline one\r\nline two\r\n\r\n%s\nFrom: A <a@example.org>\n%s\nSubject: mixed\r\nMessage-ID: <m@x>\n\nlf\r\nthen crlf\n\n' \
    "$F" "$D" "$F" "$D" > "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "0:2" "CRLF and mixed line ends"
check "no CR reaches a record" sane
is "$(col 15 1)|$(col 11 2)" 'line one\nline two|mixed' "CRLF read as LF"

nest() {
	printf '%s\nFrom: A <a@example.org>\n%s\nSubject: [PATCH] nested\nMessage-ID: <nest@x>\nMIME-Version: 1.0\n' "$F" "$D"
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i
		printf "Content-Type: text/plain\n\ndeep text\n"
		for (i = n - 1; i >= 0; i--)
			printf "\n--b%d--\n", i
		printf "\n" }'
}
nest 1000 > "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 15)" "0:1:deep text" "1000 nested multiparts: the text at the bottom is read"
nest 1100 > "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 15):$(cat "$T/err")" "1:1::patchinfo: $T/f: message 1, byte 0: MIME parts nested over 1024 levels deep, those below not read
patchinfo: 1 warning" "1100 nested multiparts: the text lost is reported"

# Text not in the charset it declares is read as an unknown charset is.
{ hdr u32 '[PATCH] u32'; printf 'Content-Type: text/plain; charset=UTF-32\n\nhello\n\n'; } > "$T/f"
at=$(wc -c < "$T/f")
{ hdr u7 '[PATCH] u7'; printf 'Content-Type: text/plain; charset=UTF-7\n\nHi +\351-!\n\n'
  hdr u7ok '[PATCH] u7ok'; printf 'Content-Type: text/plain; charset=UTF-7\n\nHi Mom -+Jjo--!\n\n'; } >> "$T/f"
run "$T/f"
is "$(rc):$(col 15 1):$(col 15 2):$(col 15 3)" \
    "1:hello:Hi +$(printf '\303\251')-!:Hi Mom -$(printf '\342\230\272')-!" \
    "UTF-32 and UTF-7 that are not: read as windows-1252; UTF-7 that is: converted"
is "$(cat "$T/err")" "patchinfo: $T/f: message 1, byte 0: text not in its charset UTF-32, read as UTF-8 and windows-1252
patchinfo: $T/f: message 2, byte $at: text not in its charset UTF-7, read as UTF-8 and windows-1252
patchinfo: 2 warnings" "and each is reported"

{ printf '%s\nFrom: A <a@example.org>\n%s\nSubject: ' "$F" "$D"
  head -c 10000 /dev/zero | tr '\0' '['; printf '\nMessage-ID: <br@x>\n\nbody\n\n'; } > "$T/f"
run "$T/f"
is "$(rc):$(nrec):$(col 12 | wc -c)" "0:1:10001" "a subject of 10,000 '[' is a title of its own"

{ printf '%s\nFrom: A <a@example.org>\n%s\nSubject: [PATCH ' "$F" "$D"
  head -c 10000 /dev/zero | tr '\0' '['; printf '] t\nMessage-ID: <br2@x>\n\nbody\n\n'; } > "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "0:1" "and inside a patch tag"

{ printf '%s\nFrom: Eve \033]0;title\007 <eve@example.org>\n%s\nSubject: esc\nMessage-ID: <e@x>\n\nx\n\n' "$F" "$D"
  printf '%s\nFrom: John [ACME] <john@acme.example>\n%s\nSubject: brackets\nMessage-ID: <b@x>\n\nx\n\n' "$F" "$D"; } > "$T/f"
run "$T/f"
is "$(rc):$(col 9 1)|$(col 9 2)" '0:"Eve  ]0;title" <eve@example.org>|"John [ACME]" <john@acme.example>' \
    "a From name with control characters or unquoted specials keeps its address"


# An empty message without -a: no record, and no sanitizer abort.
printf '%s\n\n%s\n' "$F" "$F" > "$T/f"
patchinfo "$T/f" > "$T/out" 2> "$T/err"
is "$?:$(nrec):$(cat "$T/err")" "0:0:" "empty messages by default: no record, no word"

# Header lines, folds and MIME parts cost GMime 40 to 60 times their
# text: what it is given is bounded, so each of these (3 to 4 MB) is
# read in 100 MB (where a limit can be set: not under the sanitizers nor
# valgrind, whose complaint would fail the run).  (The probe runs
# patchinfo as a child of the subshell, so that the word on its abort
# goes where the subshell's errors go.)
if [ -z "${MLD_VALGRIND:-}" ] &&
    (ulimit -v 100000 && patchinfo < /dev/null > /dev/null 2>&1 && exit 0
    exit 1) 2> /dev/null; then
	{ hdr hl '[PATCH] headers'; awk 'BEGIN { for (i = 0; i < 300000; i++)
		printf "X-H-%d: v\n", i }'; printf '\nbody\n\n'; } > "$T/f"
	(ulimit -v 100000; patchinfo -a "$T/f") > "$T/out" 2> "$T/err"
	is "$?:$(col 15)" "0:body" "300,000 header lines"
	{ printf '%s\nFrom: a@example.org\n%s\nMessage-ID: <fold@x>\nSubject: [PATCH] folds\n' "$F" "$D"
	  yes ' x' | head -n 1000000; printf '\nbody\n\n'; } > "$T/f"
	(ulimit -v 100000; patchinfo -a "$T/f") > "$T/out" 2> "$T/err"
	is "$?:$(col 15):$(col 11 | wc -c)" "0:body:2000014" "a Subject folded a million times"
	{ hdr parts '[PATCH] parts'; printf 'Content-Type: multipart/mixed; boundary="b"\n\n'
	  awk 'BEGIN { for (i = 0; i < 100000; i++)
		printf "--b\nContent-Type: text/plain\n\np%d\n", i }'; printf -- '--b--\n\n'; } > "$T/f"
	(ulimit -v 100000; patchinfo -a "$T/f") > "$T/out" 2> "$T/err"
	is "$?:$(col 15 | cut -c 1-2):$(sed 's/byte [0-9]*: over/byte O: over/; s/after byte [0-9]*/after byte B/' "$T/err")" \
	    "1:p0:patchinfo: $T/f: message 1, byte O: over 20000 MIME boundary and part header lines, the text after byte B not read
patchinfo: 1 warning" "100,000 MIME parts: the first 10,000 read, the rest reported"
else
	skip "no memory limit under this build" 3
fi

printf 'not an mbox at all\n' > "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "1:1" "text without headers is one message, reported"

printf '%s\n\n\n%s\nFrom: a@example.org\n\n' "$F" "$F" > "$T/f"
run "$T/f"
is "$(rc):$(nrec)" "1:2" "empty messages are records too"

# The count of warnings is said at the end, and each names its place.
{ msg a x x; printf '%s\nSubject: none\n\nx\n\n' "$F"; printf '%s\nSubject: none\n\ny\n\n' "$F"; } > "$T/f"
run "$T/f"
is "$(tail -n 1 "$T/err")" "patchinfo: 6 warnings" "the warnings are counted"
is "$(grep -c "message [23], byte [0-9]*: " "$T/err")" 6 "each names its message and byte"

run "$T/nonexistent"
is "$(rc):$(nrec)" "1:0" "a missing input: status 1"
is "$(cat "$T/err")" "patchinfo: $T/nonexistent: No such file or directory" "and says so"

msg a '[PATCH] a' x > "$T/f"
patchinfo -a "$T/f" > /dev/full 2> "$T/err"
is "$?" 1 "a full disk is an error"
{ for i in $(seq 2000); do msg "m$i" "[PATCH] m$i" "body $i"; done; } > "$T/f"
patchinfo -a "$T/f" 2> "$T/err" | head -n 1 > /dev/null
is "$(cat "$T/err")" "" "| head ends patchinfo quietly"
cat "$T/f" | patchinfo -a "$T/f" - > "$T/out" 2> "$T/err"
is "$?:$(nrec)" "0:4000" "a file and stdin read in turn"
finish
