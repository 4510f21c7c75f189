#!/bin/sh
# patchinfo on the seed mbox finds every patch of the reference digest
# (../shared/seed/reference-digest.txt) with the reference's author,
# version, n/N, diffstat and commit message excerpt.  The expected
# version, n/N and contributor (in-body From) are written by hand below;
# author, diffstat and excerpt are read from the reference itself.
#
# Where the reference is wrong we say so and expect the right thing:
# it drops the quotes of "Maciej S. Szmigiero", invents the name
# "guoren" for a bare address, and for "[PATCH] RISC-V: KVM: Prevent
# HGATP_MODE_BARE passed" prints fangyu.yu's review, which kept the
# subject and quotes the patch with ">": that mail is a reply, and the
# patch is Guo Ren's (its diffstat is the one the review quotes).
. "$(dirname "$0")/lib.sh"
seed=$(corpus seed/kvm-2025-08-19.mbox) || skip_all "../shared/seed is absent"
ref=$(corpus seed/reference-digest.txt) || skip_all "../shared/seed is absent"

# subject<TAB>kind version n total<TAB>contributor
cat > "$T/want" <<'WANT'
[PATCH RESEND V2 1/2] x86/mce: Fix missing address mask in recovery for errors in TDX/SEAM non-root mode	patch 2 1 2	Adrian Hunter <adrian.hunter@intel.com>
[PATCH RESEND V2 0/2] Fixes for recovery for machine check in TDX/SEAM non-root mode	cover 2 0 2	Adrian Hunter <adrian.hunter@intel.com>
[PATCH V7 1/3] x86/tdx: Eliminate duplicate code in tdx_clear_page()	patch 7 1 3	Adrian Hunter <adrian.hunter@intel.com>
[PATCH V7 0/3] x86/tdx: Skip clearing reclaimed pages unless X86_BUG_TDX_PW_MCE is present	cover 7 0 3	Adrian Hunter <adrian.hunter@intel.com>
[PATCH v1 1/3] Revert "x86: kvm: introduce periodic global clock updates"	patch 1 1 3	Lei Chen <lei.chen@smartx.com>
[PATCH v1 0/3] kvm:x86: simplify kvmclock update logic	cover 1 0 3	Lei Chen <lei.chen@smartx.com>
[PATCH 1/2] KVM: SVM: Sync TPR from LAPIC into VMCB::V_TPR when setting LAPIC regs	patch 1 1 2	"Maciej S. Szmigiero" <maciej.szmigiero@oracle.com>
[PATCH 0/2] KVM: SVM: Fix missing LAPIC TPR sync into VMCB::V_TPR with AVIC on	cover 1 0 2	"Maciej S. Szmigiero" <maciej.szmigiero@oracle.com>
[PATCH 1/2] LoongArch: KVM: Add sign extension with kernel MMIO read emulation	patch 1 1 2	Bibo Mao <maobibo@loongson.cn>
[PATCH v3 1/4] KVM: arm64: vgic-init: Remove vgic_ready() macro	patch 3 1 4	Keir Fraser <keirf@google.com>
[PATCH v3 0/4] KVM: Speed up MMIO registrations	cover 3 0 4	Keir Fraser <keirf@google.com>
[PATCH] RISC-V KVM: Remove unnecessary HGATP csr_read	patch 1 1 1	"Guo Ren (Alibaba DAMO Academy)" <guoren@kernel.org>
[PATCH] vhost: Fix ioctl # for VHOST_[GS]ET_FORK_FROM_OWNER	patch 1 1 1	Namhyung Kim <namhyung@kernel.org>
[PATCH] RISC-V: KVM: Prevent HGATP_MODE_BARE passed	patch 1 1 1	"Guo Ren (Alibaba DAMO Academy)" <guoren@kernel.org>
WANT
n=$(wc -l < "$T/want")
plan $((n * 5 + 2))

# The reference's entries: subject, author, excerpt (one file each).
awk -v dir="$T" '
	/^New: / { state = 1; next }
	state == 1 { subj = $0; state = 2; next }
	state == 2 && /^Author: / { author = substr($0, 9); state = 3; body = ""; next }
	state == 3 && /^-+$/ && length($0) == 70 {
		sub(/^\n+/, "", body); sub(/\n+$/, "", body)
		n++
		printf "%s\t%s\n", subj, author > (dir "/ref.idx")
		printf "%s\n", body > (dir "/ref." n)
		state = 0; next
	}
	state == 3 { body = body $0 "\n" }' "$ref"
is "$(wc -l < "$T/ref.idx")" "$n" "the reference has $n New: entries"

patchinfo "$seed" > "$T/p.tsv"
# One field of the first cover or patch record whose subject is $1,
# unescaped.
field() {
	awk -F '\t' -v s="$1" -v f="$2" '
		($1 == "patch" || $1 == "cover") && $11 == s { print $f; exit }' \
	    "$T/p.tsv" |
	    perl -pe 's/\\(.)/$1 eq "n" ? "\n" : $1 eq "t" ? "\t" : $1 eq "r" ? "\r" : $1/ge'
}

# The reference's author with its two bugs undone: our author column.
fix_author() {
	case $1 in
	'Maciej S. Szmigiero <'*) echo "\"Maciej S. Szmigiero\" <${1#*<}" ;;
	'guoren <guoren@kernel.org>') echo guoren@kernel.org ;;
	'fangyu.yu <fangyu.yu@linux.alibaba.com>') echo guoren@kernel.org ;;
	*) echo "$1" ;;
	esac
}

i=0
while IFS='	' read -r subj what contrib; do
	i=$((i + 1))
	rauthor=$(awk -F '\t' -v i="$i" 'NR == i { print $2 }' "$T/ref.idx")
	rsubj=$(awk -F '\t' -v i="$i" 'NR == i { print $1 }' "$T/ref.idx")
	is "$rsubj" "$subj" "entry $i is $subj"
	got=$(awk -F '\t' -v s="$subj" '($1 == "patch" || $1 == "cover") &&
	    $11 == s { print $1, $5, $6, $7; exit }' "$T/p.tsv")
	is "$got" "$what" "$subj: kind, version, n/N"
	is "$(field "$subj" 9)" "$(fix_author "$rauthor")" "$subj: author"
	is "$(field "$subj" 10)" "$contrib" "$subj: contributor"
	if [ "$rauthor" = 'fangyu.yu <fangyu.yu@linux.alibaba.com>' ]; then
		# The quoted diffstat of the review is the patch's.
		want=$(sed -n 's/^> *\([0-9]* files* changed.*\)/\1/p' "$T/ref.$i")
		is "$(field "$subj" 13)" "$want" "$subj: diffstat"
		continue
	fi
	field "$subj" 15 > "$T/got.$i"
	want=$(tail -n 1 "$T/ref.$i" | sed 's/^ *//')
	if [ "$(field "$subj" 13)" = "$want" ] &&
	    cmp -s "$T/got.$i" "$T/ref.$i"; then
		is ok ok "$subj: diffstat and excerpt"
	else
		is "$(field "$subj" 13)" "$want" "$subj: diffstat and excerpt"
		diff -u "$T/ref.$i" "$T/got.$i" | head -n 20 | sed 's/^/# /'
	fi
done < "$T/want"

# The review that kept the subject is a reply, and part of the series.
patchinfo -a "$seed" | awk -F '\t' '
	$3 == "20250819020133.93545-1-fangyu.yu@linux.alibaba.com" {
		print $1, $4 }' > "$T/review"
is "$(cat "$T/review")" "reply 20250819004643.1884149-1-guoren@kernel.org" \
    "fangyu.yu's review is a reply in Guo Ren's series"
finish
