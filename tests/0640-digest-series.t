#!/bin/sh
# The digest of postings: the status of each posting, the series without
# a reply, the pull requests, who reviewed (tests/data/series/review.tsv,
# its golden checked by hand); the same digest from seriesinfo's records
# as from the series module in digestfmt; a version posted a week later
# names the digest that had the one before; and the digest of an mbox is
# byte for byte the same whatever the order of its messages.
. "$(dirname "$0")/lib.sh"
plan 15

d=$data/digest-series
digestfmt patches "$data/series/review.tsv" > "$T/review"
cmp_files "$T/review" "$d/review.expect" "review: status, sections and names"
seriesinfo "$data/series/review.tsv" > "$T/review.p"
digestfmt patches -p "$T/review.p" "$data/series/review.tsv" > "$T/review.2"
cmp_files "$T/review.2" "$d/review.expect" \
    "the same from seriesinfo's posting records"

# The other forms say the same as the text.
for f in markdown html json; do
	digestfmt digest -F $f "$data/series/review.tsv" > "$T/review.$f"
done
# What follows each author in the lists, and the review lines.
sed -n 's/^[^(]* (\(.*\))$/\1/p' "$T/review" > "$T/status.text"
sed -n 's/^[0-9]*\. .*(<[^>]*>) (\(.*\))$/\1/p' "$T/review.markdown" |
    sed 's/\\//g' > "$T/status.md"
cmp_files "$T/status.md" "$T/status.text" \
    "markdown: the author and status of each line of the three lists"
grep -E '^(Reviewed|Acked|Tested|Nacked)-by: ' "$T/review" > "$T/names.text"
sed -n 's/^- \(\(Reviewed\|Acked\|Tested\|Nacked\)-by: .*\)$/\1/p' \
    "$T/review.markdown" | sed 's/\\//g' > "$T/names.md"
cmp_files "$T/names.md" "$T/names.text" "markdown: the review lines"
is "$(grep -o '<span class="badge [a-z]*">[^<]*' "$T/review.html" |
    sed 's/.*">//' | tr '\n' '|')" \
    "applied|4 replies|Reviewed-by 1|Acked-by 1|Tested-by 1|Nacked-by 1|applied|1 reply|applied|" \
    "html: a badge for each part of the status"
if command -v jq > /dev/null; then
	is "$(jq -r '.pulls[] | "\(.subject) (\(.author)\(if .status.replies > 0 then ", \(.status.replies) repl\(if .status.replies == 1 then "y" else "ies" end)" else "" end)\(if .status.applied then ", applied" else "" end))"' "$T/review.json")" \
	    "$(sed -n '/^===== Pull requests/,/^===== Patch Commit/p' "$T/review" |
		grep '^\[')" "json: the pull requests of the text"
	is "$(jq -r '.entries[].reviews[] | "\(.trailer): \(.name)"' \
	    "$T/review.json")" "$(cat "$T/names.text")" \
	    "json: the review lines of the text"
else
	skip "jq is not installed" 2
fi

# Week 1 has v4 (and a review of it), week 2 v5: the state says when v4
# was in a digest.  Week 2's cover only repeats its patch: Skip.
seen=$T/seen
digestfmt patches -s "$seen" "$d/week1.tsv" > /dev/null
is "$(grep -c '^lineage ann@example.org mm faster reclaim	v4 2026-06-20$' "$seen")" 1 \
    "the state keeps the lineage, its version and the digest's day"
digestfmt patches -s "$seen" "$d/week2.tsv" > "$T/week2"
is "$(grep 'mm: faster reclaim (.*patches' "$T/week2")" \
    "[PATCH v5 0/2] mm: faster reclaim (Ann Dev <ann@example.org>, 2 patches, v5, v4 in the digest of 2026-06-20)" \
    "v5 a week later: v4 was in the digest of its day"
is "$(grep -c '^Skip: \[PATCH 0/1\] dma: fix the map$' "$T/week2")" 1 \
    "a cover repeating its only patch: Skip"
is "$(grep -c '^lineage .*	v5 2026-06-28$' "$seen")" 1 \
    "then the state keeps v5"

# An mbox in another order: split into messages, joined again reversed
# and shuffled.
mbsplit -d "$T/msgs" "$samples/kvm-week.mbox" > /dev/null
ls "$T/msgs" | sort > "$T/names"
mldigest "$samples/kvm-week.mbox" > "$T/fwd"
for how in reverse shuffle; do
	case $how in
	reverse) sort -r "$T/names" ;;
	shuffle) awk 'BEGIN { srand(5) } { print rand() "\t" $0 }' \
	    "$T/names" | sort -n | cut -f 2- ;;
	esac | while read -r m; do
		echo "From mldigest-test Thu Jan  1 00:00:00 1970"
		sed 's/^>*From />&/' "$T/msgs/$m"
		echo
	done > "$T/$how.mbox"
	mldigest "$T/$how.mbox" > "$T/$how"
	cmp_files "$T/$how" "$T/fwd" "kvm-week $how: the same digest"
	patchinfo -a "$T/$how.mbox" | seriesinfo > "$T/$how.p"
	patchinfo -a "$samples/kvm-week.mbox" | seriesinfo > "$T/fwd.p"
	cmp_files "$T/$how.p" "$T/fwd.p" "kvm-week $how: the same postings"
done
finish
