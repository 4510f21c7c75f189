#!/bin/sh
# Tallies of shards, summed with --merge, equal the tally of the whole:
# on a real archive split in shards, and on a hand-made case where only
# --all-names keeps the name a person used most.
. "$(dirname "$0")/lib.sh"
plan 12

d=$data/domtally

# A person used "A" 3 times and "B" twice, but "B" wins the first shard
# by more than "A" wins the second: one row per person loses that.
printf 'A <a@x.org>\nB <a@x.org>\nB <a@x.org>\na@x.org\n' > "$T/s1"
printf 'A <a@x.org>\nA <a@x.org>\nC <a@x.org>\n' > "$T/s2"
cat "$T/s1" "$T/s2" | domtally > "$T/whole"
is "$(cat "$T/whole")" "      7 A <a@x.org>" "whole: the name used most"
for s in s1 s2; do domtally -a "$T/$s"; done | domtally --merge > "$T/out"
cmp_files "$T/out" "$T/whole" "shards with --all-names merge exactly"
for s in s1 s2; do domtally "$T/$s"; done | domtally --merge > "$T/out"
is "$(cat "$T/out")" "      7 B <a@x.org>" \
    "shards without it: the count is exact, the name may not be"

# Merge input that is not a tally is reported and skipped.
printf '      2 a.org\nnot a tally\n      1 b.org\n' |
    domtally -d --merge > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/out" | tr '\n' ' ')" "1:      2 a.org       1 b.org " \
    "merge: a bad line is skipped, exit 1"
is "$(cat "$T/err")" "domtally: stdin: line 2: not a tally line, skipped
domtally: 1 line skipped
domtally: 1 warning" "merge: the bad line is reported"

# A real archive, indexed by mbsplit, in 7 shards each with the header.
mbox=$(corpus_xz corpus/kvm-ppc.mbox.xz 2>/dev/null)
if [ -z "$mbox" ]; then
	for i in 1 2 3 4 5 6 7; do
		ntest=$((ntest + 1))
		echo "ok $ntest # SKIP ../shared/corpus/kvm-ppc.mbox.xz is absent"
	done
	finish
	exit
fi
mbsplit "$mbox" > "$T/index"
head -n 1 "$T/index" > "$T/header"
grep -v '^#' "$T/index" > "$T/records"
split -n l/7 "$T/records" "$T/shard."
# shards OPTION: the tallies of the shards, each printed with OPTION.
shards() {
	for s in "$T"/shard.*; do
		cat "$T/header" "$s" | domtally -F from "$1"
	done
}
shards -a | domtally --merge > "$T/merged"
domtally -F from "$T/index" > "$T/whole"
cmp_files "$T/merged" "$T/whole" "kvm-ppc in 7 shards: people merge exactly"
shards -d | domtally -d --merge > "$T/merged"
domtally -F from -d "$T/index" > "$T/whole"
cmp_files "$T/merged" "$T/whole" "kvm-ppc in 7 shards: domains merge exactly"

# An independent count of the domains: the address in the last <...>
# (or the whole field), lower-cased, its domain.
awk -F '\t' '!/^#/ {
	f = $6
	if (match(f, /<[^<>]*>$/)) a = substr(f, RSTART + 1, RLENGTH - 2)
	else a = f
	n = split(tolower(a), p, "@")
	c[n > 1 ? p[n] : "(no domain)"]++
} END { for (k in c) printf "%7d %s\n", c[k], k }' "$T/index" |
    LC_ALL=C sort -k1,1nr -k2,2 > "$T/want"
domtally -F from -d "$T/index" > "$T/out"
cmp_files "$T/out" "$T/want" "kvm-ppc domains = an awk count"
is "$(awk '{ s += $1 } END { print s }' "$T/out")" \
    "$(grep -c '^From ' "$mbox")" "kvm-ppc: one count per message"

# patchinfo's records of the same archive, in shards, and a mailmap
# that joins a person's two addresses, checked against grep.
if [ ! -x "$top/patchinfo" ]; then
	for i in 1 2 3; do
		ntest=$((ntest + 1))
		echo "ok $ntest # SKIP patchinfo is not built"
	done
	finish
	exit
fi
patchinfo "$mbox" > "$T/p.tsv"
head -n 1 "$T/p.tsv" > "$T/header"
rm -f "$T"/shard.*
grep -v '^#' "$T/p.tsv" > "$T/records"
split -n l/5 "$T/records" "$T/shard."
for s in "$T"/shard.*; do
	cat "$T/header" "$s" | domtally -a
done | domtally --merge > "$T/merged"
domtally "$T/p.tsv" > "$T/whole"
cmp_files "$T/merged" "$T/whole" "patchinfo records in 5 shards: merge = whole"
a=sean.j.christopherson@intel.com b=seanjc@google.com
want=$(cut -f 10 "$T/p.tsv" | grep -ci -e "<$a>" -e "<$b>")
echo "Sean Christopherson <$b> <$a>" > "$T/mailmap"
domtally -m "$T/mailmap" "$T/p.tsv" | grep "<$b>" > "$T/out"
is "$(cat "$T/out")" "$(printf '%7d Sean Christopherson <%s>' "$want" "$b")" \
    "a mailmap joins two addresses: $want records"
is "$(domtally -m "$T/mailmap" "$T/p.tsv" | grep -c "<$a>")" 0 \
    "the mapped address is gone"
finish
