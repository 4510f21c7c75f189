#!/bin/sh
# Many archives at once, the README's recipe with GNU parallel: records
# of two epochs made two at a time, concatenated in epoch order, and
# their tallies summed with domtally --merge, equal the one-process run.
. "$(dirname "$0")/lib.sh"
. "$top/tests/inbox.sh"
command -v git > /dev/null || skip_all "git is not installed"
command -v parallel > /dev/null || skip_all "GNU parallel is not installed"
plan 6

# The sample week in two epochs: its first 20 messages, then the rest.
mbsplit -d "$T/week" "$samples/kvm-week.mbox" > "$T/files"
pi=$T/kvm
pi_inbox "$pi"
n=0
while read -r f; do
	n=$((n + 1))
	if [ "$n" -le 20 ]; then e=0; else e=1; fi
	pi_add "$pi/git/$e.git" "$f" > /dev/null
done < "$T/files"

patchinfo -a "$pi" > "$T/one.tsv"
domtally -a -d -n 0 "$T/one.tsv" > "$T/one.dom"
domtally -a -n 0 "$T/one.tsv" > "$T/one.ppl"
digestfmt patches "$T/one.tsv" > "$T/one.patches"

epochs() { ls -d "$pi"/git/*.git | sort -V; }
epochs | parallel --will-cite -k -j2 'patchinfo -a -q {}' > "$T/par.tsv"
is "$?" 0 "parallel: exit 0"
grep -v '^#' "$T/one.tsv" > "$T/one.recs"
grep -v '^#' "$T/par.tsv" > "$T/par.recs"
cmp_files "$T/par.recs" "$T/one.recs" \
    "records of the epochs, concatenated in order: the one-process records"
is "$(wc -l < "$T/one.recs")" "$(grep -c '^From ' "$samples/kvm-week.mbox")" \
    "a record for every message of the week"
epochs | parallel --will-cite -k -j2 'patchinfo -a -q {} | domtally -a -d -n 0' |
    domtally -d --merge -n 0 > "$T/par.dom"
cmp_files "$T/par.dom" "$T/one.dom" "domain tallies merged: the one-process tally"
epochs | parallel --will-cite -k -j2 'patchinfo -a -q {} | domtally -a -n 0' |
    domtally --merge -n 0 > "$T/par.ppl"
cmp_files "$T/par.ppl" "$T/one.ppl" "people tallies merged: the one-process tally"
digestfmt patches "$T/par.tsv" > "$T/par.patches"
cmp_files "$T/par.patches" "$T/one.patches" \
    "the patch list from the concatenated records: the same"
finish
