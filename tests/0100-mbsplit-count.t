#!/bin/sh
# mbsplit finds as many messages as an independent count of From_ lines,
# and its index tiles the input: each offset is the previous offset plus
# the previous length, and the last one ends at the end of the file.
. "$(dirname "$0")/lib.sh"
plan 6

tiles() {
	awk -F '\t' -v size="$2" '
		/^#/ { next }
		$2 != at { bad = 1 }
		{ at = $2 + $3 }
		END { exit bad || at != size }' "$1"
}

for name in seed/kvm-2025-08-19.mbox corpus/kvm-ppc.mbox.xz; do
	case $name in
	*.xz) f=$(corpus_xz "$name") ;;
	*) f=$(corpus "$name") ;;
	esac
	if [ -z "$f" ]; then
		for i in 1 2 3; do
			ntest=$((ntest + 1))
			echo "ok $ntest # SKIP ../shared/$name is absent"
		done
		continue
	fi
	mbsplit "$f" > "$T/index"
	is "$(grep -vc '^#' "$T/index")" "$(grep -c '^From ' "$f")" \
	    "$name: one index record per From_ line"
	check "$name: offsets and lengths tile the file" \
	    tiles "$T/index" "$(wc -c < "$f")"
	cat "$f" | mbsplit | cut -f 1-7 > "$T/index.pipe"
	cut -f 1-7 "$T/index" > "$T/index.file"
	cmp_files "$T/index.pipe" "$T/index.file" "$name: same index from a pipe"
done
finish
