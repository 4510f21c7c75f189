#!/bin/sh
# seriesinfo: the postings of hand-written records, one file per case of
# seriesinfo(1) (each .txt says what the case shows), compared with the
# .expect postings and the .map lines; the same records reversed and
# shuffled give byte-identical output; every patch and cover record is
# in exactly one posting; the reviewer lines counted by domtally equal an
# independent count of the reply records' trailers.
. "$(dirname "$0")/lib.sh"
cd "$data/series" || exit 1
set -- *.tsv
plan $(($# * 4 + 18))

# reorder HOW FILE: the header line, then the records reversed or shuffled.
reorder() {
	head -n 1 "$2"
	case $1 in
	reverse) tail -n +2 "$2" | tac ;;
	shuffle) tail -n +2 "$2" |
	    awk 'BEGIN { srand(13) } { print rand() "\t" $0 }' | sort -n |
	    cut -f 2- ;;
	esac
}

for f in "$@"; do
	c=${f%.tsv}
	seriesinfo "$f" > "$T/$c.out"
	cmp_files "$T/$c.out" "$c.expect" "$c: postings"
	seriesinfo -m "$f" > "$T/$c.map"
	cmp_files "$T/$c.map" "$c.map" "$c: one line per message"
	reorder reverse "$f" | seriesinfo > "$T/$c.rev"
	cmp_files "$T/$c.rev" "$c.expect" "$c: the same postings reversed"
	reorder shuffle "$f" | seriesinfo > "$T/$c.shuf"
	cmp_files "$T/$c.shuf" "$c.expect" "$c: the same postings shuffled"
done

# Every cover and patch record (first copy of its Message-ID) is in one
# posting, and that posting is one of the records written.
in_one_posting() {
	seriesinfo "$1" > "$T/p" && seriesinfo -m "$1" > "$T/m" || return 1
	awk -F '\t' '!/^#/ && ($1 == "cover" || $1 == "patch") { print $3 }' \
	    "$1" | sort -u > "$T/want"
	awk -F '\t' 'FILENAME == ARGV[1] && !/^#/ { key[$1] = 1; next }
	    !/^#/ && $2 != "" && ($2 in key) { print $1 }' "$T/p" "$T/m" |
	    sort > "$T/got.all"
	sort -u "$T/got.all" > "$T/got"
	# No message twice in the map, every patch and cover in a posting.
	cmp -s "$T/got.all" "$T/got" &&
	    test -z "$(comm -23 "$T/want" "$T/got")"
}

# The reviewer tally against awk over the reply records' trailers,
# compared as "count address" lines; the address is what lies between
# '<' and '>' (or the line's end), up to a comma, else the first word.
reviewers_agree() {
	seriesinfo -r "$1" | domtally -F reviewer -n 0 |
	    sed 's/^ *\([0-9]*\) .*<\(.*\)>$/\1 \2/' |
	    tr 'A-Z' 'a-z' | sort > "$T/r.got"
	awk -F '\t' '/^#/ { sub(/^#/, ""); for (i = 1; i <= NF; i++) col[$i] = i
		next }
	    $col["kind"] == "reply" && !seen[$col["msgid"]]++ {
		n = split($col["trailers"], t, /\\n/)
		for (i = 1; i <= n; i++) {
			l = tolower(t[i])
			if (l !~ /^(reviewed|acked|tested)-by:/)
				continue
			sub(/^[a-z-]*:[ \t]*/, "", l)
			if (match(l, /<[^>]*/))
				l = substr(l, RSTART + 1, RLENGTH - 1)
			else
				sub(/[ \t#].*/, "", l)
			sub(/,.*/, "", l)
			if (l != "")
				c[l]++
		}
	    } END { for (a in c) print c[a], a }' "$1" | sort > "$T/r.want"
	test -s "$T/r.want" && cmp -s "$T/r.got" "$T/r.want"
}

seriesinfo -R "$T/rv.R" review.tsv > "$T/rv.p"
cmp_files "$T/rv.p" review.expect "-R: the postings on stdout as ever"
seriesinfo -r review.tsv > "$T/rv.r"
cmp_files "$T/rv.R" "$T/rv.r" "-R: the file holds what -r writes"
seriesinfo -R "$T/no/such/dir" review.tsv > "$T/rv.bad" 2> "$T/rv.err"
is "$?:$(wc -c < "$T/rv.bad")" "1:0" "-R: a file that cannot be made: exit 1, nothing written"
is "$(cat "$T/rv.err")" "seriesinfo: $T/no/such/dir: No such file or directory" \
    "-R: a file that cannot be made: named"
check "review: every patch and cover in one posting" in_one_posting review.tsv
check "review: reviewer tally = awk over the replies" reviewers_agree review.tsv

patchinfo -a "$samples/kvm-week.mbox" > "$T/week"
check "kvm-week: every patch and cover in one posting" in_one_posting "$T/week"
seriesinfo "$T/week" > "$T/week.p"
reorder reverse "$T/week" | seriesinfo > "$T/week.rev"
cmp_files "$T/week.rev" "$T/week.p" "kvm-week: reversed, the same postings"

printf '#msgid\n\n' | seriesinfo > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/err")" "1:seriesinfo: stdin: line 2: no Message-ID, skipped
seriesinfo: 1 record skipped
seriesinfo: 1 warning" "a record without a Message-ID: skipped, status 1"
seriesinfo -m -r < /dev/null > /dev/null 2>&1
is "$?" 2 "-m and -r together: a usage error"
seriesinfo < /dev/null > /dev/full 2> /dev/null
is "$?" 1 "a full disk: status 1"

# Hostile threads: two patches answering each other, two replies doing
# the same, a patch answering itself, and a chain of 200,000 single
# patches each answering the next (a walk per message would take hours,
# recursion would overflow the stack).
{
	printf '#kind\tdate\tmsgid\tn\ttotal\tparent\troot\n'
	printf 'patch\t2026-01-01T00:00:00Z\ta\t1\t2\tb\tb\n'
	printf 'patch\t2026-01-01T00:00:00Z\tb\t2\t2\ta\ta\n'
	printf 'reply\t2026-01-01T00:00:01Z\tr1\t1\t1\tr2\tr2\n'
	printf 'reply\t2026-01-01T00:00:01Z\tr2\t1\t1\tr1\tr1\n'
	printf 'patch\t2026-01-02T00:00:00Z\ts\t1\t1\ts\ts\n'
	awk 'BEGIN { for (i = 1; i <= 200000; i++)
		printf "patch\t2026-02-01T00:00:00Z\tc%d\t1\t1\tc%d\tc%d\n",
		    i, i + 1, i + 1 }'
} > "$T/hostile"
timeout 300 seriesinfo "$T/hostile" > "$T/hostile.p"
is "$?" 0 "hostile threads: status 0"
is "$(grep -vc '^#' "$T/hostile.p"):$(grep -c '^a	' "$T/hostile.p")" \
    "200002:1" "hostile threads: a and b one posting, s one, each chained patch one"

mbox=$(corpus_xz corpus/kvm-ppc.mbox.xz 2> /dev/null)
if [ -n "$mbox" ]; then
	patchinfo -a "$mbox" > "$T/ppc"
	check "kvm-ppc: every patch and cover in one posting" \
	    in_one_posting "$T/ppc"
	check "kvm-ppc: reviewer tally = awk over the replies" \
	    reviewers_agree "$T/ppc"
	seriesinfo "$T/ppc" > "$T/ppc.p"
	reorder reverse "$T/ppc" | seriesinfo > "$T/ppc.rev"
	cmp_files "$T/ppc.rev" "$T/ppc.p" "kvm-ppc: reversed, the same postings"
	reorder shuffle "$T/ppc" | seriesinfo > "$T/ppc.shuf"
	cmp_files "$T/ppc.shuf" "$T/ppc.p" "kvm-ppc: shuffled, the same postings"
	is "$(grep -vc "^#" "$T/ppc.p")" 620 "kvm-ppc: the number of postings"
else
	skip "../shared/corpus is absent" 5
fi
finish
