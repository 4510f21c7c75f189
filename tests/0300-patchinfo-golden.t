#!/bin/sh
# patchinfo on hand-written mail, one mbox per case: each record is
# compared with its .expect file (written by hand and checked field by
# field), the warnings with .err where a case has them.  Without -a the
# output must be exactly the cover and patch records of the -a output:
# the cheap header scan that skips replies never loses a patch.
. "$(dirname "$0")/lib.sh"
cd "$data/patchinfo" || exit 1
set -- *.mbox
plan $(($# * 3 + 1))

for f in "$@"; do
	c=${f%.mbox}
	patchinfo -a "$f" > "$T/$c.out" 2> "$T/$c.err"
	cmp_files "$T/$c.out" "$c.expect" "$c: records"
	if [ -f "$c.err" ]; then
		cmp_files "$T/$c.err" "$c.err" "$c: warnings"
	else
		cmp_files "$T/$c.err" /dev/null "$c: no warnings"
	fi
	patchinfo "$f" > "$T/$c.def" 2> /dev/null
	awk -F '\t' 'NR == 1 || $1 == "cover" || $1 == "patch"' "$T/$c.out" \
	    > "$T/$c.want"
	cmp_files "$T/$c.def" "$T/$c.want" "$c: default mode = covers and patches"
done

# A lone message without a From_ line, on a pipe.
cat lone.eml | patchinfo > "$T/lone.out"
cmp_files "$T/lone.out" lone.expect "lone message on a pipe"
finish
