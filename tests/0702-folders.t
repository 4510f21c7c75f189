#!/bin/sh
# Maildirs and MH folders as inputs of mbsplit, patchinfo and mldigest:
# folders written here, and the round trip through mbsplit -d.
. "$(dirname "$0")/lib.sh"
. "$top/tests/inbox.sh"
plan 14

m=$data/inbox
week=$samples/kvm-week.mbox

# A maildir: new/ and cur/ read together in the order of the names,
# which begin with the time of delivery; tmp/ and dot files never.
md=$T/maildir
mkdir -p "$md/cur" "$md/new" "$md/tmp"
cp "$m/3.eml" "$md/cur/1786000300.11_1.host:2,S"
cp "$m/1.eml" "$md/new/1786000100.10_1.host"
cp "$m/4.eml" "$md/cur/1786001000.12_1.host:2,"
cp "$m/2.eml" "$md/tmp/1786000200.13_1.host"
cp "$m/5.eml" "$md/new/.hidden"
mbsplit -m "$md" > "$T/md"
is "$?" 0 "maildir: exit 0"
pi_mboxrd "$m/1.eml" "$m/3.eml" "$m/4.eml" > "$T/md.want"
cmp_files "$T/md" "$T/md.want" "maildir: cur and new by name, not tmp, not dot files"

# MH: files named by number, in numeric order; other files are no mail.
mh=$T/mh
mkdir "$mh"
cp "$m/4.eml" "$mh/10"
cp "$m/1.eml" "$mh/2"
cp "$m/3.eml" "$mh/9"
printf 'unseen: 2 9-10\n' > "$mh/.mh_sequences"
cp "$m/5.eml" "$mh/notes"
mbsplit -m "$mh" > "$T/mh.out"
pi_mboxrd "$m/1.eml" "$m/3.eml" "$m/4.eml" > "$T/mh.want"
cmp_files "$T/mh.out" "$T/mh.want" "MH: numbered files in numeric order"
is "$(mbsplit "$mh" | awk -F '\t' 'NR == 3 { print $1, $2, $8 }')" \
    "2 0 $mh/9" "index: the file is the input, offset 0"

patchinfo "$mh" > "$T/mh.tsv"
patchinfo "$T/mh.want" > "$T/mh.want.tsv"
cmp_files "$T/mh.tsv" "$T/mh.want.tsv" "patchinfo: the same records as from an mbox"

# Round trips: the sample week split into a maildir and into an MH
# folder reads back as the same mbox.
mkdir -p "$T/rt/cur" "$T/rt/new" "$T/rt/tmp"
mbsplit -d "$T/rt" "$week" > /dev/null
mbsplit -m "$week" > "$T/week"
mbsplit -m "$T/rt" > "$T/rt.mbox"
cmp_files "$T/rt.mbox" "$T/week" "maildir written by mbsplit -d reads back the same"
mbsplit -d "$T/rtmh" "$week" > /dev/null
mbsplit -m "$T/rtmh" > "$T/rtmh.mbox"
cmp_files "$T/rtmh.mbox" "$T/week" "numbered files written by mbsplit -d read back the same"
mldigest "$T/rtmh" > "$T/digest"
cmp_files "$T/digest" "$data/kvm-week.expect" "mldigest over an MH folder: the golden digest"
mldigest "$T/rt" > "$T/digest"
cmp_files "$T/digest" "$data/kvm-week.expect" "mldigest over a maildir: the golden digest"

# A file longer than the mbox reader's limit is reported and skipped.
big=$T/big
mkdir "$big"
cp "$m/1.eml" "$big/1"
truncate -s 1073741825 "$big/2"
cp "$m/3.eml" "$big/3"
mbsplit "$big" > "$T/out" 2> "$T/err"
is "$?:$(grep -vc '^#' "$T/out")" "1:2" "a file over 1 GiB: exit 1, the others read"
is "$(head -n 1 "$T/err")" \
    "mbsplit: $big/2: message 2, byte 0: message longer than 1 GiB, skipped" \
    "a file over 1 GiB: reported as the mbox reader does"

# A file that cannot be read is reported and skipped.
cp "$m/1.eml" "$mh/11"
chmod 000 "$mh/11"
if [ -r "$mh/11" ]; then
	skip "files are readable whatever their mode (root)" 3
else
	mbsplit "$mh" > "$T/out" 2> "$T/err"
	is "$?" 1 "an unreadable message file: exit 1"
	is "$(head -n 1 "$T/err")" "mbsplit: $mh/11: Permission denied" \
	    "an unreadable message file: named"
	is "$(grep -vc '^#' "$T/out")" 3 "the others read"
fi
finish
