#!/bin/sh
# patchinfo on a second real archive (../shared/corpus/linux-spi.mbox.xz),
# one full of the maintainer's "Applied" notices: with -a one record per
# message; without -a exactly the covers and patches; the count of each
# kind, which must only change on purpose; every notice titled with the
# patch it quotes; and records checked by hand against their mail.
. "$(dirname "$0")/lib.sh"
mbox=$(corpus_xz corpus/linux-spi.mbox.xz) || skip_all "../shared/corpus is absent"
plan 10

patchinfo -a "$mbox" > "$T/all" 2> "$T/all.err"
check "exit status 0" test $? -eq 0
is "$(grep -vc '^#' "$T/all")" "$(mbsplit "$mbox" | grep -vc '^#')" \
    "-a: one record per message of the index"

# The counts per kind (reviewed when first taken; a change must be meant).
# The 408 notices were patches before they had a kind of their own; seven
# covers without 0/N (a shortlog and a diffstat, no diff) were other
# mail, as were three mails whose diff a mailer damaged.
is "$(kind_counts "$T/all")" "cover 1590 patch 12939 reply 19220 pull 168 other 2347 notice 408" \
    "counts per kind"

patchinfo "$mbox" > "$T/def"
awk -F '\t' 'NR == 1 || $1 == "cover" || $1 == "patch"' "$T/all" > "$T/want"
cmp_files "$T/def" "$T/want" "default mode: the covers and patches of -a"

# Every notice's title is what its subject quotes; no patch or cover is
# a notice's subject.
is "$(awk -F '\t' '$1 == "notice" {
	t = $11; sub(/^[^"]*"/, "", t); sub(/"[^"]*$/, "", t)
	if (t != $12) n++ } END { print n + 0 }' "$T/all")" 0 \
    "each notice is titled with the patch title it quotes"
is "$(awk -F '\t' '($1 == "patch" || $1 == "cover") &&
	($11 ~ /^Applied "/ || $11 ~ /^\[tip:/)' "$T/all" | wc -l)" 0 \
    "no notice is counted as a patch"

rec() {
	awk -F '\t' -v id="$1" '$3 == id' "$T/all" | cut -f "$2" | tr '\t' '|'
}
is "$(rec 20190502021853.B91EA441D56@finisterre.ee.mobilebroadband 1,4,12)" \
    "notice|1556011161-10847-1-git-send-email-na-hoan@jinso.co.jp|spi: rspi: Fix handling of QSPI code when transmit and receive" \
    "an Applied notice: the patch it answers, its title"
is "$(rec CALHCpMgQPDqV1tB6v0sA0imwfZGkoG_j84NZCehOT1pf8MTuCA@mail.gmail.com 1,10,12)" \
    "patch|Maxim Kiselev <bigunclemax@gmail.com>|spi: spi-fsl-dspi: Add GPIO chip select support" \
    "a pasted format-patch header: contributor and title"
is "$(rec 20221103052843.2025-1-bayi.cheng@mediatek.com 1,5,6,7,13)" \
    "cover|1|0|1|1 file changed, 4 insertions(+), 3 deletions(-)" \
    "a cover letter without 0/N"
is "$(rec 20221103052843.2025-2-bayi.cheng@mediatek.com 1,4)" \
    "patch|20221103052843.2025-1-bayi.cheng@mediatek.com" \
    "its patch is in its posting"
finish
