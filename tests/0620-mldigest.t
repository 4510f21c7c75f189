#!/bin/sh
# mldigest, the whole pipeline, over the sample week: the golden digest,
# a period chosen by date, the seen state of a weekly run, and the
# command line.
. "$(dirname "$0")/lib.sh"
plan 22

week=$samples/kvm-week.mbox

mldigest "$week" > "$T/digest"
is "$?" 0 "sample week: exit 0"
cmp_files "$T/digest" "$data/kvm-week.expect" "sample week: golden digest"
cat "$week" | mldigest > "$T/stdin"
cmp_files "$T/stdin" "$data/kvm-week.expect" "the same from stdin"

# Counted independently: messages with a patch subject that is no reply.
patches=$(grep -c '^Subject: \[PATCH' "$week")
is "$(awk '/^Top 15 contributors/ { f = 1; next } /^=====/ { f = 0 }
	f { n += $1 } END { print n }' "$T/digest")" "$patches" \
    "the people tally counts every patch and cover letter"

# Wednesday to Thursday: the v2 series, the RISC-V pair and the resend;
# the dates label the digest.
mldigest --list KVM --since 2026-08-19 --until 2026-08-21 "$week" \
    > "$T/mid"
is "$(sed -n 2p "$T/mid")" \
    "KVM mailing list update from 2026-08-19 to 2026-08-21" "labels"
is "$(awk '/^===== Patch list/ { f = 1; next } /^=====/ { f = 0 }
	f && NF' "$T/mid" | wc -l)" 3 "three postings in the period"
mldigest --from A --to B --top 2 "$week" > "$T/top"
is "$(sed -n 1p "$T/top")" "From A to B" "labels given"
is "$(awk '/^Top 2 contributors/ { f = 1; next } /^$/ && f == 1 { f = 2; next }
	/^$/ { f = 0 } f == 2' "$T/top" | wc -l)" 2 "--top 2: two people"

# A weekly job: the second run over the same mail reports nothing new.
mldigest --seen "$T/seen" "$week" > "$T/run1"
cmp_files "$T/run1" "$data/kvm-week.expect" "first run with a state: the same"
mldigest --seen "$T/seen" "$week" > "$T/run2"
is "$(grep -c '^New: \|^Skip: ' "$T/run2")" 0 "second run: nothing new"
is "$(grep -c '^Exist: ' "$T/run2")" \
    "$(grep -c '^New: \|^Exist: \|^Skip: ' "$T/run1")" \
    "second run: everything is Exist"

is "$(help_synopsis mldigest)" "$(man_synopsis mldigest.1)" \
    "--help: the synopsis of mldigest(1)"
mldigest --bogus "$week" > /dev/null 2>&1
is "$?" 2 "unknown option: exit 2"
mldigest --top x "$week" > /dev/null 2>&1
is "$?" 2 "bad --top: exit 2"
mldigest --top 18446744073709551617 "$week" 2>&1 > /dev/null | head -n 1 \
    > "$T/err"
is "$(cat "$T/err")" \
    "mldigest: --top: 18446744073709551617: more than 1000000" \
    "an overflowing --top is refused, and why"
mldigest --top 0015 "$week" > "$T/top15"
cmp_files "$T/top15" "$data/kvm-week.expect" "--top 0015 is 15"

# Files named like options are files after "--", for mbsplit too.
cp "$week" "$T/-m"
cp "$week" "$T/--until=2000-01-01"
(cd "$T" && mldigest -- -m --until=2000-01-01) > "$T/dash" 2> "$T/dash.err"
is "$?" 0 "files named -m and --until=...: exit 0"
is "$(cat "$T/dash.err")" "mbsplit: $(grep -c '^From ' "$week") duplicates dropped" \
    "files named -m and --until=...: both read, the second a copy"
is "$(grep -c '^New: ' "$T/dash")" "$(grep -c '^New: ' "$data/kvm-week.expect")" \
    "files named -m and --until=...: read as files"

# A full TMPDIR: a clear message, status 1, no digest.
if unshare -m true 2> /dev/null; then
	mkdir "$T/full"
	unshare -m sh -c 'mount -t tmpfs -o size=64k none "$1" &&
	    { dd if=/dev/zero of="$1/fill" bs=4096 2> /dev/null; true; } &&
	    TMPDIR=$1 mldigest "$2" > "$1/../full.out" 2> "$1/../full.err"
	    echo $? > "$1/../full.rc"' sh "$T/full" "$week"
	is "$(cat "$T/full.rc"):$(wc -c < "$T/full.out")" "1:0" \
	    "a full TMPDIR: status 1, nothing printed"
	is "$(sed 's/mldigest\.[^/]*/X/' "$T/full.err")" \
	    "mldigest: $T/full/X/messages: cannot write the temporary file (is $T/full full?)" \
	    "a full TMPDIR: one clear message"
else
	skip "mount namespaces are not allowed here" 2
fi
mldigest "$T/no-such.mbox" > /dev/null 2>&1
is "$?" 1 "missing input: exit 1"
finish
