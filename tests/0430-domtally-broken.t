#!/bin/sh
# domtally on hostile input: bytes that are not UTF-8 in records, in the
# bot list, in a mailmap and in an organisation map must neither stop it
# (GLib asserts on invalid UTF-8) nor reach the output.
. "$(dirname "$0")/lib.sh"
plan 6

# Bytes that are not UTF-8 are read as windows-1252 (text.h), in records
# as in every other input: in a name, in an address, in the bot list, in
# a mailmap, in an organisation map.
printf 'J\377rg <j@x.org>\nAnn <ann@x.org>\nx <j\376@x.org>\n' > "$T/rec"
printf 'syz\377*\n# comment\n\377@*\n' > "$T/bots"
printf 'Ann \377 <a@y.org> <ann@x.org>\n' > "$T/mailmap"
printf 'x.org Ex\377ample\n' > "$T/orgs"

domtally --no-bots -b "$T/bots" "$T/rec" > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/err")" "0:" "invalid bytes in a record and the bot list"
printf '      1 Ann <ann@x.org>\n      1 J\303\277rg <j@x.org>\n      1 x <j\303\276@x.org>\n' \
    > "$T/want"
cmp_files "$T/out" "$T/want" "an invalid byte in a name or an address is read as windows-1252"
domtally -m "$T/mailmap" --no-bots "$T/rec" > "$T/out" 2> "$T/err"
is "$?:$(grep -c "$(printf 'Ann \303\277 <a@y.org>')" "$T/out")" "0:1" \
    "invalid bytes in a mailmap"
domtally -o "$T/orgs" "$T/rec" > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/out")" "$(printf '0:      3 Ex\303\277ample')" \
    "invalid bytes in an organisation map"
head -c 4096 /dev/zero | tr '\0' '\377' | domtally > "$T/out" 2> "$T/err"
is "$?:$(wc -l < "$T/out"):$(head -c 10 "$T/out")" "$(printf '0:1:      1 \303\277')" \
    "a line of 0xff bytes is one person"
printf '      3 \377\n      2 ok.org\n' | domtally -d --merge > "$T/out"
is "$(tr '\n' '|' < "$T/out")" "$(printf '      3 \303\277|      2 ok.org|')" \
    "merge repairs domain labels too"
finish
