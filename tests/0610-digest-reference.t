#!/bin/sh
# mldigest over the seed mbox reproduces the reference digest except where
# the reference is wrong or the rebuilt mbox lacks a message: the diff of
# the two must be exactly the differences listed and explained below.
# The parts the reference does not have (the reviewer tally, the status
# of each posting, who reviewed it, the series without a reply and the
# pull requests) are taken out for that comparison, and checked apart.
. "$(dirname "$0")/lib.sh"

seed=$(corpus seed/kvm-2025-08-19.mbox) || skip_all "../shared is absent"
ref=$(corpus seed/reference-digest.txt) || skip_all "../shared is absent"
plan 4

mldigest --no-links --list KVM --from 05a3a6c83 --to 1835a3fdb "$seed" > "$T/full"
is "$?" 0 "mldigest over the seed: exit 0"

# new_parts KEEP: with KEEP=0 the digest without the new parts, with
# KEEP=1 only the new parts (a status as the text after the patches).
new_parts() {
	awk -v keep="$1" '
	/^Top [0-9]+ reviewers / || /^===== Series without a reply =====$/ ||
	    /^===== Pull requests =====$/ { sect = 1 }
	/^===== Patch list/ || /^===== Patch Commit/ { sect = 0 }
	/^===== Patch list/ { list = 1 }
	/^===== Patch Commit/ { list = 0 }
	/^Author: / { names = 1 }
	/^$/ { names = 0 }
	names && /^(Reviewed|Acked|Tested|Nacked)-by: / { if (keep) print; next }
	sect { if (keep) print; next }
	list && match($0, /, [0-9]+ patch(es)?(, [0-9]+ missing)?/) &&
	    substr($0, RSTART + RLENGTH, 2) == ", " {
		if (keep) print substr($0, RSTART + RLENGTH + 2)
		else print substr($0, 1, RSTART + RLENGTH - 1) ")"
		next
	}
	!keep { print }' "$T/full"
}
new_parts 0 > "$T/digest"
new_parts 1 > "$T/new"
: > "$T/want"

# The domains.  oracle.com counts 2, not 3: the second patch of Maciej S.
# Szmigiero's series is missing from the rebuilt mbox (seed README), so it
# now sorts after loongson.cn.  linux.alibaba.com is gone: its one message
# is fangyu.yu's review that kept the patch's subject, a reply, which the
# tallies do not count.
cat >> "$T/want" <<'EOF'
9,10d8
<       3 oracle.com
<       3 loongson.cn
12c10,11
<       1 linux.alibaba.com
---
>       3 loongson.cn
>       2 oracle.com
EOF

# The people: one space after the count, as for the domains (the reference
# prints two here); Maciej S. Szmigiero and fangyu.yu as above.
cat >> "$T/want" <<'EOF'
16,23c15,21
<       7  Adrian Hunter <adrian.hunter@intel.com>
<       5  Keir Fraser <keirf@google.com>
<       4  Lei Chen <lei.chen@smartx.com>
<       3  "Maciej S. Szmigiero" <maciej.szmigiero@oracle.com>
<       3  Bibo Mao <maobibo@loongson.cn>
<       2  "Guo Ren (Alibaba DAMO Academy)" <guoren@kernel.org>
<       1  Namhyung Kim <namhyung@kernel.org>
<       1  fangyu.yu@linux.alibaba.com
---
>       7 Adrian Hunter <adrian.hunter@intel.com>
>       5 Keir Fraser <keirf@google.com>
>       4 Lei Chen <lei.chen@smartx.com>
>       3 Bibo Mao <maobibo@loongson.cn>
>       2 "Guo Ren (Alibaba DAMO Academy)" <guoren@kernel.org>
>       2 "Maciej S. Szmigiero" <maciej.szmigiero@oracle.com>
>       1 Namhyung Kim <namhyung@kernel.org>
EOF

# The patch list, which the reference prints empty (a bug in DESIGN.md).
# The SVM series says that one of its two patches is missing (see above).
cat >> "$T/want" <<'EOF'
26a25,33
> [PATCH RESEND V2 0/2] Fixes for recovery for machine check in TDX/SEAM non-root mode (Adrian Hunter <adrian.hunter@intel.com>, 2 patches)
> [PATCH V7 0/3] x86/tdx: Skip clearing reclaimed pages unless X86_BUG_TDX_PW_MCE is present (Adrian Hunter <adrian.hunter@intel.com>, 3 patches)
> [PATCH v1 0/3] kvm:x86: simplify kvmclock update logic (Lei Chen <lei.chen@smartx.com>, 3 patches)
> [PATCH 0/2] KVM: SVM: Fix missing LAPIC TPR sync into VMCB::V_TPR with AVIC on (Maciej S. Szmigiero <mail@maciej.szmigiero.name>, 2 patches, 1 missing)
> [PATCH 0/2] Add sign extension with kernel MMIO read emulation (Bibo Mao <maobibo@loongson.cn>, 2 patches)
> [PATCH v3 0/4] KVM: Speed up MMIO registrations (Keir Fraser <keirf@google.com>, 4 patches)
> [PATCH] RISC-V KVM: Remove unnecessary HGATP csr_read (guoren <guoren@kernel.org>, 1 patch)
> [PATCH] vhost: Fix ioctl # for VHOST_[GS]ET_FORK_FROM_OWNER (Namhyung Kim <namhyung@kernel.org>, 1 patch)
> [PATCH] RISC-V: KVM: Prevent HGATP_MODE_BARE passed (guoren <guoren@kernel.org>, 1 patch)
EOF

# "New:" with one space after it, not two (a bug in DESIGN.md).
cat >> "$T/want" <<'EOF'
30c37
< New:  x86/mce: Fix missing address mask in recovery for errors in TDX/SEAM non-root mode
---
> New: x86/mce: Fix missing address mask in recovery for errors in TDX/SEAM non-root mode
80c87
< New:  Fixes for recovery for machine check in TDX/SEAM non-root mode
---
> New: Fixes for recovery for machine check in TDX/SEAM non-root mode
145c152
< New:  x86/tdx: Eliminate duplicate code in tdx_clear_page()
---
> New: x86/tdx: Eliminate duplicate code in tdx_clear_page()
207c214
< New:  x86/tdx: Skip clearing reclaimed pages unless X86_BUG_TDX_PW_MCE is present
---
> New: x86/tdx: Skip clearing reclaimed pages unless X86_BUG_TDX_PW_MCE is present
283c290
< New:  Revert "x86: kvm: introduce periodic global clock updates"
---
> New: Revert "x86: kvm: introduce periodic global clock updates"
305c312
< New:  kvm:x86: simplify kvmclock update logic
---
> New: kvm:x86: simplify kvmclock update logic
382c389
< New:  KVM: SVM: Sync TPR from LAPIC into VMCB::V_TPR when setting LAPIC regs
---
> New: KVM: SVM: Sync TPR from LAPIC into VMCB::V_TPR when setting LAPIC regs
415c421
< New:  KVM: SVM: Fix missing LAPIC TPR sync into VMCB::V_TPR with AVIC on
---
> New: KVM: SVM: Fix missing LAPIC TPR sync into VMCB::V_TPR with AVIC on
459c464
< New:  LoongArch: KVM: Add sign extension with kernel MMIO read emulation
---
> New: LoongArch: KVM: Add sign extension with kernel MMIO read emulation
492c496
< New:  KVM: Speed up MMIO registrations
---
> New: KVM: Speed up MMIO registrations
520c524
< New:  RISC-V KVM: Remove unnecessary HGATP csr_read
---
> New: RISC-V KVM: Remove unnecessary HGATP csr_read
EOF

# The blank line that ends an in-body From: header is not part of the
# commit message (git mailinfo drops it too); the reference keeps it.
# Maciej S. Szmigiero's entries name the contributor, his in-body From,
# and the address he sent from after it; the reference named the sender.
cat >> "$T/want" <<'EOF'
384,385c391
< Author: Maciej S. Szmigiero <mail@maciej.szmigiero.name>
< 
---
> Author: Maciej S. Szmigiero <maciej.szmigiero@oracle.com> (sent by Maciej S. Szmigiero <mail@maciej.szmigiero.name>)
417,418c423
< Author: Maciej S. Szmigiero <mail@maciej.szmigiero.name>
< 
---
> Author: Maciej S. Szmigiero <maciej.szmigiero@oracle.com> (sent by Maciej S. Szmigiero <mail@maciej.szmigiero.name>)
EOF

# Guo Ren sent from his bare address; the entries name him as his in-body
# From does (the same address, so no "sent by").
cat >> "$T/want" <<'EOF'
522,523c526
< Author: guoren <guoren@kernel.org>
< 
---
> Author: Guo Ren (Alibaba DAMO Academy) <guoren@kernel.org>
EOF

# Bibo Mao's series: the reference reports an Exist for a second posting
# of its first patch that no archive holds (seed README), and writes its
# Skip: with a leading space; here Skip: starts the line, as New: and
# Exist: do, so that grep '^Skip:' finds it.  (The next line is a New:.)
cat >> "$T/want" <<'EOF'
474,476c479,480
< Exist: [PATCH 1/2] LoongArch: KVM: Add sign extension with kernel MMIO read emulation
<  Skip: [PATCH 0/2] Add sign extension with kernel MMIO read emulation
< New:  KVM: arm64: vgic-init: Remove vgic_ready() macro
---
> Skip: [PATCH 0/2] Add sign extension with kernel MMIO read emulation
> New: KVM: arm64: vgic-init: Remove vgic_ready() macro
EOF

# The title cut at the last ']' (a bug in DESIGN.md).
cat >> "$T/want" <<'EOF'
538c541
< New: ET_FORK_FROM_OWNER
---
> New: vhost: Fix ioctl # for VHOST_[GS]ET_FORK_FROM_OWNER
EOF

# The reference takes fangyu.yu's review, which kept the subject, for the
# patch: its quoted body, less a quoted >From: line taken for an in-body
# header; it then reports Guo Ren's real patch as Exist and, taking a
# single patch for its own cover, as Skip.  Here the review is a reply
# and the patch comes from Guo Ren's own mail.
cat >> "$T/want" <<'EOF'
561c564
< New:  RISC-V: KVM: Prevent HGATP_MODE_BARE passed
---
> New: RISC-V: KVM: Prevent HGATP_MODE_BARE passed
563,573c566
< Author: fangyu.yu <fangyu.yu@linux.alibaba.com>
< 
< >
< >urrent kvm_riscv_gstage_mode_detect() assumes H-extension must
< >have HGATP_MODE_SV39X4/SV32X4 at least, but the spec allows
< >H-extension with HGATP_MODE_BARE alone. The KVM depends on
< >!HGATP_MODE_BARE at least, so enhance the gstage-mode-detect
< >to block HGATP_MODE_BARE.
< >
< >Move gstage-mode-check closer to gstage-mode-detect to prevent
< >unnecessary init.
---
> Author: Guo Ren (Alibaba DAMO Academy) <guoren@kernel.org>
575,576c568,572
< This patch helps to detect hardware function missing in advance,
< prevent software from entering incorrect logic.
---
> urrent kvm_riscv_gstage_mode_detect() assumes H-extension must
> have HGATP_MODE_SV39X4/SV32X4 at least, but the spec allows
> H-extension with HGATP_MODE_BARE alone. The KVM depends on
> !HGATP_MODE_BARE at least, so enhance the gstage-mode-detect
> to block HGATP_MODE_BARE.
578c574,575
< Reviewed-by: Fangyu Yu <fangyu.yu@linux.alibaba.com>
---
> Move gstage-mode-check closer to gstage-mode-detect to prevent
> unnecessary init.
580,584c577,581
< >Signed-off-by: Guo Ren (Alibaba DAMO Academy) <guoren@kernel.org>
< >---
< > arch/riscv/kvm/gstage.c | 27 ++++++++++++++++++++++++---
< > arch/riscv/kvm/main.c   | 35 +++++++++++++++++------------------
< > 2 files changed, 41 insertions(+), 21 deletions(-)
---
> Signed-off-by: Guo Ren (Alibaba DAMO Academy) <guoren@kernel.org>
> ---
>  arch/riscv/kvm/gstage.c | 27 ++++++++++++++++++++++++---
>  arch/riscv/kvm/main.c   | 35 +++++++++++++++++------------------
>  2 files changed, 41 insertions(+), 21 deletions(-)
588,589d584
< Exist: [PATCH] RISC-V: KVM: Prevent HGATP_MODE_BARE passed
<  Skip: [PATCH] RISC-V: KVM: Prevent HGATP_MODE_BARE passed
EOF

# The hunks above are grouped by reason; diff gives them in line order.
in_line_order() {
	awk '/^[0-9]/ { h = $0 + 0; i = 0 } { printf "%d\t%d\t%s\n", h, i++, $0 }' |
	    sort -t "$(printf '\t')" -k1,1n -k2,2n | cut -f 3-
}
in_line_order < "$T/want" > "$T/want.sorted"
diff "$ref" "$T/digest" > "$T/diff"
cmp_files "$T/diff" "$T/want.sorted" "the differences from the reference are the known ones"
is "$(grep -c '^-\{70\}$' "$T/digest")" 14 "14 commit messages, as in the reference"

# The new parts, checked by hand against the seed mbox: Vishal Annapurve
# acked Adrian Hunter's TDX series (his 3 replies also count in the
# tally), syzbot tested Keir Fraser's MMIO series, Lei Yang's test and
# Michael S. Tsirkin's "Applied, thanks a lot!" answer Namhyung Kim's
# vhost fix, and three people reviewed Guo Ren's HGATP patch (Fangyu
# Yu's review that kept the subject among them).
cat > "$T/new.want" <<'EOF'
Top 15 reviewers (Reviewed-by, Acked-by, Tested-by given)

      3 Vishal Annapurve <vannapurve@google.com>
      1 Fangyu Yu <fangyu.yu@linux.alibaba.com>
      1 Lei Yang <leiyang@redhat.com>
      1 Nutty Liu <nutty.liu@hotmail.com>
      1 Troy Mitchell <troy.mitchell@linux.dev>
      1 syzbot@syzkaller.appspotmail.com

3 replies, Acked-by 1)
1 reply, Tested-by 1)
2 replies, Tested-by 1, applied)
3 replies, Reviewed-by 3)
===== Series without a reply =====

[PATCH RESEND V2 0/2] Fixes for recovery for machine check in TDX/SEAM non-root mode (Adrian Hunter <adrian.hunter@intel.com>)
[PATCH v1 0/3] kvm:x86: simplify kvmclock update logic (Lei Chen <lei.chen@smartx.com>)
[PATCH 0/2] KVM: SVM: Fix missing LAPIC TPR sync into VMCB::V_TPR with AVIC on (Maciej S. Szmigiero <mail@maciej.szmigiero.name>)
[PATCH 0/2] Add sign extension with kernel MMIO read emulation (Bibo Mao <maobibo@loongson.cn>)
[PATCH] RISC-V KVM: Remove unnecessary HGATP csr_read (guoren <guoren@kernel.org>)

===== Pull requests =====


Acked-by: Vishal Annapurve <vannapurve@google.com>
Tested-by: syzbot@syzkaller.appspotmail.com
Tested-by: Lei Yang <leiyang@redhat.com>
Reviewed-by: Fangyu Yu <fangyu.yu@linux.alibaba.com>
Reviewed-by: Nutty Liu <nutty.liu@hotmail.com>
Reviewed-by: Troy Mitchell <troy.mitchell@linux.dev>
EOF
cmp_files "$T/new" "$T/new.want" "the new parts"
finish
