# tests/lib.sh - a small TAP helper for the shell tests; source it.
#
#   plan N             print the plan
#   check MSG CMD...   run CMD, "ok" when it exits 0
#   is GOT WANT MSG    compare two strings, show both on failure
#   cmp_files A B MSG  compare two files, show a diff on failure
#   skip_all WHY       skip the whole script
#   corpus NAME        path of a ../shared file; fails, saying so, if absent
#   corpus_xz NAME     the same, decompressed once into $T
#   kind_counts FILE   the number of patchinfo records of each kind
#   fast_paths_agree NAME CMD...  CMD on mbox NAME, with and without fast paths
#   finish             exit 1 if any test failed
#
# With MLD_VALGRIND=1 (make valgrind) every program a test runs goes
# through valgrind, and finish fails when valgrind reported a memory
# error or a definite leak.
#
# Tests run from the top of the tree with the freshly built programs first
# on PATH; $T is a scratch folder removed at exit.

top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top:$PATH
export PATH LC_ALL=C.UTF-8
T=$(mktemp -d "${TMPDIR:-/tmp}/mldigest-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
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

# xzcat a shared corpus once per test run into $T.
corpus_xz() {
	_c=$(corpus "$1") || return 1
	_out=$T/$(basename "$1" .xz)
	[ -f "$_out" ] || xz -dc "$_c" > "$_out"
	echo "$_out"
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

# Valgrind writes a log only when it has something to report.
finish() {
	if [ -n "${MLD_VALGRIND:-}" ] && [ -n "$(cat "$T/vglog"/* 2>/dev/null)" ]; then
		sed 's/^/# /' "$T/vglog"/*
		return 1
	fi
	[ "$nfail" -eq 0 ]
}
