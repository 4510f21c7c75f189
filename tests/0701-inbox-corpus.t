#!/bin/sh
# Truth: the whole history of a real public-inbox epoch (the kvm-ppc
# list, ../shared/corpus), written as mboxrd, is lore's mbox export of
# it byte for byte.
. "$(dirname "$0")/lib.sh"
command -v git > /dev/null || skip_all "git is not installed"
bundle=$(corpus corpus/kvm-ppc.pi.bundle 2>/dev/null) ||
    skip_all "../shared/corpus/kvm-ppc.pi.bundle is absent"
mbox=$(corpus_xz corpus/kvm-ppc.mbox.xz) ||
    skip_all "../shared/corpus/kvm-ppc.mbox.xz is absent"
plan 3

mkdir -p "$T/kvm-ppc/git"
git clone -q --bare "$bundle" "$T/kvm-ppc/git/0.git"
mbsplit -m -q "$T/kvm-ppc" > "$T/out"
is "$?" 0 "exit 0"
cmp_files "$T/out" "$mbox" "the epoch as mboxrd equals kvm-ppc.mbox.xz"
is "$(mbsplit -q "$T/kvm-ppc/git/0.git" | grep -vc '^#')" \
    "$(git --git-dir="$T/kvm-ppc/git/0.git" rev-list --count HEAD)" \
    "one message per commit"
finish
