#!/bin/sh
# domtally over hand-written records: the three modes, mailmap and
# organisation map, bots, cuts, bad lines, plain lines, exit statuses.
. "$(dirname "$0")/lib.sh"
plan 28

d=$data/domtally
pc() { awk -F '\t' '$1 == "patch" || $1 == "cover"' "$d/seed.tsv"; }

# The digest counts patches and cover letters only; the caller picks
# them (here with awk, which also drops the header: field 10 is used).
pc | domtally > "$T/out"
cmp_files "$T/out" "$d/seed-people.expect" "people of patches and covers"
pc | domtally -d -n 15 > "$T/out"
cmp_files "$T/out" "$d/seed-domains.expect" "domains of patches and covers"

# With the header, the contributor column is found by name.
domtally --no-bots -d "$d/seed.tsv" > "$T/out"
cmp_files "$T/out" "$d/seed-all-domains.expect" "all kinds, no bots, by header"
domtally -d "$d/seed.tsv" > "$T/out"
is "$(grep -c syzkaller "$T/out")" 1 "bots count unless --no-bots"
domtally -o "$d/orgs.map" --no-bots "$d/seed.tsv" > "$T/out"
cmp_files "$T/out" "$d/seed-orgs.expect" "organisations, longest match"
domtally -F author -m "$d/seed.mailmap" "$d/seed.tsv" > "$T/out"
cmp_files "$T/out" "$d/seed-author-mailmap.expect" "mailmap over the author column"
domtally -f 9 -m "$d/seed.mailmap" "$d/seed.tsv" > "$T/out2"
cmp_files "$T/out2" "$T/out" "field 9 is the author column"
domtally -m "$d/seed.mailmap" "$d/seed.tsv" | grep guoren > "$T/out"
is "$(cat "$T/out")" "      2 Guo Ren <guoren@kernel.org>" \
    "mailmap by name and address"

# Cuts and percentages.
pc | domtally -d -n 2 > "$T/out"
is "$(cat "$T/out")" "$(head -n 2 "$d/seed-domains.expect")" "-n 2"
pc | domtally -d --min 4 | wc -l > "$T/out"
is "$(tr -d ' ' < "$T/out")" 3 "--min 4"
pc | domtally -d -p -n 1 > "$T/out"
is "$(cat "$T/out")" "      7  29.2% intel.com" "-p: share of all 24 counted"

# The spoof case: the name is quoted, only <real@example.com> counts.
domtally -d "$d/spoof.tsv" > "$T/out"
is "$(grep -c 'bank\.example$' "$T/out")" 0 "bank.example never counted"
is "$(head -n 1 "$T/out")" "      1 bank.example.net" "a neighbour domain stays apart"
domtally "$d/spoof.tsv" > "$T/out"
is "$(head -n 1 "$T/out")" \
    '      1 "evil<spoof@bank.example>" <real@example.com>' \
    "spoof: one person at example.com, name quoted"
mbsplit "$d/spoof.mbox" | domtally -F from -d > "$T/out2"
domtally -d "$d/spoof.tsv" > "$T/out"
cmp_files "$T/out2" "$T/out" "spoof from the mbox through mbsplit's index"

# Bad lines: reported with their line number, skipped, counted.
(cd "$top" && domtally tests/data/domtally/bad.tsv) > "$T/out" 2> "$T/err"
is "$?" 1 "bad lines: exit 1"
printf '      2 Ann <ann@example.org>\n      1 Bob <bob@example.org>\n' > "$T/want"
cmp_files "$T/out" "$T/want" "bad lines: the good ones still count"
cmp_files "$T/err" "$d/bad.err" "bad lines: diagnostics"

# Plain lines: one address a line, no header.
printf 'a@X.org\nB <b@x.org>\nlocal\n' | domtally -d > "$T/out"
printf '      2 x.org\n      1 (no domain)\n' > "$T/want"
cmp_files "$T/out" "$T/want" "plain lines; an address without a domain"

# The same records in another order print the same bytes.
{ head -n 1 "$d/seed.tsv"; tail -n +2 "$d/seed.tsv" | sort -r; } |
    domtally > "$T/out"
domtally "$d/seed.tsv" > "$T/out2"
cmp_files "$T/out" "$T/out2" "input order does not change the output"

# Exit statuses and the end of output.
domtally "$d/seed.tsv" > /dev/full 2> "$T/err"
is "$?" 1 "a full disk is an error"
domtally -d -o "$d/orgs.map" < /dev/null 2> /dev/null
is "$?" 2 "-d with -o is a usage error"
domtally -n x < /dev/null 2> /dev/null
is "$?" 2 "a bad number is a usage error"
domtally -F nosuch "$d/seed.tsv" > /dev/null 2> "$T/err"
is "$?:$(cat "$T/err")" \
    "1:domtally: $d/seed.tsv: line 2: the header has no column nosuch" \
    "a header without the column"
domtally < /dev/null > "$T/out"
is "$?:$(wc -c < "$T/out")" "0:0" "empty input, empty tally"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "p%d@d%d.example\n", i, i }' \
    > "$T/many"
{ domtally "$T/many" 2> "$T/err"; echo $? > "$T/status"; } | head -n 1 > /dev/null
is "$(cat "$T/status"):$(wc -c < "$T/err")" "0:0" \
    "a closed pipe ends quietly, status 0"
domtally -q -d "$d/seed.tsv" > "$T/out" 2> "$T/err"
is "$(cat "$T/out" "$T/err")" "$(domtally -d "$d/seed.tsv")" \
    "-q: the same tally, nothing on stderr"
domtally --list-bots | grep -c '^lkp@intel.com$' > "$T/out"
is "$(cat "$T/out")" 1 "the default bot list names the kernel test robot"
finish
