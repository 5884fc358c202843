"""Messages about approval trails (persetujuan/<id>.yml)."""

MESSAGES: dict[str, dict[str, str]] = {
    "trail.invalid": {"id": "Jejak persetujuan {path} tidak dapat dibaca:",
                      "en": "The approval trail {path} cannot be read:"},
    "trail.entry_not_mapping": {"id": "setiap persetujuan harus berupa kumpulan isian.",
                                "en": "each approval must be a mapping."},
    "trail.field_missing": {"id": "isian '{field}' wajib ada pada persetujuan ini.",
                            "en": "entry '{field}' is required on this approval."},
    "trail.bad_role": {"id": "peran '{value}' tidak dikenal; pakai sekretaris atau "
                             "kepala_dinas.",
                       "en": "unknown role '{value}'; use sekretaris or kepala_dinas."},
    "trail.bad_decision": {"id": "keputusan '{value}' tidak dikenal; pakai paraf, tanda_tangan "
                                 "atau kembali.",
                           "en": "unknown decision '{value}'; use paraf, tanda_tangan or "
                                 "kembali."},
    "trail.bad_time": {"id": "waktu harus berupa tanggal-jam ISO dengan zona waktu, mis. "
                             "2025-01-28T09:12:00+07:00.",
                       "en": "time must be an ISO date-time with a time zone, e.g. "
                             "2025-01-28T09:12:00+07:00."},
    "trail.none": {"id": "belum ada jejak persetujuan", "en": "no approval trail yet"},
    "trail.incomplete": {"id": "paraf Sekretaris dan tanda tangan Kepala Dinas belum lengkap",
                         "en": "Sekretaris' paraf and Kepala Dinas' signature are not both "
                               "recorded"},
    "trail.out_of_order": {"id": "tanda tangan tercatat sebelum paraf",
                           "en": "the signature is recorded before the paraf"},
    "trail.no_tree": {"id": "isi folder yang disetujui tidak dapat dibandingkan (bukan "
                            "repositori git, atau folder belum di-commit)",
                      "en": "the approved folder cannot be compared (not a git repository, "
                            "or the folder is not committed)"},
    "trail.tree_changed": {"id": "isi folder berubah setelah disetujui",
                           "en": "the folder changed after approval"},
    "trail.uncommitted": {"id": "folder memiliki perubahan yang belum di-commit",
                          "en": "the folder has uncommitted changes"},
}
