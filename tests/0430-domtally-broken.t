#!/bin/sh
# domtally on hostile input: bytes that are not UTF-8 in records, in the
# bot list, in a mailmap and in an organisation map must neither stop it
# (GLib asserts on invalid UTF-8) nor reach the output.
. "$(dirname "$0")/lib.sh"
plan 6

# An invalid byte in a name (GMime reads such a name as Latin-1); GMime
# refuses one in an address.
printf 'J\377rg <j@x.org>\nAnn <ann@x.org>\nx <j\376@x.org>\n' > "$T/rec"
printf 'syz\377*\n# comment\n\377@*\n' > "$T/bots"
printf 'Ann \377 <a@y.org> <ann@x.org>\n' > "$T/mailmap"
printf 'x.org Ex\377ample\n' > "$T/orgs"

domtally --no-bots -b "$T/bots" "$T/rec" > "$T/out" 2> "$T/err"
is "$?:$(head -n 1 "$T/err")" \
    "1:domtally: $T/rec: line 3: no address in field 1, skipped" \
    "invalid bytes in a record and the bot list"
printf '      1 Ann <ann@x.org>\n      1 J\303\277rg <j@x.org>\n' \
    > "$T/want"
cmp_files "$T/out" "$T/want" "an invalid byte in a name is read as Latin-1"
domtally -m "$T/mailmap" --no-bots "$T/rec" > "$T/out" 2> "$T/err"
is "$?:$(grep -c "$(printf 'Ann \357\277\275 <a@y.org>')" "$T/out")" "1:1" \
    "invalid bytes in a mailmap"
domtally -o "$T/orgs" "$T/rec" > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/out")" "$(printf '1:      2 Ex\357\277\275ample')" \
    "invalid bytes in an organisation map"
head -c 4096 /dev/zero | tr '\0' '\377' | domtally > "$T/out" 2> "$T/err"
is "$?:$(tail -n 1 "$T/err")" "1:domtally: 1 warning" \
    "a line of 0xff bytes is one bad line"
printf '      3 \377\n      2 ok.org\n' | domtally -d --merge > "$T/out"
is "$(tr '\n' '|' < "$T/out")" "$(printf '      3 \357\277\275|      2 ok.org|')" \
    "merge repairs domain labels too"
finish
