#!/bin/sh
# The forms of the digest over the sample week, as their readers see
# them: a golden file each; the markdown rendered by cmark, the JSON read
# by jq, the HTML page opened by a headless Chromium, the email parsed by
# Python's email package, each holding the same postings and entries as
# the text form.  The links, their template and their absence.
. "$(dirname "$0")/lib.sh"
plan 40

week=$samples/kvm-week.mbox
# The email's Date is this moment, for a golden file (see digestfmt(1)).
SOURCE_DATE_EPOCH=1787054400
export SOURCE_DATE_EPOCH
mldigest --list KVM "$week" > "$T/text"
for f in markdown html json; do
	mldigest --list KVM --format $f "$week" > "$T/$f"
	is "$?" 0 "$f: exit 0"
	cmp_files "$T/$f" "$data/kvm-week.$f.expect" "$f: golden file"
done
mldigest --list KVM --format email --mail-from 'Digest Bot <digest@example.org>' \
    --mail-to kvm@example.org "$week" > "$T/email"
is "$?" 0 "email: exit 0"
cmp_files "$T/email" "$data/kvm-week.email.expect" "email: golden file"

# What the text form holds, counted in it.
postings=$(awk '/^===== Patch list/ { f = 1; next } /^=====/ { f = 0 }
	f && NF' "$T/text" | wc -l)
new=$(grep -c '^New: ' "$T/text")
exist=$(grep -c '^Exist: ' "$T/text")
skip=$(grep -c '^Skip: ' "$T/text")
sup=$(grep -c '^Superseded: ' "$T/text")
links=$(grep -c '^Link: https://lore.kernel.org/r/' "$T/text")
is "$postings.$new.$exist.$skip.$sup.$links" "7.6.1.1.1.9" \
    "text: 7 postings, 6 New, 1 Exist, 1 Skip, 1 Superseded, a link each"

# The whole digest in one call is the text parts one after the other.
recs=$data/digest-basic.tsv
{
	digestfmt header --list KVM "$recs"
	digestfmt tally -d -n 2 "$data/tally-domains.txt"
	digestfmt tally -n 2 "$data/tally-domains.txt"
	digestfmt tally -r -n 2 "$data/tally-domains.txt"
	digestfmt patches "$recs"
} > "$T/parts"
digestfmt digest --list KVM -n 2 --domains "$data/tally-domains.txt" \
    --people "$data/tally-domains.txt" \
    --reviewers "$data/tally-domains.txt" "$recs" > "$T/whole"
cmp_files "$T/whole" "$T/parts" "digest --format text is the parts in order"

if command -v jq > /dev/null; then
	is "$(jq '.postings | length' "$T/json")" "$postings" \
	    "json: one posting per list line"
	is "$(jq -r '[.entries[] | .state] | "\(map(select(. == "new")) | length).\(map(select(. == "exist")) | length).\(map(select(. == "skip")) | length).\(map(select(. == "superseded")) | length)"' "$T/json")" \
	    "$new.$exist.$skip.$sup" "json: the entries of the text, by state"
	is "$(jq -r '.tallies.people.rows | map(.count) | add' "$T/json")" \
	    "$(awk '/^Top 15 contributors/ { f = 1; next } /^=====/ { f = 0 }
		f { n += $1 } END { print n }' "$T/text")" \
	    "json: the people tally adds up as in the text"
	# The status as the text writes it, from the JSON's fields.
	is "$(jq -r '.postings[] | .status as $s | "\(.subject) (\(.author), \($s.total) patch\(if $s.total == 1 then "" else "es" end)\(if $s.missing > 0 then ", \($s.missing) missing" else "" end)\(if $s.prev_version > 0 and $s.resend then ", resent, first \($s.prev_date[0:10])" elif $s.prev_version > 0 and $s.prev_seen then ", v\(.version), v\($s.prev_version) in the digest of \($s.prev_date[0:10])" elif $s.prev_version > 0 then ", v\($s.prev_version) of \($s.prev_date[0:10])" else "" end)\(if $s.replies > 0 then ", \($s.replies) repl\(if $s.replies == 1 then "y" else "ies" end)" else "" end)\(if $s.revisions > 0 then ", \($s.revisions) revision\(if $s.revisions == 1 then "" else "s" end)" else "" end)\(if $s.reviewed > 0 then ", Reviewed-by \($s.reviewed)" else "" end)\(if $s.acked > 0 then ", Acked-by \($s.acked)" else "" end)\(if $s.tested > 0 then ", Tested-by \($s.tested)" else "" end)\(if $s.nacked > 0 then ", Nacked-by \($s.nacked)" else "" end)\(if $s.applied then ", applied" else "" end)\(if $s.superseded then ", superseded" else "" end))"' "$T/json")" \
	    "$(awk '/^===== Patch list/ { f = 1; next } /^=====/ { f = 0 }
		f && NF' "$T/text")" "json: the patch list, line by line"
	is "$(jq -r '.entries[] | select(.state == "new") | .title' "$T/json")" \
	    "$(sed -n 's/^New: //p' "$T/text")" "json: the New titles, in order"
	is "$(jq -r '.entries[].link' "$T/json")" \
	    "$(sed -n 's/^Link: //p' "$T/text")" "json: the links of the text"
	is "$(jq -r '.period | "\(.from) \(.to)"' "$T/json")" \
	    "$(sed -n '1s/^From \(.*\) to \(.*\)$/\1 \2/p' "$T/text")" \
	    "json: the period of the header"
else
	skip "jq is not installed" 7
fi

if command -v cmark > /dev/null; then
	cmark --unsafe "$T/markdown" > "$T/md.html"
	is "$(awk '/<h2>Patch list/ { f = 1; next } /<h2>/ { f = 0 }
		f && /^<li>/' "$T/md.html" | wc -l)" "$postings" \
	    "markdown: one list item per posting"
	is "$(grep -c '^<h3>New: ' "$T/md.html").$(grep -c '^<h3>Exist: ' \
	    "$T/md.html").$(grep -c '^<h3>Skip: ' "$T/md.html")" \
	    "$new.$exist.$skip" "markdown: the entries of the text"
	is "$(grep -c '<pre><code>' "$T/md.html")" "$new" \
	    "markdown: each commit message one code block"
	is "$(sed -n 's/^<h3>New: \(.*\)<\/h3>$/\1/p' "$T/md.html")" \
	    "$(sed -n 's/^New: //p' "$T/text" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')" \
	    "markdown: the New titles, as written"
else
	skip "cmark is not installed" 4
fi

# Chromium prints the page as it built it, and what the page logged.
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$T/chrome" --enable-logging=stderr --v=0 "$@"
}
if command -v chromium > /dev/null; then
	cp "$T/html" "$T/page.html"
	chrome --dump-dom "file://$T/page.html" > "$T/dom" 2> "$T/chrome.err"
	# A section per series, holding a line for each of its other
	# postings: each posting is one or the other.
	is "$(($(grep -c '<section class="posting" id="p[0-9]*">' \
	    "$T/dom") + $(grep -c '<article class="entry [a-z ]*" id="p[0-9]*">' \
	    "$T/dom")))" "$postings" \
	    "html in Chromium: a section or a line per posting"
	is "$(grep -c '<article class="entry new' "$T/dom").$(grep -c \
	    '<article class="entry exist' "$T/dom").$(grep -c \
	    '<article class="entry skip' "$T/dom").$(grep -c \
	    '<article class="entry superseded' "$T/dom")" \
	    "$new.$exist.$skip.$sup" "html in Chromium: the entries of the text"
	is "$(grep -ci 'CONSOLE\|Failed to load\|Refused' "$T/chrome.err")" 0 \
	    "html in Chromium: no console message, nothing refused"
	grep -o 'href="#p[0-9]*"' "$T/dom" | sed 's/href="#\(.*\)"/\1/' |
	    sort -u > "$T/hrefs"
	grep -o ' id="p[0-9]*"' "$T/dom" | sed 's/ id="\(.*\)"/\1/' |
	    sort -u > "$T/ids"
	is "$(wc -l < "$T/hrefs").$(comm -23 "$T/hrefs" "$T/ids" | wc -l)" \
	    "$postings.0" "html: every list item links to its posting"
else
	skip "chromium is not installed" 4
fi
check "html: no script, nothing from elsewhere" sh -c \
    '! grep -Eqi "<script|<link|<img|<iframe|src=|@import|url\\(" "$1"' sh "$T/html"

if command -v python3 > /dev/null; then
	python3 - "$T/email" "$T/text" "$T/html" > "$T/py" 2>&1 <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'),
    policy=email.policy.default)
text = open(sys.argv[2], encoding='utf-8').read()
html = open(sys.argv[3], encoding='utf-8').read()
parts = list(m.iter_parts())
print(m.get_content_type(), [p.get_content_type() for p in parts])
print(m['Subject'] == 'KVM mailing list update from 2026-08-17T09:00:00Z to 2026-08-21T02:00:02Z',
      m['From'].addresses[0].addr_spec, m['To'].addresses[0].addr_spec,
      m['Message-ID'].startswith('<mldigest.'), m['Date'].datetime.timestamp())
print(parts[0].get_content() == text, parts[1].get_content() == html)
PY
	is "$(cat "$T/py")" "multipart/alternative ['text/plain', 'text/html']
True digest@example.org kvm@example.org True 1787054400.0
True True" "email in Python: both parts, each the form it names"
else
	skip "python3 is not installed" 1
fi
check "email: every line fits SMTP (998)" sh -c \
    '! awk "length > 998" "$1" | grep -q .' sh "$T/email"
SOURCE_DATE_EPOCH= mldigest --list KVM --format email --mail-from a@example.org \
    --mail-to b@example.org "$week" | grep '^Date: ' > "$T/date"
check "email: without SOURCE_DATE_EPOCH, dated now" \
    grep -q "^Date: .* $(date -u +%Y) " "$T/date"

# Links: none, another template, and Message-IDs that need encoding.
mldigest --list KVM --no-links "$week" > "$T/nolinks"
is "$(grep -v '^Link: ' "$T/text" | cmp - "$T/nolinks" && echo same)" same \
    "--no-links: the text without its Link lines"
mldigest --no-links --format json "$week" | jq -e '[.entries[], .postings[] | .link] | all(. == null)' > /dev/null
is "$?" 0 "--no-links: every json link null"
mldigest --link 'https://mail.example.org/mid/{msgid}/raw' "$week" |
    grep -m 1 '^Link: ' > "$T/link"
is "$(cat "$T/link")" "Link: https://mail.example.org/mid/la-1@example.cn/raw" \
    "--link: another template"
H='#kind	date	msgid	series	version	n	total	prefix	author	contributor	subject	title	diffstat	trailers	body'
printf '%s\npatch\t2026-08-17T00:00:00Z\ta/b?c#d%%e f<g>"h@x\ts\t1\t1\t1\tPATCH\tA <a@x>\tA <a@x>\t[PATCH] t\tt\t\t\tb\n' \
    "$H" > "$T/odd.tsv"
is "$(digestfmt patches "$T/odd.tsv" | sed -n 's/^Link: //p')" \
    "https://lore.kernel.org/r/a%2Fb%3Fc%23d%25e%20f%3Cg%3E%22h@x" \
    "a Message-ID percent-encoded as public-inbox does"
is "$(digestfmt digest --format markdown "$T/odd.tsv" | sed -n 's/^- Link: //p')" \
    '[https://lore.kernel.org/r/a%2Fb%3Fc%23d%25e%20f%3Cg%3E%22h@x](<https://lore.kernel.org/r/a%2Fb%3Fc%23d%25e%20f%3Cg%3E%22h@x>)' \
    "markdown: the same link"

# The command line.
digestfmt digest --format bogus "$recs" > /dev/null 2>&1
is "$?" 2 "unknown format: exit 2"
digestfmt digest --link 'https://x/' "$recs" > /dev/null 2>&1
is "$?" 2 "a template without {msgid}: exit 2"
digestfmt digest --format email --mail-to a@example.org "$recs" \
    > /dev/null 2>&1
is "$?" 2 "email without --mail-from: exit 2"
digestfmt digest --format email --mail-from ',' --mail-to a@example.org \
    "$recs" > /dev/null 2>&1
is "$?" 2 "email with no address in --mail-from: exit 2"
mldigest --format html "$week" > /dev/full 2> /dev/null
is "$?" 1 "html to a full disk: exit 1"
mldigest --format nope "$week" > /dev/null 2>&1
is "$?" 2 "mldigest --format nope: exit 2"
finish
