"""Survey writes: import a unit's responses for a semester, recompute its IKM, write the template.

An import is one transaction: every bad row is reported with its row number,
column and reason, and nothing is stored when there is any (DESIGN.md, "Bad input
never corrupts data"). On success the responses of that unit and semester are
replaced and its :class:`HasilSurvei` is recomputed from them through
:mod:`sakip.kinerja.ikm`, so the derived IKM indicators read the new value.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from simple_history.utils import bulk_create_with_history

from sakip.impor.berkas import Galat
from sakip.impor.services import ImporGagal
from sakip.kinerja.ikm import UNSUR_PELAYANAN, hitung_ikm, mutu_pelayanan
from sakip.organisasi.akses import boleh_peran
from sakip.organisasi.models import Peran, Unit
from sakip.survei.models import (
    SEMESTER,
    HasilSurvei,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
    TanggapanSurvei,
)

PERAN_PENGIMPOR = {Peran.ADMIN, Peran.PERENCANA, Peran.OPERATOR}
"""Who imports a unit's responses: its operators and planners (and admin)."""

LEMBAR = "tanggapan"
KOLOM_UNSUR = tuple(f"u{i}" for i in range(1, 10))
KOLOM_PROFIL = ("jenis_kelamin", "pendidikan", "pekerjaan")
KOLOM = ("nomor", *KOLOM_PROFIL, "umur", *KOLOM_UNSUR)
KOLOM_WAJIB = (*KOLOM_PROFIL, *KOLOM_UNSUR)
PERIODE = {kode for kode, _ in SEMESTER}

# Profile codes: the stored code, or its label, case-insensitive ("l", "Laki-laki").
PILIHAN_PROFIL: dict[str, Any] = {
    "jenis_kelamin": JenisKelamin,
    "pendidikan": Pendidikan,
    "pekerjaan": Pekerjaan,
}
_SINONIM = {
    "jenis_kelamin": {"laki-laki": "L", "laki laki": "L", "pria": "L", "wanita": "P"},
    "pendidikan": {"sd": "SD", "sma": "SMA", "smk": "SMA", "d1": "D3", "d2": "D3", "d4": "S1"},
    "pekerjaan": {"pns": "ASN", "polri": "TNI", "mahasiswa": "PELAJAR", "pelajar": "PELAJAR"},
}


def _kode_profil(kolom: str, nilai: str) -> str | None:
    pilihan = PILIHAN_PROFIL[kolom]
    kunci = nilai.strip().lower()
    for kode, label in pilihan.choices:
        if kunci in {kode.lower(), label.lower()}:
            return str(kode)
    return _SINONIM[kolom].get(kunci)


@dataclass(frozen=True)
class Responden:
    """One valid row of the file."""

    baris: int
    nomor: int | None
    jenis_kelamin: str
    pendidikan: str
    pekerjaan: str
    umur: int | None
    jawaban: tuple[int, ...]


def _teks(nilai: object) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai == int(nilai):
        return str(int(nilai))
    return str(nilai).strip()


def _bulat(nilai: object) -> int | None:
    """An integer cell ("3", 3, 3.0); None when it is not a whole number."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, int):
        return nilai
    try:
        d = Decimal(_teks(nilai).replace(",", "."))
    except InvalidOperation:
        return None
    return int(d) if d.is_finite() and d == d.to_integral_value() else None


def _baris_berkas(isi: bytes, nama: str) -> tuple[list[tuple[int, list[object]]], list[Galat]]:
    """The rows of the first response sheet (XLSX) or of a CSV, numbered as the user sees them."""
    akhiran = Path(nama).suffix.lower()
    if akhiran == ".xlsx":
        try:
            wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
        except Exception:  # any unreadable workbook gets the same answer
            return [], [Galat(nama, None, None, None, "berkas Excel tidak dapat dibaca")]
        ws = wb[LEMBAR] if LEMBAR in wb.sheetnames else wb.worksheets[0]
        baris = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
        wb.close()
        return baris, []
    if akhiran == ".csv":
        try:
            teks = isi.decode("utf-8-sig")
        except UnicodeDecodeError:
            teks = isi.decode("latin-1")
        # Indonesian Excel saves CSV with ";" as the separator.
        pemisah = (
            ";" if teks.split("\n", 1)[0].count(";") > teks.split("\n", 1)[0].count(",") else ","
        )
        pembaca = csv.reader(io.StringIO(teks), delimiter=pemisah)
        return [(i, list(r)) for i, r in enumerate(pembaca, start=1)], []
    return [], [Galat(nama, None, None, None, "jenis berkas harus .xlsx atau .csv")]


def baca_tanggapan(isi: bytes, nama: str) -> tuple[list[Responden], list[Galat]]:
    """Read and check every row; return the valid respondents and every error found."""
    baris, galat = _baris_berkas(isi, nama)
    if galat:
        return [], galat
    lembar = LEMBAR if Path(nama).suffix.lower() == ".xlsx" else Path(nama).name
    kepala_idx = next((k for k, (_, sel) in enumerate(baris) if any(_teks(s) for s in sel)), None)
    if kepala_idx is None:
        return [], [Galat(lembar, None, None, None, "berkas kosong: tidak ada baris judul kolom")]
    nomor_kepala, kepala = baris[kepala_idx]
    posisi: dict[str, int] = {}
    for j, sel in enumerate(kepala):
        nama_kolom = _teks(sel).lower().replace(" ", "_")
        if not nama_kolom:
            continue
        if nama_kolom not in KOLOM:
            galat.append(Galat(lembar, nomor_kepala, _teks(sel), None, "kolom tidak dikenal"))
        elif nama_kolom in posisi:
            galat.append(Galat(lembar, nomor_kepala, nama_kolom, None, "kolom ganda"))
        else:
            posisi[nama_kolom] = j
    for k in KOLOM_WAJIB:
        if k not in posisi:
            galat.append(Galat(lembar, nomor_kepala, k, None, "kolom wajib tidak ada"))
    if galat:
        return [], galat

    def sel(isi_baris: list[object], kolom: str) -> object:
        j = posisi.get(kolom)
        return isi_baris[j] if j is not None and j < len(isi_baris) else None

    hasil: list[Responden] = []
    nomor_terpakai: dict[int, int] = {}
    for nomor_baris, isi_baris in baris[kepala_idx + 1 :]:
        if not any(_teks(s) for s in isi_baris):
            continue
        salah: list[Galat] = []

        def tolak(kolom: str, nilai: object, alasan: str) -> None:
            salah.append(Galat(lembar, nomor_baris, kolom, nilai, alasan))  # noqa: B023

        profil: dict[str, str] = {}
        for k in KOLOM_PROFIL:
            nilai = _teks(sel(isi_baris, k))
            if not nilai:
                tolak(k, None, "wajib diisi")
                continue
            kode = _kode_profil(k, nilai)
            if kode is None:
                kode_sah = ", ".join(str(c) for c in PILIHAN_PROFIL[k].values)
                tolak(k, nilai, f"kode tidak dikenal (gunakan {kode_sah})")
            else:
                profil[k] = kode
        umur: int | None = None
        if _teks(sel(isi_baris, "umur")):
            umur = _bulat(sel(isi_baris, "umur"))
            if umur is None or not 10 <= umur <= 120:
                tolak("umur", _teks(sel(isi_baris, "umur")), "umur harus bilangan bulat 10–120")
                umur = None
        nomor: int | None = None
        if _teks(sel(isi_baris, "nomor")):
            nomor = _bulat(sel(isi_baris, "nomor"))
            if nomor is None or nomor < 1:
                tolak("nomor", _teks(sel(isi_baris, "nomor")), "nomor harus bilangan bulat ≥ 1")
                nomor = None
            elif nomor in nomor_terpakai:
                tolak(
                    "nomor",
                    nomor,
                    f"nomor responden sudah dipakai di baris {nomor_terpakai[nomor]}",
                )
            else:
                nomor_terpakai[nomor] = nomor_baris
        jawaban: list[int] = []
        for i, k in enumerate(KOLOM_UNSUR):
            mentah = sel(isi_baris, k)
            if not _teks(mentah):
                tolak(k, None, f"jawaban unsur {UNSUR_PELAYANAN[i]} wajib diisi")
                continue
            n = _bulat(mentah)
            if n is None or not 1 <= n <= 4:
                tolak(k, _teks(mentah), "jawaban harus bilangan bulat 1–4")
                continue
            jawaban.append(n)
        if salah:
            galat.extend(salah)
            continue
        hasil.append(
            Responden(
                baris=nomor_baris,
                nomor=nomor,
                jenis_kelamin=profil["jenis_kelamin"],
                pendidikan=profil["pendidikan"],
                pekerjaan=profil["pekerjaan"],
                umur=umur,
                jawaban=tuple(jawaban),
            )
        )
    if not hasil and not galat:
        galat.append(Galat(lembar, None, None, None, "berkas tidak berisi satu responden pun"))
    return hasil, galat


@dataclass(frozen=True)
class HasilImporSurvei:
    hasil: HasilSurvei
    jumlah: int
    diganti: int
    """How many responses stored before were replaced."""


def impor_tanggapan(
    unit: Unit, tahun: int, periode: str, isi: bytes, nama: str, user: object = None
) -> HasilImporSurvei:
    """Import the responses of ``unit`` for ``tahun``/``periode`` from an XLSX or CSV file.

    One transaction: any bad row raises :class:`ImporGagal` listing every error and
    nothing changes (the previous responses and HasilSurvei stay). On success the
    previous responses of that unit and semester are replaced and HasilSurvei is
    recomputed. ``user`` None is a trusted caller; otherwise the user must be an
    operator, perencana or admin of the unit.
    """
    if user is not None and not boleh_peran(user, unit.pk, PERAN_PENGIMPOR):
        raise PermissionDenied(f"Hanya operator atau perencana {unit} yang dapat mengimpor survei.")
    if periode not in PERIODE:
        raise ImporGagal([Galat(nama, None, "semester", periode, "semester harus S1 atau S2")])
    responden, galat = baca_tanggapan(isi, nama)
    if galat:
        raise ImporGagal(galat)
    # Respondents without a number get the next free ones, in file order.
    terpakai = {r.nomor for r in responden if r.nomor is not None}
    berikut = 1
    with transaction.atomic():
        lama = list(TanggapanSurvei.objects.filter(unit=unit, tahun=tahun, periode=periode))
        for t in lama:  # one by one, so each removal is in the history
            t._history_user = user  # type: ignore[attr-defined]
            t.delete()
        baru = []
        for r in responden:
            nomor = r.nomor
            if nomor is None:
                while berikut in terpakai:
                    berikut += 1
                nomor = berikut
                terpakai.add(nomor)
            baru.append(
                TanggapanSurvei(
                    unit=unit,
                    tahun=tahun,
                    periode=periode,
                    nomor=nomor,
                    jenis_kelamin=r.jenis_kelamin,
                    pendidikan=r.pendidikan,
                    pekerjaan=r.pekerjaan,
                    umur=r.umur,
                    **{f"u{i}": n for i, n in enumerate(r.jawaban, start=1)},
                )
            )
        bulk_create_with_history(
            baru, TanggapanSurvei, default_user=user if getattr(user, "pk", None) else None
        )
        hasil = hitung_ulang_hasil(unit, tahun, periode, user)
    return HasilImporSurvei(hasil=hasil, jumlah=len(baru), diganti=len(lama))


def hitung_ulang_hasil(unit: Unit, tahun: int, periode: str, user: object = None) -> HasilSurvei:
    """Recompute the unit's HasilSurvei of the semester from its stored responses."""
    jawaban = [
        t.jawaban for t in TanggapanSurvei.objects.filter(unit=unit, tahun=tahun, periode=periode)
    ]
    ikm = hitung_ikm(jawaban)
    hasil = HasilSurvei.objects.filter(unit=unit, tahun=tahun, periode=periode).first()
    if hasil is None:
        hasil = HasilSurvei(unit=unit, tahun=tahun, periode=periode)
    hasil.nilai = ikm.ikm
    hasil.responden = ikm.jumlah_responden
    for i, nrr in enumerate(ikm.nrr, start=1):
        setattr(hasil, f"unsur_{i}", nrr)
    hasil._history_user = user  # type: ignore[attr-defined]
    hasil.save()
    return hasil


PETUNJUK = [
    "Petunjuk pengisian tanggapan Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017)",
    "",
    "Isi lembar 'tanggapan': satu baris per responden, mulai baris 2; jangan ubah baris judul.",
    "Satu berkas = satu unit dan satu semester; unit, tahun dan semester dipilih saat mengunggah.",
    "Mengimpor ulang mengganti seluruh tanggapan unit dan semester itu.",
    "Bila ada satu baris salah, tidak ada yang disimpan; setiap kesalahan ditampilkan "
    "dengan nomor baris, kolom dan alasannya.",
    "",
    "Kolom:",
    "nomor — nomor responden (opsional; bila kosong diberi nomor urut)",
    "jenis_kelamin — " + ", ".join(f"{k} = {v}" for k, v in JenisKelamin.choices),
    "pendidikan — " + ", ".join(f"{k} = {v}" for k, v in Pendidikan.choices),
    "pekerjaan — " + ", ".join(f"{k} = {v}" for k, v in Pekerjaan.choices),
    "umur — tahun (opsional)",
    *(
        f"u{i} — {nama}: 1 = tidak baik, 2 = kurang baik, 3 = baik, 4 = sangat baik (wajib)"
        for i, nama in enumerate(UNSUR_PELAYANAN, start=1)
    ),
    "",
    "Berkas CSV juga diterima: baris pertama berisi nama kolom yang sama, pemisah koma atau titik koma.",
]


def tulis_templat() -> bytes:
    """The blank response workbook: a 'tanggapan' sheet with headers and a 'petunjuk' sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR
    kuning = PatternFill("solid", fgColor="FFF2CC")
    for j, k in enumerate(KOLOM, start=1):
        c = ws.cell(row=1, column=j, value=k)
        c.font = Font(bold=True)
        if k in KOLOM_WAJIB:
            c.fill = kuning
        ws.column_dimensions[get_column_letter(j)].width = 14 if k in KOLOM_PROFIL else 8
    ws.freeze_panes = "A2"
    petunjuk = wb.create_sheet("petunjuk")
    for i, teks in enumerate(PETUNJUK, start=1):
        petunjuk.cell(row=i, column=1, value=teks)
    petunjuk["A1"].font = Font(bold=True)
    petunjuk.column_dimensions["A"].width = 110
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def ekspor_xlsx(akar: Unit, tahun: int) -> bytes:
    """The annual/parent table and every semester's unsur averages, numbers as numbers."""
    from sakip.survei.selectors import rincian_semua, tabel_tahunan

    wb = Workbook()
    ws = wb.active
    ws.title = "ikm_tahunan"
    ws.append(
        [
            "Unit",
            "Semester I",
            "Semester II",
            f"IKM {tahun}",
            "Mutu",
            "Kinerja",
            "Keterangan",
        ]
    )
    for b in tabel_tahunan(akar, tahun):
        mutu = b.mutu
        ws.append(
            [
                "  " * b.tingkat + b.unit.nama,
                b.s1,
                b.s2,
                b.tahunan,
                mutu.kode if mutu else None,
                mutu.nama if mutu else None,
                "rata-rata unit di bawahnya" if b.dari_anak else "rata-rata semester",
            ]
        )
    for baris in ws.iter_rows(min_row=2, min_col=2, max_col=4):
        for c in baris:
            c.number_format = "0.00"
    rinci = wb.create_sheet("ikm_semester")
    rinci.append(
        [
            "Unit",
            "Semester",
            "Responden",
            *(f"U{i} {n}" for i, n in enumerate(UNSUR_PELAYANAN, start=1)),
            "IKM",
            "Mutu",
            "Kinerja",
        ]
    )
    for h in rincian_semua(akar, tahun):
        mutu = mutu_pelayanan(h.nilai)
        rinci.append(
            [
                h.unit.nama,
                h.periode,
                h.responden,
                *(getattr(h, f"unsur_{i}") for i in range(1, 10)),
                h.nilai,
                mutu.kode,
                mutu.nama,
            ]
        )
    for baris in rinci.iter_rows(min_row=2, min_col=4, max_col=12):
        for c in baris:
            c.number_format = "0.000"
    for baris in rinci.iter_rows(min_row=2, min_col=13, max_col=13):
        for c in baris:
            c.number_format = "0.00"
    for lembar in (ws, rinci):
        lembar.column_dimensions["A"].width = 48
        for c in lembar[1]:
            c.font = Font(bold=True)
        lembar.freeze_panes = "B2"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
