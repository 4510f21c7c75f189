#!/bin/sh
# bench/run works: on a small mbox written here, with one run, its table
# and its CSV have one row per command, every count a command reports is
# the count of From_ lines, and the growth set has one row per size.
# Nothing here looks at a time.
. "$(dirname "$0")/lib.sh"
[ -x /usr/bin/time ] || skip_all "GNU time (package time) is not installed"
command -v bash >/dev/null || skip_all "bash is not installed"
plan 13

i=0
while [ $i -lt 3 ]; do
	i=$((i + 1))
	printf 'From dev%d@example.org Mon Aug 18 10:0%d:00 2025\n' $i $i
	printf 'From: Dev %d <dev%d@example.org>\n' $i $i
	printf 'Subject: [PATCH %d/3] kvm: part %d\n' $i $i
	printf 'Date: Mon, 18 Aug 2025 10:0%d:00 +0000\n' $i
	printf 'Message-ID: <%d@example.org>\n\n' $i
	printf 'Part %d.\n\n---\n a | 1 +\n 1 file changed, 1 insertion(+)\n\n' $i
done > "$T/small.mbox"

bench/run -n 1 -G -o "$T/all.csv" "$T/small.mbox" > "$T/all.out" 2> "$T/all.err"
is "$?" 0 "a run over every command exits 0"
is "$(head -n 1 "$T/all.csv")" \
    "set,input,size_mb,messages,command,runs,wall_s,cpu_s,mb_per_s,msg_per_s,peak_rss_mb,anon_rss_mb,x_grep,x_gmime,messages_seen" \
    "the CSV header"
is "$(awk -F , 'NR > 1 && NF != 15' "$T/all.csv")" "" \
    "every CSV row has 15 fields"
# Table rows lie between the column heading and the blank line after them.
awk '/^command / { on = 1; next } on && /^$/ { exit } on' "$T/all.out" \
    > "$T/table"
is "$(wc -l < "$T/table")" "$(($(wc -l < "$T/all.csv") - 1))" \
    "one table row per CSV row"
is "$(grep -c '^grep -c .* 1\.00 ' "$T/table")" 1 \
    "grep -c is 1.00 times itself"
is "$(awk -F , 'NR > 1 && $15 != "" && $15 != 3' "$T/all.csv")" "" \
    "every count a command shows is the 3 From_ lines"
is "$(awk -F , 'NR > 1 && $15 == 3 { print $5 }' "$T/all.csv" |
    grep -cx '"\(grep -c\|mbsplit\|mbsplit -m\|mbsplit -d\)"')" 4 \
    "grep -c and the three forms of mbsplit each show that count"
is "$(awk -F , '$5 == "\"grep -c\"" { print $15 }' "$T/all.csv")" 3 \
    "grep -c reports its count"
check "nothing failed" sh -c "! grep -q failed '$T/all.out'"

bench/run -n 2 -k '^(grep -c|mbsplit)$' -g '1 2' -o "$T/g.csv" \
    "$T/small.mbox" > "$T/g.out" 2> "$T/g.err"
is "$?" 0 "a run with a growth set exits 0"
is "$(grep -c '^growth,' "$T/g.csv")" 4 \
    "growth: two commands at two sizes"
is "$(grep -c ' time x.* the size (.*); peak RSS .* MB (.*)$' "$T/g.out")" 2 \
    "growth: a verdict per command"

bench/run -n x "$T/small.mbox" > /dev/null 2>&1
is "$?" 2 "a bad option is a usage error"
finish
