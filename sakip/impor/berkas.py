"""Reading and writing dataset files: YAML, JSON and Excel hold the same sheets and rows."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from sakip.impor.skema import FORMAT, LEMBAR, LEMBAR_PER_NAMA


@dataclass(frozen=True)
class Galat:
    """One reason an import cannot land, located as a planner would look for it."""

    lembar: str
    baris: int | None
    kolom: str | None
    nilai: object
    alasan: str

    def __str__(self) -> str:
        tempat = [f"lembar '{self.lembar}'"]
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom '{self.kolom}'")
        nilai = "" if self.nilai in (None, "") else f" (nilai: {self.nilai!s:.60})"
        return f"{', '.join(tempat)}: {self.alasan}{nilai}"


@dataclass
class Baris:
    lembar: str
    nomor: int
    nilai: dict[str, Any]


@dataclass
class Dataset:
    lembar: dict[str, list[Baris]] = field(default_factory=dict)
    keterangan: list[str] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)

    def baris(self, nama: str) -> list[Baris]:
        return self.lembar.get(nama, [])


def _periksa_kolom(ds: Dataset, nama: str, kolom: list[str], baris_kepala: int | None) -> None:
    spek = LEMBAR_PER_NAMA[nama]
    for k in kolom:
        if spek.kolom_bernama(k) is None:
            ds.galat.append(
                Galat(nama, baris_kepala, k, None, "kolom tidak dikenal (lihat docs/dataset.md)")
            )


def dari_data(data: object, sumber: str = "dataset") -> Dataset:
    """A dataset from parsed YAML/JSON: ``{format, keterangan, <lembar>: [rows]}``."""
    ds = Dataset()
    if not isinstance(data, dict):
        ds.galat.append(
            Galat(sumber, None, None, None, "berkas harus berisi pemetaan lembar → baris")
        )
        return ds
    format_ = data.get("format")
    if format_ != FORMAT:
        ds.galat.append(Galat(sumber, None, "format", format_, f"format harus '{FORMAT}'"))
    keterangan = data.get("keterangan") or []
    ds.keterangan = (
        [str(k) for k in keterangan] if isinstance(keterangan, list) else [str(keterangan)]
    )
    for nama, isi in data.items():
        if nama in {"format", "keterangan"}:
            continue
        if nama not in LEMBAR_PER_NAMA:
            ds.galat.append(Galat(str(nama), None, None, None, "lembar tidak dikenal"))
            continue
        if not isinstance(isi, list):
            ds.galat.append(Galat(nama, None, None, None, "lembar harus berupa daftar baris"))
            continue
        daftar: list[Baris] = []
        for i, baris in enumerate(isi, start=1):
            if not isinstance(baris, dict):
                ds.galat.append(
                    Galat(nama, i, None, baris, "baris harus berupa pemetaan kolom → nilai")
                )
                continue
            _periksa_kolom(ds, nama, [str(k) for k in baris], i)
            daftar.append(Baris(nama, i, {str(k): v for k, v in baris.items()}))
        ds.lembar[nama] = daftar
    return ds


def baca_yaml(teks: str | bytes, sumber: str = "YAML") -> Dataset:
    try:
        data = yaml.safe_load(teks)
    except yaml.YAMLError as exc:
        ds = Dataset()
        ds.galat.append(Galat(sumber, None, None, None, f"YAML tidak dapat dibaca: {exc}"))
        return ds
    return dari_data(data, sumber)


def baca_json(teks: str | bytes, sumber: str = "JSON") -> Dataset:
    try:
        data = json.loads(teks)
    except json.JSONDecodeError as exc:
        ds = Dataset()
        ds.galat.append(Galat(sumber, None, None, None, f"JSON tidak dapat dibaca: {exc}"))
        return ds
    return dari_data(data, sumber)


def _nilai_sel(nilai: object) -> object:
    if isinstance(nilai, float):
        # Excel stores binary doubles; the shortest repr is what the user typed.
        return Decimal(repr(nilai)) if nilai != int(nilai) else int(nilai)
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, str):
        return nilai.strip()
    return nilai


def baca_xlsx(berkas: BinaryIO | bytes | str | Path) -> Dataset:
    """Read a workbook: one worksheet per sheet, column names in row 1.

    Merged cells give every cell of the range the range's value (a value typed
    once for several rows belongs to each); a formula is read from the value
    Excel last computed and reported when the workbook holds none.
    """
    ds = Dataset()
    sumber = (
        berkas
        if isinstance(berkas, str | Path)
        else io.BytesIO(berkas if isinstance(berkas, bytes) else berkas.read())
    )
    try:
        rumus = load_workbook(sumber, data_only=False)
        if isinstance(sumber, io.BytesIO):
            sumber.seek(0)
        nilai_wb = load_workbook(sumber, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        ds.galat.append(
            Galat("berkas", None, None, None, f"bukan berkas Excel (.xlsx) yang sah: {exc}")
        )
        return ds
    for ws in nilai_wb.worksheets:
        nama = ws.title.strip()
        if nama == "petunjuk":
            if ws["A1"].value == "keterangan":
                ds.keterangan = [
                    str(r[0]) for r in ws.iter_rows(min_row=2, values_only=True) if r[0]
                ]
            continue
        if nama not in LEMBAR_PER_NAMA:
            ds.galat.append(Galat(nama, None, None, None, "lembar tidak dikenal"))
            continue
        ws_rumus = rumus[ws.title]
        gabungan: dict[tuple[int, int], object] = {}
        for rentang in ws.merged_cells.ranges:
            kiri_atas = ws.cell(rentang.min_row, rentang.min_col).value
            for r in range(rentang.min_row, rentang.max_row + 1):
                for c in range(rentang.min_col, rentang.max_col + 1):
                    gabungan[(r, c)] = kiri_atas
        baris_iter = ws.iter_rows(min_row=1, values_only=False)
        kepala_sel = next(baris_iter, None)
        if kepala_sel is None:
            ds.lembar[nama] = []
            continue
        kepala = [str(c.value).strip() if c.value is not None else "" for c in kepala_sel]
        _periksa_kolom(ds, nama, [k for k in kepala if k], 1)
        daftar: list[Baris] = []
        for sel_baris in baris_iter:
            isi: dict[str, Any] = {}
            for c_idx, sel in enumerate(sel_baris, start=1):
                if c_idx > len(kepala) or not kepala[c_idx - 1]:
                    continue
                nilai = gabungan.get((sel.row, c_idx), sel.value)
                sel_rumus = ws_rumus.cell(sel.row, c_idx)
                if sel_rumus.data_type == "f" and nilai is None:
                    ds.galat.append(
                        Galat(
                            nama,
                            sel.row,
                            kepala[c_idx - 1],
                            sel_rumus.value,
                            "rumus tanpa nilai tersimpan: buka dan simpan berkas di Excel/LibreOffice "
                            "agar nilainya terhitung, atau ketik nilainya",
                        )
                    )
                    continue
                if nilai is not None and nilai != "":
                    isi[kepala[c_idx - 1]] = _nilai_sel(nilai)
            if isi:
                daftar.append(Baris(nama, sel_baris[0].row, isi))
        ds.lembar[nama] = daftar
    return ds


def baca_berkas(jalur: str | Path) -> Dataset:
    """Read a dataset file by its extension (.yaml/.yml, .json, .xlsx)."""
    jalur = Path(jalur)
    akhiran = jalur.suffix.lower()
    if akhiran in {".yaml", ".yml"}:
        return baca_yaml(jalur.read_bytes(), jalur.name)
    if akhiran == ".json":
        return baca_json(jalur.read_bytes(), jalur.name)
    if akhiran == ".xlsx":
        return baca_xlsx(jalur)
    ds = Dataset()
    ds.galat.append(
        Galat(
            jalur.name,
            None,
            None,
            None,
            "jenis berkas tidak dikenal; gunakan .yaml, .json atau .xlsx",
        )
    )
    return ds


# --- writing ------------------------------------------------------------------

Data = dict[str, list[dict[str, Any]]]


def ke_data(lembar: Data, keterangan: list[str] | None = None) -> dict[str, Any]:
    hasil: dict[str, Any] = {"format": FORMAT}
    if keterangan:
        hasil["keterangan"] = keterangan
    for spek in LEMBAR:
        if lembar.get(spek.nama):
            hasil[spek.nama] = lembar[spek.nama]
    return hasil


def tulis_yaml(lembar: Data, keterangan: list[str] | None = None) -> str:
    return yaml.safe_dump(
        ke_data(lembar, keterangan), allow_unicode=True, sort_keys=False, width=100
    )


def tulis_json(lembar: Data, keterangan: list[str] | None = None) -> str:
    return json.dumps(ke_data(lembar, keterangan), ensure_ascii=False, indent=1, default=str)


def tulis_xlsx(lembar: Data, keterangan: list[str] | None = None, kosong: bool = False) -> bytes:
    """A workbook with a 'petunjuk' sheet and one sheet per dataset sheet.

    ``kosong=True`` writes the blank template: every sheet with its header only.
    """
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = "petunjuk"
    if keterangan:
        petunjuk.append(["keterangan"])
        for k in keterangan:
            petunjuk.append([k])
    else:
        _tulis_petunjuk(petunjuk)
    tebal = Font(bold=True)
    isi_wajib = PatternFill("solid", fgColor="FFF2CC")
    for spek in LEMBAR:
        baris = lembar.get(spek.nama, [])
        if not baris and not kosong:
            continue
        ws = wb.create_sheet(spek.nama)
        ws.append([k.nama for k in spek.kolom])
        for i, k in enumerate(spek.kolom, start=1):
            sel = ws.cell(1, i)
            sel.font = tebal
            if k.wajib:
                sel.fill = isi_wajib
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(40, len(k.nama) + 4))
        for b in baris:
            ws.append([_ke_sel(b.get(k.nama)) for k in spek.kolom])
        ws.freeze_panes = "A2"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _ke_sel(nilai: object) -> object:
    if nilai is None:
        return None
    if isinstance(nilai, bool | int | dt.date):
        return nilai
    return str(nilai)


def _tulis_petunjuk(ws: Any) -> None:
    ws.append(["Petunjuk pengisian dataset sakip (format sakip/1)"])
    ws["A1"].font = Font(bold=True, size=13)
    for teks in (
        "Setiap lembar berisi satu jenis data; baris pertama adalah nama kolom (kuning = wajib).",
        "Angka ditulis seperti di dokumen: 86,69 · 145.373.575.253 · Rp 1.234.567,- · 100% · 12 Dokumen.",
        "Sel kosong atau '-' berarti tidak ada data (bukan 0).",
        "Target boleh berupa angka, predikat (BB) atau rentang (80–90, 3 ± 1).",
        "Unit selalu ditulis dengan slug-nya, misalnya setda-kaltim.",
        "Periode: TW1–TW4, S1, S2 atau TAHUN. Ya/tidak: ya atau tidak. Tanggal: 2024-01-31.",
        "Impor berlangsung utuh atau tidak sama sekali: bila ada baris yang salah, tidak ada yang",
        "disimpan dan setiap kesalahan dilaporkan dengan lembar, baris, kolom dan alasannya.",
        "",
        "Lembar dan kolom:",
    ):
        ws.append([teks])
    for spek in LEMBAR:
        ws.append([f"{spek.nama}: {spek.keterangan}"])
        ws.append(["    " + ", ".join(k.nama + ("*" if k.wajib else "") for k in spek.kolom)])
    ws.column_dimensions["A"].width = 110
    for row in ws.iter_rows():
        for sel in row:
            sel.alignment = Alignment(wrap_text=False)
