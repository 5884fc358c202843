"""Messages of the archive site, publication (step 8) and ``evkin verify``."""

MESSAGES: dict[str, dict[str, str]] = {
    "site.help": {"id": "situs arsip laporan (MkDocs Material): build atau serve",
                  "en": "the report archive site (MkDocs Material): build or serve"},
    "site.description": {
        "id": "Membuat halaman arsip dari evaluasi yang paraf dan tanda tangannya terverifikasi "
              "(docs/arsip/, docs/index.md), lalu membangun situs dengan MkDocs. Setelah itu "
              "'mkdocs build' saja menghasilkan situs yang sama.",
        "en": "Generates archive pages from evaluations whose paraf and signature verify "
              "(docs/arsip/, docs/index.md), then builds the site with MkDocs. Afterwards "
              "'mkdocs build' alone gives the same site.",
    },
    "site.build_help": {"id": "buat halaman dan bangun situs arsip",
                        "en": "generate the pages and build the archive site"},
    "site.serve_help": {"id": "bangun lalu sajikan situs arsip di komputer ini",
                        "en": "build, then serve the archive site on this computer"},
    "site.opt_preview": {
        "id": "pratinjau: ikutkan draf yang belum disetujui (ditandai di setiap halaman; "
              "tidak pernah diterbitkan)",
        "en": "preview: include drafts not yet approved (marked on every page; never "
              "published)",
    },
    "site.opt_output": {"id": "folder hasil (bawaan: site/)",
                        "en": "output folder (default: site/)"},
    "site.opt_verbose": {"id": "tampilkan pesan MkDocs", "en": "show MkDocs' messages"},
    "site.opt_port": {"id": "port (bawaan: 8000)", "en": "port (default: 8000)"},
    "site.opt_host": {"id": "alamat (bawaan: 127.0.0.1, hanya komputer ini)",
                      "en": "address (default: 127.0.0.1, this computer only)"},
    "site.opt_no_build": {"id": "sajikan folder yang sudah dibangun tanpa membangun ulang",
                          "en": "serve the folder as built, without rebuilding"},
    "site.progress_pdf": {"id": "Membuat PDF {done}/{total}…",
                          "en": "Building PDFs {done}/{total}…"},
    "site.progress_mkdocs": {"id": "Membangun situs dengan MkDocs…",
                             "en": "Building the site with MkDocs…"},
    "site.withheld": {
        "id": "{id}: belum diterbitkan ({reason}).",
        "en": "{id}: not published ({reason}).",
    },
    "site.built": {
        "id": "Situs arsip dibuat di {path}: {final} laporan final; {withheld} evaluasi belum "
              "disetujui tidak diikutkan. Buka {index}.",
        "en": "Archive site built in {path}: {final} final reports; {withheld} evaluations not "
              "yet approved left out. Open {index}.",
    },
    "site.built_preview": {
        "id": "PRATINJAU dibuat di {path}: {final} laporan final dan {drafts} draf (ditandai). "
              "Jangan diterbitkan. Buka {index}.",
        "en": "PREVIEW built in {path}: {final} final reports and {drafts} drafts (marked). "
              "Do not publish it. Open {index}.",
    },
    "site.not_built": {
        "id": "Situs belum dibangun di {path}. Jalankan 'evkin site build' dulu.",
        "en": "No site built in {path}. Run 'evkin site build' first.",
    },
    "site.serving": {
        "id": "Situs arsip tersedia di {url} (folder {path}). Tekan Ctrl+C untuk berhenti.",
        "en": "Archive site at {url} (folder {path}). Press Ctrl+C to stop.",
    },
    "site.stopped": {"id": "Server dihentikan.", "en": "Server stopped."},
    "site.port_busy": {
        "id": "Tidak dapat membuka {host}:{port} ({detail}). Pakai port lain, mis. "
              "'--port 8001'.",
        "en": "Cannot listen on {host}:{port} ({detail}). Use another port, e.g. "
              "'--port 8001'.",
    },
    "site.mkdocs_failed": {
        "id": "MkDocs gagal membangun situs: {detail}",
        "en": "MkDocs failed to build the site: {detail}",
    },
    "site.trail_unreadable": {
        "id": "jejak persetujuan tidak dapat dibaca: {detail}",
        "en": "the approval trail cannot be read: {detail}",
    },
}
