#!/bin/sh
# Every header of src/ in one translation unit, in name order and in the
# reverse: no two define one name, and each includes what it uses.
. "$(dirname "$0")/lib.sh"
plan 3

flags="-std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -fsyntax-only
	$(${PKG_CONFIG:-pkg-config} --cflags gmime-3.0 glib-2.0)"
ls "$top"/src/*.h | sed 's|.*/||' > "$T/headers"
# A module is a .c without main; a program's .c has no header.
for c in "$top"/src/*.c; do
	grep -q '^main(' "$c" || echo "$(basename "$c" .c).h"
done > "$T/modules"
is "$(sort "$T/modules" | comm -3 - "$T/headers")" "" "a header for each module"
sed 's/.*/#include "&"/' "$T/headers" > "$T/all.c"
# shellcheck disable=SC2086
check "all headers, in name order" ${CC:-cc} $flags -I"$top/src" "$T/all.c"
sort -r "$T/headers" | sed 's/.*/#include "&"/' > "$T/rev.c"
# shellcheck disable=SC2086
check "all headers, in reverse order" ${CC:-cc} $flags -I"$top/src" "$T/rev.c"
finish
