"""Messages of the command line itself."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.description": {
        "id": "evkin: Evaluasi Kinerja Internal (SOP 150.1/SOP-BMCKTR/2024) sebagai alur dokumen "
              "Git: periksa folder evaluasi, hitung capaian, buat PDF resmi, kawal paraf dan "
              "tanda tangan, terbitkan arsip.",
        "en": "evkin: Internal Performance Evaluation (SOP 150.1/SOP-BMCKTR/2024) as a Git "
              "document workflow: check evaluation folders, compute capaian, build the official "
              "PDF, enforce paraf and signature, publish the archive.",
    },
    "cli.opt_lang": {"id": "bahasa pesan: id (bawaan) atau en",
                     "en": "message language: id (default) or en"},
    "cli.opt_root": {"id": "folder repositori (bawaan: dicari dari folder kerja)",
                     "en": "repository folder (default: found from the working folder)"},
    "cli.bad_arguments": {"id": "Argumen tidak dapat dipakai: {detail}. Lihat 'evkin --help'.",
                          "en": "Unusable arguments: {detail}. See 'evkin --help'."},
    "args.required": {"id": "argumen wajib belum diberikan: {args}",
                      "en": "the following arguments are required: {args}"},
    "args.unrecognized": {"id": "argumen tidak dikenal: {args}",
                          "en": "unrecognized arguments: {args}"},
    "args.one_required": {"id": "salah satu argumen {args} wajib diberikan",
                          "en": "one of the arguments {args} is required"},
    "args.ambiguous": {"id": "opsi {option} bisa berarti {matches}; tulis lengkap",
                       "en": "the option {option} could mean {matches}; write it in full"},
    "args.invalid_choice": {"id": "argumen {arg}: pilihan {value} tidak dikenal; pilih salah "
                                  "satu dari {choices}",
                            "en": "argument {arg}: invalid choice {value}; choose one of "
                                  "{choices}"},
    "args.expected_one": {"id": "argumen {arg} memerlukan satu nilai",
                          "en": "argument {arg} expects one value"},
    "args.expected_some": {"id": "argumen {arg} memerlukan sedikitnya satu nilai",
                           "en": "argument {arg} expects at least one value"},
    "args.invalid_value": {"id": "argumen {arg}: nilai {value} tidak valid",
                           "en": "argument {arg}: invalid value {value}"},
    "args.not_together": {"id": "argumen {arg} tidak boleh dipakai bersama {other}",
                          "en": "argument {arg} cannot be used with {other}"},
    "args.no_value": {"id": "argumen {arg} tidak menerima nilai ({value})",
                      "en": "argument {arg} takes no value ({value})"},
    "args.argument": {"id": "argumen {arg}: {detail}", "en": "argument {arg}: {detail}"},
    "cli.interrupted": {"id": "Dihentikan.", "en": "Interrupted."},
    "cli.metavar_command": {"id": "PERINTAH", "en": "COMMAND"},
    "check.help": {"id": "periksa folder evaluasi (bagian, data indikator, dokumen SOP)",
                   "en": "check evaluation folders (sections, indicator data, SOP documents)"},
    "check.description": {
        "id": "Memeriksa metadata, bagian wajib laporan, data indikator, dokumen langkah 1–4 "
              "SOP, HTML/skrip, serta tautan dan gambar. Keluar 0 bila bersih, 1 bila ada "
              "temuan, 2 bila masukan tidak dapat dipakai.",
        "en": "Checks metadata, required report sections, indicator data, SOP step 1–4 "
              "documents, HTML/script, links and images. Exits 0 when clean, 1 on findings, "
              "2 when input is unusable.",
    },
    "check.opt_paths": {"id": "folder atau id evaluasi (bawaan: semua)",
                        "en": "evaluation folders or ids (default: all)"},
    "check.opt_jobs": {"id": "jumlah proses paralel (bawaan: jumlah inti)",
                       "en": "parallel processes (default: number of cores)"},
    "check.progress": {"id": "Memeriksa {done}/{total} evaluasi…",
                       "en": "Checking {done}/{total} evaluations…"},
    "check.clean": {"id": "{evaluations} evaluasi diperiksa: tidak ada temuan.",
                    "en": "{evaluations} evaluations checked: no findings."},
    "check.totals": {"id": "{evaluations} evaluasi diperiksa: {errors} temuan di {bad} evaluasi.",
                     "en": "{evaluations} evaluations checked: {errors} findings in {bad} "
                           "evaluations."},
    "summary.help": {"id": "tabel capaian dan predikat per indikator",
                     "en": "capaian and predikat per indicator"},
    "summary.opt_id": {"id": "id evaluasi, mis. 2025-tahunan", "en": "evaluation id, e.g. "
                       "2025-tahunan"},
}
