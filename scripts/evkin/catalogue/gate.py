"""Messages of the review gate (`evkin gate`) and the forge clients."""

MESSAGES: dict[str, dict[str, str]] = {
    # Command line
    "gate.help": {"id": "posisi pull request pada SOP: paraf, tanda tangan atau dikembalikan",
                  "en": "where a pull request stands in the SOP: paraf, signature or returned"},
    "gate.description": {
        "id": "Membaca ulasan pull request dari GitHub atau Gitea/Forgejo (atau dari berkas "
              "JSON tersimpan) dan menentukan langkah SOP: paraf Sekretaris (langkah {paraf}), "
              "tanda tangan Kepala Dinas (langkah {sign}), atau dikembalikan. Peran diambil "
              "dari evkin.yml di cabang tujuan. Token hanya dari variabel lingkungan "
              "EVKIN_TOKEN, GITHUB_TOKEN atau GITEA_TOKEN. Keluar 0 hanya bila sudah "
              "ditandatangani, 1 bila belum, 2 bila masukan tidak dapat dipakai.",
        "en": "Reads a pull request's reviews from GitHub or Gitea/Forgejo (or saved JSON "
              "files) and decides the SOP step: Sekretaris' paraf (step {paraf}), Kepala Dinas' "
              "signature (step {sign}), or returned. Roles come from evkin.yml on the target "
              "branch. The token comes only from the environment: EVKIN_TOKEN, GITHUB_TOKEN or "
              "GITEA_TOKEN. Exits 0 only when signed, 1 when not yet, 2 when input is unusable.",
    },
    "gate.opt_forge": {"id": "github atau gitea (Gitea dan Forgejo); bawaan: dari lingkungan "
                             "runner, selain itu dari bentuk berkas JSON",
                       "en": "github or gitea (Gitea and Forgejo); default: from the runner's "
                             "environment, else from the JSON files' shape"},
    "gate.opt_api_url": {"id": "alamat API, mis. https://api.github.com atau "
                               "https://git.instansi.go.id/api/v1 (bawaan: GITHUB_API_URL)",
                         "en": "API address, e.g. https://api.github.com or "
                               "https://git.example/api/v1 (default: GITHUB_API_URL)"},
    "gate.opt_repo": {"id": "repositori pemilik/nama (bawaan: GITHUB_REPOSITORY)",
                      "en": "repository owner/name (default: GITHUB_REPOSITORY)"},
    "gate.opt_pr": {"id": "nomor pull request, atau berkas JSON tersimpan dari GET "
                          "/repos/{o}/{r}/pulls/{n}",
                    "en": "pull request number, or a saved JSON file of GET "
                          "/repos/{o}/{r}/pulls/{n}"},
    "gate.opt_reviews": {"id": "berkas JSON tersimpan dari GET .../pulls/{n}/reviews (mode luring)",
                         "en": "saved JSON of GET .../pulls/{n}/reviews (offline mode)"},
    "gate.opt_commits": {"id": "berkas JSON tersimpan dari GET .../pulls/{n}/commits",
                         "en": "saved JSON of GET .../pulls/{n}/commits"},
    "gate.opt_files": {"id": "berkas JSON tersimpan dari GET .../pulls/{n}/files: hanya menambah "
                             "berkas yang dihitung git, tidak pernah menggantinya",
                       "en": "saved JSON of GET .../pulls/{n}/files: only adds to the files git "
                             "computes, never replaces them"},
    "gate.opt_base_settings": {"id": "evkin.yml dari cabang tujuan (berkas)",
                               "en": "the target branch's evkin.yml (a file)"},
    "gate.opt_base_ref": {"id": "ref git cabang tujuan untuk membaca evkin.yml (bawaan: "
                                "origin/<cabang tujuan>)",
                          "en": "git ref of the target branch to read evkin.yml from (default: "
                                "origin/<target branch>)"},
    "gate.opt_commit": {"id": "cari pull request yang digabung menjadi komit ini (untuk "
                              "--record setelah merge)",
                        "en": "find the pull request merged as this commit (for --record after "
                              "merge)"},
    "gate.opt_record": {"id": "bila sudah ditandatangani, tulis jejak persetujuan "
                              "persetujuan/<id>.yml",
                        "en": "when signed, write the approval trail persetujuan/<id>.yml"},
    "gate.opt_no_status": {"id": "jangan kirim status komit walaupun ada token",
                           "en": "do not post a commit status even with a token"},
    "gate.opt_target_url": {"id": "tautan pada status komit (bawaan: halaman pull request)",
                            "en": "link on the commit status (default: the pull request page)"},
    # Status words (one per SOP state)
    "gate.status.menunggu_paraf": {"id": "Menunggu paraf {role}",
                                   "en": "Waiting for the {role}'s paraf"},
    "gate.status.menunggu_tanda_tangan": {"id": "Menunggu tanda tangan {role}",
                                          "en": "Waiting for the {role}'s signature"},
    "gate.status.ditandatangani": {"id": "Sudah diparaf dan ditandatangani; siap digabung dan "
                                         "diterbitkan oleh {role}",
                                   "en": "Initialled and signed; ready to merge and be "
                                         "published by {role}"},
    "gate.status.dikembalikan": {"id": "Dikembalikan ke {role} untuk diperbaiki",
                                 "en": "Returned to {role} for correction"},
    "gate.status.ditolak": {"id": "Ditolak: pull request ini harus dipisah ({role} memperbaiki)",
                            "en": "Refused: this pull request must be split ({role} to fix)"},
    "gate.status.perlu_perbaikan": {"id": "Belum lolos pemeriksaan evkin check ({role} "
                                          "memperbaiki)",
                                    "en": "Does not pass evkin check ({role} to fix)"},
    "gate.status_line": {"id": "{text} — langkah {step} SOP",
                         "en": "{text} — SOP step {step}"},
    # Text output
    "gate.out_pr": {"id": "Pull request #{number}{title}: {what}",
                    "en": "Pull request #{number}{title}: {what}"},
    "gate.out_evaluation": {"id": "evaluasi {id}", "en": "evaluation {id}"},
    "gate.out_no_evaluation": {"id": "tanpa folder evaluasi (perubahan pengaturan atau lainnya)",
                               "en": "no evaluation folder (settings or other changes)"},
    "gate.out_status": {"id": "Status: {text}", "en": "Status: {text}"},
    "gate.out_step": {"id": "Langkah {step}: {uraian}", "en": "Step {step}: {uraian}"},
    "gate.out_next": {"id": "Berikutnya: {who}", "en": "Next: {who}"},
    "gate.out_paraf": {"id": "Paraf {role}: {what}", "en": "{role}'s paraf: {what}"},
    "gate.out_signature": {"id": "Tanda tangan {role}: {what}",
                           "en": "{role}'s signature: {what}"},
    "gate.out_given": {"id": "{name} (@{login}), {time}, komit {commit}",
                       "en": "{name} (@{login}), {time}, commit {commit}"},
    "gate.out_none": {"id": "belum", "en": "not yet"},
    "gate.out_return": {"id": "Dikembalikan oleh {role} (@{login}), {time}: {reason}",
                        "en": "Returned by {role} (@{login}), {time}: {reason}"},
    "gate.out_no_reason": {"id": "(tanpa alasan tertulis)", "en": "(no reason given)"},
    "gate.out_notes": {"id": "Catatan:", "en": "Notes:"},
    "gate.status_posted": {"id": "Status komit {context} dikirim ke {sha}: {state}.",
                           "en": "Commit status {context} posted on {sha}: {state}."},
    "gate.status_failed": {"id": "Status komit tidak dapat dikirim: {detail}",
                           "en": "The commit status could not be posted: {detail}"},
    "gate.recorded": {"id": "Jejak persetujuan ditulis: {path} (pohon {tree}).",
                      "en": "Approval trail written: {path} (tree {tree})."},
    "gate.not_recorded": {"id": "Jejak persetujuan TIDAK ditulis: pull request #{number} belum "
                                "diparaf dan ditandatangani.",
                          "en": "Approval trail NOT written: pull request #{number} is not "
                                "initialled and signed."},
    "gate.nothing_to_record": {"id": "Tidak ada jejak untuk dicatat: pull request #{number} "
                                     "tidak mengubah folder evaluasi.",
                               "en": "Nothing to record: pull request #{number} changes no "
                                     "evaluation folder."},
    "gate.no_merged_pr": {"id": "Komit {sha} bukan hasil penggabungan pull request; tidak ada "
                                "yang dicatat.",
                          "en": "Commit {sha} is not the merge of a pull request; nothing to "
                                "record."},
    # Notes (located problems)
    "gate.not_a_role": {"id": "keputusan @{login} tidak dihitung: login ini bukan Sekretaris "
                              "atau Kepala Dinas menurut evkin.yml di cabang tujuan.",
                        "en": "@{login}'s decision does not count: this login is neither the "
                              "Sekretaris nor the Kepala Dinas per evkin.yml on the target "
                              "branch."},
    "gate.author_cannot_approve": {
        "id": "@{login} adalah pembuat pull request ini, jadi tidak dapat bertindak sebagai "
              "{role}; keputusannya tidak dihitung. Minta anggota Tim SAKIP lain membuat pull "
              "request.",
        "en": "@{login} opened this pull request and so cannot act as {role}; their decision "
              "does not count. Ask another Tim SAKIP member to open the pull request."},
    "gate.contributor_cannot_approve": {
        "id": "@{login} ikut membuat komit di pull request ini, jadi tidak dapat bertindak "
              "sebagai {role}; keputusannya tidak dihitung. Perubahan dari {role} disampaikan "
              "sebagai komentar, lalu Tim SAKIP yang mengubah.",
        "en": "@{login} has commits in this pull request and so cannot act as {role}; their "
              "decision does not count. The {role} should comment and let Tim SAKIP make the "
              "change."},
    "gate.stale": {"id": "persetujuan {role} (@{login}) diberikan pada komit {commit}, bukan "
                         "komit terakhir {head}; isi berubah sesudahnya, jadi {role} perlu "
                         "menyetujui lagi.",
                   "en": "the {role}'s approval (@{login}) was given on commit {commit}, not the "
                         "latest commit {head}; the content changed since, so the {role} must "
                         "approve again."},
    "gate.unknown_commit": {"id": "persetujuan {role} (@{login}) tidak menyebut komit yang "
                                  "diperiksa (komit sudah hilang dari cabang); {role} perlu "
                                  "menyetujui lagi.",
                            "en": "the {role}'s approval (@{login}) names no reviewed commit "
                                  "(the commit is gone from the branch); the {role} must "
                                  "approve again."},
    "gate.paraf_before_return": {"id": "paraf {role} (@{login}) diberikan sebelum {signer} "
                                       "mengembalikan draf; setelah dikembalikan diperlukan "
                                       "paraf baru.",
                                 "en": "the {role}'s paraf (@{login}) predates the {signer}'s "
                                       "return; a new paraf is needed after a return."},
    "gate.signature_before_paraf": {"id": "persetujuan {role} (@{login}) diberikan sebelum "
                                          "paraf {paraf_role} atas isi yang sama; menurut SOP "
                                          "itu belum tanda tangan. {role} perlu menyetujui lagi "
                                          "setelah paraf.",
                                    "en": "the {role}'s approval (@{login}) came before the "
                                          "{paraf_role}'s paraf of the same content; under the "
                                          "SOP that is not a signature. The {role} must approve "
                                          "again after the paraf."},
    "gate.role_without_login": {"id": "{role} tidak memiliki 'login' di evkin.yml (pejabat."
                                      "{key}.login), sehingga persetujuannya di forge tidak "
                                      "dapat dikenali.",
                                "en": "the {role} has no 'login' in evkin.yml (pejabat.{key}."
                                      "login), so their approval on the forge cannot be "
                                      "recognised."},
    "gate.many_evaluations": {"id": "pull request ini mengubah lebih dari satu evaluasi ({ids}); "
                                    "paraf dan tanda tangan berlaku untuk satu laporan. Pisahkan "
                                    "menjadi satu pull request per evaluasi.",
                              "en": "this pull request changes more than one evaluation ({ids}); "
                                    "a paraf and a signature cover one report. Split it into "
                                    "one pull request per evaluation."},
    "gate.governance_with_evaluation": {
        "id": "pull request ini mengubah {files} bersama evaluasi {ids}; pengaturan dan jejak "
              "persetujuan menentukan siapa yang menyetujui, jadi harus disetujui tersendiri. "
              "Pisahkan menjadi dua pull request.",
        "en": "this pull request changes {files} together with evaluation {ids}; settings and "
              "approval trails decide who approves, so they need their own approval. Split it "
              "into two pull requests."},
    "gate.not_checked": {"id": "evaluasi {id} belum diperiksa dengan evkin check; tidak dapat "
                               "ditandatangani.",
                         "en": "evaluation {id} was not run through evkin check; it cannot be "
                               "signed."},
    "gate.check_failed": {"id": "evaluasi {id} belum lolos evkin check ({count} temuan di bawah); "
                                "Tim SAKIP memperbaiki dulu.",
                          "en": "evaluation {id} does not pass evkin check ({count} findings "
                                "below); Tim SAKIP must fix them first."},
    "gate.evaluation_missing": {"id": "folder evaluasi {id} tidak ada pada komit terakhir pull "
                                      "request (dihapus?); menghapus evaluasi tidak melalui "
                                      "gerbang ini.",
                                "en": "evaluation folder {id} does not exist at the pull "
                                      "request's head (deleted?); removing an evaluation does "
                                      "not go through this gate."},
    "gate.checked_worktree": {"id": "komit terakhir {head} tidak ada di repositori lokal; yang "
                                    "diperiksa adalah folder kerja. Ambil dulu dengan 'git fetch "
                                    "origin pull/{number}/head' agar pemeriksaan tepat.",
                              "en": "the head commit {head} is not in the local repository; the "
                                    "working folder was checked instead. Fetch it first with "
                                    "'git fetch origin pull/{number}/head' for an exact check."},
    "gate.commits_unknown": {"id": "daftar komit tidak diketahui (beri --commits); pembuat "
                                   "komit tidak dapat dikecualikan dari peran.",
                             "en": "the commit list is unknown (give --commits); committers "
                                   "cannot be kept out of the roles."},
    # Errors (exit 2)
    "gate.need_pr": {"id": "Sebutkan pull request: --pr NOMOR (daring) atau --pr pr.json "
                           "--reviews reviews.json (luring), atau --commit SHA.",
                     "en": "Name the pull request: --pr NUMBER (online) or --pr pr.json "
                           "--reviews reviews.json (offline), or --commit SHA."},
    "gate.pr_not_number": {"id": "--pr '{value}' bukan nomor pull request; untuk berkas JSON "
                                 "tersimpan berikan juga --reviews.",
                           "en": "--pr '{value}' is not a pull request number; for a saved JSON "
                                 "file also give --reviews."},
    "gate.need_repo": {"id": "Sebutkan repositori dengan --repo pemilik/nama (atau "
                             "GITHUB_REPOSITORY).",
                       "en": "Name the repository with --repo owner/name (or "
                             "GITHUB_REPOSITORY)."},
    "gate.need_base": {"id": "Peran harus dibaca dari cabang tujuan ({base}), bukan dari pull "
                             "request. Berikan --base-ref REF atau --base-settings BERKAS "
                             "(ref origin/{base} tidak ditemukan di {root}).",
                       "en": "Roles must be read from the target branch ({base}), not from the "
                             "pull request. Give --base-ref REF or --base-settings FILE "
                             "(ref origin/{base} not found in {root})."},
    "gate.base_ref_unknown": {"id": "Ref cabang tujuan '{ref}' tidak ada di repositori {root}; "
                                    "jalankan 'git fetch' atau periksa namanya.",
                              "en": "Target branch ref '{ref}' does not exist in {root}; run "
                                    "'git fetch' or check the name."},
    "gate.base_settings_missing": {"id": "evkin.yml tidak ada (atau bukan UTF-8) pada cabang "
                                         "tujuan '{ref}'.",
                                   "en": "evkin.yml is missing (or not UTF-8) on target branch "
                                         "'{ref}'."},
    "gate.file_unreadable": {"id": "Berkas {path} tidak dapat dibaca: {detail}",
                             "en": "File {path} cannot be read: {detail}"},
    "gate.bad_json": {"id": "Berkas {path} bukan JSON yang sah (baris {line}, kolom {column}): "
                            "{detail}",
                      "en": "File {path} is not valid JSON (line {line}, column {column}): "
                            "{detail}"},
    "gate.files_unknown": {"id": "Berkas yang diubah tidak dapat dihitung dari git "
                                 "({base}...{head}).",
                           "en": "The changed files cannot be computed from git "
                                 "({base}...{head})."},
    "gate.base_missing": {
        "id": "Komit cabang tujuan {base} tidak ada di repositori {root}. Gerbang menghitung "
              "berkas yang diubah dengan git dari komit tujuan dan komit terakhir pull request "
              "(daftar berkas forge dibatasi dan tidak dipakai). Ambil riwayatnya dulu: di CI "
              "actions/checkout dengan 'fetch-depth: 0', atau 'git fetch origin'; di luar CI "
              "berikan --base-ref REF.",
        "en": "The target branch commit {base} is not in repository {root}. The gate computes "
              "the changed files with git from the target commit and the pull request's head "
              "(the forge's file list is capped and not used). Fetch the history first: in CI "
              "actions/checkout with 'fetch-depth: 0', or 'git fetch origin'; outside CI give "
              "--base-ref REF."},
    "gate.head_missing": {
        "id": "Komit terakhir pull request {head} tidak ada di repositori {root}, jadi berkas "
              "yang diubah tidak dapat dihitung. Ambil dulu: git fetch origin "
              "pull/{number}/head",
        "en": "The pull request's head commit {head} is not in repository {root}, so the "
              "changed files cannot be computed. Fetch it first: git fetch origin "
              "pull/{number}/head"},
    "gate.no_merge_base": {
        "id": "Komit {base} dan {head} tidak memiliki leluhur bersama di repositori {root} "
              "(riwayat dangkal?). Ambil riwayat lengkap: actions/checkout dengan "
              "'fetch-depth: 0', atau 'git fetch --unshallow'.",
        "en": "Commits {base} and {head} have no common ancestor in repository {root} "
              "(shallow history?). Fetch the full history: actions/checkout with "
              "'fetch-depth: 0', or 'git fetch --unshallow'."},
    "gate.head_unknown": {"id": "Komit {commit} tidak dapat dibaca di repositori {root}.",
                          "en": "Commit {commit} cannot be read in repository {root}."},
    "gate.head_missing_for_record": {
        "id": "Komit terakhir pull request {head} tidak ada di repositori lokal, jadi pohon yang "
              "disetujui tidak dapat dicatat. Ambil dulu: git fetch origin pull/{number}/head "
              "(Gitea/Forgejo: refs/pull/{number}/head).",
        "en": "The pull request's head commit {head} is not in the local repository, so the "
              "approved tree cannot be recorded. Fetch it first: git fetch origin "
              "pull/{number}/head (Gitea/Forgejo: refs/pull/{number}/head)."},
    # Forge clients
    "forge.http": {"id": "Forge menjawab {status} untuk {method} {url}: {detail}",
                   "en": "The forge answered {status} to {method} {url}: {detail}"},
    "forge.unauthorized": {"id": "Forge menolak {method} {url} ({status}: {detail}). Periksa "
                                 "token di EVKIN_TOKEN/GITHUB_TOKEN/GITEA_TOKEN dan izinnya "
                                 "(baca pull request, tulis status komit).",
                           "en": "The forge refused {method} {url} ({status}: {detail}). Check "
                                 "the token in EVKIN_TOKEN/GITHUB_TOKEN/GITEA_TOKEN and its "
                                 "permissions (read pull requests, write commit statuses)."},
    "forge.unreachable": {"id": "Forge tidak dapat dihubungi di {url}: {reason}",
                          "en": "The forge cannot be reached at {url}: {reason}"},
    "forge.not_json": {"id": "Jawaban dari {url} bukan JSON; apakah --api-url benar (GitHub: "
                             "https://api.github.com, Gitea/Forgejo: https://host/api/v1)?",
                       "en": "The answer from {url} is not JSON; is --api-url right (GitHub: "
                             "https://api.github.com, Gitea/Forgejo: https://host/api/v1)?"},
    "forge.not_list": {"id": "Jawaban dari {url} seharusnya berupa daftar JSON.",
                       "en": "The answer from {url} should be a JSON list."},
    "forge.too_many_pages": {"id": "Lebih dari {pages} halaman di {url}; dihentikan.",
                             "en": "More than {pages} pages at {url}; stopped."},
    "forge.bad_api_url": {"id": "Alamat API '{url}' harus diawali https:// (atau http://).",
                          "en": "API address '{url}' must start with https:// (or http://)."},
    "forge.need_api_url": {"id": "Forge {forge} memerlukan --api-url, mis. "
                                 "https://git.instansi.go.id/api/v1.",
                           "en": "Forge {forge} needs --api-url, e.g. https://git.example/api/v1."},
    "forge.bad_repo": {"id": "Repositori '{repo}' harus ditulis pemilik/nama.",
                       "en": "Repository '{repo}' must be written owner/name."},
    "forge.unknown": {"id": "Forge '{forge}' tidak dikenal; pakai {known}.",
                      "en": "Unknown forge '{forge}'; use {known}."},
    "forge.bad_payload": {"id": "Data {where} tidak berbentuk yang diharapkan (seharusnya "
                                "{detail} JSON).",
                          "en": "Data {where} is not of the expected shape (should be a JSON "
                                "{detail})."},
    "forge.missing_field": {"id": "Data {where} tidak memiliki isian '{field}'.",
                            "en": "Data {where} has no '{field}' entry."},
    "forge.bad_time": {"id": "Waktu '{value}' pada {where} bukan waktu ISO 8601 dengan zona.",
                       "en": "Time '{value}' at {where} is not an ISO 8601 time with a zone."},
    "forge.bad_state": {"id": "Status ulasan '{state}' pada {where} tidak dikenal (dikenal: "
                              "{known}). Simpan jawaban API ulasan, bukan muatan event.",
                        "en": "Review state '{state}' at {where} is unknown (known: {known}). "
                              "Save the reviews API answer, not an event payload."},
    "forge.shapes_differ": {"id": "{pr} berbentuk {pr_forge} tetapi {reviews} berbentuk "
                                  "{reviews_forge}; keduanya harus dari forge yang sama.",
                            "en": "{pr} is shaped like {pr_forge} but {reviews} like "
                                  "{reviews_forge}; both must come from the same forge."},
    "forge.unknown_shape": {"id": "Bentuk {pr} dan {reviews} tidak dikenali sebagai GitHub "
                                  "atau Gitea; sebutkan --forge github atau --forge gitea.",
                            "en": "{pr} and {reviews} are not recognisable as GitHub or Gitea; "
                                  "give --forge github or --forge gitea."},
}
