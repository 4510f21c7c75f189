#!/bin/sh
# Groups nested 80 KB deep and more ("a:a:a:...x@y.z") in From, in an
# in-body From, in X-Original-From and in Reply-To: GMime's parser
# recurses on each level until the stack runs out.  Every program warns
# "address list nested too deeply" with input, message and offset, reads
# the field as holding no address, and goes on with the next message.
. "$(dirname "$0")/lib.sh"
plan 13

F='From mboxrd@z Thu Jan  1 00:00:00 1970'
D='Date: Tue, 19 Aug 2025 10:00:00 +0000'
# $1 levels of "a:" around x@y.z, on one line.
deep() { awk -v n="$1" 'BEGIN { s = "a:"; while (length(s) < 2 * n) s = s s; printf "%s", substr(s, 1, 2 * n) "x@y.z" }'; }
patch() { printf '%s\n\n---\n f | 1 +\n 1 file changed, 1 insertion(+)\n\ndiff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n\n' "$1"; }
# msg ID HEADERS BODY: one message, then a good one after it.
msg() {
	printf '%s\n%s%s\nSubject: [PATCH] %s\nMessage-ID: <%s@x>\n\n' "$F" "$2" "$D" "$1" "$1"
	patch "$3"
}
good() { printf '%s\nFrom: Good <good@example.org>\n%s\nSubject: [PATCH] good\nMessage-ID: <good@x>\n\n' "$F" "$D"; patch body; }

for n in 40000 200000; do
	{ msg from "From: $(deep $n)
" body; good; } > "$T/from-$n.mbox"
done
deep200=$(deep 200000)
{ msg inbody 'From: A <a@example.org>
' "From: $deep200"; good; } > "$T/inbody.mbox"
{ msg xof "From: A via B4 Relay <devnull+a.example.org@kernel.org>
X-Original-From: $deep200
" body; good; } > "$T/xof.mbox"
{ msg rto "From: A via B4 Relay <devnull+a.example.org@kernel.org>
Reply-To: $deep200
" body; good; } > "$T/rto.mbox"

for n in 40000 200000; do
	mbsplit "$T/from-$n.mbox" > "$T/idx" 2> "$T/err"
	is "$?:$(grep -v '^#' "$T/idx" | cut -f 6 | tr '\n' '|'):$(head -n 1 "$T/err")" \
	    "1:|Good <good@example.org>|:mbsplit: $T/from-$n.mbox: message 1, byte 0: address list nested too deeply" \
	    "mbsplit index, $n levels: warned, no address, next message read"
done
patchinfo -a "$T/from-200000.mbox" > "$T/pa" 2> "$T/err"
is "$?:$(grep -v '^#' "$T/pa" | cut -f 9 | tr '\n' '|'):$(head -n 1 "$T/err")" \
    "1:|Good <good@example.org>|:patchinfo: $T/from-200000.mbox: message 1, byte 0: From: address list nested too deeply" \
    "patchinfo -a: warned, no author, next message read"
patchinfo "$T/from-200000.mbox" > "$T/p" 2> "$T/err"
is "$?:$(grep -vc '^#' "$T/p")" "1:2" "patchinfo: both patches listed"
for f in inbody xof rto; do
	patchinfo -a "$T/$f.mbox" > "$T/pa-$f" 2> "$T/err"
	is "$?:$(grep -v '^#' "$T/pa-$f" | cut -f 10 | tr '\n' '|'):$(grep -c 'address list nested too deeply' "$T/err")" \
	    "1:$([ $f = inbody ] && echo 'A <a@example.org>' || echo 'A <devnull+a.example.org@kernel.org>')|Good <good@example.org>|:1" \
	    "patchinfo -a, deep $f: warned once, no address taken from it"
done

# Records are a public format: the readers of records hold too.
printf 'Good <good@example.org>\n%s\n' "$deep200" > "$T/rec"
domtally "$T/rec" > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/out"):$(head -n 1 "$T/err")" \
    "1:      1 Good <good@example.org>:domtally: $T/rec: line 2: address list nested too deeply in field 1, skipped" \
    "domtally: a deep field is skipped with a warning"
mbsplit "$T/from-200000.mbox" 2> /dev/null | domtally -F from > "$T/out" 2> /dev/null
is "$?:$(cat "$T/out")" "1:      1 Good <good@example.org>" \
    "domtally -F from on the index: the deep sender has no address"
patchinfo -a "$T/from-200000.mbox" 2> /dev/null > "$T/pa"
awk -F '\t' -v OFS='\t' 'BEGIN { d = "a:"; while (length(d) < 400000) d = d d; d = d "x@y.z" }
    !/^#/ && NR == 2 { $9 = d; $10 = d } { print }' "$T/pa" > "$T/pa-deep"
digestfmt patches "$T/pa-deep" > "$T/out" 2> "$T/err"
is "$?:$(grep -c '^Author: ' "$T/out")" "0:2" "digestfmt: a deep author is printed as written"
domtally -F author "$T/pa-deep" > "$T/out" 2> "$T/err"
is "$?:$(cat "$T/out")" "1:      1 Good <good@example.org>" "domtally -F author on deep records"
mldigest --list T "$T/from-200000.mbox" > "$T/out" 2> "$T/err"
is "$?:$(grep -c '^New: good' "$T/out")" "1:1" "mldigest: the digest is printed"
# Group nesting a real list may carry is read as before.
printf '%s\nFrom: g: h: A <a@example.org>;;\n%s\nSubject: s\nMessage-ID: <g@x>\n\nb\n' "$F" "$D" > "$T/g.mbox"
mbsplit "$T/g.mbox" > "$T/idx" 2> "$T/err"
is "$?:$(grep -v '^#' "$T/idx" | cut -f 6)" "0:g:h:A <a@example.org>;;" "shallow groups are kept"
finish
