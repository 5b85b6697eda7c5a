"""Importing survey responses through the service the import page uses (PermenPAN-RB 14/2017)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from sakip.impor.services import ImporGagal
from sakip.kinerja.ikm import unsur_terendah
from sakip.organisasi.models import Keanggotaan, Peran, Unit
from sakip.perhitungan.services import hitung_kinerja
from sakip.survei.models import HasilSurvei, TanggapanSurvei
from sakip.survei.selectors import hasil_semester, tabel_tahunan
from sakip.survei.services import KOLOM, impor_tanggapan, tulis_templat
from tests.survei.contoh import RESPONDEN, berkas_csv, berkas_xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_kaltim")]

# The four respondents of RESPONDEN, worked out by hand:
#   unsur   answers      sum  NRR = sum / 4
#   U1      4 3 4 3      14   3,500
#   U2      4 4 3 3      14   3,500
#   U3      3 3 2 2      10   2,500
#   U4      4 4 4 4      16   4,000
#   U5      4 3 4 3      14   3,500
#   U6      3 3 3 3      12   3,000
#   U7      4 4 3 4      15   3,750
#   U8      3 2 3 2      10   2,500
#   U9      4 4 4 4      16   4,000
#   Σ NRR = 30,25; weighted by 1/9 as the regulation rounds it: 30,25 × 0,111 = 3,35775;
#   IKM = 3,35775 × 25 = 83,94375 → 83,94: mutu B (76,61–88,30), kinerja "Baik".
#   Three lowest: Waktu Penyelesaian 2,500, Sarana dan Prasarana 2,500 (ties keep the
#   regulation's order), Kompetensi Pelaksana 3,000.
NRR = ["3.5", "3.5", "2.5", "4", "3.5", "3", "3.75", "2.5", "4"]
IKM = D("83.94")

# Derived: Biro Hukum 2024 was S1 89,00 and S2 88,72 (annual 88,86). With S1 = 83,94 its
# year is (83,94 + 88,72) / 2 = 86,33; the Setda's IKU-11 = mean of the nine Biro years:
# (777,58 − 88,86 + 86,33) / 9 = 775,05 / 9 = 86,116… → 86,12 (was 777,58 / 9 → 86,40).
TAHUNAN_HUKUM = D("86.33")
IKU_11 = D("86.12")


def _hukum() -> Unit:
    return Unit.objects.get(slug="kaltim-biro-hukum")


def _pengguna(nama: str, slug: str, peran: str) -> object:
    user = get_user_model().objects.create_user(nama, password="rahasia-uji")
    Keanggotaan.objects.create(user=user, unit=Unit.objects.get(slug=slug), peran=peran)
    return user


def test_known_answers_give_the_hand_computed_ikm_and_feed_iku_11() -> None:
    operator = _pengguna("op.hukum", "kaltim-biro-hukum", Peran.OPERATOR)
    hasil = impor_tanggapan(
        _hukum(), 2024, "S1", berkas_xlsx(RESPONDEN), "survei.xlsx", user=operator
    ).hasil
    hasil.refresh_from_db()
    assert hasil.nilai == IKM
    assert hasil.responden == 4
    assert [getattr(hasil, f"unsur_{i}") for i in range(1, 10)] == [D(n) for n in NRR]

    h = hasil_semester(_hukum(), 2024, "S1")
    assert h.ikm == IKM
    assert (h.mutu.kode, h.mutu.nama) == ("B", "Baik")
    assert [(nama, nrr) for nama, nrr in h.terendah] == [
        ("Waktu Penyelesaian", D("2.5")),
        ("Sarana dan Prasarana", D("2.5")),
        ("Kompetensi Pelaksana", D("3")),
    ]
    assert h.terendah == unsur_terendah(NRR)
    assert h.jumlah_tertimbang == D("3.35775")
    jenis_kelamin = dict((b.label, b.jumlah) for b in h.profil[0][1])
    assert jenis_kelamin == {"Laki-laki": 2, "Perempuan": 2}
    umur = {b.label: b.jumlah for b in h.profil[3][1]}
    assert umur["30–39"] == 1 and umur["≥ 60"] == 1 and umur["Tidak diisi"] == 1

    # Stored with history, profile codes normalised ("Perempuan" → P, "Swasta" → SWASTA).
    tanggapan = TanggapanSurvei.objects.filter(unit=_hukum(), tahun=2024, periode="S1")
    assert [t.jenis_kelamin for t in tanggapan] == ["L", "P", "P", "L"]
    assert [t.pekerjaan for t in tanggapan] == ["ASN", "SWASTA", "WIRAUSAHA", "LAINNYA"]
    assert TanggapanSurvei.history.filter(unit_id=_hukum().pk, history_type="+").count() == 4
    assert hasil.history.first().history_user == operator

    # The annual/parent table and the derived indicator both read it.
    tabel = {
        b.unit.slug: b.tahunan for b in tabel_tahunan(Unit.objects.get(slug="setda-kaltim"), 2024)
    }
    assert tabel["kaltim-biro-hukum"] == TAHUNAN_HUKUM
    assert tabel["setda-kaltim"] == IKU_11
    kinerja = hitung_kinerja(Unit.objects.get(slug="setda-kaltim"), 2024)
    assert kinerja.hasil("IKU-11").realisasi == IKU_11


def test_a_csv_with_semicolons_gives_the_same_result_and_a_reimport_replaces() -> None:
    impor_tanggapan(_hukum(), 2024, "S1", berkas_xlsx(RESPONDEN), "survei.xlsx")
    # Numbers left out: the importer numbers respondents in file order.
    tanpa_nomor = [[None, *r[1:]] for r in RESPONDEN]
    hasil = impor_tanggapan(_hukum(), 2024, "S1", berkas_csv(tanpa_nomor), "survei.csv")
    assert (hasil.jumlah, hasil.diganti) == (4, 4)
    assert hasil.hasil.nilai == IKM
    assert list(
        TanggapanSurvei.objects.filter(unit=_hukum(), periode="S1").values_list("nomor", flat=True)
    ) == [1, 2, 3, 4]
    assert TanggapanSurvei.history.filter(unit_id=_hukum().pk, history_type="-").count() == 4


def test_bad_rows_are_all_listed_and_nothing_is_stored() -> None:
    impor_tanggapan(_hukum(), 2024, "S1", berkas_xlsx(RESPONDEN), "survei.xlsx")
    sebelum_s1 = HasilSurvei.objects.get(unit=_hukum(), tahun=2024, periode="S1")
    sebelum_s2 = HasilSurvei.objects.get(unit=_hukum(), tahun=2024, periode="S2")
    assert sebelum_s2.nilai == D("88.72")  # the seed's value, no responses behind it
    buruk = [
        RESPONDEN[0],
        [2, "P", "SMA", "ASN", 30, 4, 4, 5, 4, 4, 3, 4, 3, 4],  # row 3: u3 = 5
        [3, "P", "SMA", "ASN", 30, 4, 4, 3, 4, None, 3, 4, 3, 4],  # row 4: u5 missing
        [4, "X", "SMA", "ASN", 30, 4, 4, 3, 4, 4, 3, 4, 3, 4],  # row 5: gender X
        [5, "L", "SMA", "ASN", 30, 0, 4, 3, 4, 4, 3, 4, 3, "empat"],  # row 6: u1, u9
    ]
    for periode in ("S1", "S2"):
        with pytest.raises(ImporGagal) as gagal:
            impor_tanggapan(_hukum(), 2024, periode, berkas_xlsx(buruk), "survei.xlsx")
        assert [(g.baris, g.kolom) for g in gagal.value.galat] == [
            (3, "u3"),
            (4, "u5"),
            (5, "jenis_kelamin"),
            (6, "u1"),
            (6, "u9"),
        ]
        alasan = {(g.baris, g.kolom): g.alasan for g in gagal.value.galat}
        assert "1–4" in alasan[(3, "u3")]
        assert "wajib diisi" in alasan[(4, "u5")]
        assert "kode tidak dikenal" in alasan[(5, "jenis_kelamin")]
    assert HasilSurvei.objects.get(pk=sebelum_s1.pk).nilai == IKM
    assert HasilSurvei.objects.get(pk=sebelum_s2.pk).nilai == D("88.72")
    assert TanggapanSurvei.objects.filter(unit=_hukum(), periode="S1").count() == 4
    assert not TanggapanSurvei.objects.filter(unit=_hukum(), periode="S2").exists()


@pytest.mark.parametrize(
    ("isi", "nama", "harapan"),
    [
        (berkas_xlsx([], kepala=["nomor", "u1"]), "a.xlsx", "kolom wajib tidak ada"),
        (berkas_xlsx([], kepala=[*KOLOM, "catatan"]), "a.xlsx", "kolom tidak dikenal"),
        (berkas_xlsx([]), "a.xlsx", "tidak berisi satu responden"),
        (b"", "a.csv", "berkas kosong"),
        (b"bukan excel", "a.xlsx", "tidak dapat dibaca"),
        (b"x", "a.ods", ".xlsx atau .csv"),
        (
            berkas_xlsx([RESPONDEN[0], RESPONDEN[0]]),
            "a.xlsx",
            "nomor responden sudah dipakai di baris 2",
        ),
        (berkas_csv([[0, "L", "SD", "ASN", 7, *[4] * 9]]), "a.csv", "umur harus"),
        (berkas_csv([[1, "", "SD", "TNI", 20, *[4] * 9]], ","), "a.csv", "wajib diisi"),
    ],
)
def test_malformed_files_are_refused_with_a_reason(isi: bytes, nama: str, harapan: str) -> None:
    with pytest.raises(ImporGagal) as gagal:
        impor_tanggapan(_hukum(), 2024, "S1", isi, nama)
    assert any(harapan in g.alasan for g in gagal.value.galat), gagal.value.galat
    assert not TanggapanSurvei.objects.exists()


def test_an_unknown_semester_is_refused() -> None:
    with pytest.raises(ImporGagal):
        impor_tanggapan(_hukum(), 2024, "TW1", berkas_xlsx(RESPONDEN), "a.xlsx")


def test_only_the_units_operators_and_planners_import() -> None:
    umum = _pengguna("op.umum", "kaltim-biro-umum", Peran.OPERATOR)
    pimpinan = _pengguna("pimpinan", "setda-kaltim", Peran.PIMPINAN)
    perencana = _pengguna("perencana", "setda-kaltim", Peran.PERENCANA)
    for user in (umum, pimpinan):
        with pytest.raises(PermissionDenied):
            impor_tanggapan(_hukum(), 2024, "S1", berkas_xlsx(RESPONDEN), "a.xlsx", user=user)
    assert not TanggapanSurvei.objects.exists()
    assert (
        impor_tanggapan(
            _hukum(), 2024, "S1", berkas_xlsx(RESPONDEN), "a.xlsx", user=perencana
        ).hasil.nilai
        == IKM
    )


def test_the_template_has_the_columns_and_an_instruction_sheet_and_imports_back() -> None:
    import io

    wb = load_workbook(io.BytesIO(tulis_templat()))
    assert wb.sheetnames == ["tanggapan", "petunjuk"]
    assert [c.value for c in wb["tanggapan"][1]] == list(KOLOM)
    petunjuk = " ".join(str(c.value or "") for c in wb["petunjuk"]["A"])
    assert "L = Laki-laki" in petunjuk and "u9 — Penanganan Pengaduan" in petunjuk
    for r in RESPONDEN:
        wb["tanggapan"].append(r)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    hasil = impor_tanggapan(_hukum(), 2024, "S2", keluaran.getvalue(), "isian.xlsx")
    assert hasil.hasil.nilai == IKM
