#!/bin/sh
# domtally on hostile records, generated here: bad lines are reported
# with their input and line number, skipped and counted (status 1);
# whatever a name holds, the tally printed is UTF-8 without a control
# character, one line per key.
. "$(dirname "$0")/lib.sh"
plan 24

run() { domtally "$@" > "$T/out" 2> "$T/err"; echo $? > "$T/rc"; }
rc() { cat "$T/rc"; }
# Valid UTF-8, and no control character but the line ends.
clean() {
	iconv -f UTF-8 -t UTF-8 "$T/out" > /dev/null 2>&1 &&
	! LC_ALL=C grep -q '[[:cntrl:]]' "$T/out"
}

: > "$T/f"
run "$T/f"
is "$(rc):$(wc -c < "$T/out"):$(wc -c < "$T/err")" "0:0:0" "empty input: nothing, status 0"

printf 'a@example.org\nb@example.org' > "$T/f"
run -d "$T/f"
is "$(rc):$(cat "$T/out")" "0:      2 example.org" "no trailing newline: the last line counts"

printf 'a@example.org\0b@example.org\nc@example.org\n' > "$T/f"
run "$T/f"
is "$(rc):$(cat "$T/out")" "1:      1 c@example.org" "a NUL byte: the line is skipped"
is "$(cat "$T/err")" "domtally: $T/f: line 1: NUL byte in record, skipped
domtally: 1 line skipped
domtally: 1 warning" "and reported by line, and counted"

{ printf '"'; head -c 10000000 /dev/zero | tr '\0' x
  printf '" <long@example.org>\n'; } > "$T/f"
run -d "$T/f"
is "$(rc):$(cat "$T/out")" "0:      1 example.org" "a 10 MB line"

printf 'caf\351 <x@example.org>\n\377\376 <y@example.org>\n' > "$T/f"
run "$T/f"
is "$(rc):$(wc -l < "$T/out")" "0:2" "invalid UTF-8 in names"
check "is repaired" clean

printf '=?UTF-8?Q?Evil=1B=5B31mName=07?= <a@example.org>\n=?UTF-8?B?G1sybUpvZQ==?= <b@example.org>\n"tab\\there" <c@example.org>\n' > "$T/f"
run "$T/f"
is "$(rc):$(wc -l < "$T/out")" "0:3" "encoded words that decode to control characters"
check "never print one" clean
run -a "$T/f"
check "nor with -a" clean
domtally -a "$T/f" | domtally --merge > "$T/out" 2> "$T/err"
is "$?:$(wc -l < "$T/out")" "0:3" "and the labels merge back"

printf 'ok@example.org\nbad\\xescape@example.org\n' > "$T/f"
run "$T/f"
is "$(rc):$(cat "$T/out")" "1:      1 ok@example.org" "a bad escape: skipped"
is "$(head -n 1 "$T/err")" "domtally: $T/f: line 2: field 1: bad backslash escape, skipped" \
    "and reported by line"

printf '#kind\tcontributor\npatch\ta@example.org\npatch\nonly\ttoo\tmany\n' > "$T/f"
run "$T/f"
is "$(rc):$(cat "$T/out"):$(tail -n 2 "$T/err" | head -n 1)" \
    "1:      1 a@example.org:domtally: 2 lines skipped" \
    "records with fewer or more fields than the header: skipped, counted"

{ head -c 10000 /dev/zero | tr '\0' '<'; printf '\n'
  head -c 10000 /dev/zero | tr '\0' '['; printf '\n'
  printf 'a@example.org ('; head -c 100000 /dev/zero | tr '\0' '('; printf '\n'
  printf 'ok@example.org\n'; } > "$T/f"
run "$T/f"
is "$(rc):$(cat "$T/out")" "1:      1 ok@example.org" \
    "10,000 '<', 10,000 '[', 100,000 '(': no address, skipped"
is "$(grep -c 'no address in field 1, skipped' "$T/err")" 3 "each reported"

printf 'a@example.org\r\nb@Example.ORG\r\n' > "$T/f"
run -d "$T/f"
is "$(rc):$(cat "$T/out")" "0:      2 example.org" "CRLF line ends"

awk 'BEGIN { for (i = 0; i < 500; i++) printf "p%d@d%d.example, ", i, i % 7
	print "last@d0.example" }' > "$T/f"
run -d "$T/f"
is "$(rc):$(wc -l < "$T/out"):$(head -n 1 "$T/out")" "0:7:      1 d0.example" \
    "500 addresses in one field: each domain once for the record"

printf 'a@example.org\n' > "$T/f"
run "$T/f" "$T/nonexistent" "$T/f"
is "$(rc):$(cat "$T/out")" "1:      2 a@example.org" "a missing input is reported, the others read"

printf 'not a tally line\n  3 a@example.org\n12 \n' > "$T/f"
run --merge "$T/f"
is "$(rc):$(cat "$T/out")" "1:      3 a@example.org" "--merge: lines that are no tally lines skipped"
is "$(grep -c 'not a tally line, skipped' "$T/err")" 2 "and reported"

printf '99999999999999999999999 a@example.org\n18446744073709551615 b@example.org\n1 b@example.org\n' > "$T/f"
run --merge "$T/f"
is "$(rc)" 1 "--merge: counts past 64 bits are bad lines, not wrapped"

printf 'a@example.org\n' > "$T/f"
domtally -d "$T/f" > /dev/full 2> "$T/err"
is "$?:$(cat "$T/err")" "1:domtally: write error on stdout: No space left on device" \
    "a full disk is an error"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "p%d@example.org\n", i }' > "$T/f"
domtally "$T/f" 2> "$T/err" | head -n 1 > /dev/null
is "$(cat "$T/err")" "" "| head ends domtally quietly"
finish
