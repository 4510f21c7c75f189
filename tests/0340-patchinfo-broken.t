#!/bin/sh
# patchinfo on deliberately broken mail (tests/data/broken/pi-*.eml, each
# naming its origin in a Comments field, except the two that cannot hold
# one: pi-empty.eml, an empty file, and pi-no-header.eml, a body without
# any header).  Each message yields exactly one record of 19 fields, valid
# UTF-8, never a crash; warnings take the "input: message N, byte O"
# form; and each case keeps what can still be said.
. "$(dirname "$0")/lib.sh"
b=$data/broken
set -- "$b"/pi-*.eml
plan $(($# * 3 + 7))

for f in "$@"; do
	c=$(basename "$f" .eml)
	patchinfo -a "$f" > "$T/$c.out" 2> "$T/$c.err"
	rc=$?
	want=1
	[ -s "$f" ] || want=0
	is "$(awk -F '\t' '!/^#/ && NF == 19' "$T/$c.out" | wc -l | tr -d ' ')/$rc" \
	    "$want/$(grep -q warning "$T/$c.err" && echo 1 || echo 0)" \
	    "$c: $want record of 19 fields, status 1 exactly when warned"
	check "$c: valid UTF-8" iconv -f UTF-8 -t UTF-8 "$T/$c.out" -o /dev/null
	is "$(grep -v -e '^patchinfo: [^:]*: message [0-9]*, byte [0-9]*: ' \
	    -e '^patchinfo: [0-9]* warnings*$' "$T/$c.err")" "" \
	    "$c: diagnostics in the usual form"
done

f() { cut -f "$2" "$T/$1.out" | tail -n 1; }
is "$(f pi-forged-inbody 10)" '"evil<ceo@bank.example>" <evil@example.net>' \
    "an encoded in-body name holding an address stays one quoted name"
is "$(f pi-bad-boundary 1,13)" \
    "$(printf 'patch\t1 file changed, 1 insertion(+), 1 deletion(-)')" \
    "a multipart without its boundary: the diff in the prologue counts"
is "$(f pi-nested 1,13)" \
    "$(printf 'patch\t1 file changed, 1 insertion(+), 1 deletion(-)')" \
    "an unclosed multipart: the text/x-patch part in an unknown charset counts"
is "$(f pi-charset 9,15)" "$(printf '\303\251l\303\250ve <e@example.org>\tCaf\303\251 \342\202\254\357\277\275.')" \
    "8-bit bytes in headers and in an unknown charset read as windows-1252"
is "$(f pi-wrong-charset 15):$(cat "$T/pi-wrong-charset.err")" \
    "F$(printf '\303\274')r die Gr$(printf '\303\274\303\237')e.:patchinfo: $b/pi-wrong-charset.eml: message 1, byte 0: text not in its charset windows-874, read as UTF-8 and windows-1252
patchinfo: 1 warning" "text not in the charset it declares is read whole, and reported"
is "$(f pi-hunk-overflow 1,13)" "$(printf 'other\t')" \
    "hunk counts that overflow are no hunk"
is "$(f pi-no-header 1,3)" "$(printf 'other\t')" \
    "a body without a header: a record of kind other"
finish
