"""The archive's manifest, typed (``evkin.record.manifest``): what is written reads back the same,
archives already published read as they are, and a broken or hand-edited manifest is refused
with the file and the field named."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evkin.findings import EvkinError
from evkin.record import manifest as mf
from evkin.record.manifest_sig import SIG_FILE

text = st.text(max_size=12)
maybe = st.none() | text
json_leaf = st.none() | st.booleans() | st.integers(-10**6, 10**6) | text
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(text, inner, max_size=3), max_leaves=8)


def extra(known: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(text.filter(lambda k: k not in known), json_value, max_size=2)


people = st.builds(mf.Person, text, text, text, text, extra(mf._PERSON))
seals = st.builds(mf.Seal, text, maybe, maybe, maybe, maybe, extra(mf._SEAL))
reports = st.builds(
    mf.Report, id=text, judul=text, nomor=text, periode=text, halaman=text, pdf=text,
    grafik=st.lists(text, max_size=3).map(tuple), sha256=text, ukuran=st.integers(0, 10**9),
    kunci=text, pohon=text, persetujuan=text, paraf=st.none() | people,
    tanda_tangan=st.none() | people, render=maybe, portal=json_value,
    segel=st.none() | seals, terbit=maybe, diberitahukan=maybe,
    diberitahukan_kepada=st.dictionaries(text, text, max_size=2),
    sha256_sebelumnya=st.lists(text, max_size=2).map(tuple), cap_waktu=maybe,
    extra=extra(mf._REPORT))
earlier = st.builds(mf.Earlier, text, text, maybe, maybe, text, text, text, maybe,
                    st.none() | seals, st.none() | people, st.none() | people,
                    extra(mf._EARLIER))
waiting = st.builds(mf.Waiting, text, text, extra(("id", "terbit")))
manifests = st.builds(
    mf.Manifest, format=st.just(mf.FORMAT), evkin=text, instansi=text, situs=text, komit=text,
    laporan=st.lists(reports, max_size=3).map(tuple),
    versi_lama=st.lists(earlier, max_size=2).map(tuple),
    tanpa_pdf=st.lists(waiting, max_size=2).map(tuple),
    rekomendasi_terbuka=st.lists(json_value, max_size=2).map(tuple),
    urutan=st.none() | st.integers(0, 10**6), sebelumnya=maybe, lokal=st.booleans(),
    extra=extra(mf._TOP)).map(
        lambda m: m if m.urutan is not None else dataclasses.replace(m, sebelumnya=None))


@settings(max_examples=60, deadline=None)
@given(manifests)
def test_what_is_written_reads_back_the_same(m: mf.Manifest) -> None:
    data = mf.dumps(m)
    back = mf.parse(data, "manifest.json")
    assert back == m
    assert mf.dumps(back) == data  # the bytes the record key signs do not move


# As `evkin publish` (format 1) wrote it, with a timestamp renewal's additions at the end of
# the entry, a seal that failed, an earlier version without a render, and a field a newer evkin
# added: read and written again, byte for byte the same.
PUBLISHED = {
    "format": 1, "evkin": "0.9.0", "instansi": "Dinas BMCKTR", "situs": "https://arsip.example/",
    "komit": "a" * 40,
    "laporan": [{
        "id": "2025-tahunan", "judul": "Laporan Evaluasi Kinerja 2025", "nomor": "001/2026",
        "periode": "Tahunan 2025", "halaman": "arsip/2025/2025-tahunan/",
        "pdf": "pdf/2025-tahunan.pdf", "grafik": ["arsip/2025/2025-tahunan/grafik-1.svg"],
        "sha256": "b" * 64, "ukuran": 123456, "kunci": "c" * 64, "pohon": "d" * 40,
        "persetujuan": "d" * 40 + "@2026-01-29T14:00:00+07:00",
        "paraf": {"nama": "Rina", "jabatan": "Sekretaris", "nip": "1", "waktu": "2026-01-28"},
        "tanda_tangan": {"nama": "Hendra", "jabatan": "Kepala Dinas", "nip": "2",
                         "waktu": "2026-01-29T14:00:00+07:00"},
        "render": {"sha256": "e" * 64},
        "portal": {"tahun": "2025", "predikat": "Sangat Baik", "capaian": "101,91"},
        "segel": {"status": "tersegel", "jenis": "segel_instansi",
                  "waktu": "2026-01-29T17:00:00+07:00", "oleh": "CN=Dinas"},
        "terbit": "2026-01-29T17:00:00+07:00", "diberitahukan": None,
        "diberitahukan_kepada": {"a@example.id": "2026-01-29T17:05:00+07:00"},
        "sha256_sebelumnya": ["f" * 64], "cap_waktu": "2030-01-01T00:00:00+00:00"}],
    "versi_lama": [{
        "id": "2025-tahunan", "sha256": "9" * 64, "terbit": "2026-01-20T10:00:00+07:00",
        "diganti": "2026-01-29T17:00:00+07:00", "nomor": "", "judul": "Lama",
        "pdf": "versi/2025-tahunan/9999999999999999.pdf", "render": None,
        "segel": {"status": "belum", "pesan": "BSrE tidak menjawab"}, "tanda_tangan": None,
        "paraf": None}],
    "tanpa_pdf": [{"id": "2026-q1", "terbit": "2026-04-01T09:00:00+07:00"}],
    "rekomendasi_terbuka": [{"id": "R-1", "teks": "Perbaiki data", "tenggat": None}],
    "urutan": 3, "sebelumnya": "7" * 64,
    "baru_di_versi_berikut": {"apa": "saja"},
}


def test_a_published_archive_reads_and_writes_back_byte_for_byte() -> None:
    raw = (json.dumps(PUBLISHED, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    m = mf.parse(raw, "arsip/manifest.json")
    assert mf.dumps(m) == raw
    report = m.laporan[0]
    assert report.seal_status == "tersegel" and report.render == "e" * 64
    assert report.tanda_tangan is not None and report.tanda_tangan.nama == "Hendra"
    assert m.versi_lama[0].render is None and m.versi_lama[0].segel == mf.Seal(
        "belum", pesan="BSrE tidak menjawab")
    assert mf.find(m, "e" * 64) == ("render", report)
    assert mf.find(m, "9" * 64) == ("lama", m.versi_lama[0])


def test_a_hand_made_archive_listing_only_ids_and_dates_reads() -> None:
    """As the status tests' archives (and an early evkin's) are: only what is needed."""
    m = mf.parse(json.dumps({"laporan": [{"id": "2024-tahunan", "terbit": "2025-01-31"}]})
                 .encode(), "arsip/manifest.json")
    assert m.reports()["2024-tahunan"].terbit == "2025-01-31"
    assert m.laporan[0].segel is None and m.laporan[0].render is None


@pytest.mark.parametrize(("edit", "field", "said"), [
    (lambda d: d["laporan"][0].update(sha256=5), "laporan[0].sha256", "harus berupa teks"),
    (lambda d: d["laporan"][0].update(ukuran=True), "laporan[0].ukuran", "bilangan bulat"),
    (lambda d: d["laporan"][0].pop("id"), "laporan[0].id", "tidak ada"),
    (lambda d: d["laporan"][0].update(segel="tersegel"), "laporan[0].segel", "objek JSON"),
    (lambda d: d["laporan"][0]["tanda_tangan"].update(nama=["x"]),
     "laporan[0].tanda_tangan.nama", "harus berupa teks"),
    (lambda d: d["versi_lama"].append("lama.pdf"), "versi_lama[1]", "objek JSON"),
    (lambda d: d.update(laporan={}), "laporan", "daftar JSON"),
    (lambda d: d.update(format=2), "format", "perbarui evkin"),
])
def test_an_edited_manifest_names_the_file_and_the_field(
        tmp_path: Path, edit: Any, field: str, said: str) -> None:
    data = json.loads(json.dumps(PUBLISHED))
    edit(data)
    (tmp_path / mf.MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(EvkinError) as caught:
        mf.read(tmp_path)
    message = caught.value.message()
    assert str(tmp_path / mf.MANIFEST) in message
    assert f"'{field}'" in message and said in message
    assert "Traceback" not in message


def test_a_truncated_manifest_is_refused_not_guessed(tmp_path: Path) -> None:
    raw = json.dumps(PUBLISHED).encode()[:200]
    (tmp_path / mf.MANIFEST).write_bytes(raw)
    with pytest.raises(EvkinError) as caught:
        mf.read(tmp_path / mf.MANIFEST)
    assert caught.value.code == "manifest.malformed"
    assert str(tmp_path / mf.MANIFEST) in caught.value.message()


def test_the_message_follows_the_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    monkeypatch.setenv("EVKIN_LANG", "en")
    data = json.loads(json.dumps(PUBLISHED))
    data["laporan"][0]["ukuran"] = "besar"
    with pytest.raises(EvkinError) as caught:
        mf.parse(json.dumps(data).encode(), "m.json")
    assert "'laporan[0].ukuran' must be a whole number" in caught.value.message()


def test_writing_replaces_the_file_whole_and_drops_a_stale_signature(tmp_path: Path) -> None:
    m = mf.parse(json.dumps(PUBLISHED).encode(), "m.json")
    (tmp_path / SIG_FILE).write_text("-----BEGIN SSH SIGNATURE-----\nlama\n", encoding="utf-8")
    mf.write(tmp_path, m, keep_signature=True)  # sealing: the key's step signs afresh later
    assert (tmp_path / SIG_FILE).is_file()
    mf.write(tmp_path, m)  # no key here: a signature over other bytes must not stay
    assert not (tmp_path / SIG_FILE).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [mf.MANIFEST]  # no temporary left
    assert (tmp_path / mf.MANIFEST).read_bytes() == mf.dumps(m)
