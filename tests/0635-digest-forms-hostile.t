#!/bin/sh
# The forms of the digest over hostile records, generated here: markup,
# script and bidirectional overrides in names, subjects and bodies.  The
# HTML page, as Chromium builds it, holds no element the mail wrote; the
# markdown, as cmark renders it without its own safety net, neither; the
# JSON gives every string back as it was.
. "$(dirname "$0")/lib.sh"
plan 18

H='#kind	date	msgid	series	version	n	total	prefix	author	contributor	subject	title	diffstat	trailers	body'
rec() { printf 'patch\t2026-08-19T10:00:0%s\t%s\t%s\t1\t1\t1\tPATCH\t%s\t%s\t%s\t%s\t\t\t%s\n' \
    "$1" "$2" "$2" "$3" "$3" "[PATCH] $4" "$4" "$5"; }
RLO=$(printf '\342\200\256')
{
	echo "$H"
	rec 1 s1@x '"><img src=x onerror=alert(1)> <evil@example.org>' \
	    '<script>alert(1)</script>' \
	    '</pre><script>alert(2)</script>\n````\n```\n<img src=x onerror=alert(3)>'
	rec 2 s2@x "Eve ${RLO}evil <eve@example.org>" \
	    "gpj.${RLO}exe [click](javascript:alert(1)) *b* & &amp; \`c\`" \
	    "text ${RLO}reversed"
	rec 3 s3@x 'M <m@example.org>' '1. # <!-- -->' '- item\n# heading'
} > "$T/r"

for f in text markdown html json; do
	digestfmt digest --format $f "$T/r" > "$T/$f"
	is "$?" 0 "$f over hostile records: exit 0"
done

check "html: no raw override" sh -c '! grep -q "$1" "$2"' sh "$RLO" "$T/html"
# Eve's name and subject are in the patch list, the list of series
# without a reply and her entry.
is "$(grep -o '&lt;U+202E&gt;' "$T/html" | wc -l)" 8 \
    "html: each override shown as <U+202E>"
is "$(grep -o '<bdi>[^<]*U+202E' "$T/html" | wc -l)" 7 \
    "html: each name and subject that holds one isolated in <bdi>"

if command -v chromium > /dev/null; then
	cp "$T/html" "$T/page.html"
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$T/chrome" --enable-logging=stderr --v=0 \
	    --dump-dom "file://$T/page.html" > "$T/dom" 2> "$T/err"
	is "$(grep -ci '<script\|<img\|<iframe\|onerror="\|href="javascript' "$T/dom")" 0 \
	    "html in Chromium: no element or handler from the mail"
	is "$(grep -c 'CONSOLE' "$T/err")" 0 "html in Chromium: no console message"
	is "$(grep -c '<section class="posting"' "$T/dom")" 3 \
	    "html in Chromium: the three postings"
else
	skip "chromium is not installed" 3
fi

if command -v cmark > /dev/null; then
	cmark --unsafe "$T/markdown" > "$T/md.html"
	is "$(grep -ci '<script\|<img\|<!--\|href="javascript\|<em>\|<code>c' "$T/md.html")" 0 \
	    "markdown in cmark --unsafe: no markup from the mail"
	is "$(grep -c '^<h3>New: ' "$T/md.html").$(grep -c '<pre><code>' "$T/md.html")" \
	    "3.3" "markdown: three entries, each body one code block"
	check "markdown: the backticks of a body inside its block" \
	    grep -q '^````$' "$T/md.html"
	check "markdown: no raw override" sh -c '! grep -q "$1" "$2"' sh \
	    "$RLO" "$T/md.html"
else
	skip "cmark is not installed" 3
fi

if command -v jq > /dev/null; then
	is "$(jq -r '.entries[] | .subject' "$T/json")" \
	    "[PATCH] 1. # <!-- -->
[PATCH] gpj.${RLO}exe [click](javascript:alert(1)) *b* & &amp; \`c\`
[PATCH] <script>alert(1)</script>" "json: the subjects as they were"
	is "$(jq -r '.entries[2].body' "$T/json")" \
	    '</pre><script>alert(2)</script>
````
```
<img src=x onerror=alert(3)>' "json: a body as it was"
else
	skip "jq is not installed" 2
fi

# A control character and invalid UTF-8 in a record still give JSON.
{ echo "$H"; rec 4 s4@x "$(printf 'A\001 <a@x>')" "$(printf 'bad \377 \342\200\250 end')" 'b'; } > "$T/r2"
digestfmt digest --format json "$T/r2" > "$T/j2"
if command -v jq > /dev/null; then
	is "$(jq -r '.entries[0].author' "$T/j2" | od -An -c | tr -s ' ')" \
	    "$(printf 'A\001 <a@x>\n' | od -An -c | tr -s ' ')" \
	    "json: a control character escaped, given back"
else
	skip "jq is not installed" 1
fi
check "json: valid UTF-8 without raw control characters" sh -c \
    'iconv -f UTF-8 -t UTF-8 "$1" > /dev/null &&
     ! LC_ALL=C tr -d "\n" < "$1" | LC_ALL=C grep -q "[[:cntrl:]]"' sh "$T/j2"
finish
