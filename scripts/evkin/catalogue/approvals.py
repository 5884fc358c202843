"""Messages for offline approvals (`evkin approve`), the trail (`evkin approvals`), SSH keys and
the verification checks added to trails."""

MESSAGES: dict[str, dict[str, str]] = {
    # Decisions, as a line in a listing
    "approvals.decision.paraf": {"id": "Paraf {role}", "en": "Paraf by the {role}"},
    "approvals.decision.tanda_tangan": {"id": "Tanda tangan {role}",
                                        "en": "Signature by the {role}"},
    "approvals.decision.kembali": {"id": "Dikembalikan oleh {role}",
                                   "en": "Returned by the {role}"},
    # evkin approve
    "approve.help": {"id": "catat paraf, tanda tangan atau pengembalian tanpa forge (kunci SSH)",
                     "en": "record a paraf, signature or return without a forge (SSH key)"},
    "approve.description": {
        "id": "Mencatat keputusan Sekretaris (paraf) atau Kepala Dinas (tanda tangan), atau "
              "pengembalian dengan --return, ditandatangani dengan kunci SSH pejabat: catatan "
              "di persetujuan/ID.yml, tag git bertanda tangan evkin/ID/N-keputusan, dan komit "
              "berkas jejak. Aturannya sama dengan pemeriksaan pull request.",
        "en": "Records the Sekretaris' decision (paraf) or the Kepala Dinas' (signature), or a "
              "return with --return, signed with the official's SSH key: a record in "
              "persetujuan/ID.yml, a signed git tag evkin/ID/N-decision, and a commit of the "
              "trail file. Same rules as the pull-request gate.",
    },
    "approve.opt_role": {"id": "peran Anda: sekretaris (paraf) atau kepala-dinas (tanda tangan)",
                         "en": "your role: sekretaris (paraf) or kepala-dinas (signature)"},
    "approve.reason_metavar": {"id": "ALASAN", "en": "REASON"},
    "approve.opt_return": {"id": "kembalikan draf dengan alasan ini alih-alih menyetujui",
                           "en": "return the draft with this reason instead of approving"},
    "approve.opt_key": {
        "id": "kunci SSH privat Anda (bawaan: git config user.signingkey, lalu "
              "~/.ssh/id_ed25519); berkas .pub memakai ssh-agent",
        "en": "your private SSH key (default: git config user.signingkey, then "
              "~/.ssh/id_ed25519); a .pub file signs through ssh-agent",
    },
    "approve.done.paraf": {"id": "Paraf {role} ({name}) tercatat untuk evaluasi {id}, {date}.",
                           "en": "Paraf by the {role} ({name}) recorded for evaluation {id}, "
                                 "{date}."},
    "approve.done.tanda_tangan": {
        "id": "Tanda tangan {role} ({name}) tercatat untuk evaluasi {id}, {date}.",
        "en": "Signature by the {role} ({name}) recorded for evaluation {id}, {date}."},
    "approve.done.kembali": {
        "id": "Evaluasi {id} dikembalikan oleh {role} ({name}), {date}. Alasan: {reason}",
        "en": "Evaluation {id} returned by the {role} ({name}), {date}. Reason: {reason}"},
    "approve.tag_title.paraf": {"id": "Paraf {role}: evaluasi {id}",
                                "en": "Paraf of the {role}: evaluation {id}"},
    "approve.tag_title.tanda_tangan": {"id": "Tanda tangan {role}: evaluasi {id}",
                                       "en": "Signature of the {role}: evaluation {id}"},
    "approve.tag_title.kembali": {"id": "Pengembalian oleh {role}: evaluasi {id}",
                                  "en": "Return by the {role}: evaluation {id}"},
    "approve.commit_title.paraf": {
        "id": "Catat paraf {role} atas evaluasi {id} (pohon {tree})",
        "en": "Record the {role}'s paraf of evaluation {id} (tree {tree})"},
    "approve.commit_title.tanda_tangan": {
        "id": "Catat tanda tangan {role} atas evaluasi {id} (pohon {tree})",
        "en": "Record the {role}'s signature of evaluation {id} (tree {tree})"},
    "approve.commit_title.kembali": {
        "id": "Catat pengembalian oleh {role} atas evaluasi {id} (pohon {tree})",
        "en": "Record the {role}'s return of evaluation {id} (tree {tree})"},
    "approve.where": {
        "id": "Dicatat di {path} (komit {commit}) dan tag {tag}; versi folder (pohon) {tree}.",
        "en": "Recorded in {path} (commit {commit}) and tag {tag}; folder version (tree) "
              "{tree}.",
    },
    "approve.next.paraf": {
        "id": "Berikutnya: Kepala Dinas memeriksa dan menandatangani "
              "('evkin approve {id} --role kepala-dinas'). Bagikan: 'git push --follow-tags'.",
        "en": "Next: the Kepala Dinas checks and signs "
              "('evkin approve {id} --role kepala-dinas'). Share it: 'git push --follow-tags'.",
    },
    "approve.next.tanda_tangan": {
        "id": "Laporan final. Periksa dengan 'evkin approvals {id}'; bagikan dengan "
              "'git push --follow-tags'.",
        "en": "The report is final. Check it with 'evkin approvals {id}'; share it with "
              "'git push --follow-tags'.",
    },
    "approve.next.kembali.sekretaris": {
        "id": "Berikutnya: Tim SAKIP memperbaiki draf dan meng-commit-nya; lihat perubahan "
              "nanti dengan 'evkin diff {id}'.",
        "en": "Next: Tim SAKIP revises the draft and commits it; see the changes later with "
              "'evkin diff {id}'.",
    },
    "approve.next.kembali.kepala_dinas": {
        "id": "Berikutnya: Sekretaris memperbaiki (bersama Tim SAKIP) dan memberi paraf ulang.",
        "en": "Next: the Sekretaris revises (with Tim SAKIP) and gives a new paraf.",
    },
    # evkin approve: refusals (rules)
    "approve.bad_role": {"id": "peran ini tidak memberi persetujuan menurut SOP.",
                         "en": "this role does not approve under the SOP."},
    "approve.bad_decision": {"id": "keputusan ini bukan milik peran {role}.",
                             "en": "this decision does not belong to the {role}."},
    "approve.author": {
        "id": "{name} ikut menulis draf evaluasi {id} (komit atau penyusun), sehingga tidak "
              "dapat bertindak sebagai {role} atas draf ini. Minta pejabat lain atau tulis ulang "
              "bagian itu oleh Tim SAKIP.",
        "en": "{name} wrote part of the drafts of evaluation {id} (commits or penyusun), so "
              "cannot act as the {role} on this draft. Ask another official, or have Tim SAKIP "
              "redo that part.",
    },
    "approve.already_signed": {
        "id": "Evaluasi {id} sudah ditandatangani pada versi ini; tidak ada yang perlu dicatat "
              "lagi. Perubahan berikutnya memerlukan draf baru.",
        "en": "Evaluation {id} is already signed at this version; nothing more to record. A "
              "further change needs a new draft.",
    },
    "approve.already_paraf": {
        "id": "Versi ini sudah diparaf {role}; menunggu Kepala Dinas.",
        "en": "This version already carries the {role}'s paraf; waiting for the Kepala Dinas.",
    },
    "approve.already_returned": {
        "id": "Versi ini sudah dikembalikan oleh {role}; menunggu draf baru dari Tim SAKIP.",
        "en": "This version was already returned by the {role}; waiting for a new draft from "
              "Tim SAKIP.",
    },
    "approve.needs_paraf": {
        "id": "{role} hanya dapat menandatangani atau mengembalikan draf yang sudah diparaf "
              "Sekretaris pada versi yang sama (setelah pengembalian terakhir oleh Kepala "
              "Dinas). Minta paraf terlebih dahulu: 'evkin approve {id} --role sekretaris'.",
        "en": "The {role} can sign or return only a draft the Sekretaris has given a paraf on "
              "the same version (after the Kepala Dinas' last return). Ask for the paraf "
              "first: 'evkin approve {id} --role sekretaris'.",
    },
    "approve.paraf_stale": {
        "id": "Paraf Sekretaris diberikan pada versi lain: folder evaluasi {id} berubah "
              "setelah diparaf. Sekretaris perlu memeriksa dan memberi paraf ulang "
              "('evkin diff {id}' menunjukkan perubahannya).",
        "en": "The Sekretaris' paraf was given on another version: the folder of evaluation {id} "
              "changed after the paraf. The Sekretaris must check and give a new paraf "
              "('evkin diff {id}' shows the changes).",
    },
    # evkin approve: unusable situations
    "approve.no_commit": {"id": "repositori belum memiliki komit; commit evaluasi {id} dahulu.",
                          "en": "the repository has no commit yet; commit evaluation {id} "
                                "first."},
    "approve.not_committed": {
        "id": "folder {path} belum di-commit; yang disetujui adalah versi yang di-commit.",
        "en": "folder {path} is not committed; what is approved is the committed version.",
    },
    "approve.uncommitted": {
        "id": "folder {path} memiliki perubahan yang belum di-commit. Commit atau batalkan "
              "dahulu, agar yang disetujui sama dengan yang Anda periksa.",
        "en": "folder {path} has uncommitted changes. Commit or discard them first, so what "
              "is approved is what you checked.",
    },
    "approve.trail_uncommitted": {
        "id": "berkas jejak {path} memiliki perubahan yang belum di-commit; jejak hanya ditulis "
              "oleh evkin. Pulihkan dengan 'git restore {path}'.",
        "en": "the trail file {path} has uncommitted changes; only evkin writes trails. "
              "Restore it with 'git restore {path}'.",
    },
    "approve.settings_uncommitted": {
        "id": "evkin.yml belum di-commit (atau versi yang di-commit tidak dapat dibaca); "
              "pemegang peran dan kunci SSH dibaca dari evkin.yml yang di-commit.",
        "en": "evkin.yml is not committed (or its committed version cannot be read); role "
              "holders and SSH keys are read from the committed evkin.yml.",
    },
    "approve.reason_empty": {"id": "--return memerlukan alasan, mis. --return \"Lengkapi "
                                   "analisis faktor penghambat\".",
                             "en": "--return needs a reason, e.g. --return \"Complete the "
                                   "analysis of inhibiting factors\"."},
    "approve.no_key": {
        "id": "{role} ({name}) belum memiliki kunci_ssh di evkin.yml. Tambahkan baris "
              "'kunci_ssh: ssh-ed25519 AAAA...' (isi berkas .pub) pada pejabat itu dan commit.",
        "en": "{role} ({name}) has no kunci_ssh in evkin.yml. Add 'kunci_ssh: ssh-ed25519 "
              "AAAA...' (the .pub file's content) to that official and commit it.",
    },
    "approve.wrong_key": {
        "id": "kunci {path} ({given}) bukan kunci {role} ({name}) yang tercatat di evkin.yml "
              "({expected}). Pakai --key dengan kunci Anda sendiri.",
        "en": "key {path} ({given}) is not the key of the {role} ({name}) recorded in "
              "evkin.yml ({expected}). Use --key with your own key.",
    },
    "approve.forge_trail": {
        "id": "jejak evaluasi {id} berasal dari forge ({source}); persetujuan tanpa forge tidak "
              "dicampur dengannya. Lanjutkan pemeriksaan di pull request.",
        "en": "the trail of evaluation {id} comes from a forge ({source}); offline approvals "
              "are not mixed into it. Continue the review in the pull request.",
    },
    "approve.check_failed": {
        "id": "evaluasi {id} belum lolos 'evkin check' ({count} temuan); draf yang belum lolos "
              "tidak dapat diparaf atau ditandatangani (pengembalian tetap bisa):",
        "en": "evaluation {id} does not pass 'evkin check' ({count} findings); a draft that "
              "does not pass cannot get a paraf or signature (a return still can):",
    },
    "approve.tag_exists": {
        "id": "tag {tag} sudah ada tetapi tidak tercatat di jejak; jejak dan tag tidak cocok. "
              "Periksa dengan 'git show {tag}' sebelum mencoba lagi.",
        "en": "tag {tag} exists but is not in the trail; trail and tags disagree. Inspect it "
              "with 'git show {tag}' before trying again.",
    },
    # SSH
    "ssh.no_keygen": {"id": "program ssh-keygen (OpenSSH) tidak ditemukan; pasang OpenSSH.",
                      "en": "ssh-keygen (OpenSSH) not found; install OpenSSH."},
    "ssh.key_missing": {"id": "berkas kunci {path} tidak ada; sebutkan dengan --key.",
                        "en": "key file {path} does not exist; name it with --key."},
    "ssh.key_unreadable": {"id": "kunci {path} tidak dapat dibaca: {detail}",
                           "en": "key {path} cannot be read: {detail}"},
    "ssh.sign_failed": {"id": "penandatanganan dengan kunci {path} gagal: {detail}",
                        "en": "signing with key {path} failed: {detail}"},
    # Trail verification (added checks)
    "trail.role_mismatch": {
        "id": "persetujuan ke-{number}: keputusan '{decision}' bukan milik {role}",
        "en": "approval {number}: decision '{decision}' does not belong to the {role}",
    },
    "trail.unsigned": {
        "id": "persetujuan ke-{number} ({role}) tidak bertanda tangan SSH, padahal jejak ini "
              "dicatat tanpa forge",
        "en": "approval {number} ({role}) has no SSH signature in a trail recorded without a "
              "forge",
    },
    "trail.no_settings": {
        "id": "persetujuan ke-{number} ({role}): evkin.yml yang di-commit tidak dapat dibaca, "
              "sehingga kunci yang sah tidak diketahui",
        "en": "approval {number} ({role}): the committed evkin.yml cannot be read, so the "
              "allowed key is unknown",
    },
    "trail.no_key": {
        "id": "persetujuan ke-{number}: {role} tidak memiliki kunci_ssh di evkin.yml yang "
              "di-commit",
        "en": "approval {number}: the {role} has no kunci_ssh in the committed evkin.yml",
    },
    "trail.bad_signature": {
        "id": "tanda tangan SSH persetujuan ke-{number} ({role}) tidak sah: bukan dibuat "
              "dengan kunci {role} di evkin.yml, atau catatannya diubah setelah ditandatangani",
        "en": "the SSH signature of approval {number} ({role}) is not valid: not made with the "
              "{role}'s key in evkin.yml, or the record was changed after signing",
    },
    "trail.identity_mismatch": {
        "id": "persetujuan ke-{number} menyebut NIP lain dari pemegang peran {role} ({name})",
        "en": "approval {number} names another NIP than the {role} holder ({name})",
    },
    "trail.commit_mismatch": {
        "id": "persetujuan ke-{number} ({role}) menyebut komit yang isi foldernya bukan pohon "
              "yang disetujui",
        "en": "approval {number} ({role}) names a commit whose folder is not the approved "
              "tree",
    },
    "trail.author": {
        "id": "persetujuan ke-{number}: {name} ikut menulis draf, sehingga tidak dapat "
              "bertindak sebagai {role}",
        "en": "approval {number}: {name} wrote part of the drafts, so cannot act as the "
              "{role}",
    },
    "trail.returned": {
        "id": "keputusan terakhir {role} adalah pengembalian",
        "en": "the {role}'s latest decision is a return",
    },
    # evkin approvals
    "approvals.help": {"id": "tampilkan dan verifikasi jejak persetujuan sebuah evaluasi",
                       "en": "show and verify the approval trail of an evaluation"},
    "approvals.description": {
        "id": "Menampilkan jejak persetujuan (peran, nama, NIP, login, keputusan, waktu, tautan, "
              "pohon) dan memeriksa bahwa folder pada komit saat ini adalah versi yang "
              "disetujui. Kode keluar: 0 terverifikasi, 1 belum/tidak terverifikasi, 2 jejak "
              "tidak dapat dibaca.",
        "en": "Shows the approval trail (role, name, NIP, login, decision, time, link, tree) "
              "and checks that the folder at the current commit is the approved version. Exit "
              "code: 0 verified, 1 not (yet) verified, 2 trail unreadable.",
    },
    "approvals.opt_allowed": {
        "id": "tulis juga berkas allowed signers (dari evkin.yml yang di-commit) ke PATH, untuk "
              "'git -c gpg.ssh.allowedSignersFile=PATH verify-tag'",
        "en": "also write the allowed-signers file (from the committed evkin.yml) to PATH, for "
              "'git -c gpg.ssh.allowedSignersFile=PATH verify-tag'",
    },
    "approvals.allowed_written": {"id": "Berkas allowed signers ditulis: {path} ({count} kunci).",
                                  "en": "Allowed-signers file written: {path} ({count} keys)."},
    "approvals.none": {"id": "Evaluasi {id} belum memiliki jejak persetujuan.",
                       "en": "Evaluation {id} has no approval trail yet."},
    "approvals.title": {"id": "Jejak persetujuan evaluasi {id}:",
                        "en": "Approval trail of evaluation {id}:"},
    "approvals.source": {"id": "sumber: {source}; pull request: {pr}",
                         "en": "source: {source}; pull request: {pr}"},
    "approvals.who": {"id": "{name}, {jabatan}; NIP {nip}; login {login}",
                      "en": "{name}, {jabatan}; NIP {nip}; login {login}"},
    "approvals.when": {"id": "waktu:  {date}", "en": "time:   {date}"},
    "approvals.note": {"id": "alasan: {note}", "en": "reason: {note}"},
    "approvals.url": {"id": "tautan: {url}", "en": "link:   {url}"},
    "approvals.tree": {"id": "pohon:  {tree} (komit {commit})",
                       "en": "tree:   {tree} (commit {commit})"},
    "approvals.ssh.valid": {"id": "tanda tangan SSH: sah (kunci peran ini di evkin.yml)",
                            "en": "SSH signature: valid (this role's key in evkin.yml)"},
    "approvals.ssh.invalid": {"id": "tanda tangan SSH: TIDAK SAH",
                              "en": "SSH signature: NOT VALID"},
    "approvals.ssh.missing": {"id": "tanda tangan SSH: TIDAK ADA", "en": "SSH signature: MISSING"},
    "approvals.ssh.no_key": {"id": "tanda tangan SSH: tidak dapat diperiksa (kunci tidak ada di "
                                   "evkin.yml)",
                             "en": "SSH signature: cannot be checked (no key in evkin.yml)"},
    "approvals.tag.valid": {"id": "tag git: {tag} (git verify-tag: sah)",
                            "en": "git tag: {tag} (git verify-tag: valid)"},
    "approvals.tag.invalid": {"id": "tag git: {tag} (git verify-tag: TIDAK SAH)",
                              "en": "git tag: {tag} (git verify-tag: NOT VALID)"},
    "approvals.tag.elsewhere": {"id": "tag git: {tag} (sah, tetapi menunjuk komit lain)",
                                "en": "git tag: {tag} (valid, but points at another commit)"},
    "approvals.current_tree": {"id": "Pohon folder pada komit saat ini: {tree}",
                               "en": "Folder tree at the current commit: {tree}"},
    "approvals.verified": {
        "id": "TERVERIFIKASI: folder pada komit saat ini adalah versi yang diparaf dan "
              "ditandatangani.",
        "en": "VERIFIED: the folder at the current commit is the version that received the "
              "paraf and the signature.",
    },
    "approvals.not_verified": {"id": "TIDAK TERVERIFIKASI: {reason}.",
                               "en": "NOT VERIFIED: {reason}."},
}
