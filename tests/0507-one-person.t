#!/bin/sh
# One sender, one text, whichever program reads them: the From of
# tests/data/text/people.mbox gives the same people in mbsplit's index,
# in patchinfo's records and in domtally's tallies of either; stray
# 8-bit bytes read the same in a Subject as in a body; invisible format
# characters are blanked in the index and the tallies, shown in the digest.
. "$(dirname "$0")/lib.sh"
plan 9

mb=$data/text/people.mbox
mbsplit "$mb" > "$T/idx" 2> "$T/err1"
patchinfo -a "$mb" > "$T/pa" 2> "$T/err2"
is "$(cat "$T/err1" "$T/err2")" "" "the sample reads without a warning"
domtally -F from "$T/idx" > "$T/from" 2> "$T/err1"
is "$?:$(cat "$T/err1")" "0:" "mbsplit | domtally -F from counts every sender"
domtally -F author "$T/pa" > "$T/author" 2> "$T/err2"
cmp_files "$T/from" "$T/author" \
    "mbsplit | domtally -F from counts as patchinfo -a | domtally -F author"
is "$(head -n 1 "$T/from")" '      2 "John [ACME]" <john@acme.example>' \
    "the name with unquoted brackets is one person, quoted"
# \223hi\224: windows-1252 curly quotes, in a Subject as in a body.
is "$(awk -F '\t' '$3 == "m2@example.org" { b = $15; sub(/\\n.*/, "", b); print $11 "|" b }' "$T/pa")" \
    "[PATCH] “hi”|Body “hi”." "a Subject and a body decode stray bytes alike"
is "$(awk -F '\t' '$1 == 2 { print $7 }' "$T/idx")" "[PATCH] “hi”" \
    "the index decodes them alike"
# U+202E and a tag character: blanked where they are labels, shown
# where people read them.
is "$(awk -F '\t' '$1 == 3 { print $6 "|" $7 }' "$T/idx")" \
    "Eve  evil <eve@example.org>|[PATCH] abc def  tag" \
    "format characters blanked in the index"
digestfmt patches "$T/pa" > "$T/digest"
is "$(grep '^Author: Eve' "$T/digest")" \
    "Author: Eve <U+202E>evil <eve@example.org>" \
    "format characters shown in the digest"
# Two base64 words, the first ending in padding: both decoded.
printf 'From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: a@example.org\nSubject: =?UTF-8?B?W1BBVENIXQ==?= =?UTF-8?B?IHdob2xl?=\nMessage-ID: <p@x>\n\nb\n' > "$T/pad.mbox"
is "$(mbsplit "$T/pad.mbox" | cut -f 7 | tail -n 1):$(patchinfo -a "$T/pad.mbox" | cut -f 11 | tail -n 1)" \
    "[PATCH] whole:[PATCH] whole" "a word after base64 padding is decoded"
finish
