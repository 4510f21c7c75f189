#!/bin/sh
# The hand-written fast paths of patchinfo (plain From addresses read
# without a parse, plain ASCII subjects not decoded) give exactly what
# GMime gives, on the test mail, the sample, and the real archives.
. "$(dirname "$0")/lib.sh"
plan 4

patchinfo -a "$data"/patchinfo/*.mbox > "$T/fast" 2> /dev/null
MLD_TEST_NO_FAST_PATHS=1 patchinfo -a "$data"/patchinfo/*.mbox > "$T/slow" \
    2> /dev/null
cmp_files "$T/fast" "$T/slow" "tests/data/patchinfo: the same records without fast paths"

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
	patchinfo -a "$f" > "$T/fast" 2> /dev/null
	MLD_TEST_NO_FAST_PATHS=1 patchinfo -a "$f" > "$T/slow" 2> /dev/null
	cmp_files "$T/fast" "$T/slow" "$name: the same records without fast paths"
done
finish
