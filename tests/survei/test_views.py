"""Survey screens on the Kaltim demo: the SKM table as seed 000 prints it, import, export, access."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from sakip.organisasi.models import Unit
from sakip.survei.models import HasilSurvei, TanggapanSurvei
from tests.demo.test_kaltim import IKM_BIRO
from tests.survei.contoh import RESPONDEN, berkas_xlsx

pytestmark = pytest.mark.django_db

HUKUM = "kaltim-biro-hukum"


def _unggah(klien: Client, isi: bytes, periode: str = "S1", nama: str = "survei.xlsx") -> object:
    url = reverse("survei:impor", args=[HUKUM, 2024, periode])
    return klien.post(url, {"berkas": SimpleUploadedFile(nama, isi)})


def test_the_annual_table_reproduces_the_kaltim_skm_table(
    klien_kaltim: dict[str, Client], django_assert_max_num_queries: object
) -> None:
    url = reverse("survei:tabel", args=["setda-kaltim", 2024])
    with django_assert_max_num_queries(20):  # type: ignore[operator]
        r = klien_kaltim["pimpinan"].get(url)
    assert r.status_code == 200
    tahunan = {b.unit.slug: b.tahunan for b in r.context["baris"]}
    assert tahunan == {"setda-kaltim": D("86.40"), **{k: D(v) for k, v in IKM_BIRO.items()}}
    setda = r.context["baris"][0]
    assert setda.dari_anak and (setda.mutu.kode, setda.mutu.nama) == ("B", "Baik")
    teks = r.content.decode()
    assert "86,40" in teks and "89,38" in teks and "84,76" in teks
    # Biro Pemerintahan: semesters 89,18 and 89,57 → 89,38.
    assert "89,18" in teks and "89,57" in teks


def test_the_xlsx_export_holds_the_same_values_as_numbers(klien_kaltim: dict[str, Client]) -> None:
    r = klien_kaltim["evaluator"].get(reverse("survei:tabel-xlsx", args=["setda-kaltim", 2024]))
    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="ikm-setda-kaltim-2024.xlsx"'
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["ikm_tahunan"]
    baris = list(ws.iter_rows(min_row=2, values_only=True))
    setda = Unit.objects.get(slug="setda-kaltim")
    assert baris[0][0] == setda.nama
    assert baris[0][3] == pytest.approx(86.40) and isinstance(baris[0][3], float)
    assert (baris[0][4], baris[0][5]) == ("B", "Baik")
    # Biro rows are indented under the Setda; their annual IKM as in seed 000.
    nama = {u.slug: u.nama for u in Unit.objects.filter(slug__in=IKM_BIRO)}
    tahunan = {b[0].strip(): b[3] for b in baris[1:]}
    assert tahunan == {nama[k]: pytest.approx(float(v)) for k, v in IKM_BIRO.items()}
    assert all(isinstance(v, int | float) for b in baris[1:] for v in b[1:4])
    assert len(list(wb["ikm_semester"].iter_rows(min_row=2))) == 18


def test_import_through_the_page_then_the_results_screen(klien_kaltim: dict[str, Client]) -> None:
    operator = klien_kaltim["operator_hukum"]
    r = operator.get(reverse("survei:impor", args=[HUKUM, 2024, "S1"]))
    assert r.status_code == 200 and 'type="file"' in r.content.decode()
    r = _unggah(operator, berkas_xlsx(RESPONDEN))
    assert r.status_code == 302
    assert r["Location"] == reverse("survei:hasil", args=[HUKUM, 2024, "S1"])
    r = operator.get(r["Location"])
    teks = r.content.decode()
    assert "4 tanggapan diimpor" in teks
    assert '<dd class="col-sm-9 fs-4" id="nilai-ikm">83,94</dd>' in teks
    assert 'id="mutu-ikm">B<' in teks and 'id="kinerja-ikm">Baik<' in teks
    terendah = teks.split('id="unsur-terendah">')[1].split("</ol>")[0]
    assert terendah.index("Waktu Penyelesaian") < terendah.index("Sarana dan Prasarana")
    assert "Kompetensi Pelaksana (3,000)" in terendah
    assert "3,357750" in teks  # Σ NRR tertimbang
    assert "Profil responden (4 orang)" in teks
    # The parent table now reads the new semester: Hukum (83,94 + 88,72) / 2 = 86,33.
    r = klien_kaltim["pimpinan"].get(reverse("survei:tabel", args=["setda-kaltim", 2024]))
    tahunan = {b.unit.slug: b.tahunan for b in r.context["baris"]}
    assert tahunan[HUKUM] == D("86.33") and tahunan["setda-kaltim"] == D("86.12")


def test_a_bad_file_is_refused_listing_each_row_and_column(klien_kaltim: dict[str, Client]) -> None:
    buruk = [
        [1, "L", "SMA", "ASN", 30, 5, 4, 3, 4, 4, 3, 4, 3, 4],
        [2, "Q", "SMA", "ASN", 30, 4, None, 3, 4, 4, 3, 4, 3, 4],
    ]
    r = _unggah(klien_kaltim["perencana"], berkas_xlsx(buruk))
    assert r.status_code == 422
    galat = [(g.baris, g.kolom) for g in r.context["galat"]]
    assert galat == [(2, "u1"), (3, "jenis_kelamin"), (3, "u2")]
    teks = r.content.decode()
    assert "Impor dibatalkan: 3 kesalahan" in teks and 'id="galat-survei"' in teks
    assert HasilSurvei.objects.get(unit__slug=HUKUM, tahun=2024, periode="S1").nilai == D("89.00")
    assert not TanggapanSurvei.objects.exists()
    r = _unggah(klien_kaltim["perencana"], b"x", nama="survei.pdf")
    assert r.status_code == 422 and "gunakan .xlsx atau .csv" in r.content.decode()


def test_another_biro_gets_404_and_read_only_roles_403_on_import(
    klien_kaltim: dict[str, Client],
) -> None:
    umum = klien_kaltim["operator_umum"]
    for nama, args in (
        ("survei:tabel", [HUKUM, 2024]),
        ("survei:tabel-xlsx", [HUKUM, 2024]),
        ("survei:hasil", [HUKUM, 2024, "S1"]),
        ("survei:impor", [HUKUM, 2024, "S1"]),
    ):
        assert umum.get(reverse(nama, args=args)).status_code == 404, nama
    assert _unggah(umum, berkas_xlsx(RESPONDEN)).status_code == 404
    for peran in ("pimpinan", "evaluator"):
        assert _unggah(klien_kaltim[peran], berkas_xlsx(RESPONDEN)).status_code == 403
    assert _unggah(klien_kaltim["tamu"], berkas_xlsx(RESPONDEN)).status_code == 302
    assert not TanggapanSurvei.objects.exists()
    assert HasilSurvei.objects.get(unit__slug=HUKUM, tahun=2024, periode="S1").nilai == D("89.00")
    # Unknown semester or year: 404, not an error page.
    assert klien_kaltim["perencana"].get(f"/survei/{HUKUM}/2024/S3/").status_code == 404
    assert klien_kaltim["perencana"].get(f"/survei/{HUKUM}/1900/").status_code == 404


def test_the_overview_lists_the_users_units_and_import_links(
    klien_kaltim: dict[str, Client],
) -> None:
    r = klien_kaltim["operator_hukum"].get(reverse("survei:awal"))
    assert r.status_code == 200 and r.context["tahun"] == 2024
    [(akar, baris)] = r.context["tabel"]
    assert akar.slug == HUKUM and baris[0].tahunan == D("88.86")
    teks = r.content.decode()
    assert reverse("survei:impor", args=[HUKUM, 2024, "S1"]) in teks
    assert "kaltim-biro-umum" not in teks
    r = klien_kaltim["pimpinan"].get(reverse("survei:awal"), {"tahun": 2024})
    assert "86,40" in r.content.decode() and not r.context["unit_impor"]
    r = klien_kaltim["evaluator"].get(reverse("survei:awal"))
    assert "86,40" in r.content.decode()


def test_the_template_download(klien_kaltim: dict[str, Client]) -> None:
    r = klien_kaltim["pimpinan"].get(reverse("survei:templat"))
    assert r.status_code == 200
    assert load_workbook(io.BytesIO(r.content)).sheetnames == ["tanggapan", "petunjuk"]
