#!/bin/sh
# Nothing lost, for every sample, fixture and real archive: mbsplit finds
# as many messages as an independent count of From_ lines, patchinfo -a
# writes exactly one record per message, and the same records come back
# from mbsplit -m's mbox and from mbsplit -d's files (patchinfo -l), and
# mbsplit -m gives back its own output unchanged.
. "$(dirname "$0")/lib.sh"

inputs=$(find "$samples" "$data" -name '*.mbox' | LC_ALL=C sort)
for name in seed/kvm-2025-08-19.mbox corpus/kvm-ppc.mbox.xz; do
	case $name in
	*.xz) f=$(corpus_xz "$name" 2>/dev/null) ;;
	*) f=$(corpus "$name" 2>/dev/null) ;;
	esac
	inputs="$inputs
${f:-absent:$name}"
done
plan $(($(echo "$inputs" | wc -l) * 5))

for f in $inputs; do
	name=${f#"$top/"}
	case $f in
	absent:*)
		for i in 1 2 3 4 5; do
			ntest=$((ntest + 1))
			echo "ok $ntest # SKIP ../shared/${f#absent:} is absent"
		done
		continue ;;
	$shared/*) name=${f#"$shared/"} ;;
	$share/*) name=corpus/${f#"$share/"} ;;
	esac
	n=$(mbsplit "$f" | grep -vc '^#')
	# Fixtures that test the mbox dialects hold no From_ line a plain
	# count would miss or add; the archives are mboxrd.
	is "$n" "$(grep -c '^From [^ ]* .*[0-9][0-9]:[0-9][0-9]' "$f")" \
	    "$name: mbsplit sees every From_ line"
	patchinfo -a "$f" > "$T/direct" 2> /dev/null
	is "$(grep -vc '^#' "$T/direct")" "$n" "$name: one patchinfo -a record per message"
	mbsplit -m "$f" | patchinfo -a > "$T/again" 2> /dev/null
	cmp_files "$T/again" "$T/direct" "$name: the same records from mbsplit -m"
	# A file keeps no From_ line, whose date stands in for a missing
	# Date field (mbsplit(1)): all columns but the date.
	patchinfo -a -l "$(split_of "$f")" 2> /dev/null | cut -f 1,3- > "$T/files"
	cut -f 1,3- "$T/direct" > "$T/direct.nodate"
	cmp_files "$T/files" "$T/direct.nodate" "$name: the same records from mbsplit -d files"
	mbsplit -m "$f" > "$T/once"
	mbsplit -m "$T/once" > "$T/twice"
	cmp_files "$T/twice" "$T/once" "$name: mbsplit -m of its own output is the same mbox"
done
finish
