#!/bin/sh
# The hand-written fast paths (plain From addresses copied without a
# parse, plain ASCII subjects not decoded) give exactly what the full
# GMime parse gives, on the samples and on the real archives.
. "$(dirname "$0")/lib.sh"
plan 3

for name in samples/kvm-week.mbox seed/kvm-2025-08-19.mbox corpus/kvm-ppc.mbox.xz; do
	fast_paths_agree "$name" mbsplit
done
finish
