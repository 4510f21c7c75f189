#!/bin/sh
# Every fuzz target replays its seeds (samples and fixtures) and every
# input a fuzzing run once found failing (tests/fuzz/regress), without a
# crash, a sanitizer report or a broken property.
. "$(dirname "$0")/lib.sh"
set --
for f in "$top"/tests/fuzz/replay-*; do
	case $f in *.d) ;; *) set -- "$@" "$f" ;; esac
done
plan $#
for replay; do
	name=${replay##*/replay-}
	find "$samples" "$data" "$top/tests/fuzz/regress/$name" \
	    "$top/tests/fuzz/seeds/$name" -type f 2>/dev/null > "$T/inputs"
	check "fuzz-$name replays $(wc -l < "$T/inputs") inputs" \
	    sh -c 'xargs "$1" < "$2" 2>/dev/null' sh "$replay" "$T/inputs"
done
finish
