#!/bin/sh
# mldigest, the whole pipeline, over the sample week: the golden digest,
# a period chosen by date, the seen state of a weekly run, and the
# command line.
. "$(dirname "$0")/lib.sh"
plan 15

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

is "$(mldigest --help | head -c 15)" "usage: mldigest" "--help: the synopsis"
mldigest --bogus "$week" > /dev/null 2>&1
is "$?" 2 "unknown option: exit 2"
mldigest --top x "$week" > /dev/null 2>&1
is "$?" 2 "bad --top: exit 2"
mldigest "$T/no-such.mbox" > /dev/null 2>&1
is "$?" 1 "missing input: exit 1"
finish
