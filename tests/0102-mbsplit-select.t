#!/bin/sh
# Selection by date, number and header, and the two kinds of dedupe, on a
# hand-written mbox whose messages sit on the edges of each rule.
. "$(dirname "$0")/lib.sh"
plan 12
f=$data/mbsplit/select.mbox

numbers() { grep -v '^#' | cut -f 1 | tr '\n' ' '; }

is "$(mbsplit "$f" | numbers)" "1 2 3 4 5 6 7 " "no option: every message"
is "$(mbsplit --since 2026-08-17 --until 2026-08-24 "$f" 2>"$T/err" | numbers)" \
    "2 3 4 5 " "--since is inclusive, --until exclusive, zones are honoured"
is "$(cat "$T/err")" "mbsplit: $f: message 6, byte 1246: no usable date, not selected
mbsplit: 1 warning" \
    "an undated message is reported with its place"
mbsplit --since 2026-08-17 "$f" >/dev/null 2>&1
is "$?" 1 "an undated message under a date range makes the exit status 1"
is "$(mbsplit --since 2026-08-18T12:00:00Z "$f" 2>/dev/null | numbers)" \
    "4 5 7 " "an ISO 8601 time, and the Received date when Date is missing"
is "$(mbsplit -r 3-5 "$f" | numbers)" "3 4 5 " "a range of numbers"
is "$(mbsplit -r 6- "$f" "$f" | numbers)" \
    "6 7 8 9 10 11 12 13 14 " "numbers run on over several inputs"
is "$(mbsplit -u "$f" 2>"$T/err" | numbers)" "1 2 4 5 6 7 " \
    "--dedupe: the first copy of a Message-ID wins"
is "$(cat "$T/err")" "mbsplit: 1 duplicate dropped" "the dropped copies are counted"
is "$(mbsplit --dedupe-content "$f" "$f" 2>/dev/null | numbers)" \
    "1 2 3 4 6 7 " "--dedupe-content: same sender, subject, date and body"
is "$(mbsplit -M 'subject:^re:' -M 'from:bj.rn' "$f" | numbers)" "4 5 " \
    "-M matches decoded header values, all of them, ignoring case"
mbsplit -M 'nocolon' "$f" >/dev/null 2>&1
is "$?" 2 "a -M without a header name is a usage error"
finish
