"""The PK wizard on the Kaltim demo: draft from the Renstra, adjust, budget, sign, lock, revise."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from sakip.organisasi.models import Unit
from sakip.perencanaan.models import Indikator, Program, Target
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget, StatusPK
from sakip.perjanjian.services import buat_pk

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(nama: str, *args: object) -> str:
    return reverse(f"perjanjian:{nama}", args=args)


def test_the_wizard_end_to_end_on_kaltim_2025(klien_kaltim: dict[str, Client]) -> None:
    c = klien_kaltim["perencana"]
    perencana = c.user  # type: ignore[attr-defined]

    # 1. Draft from the Renstra: the IKU of the Setda with their 2025 targets.
    r = c.post(_url("buat"), {"unit": "setda-kaltim", "tahun": "2025"})
    pk = PerjanjianKinerja.objects.get(unit__slug="setda-kaltim", tahun=2025)
    assert r.status_code == 302 and r["Location"] == _url("detail", pk.pk)
    assert (pk.revisi, pk.status, pk.penandatangan) == (1, StatusPK.DRAF, "Sri Wahyuni")
    iku = Indikator.objects.filter(renstra=pk.renstra, iku=True)
    renstra_2025 = dict(
        Target.objects.filter(indikator__in=iku, tahun=2025).values_list("indikator__kode", "nilai")
    )
    assert dict(pk.target.values_list("indikator__kode", "target")) == renstra_2025
    assert len(renstra_2025) == 13 and renstra_2025["IKU-08"] == "73"
    assert pk.history.first().history_user == perencana

    halaman = c.get(_url("detail", pk.pk))
    assert halaman.status_code == 200
    assert [b.target_renstra for b in halaman.context["baris_target"]][7] == "73"
    teks = halaman.content.decode()
    assert "1. Target kinerja" in teks and "Tandatangani &amp; kunci" in teks

    # Adjust one target inline; the row comes back alone.
    iku08 = Indikator.objects.get(kode="IKU-08")
    nama = f"t{iku08.pk}-target"
    r = c.post(_url("target", pk.pk, iku08.pk), {nama: "75"}, **HTMX)
    assert r.status_code == 200 and r.content.decode().lstrip().startswith("<tr")
    assert "Tersimpan." in r.content.decode()
    baris = PKTarget.objects.get(pk_dokumen=pk, indikator=iku08)
    assert baris.target == "75" and baris.history.first().history_user == perencana

    # A bad target: error next to the input, tied by aria-describedby, nothing stored.
    r = c.post(_url("target", pk.pk, iku08.pk), {nama: "tujuh puluh"}, **HTMX)
    isi = r.content.decode()
    assert f'aria-describedby="t{iku08.pk}-galat"' in isi
    assert f'id="t{iku08.pk}-galat"' in isi and "bukan angka" in isi
    assert PKTarget.objects.get(pk_dokumen=pk, indikator=iku08).target == "75"

    # 2. Budget: the 2025 pagu is not in the seed, so a line is attached by hand.
    assert pk.anggaran.count() == 0
    program = Program.objects.get(
        renstra=pk.renstra, kode="4.01.05", unit__slug="kaltim-biro-hukum"
    )
    r = c.post(_url("anggaran-tambah", pk.pk), {"program": program.pk, "pagu": "4.600.000.000"})
    assert r.status_code == 302
    anggaran = PKAnggaran.objects.get(pk_dokumen=pk)
    assert anggaran.pagu == Decimal("4600000000") and anggaran.kegiatan is None
    r = c.post(
        _url("anggaran", pk.pk, anggaran.pk), {f"a{anggaran.pk}-pagu": "4.650.000.000,50"}, **HTMX
    )
    assert r.status_code == 200 and "Tersimpan." in r.content.decode()
    anggaran.refresh_from_db()
    assert anggaran.pagu == Decimal("4650000000.50")
    r = c.post(_url("anggaran", pk.pk, anggaran.pk), {f"a{anggaran.pk}-pagu": "-5"}, **HTMX)
    assert "tidak boleh negatif" in r.content.decode()
    anggaran.refresh_from_db()
    assert anggaran.pagu == Decimal("4650000000.50")

    # 3. Signatories.
    data = {
        "penandatangan": "Sri Wahyuni",
        "nip_penandatangan": "19700101 199503 2 001",
        "jabatan_penandatangan": "Sekretaris Daerah",
        "pihak_kedua": "Akmal Malik",
        "jabatan_pihak_kedua": "Penjabat Gubernur Kalimantan Timur",
        "catatan": "",
    }
    r = c.post(_url("penandatangan", pk.pk), {**data, "nip_penandatangan": "12ab"})
    assert r.status_code == 422 and "NIP terdiri atas 18 angka" in r.content.decode()
    assert c.post(_url("penandatangan", pk.pk), data).status_code == 302
    pk.refresh_from_db()
    assert (pk.nip_penandatangan, pk.pihak_kedua) == ("197001011995032001", "Akmal Malik")

    # 4. Sign: the confirmation is required, then the PK is locked.
    r = c.post(_url("tandatangani", pk.pk), {"tanggal": "2025-01-31"})
    assert r.status_code == 422 and not PerjanjianKinerja.objects.get(pk=pk.pk).terkunci
    r = c.post(_url("tandatangani", pk.pk), {"tanggal": "2025-01-31", "setuju": "on"})
    assert r.status_code == 302
    pk.refresh_from_db()
    assert pk.terkunci and str(pk.tanggal) == "2025-01-31"

    teks = c.get(_url("detail", pk.pk)).content.decode()
    assert "pk-kunci" in teks and "terkunci" in teks
    assert f'name="{nama}"' not in teks and "Buat revisi" in teks

    # Edits are refused once signed; nothing changes.
    r = c.post(_url("target", pk.pk, iku08.pk), {nama: "80"}, **HTMX)
    assert "terkunci; buat revisi baru" in r.content.decode()
    r = c.post(_url("anggaran", pk.pk, anggaran.pk), {f"a{anggaran.pk}-pagu": "1"})
    assert r.status_code == 302
    r = c.post(_url("penandatangan", pk.pk), {**data, "pihak_kedua": "X"})
    assert PKTarget.objects.get(pk_dokumen=pk, indikator=iku08).target == "75"
    anggaran.refresh_from_db()
    pk.refresh_from_db()
    assert anggaran.pagu == Decimal("4650000000.50") and pk.pihak_kedua == "Akmal Malik"

    # Revise: revision 2 starts as a draft copy; its changed target shows in the diff.
    r = c.post(_url("revisi", pk.pk))
    rev2 = PerjanjianKinerja.objects.get(unit=pk.unit, tahun=2025, revisi=2)
    assert r["Location"] == _url("detail", rev2.pk) and rev2.status == StatusPK.DRAF
    assert rev2.target.count() == 13 and rev2.anggaran.get().pagu == Decimal("4650000000.50")
    c.post(_url("target", rev2.pk, iku08.pk), {f"t{iku08.pk}-target": "77"}, **HTMX)
    halaman = c.get(_url("detail", rev2.pk))
    perbedaan = halaman.context["perbedaan"]
    assert [(p.kode, p.lama, p.baru) for p in perbedaan] == [("IKU-08", "75", "77")]
    assert [r.revisi for r in halaman.context["riwayat"]] == [2, 1]
    berubah = [b.pk_target.indikator.kode for b in halaman.context["baris_target"] if b.berubah]
    assert berubah == ["IKU-08"]
    # The signed revision 1 keeps its target, and only the newest may be revised.
    assert PKTarget.objects.get(pk_dokumen=pk, indikator=iku08).target == "75"
    assert "Buat revisi" not in c.get(_url("detail", pk.pk)).content.decode()


def test_a_pk_prints_as_its_document(klien_kaltim: dict[str, Client]) -> None:
    pk = PerjanjianKinerja.objects.get(unit__slug="setda-kaltim", tahun=2024, revisi=1)
    r = klien_kaltim["pimpinan"].get(_url("cetak", pk.pk))
    assert r.status_code == 200
    teks = r.content.decode()
    assert "PERJANJIAN KINERJA TAHUN 2024" in teks and "pihak pertama" in teks
    assert "Persentase perumusan kebijakan di bidang kesra yang difasilitasi" in teks
    assert "Rp 187.715.133.600" in teks  # Biro Kesra's program (Tabel 3.19)
    assert len(r.context["baris_target"]) == 13 and len(r.context["anggaran"]) == 9


def test_buat_pk_explains_a_refusal_in_the_form(klien_kaltim: dict[str, Client]) -> None:
    c = klien_kaltim["perencana"]
    r = c.post(_url("buat"), {"unit": "setda-kaltim", "tahun": "2030"})
    assert r.status_code == 422
    assert "Tidak ada Renstra yang mencakup tahun 2030" in r.content.decode()
    assert not PerjanjianKinerja.objects.filter(tahun=2030).exists()


def test_the_list_groups_revisions_per_unit_and_year(klien_kaltim: dict[str, Client]) -> None:
    r = klien_kaltim["evaluator"].get(_url("daftar"))
    kelompok = r.context["kelompok"]
    assert [(k.unit.slug, k.tahun, [p.revisi for p in k.revisi]) for k in kelompok] == [
        ("setda-kaltim", 2024, [1])
    ]
    assert kelompok[0].revisi[0].jumlah_target == 13
    assert not r.context["boleh_buat"]  # an evaluator only reads
    assert (
        r.context["kelompok"]
        and klien_kaltim["perencana"].get(_url("daftar")).context["boleh_buat"]
    )


# --- who may do what ----------------------------------------------------------------


@pytest.fixture
def pk_hukum(demo_kaltim: None, db: None) -> PerjanjianKinerja:
    return buat_pk(Unit.objects.get(slug="kaltim-biro-hukum"), 2025)


def _tulis(pk: PerjanjianKinerja) -> list[tuple[str, dict[str, str]]]:
    ind = pk.target.first().indikator_id
    return [
        (_url("target", pk.pk, ind), {f"t{ind}-target": "1"}),
        (_url("penandatangan", pk.pk), {"penandatangan": "X", "jabatan_penandatangan": "Y"}),
        (_url("tandatangani", pk.pk), {"tanggal": "2025-01-02", "setuju": "on"}),
        (_url("revisi", pk.pk), {}),
        (_url("anggaran-tambah", pk.pk), {"pagu": "1"}),
    ]


@pytest.mark.parametrize("peran", ["perencana", "pimpinan", "evaluator", "operator_hukum", "admin"])
def test_own_unit_roles_read_the_pk(
    klien_kaltim: dict[str, Client], pk_hukum: PerjanjianKinerja, peran: str
) -> None:
    c = klien_kaltim[peran]
    for url in (_url("daftar"), _url("detail", pk_hukum.pk), _url("cetak", pk_hukum.pk)):
        assert c.get(url).status_code == 200, url
    bisa_ubah = peran in {"perencana", "admin"}
    assert c.get(_url("detail", pk_hukum.pk)).context["dapat_diubah"] is bisa_ubah


@pytest.mark.parametrize("peran", ["pimpinan", "evaluator", "operator_hukum"])
def test_read_only_roles_get_403_on_every_write(
    klien_kaltim: dict[str, Client], pk_hukum: PerjanjianKinerja, peran: str
) -> None:
    c = klien_kaltim[peran]
    for url, data in _tulis(pk_hukum):
        assert c.post(url, data).status_code == 403, url
    assert c.post(_url("buat"), {"unit": "kaltim-biro-hukum", "tahun": "2026"}).status_code == 403
    pk_hukum.refresh_from_db()
    assert pk_hukum.status == StatusPK.DRAF and pk_hukum.penandatangan == ""
    assert PerjanjianKinerja.objects.filter(unit=pk_hukum.unit).count() == 1


def test_a_foreign_unit_answers_404_without_its_data(
    klien_kaltim: dict[str, Client], pk_hukum: PerjanjianKinerja
) -> None:
    c = klien_kaltim["operator_umum"]
    nama_indikator = pk_hukum.target.first().indikator.nama
    for url in (_url("detail", pk_hukum.pk), _url("cetak", pk_hukum.pk)):
        r = c.get(url)
        assert r.status_code == 404
        assert nama_indikator not in r.content.decode()
    for url, data in _tulis(pk_hukum):
        assert c.post(url, data).status_code == 404, url
    assert c.post(_url("buat"), {"unit": "kaltim-biro-hukum", "tahun": "2026"}).status_code == 404
    # The list shows none of it either.
    r = c.get(_url("daftar"))
    assert r.context["kelompok"] == [] and "Biro Hukum" not in r.content.decode().split("<main")[1]


def test_anonymous_is_sent_to_sign_in(
    klien_kaltim: dict[str, Client], pk_hukum: PerjanjianKinerja
) -> None:
    tamu = klien_kaltim["tamu"]
    for url in (_url("daftar"), _url("detail", pk_hukum.pk), _url("cetak", pk_hukum.pk)):
        r = tamu.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/masuk/")
    for url, data in _tulis(pk_hukum):
        r = tamu.post(url, data)
        assert r.status_code == 302 and r["Location"].startswith("/masuk/")
