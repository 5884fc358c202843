"""Messages for drafts and differences: `evkin history`, `evkin diff`, and Git itself."""

MESSAGES: dict[str, dict[str, str]] = {
    # Git
    "git.not_repo": {
        "id": "{root} bukan repositori git. Draf, perbedaan dan persetujuan disimpan di git: "
              "jalankan 'git init' lalu commit folder evaluasi terlebih dahulu.",
        "en": "{root} is not a git repository. Drafts, differences and approvals live in git: "
              "run 'git init' and commit the evaluation folder first.",
    },
    "git.bad_rev": {
        "id": "'{rev}' bukan nomor draf, komit atau tag yang dikenal; lihat daftar draf dengan "
              "'evkin history ID'.",
        "en": "'{rev}' is not a known draft number, commit or tag; list the drafts with "
              "'evkin history ID'.",
    },
    "git.failed": {
        "id": "perintah '{command}' gagal: {detail}",
        "en": "command '{command}' failed: {detail}",
    },
    # history
    "history.help": {"id": "daftar draf sebuah evaluasi (komit yang mengubah foldernya)",
                     "en": "list the drafts of an evaluation (commits that changed its folder)"},
    "history.description": {
        "id": "Menampilkan draf evaluasi, terbaru di atas: nomor draf, komit, tanggal, penulis, "
              "pesan, dan keputusan (paraf, tanda tangan, pengembalian) yang tercatat pada "
              "versi itu.",
        "en": "Shows the drafts of an evaluation, newest first: draft number, commit, date, "
              "author, message, and the decisions (paraf, signature, return) recorded on that "
              "version.",
    },
    "history.opt_id": {"id": "id evaluasi (nama folder di evaluations/), mis. 2025-tahunan",
                       "en": "evaluation id (folder name under evaluations/), e.g. 2025-tahunan"},
    "history.none": {"id": "Evaluasi {id} belum memiliki draf yang di-commit.",
                     "en": "Evaluation {id} has no committed draft yet."},
    "history.title": {"id": "Draf evaluasi {id} ({count} draf, terbaru di atas):",
                      "en": "Drafts of evaluation {id} ({count} draft(s), newest first):"},
    "history.headers": {"id": "Draf;Komit;Tanggal;Penulis;Pesan;Pemeriksaan",
                        "en": "Draft;Commit;Date;Author;Message;Reviews"},
    "history.removed": {"id": "(folder dihapus)", "en": "(folder removed)"},
    "history.uncommitted": {
        "id": "Catatan: {path} memiliki perubahan yang belum di-commit (belum menjadi draf).",
        "en": "Note: {path} has uncommitted changes (not a draft yet).",
    },
    "history.hint": {
        "id": "Lihat perubahan: 'evkin diff {id}' (sejak pemeriksaan terakhir) atau "
              "'evkin diff {id} {first} {last}' (draf {first} ke draf {last}).",
        "en": "See the changes: 'evkin diff {id}' (since the last review) or "
              "'evkin diff {id} {first} {last}' (draft {first} to draft {last}).",
    },
    "history.hint_one": {
        "id": "Baru ada satu draf; 'evkin diff {id}' membandingkannya setelah ada draf kedua.",
        "en": "There is one draft so far; 'evkin diff {id}' compares once there is a second.",
    },
    # diff
    "diff.help": {"id": "perubahan antara dua draf, kata demi kata",
                  "en": "changes between two drafts, word by word"},
    "diff.description": {
        "id": "Menampilkan perubahan kata demi kata antara dua draf. DARI dan KE dapat berupa "
              "nomor draf dari 'evkin history', komit atau tag. Tanpa DARI: sejak pemeriksaan "
              "terakhir (paraf, tanda tangan atau pengembalian), atau sejak draf sebelumnya. "
              "Tanpa KE: draf terbaru.",
        "en": "Shows word-by-word changes between two drafts. FROM and TO may be a draft number "
              "from 'evkin history', a commit or a tag. Without FROM: since the last review "
              "(paraf, signature or return), else since the previous draft. Without TO: the "
              "latest draft.",
    },
    "diff.opt_from": {"id": "draf awal (bawaan: pemeriksaan terakhir)",
                      "en": "starting draft (default: the last review)"},
    "diff.opt_to": {"id": "draf akhir (bawaan: draf terbaru)",
                    "en": "ending draft (default: the latest draft)"},
    "diff.opt_color": {"id": "warna: auto (di terminal), always, never",
                       "en": "colour: auto (on a terminal), always, never"},
    "diff.draft": {"id": "draf {number} ({short}, {date}: {message})",
                   "en": "draft {number} ({short}, {date}: {message})"},
    "diff.commit": {"id": "{rev} ({short}; bukan draf evaluasi ini)",
                    "en": "{rev} ({short}; not a draft of this evaluation)"},
    "diff.no_such_draft": {
        "id": "draf {number} tidak ada; evaluasi {id} memiliki draf 1 sampai {count}.",
        "en": "there is no draft {number}; evaluation {id} has drafts 1 to {count}.",
    },
    "diff.since_review": {"id": "versi pemeriksaan terakhir ({decision}, {date})",
                          "en": "the version last reviewed ({decision}, {date})"},
    "diff.review_missing": {
        "id": "Catatan: versi yang terakhir diperiksa tidak ada di repositori ini; "
              "dibandingkan dengan draf sebelumnya.",
        "en": "Note: the version last reviewed is not in this repository; comparing with the "
              "previous draft instead.",
    },
    "diff.nothing_before": {"id": "(belum ada apa-apa: draf pertama)",
                            "en": "(nothing yet: the first draft)"},
    "diff.no_drafts": {
        "id": "Evaluasi {id} belum memiliki draf yang di-commit; commit folder evaluations/{id} "
              "terlebih dahulu.",
        "en": "Evaluation {id} has no committed draft; commit the folder evaluations/{id} "
              "first.",
    },
    "diff.title": {"id": "Perubahan evaluasi {id}", "en": "Changes to evaluation {id}"},
    "diff.from": {"id": "  dari: {label}", "en": "  from: {label}"},
    "diff.to": {"id": "  ke:   {label}", "en": "  to:   {label}"},
    "diff.legend": {"id": "  Tanda: [-teks-] dihapus, {+teks+} ditambahkan.",
                    "en": "  Markers: [-text-] removed, {+text+} added."},
    "diff.same": {"id": "Tidak ada perubahan.", "en": "No changes."},
    "diff.status.A": {"id": "berkas baru", "en": "new file"},
    "diff.status.D": {"id": "berkas dihapus", "en": "file removed"},
    "diff.status.M": {"id": "diubah", "en": "changed"},
    "diff.status.R": {"id": "dipindah dari {old}", "en": "renamed from {old}"},
    "diff.status.C": {"id": "disalin dari {old}", "en": "copied from {old}"},
    "diff.status.T": {"id": "jenis berkas berubah", "en": "file type changed"},
    "diff.status.U": {"id": "belum digabung", "en": "unmerged"},
    "diff.binary": {
        "id": "(berkas biner berubah; angka yang berubah tercantum di bagian 'Angka indikator')",
        "en": "(binary file changed; the figures that changed are listed under 'Indicator "
              "figures')",
    },
    "diff.figures": {"id": "Angka indikator yang berubah ({name})",
                     "en": "Indicator figures that changed ({name})"},
    "diff.figures_same": {"id": "(tidak ada angka indikator yang berubah)",
                          "en": "(no indicator figure changed)"},
    "datadiff.changed": {"id": "{id}", "en": "{id}"},
    "datadiff.added": {"id": "{id} ditambahkan:", "en": "{id} added:"},
    "datadiff.removed": {"id": "{id} dihapus", "en": "{id} removed"},
    "datadiff.unreadable": {"id": "{id} dihapus atau barisnya tidak terbaca (lihat 'evkin "
                                  "check')",
                            "en": "{id} removed or its row cannot be read (see 'evkin check')"},
    "diff.line": {"id": "baris {line}:", "en": "line {line}:"},
    "diff.lines": {"id": "baris {first}–{last}:", "en": "lines {first}–{last}:"},
    "diff.uncommitted": {
        "id": "Catatan: folder ini memiliki perubahan yang belum di-commit; perubahan itu "
              "belum termasuk di atas.",
        "en": "Note: this folder has uncommitted changes; they are not included above.",
    },
}
