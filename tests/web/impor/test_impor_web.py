"""The import/export page: template, a unit's export, upload with its error report; rights."""

from __future__ import annotations

import io

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from sakip.impor.berkas import tulis_xlsx
from sakip.impor.skema import LEMBAR
from sakip.perencanaan.models import Indikator, Target

pytestmark = pytest.mark.django_db

RENSTRA = "setda-kaltim-2024-2026"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(
    lembar: dict[str, list[dict[str, object]]], nama: str = "data.xlsx"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, tulis_xlsx(lembar), content_type=XLSX)


def _target_2026(kode: str) -> str | None:
    return (
        Target.objects.filter(indikator__kode=kode, tahun=2026)
        .values_list("nilai", flat=True)
        .first()
    )


def test_the_template_opens_with_every_sheet(klien_kaltim: dict[str, Client]) -> None:
    r = klien_kaltim["pimpinan"].get(reverse("impor:templat"))
    assert r.status_code == 200 and r["Content-Type"] == XLSX
    assert 'filename="templat-sakip.xlsx"' in r["Content-Disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["petunjuk", *[spek.nama for spek in LEMBAR]]
    assert [c.value for c in wb["target"][1]] == [
        "renstra",
        "indikator",
        "tahun",
        "periode",
        "nilai",
    ]
    assert wb["target"].max_row == 1  # empty: header only
    assert "Petunjuk pengisian" in wb["petunjuk"]["A1"].value


def test_a_unit_is_exported_as_a_workbook(klien_kaltim: dict[str, Client]) -> None:
    r = klien_kaltim["perencana"].get(
        reverse("impor:ekspor"), {"unit": "setda-kaltim", "tahun": 2025}
    )
    assert r.status_code == 200
    assert 'filename="sakip-setda-kaltim-2025.xlsx"' in r["Content-Disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    kepala = [c.value for c in wb["target"][1]]
    baris = [
        dict(zip(kepala, (c.value for c in row), strict=False))
        for row in wb["target"].iter_rows(min_row=2)
    ]
    assert len(baris) == 16 and {b["tahun"] for b in baris} == {2025}
    assert {"indikator": "IKU-08", "nilai": "73"}.items() <= next(
        b for b in baris if b["indikator"] == "IKU-08"
    ).items()
    # An operator exports their own Biro, and gets 404 for the Setda above it.
    umum = klien_kaltim["operator_umum"]
    assert umum.get(reverse("impor:ekspor"), {"unit": "kaltim-biro-umum"}).status_code == 200
    r = umum.get(reverse("impor:ekspor"), {"unit": "setda-kaltim"})
    assert r.status_code == 404 and "Sekretariat Daerah Provinsi" not in r.content.decode()


def test_a_bad_row_is_reported_with_its_place_and_nothing_is_stored(
    klien_kaltim: dict[str, Client],
) -> None:
    sebelum = Target.objects.count()
    berkas = _xlsx(
        {
            "target": [
                {"renstra": RENSTRA, "indikator": "IKU-01", "tahun": 2026, "nilai": "99"},
                {"renstra": RENSTRA, "indikator": "IKU-02", "tahun": 2026, "nilai": "sembilan"},
                {"renstra": RENSTRA, "indikator": "IKU-99", "tahun": 2026, "nilai": "1"},
            ]
        }
    )
    r = klien_kaltim["perencana"].post(reverse("impor:unggah"), {"berkas": berkas})
    assert r.status_code == 422
    galat = [(g.lembar, g.baris, g.kolom, str(g.nilai)) for g in r.context["galat"]]
    assert ("target", 3, "nilai", "sembilan") in galat
    assert ("target", 4, "indikator", "IKU-99") in galat
    teks = r.content.decode()
    assert "Impor dibatalkan: 2 kesalahan" in teks and "Tidak ada data yang disimpan" in teks
    assert '<th scope="col">Lembar</th><th scope="col">Baris</th><th scope="col">Kolom</th>' in teks
    assert "indikator tidak dikenal di Renstra ini" in teks
    assert Target.objects.count() == sebelum and _target_2026("IKU-01") != "99"


def test_a_good_workbook_lands_whole_with_a_summary(klien_kaltim: dict[str, Client]) -> None:
    berkas = _xlsx(
        {"target": [{"renstra": RENSTRA, "indikator": "IKU-01", "tahun": 2026, "nilai": "99,5"}]}
    )
    r = klien_kaltim["perencana"].post(
        reverse("impor:unggah"), {"berkas": berkas}, HTTP_HX_REQUEST="true"
    )
    assert r.status_code == 200
    teks = r.content.decode()
    assert "Impor berhasil: 1 baris" in teks and "<td>target</td>" in teks and "<html" not in teks
    assert _target_2026("IKU-01") == "99,5"
    t = Target.objects.get(indikator__kode="IKU-01", tahun=2026)
    assert t.history.first().history_user == klien_kaltim["perencana"].user  # type: ignore[attr-defined]


def test_yaml_is_accepted_too(klien_kaltim: dict[str, Client]) -> None:
    isi = yaml.safe_dump(
        {
            "format": "sakip/1",
            "target": [{"renstra": RENSTRA, "indikator": "IKU-03", "tahun": 2026, "nilai": "88"}],
        }
    ).encode()
    r = klien_kaltim["admin"].post(
        reverse("impor:unggah"), {"berkas": SimpleUploadedFile("t.yaml", isi)}
    )
    assert r.status_code == 200 and _target_2026("IKU-03") == "88"


def test_an_operator_cannot_import_into_another_unit(klien_kaltim: dict[str, Client]) -> None:
    # IKU-05 is Biro Hukum's; the operator of Biro Umum may not touch it, Biro Hukum's may.
    baris = {"target": [{"renstra": RENSTRA, "indikator": "IKU-05", "tahun": 2026, "nilai": "1"}]}
    r = klien_kaltim["operator_umum"].post(reverse("impor:unggah"), {"berkas": _xlsx(baris)})
    assert r.status_code == 422
    assert [(g.kolom, g.alasan) for g in r.context["galat"]] == [
        ("indikator", "Anda tidak berwenang mengubah data unit ini")
    ]
    assert _target_2026("IKU-05") != "1"
    r = klien_kaltim["operator_hukum"].post(reverse("impor:unggah"), {"berkas": _xlsx(baris)})
    assert r.status_code == 200 and _target_2026("IKU-05") == "1"


def test_wrong_type_and_too_large_files_are_refused(
    klien_kaltim: dict[str, Client], settings: object
) -> None:
    c = klien_kaltim["perencana"]
    r = c.post(reverse("impor:unggah"), {"berkas": SimpleUploadedFile("data.csv", b"a,b")})
    assert r.status_code == 422 and "Jenis berkas .csv tidak dikenal" in r.content.decode()
    besar = SimpleUploadedFile("besar.yaml", b"#" * (10 * 1024 * 1024 + 1))
    r = c.post(reverse("impor:unggah"), {"berkas": besar})
    assert r.status_code == 422 and "melebihi batas 10 MB" in r.content.decode()
    r = c.post(
        reverse("impor:unggah"), {"berkas": SimpleUploadedFile("rusak.xlsx", b"bukan excel")}
    )
    assert r.status_code == 422 and "bukan berkas Excel (.xlsx) yang sah" in r.content.decode()


@pytest.mark.parametrize("peran", ["perencana", "pimpinan", "evaluator", "operator_hukum", "admin"])
def test_every_role_opens_the_page(klien_kaltim: dict[str, Client], peran: str) -> None:
    r = klien_kaltim[peran].get(reverse("impor:halaman"))
    assert r.status_code == 200
    assert r.context["boleh_impor"] is (peran not in {"pimpinan", "evaluator"})
    assert 'hx-indicator="#indikator-impor"' in r.content.decode() or not r.context["boleh_impor"]


@pytest.mark.parametrize("peran", ["pimpinan", "evaluator"])
def test_read_only_roles_get_403_on_upload(klien_kaltim: dict[str, Client], peran: str) -> None:
    berkas = _xlsx(
        {"target": [{"renstra": RENSTRA, "indikator": "IKU-01", "tahun": 2026, "nilai": "5"}]}
    )
    assert klien_kaltim[peran].post(reverse("impor:unggah"), {"berkas": berkas}).status_code == 403
    assert _target_2026("IKU-01") != "5"


def test_anonymous_is_sent_to_sign_in(klien_kaltim: dict[str, Client]) -> None:
    tamu = klien_kaltim["tamu"]
    for url in ("impor:halaman", "impor:templat", "impor:ekspor"):
        r = tamu.get(reverse(url), {"unit": "setda-kaltim"})
        assert r.status_code == 302 and r["Location"].startswith("/masuk/")
    r = tamu.post(reverse("impor:unggah"), {"berkas": _xlsx({})})
    assert r.status_code == 302 and Indikator.objects.exists()
