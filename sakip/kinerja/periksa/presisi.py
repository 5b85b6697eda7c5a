"""Comparing a recomputed figure with a printed one, at the printed precision.

Real documents print 93,6 for 93,63 and 168 for 168,42, and print their inputs
rounded too (a rate shown as 0,16 may be 162/100.000). A check that cries wolf
is switched off (issue 8), so: a printed value is right when the recomputed
value rounds to it at the printed number of decimals, or lies within 0,01 of
it; and when the inputs are themselves printed rounded, a printed result is
right when some value inside the inputs' rounding intervals gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sakip.kinerja.angka import format_angka
from sakip.kinerja.galat import KinerjaError

SATU_SEN = Decimal("0.01")
"""Two figures within 0,01 of each other differ by rounding only (issue 8)."""

_POLA_SEL = re.compile(
    r"""^\s*(?:\*\*)?\s*
        (?P<rp>rp\.?\s*)?
        (?P<tanda>[-−+])?\s*
        (?P<angka>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)
        \s*(?:,-|,00-)?
        \s*(?P<sisa>%|persen|[a-z/ ]{0,25})?\s*(?:\*\*)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Tercetak:
    """A number as printed: its value, its decimals, and its text.

    ``tempat`` is the number of decimals printed (2 for "100,00", 0 for
    "168"); ``persen`` tells whether a "%" followed it.
    """

    nilai: Decimal
    tempat: int
    teks: str
    persen: bool = False

    @property
    def setengah_satuan(self) -> Decimal:
        """Half a unit in the last printed place: the rounding radius."""
        return Decimal(5).scaleb(-self.tempat - 1)

    def selang(self, tepat_bila_bulat: bool = True) -> Selang:
        """Values that print as this one.

        A whole number (a count, a Rupiah amount, a target such as 71) is taken
        as exact when ``tepat_bila_bulat``; a number printed with decimals
        stands for the interval its rounding covers.
        """
        if self.tempat == 0 and tepat_bila_bulat:
            return Selang(self.nilai, self.nilai)
        return Selang(self.nilai - self.setengah_satuan, self.nilai + self.setengah_satuan)


def baca_tercetak(teks: str, desimal: str | None = None) -> Tercetak | None:
    """Read a printed number, keeping its precision; None when the cell is not one number.

    Both conventions read ("98,80" and "98.80"; "1.004.422.800" and
    "1,004,422,800"); ``desimal`` ("," or ".") decides an ambiguous "1.234"
    or "1,234" as the document's own convention; without it Indonesian is
    assumed. "Rp 1.234.567,-", "85 %", "12 Dokumen" read; "1. 106,37 2. 2,77"
    (several numbers) does not.
    """
    bersih = (
        teks.replace("\u00a0", " ").replace("$", "").replace("\\%", "%").replace("**", "").strip()
    )
    m = _POLA_SEL.match(bersih)
    if not m:
        return None
    angka = m["angka"]
    nilai, tempat = _nilai_dan_tempat(angka, desimal)
    if nilai is None:
        return None
    if m["tanda"] in {"-", "−"}:
        nilai = -nilai
    sisa = (m["sisa"] or "").strip().lower()
    return Tercetak(nilai, tempat, teks.strip(), persen=sisa in {"%", "persen"})


def _nilai_dan_tempat(angka: str, desimal: str | None) -> tuple[Decimal | None, int]:
    titik, koma = angka.count("."), angka.count(",")
    if titik and koma:
        pemisah = "," if angka.rfind(",") > angka.rfind(".") else "."
    elif titik > 1 or koma > 1:
        pemisah = ""  # several separators of one kind: thousands only
    elif titik == 1 or koma == 1:
        tanda = "." if titik else ","
        utuh, pecahan = angka.split(tanda)
        if len(pecahan) == 3 and not utuh.startswith("0") and len(utuh) <= 3:
            # "1.234": thousands in the document's convention unless it uses this mark
            # for decimals; an Indonesian document reads it as 1234.
            pemisah = tanda if desimal == tanda else ""
            if desimal is None and tanda == ",":
                pemisah = ""
        else:
            pemisah = tanda
    else:
        pemisah = ""
    if pemisah:
        utuh, pecahan = angka.rsplit(pemisah, 1)
        ribuan = "." if pemisah == "," else ","
        if ribuan in pecahan:
            return None, 0
        if ribuan in utuh and not re.fullmatch(
            r"\d{1,3}(?:" + re.escape(ribuan) + r"\d{3})*", utuh
        ):
            return None, 0
        digit = utuh.replace(ribuan, "") + "." + pecahan
        return Decimal(digit), len(pecahan)
    if not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*|\d+", angka):
        return None, 0
    return Decimal(angka.replace(".", "").replace(",", "")), 0


@dataclass(frozen=True)
class Selang:
    """A closed interval of values, for arithmetic on rounded inputs."""

    bawah: Decimal
    atas: Decimal

    @staticmethod
    def tepat(nilai: Decimal | int) -> Selang:
        d = Decimal(nilai)
        return Selang(d, d)

    def __add__(self, lain: Selang) -> Selang:
        return Selang(self.bawah + lain.bawah, self.atas + lain.atas)

    def __sub__(self, lain: Selang) -> Selang:
        return Selang(self.bawah - lain.atas, self.atas - lain.bawah)

    def __mul__(self, lain: Selang) -> Selang:
        hasil = [a * b for a in (self.bawah, self.atas) for b in (lain.bawah, lain.atas)]
        return Selang(min(hasil), max(hasil))

    def __truediv__(self, lain: Selang) -> Selang:
        if lain.bawah <= 0 <= lain.atas:
            raise KinerjaError("pembagian dengan selang yang memuat nol")
        hasil = [a / b for a in (self.bawah, self.atas) for b in (lain.bawah, lain.atas)]
        return Selang(min(hasil), max(hasil))

    def kali(self, faktor: Decimal | int) -> Selang:
        return self * Selang.tepat(faktor)

    @property
    def tengah(self) -> Decimal:
        return (self.bawah + self.atas) / 2

    def memuat(self, nilai: Decimal) -> bool:
        return self.bawah <= nilai <= self.atas


def sesuai(hitung: Decimal, tercetak: Tercetak) -> bool:
    """Whether ``tercetak`` is ``hitung`` as printed (issue 8's rounding rules).

    Right when ``hitung`` rounds half-up to the printed value at the printed
    number of decimals (93,6 for 93,63; 168 for 168,42), when the two lie
    within 0,01, or when the printed value is ``hitung`` cut off rather than
    rounded (some spreadsheets truncate: 101,64 for 101,6470).
    """
    if abs(hitung - tercetak.nilai) <= SATU_SEN:
        return True
    satuan = Decimal(1).scaleb(-tercetak.tempat)
    if hitung.quantize(satuan, rounding=ROUND_HALF_UP) == tercetak.nilai:
        return True
    return (
        abs(hitung - tercetak.nilai) < satuan
        and (hitung - tercetak.nilai) * (1 if tercetak.nilai >= 0 else -1) > 0
    )


def sesuai_selang(selang: Selang, tercetak: Tercetak) -> bool:
    """Whether some value of ``selang`` prints as ``tercetak`` (within the rules of :func:`sesuai`)."""
    radius = max(tercetak.setengah_satuan, SATU_SEN)
    return selang.bawah - radius <= tercetak.nilai <= selang.atas + radius


def tampil(nilai: Decimal, tempat: int = 2) -> str:
    """A recomputed value as a finding prints it: Indonesian, two decimals."""
    return format_angka(nilai, tempat)
