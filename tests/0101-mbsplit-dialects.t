#!/bin/sh
# mbsplit reads the mbox dialects and writes canonical mboxrd: round trips
# on canonical input, CRLF and mboxo normalised, a lone message without a
# From_ line, concatenations, and one file per message that concatenates
# back to the input.
. "$(dirname "$0")/lib.sh"
plan 20

F='From mboxrd@z Thu Jan  1 00:00:00 1970'
# A canonical mboxrd of three messages, one with quoted From_ lines.
{
	printf '%s\nSubject: a\n\nbody a\n\n' "$F"
	printf '%s\nSubject: b\n\n>From the start\n>>From x\n\n\n' "$F"
	printf '%s\nSubject: c\n\nFrom 10:30 until noon is no From_ line\n\n' \
	    "$F" | sed 's/^From 10/>From 10/'
} > "$T/rd.mbox"

mbsplit -m "$T/rd.mbox" > "$T/out"
cmp_files "$T/out" "$T/rd.mbox" "canonical mboxrd comes back byte for byte"
cat "$T/rd.mbox" | mbsplit -m > "$T/out"
cmp_files "$T/out" "$T/rd.mbox" "the same through a pipe"

sed 's/$/\r/' "$T/rd.mbox" > "$T/crlf.mbox"
mbsplit -m "$T/crlf.mbox" > "$T/out"
cmp_files "$T/out" "$T/rd.mbox" "CRLF line ends become LF"

# mboxo: an unquoted body line that is no From_ line stays in its message.
printf '%s\nSubject: o\n\nFrom the start it counted.\n\n' "$F" > "$T/o.mbox"
is "$(mbsplit "$T/o.mbox" | grep -vc '^#')" 1 "mboxo: a body From line that is no From_ line does not split"
is "$(mbsplit -m "$T/o.mbox" | sed -n 4p)" ">From the start it counted." \
    "mboxo: and is quoted on output"

# What procmail pipes to a program: no From_ line at all.
printf 'Subject: piped\n\nbody' > "$T/lone.eml"
printf '%s\nSubject: piped\n\nbody\n\n' "$F" > "$T/lone.expect"
cat "$T/lone.eml" | mbsplit -m > "$T/out"
cmp_files "$T/out" "$T/lone.expect" "a lone message gets a From_ line and its missing newline"

# A lone message was never escaped: its ">From" line is text, kept whole.
printf 'Subject: q\n\n>From the start\nFrom here\n' > "$T/lone-q.eml"
printf '%s\nSubject: q\n\n>>From the start\n>From here\n\n' "$F" > "$T/lone-q.expect"
mbsplit -m < "$T/lone-q.eml" > "$T/out"
cmp_files "$T/out" "$T/lone-q.expect" "a lone message's >From line is escaped once more, not undone"
mbsplit -m "$T/lone-q.eml" > "$T/out"
cmp_files "$T/out" "$T/lone-q.expect" "the same from a file"

cat "$T/lone.eml" "$T/crlf.mbox" > "$T/cat.mbox"
is "$(mbsplit "$T/cat.mbox" | grep -vc '^#')" 3 \
    "a message without a final newline takes in the From_ line glued to it"
{ printf 'Subject: piped\n\nbody\n\n'; cat "$T/crlf.mbox" "$T/rd.mbox"; } > "$T/cat.mbox"
is "$(mbsplit "$T/cat.mbox" | grep -vc '^#')" 7 "a concatenation of dialects"

# mboxcl2: a trusted Content-Length keeps an unquoted From_ line inside.
body=$(printf '%s\nnot a separator\n' "From x@example.org Tue Aug 19 10:01:33 2025")
n=$(printf '%s\n' "$body" | wc -c)
{
	printf '%s\nContent-Length: %d\n\n%s\n\n' "$F" "$n" "$body"
	printf '%s\nContent-Length: 1000\n\nlength too large\n\n' "$F"
	printf '%s\nSubject: after\n\nz\n' "$F"
} > "$T/cl.mbox"
is "$(mbsplit "$T/cl.mbox" | grep -vc '^#')" 3 "Content-Length trusted only where it lands on a From_ line or the end"

: > "$T/empty"
is "$(mbsplit "$T/empty")" "$(printf '#n\toffset\tlength\tdate\tmsgid\tfrom\tsubject\tinput')" \
    "an empty input is an empty mbox"

# One file per message, then back.
mbsplit -d "$T/dir" "$T/rd.mbox" > "$T/paths"
is "$(cat "$T/paths" | tr '\n' ' ')" "$T/dir/0001 $T/dir/0002 $T/dir/0003 " \
    "-d prints the numbered files it writes"
is "$(sed -n 3,4p "$T/dir/0002" | tr '\n' '|')" "From the start|>From x|" \
    "-d files hold the unquoted text"
mbsplit -d "$T/dir" "$T/rd.mbox" > /dev/null 2> "$T/err"
is "$?:$(cat "$T/err")" "1:mbsplit: $T/dir/0001: File exists" \
    "-d never replaces a file"
mkdir -p "$T/md/cur" "$T/md/new" "$T/md/tmp"
mbsplit -d "$T/md" "$T/rd.mbox" > "$T/paths"
is "$(ls "$T/md/new" | wc -l):$(ls "$T/md/tmp" | wc -l)" "3:0" \
    "a maildir gets its files in new, none left in tmp"

# Round trips on the real archives, when they are here.
for name in seed/kvm-2025-08-19.mbox corpus/kvm-ppc.mbox.xz; do
	case $name in
	*.xz) f=$(corpus_xz "$name") ;;
	*) f=$(corpus "$name") ;;
	esac
	if [ -z "$f" ]; then
		for i in 1 2; do
			ntest=$((ntest + 1))
			echo "ok $ntest # SKIP ../shared/$name is absent"
		done
		continue
	fi
	mbsplit -m "$f" | cmp -s - "$f"
	is "$?" 0 "$name: mbsplit -m gives the archive back byte for byte"
	xargs awk -v F="$F" 'FNR == 1 { if (NR > 1) print ""; print F }
	    { sub(/^>*From /, ">&"); print } END { print "" }' \
	    < "$(split_of "$f")" > "$T/back"
	cmp_files "$T/back" "$f" "$name: -d files, quoted and concatenated, give the archive back"
done
finish
