#!/bin/sh
# The hand-written fast paths (plain From addresses copied without a
# parse, plain ASCII subjects not decoded) give exactly what the full
# GMime parse gives, on the samples and on the real archives.
. "$(dirname "$0")/lib.sh"
plan 3

n=0
for name in samples/kvm-week.mbox seed/kvm-2025-08-19.mbox corpus/kvm-ppc.mbox.xz; do
	case $name in
	samples/*) f=$top/$name ;;
	*.xz) f=$(corpus_xz "$name") ;;
	*) f=$(corpus "$name") ;;
	esac
	if [ -z "$f" ]; then
		ntest=$((ntest + 1))
		echo "ok $ntest # SKIP ../shared/$name is absent"
		continue
	fi
	mbsplit "$f" > "$T/fast"
	MLD_TEST_NO_FAST_PATHS=1 mbsplit "$f" > "$T/slow"
	cmp_files "$T/fast" "$T/slow" "$name: the index is the same without fast paths"
done
finish
