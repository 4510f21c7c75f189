# tests/lib.sh - a small TAP helper for the shell tests; source it.
#
#   plan N             print the plan
#   check MSG CMD...   run CMD, "ok" when it exits 0
#   is GOT WANT MSG    compare two strings, show both on failure
#   cmp_files A B MSG  compare two files, show a diff on failure
#   skip_all WHY       skip the whole script
#   corpus NAME        path of a ../shared file; fails, saying so, if absent
#   corpus_xz NAME     the same, decompressed once into $share
#   split_of MBOX      the listing of mbsplit -d MBOX, split once into $share
#   kind_counts FILE   the number of patchinfo records of each kind
#   fast_paths_agree NAME CMD...  CMD on mbox NAME, with and without fast paths
#   man_synopsis PAGE  the SYNOPSIS of man/PAGE, one form a line
#   help_synopsis PROG the same from PROG --help
#   man_options PAGE   the options the OPTIONS list of man/PAGE names
#   help_options CMD...  the same from CMD --help
#   finish             exit 1 if any test failed
#
# With MLD_VALGRIND=1 (make valgrind) every program a test runs goes
# through valgrind, and finish fails when valgrind reported a memory
# error or a definite leak.
#
# Tests run from the top of the tree with the freshly built programs first
# on PATH; $T is a scratch folder removed at exit.  $share holds what
# tests share: under make check the folder MLD_TEST_SHARE that it makes
# for the run and removes after it, for a test run alone its own $T.

top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top:$PATH
export PATH LC_ALL=C.UTF-8
T=$(mktemp -d "${TMPDIR:-/tmp}/mldigest-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
share=${MLD_TEST_SHARE:-$T}
data=$top/tests/data
samples=$top/samples
shared=${MLD_SHARED:-$top/../shared}
ntest=0
nfail=0

if [ -n "${MLD_VALGRIND:-}" ]; then
	mkdir "$T/vg" "$T/vglog"
	for _p in mbsplit patchinfo domtally digestfmt; do
		printf '#!/bin/sh\nexec valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 --suppressions=%s/tests/valgrind.supp --log-file=%s/%%p.log %s/%s "$@"\n' \
		    "$top" "$T/vglog" "$top" "$_p" > "$T/vg/$_p"
		chmod +x "$T/vg/$_p"
	done
	PATH=$T/vg:$PATH
fi

plan() { echo "1..$1"; }

skip_all() { echo "1..0 # SKIP $*"; exit 0; }

# check MSG CMD...: runs CMD, passes when it exits 0.
check() {
	ntest=$((ntest + 1))
	_msg=$1
	shift
	if "$@"; then
		echo "ok $ntest - $_msg"
	else
		echo "not ok $ntest - $_msg"
		nfail=$((nfail + 1))
	fi
}

# skip WHY N: N tests that cannot run here, passed as skipped.
skip() {
	_i=0
	while [ "$_i" -lt "$2" ]; do
		ntest=$((ntest + 1))
		echo "ok $ntest # SKIP $1"
		_i=$((_i + 1))
	done
}

is() {
	ntest=$((ntest + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $ntest - $3"
	else
		echo "not ok $ntest - $3"
		printf '#   got: %s\n# wanted: %s\n' "$1" "$2"
		nfail=$((nfail + 1))
	fi
}

cmp_files() {
	ntest=$((ntest + 1))
	if cmp -s "$1" "$2"; then
		echo "ok $ntest - $3"
	else
		echo "not ok $ntest - $3"
		diff -u "$2" "$1" | head -n 40 | sed 's/^/# /'
		nfail=$((nfail + 1))
	fi
}

corpus() {
	if [ -f "$shared/$1" ]; then
		echo "$shared/$1"
	else
		echo "../shared/$1 is absent" >&2
		return 1
	fi
}

# xzcat a shared corpus once per run into $share.  What is shared is
# made under a name of its own, then renamed: a test running beside
# (prove -j) never reads it half-made.
corpus_xz() {
	_c=$(corpus "$1") || return 1
	_out=$share/$(basename "$1" .xz)
	if [ ! -f "$_out" ]; then
		xz -dc "$_c" > "$_out.$$" && mv "$_out.$$" "$_out" || return 1
	fi
	echo "$_out"
}

# split_of MBOX: mbsplit -d of MBOX (an absolute path) into a folder of
# $share, made once per run for each MBOX; prints the path of a file in
# $T listing the files as mbsplit did.  Tests only read the files.
split_of() {
	_key=$share/split-$(printf '%s' "$1" | cksum | cut -d ' ' -f 1)
	if [ ! -f "$_key/list" ]; then
		rm -rf "$_key.$$"
		mkdir "$_key.$$" &&
		    (cd "$_key.$$" && mbsplit -d files "$1" > list.part
		    mv list.part list) || return 1
		mv -T "$_key.$$" "$_key" 2> /dev/null || rm -rf "$_key.$$"
	fi
	sed "s|^|$_key/|" "$_key/list" > "$T/split.list"
	echo "$T/split.list"
}

# kind_counts FILE: "cover N patch N reply N pull N other N notice N" for
# the patchinfo records of FILE.
kind_counts() {
	awk -F '\t' '!/^#/ { n[$1]++ } END {
		printf "cover %d patch %d reply %d pull %d other %d notice %d\n",
		    n["cover"], n["patch"], n["reply"], n["pull"], n["other"],
		    n["notice"] }' "$1"
}

# fast_paths_agree NAME CMD...: CMD (a program and its options) reads the
# mbox NAME (samples/..., else a ../shared file, decompressed if .xz) and
# writes the same with and without the hand-written fast paths; skips
# when ../shared has no NAME.
fast_paths_agree() {
	_name=$1
	shift
	case $_name in
	samples/*) _f=$top/$_name ;;
	*.xz) _f=$(corpus_xz "$_name") ;;
	*) _f=$(corpus "$_name") ;;
	esac
	if [ -z "$_f" ]; then
		ntest=$((ntest + 1))
		echo "ok $ntest # SKIP ../shared/$_name is absent"
		return
	fi
	"$@" "$_f" > "$T/fast" 2> /dev/null
	MLD_TEST_NO_FAST_PATHS=1 "$@" "$_f" > "$T/slow" 2> /dev/null
	cmp_files "$T/fast" "$T/slow" \
	    "$_name: $1 writes the same without fast paths"
}

# The SYNOPSIS of a man page as mandoc renders it, one form a line,
# spaces squeezed.
man_synopsis() {
	mandoc -T ascii -O width=300 "$top/man/$1" | col -b |
	    awk '/^SYNOPSIS/ { f = 1; next } /^[A-Z]/ { f = 0 }
		f && NF { $1 = $1; print }'
}

# The synopsis --help prints, in the same form: a line that does not
# start with the program's name continues the form above it.
help_synopsis() {
	"$1" --help | awk -v p="$1" '/^$/ { exit }
	    { sub(/^usage: /, ""); $1 = $1 }
	    $1 == p { if (l != "") print l; l = $0; next } { l = l " " $0 }
	    END { if (l != "") print l }'
}

# Option tags ("-b file, --bots=file") as "-b --bots file", sorted;
# --help and --version, which every program has, left out.
options_norm() {
	awk '{ gsub(/[,=]/, " "); o = ""; arg = ""
	    for (i = 1; i <= NF; i++) if ($i ~ /^-/) o = o " " $i; else arg = $i
	    s = substr(o, 2) (arg != "" ? " " arg : "")
	    if (s != "-h --help" && s != "-V --version") print s }' | sort
}

man_options() {
	mandoc -T ascii -O width=300 "$top/man/$1" | col -b |
	    awk '/^OPTIONS/ { f = 1; next } /^[A-Z]/ { f = 0 } f && /^     -/' |
	    options_norm
}

help_options() {
	"$@" --help | awk '/^options:/ { f = 1; next }
	    f { sub(/^ +/, ""); split($0, a, /  +/); print a[1] }' |
	    options_norm
}

# Valgrind writes a log only when it has something to report.
finish() {
	if [ -n "${MLD_VALGRIND:-}" ] && [ -n "$(cat "$T/vglog"/* 2>/dev/null)" ]; then
		sed 's/^/# /' "$T/vglog"/*
		return 1
	fi
	[ "$nfail" -eq 0 ]
}
