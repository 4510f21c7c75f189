#!/bin/sh
# digestfmt and mldigest on hostile input, generated here: the digest is
# always safe to print (valid UTF-8, no control character but its line
# ends and the tabs of a body), and nothing from a message is ever run
# as a command or taken as a file name.
. "$(dirname "$0")/lib.sh"
plan 27

F='From mboxrd@z Thu Jan  1 00:00:00 1970'
D='Date: Tue, 19 Aug 2025 10:00:00 +0000'
ESC=$(printf '\033')
H='#kind	date	msgid	series	version	n	total	prefix	author	contributor	subject	title	diffstat	trailers	body'
rec() { printf 'patch\t2025-08-19T10:00:00Z\t%s\t%s\t1\t1\t1\tPATCH\t%s\t%s\t%s\t%s\t\t\t%s\n' \
    "$1" "$1" "$2" "$2" "[PATCH] $3" "$3" "$4"; }

# Valid UTF-8; no control character but LF and TAB; no C1 control.
safe() {
	iconv -f UTF-8 -t UTF-8 "$1" > /dev/null 2>&1 &&
	! LC_ALL=C tr -d '\n\t' < "$1" | LC_ALL=C grep -q '[[:cntrl:]]' &&
	! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
}

{ echo "$H"; rec esc@x "Eve ${ESC}]0;pwned$(printf '\007') <eve@example.org>" \
    "red ${ESC}[31malert${ESC}[0m" "body ${ESC}[2J clear\\n$(printf '\302\233')6n csi\\tand tab"; } > "$T/r"
digestfmt patches "$T/r" > "$T/out" 2> "$T/err"
is "$?" 0 "records holding ESC, BEL and a C1 CSI"
check "the digest is safe to print" safe "$T/out"
is "$(grep '^New:' "$T/out")" "New: red ^[[31malert^[[0m" "ESC in a title shown as ^["
is "$(grep '^Author:' "$T/out")" "Author: Eve ^[]0;pwned^G <eve@example.org>" \
    "ESC and BEL in a name shown as ^[ and ^G"
is "$(grep -A 1 '^body' "$T/out")" "body ^[[2J clear
<U+009B>6n csi	and tab" "a body keeps its line ends and tabs, and shows its controls"
is "$(grep 'patch)$' "$T/out")" \
    "[PATCH] red ^[[31malert^[[0m (Eve ^[]0;pwned^G <eve@example.org>, 1 patch)" \
    "the patch list too"

{ echo "$H"; rec bad@x 'A <a@example.org>' 'bad \x escape' b; rec ok@x 'A <a@example.org>' ok b
  printf 'patch\ttoo\tfew\n'; printf 'patch\t2025\0nul\n'; } > "$T/r"
digestfmt patches "$T/r" > "$T/out" 2> "$T/err"
is "$?:$(grep -c '^New:' "$T/out")" "1:1" "bad records: skipped, the good one printed, status 1"
is "$(grep -c "^digestfmt: $T/r: line [2-5]: " "$T/err")" 3 "each bad record named by its line"

# Fields that a line format would take for a header line or a field end
# come back whole from the temporary file: a date opening with '#', an
# empty series, a backslash, a TAB and a line end in a body.
{ echo "$H"; printf 'patch\t#1\thash@x\t\t1\t1\t1\tPATCH\tA <a@example.org>\t\t[PATCH] hash date\thash date\t\t\tb\\\\c\\td\\ne\n'
  rec next@x 'B <b@example.org>' next b; } > "$T/r"
digestfmt patches "$T/r" > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/err")" "0:" "a record dated '#1': status 0, no word"
is "$(awk '/^===== Patch list/ { f = 1; next } /^=====/ { f = 0 } f && NF' "$T/out")" \
    "[PATCH] next (B <b@example.org>, 1 patch)
[PATCH] hash date (A <a@example.org>, 1 patch)" "each record in its own place, '#1' the oldest"
is "$(sed -n '/^New: hash date$/,/^---/p' "$T/out")" "New: hash date
[PATCH] hash date
Author: A <a@example.org>

b\\c	d
e

----------------------------------------------------------------------" \
    "its body whole: backslash, TAB, line end"

{ echo "$H"; rec last@x 'A <a@example.org>' 'no newline' b | tr -d '\n'; } > "$T/r"
digestfmt patches "$T/r" > "$T/out" 2> "$T/err"
is "$?:$(grep '^New:' "$T/out")" "0:New: no newline" "a last record without its newline"

: > "$T/r"
digestfmt header "$T/r" > "$T/out" && digestfmt patches "$T/r" >> "$T/out"
is "$?:$(head -n 1 "$T/out")" "0:From unknown to unknown" "no record: the dates are unknown"

{ echo "$H"; rec big@x 'A <a@example.org>' big "$(head -c 10000000 /dev/zero | tr '\0' x)"; } > "$T/r"
digestfmt patches "$T/r" > "$T/out" 2> "$T/err"
is "$?:$(grep -c '^xxxx*$' "$T/out"):$(grep '^xxxx*$' "$T/out" | wc -c)" "0:1:10000001" \
    "a 10 MB body line"

{ echo "$H"; rec inv@x "$(printf 'caf\351 <c@example.org>')" "$(printf 'bad \377\376')" "$(printf '\300\200')"; } > "$T/r"
digestfmt patches "$T/r" > "$T/out" 2> "$T/err"
check "invalid UTF-8 in records is repaired" safe "$T/out"

printf '      3 \033[31mred.example\n not a count\n      1 ok.example\n' > "$T/r"
digestfmt tally "$T/r" > "$T/out" 2> "$T/err"
is "$?" 1 "tally: a line that is no count is reported, status 1"
check "tally lines holding ESC print safely" safe "$T/out"

# The pipeline on a message meant to run commands and name files.
mkdir "$T/w" && cd "$T/w" || exit 1
mkdir victim
: > victim/keep
msg() { printf '%s\nFrom: %s\n%s\nSubject: %s\nMessage-ID: <%s>\n\n%s\n\n' "$F" "$1" "$D" "$2" "$3" "$4"; }
{ msg 'Eve $(touch pwned1) <eve@example.org>' '[PATCH] $(touch pwned2) `touch pwned3`; rm -rf victim' \
      '../../x$(touch pwned4)@example.org' 'body $(touch pwned5)
diff --git a/f b/f
--- a/f
+++ b/f
@@ -0,0 +1 @@
+x'
  msg "Eve ${ESC}[2J <eve@example.org>" "[PATCH 0/1] ${ESC}]0;t$(printf '\007') | rm -rf victim" \
      '*@example.org' "\$HOME && rm -rf victim ${ESC}[31m"; } > 'in $(touch pwned6); x.mbox'
mldigest --list 'K$(touch pwned7)' 'in $(touch pwned6); x.mbox' > out 2> err
is "$?" 0 "mldigest on hostile subjects, names and file names"
is "$(ls | grep -c '^pwned')" 0 "no command from a message or a name was run"
check "nothing was removed" test -f victim/keep
is "$(ls | LC_ALL=C sort | tr '\n' ' ')" 'err in $(touch pwned6); x.mbox out victim ' \
    "no file was made"
check "the digest is safe to print" safe out
is "$(grep -c '^New: \$(touch pwned2) `touch pwned3`; rm -rf victim$' out)" 1 \
    "the subject is printed as written"
is "$(sed -n 2p out)" 'K$(touch pwned7) mailing list update from 2025-08-19T10:00:00Z to 2025-08-19T10:00:00Z' \
    "the list name too"
cd "$top" || exit 1

# Everything patchinfo's hostile cases give reaches a safe digest.
{ printf '%s\n%s\nSubject: [PATCH] =?UTF-8?Q?a=1B[31m=07b?=\nFrom: =?UTF-8?Q?N=1B[2J?= <n@example.org>\nMessage-ID: <q@x>\n\nx\r\n\0y\n\n' "$F" "$D"
  printf '%s\nSubject: [PATCH 0/1] no from\n\n\033[5m\n\n' "$F"
  printf '%s\nFrom: a@example.org\nSubject: ' "$F"; head -c 10000 /dev/zero | tr '\0' '['; printf '\n\nx\n\n'; } > "$T/f"
mldigest "$T/f" > "$T/out" 2> "$T/err"
is "$?" 1 "mldigest on broken mail: the digest, and status 1"
check "the digest is safe to print" safe "$T/out"

: > "$T/f"
mldigest "$T/f" > "$T/out" 2> "$T/err"
is "$?:$(wc -c < "$T/err")" "0:0" "mldigest on empty input: status 0, no word"
finish
