"""The LKE worksheets as data, scoring by hand, self-assessment vs evaluator, lock → HasilEvaluasi."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sakip.evaluasi.models import (
    EvaluasiAKIP,
    HasilEvaluasi,
    KriteriaLKE,
    LembarKerja,
    ModelEvaluasi,
    StatusEvaluasi,
)
from sakip.evaluasi.selectors import isian_lembar, struktur_lembar
from sakip.evaluasi.services import (
    EVALUATOR,
    MANDIRI,
    IsianKriteria,
    buat_evaluasi,
    kunci_evaluasi,
    nilai_lke,
    simpan_jawaban,
)
from sakip.kinerja import MODEL_12_2015, MODEL_88_2021, Predikat, periksa_bobot_lke
from sakip.kinerja import KomponenLKE as K
from sakip.kinerja import SubKomponenLKE as S
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Eviden
from sakip.pengukuran.services import DitolakError, simpan_realisasi
from sakip.perencanaan.models import Indikator

pytestmark = pytest.mark.django_db

# The hand-computed 88/2021 worksheet (DOMAIN.md §8: sub-components 20/30/50 % of the
# component's weight, criteria weigh equally, AA 100 · A 90 · BB 80 · B 70 · CC 60 · C 50 ·
# D 30 · E 0, Y 100 / T 0; the mean is rounded, then × weight, rounded half-up):
#   Perencanaan 30: keberadaan 6  Y Y Y Y T      → 80,00 × 6 %    =  4,80
#                   kualitas 9    AA A BB B CC   → 80,00 × 9 %    =  7,20
#                   pemanfaatan 15 A A A A A      → 90,00 × 15 %   = 13,50  → 25,50
#   Pengukuran 30:  keberadaan 6  Y Y Y          → 100 × 6 %      =  6,00
#                   kualitas 9    BB BB B        → 76,67 × 9 %    =  6,90
#                   pemanfaatan 15 B C CC         → 60,00 × 15 %   =  9,00  → 21,90
#   Pelaporan 15:   keberadaan 3  Y T            → 50,00 × 3 %    =  1,50
#                   kualitas 4,5  A A BB         → 86,67 × 4,5 %  =  3,90
#                   pemanfaatan 7,5 BB B          → 75,00 × 7,5 %  =  5,625 → 5,63 → 11,03
#   Evaluasi internal 25: keberadaan 5 Y Y       → 100 × 5 %      =  5,00
#                   kualitas 7,5  B D            → 50,00 × 7,5 %  =  3,75
#                   pemanfaatan 12,5 CC E        → 30,00 × 12,5 % =  3,75  → 12,50
#   Nilai = 25,50 + 21,90 + 11,03 + 12,50 = 70,93 → BB (> 70–80)
JAWABAN_TANGAN = {
    ("perencanaan", "keberadaan"): ["Y", "Y", "Y", "Y", "T"],
    ("perencanaan", "kualitas"): ["AA", "A", "BB", "B", "CC"],
    ("perencanaan", "pemanfaatan"): ["A", "A", "A", "A", "A"],
    ("pengukuran", "keberadaan"): ["Y", "Y", "Y"],
    ("pengukuran", "kualitas"): ["BB", "BB", "B"],
    ("pengukuran", "pemanfaatan"): ["B", "C", "CC"],
    ("pelaporan", "keberadaan"): ["Y", "T"],
    ("pelaporan", "kualitas"): ["A", "A", "BB"],
    ("pelaporan", "pemanfaatan"): ["BB", "B"],
    ("evaluasi_internal", "keberadaan"): ["Y", "Y"],
    ("evaluasi_internal", "kualitas"): ["B", "D"],
    ("evaluasi_internal", "pemanfaatan"): ["CC", "E"],
}


def isian(
    lembar: LembarKerja, jawaban: dict[tuple[str, str], list[str]]
) -> dict[int, IsianKriteria]:
    hasil = {}
    for k in struktur_lembar(lembar):
        for s in k.sub.all():
            kriteria = list(s.kriteria.all())
            kode = jawaban[(k.kode, s.kode)]
            assert len(kriteria) == len(kode), (k.kode, s.kode)
            for kr, j in zip(kriteria, kode, strict=True):
                hasil[kr.pk] = IsianKriteria(j, f"catatan {kr.nomor}")
    return hasil


@pytest.fixture
def lke_88() -> LembarKerja:
    lembar = LembarKerja.berlaku(2024)
    assert lembar is not None and lembar.model == MODEL_88_2021.kode
    return lembar


def test_both_worksheets_are_seeded_and_their_weights_add_up() -> None:
    lke88 = LembarKerja.objects.get(model=ModelEvaluasi.PERMENPANRB_88_2021)
    lke12 = LembarKerja.objects.get(model=ModelEvaluasi.PERMENPANRB_12_2015)
    for lembar, model in ((lke88, MODEL_88_2021), (lke12, MODEL_12_2015)):
        struktur = struktur_lembar(lembar)
        assert [(k.kode, k.bobot) for k in struktur] == [(k.kode, k.bobot) for k in model.komponen]
        periksa_bobot_lke(
            [
                K(k.kode, k.bobot, tuple(S(s.kode, s.bobot, ()) for s in k.sub.all()))
                for k in struktur
            ]
        )
    # 88/2021: keberadaan 20 %, kualitas 30 %, pemanfaatan 50 % of each component's weight.
    perencanaan = struktur_lembar(lke88)[0]
    assert [(s.kode, s.bobot) for s in perencanaan.sub.all()] == [
        ("keberadaan", D("6.00")),
        ("kualitas", D("9.00")),
        ("pemanfaatan", D("15.00")),
    ]
    assert KriteriaLKE.objects.filter(sub__komponen__lembar=lke88).count() == 37
    # Versioning: an evaluation of 2019 takes the version in force then; 2015 model on request.
    assert LembarKerja.berlaku(2019) is None
    assert LembarKerja.berlaku(2019, MODEL_12_2015.kode) == lke12
    assert str(lke88) == "LKE AKIP PermenPAN-RB 88/2021 (versi 2021)"


def test_a_88_2021_worksheet_filled_with_known_answers_gives_the_hand_computed_nilai(
    klien_kaltim: dict[str, Client], lke_88: LembarKerja
) -> None:
    evaluator = klien_kaltim["evaluator"].user  # type: ignore[attr-defined]
    unit = Unit.objects.get(slug="kaltim-biro-hukum")
    evaluasi = buat_evaluasi(evaluator, unit, 2024)
    assert evaluasi.lembar == lke_88 and evaluasi.status == StatusEvaluasi.DRAF

    simpan_jawaban(evaluator, evaluasi, isian(lke_88, JAWABAN_TANGAN), EVALUATOR)
    lembar = isian_lembar(evaluasi)
    assert lembar.evaluator.komponen == {
        "perencanaan": D("25.50"),
        "pengukuran": D("21.90"),
        "pelaporan": D("11.03"),
        "evaluasi_internal": D("12.50"),
    }
    assert lembar.evaluator.subkomponen[("pelaporan", "pemanfaatan")] == D("5.63")
    assert (lembar.evaluator.nilai, lembar.evaluator.predikat) == (D("70.93"), Predikat.BB)
    assert nilai_lke(evaluasi) == D("70.93")
    assert lembar.mandiri.nilai is None  # the unit has not assessed itself


def test_self_assessment_beside_the_evaluator_with_evidence_and_the_difference(
    klien_kaltim: dict[str, Client], lke_88: LembarKerja
) -> None:
    operator = klien_kaltim["operator_hukum"].user  # type: ignore[attr-defined]
    evaluator = klien_kaltim["evaluator"].user  # type: ignore[attr-defined]
    hukum = Unit.objects.get(slug="kaltim-biro-hukum")
    evaluasi = buat_evaluasi(operator, hukum, 2024)  # the unit may open its own worksheet

    # Evidence from the unit's library (its indicators), not another unit's.
    iku05 = Indikator.objects.get(kode="IKU-05")
    ev = Eviden.objects.create(
        indikator=iku05,
        tahun=2024,
        periode="TAHUN",
        judul="SK Renstra",
        berkas=SimpleUploadedFile("sk.pdf", b"%PDF-1.4 sk"),
    )
    lain = Indikator.objects.filter(unit__slug="kaltim-biro-umum").first()
    ev_lain = Eviden.objects.create(
        indikator=lain,
        tahun=2024,
        periode="TAHUN",
        judul="Milik Biro Umum",
        berkas=SimpleUploadedFile("u.pdf", b"%PDF-1.4 u"),
    )
    mandiri = {
        k: ["AA" if j not in {"Y", "T"} else "Y" for j in v] for k, v in JAWABAN_TANGAN.items()
    }
    isi = isian(lke_88, mandiri)
    pertama = next(iter(isi))
    isi[pertama].eviden = [ev.pk]
    simpan_jawaban(operator, evaluasi, isi, MANDIRI)
    simpan_jawaban(evaluator, evaluasi, isian(lke_88, JAWABAN_TANGAN), EVALUATOR)

    lembar = isian_lembar(evaluasi)
    assert lembar.mandiri.nilai == D("100.00")
    assert lembar.evaluator.nilai == D("70.93")
    assert lembar.selisih == D("-29.07")
    assert lembar.komponen[0].selisih == D("-4.50")  # 25,50 − 30,00
    assert [e.judul for e in lembar.eviden] == ["SK Renstra"]
    baris = lembar.komponen[0].sub[0].kriteria
    assert baris[0].jawaban is not None and list(baris[0].jawaban.eviden.all()) == [ev]
    assert not baris[0].berbeda and baris[4].berbeda  # Y = Y; Y ≠ T
    # The evaluator's save did not touch the unit's answers, and vice versa.
    assert baris[4].jawaban is not None
    assert (baris[4].jawaban.jawaban_mandiri, baris[4].jawaban.jawaban_evaluator) == ("Y", "T")

    with pytest.raises(DitolakError, match="pustaka data dukung"):
        simpan_jawaban(operator, evaluasi, {pertama: IsianKriteria("Y", "", [ev_lain.pk])}, MANDIRI)
    with pytest.raises(DitolakError, match="tidak sesuai skala"):
        simpan_jawaban(operator, evaluasi, {pertama: IsianKriteria("AA")}, MANDIRI)
    lain_lke = KriteriaLKE.objects.exclude(sub__komponen__lembar=lke_88).first()
    assert lain_lke is not None
    with pytest.raises(DitolakError, match="bukan bagian"):
        simpan_jawaban(evaluator, evaluasi, {lain_lke.pk: IsianKriteria("AA")}, EVALUATOR)
    with pytest.raises(ValueError, match="pihak"):
        simpan_jawaban(evaluator, evaluasi, {}, "siapa")


def test_who_may_score_and_who_may_self_assess(
    klien_kaltim: dict[str, Client], lke_88: LembarKerja
) -> None:
    u = {n: c.user for n, c in klien_kaltim.items() if n != "tamu"}  # type: ignore[attr-defined]
    hukum = Unit.objects.get(slug="kaltim-biro-hukum")
    evaluasi = buat_evaluasi(u["admin"], hukum, 2024)
    satu = {KriteriaLKE.objects.filter(sub__komponen__lembar=lke_88).first().pk: IsianKriteria("Y")}  # type: ignore[union-attr]
    # Only evaluators and admins score.
    for nama in ("operator_hukum", "operator_umum", "perencana", "pimpinan"):
        with pytest.raises(PermissionDenied, match="evaluator atau admin"):
            simpan_jawaban(u[nama], evaluasi, satu, EVALUATOR)
    for nama in ("evaluator", "admin"):
        assert simpan_jawaban(u[nama], evaluasi, satu, EVALUATOR) in {0, 1}
    # The unit's own operator/perencana self-assess; another unit's operator, the head and the
    # evaluator do not.
    for nama in ("operator_umum", "pimpinan", "evaluator"):
        with pytest.raises(PermissionDenied, match="penilaian mandiri"):
            simpan_jawaban(u[nama], evaluasi, satu, MANDIRI)
    for nama in ("operator_hukum", "perencana"):
        simpan_jawaban(u[nama], evaluasi, satu, MANDIRI)
    with pytest.raises(PermissionDenied):
        buat_evaluasi(u["operator_umum"], hukum, 2025)
    with pytest.raises(DitolakError, match="sudah ada"):
        buat_evaluasi(u["evaluator"], hukum, 2024)
    with pytest.raises(DitolakError, match="Tidak ada LKE"):
        buat_evaluasi(u["evaluator"], hukum, 2019)


def test_an_evaluator_cannot_edit_a_units_realisasi(klien_kaltim: dict[str, Client]) -> None:
    evaluator = klien_kaltim["evaluator"].user  # type: ignore[attr-defined]
    iku05 = Indikator.objects.get(kode="IKU-05")
    with pytest.raises(DitolakError, match="tidak berwenang mengubah"):
        simpan_realisasi(evaluator, iku05, 2024, "TW4", "100")


def test_locking_makes_the_worksheet_the_units_result_and_refuses_every_change(
    klien_kaltim: dict[str, Client], lke_88: LembarKerja
) -> None:
    evaluator = klien_kaltim["evaluator"].user  # type: ignore[attr-defined]
    operator = klien_kaltim["operator_hukum"].user  # type: ignore[attr-defined]
    hukum = Unit.objects.get(slug="kaltim-biro-hukum")
    evaluasi = buat_evaluasi(evaluator, hukum, 2024)
    isi = isian(lke_88, JAWABAN_TANGAN)
    satu = next(iter(isi))
    simpan_jawaban(evaluator, evaluasi, {satu: isi[satu]}, EVALUATOR)
    with pytest.raises(DitolakError, match="belum lengkap \\(1 dari 37"):
        kunci_evaluasi(evaluator, evaluasi, "700/1/LHE/2025", dt.date(2025, 3, 1))
    simpan_jawaban(evaluator, evaluasi, isi, EVALUATOR)
    with pytest.raises(PermissionDenied):
        kunci_evaluasi(operator, evaluasi, "700/1/LHE/2025", dt.date(2025, 3, 1))
    with pytest.raises(DitolakError, match="Nomor LHE"):
        kunci_evaluasi(evaluator, evaluasi, " ", dt.date(2025, 3, 1))

    hasil = kunci_evaluasi(evaluator, evaluasi, "700/1/LHE/2025", dt.date(2025, 3, 1))
    evaluasi.refresh_from_db()
    assert evaluasi.terkunci and evaluasi.hasil == hasil and evaluasi.dikunci_oleh == evaluator
    assert HasilEvaluasi.objects.get(unit=hukum, tahun=2024) == hasil
    assert hasil.model == MODEL_88_2021.kode and hasil.nilai_total is None
    assert hasil.nilai() == D("70.93") and hasil.predikat() is Predikat.BB
    assert dict(hasil.skor.values_list("komponen", "nilai")) == {
        "perencanaan": D("25.50"),
        "pengukuran": D("21.90"),
        "pelaporan": D("11.03"),
        "evaluasi_internal": D("12.50"),
    }
    assert hasil.history.first().history_user == evaluator

    for pihak, siapa in ((EVALUATOR, evaluator), (MANDIRI, operator)):
        with pytest.raises(DitolakError, match="terkunci"):
            simpan_jawaban(siapa, evaluasi, {satu: IsianKriteria("T")}, pihak)
    with pytest.raises(DitolakError, match="terkunci"):
        kunci_evaluasi(evaluator, evaluasi, "lagi", dt.date(2025, 3, 2))


def test_a_locked_worksheet_replaces_an_imported_total_of_the_year(
    klien_kaltim: dict[str, Client], lke_88: LembarKerja
) -> None:
    """The Setda's 2024 result was imported as a bare total (81,80); the LHE's worksheet wins."""
    evaluator = klien_kaltim["evaluator"].user  # type: ignore[attr-defined]
    setda = Unit.objects.get(slug="setda-kaltim")
    assert HasilEvaluasi.objects.get(unit=setda, tahun=2024).nilai() == D("81.80")
    evaluasi = buat_evaluasi(evaluator, setda, 2024)
    simpan_jawaban(evaluator, evaluasi, isian(lke_88, JAWABAN_TANGAN), EVALUATOR)
    kunci_evaluasi(evaluator, evaluasi, "LHE-1", dt.date(2025, 3, 1))
    assert HasilEvaluasi.objects.get(unit=setda, tahun=2024).nilai() == D("70.93")
    assert EvaluasiAKIP.objects.get(unit=setda, tahun=2024).hasil is not None
