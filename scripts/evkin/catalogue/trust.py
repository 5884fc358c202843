"""Messages of the roots of trust (``trust.py``): approval mode, signed key changes,
revocations, the sample record key."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "settings.approval_mode": {
        "id": "persetujuan.cara '{value}' tidak dikenal; isi salah satu dari: {allowed} "
              "(forge: persetujuan lewat pull request; tanpa_forge: 'evkin approve' dengan "
              "kunci SSH pejabat).",
        "en": "persetujuan.cara '{value}' is not known; use one of: {allowed} (forge: "
              "approval by pull request; tanpa_forge: 'evkin approve' with officials' SSH "
              "keys).",
    },
    "settings.revoked_not_list": {
        "id": "persetujuan.kunci_dicabut harus berupa daftar, mis. "
              "'- {{kunci: ssh-ed25519 AAAA…, sejak: 2026-05-01}}'.",
        "en": "persetujuan.kunci_dicabut must be a list, e.g. "
              "'- {{kunci: ssh-ed25519 AAAA…, sejak: 2026-05-01}}'.",
    },
    "settings.revoked_entry": {
        "id": "entri kunci_dicabut perlu 'kunci' (kunci publik OpenSSH, mis. 'ssh-ed25519 "
              "AAAA…') dan 'sejak' (tanggal TTTT-BB-HH sejak kunci tidak berlaku).",
        "en": "a kunci_dicabut entry needs 'kunci' (an OpenSSH public key, e.g. 'ssh-ed25519 "
              "AAAA…') and 'sejak' (the date YYYY-MM-DD from which the key no longer counts).",
    },
    "settings.sample_record_key": {
        "id": "pencatat.kunci masih memuat kunci CONTOH dari evkin; kunci privatnya ada di "
              "repositori, jadi siapa pun dapat memalsukan jejak persetujuan. Buat kunci "
              "sendiri: 'ssh-keygen -t ed25519 -N \"\" -C evkin-pencatat -f kunci-pencatat', "
              "simpan isi kunci-pencatat sebagai secret EVKIN_RECORD_KEY, ganti baris ini "
              "dengan isi kunci-pencatat.pub (docs/panduan/peninjauan.md).",
        "en": "pencatat.kunci still lists evkin's SAMPLE key; its private half is in the "
              "repository, so anyone can forge an approval trail. Make your own: 'ssh-keygen "
              "-t ed25519 -N \"\" -C evkin-pencatat -f kunci-pencatat', store kunci-pencatat as "
              "the secret EVKIN_RECORD_KEY, replace this line with kunci-pencatat.pub "
              "(docs/panduan/peninjauan.md).",
    },
    "record.sample_key": {
        "id": "{env} berisi kunci pencatat CONTOH (kunci privatnya ada di repositori); jejak "
              "yang ditandatanganinya tidak sah. Buat kunci sendiri dan simpan sebagai secret "
              "{env} (docs/panduan/peninjauan.md).",
        "en": "{env} holds the SAMPLE record key (its private half is in the repository); a "
              "trail it signs does not count. Make your own key and store it as the secret "
              "{env} (docs/panduan/peninjauan.md).",
    },
    "trail.sample_key": {
        "id": "jejak ditandatangani kunci pencatat CONTOH, yang kunci privatnya ada di "
              "repositori: tidak sah di luar 'evkin demo'. Buat kunci pencatat sendiri "
              "(docs/panduan/peninjauan.md) dan catat ulang persetujuan",
        "en": "the trail is signed with the SAMPLE record key, whose private half is in the "
              "repository: not valid outside 'evkin demo'. Make your own record key "
              "(docs/panduan/peninjauan.md) and record the approvals again",
    },
    "trail.key_revoked": {
        "id": "persetujuan {number} ({role}) ditandatangani dengan kunci yang dicabut sejak "
              "{since} (persetujuan.kunci_dicabut); minta persetujuan ulang dengan kunci baru",
        "en": "approval {number} ({role}) was signed with a key revoked since {since} "
              "(persetujuan.kunci_dicabut); ask for the approval again with a new key",
    },
    "trail.mode_forge": {
        "id": "persetujuan ke-{number} ({role}) dibuat dengan 'evkin approve' (tanpa forge), "
              "padahal repositori ini menyatakan persetujuan lewat forge (persetujuan.cara: "
              "forge di evkin.yml main): jejak tanpa tanda tangan pencatat tidak sah",
        "en": "approval {number} ({role}) was made with 'evkin approve' (forge-less), but this "
              "repository declares approval through a forge (persetujuan.cara: forge in "
              "main's evkin.yml): a trail without the record signature does not count",
    },
    "trail.trust_change_unsigned": {
        "id": "komit {commit} oleh {author} mengubah {what} di evkin.yml tanpa tanda tangan "
              "SSH pejabat yang sudah dipercaya sebelumnya; perubahan itu tidak berlaku dan "
              "laporan ini tidak final. Bila perubahan itu sah, buat ulang sebagai komit "
              "bertanda tangan Kepala Dinas atau Sekretaris (docs/panduan/peninjauan.md)",
        "en": "commit {commit} by {author} changes {what} in evkin.yml without the SSH "
              "signature of an official trusted before it; the change does not count and this "
              "report is not final. If the change is genuine, make it again as a commit "
              "signed by the Kepala Dinas or the Sekretaris (docs/panduan/peninjauan.md)",
    },
    "trail.trust_change_by_author": {
        "id": "komit {commit} oleh {author}, penyusun draf laporan ini, mengubah {what} di "
              "evkin.yml setelah penyusunan dimulai; penyusun tidak boleh mengubah pejabat "
              "atau kunci yang menyetujui laporannya sendiri. Laporan ini tidak final.",
        "en": "commit {commit} by {author}, who wrote drafts of this report, changes {what} "
              "in evkin.yml after drafting began; an author may not change the officials or "
              "keys that approve their own report. This report is not final.",
    },
    "trail.unsigned_field": {
        "id": "isian '{field}' di jejak persetujuan tidak dilindungi tanda tangan mana pun; "
              "evkin mengabaikannya dan tidak menampilkannya. Hapus isian itu (jejak hanya "
              "ditulis oleh evkin).",
        "en": "the field '{field}' in the approval trail is covered by no signature; evkin "
              "ignores it and shows it nowhere. Remove it (trails are written by evkin only).",
    },
    "check.totals_settings": {
        "id": "{evaluations} evaluasi diperiksa: {errors} temuan, di {bad} evaluasi dan di "
              "evkin.yml.",
        "en": "{evaluations} evaluations checked: {errors} findings, in {bad} evaluations and "
              "in evkin.yml.",
    },
    "approve.mode_forge": {
        "id": "Repositori ini menyatakan persetujuan lewat forge (persetujuan.cara: forge di "
              "evkin.yml): paraf dan tanda tangan diberikan sebagai persetujuan pull request, "
              "bukan dengan 'evkin approve'. Untuk kantor tanpa forge, ubah menjadi "
              "'cara: tanpa_forge' (docs/panduan/persetujuan-tanpa-forge.md).",
        "en": "This repository declares approval through a forge (persetujuan.cara: forge in "
              "evkin.yml): paraf and signature are pull-request approvals, not 'evkin "
              "approve'. For an office without a forge set 'cara: tanpa_forge' "
              "(docs/panduan/persetujuan-tanpa-forge.md).",
    },
    "render.trust_root": {
        "id": "Sidik akar kepercayaan: {akar}.",
        "en": "Root-of-trust fingerprint: {akar}.",
    },
    "approvals.trust_root": {
        "id": "Akar kepercayaan (pejabat dan kunci pertama, komit {commit}): {fingerprint}",
        "en": "Root of trust (first officials and keys, commit {commit}): {fingerprint}",
    },
    "approvals.trust_change": {
        "id": "  {commit} {when} {author}: {what} — {verdict}",
        "en": "  {commit} {when} {author}: {what} — {verdict}",
    },
    "approvals.trust_accepted_line": {
        "id": "berlaku (jalur utama forge)",
        "en": "in force (forge main line)",
    },
    "approvals.trust_accepted_signed": {
        "id": "berlaku (ditandatangani {role})",
        "en": "in force (signed by the {role})",
    },
    "approvals.trust_pinned": {
        "id": "berlaku sebagai kunci pertama (dipatok; bandingkan sidiknya dengan PDF final)",
        "en": "in force as the first keys (pinned; compare its fingerprint with a final PDF)",
    },
    "approvals.trust_refused": {
        "id": "DITOLAK: tidak ditandatangani kunci pejabat yang dipercaya",
        "en": "REFUSED: not signed by a trusted official's key",
    },
}
