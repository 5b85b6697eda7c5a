"""Numbers as Indonesian reports write them, and the one rounding rule.

Money and every figure are :class:`~decimal.Decimal`; a ``float`` is refused
so that no binary rounding error can reach a report (DESIGN.md, "Money is
Decimal"). Reported figures are rounded half-up to two decimals where they are
computed, and later figures are derived from the rounded value (DESIGN.md;
DOMAIN.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sakip.kinerja.galat import KinerjaError

Angka = Decimal | int
"""A number the rules accept: a Decimal or an int, never a float."""

SERATUS = Decimal(100)

_KOSONG = {"", "-", "–", "—", "n/a", "na", "#n/a"}
_POLA_ANGKA = re.compile(
    r"""^(?P<rp>rp\.?\s*)?
        (?P<tanda>[-+])?\s*
        (?P<rp2>rp\.?\s*)?
        (?P<angka>\d[\d.,]*)
        (?P<sisa>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_KELOMPOK_RIBUAN = re.compile(r"^\d{1,3}(?:X\d{3})*$")


def ke_desimal(nilai: object, nama: str = "nilai") -> Decimal:
    """Return ``nilai`` as a finite Decimal, or raise :class:`KinerjaError`.

    Accepts Decimal and int; a ``str`` is read with :func:`parse_angka`.
    A float is refused: money and figures are exact (DESIGN.md).
    """
    if isinstance(nilai, bool):
        raise KinerjaError(f"{nama}: {nilai!r} bukan angka")
    if isinstance(nilai, Decimal):
        if not nilai.is_finite():
            raise KinerjaError(f"{nama}: {nilai} bukan angka yang terhingga")
        return nilai
    if isinstance(nilai, int):
        return Decimal(nilai)
    if isinstance(nilai, str):
        hasil = parse_angka(nilai)
        if hasil is None:
            raise KinerjaError(f"{nama}: kosong ({nilai!r}), padahal angka diperlukan")
        return hasil
    if isinstance(nilai, float):
        raise KinerjaError(
            f"{nama}: {nilai!r} adalah float; gunakan Decimal atau teks agar nilainya tepat"
        )
    raise KinerjaError(f"{nama}: {nilai!r} bukan angka")


def ke_desimal_atau_none(nilai: object, nama: str = "nilai") -> Decimal | None:
    """Like :func:`ke_desimal`, but no data (None, "-", "") stays None, never 0."""
    if nilai is None:
        return None
    if isinstance(nilai, str) and nilai.strip().lower() in _KOSONG:
        return None
    return ke_desimal(nilai, nama)


def bulatkan(nilai: Angka, tempat: int = 2) -> Decimal:
    """Round half-up to ``tempat`` decimals (DESIGN.md: 83,065 → 83,07)."""
    return ke_desimal(nilai).quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)


def persentase(bagian: Angka | None, jumlah: Angka | None) -> Decimal | None:
    """``bagian / jumlah × 100``, rounded; None when either is missing or ``jumlah`` is 0.

    Seed 000 §3.d: 30 of 37 PD with predikat ≥ BB → 81,08; seed 002: 14 of 17 → 82,35.
    """
    if bagian is None or jumlah is None:
        return None
    pembilang = ke_desimal(bagian, "bagian")
    penyebut = ke_desimal(jumlah, "jumlah")
    if penyebut == 0:
        return None
    return bulatkan(pembilang / penyebut * SERATUS)


def rata_rata(nilai: Iterable[Angka | None]) -> Decimal | None:
    """Mean of the values that exist, rounded; None when there are none.

    A missing value (None) is left out; a 0 counts (seed 002 Lampiran: a sub
    kegiatan with target > 0 and realisasi 0 gives mean(0; 100; 100; 100) = 75,00).
    Seed 000 Tabel 3.16 (sasaran 2 = 106,97), seed 002 Tabel 3.2 (IKU mean 108,25).
    """
    ada = [ke_desimal(n) for n in nilai if n is not None]
    if not ada:
        return None
    return bulatkan(sum(ada, Decimal(0)) / len(ada))


def jumlah(nilai: Iterable[Angka | None]) -> Decimal | None:
    """Exact sum of the values that exist; None when there are none."""
    ada = [ke_desimal(n) for n in nilai if n is not None]
    if not ada:
        return None
    return sum(ada, Decimal(0))


@dataclass(frozen=True)
class NilaiSatuan:
    """A value as a report prints it: ``12 Dokumen`` is (12, "Dokumen")."""

    angka: Decimal | None
    satuan: str | None = None


def _baca_pemisah(teks: str, asli: str) -> Decimal:
    """Read digits with "." and "," in whichever convention the text uses.

    Indonesian first ("1.234.567,89"); English only where it is unambiguous:
    several commas ("1,004,422,800"), a point after a comma ("1,234.5"), or a
    single point not followed by exactly three digits ("98.80"). "1.234" is
    therefore 1234 and "1,234" is 1,234, as an Indonesian reader means them.
    """

    def kelompok(bagian: str, pemisah: str) -> str:
        if not _KELOMPOK_RIBUAN.match(bagian.replace(pemisah, "X")):
            raise KinerjaError(f"{asli!r}: pemisah ribuan '{pemisah}' tidak pada tempatnya")
        return bagian.replace(pemisah, "")

    titik, koma = teks.count("."), teks.count(",")
    if titik and koma:
        desimal = "," if teks.rfind(",") > teks.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        if teks.count(desimal) > 1:
            raise KinerjaError(f"{asli!r}: pemisah desimal '{desimal}' muncul lebih dari sekali")
        utuh, pecahan = teks.split(desimal)
        if ribuan in pecahan:  # pragma: no cover - the decimal separator is the last one
            raise KinerjaError(f"{asli!r}: pemisah ribuan sesudah pemisah desimal")
        digits = kelompok(utuh, ribuan) + "." + pecahan
    elif titik > 1:
        digits = kelompok(teks, ".")
    elif koma > 1:
        digits = kelompok(teks, ",")
    elif titik == 1:
        utuh, pecahan = teks.split(".")
        bertitik_ribuan = len(pecahan) == 3 and len(utuh) <= 3 and not utuh.startswith("0")
        digits = utuh + pecahan if bertitik_ribuan else teks
    elif koma == 1:
        digits = teks.replace(",", ".")
    else:
        digits = teks
    if digits.endswith(".") or digits.startswith("."):
        raise KinerjaError(f"{asli!r}: angka tidak lengkap")
    try:
        return Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits digits only
        raise KinerjaError(f"{asli!r}: bukan angka") from exc


def parse_nilai(teks: str) -> NilaiSatuan:
    """Read a value as Indonesian documents print it, with its satuan.

    "1.234.567,89", "Rp 1.234.567,-", "Rp.138.760.253.340,-", "85 %", "100%",
    "12 Dokumen", "2.340 Laporan" and "-" (no data) all read; so does
    unambiguous English-style input ("1,004,422,800", "98.80"). Anything else
    raises :class:`KinerjaError` naming the text.
    """
    if not isinstance(teks, str):
        raise KinerjaError(f"{teks!r} bukan teks")
    bersih = teks.replace("\u00a0", " ").replace("\u2212", "-").strip()
    if bersih.lower() in _KOSONG:
        return NilaiSatuan(None)
    cocok = _POLA_ANGKA.match(bersih)
    if not cocok or (cocok["rp"] and cocok["rp2"]):
        raise KinerjaError(f"{teks!r} bukan angka")
    angka_teks, sisa = cocok["angka"], cocok["sisa"].strip()
    if angka_teks[-1] in ".," and sisa.startswith("-"):
        # Rupiah written "Rp 1.234.567,-": the dash stands for "no cents".
        angka_teks, sisa = angka_teks[:-1], sisa[1:].strip()
    if angka_teks[-1] in ".,":
        raise KinerjaError(f"{teks!r}: angka diakhiri pemisah")
    nilai = _baca_pemisah(angka_teks, teks)
    if cocok["tanda"] == "-":
        nilai = -nilai
    satuan: str | None = None
    if cocok["rp"] or cocok["rp2"]:
        if sisa:
            raise KinerjaError(f"{teks!r}: ada teks '{sisa}' sesudah nilai rupiah")
        satuan = "Rp"
    elif sisa:
        if not (sisa[0] == "%" or sisa[0].isalpha()):
            raise KinerjaError(f"{teks!r}: '{sisa}' sesudah angka bukan satuan")
        satuan = sisa
    return NilaiSatuan(nilai, satuan)


def parse_angka(teks: str) -> Decimal | None:
    """The number in ``teks`` (see :func:`parse_nilai`); None for "-" or empty."""
    return parse_nilai(teks).angka


def format_angka(nilai: Angka | None, tempat: int | None = 2) -> str:
    """Indonesian display: ``1.234.567,89``; ``-`` for no data.

    ``tempat=None`` prints the value as it is, without trailing zeros
    ("85", "86,69"), which is how targets appear in the seeds' tables.
    """
    if nilai is None:
        return "-"
    angka = ke_desimal(nilai)
    if tempat is None:
        angka = angka.normalize() if angka != angka.to_integral_value() else angka.quantize(1)
        tempat = max(0, -angka.as_tuple().exponent)  # type: ignore[operator]
    teks = f"{bulatkan(angka, tempat):,.{tempat}f}"
    return teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_rupiah(nilai: Angka | None) -> str:
    """``Rp 1.234.567`` (cents only when there are any); ``-`` for no data."""
    if nilai is None:
        return "-"
    angka = ke_desimal(nilai)
    tempat = 0 if angka == angka.to_integral_value() else 2
    teks = format_angka(abs(angka), tempat)
    return f"-Rp {teks}" if angka < 0 else f"Rp {teks}"


def format_persen(nilai: Angka | None, tempat: int | None = 2) -> str:
    """``122,10 %``; ``-`` for no data."""
    return "-" if nilai is None else f"{format_angka(nilai, tempat)} %"


def format_nilai(nilai: Angka | None, satuan: str | None = None, tempat: int | None = None) -> str:
    """Value with its satuan as the seeds print it: ``12 Dokumen``, ``85 %``, ``-``."""
    if nilai is None:
        return "-"
    teks = format_angka(nilai, tempat)
    if not satuan:
        return teks
    if satuan.strip().lower() in {"%", "persen"}:
        return f"{teks} %"
    return f"{teks} {satuan.strip()}"
