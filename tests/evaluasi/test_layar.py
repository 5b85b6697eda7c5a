"""The evaluation screens on the Kaltim demo: Tabel 3.1 history, the 37-PD recap, the worksheet,
locking, recommendations; each allowed, denied for a foreign unit, and anonymous."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sakip.evaluasi.models import (
    EvaluasiAKIP,
    HasilEvaluasi,
    JawabanLKE,
    KriteriaLKE,
    Rekomendasi,
    SebaranPredikat,
)
from sakip.evaluasi.selectors import rekap_pd, riwayat_evaluasi
from sakip.kinerja import Predikat
from sakip.organisasi.models import Unit

pytestmark = pytest.mark.django_db

# Seed 000 Tabel 3.1 (2019–2023) as computed: totals, predikat, change 2022–2023.
TABEL_3_1 = {
    "perencanaan": ["22.40", "20.39", "23.75", "22.20", "30.00", "7.80"],
    "pengukuran": ["15.94", "13.75", "15.00", "14.80", "15.40", "0.60"],
    "pelaporan": ["10.07", "9.88", "11.22", "7.70", "8.00", "0.30"],
    "evaluasi_internal": ["6.27", "3.84", "6.85", "14.00", "14.80", "0.80"],
    # The seed prints −1,57; 13,60 − 15,20 is −1,60.
    "capaian": ["12.55", "11.28", "11.12", "15.20", "13.60", "-1.60"],
}
# 2021 is printed 67,93; its components add up to 67,94.
TOTAL = ["67.23", "59.14", "67.94", "73.90", "81.80"]
PREDIKAT = ["B", "CC", "B", "BB", "A"]


def _xlsx(r: object) -> list[list[object]]:
    wb = load_workbook(io.BytesIO(r.content))  # type: ignore[attr-defined]
    return [[c.value for c in row] for row in wb.worksheets[0].iter_rows()]


def test_the_kaltim_history_reproduces_tabel_3_1_on_screen_and_in_xlsx(
    klien_kaltim: dict[str, Client],
) -> None:
    setda = Unit.objects.get(slug="setda-kaltim")
    r = riwayat_evaluasi(setda, sampai=2023)
    assert r.tahun == [2019, 2020, 2021, 2022, 2023]
    assert {b.kode: [*b.nilai, b.perubahan] for b in r.komponen} == {
        k: [D(v) for v in vs] for k, vs in TABEL_3_1.items()
    }
    assert r.total == [D(t) for t in TOTAL]
    assert [p.kode for p in r.predikat if p] == PREDIKAT
    assert r.perubahan_total == D("7.90")
    assert r.judul_perubahan == "Peningkatan/Penurunan 2022–2023"

    url = reverse("evaluasi:riwayat", args=["setda-kaltim"]) + "?sampai=2023"
    halaman = klien_kaltim["perencana"].get(url)
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    for t in ("67,23", "59,14", "73,90", "81,80", "-1,60", "+7,80", "+7,90", "Capaian Kinerja"):
        assert t in teks, t
    assert "-1,57" not in teks

    xlsx = klien_kaltim["perencana"].get(
        reverse("evaluasi:riwayat-xlsx", args=["setda-kaltim"]) + "?sampai=2023"
    )
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    baris = _xlsx(xlsx)
    kepala = next(b for b in baris if b[0] == "No")
    assert kepala[2:] == ["2019", "2020", "2021", "2022", "2023", "Peningkatan/Penurunan 2022–2023"]
    data = {b[1]: b[2:] for b in baris if b[1]}
    assert data["Capaian Kinerja"] == [12.55, 11.28, 11.12, 15.2, 13.6, -1.6]
    assert data["Nilai Hasil Evaluasi AKIP"] == [67.23, 59.14, 67.94, 73.9, 81.8, 7.9]
    assert data["Kategori Penilaian"][:5] == PREDIKAT
    assert data["Perencanaan Kinerja"] == [22.4, 20.39, 23.75, 22.2, 30, 7.8]  # numbers, not text

    # The whole history (2019–2024): the 2024 recap row has only a total.
    semua = riwayat_evaluasi(setda)
    assert semua.tahun[-1] == 2024 and semua.total[-1] == D("81.80")
    assert semua.perubahan_total == D("0.00")


def test_the_37_pd_recap_on_screen_and_in_xlsx(klien_kaltim: dict[str, Client]) -> None:
    pemprov = Unit.objects.get(slug="pemprov-kaltim")
    r = rekap_pd(pemprov, 2024)
    assert r.rekap.jumlah == 37
    assert {p.kode: c for p, c in r.rekap.sebaran.items() if c} == {
        "A": 8,
        "BB": 22,
        "B": 6,
        "CC": 1,
    }
    assert (r.rekap.minimal_bb, r.rekap.persen_minimal_bb) == (30, D("81.08"))
    assert [k for k, _ in r.kluster] == ["Kluster Utama", "Kluster Pendukung", "Kluster Tambahan"]
    assert [len(b) for _, b in r.kluster] == [14, 10, 13]
    balitbangda = next(b for _, bs in r.kluster for b in bs if b.unit.slug == "kaltim-balitbangda")
    assert (balitbangda.nilai, balitbangda.predikat) == (D("70.00"), Predikat.B)
    setda = next(b for _, bs in r.kluster for b in bs if b.unit.slug == "setda-kaltim")
    assert (setda.nilai, setda.predikat) == (D("81.80"), Predikat.A)
    # The demo holds no per-PD results of 2023, only the seed's counts per predikat ("Resume
    # Hasil Penilaian SAKIP 2024": A 2, BB 20, B 14, CC 1 → 22 of 37 at least BB), recorded as
    # SebaranPredikat; the change is (30 / 22 − 1) × 100 = +36,36 as the seed prints it.
    assert r.lalu_tersimpan == 1  # only the Setda's own 2023 result (Tabel 3.1)
    assert r.lalu is not None
    assert {p.kode: c for p, c in r.lalu.sebaran.items() if c} == {
        "A": 2,
        "BB": 20,
        "B": 14,
        "CC": 1,
    }
    assert (r.lalu.jumlah, r.lalu.minimal_bb, r.lalu.persen_minimal_bb) == (37, 22, D("59.46"))
    assert r.perubahan_jumlah_bb == D("36.36")
    assert "Resume Hasil Penilaian SAKIP 2024" in r.lalu_sumber

    url = reverse("evaluasi:rekap", args=["pemprov-kaltim", 2024])
    teks = klien_kaltim["evaluator"].get(url).content.decode()
    assert 'id="persen-bb">81,08<' in teks and 'id="jumlah-bb">30<' in teks
    assert "+36,36 %" in teks and 'id="sumber-lalu"' in teks
    assert "Badan Penelitian dan Pengembangan Daerah" in teks and "814,80" not in teks

    xlsx = klien_kaltim["evaluator"].get(
        reverse("evaluasi:rekap-xlsx", args=["pemprov-kaltim", 2024])
    )
    pd = _xlsx(xlsx)
    baris = [b for b in pd if isinstance(b[0], int)]
    assert len(baris) == 37
    assert ["Badan Penelitian dan Pengembangan Daerah", "Kluster Tambahan", 70.0, "B"] in [
        b[1:] for b in baris
    ]
    wb = load_workbook(io.BytesIO(xlsx.content))
    predikat = {
        r[0].value: [c.value for c in r[1:]] for r in wb["Predikat"].iter_rows() if r[0].value
    }
    assert predikat["A (Memuaskan)"][1] == 8 and predikat["BB (Sangat Baik)"][1] == 22
    assert predikat["% PD minimal BB"][1] == 81.08
    assert predikat["Minimal BB"] == [22, 30, 36.36]
    assert predikat["BB (Sangat Baik)"][0] == 20 and predikat["B (Baik)"][0] == 14


def test_the_recap_change_vs_last_year_when_last_years_pd_are_stored(
    klien_kaltim: dict[str, Client],
) -> None:
    """With 22 of the 37 PD at least BB in 2023, 30 in 2024 is +36,36 % (seed 000 §3.d)."""
    pemprov = Unit.objects.get(slug="pemprov-kaltim")
    pd = list(Unit.objects.filter(induk=pemprov, jenis="perangkat_daerah").order_by("pk"))
    assert len(pd) == 37
    for i, u in enumerate(pd):
        HasilEvaluasi.objects.update_or_create(
            unit=u, tahun=2023, defaults={"nilai_total": D("75") if i < 22 else D("65")}
        )
    r = rekap_pd(pemprov, 2024)
    assert r.lalu is not None and (r.lalu.minimal_bb, r.lalu.persen_minimal_bb) == (22, D("59.46"))
    assert r.lalu_sumber == ""  # the PD's own results win over the recorded distribution
    assert r.perubahan_jumlah_bb == D("36.36")
    assert r.selisih_persen_bb == D("21.62")
    teks = klien_kaltim["admin"].get(reverse("evaluasi:rekap", args=["pemprov-kaltim", 2024]))
    assert "+36,36 %" in teks.content.decode()


def test_a_year_with_one_stored_pd_shows_its_recorded_distribution(
    klien_kaltim: dict[str, Client],
) -> None:
    """2023 holds only the Setda's own score; its recap is the recorded 37-PD distribution."""
    r = rekap_pd(Unit.objects.get(slug="pemprov-kaltim"), 2023)
    assert (r.rekap.jumlah, r.rekap.minimal_bb, r.rekap.persen_minimal_bb) == (37, 22, D("59.46"))
    assert "Resume Hasil Penilaian SAKIP 2024" in r.sumber
    assert [b.unit.slug for _, bs in r.kluster for b in bs] == ["setda-kaltim"]
    assert r.lalu is None  # 2022: one stored PD, nothing recorded
    teks = klien_kaltim["evaluator"].get(reverse("evaluasi:rekap", args=["pemprov-kaltim", 2023]))
    html = teks.content.decode()
    assert 'id="jumlah-bb">22<' in html and 'id="sumber-tahun"' in html


def test_the_recap_as_it_stood_before_a_correction(klien_kaltim: dict[str, Client]) -> None:
    """The LKjIP built as of a date reads the recap as it stood then (change history)."""
    pemprov = Unit.objects.get(slug="pemprov-kaltim")
    sebelum = timezone.now()
    bpkad = HasilEvaluasi.objects.get(unit__slug="kaltim-bpkad", tahun=2024)
    bpkad.nilai_total = D("70.50")  # B → BB
    bpkad.save()
    bb = SebaranPredikat.objects.get(unit=pemprov, tahun=2023, predikat="BB")
    bb.jumlah = 19
    bb.save()
    kini = rekap_pd(pemprov, 2024)
    assert kini.rekap.minimal_bb == 31 and kini.lalu is not None and kini.lalu.minimal_bb == 21
    dulu = rekap_pd(pemprov, 2024, pada=sebelum)
    assert (dulu.rekap.minimal_bb, dulu.rekap.persen_minimal_bb) == (30, D("81.08"))
    assert dulu.lalu is not None and dulu.lalu.minimal_bb == 22
    assert dulu.perubahan_jumlah_bb == D("36.36")


# --- the worksheet through the screens ------------------------------------------------------


def _buka(c: Client, unit: str = "kaltim-biro-hukum", tahun: int = 2024) -> EvaluasiAKIP:
    r = c.post(reverse("evaluasi:buat"), {"unit": unit, "tahun": str(tahun)})
    e = EvaluasiAKIP.objects.get(unit__slug=unit, tahun=tahun)
    assert r.status_code == 302 and r["Location"] == reverse("evaluasi:lembar", args=[e.pk])
    return e


def _semua(e: EvaluasiAKIP, pihak: str, nilai: str = "A", ya: str = "Y") -> dict[str, str]:
    data = {}
    for k in KriteriaLKE.objects.filter(sub__komponen__lembar=e.lembar):
        data[f"{pihak}-{k.pk}-jawaban"] = ya if k.skala == "ya_tidak" else nilai
        data[f"{pihak}-{k.pk}-catatan"] = "dicek"
    return data


def test_the_worksheet_self_assessment_evaluator_and_lock_through_the_screens(
    klien_kaltim: dict[str, Client],
) -> None:
    e = _buka(klien_kaltim["operator_hukum"])
    lembar = reverse("evaluasi:lembar", args=[e.pk])
    halaman = klien_kaltim["operator_hukum"].get(lembar).content.decode()
    assert "Simpan penilaian mandiri" in halaman and "Simpan penilaian evaluator" not in halaman
    assert 'for="mandiri-' in halaman  # every select has its label

    # The unit assesses itself, every criterion A (Y for yes/no): each component is
    # 20 % × 100 + 80 % × 90 = 92 % of its weight → 92,00; the evaluator's BB → 84,00.
    simpan_mandiri = reverse("evaluasi:simpan", args=[e.pk, "mandiri"])
    r = klien_kaltim["operator_hukum"].post(simpan_mandiri, _semua(e, "mandiri"))
    assert r.status_code == 302
    # Only the unit (and admin) self-assess; only evaluators (and admin) score.
    assert klien_kaltim["evaluator"].post(simpan_mandiri, _semua(e, "mandiri")).status_code == 403
    assert klien_kaltim["operator_umum"].post(simpan_mandiri, {}).status_code == 404
    simpan_nilai = reverse("evaluasi:simpan", args=[e.pk, "evaluator"])
    for peran in ("operator_hukum", "perencana", "pimpinan"):
        assert klien_kaltim[peran].post(simpan_nilai, _semua(e, "evaluator")).status_code == 403
    assert (
        klien_kaltim["evaluator"].post(reverse("evaluasi:simpan", args=[e.pk, "x"])).status_code
        == 404
    )

    r = klien_kaltim["evaluator"].post(simpan_nilai, _semua(e, "evaluator", "BB"))
    assert r.status_code == 302
    halaman = klien_kaltim["evaluator"].get(lembar)
    isian = halaman.context["isian"]
    assert (isian.mandiri.nilai, isian.evaluator.nilai) == (D("92.00"), D("84.00"))
    assert isian.selisih == D("-8.00")
    teks = halaman.content.decode()
    assert 'id="nilai-mandiri">92,00<' in teks and 'id="nilai-evaluator">84,00<' in teks
    assert "berbeda" in teks and "Kunci LKE" in teks

    # A bad answer is refused with the reason, nothing stored.
    k = KriteriaLKE.objects.filter(sub__komponen__lembar=e.lembar, skala="ya_tidak").first()
    assert k is not None
    r = klien_kaltim["evaluator"].post(simpan_nilai, {f"evaluator-{k.pk}-jawaban": "AA"})
    assert r.status_code == 409 and "tidak sesuai skala" in r.content.decode()

    # Lock: LHE number required; then the page shows it locked and no form.
    kunci = reverse("evaluasi:kunci", args=[e.pk])
    assert klien_kaltim["operator_hukum"].post(kunci, {}).status_code == 403
    assert klien_kaltim["evaluator"].post(kunci, {"nomor_lhe": ""}).status_code == 409
    r = klien_kaltim["evaluator"].post(
        kunci, {"nomor_lhe": "700/12/LHE", "tanggal_lhe": "2025-03-01"}
    )
    assert r.status_code == 302
    e.refresh_from_db()
    assert e.terkunci and e.hasil is not None and e.hasil.nilai() == D("84.00")
    teks = klien_kaltim["evaluator"].get(lembar).content.decode()
    assert (
        "Terkunci." in teks and "700/12/LHE" in teks and "<select" not in teks.split("Ringkasan")[1]
    )
    sebelum = list(
        JawabanLKE.objects.filter(evaluasi=e).values_list("jawaban_evaluator", flat=True)
    )
    r = klien_kaltim["evaluator"].post(simpan_nilai, _semua(e, "evaluator", "E"))
    assert r.status_code == 409 and "terkunci" in r.content.decode()
    r = klien_kaltim["operator_hukum"].post(simpan_mandiri, _semua(e, "mandiri", "E"))
    assert r.status_code == 409
    assert (
        klien_kaltim["evaluator"]
        .post(kunci, {"nomor_lhe": "x", "tanggal_lhe": "2025-03-02"})
        .status_code
        == 409
    )
    assert (
        list(JawabanLKE.objects.filter(evaluasi=e).values_list("jawaban_evaluator", flat=True))
        == sebelum
    )

    # The overview and history show the locked result.
    teks = klien_kaltim["operator_hukum"].get(reverse("evaluasi:awal")).content.decode()
    assert "84,00" in teks and "(terkunci)" in teks
    teks = (
        klien_kaltim["operator_hukum"]
        .get(reverse("evaluasi:riwayat", args=["kaltim-biro-hukum"]))
        .content.decode()
    )
    assert "LKE terkunci" in teks and "84,00" in teks


def test_an_operator_cannot_see_another_units_draft_evaluation(
    klien_kaltim: dict[str, Client],
) -> None:
    e = _buka(klien_kaltim["evaluator"])
    url = reverse("evaluasi:lembar", args=[e.pk])
    harapan = {
        "tamu": 302,
        "operator_hukum": 200,
        "operator_umum": 404,
        "pimpinan": 200,
        "evaluator": 200,
        "perencana": 200,
        "admin": 200,
    }
    assert {p: klien_kaltim[p].get(url).status_code for p in harapan} == harapan
    assert (
        klien_kaltim["operator_umum"].post(reverse("evaluasi:kunci", args=[e.pk])).status_code
        == 404
    )
    # Opening a worksheet: another unit → 404, a twice-opened year → 422 with the reason.
    r = klien_kaltim["operator_umum"].post(
        reverse("evaluasi:buat"), {"unit": "kaltim-biro-hukum", "tahun": "2025"}
    )
    assert r.status_code == 404
    r = klien_kaltim["evaluator"].post(
        reverse("evaluasi:buat"), {"unit": "kaltim-biro-hukum", "tahun": "2024"}
    )
    assert r.status_code == 422 and "sudah ada" in r.content.decode()
    assert klien_kaltim["tamu"].post(reverse("evaluasi:buat"), {}).status_code == 302


def test_recommendations_and_their_follow_up(klien_kaltim: dict[str, Client]) -> None:
    url = reverse("evaluasi:rekomendasi", args=["setda-kaltim"])
    teks = klien_kaltim["perencana"].get(url).content.decode()
    assert "Perencanaan Kinerja" in teks and "Simpan tindak lanjut" in teks
    assert "Tambah rekomendasi" not in teks
    tambah = reverse("evaluasi:rekomendasi-tambah", args=["setda-kaltim"])
    data = {
        "tahun": "2024",
        "komponen": "Pengukuran Kinerja",
        "rekomendasi": "Lengkapi data dukung capaian TW IV.",
        "batas_waktu": "2025-06-30",
    }
    for peran, status in (
        ("perencana", 403),
        ("pimpinan", 403),
        ("operator_hukum", 404),
        ("tamu", 302),
    ):
        assert klien_kaltim[peran].post(tambah, data).status_code == status, peran
    assert klien_kaltim["evaluator"].post(tambah, {**data, "rekomendasi": ""}).status_code == 422
    assert klien_kaltim["evaluator"].post(tambah, data).status_code == 302
    rek = Rekomendasi.objects.get(unit__slug="setda-kaltim", tahun=2024)
    assert (
        rek.status == "belum" and rek.history.first().history_user == klien_kaltim["evaluator"].user
    )  # type: ignore[attr-defined]

    terbuka = klien_kaltim["perencana"].get(reverse("evaluasi:terbuka")).content.decode()
    assert "Lengkapi data dukung capaian TW IV." in terbuka and "1 rekomendasi terbuka" in terbuka
    assert (
        "Lengkapi data dukung"
        not in klien_kaltim["operator_umum"].get(reverse("evaluasi:terbuka")).content.decode()
    )

    tl = reverse("evaluasi:tindak-lanjut", args=[rek.pk])
    p = f"r{rek.pk}"
    r = klien_kaltim["perencana"].post(tl, {f"{p}-status": "sudah", f"{p}-tindak_lanjut": ""})
    assert r.status_code == 422 and "Uraikan tindak lanjutnya" in r.content.decode()
    assert klien_kaltim["pimpinan"].post(tl, {f"{p}-status": "belum"}).status_code == 403
    assert klien_kaltim["operator_hukum"].post(tl, {f"{p}-status": "belum"}).status_code == 404
    assert klien_kaltim["perencana"].post(tl, {f"{p}-status": "nanti"}).status_code == 422
    r = klien_kaltim["perencana"].post(
        tl, {f"{p}-status": "sudah", f"{p}-tindak_lanjut": "Data dukung diunggah."}
    )
    assert r.status_code == 302
    rek.refresh_from_db()
    assert (rek.status, rek.tindak_lanjut) == ("sudah", "Data dukung diunggah.")
    assert (
        "Lengkapi data dukung"
        not in klien_kaltim["perencana"].get(reverse("evaluasi:terbuka")).content.decode()
    )
    assert klien_kaltim["operator_umum"].get(url).status_code == 404


def test_the_worksheet_page_query_count_and_the_admin_respects_the_lock(
    klien_kaltim: dict[str, Client], django_assert_max_num_queries: object
) -> None:
    e = _buka(klien_kaltim["evaluator"])
    klien_kaltim["evaluator"].post(
        reverse("evaluasi:simpan", args=[e.pk, "evaluator"]), _semua(e, "evaluator")
    )
    url = reverse("evaluasi:lembar", args=[e.pk])
    with django_assert_max_num_queries(30):  # type: ignore[operator]
        assert klien_kaltim["evaluator"].get(url).status_code == 200
    admin = klien_kaltim["admin"]
    ubah = reverse("admin:evaluasi_evaluasiakip_change", args=[e.pk])
    assert admin.get(ubah).status_code == 200
    klien_kaltim["evaluator"].post(
        reverse("evaluasi:kunci", args=[e.pk]), {"nomor_lhe": "LHE-9", "tanggal_lhe": "2025-03-01"}
    )
    e.refresh_from_db()
    r = admin.post(ubah, {"unit": e.unit_id, "tahun": "2020", "lembar": e.lembar_id})
    e.refresh_from_db()
    assert e.tahun == 2024 and r.status_code in {302, 403}
    hasil = reverse("admin:evaluasi_hasilevaluasi_change", args=[e.hasil_id])
    admin.post(hasil, {"unit": e.unit_id, "tahun": "2024", "nilai_total": "99"})
    assert HasilEvaluasi.objects.get(pk=e.hasil_id).nilai_total is None
    assert admin.get(reverse("admin:evaluasi_lembarkerja_changelist")).status_code == 200
