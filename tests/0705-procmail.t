#!/bin/sh
# Records filed as mail arrives: the README's procmail recipe, run by
# procmail itself for each message, collects one # header and a record
# per patch with patchinfo --append.
. "$(dirname "$0")/lib.sh"
. "$top/tests/inbox.sh"
command -v procmail > /dev/null || skip_all "procmail is not installed"
plan 7

m=$data/inbox
# The recipe as the README gives it, its paths made the test's.
cat > "$T/rc" <<RC
SHELL=/bin/sh
PATH=$top:/usr/bin:/bin
MAILDIR=$T
LOGFILE=$T/log
:0 c:kvm-patches.lock
* ^List-Id:.*kvm\.vger\.kernel\.org
| patchinfo --append >> $T/kvm-patches.tsv

:0:
$T/received.mbox
RC
deliver() {
	{ printf 'List-Id: %s\n' "$1"; cat "$2"; } | procmail -m "$T/rc"
}
rc=0
for f in 1 2 4 5; do
	deliver '<kvm.vger.kernel.org>' "$m/$f.eml" || rc=$?
done
deliver '<linux-spi.vger.kernel.org>' "$m/3.eml" || rc=$?
is "$rc" 0 "procmail delivered every message"
is "$(grep -c '^Message-ID: ' "$T/received.mbox")" 5 "and kept every message"
is "$(grep -c '^#' "$T/kvm-patches.tsv")" 1 "one # header for four deliveries"
for f in 1 2 4 5; do
	{ printf 'List-Id: <kvm.vger.kernel.org>\n'; cat "$m/$f.eml"; } \
	    > "$T/$f.eml"
	pi_mboxrd "$T/$f.eml"
done > "$T/kvm.mbox"
patchinfo "$T/kvm.mbox" > "$T/want.tsv"
cmp_files "$T/kvm-patches.tsv" "$T/want.tsv" \
    "the file is what patchinfo makes of the list's messages at once"

# --append writes the header when the file is empty or not a file.
: > "$T/empty.tsv"
patchinfo --append "$m/1.eml" >> "$T/empty.tsv"
is "$(grep -c '^#' "$T/empty.tsv")" 1 "--append to an empty file: the header"
is "$(patchinfo --append "$m/1.eml" | grep -c '^#')" 1 \
    "--append to a pipe: the header"
for f in 1 2 3; do
	mbsplit --append "$m/$f.eml" >> "$T/index.tsv"
done
is "$(cut -f 1,5 "$T/index.tsv")" "#n	msgid
1	msg1@example.org
1	msg2@example.org
1	msg3@example.org" "mbsplit --append: one index header for three runs"
finish
