#!/bin/sh
# The command lines of mbsplit, domtally and digestfmt: --help shows the
# man page's synopsis and options, and every number an option takes is
# read one way: digits only, range-checked, an overflow refused, with
# "prog: opt: arg: why" and status 2.
. "$(dirname "$0")/lib.sh"
plan 22

for p in mbsplit domtally; do
	is "$(help_synopsis $p)" "$(man_synopsis $p.1)" \
	    "$p --help: the synopsis of $p(1)"
	is "$(help_options $p)" "$(man_options $p.1)" \
	    "$p --help: the options of $p(1)"
done
is "$(help_synopsis digestfmt)" "$(man_synopsis digestfmt.1)" \
    "digestfmt --help: the synopsis of digestfmt(1)"

# bad CMD...: the status and first line of stderr of a usage error.
bad() {
	"$@" < /dev/null > /dev/null 2> "$T/err"
	echo "$?:$(head -n 1 "$T/err")"
}
big=18446744073709551616
is "$(bad mbsplit -d "$T/d" -s x)" "2:mbsplit: -s: x: not a number" "-s x"
is "$(bad mbsplit -d "$T/d" -s -1)" "2:mbsplit: -s: -1: not a number" \
    "-s -1: no sign"
is "$(bad mbsplit -d "$T/d" -s 1000000000)" \
    "2:mbsplit: -s: 1000000000: more than 999999999" "-s: the largest start"
is "$(bad mbsplit -d "$T/d" -s $big)" \
    "2:mbsplit: -s: $big: more than 999999999" "-s: an overflow"
is "$(bad mbsplit -r $big)" \
    "2:mbsplit: -r: $big: more than 18446744073709551615" "-r: an overflow"
is "$(bad mbsplit -r 3-$big)" \
    "2:mbsplit: -r: 3-$big: more than 18446744073709551615" \
    "-r: an overflow after the dash"
is "$(bad mbsplit -r 0)" "2:mbsplit: -r: 0: less than 1" "-r 0"
is "$(bad mbsplit -r 5-3)" "2:mbsplit: -r: 5-3: an empty range" "-r 5-3"
is "$(bad mbsplit -r -)" "2:mbsplit: -r: -: not a range" "-r -"
is "$(bad domtally -n $big)" \
    "2:domtally: -n: $big: more than 18446744073709551615" "domtally -n: an overflow"
is "$(bad domtally -f 0)" "2:domtally: -f: 0: less than 1" "domtally -f 0"
is "$(bad domtally --min ' 5')" "2:domtally: --min:  5: not a number" \
    "domtally --min: no space"
is "$(bad digestfmt tally -n 0)" "2:digestfmt: -n: 0: less than 1" \
    "digestfmt tally -n 0"
is "$(bad digestfmt tally -n 1000001)" \
    "2:digestfmt: -n: 1000001: more than 1000000" "digestfmt tally -n: the largest"

# What the numbers then do.
printf 'From a@b Mon Aug 18 10:00:00 2025\nSubject: %s\n\nx\n\n' 1 2 3 > "$T/three"
mbsplit -d "$T/s0" -s 0 "$T/three" > "$T/paths"
is "$(sed 's|.*/||' "$T/paths" | tr '\n' ' ')" "0000 0001 0002 " "-s 0: from 0000"
mbsplit -d "$T/smax" -s 999999999 "$T/three" > "$T/paths"
is "$(sed 's|.*/||' "$T/paths" | tr '\n' ' ')" \
    "999999999 1000000000 1000000001 " "-s 999999999: the names grow, never wrap"
is "$(mbsplit -r 18446744073709551615 "$T/three" | grep -vc '^#')" 0 \
    "-r: the largest number selects nothing here"
finish
