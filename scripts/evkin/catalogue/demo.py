"""Messages of `evkin demo`."""

MESSAGES: dict[str, dict[str, str]] = {
    "demo.help": {"id": "jalankan contoh lengkap: periksa, capaian, PDF, situs arsip",
                  "en": "run the sample end to end: check, capaian, PDF, archive site"},
    "demo.description": {
        "id": "Memeriksa evaluasi contoh, menampilkan capaiannya, membuat PDF ke build/pdf, "
              "membangun situs arsip dan menyajikannya di http://127.0.0.1:PORT/.",
        "en": "Checks the sample evaluations, prints their capaian, builds PDFs into build/pdf, "
              "builds the archive site and serves it at http://127.0.0.1:PORT/.",
    },
    "demo.opt_no_serve": {"id": "bangun saja, jangan sajikan situs",
                          "en": "build only, do not serve the site"},
    "demo.step_check": {"id": "Periksa semua evaluasi", "en": "Check every evaluation"},
    "demo.step_summary": {"id": "Capaian", "en": "Capaian"},
    "demo.step_pdf": {"id": "PDF resmi", "en": "Official PDFs"},
    "demo.step_site": {"id": "Situs arsip", "en": "Archive site"},
    "demo.step_serve": {"id": "Sajikan situs", "en": "Serve the site"},
    "demo.serving": {"id": "Buka http://127.0.0.1:{port}/ di peramban; tekan Ctrl+C untuk "
                           "berhenti.",
                     "en": "Open http://127.0.0.1:{port}/ in a browser; press Ctrl+C to stop."},
}
