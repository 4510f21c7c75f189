#!/bin/sh
# The hand-written fast paths of patchinfo (plain From addresses read
# without a parse, plain ASCII subjects not decoded) give exactly what
# GMime gives, on the test mail, the sample, and the real archives.
. "$(dirname "$0")/lib.sh"
plan 4

patchinfo -a "$data"/patchinfo/*.mbox > "$T/fast" 2> /dev/null
MLD_TEST_NO_FAST_PATHS=1 patchinfo -a "$data"/patchinfo/*.mbox > "$T/slow" \
    2> /dev/null
cmp_files "$T/fast" "$T/slow" \
    "tests/data/patchinfo: patchinfo writes the same without fast paths"

for name in samples/kvm-week.mbox seed/kvm-2025-08-19.mbox corpus/kvm-ppc.mbox.xz; do
	fast_paths_agree "$name" patchinfo -a
done
finish
