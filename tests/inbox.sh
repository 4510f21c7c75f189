# tests/inbox.sh - build small public-inbox v2 epochs with git; source it
# after lib.sh.  Each commit stores one message as `m`, or, for a
# deletion, the deleted message as `d`, as public-inbox writes them.
#
#   pi_epoch DIR            create an empty epoch repository
#   pi_inbox DIR            create an inbox of two empty epochs,
#                           DIR/git/0.git and DIR/git/1.git
#   pi_add DIR FILE         commit FILE as the epoch's message; prints
#                           the commit id
#   pi_delete DIR FILE      commit the deletion of the message in FILE
#   pi_mboxrd FILE...       the files as lore's mboxrd export writes them
#   refused MSG CMD...      CMD exits 2, writes nothing on stdout and MSG
#                           as the first line of stderr (one test)

GIT_AUTHOR_NAME=archiver GIT_AUTHOR_EMAIL=archiver@example.org
GIT_COMMITTER_NAME=archiver GIT_COMMITTER_EMAIL=archiver@example.org
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
_pi_time=1786000000

pi_epoch() { git init -q --bare "$1"; }

pi_inbox() {
	mkdir -p "$1/git" && pi_epoch "$1/git/0.git" && pi_epoch "$1/git/1.git"
}

_pi_commit() {
	_b=$(git --git-dir="$1" hash-object -w "$3") || return 1
	_t=$(printf '100644 blob %s\t%s\n' "$_b" "$2" |
	    git --git-dir="$1" mktree) || return 1
	_p=$(git --git-dir="$1" rev-parse -q --verify HEAD)
	_pi_time=$((_pi_time + 60))
	_c=$(GIT_AUTHOR_DATE="$_pi_time +0000" \
	    GIT_COMMITTER_DATE="$_pi_time +0000" \
	    git --git-dir="$1" commit-tree "$_t" ${_p:+-p "$_p"} -m "$2") ||
	    return 1
	git --git-dir="$1" update-ref HEAD "$_c" && echo "$_c"
}

pi_add() { _pi_commit "$1" m "$2"; }
pi_delete() { _pi_commit "$1" d "$2"; }

pi_mboxrd() {
	for _f in "$@"; do
		echo 'From mboxrd@z Thu Jan  1 00:00:00 1970'
		sed 's/^>*From />&/' "$_f"
		echo
	done
}

refused() {
	_want=$1
	shift
	"$@" > "$T/refused.out" 2> "$T/refused.err"
	is "$?:$(wc -c < "$T/refused.out"):$(head -n 1 "$T/refused.err")" \
	    "2:0:$_want" "$_want"
}
