#!/bin/sh
# patchinfo on a real archive (../shared/corpus/kvm-ppc.mbox.xz): with -a
# exactly one record per message, counted against mbsplit's index, each
# with a message ID; the same records, in order, from the messages split
# into files and read with -l; without -a, exactly the covers and patches;
# the count of each kind, which must only change on purpose; and a few
# records checked by hand against the mail.
. "$(dirname "$0")/lib.sh"
mbox=$(corpus_xz corpus/kvm-ppc.mbox.xz) || skip_all "../shared/corpus is absent"
plan 13

patchinfo -a "$mbox" > "$T/all" 2> "$T/all.err"
is "$?:$(cat "$T/all.err")" "1:patchinfo: $mbox: message 1048, byte 7816603: text not in its charset windows-874, read as UTF-8 and windows-1252
patchinfo: 1 warning" "exit status 1: one spam's text is not in the charset it declares"
mbsplit "$mbox" > "$T/index"
is "$(grep -vc '^#' "$T/all")" "$(grep -vc '^#' "$T/index")" \
    "-a: one record per message of the index"
is "$(awk -F '\t' '!/^#/ { print $3 }' "$T/all" | paste -sd ' ' | md5sum)" \
    "$(awk -F '\t' '!/^#/ { print $5 }' "$T/index" | paste -sd ' ' | md5sum)" \
    "-a: the records' message IDs are the index's, in order"
is "$(awk -F '\t' '!/^#/ && $3 == ""' "$T/all" | wc -l)" 0 \
    "every record has a message ID"
is "$(awk -F '\t' '!/^#/ && NF != 19' "$T/all" | wc -l)" 0 \
    "every record has 19 fields"

# The counts per kind (reviewed when first taken; a change must be meant).
# Two mails that were other are patches: each proposes a fix as a diff
# whose mailer wrapped the hunk header and stripped the context lines'
# leading space.  A cover letter gained its diffstat, written at column 0.
is "$(kind_counts "$T/all")" "cover 232 patch 2298 reply 3062 pull 23 other 350 notice 0" \
    "counts per kind"

patchinfo "$mbox" > "$T/def"
awk -F '\t' 'NR == 1 || $1 == "cover" || $1 == "patch"' "$T/all" > "$T/want"
cmp_files "$T/def" "$T/want" "default mode: the covers and patches of -a"

patchinfo -a -l "$(split_of "$mbox")" > "$T/list" 2> /dev/null
cmp_files "$T/list" "$T/all" "-l over mbsplit -d files: the same records"

# The diffstat computed from the diff against the one git wrote: with
# every summary line taken out of the archive, each patch's computed
# diffstat must be what the sender's git printed.  The one exception is
# a patch whose mailer wrapped its long lines, hunk headers included.
awk '/^ [0-9]+ files? changed/ { next } { print }' "$mbox" > "$T/nostat.mbox"
patchinfo "$T/nostat.mbox" > "$T/nostat"
awk -F '\t' '$1 == "patch" { print $3 "\t" $13 }' "$T/all" > "$T/stat.mail"
awk -F '\t' '$1 == "patch" { print $3 "\t" $13 }' "$T/nostat" > "$T/stat.computed"
is "$(wc -l < "$T/stat.computed")" "$(wc -l < "$T/stat.mail")" \
    "without summary lines, the same patches"
is "$(diff "$T/stat.mail" "$T/stat.computed" | grep '^<' | cut -f 1 | tr -d '< ')" \
    "CAJO4vZwtVrYoMPZ9XoEAUJYgo-rND21eGorPrRF5m6rW4WT76w@mail.gmail.com" \
    "computed diffstats are git's, but for one mangled patch"

# Records checked by hand against their mail.
rec() {
	awk -F '\t' -v id="$1" '$3 == id' "$T/all" | cut -f "$2"
}
is "$(rec 1595877869-2746-1-git-send-email-linuxram@us.ibm.com 1,5,6,7,10,13 |
    tr '\t' '|')" \
    "cover|2|0|2|Laurent Dufour <ldufour@linux.ibm.com>|1 file changed, 125 insertions(+), 93 deletions(-)" \
    "a cover letter sent for its author: in-body From, its diffstat"
is "$(rec 20190826062109.7573-5-sjitindarsingh@gmail.com 1,4,6,7,13 |
    tr '\t' '|')" \
    "patch|20190826062109.7573-1-sjitindarsingh@gmail.com|4|23|1 file changed, 49 insertions(+), 39 deletions(-)" \
    "patch 04/23 in its series"
is "$(rec 20200723223004.9586-7-rcampbell@nvidia.com 1,13 | tr '\t' '|')" \
    "patch|1 file changed, 20 deletions(-)" \
    "a patch whose body holds a NUL byte keeps its diff"
finish
