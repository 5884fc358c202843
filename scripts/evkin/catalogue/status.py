"""Messages for `evkin status` (SOP step, next actor, time standards)."""

MESSAGES: dict[str, dict[str, str]] = {
    "status.help": {"id": "posisi setiap evaluasi dalam SOP, siapa berikutnya, dan ketepatan "
                          "waktu",
                    "en": "where each evaluation stands in the SOP, who acts next, and timing"},
    "status.description": {
        "id": "Menampilkan langkah SOP tempat evaluasi berada, siapa yang bertindak berikutnya, "
              "serta tanggal dan lama setiap langkah dibandingkan standar waktu SOP (5, 2 dan 1 "
              "hari dihitung sebagai hari kerja, tanpa hari libur nasional dan cuti bersama). "
              "Langkah yang melewati standar ditandai.",
        "en": "Shows the SOP step each evaluation is at, who acts next, and each step's dates "
              "and duration against the SOP's time standards (5, 2 and 1 days counted as "
              "working days, excluding public holidays and cuti bersama). Steps over their "
              "standard are flagged.",
    },
    "status.opt_id": {"id": "id evaluasi (tanpa ID: semua evaluasi)",
                      "en": "evaluation id (without one: every evaluation)"},
    "status.opt_today": {"id": "hitung seolah-olah hari ini tanggal ini (YYYY-MM-DD)",
                         "en": "compute as if today were this date (YYYY-MM-DD)"},
    "status.bad_date": {"id": "'{value}' bukan tanggal; {advice}",
                        "en": "'{value}' is not a date; {advice}"},
    "status.kind.report": {"id": "Penyusunan draf laporan", "en": "Drafting the report"},
    "status.kind.paraf": {"id": "Pemeriksaan dan paraf", "en": "Check and paraf"},
    "status.kind.tanda_tangan": {"id": "Pemeriksaan dan tanda tangan", "en": "Check and signature"},
    "status.kind.publish": {"id": "Penggandaan, distribusi dan arsip",
                            "en": "Copying, distribution and archive"},
    "status.kind.other": {"id": "Langkah SOP", "en": "SOP step"},
    "status.state.done": {"id": "selesai", "en": "done"},
    "status.state.current": {"id": "berjalan", "en": "in progress"},
    "status.state.waiting": {"id": "belum", "en": "not yet"},
    "status.overdue_flag": {"id": "TERLAMBAT", "en": "LATE"},
    "status.late_flag": {"id": "LEWAT BATAS", "en": "OVERDUE"},
    "status.no_evaluations": {"id": "Belum ada evaluasi di folder evaluations/.",
                              "en": "No evaluations in the evaluations/ folder yet."},
    "status.all_done": {"id": "selesai (final)", "en": "done (final)"},
    "status.today": {"id": "Status per {date}:", "en": "Status as of {date}:"},
    "status.list_headers": {"id": "Evaluasi;Langkah;Berikutnya;Terlambat;Catatan",
                            "en": "Evaluation;Step;Next;Late;Note"},
    "status.title": {"id": "Status evaluasi {id} per {date}",
                     "en": "Status of evaluation {id} as of {date}"},
    "status.done": {"id": "Semua langkah SOP selesai; laporan final dan jejaknya terverifikasi.",
                    "en": "Every SOP step is done; the report is final and its trail verified."},
    "status.at": {"id": "Langkah {step}: {name}. Berikutnya: {actor}.",
                  "en": "Step {step}: {name}. Next: {actor}."},
    "status.note": {"id": "Catatan: {text}", "en": "Note: {text}"},
    "status.days": {"id": "{n} hari kerja", "en": "{n} working days"},
    "status.headers": {"id": "Langkah;Kegiatan;Pelaksana;Mulai;Selesai;Lama;Standar;Batas;Status",
                       "en": "Step;Activity;Actor;Start;End;Took;Standard;Deadline;Status"},
    "status.overdue_summary": {
        "id": "Langkah melewati standar waktu SOP: {steps}.",
        "en": "Steps over the SOP's time standard: {steps}.",
    },
    "status.returned": {
        "id": "dikembalikan oleh {role} ke {to} pada {at}; alasan: {reason}",
        "en": "returned by the {role} to {to} on {at}; reason: {reason}",
    },
    "status.not_published": {
        "id": "laporan final dan jejaknya terverifikasi, tetapi belum tampak di arsip yang "
              "terbit (manifest situs); langkah 8 selesai setelah CI menerbitkannya. Arsip lain: "
              "--archive FOLDER_ATAU_URL",
        "en": "the report is final and its trail verified, but it is not in the published "
              "archive (the site's manifest) yet; step 8 is done once CI publishes it. Another "
              "archive: --archive FOLDER_OR_URL",
    },
    "status.order_flag": {
        "id": "TANGGAL TIDAK BERURUTAN: sebelum langkah sebelumnya selesai; periksa tanggalnya",
        "en": "DATES OUT OF ORDER: before the previous step ended; check its date",
    },
    "status.stale": {
        "id": "folder berubah setelah persetujuan {role} ({at}); perlu diperiksa ulang",
        "en": "the folder changed after the {role}'s approval ({at}); it needs a new check",
    },
    "status.no_tree": {
        "id": "ada jejak persetujuan, tetapi isi folder tidak dapat dibandingkan (bukan "
              "repositori git, atau folder belum di-commit)",
        "en": "there is an approval trail, but the folder cannot be compared (not a git "
              "repository, or the folder is not committed)",
    },
    "status.unverified": {
        "id": "sudah ditandatangani, tetapi jejak tidak terverifikasi: {reason}",
        "en": "signed, but the trail does not verify: {reason}",
    },
}
