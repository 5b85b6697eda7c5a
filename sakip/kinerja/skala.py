"""Rating scales as data: a value → its level (category, colour).

Every scale an agency uses is data, not code (DESIGN.md "Every rule that
differs between agencies is configuration"). The scales in the regulations and
seeds are defined here; an agency's own scale comes from :meth:`SkalaPenilaian.dari_data`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from sakip.kinerja.angka import Angka, format_angka, ke_desimal, ke_desimal_atau_none
from sakip.kinerja.galat import KinerjaError


@dataclass(frozen=True)
class Tingkat:
    """One level of a scale. ``batas_bawah`` None marks the lowest, open-ended level."""

    kode: str
    nama: str
    batas_bawah: Decimal | None
    warna: str | None = None


@dataclass(frozen=True)
class SkalaPenilaian:
    """Levels ordered from the highest to the lowest.

    A value belongs to the first level whose lower bound it reaches (``≥`` when
    ``batas_bawah_inklusif``, ``>`` otherwise); the last level takes the rest.
    Values between two printed bands (e.g. 90,5 on the Permendagri 86/2017
    scale, whose bands are 76–90 and ≥ 91) thus fall to the lower level, as
    DOMAIN.md §7 asks. ``minimum``/``maksimum`` bound the valid values.
    """

    nama: str
    tingkat: tuple[Tingkat, ...]
    batas_bawah_inklusif: bool = True
    minimum: Decimal | None = None
    maksimum: Decimal | None = None

    def __post_init__(self) -> None:
        if not self.tingkat:
            raise KinerjaError(f"skala {self.nama!r}: tidak ada tingkat")
        *atas, terendah = self.tingkat
        if terendah.batas_bawah is not None:
            raise KinerjaError(
                f"skala {self.nama!r}: tingkat terendah {terendah.nama!r} tidak boleh "
                "memiliki batas bawah (ia menampung semua nilai di bawah tingkat lain)"
            )
        batas: list[Decimal] = []
        for t in atas:
            if t.batas_bawah is None:
                raise KinerjaError(f"skala {self.nama!r}: tingkat {t.nama!r} tanpa batas bawah")
            batas.append(t.batas_bawah)
        if any(a <= b for a, b in pairwise(batas)):
            raise KinerjaError(
                f"skala {self.nama!r}: batas bawah harus turun dari tingkat tertinggi ke "
                f"terendah tanpa kembar ({', '.join(format_angka(b, None) for b in batas)})"
            )
        kode = [t.kode for t in self.tingkat]
        if len(set(kode)) != len(kode):
            raise KinerjaError(f"skala {self.nama!r}: kode tingkat kembar")
        if (
            self.minimum is not None
            and self.maksimum is not None
            and not self.minimum < self.maksimum
        ):
            raise KinerjaError(f"skala {self.nama!r}: minimum harus lebih kecil dari maksimum")

    def kategori(self, nilai: Angka | None) -> Tingkat | None:
        """The level of ``nilai``; None for no data; an error outside the valid range."""
        angka = ke_desimal_atau_none(nilai)
        if angka is None:
            return None
        if (self.minimum is not None and angka < self.minimum) or (
            self.maksimum is not None and angka > self.maksimum
        ):
            raise KinerjaError(
                f"{_tampil(angka)} di luar rentang skala {self.nama!r} "
                f"({format_angka(self.minimum, None)}–{format_angka(self.maksimum, None)})"
            )
        for t in self.tingkat:
            if t.batas_bawah is None:
                return t
            if angka > t.batas_bawah or (self.batas_bawah_inklusif and angka == t.batas_bawah):
                return t
        raise AssertionError("unreachable: the lowest level has no lower bound")  # pragma: no cover

    def tingkat_berkode(self, kode: str) -> Tingkat:
        for t in self.tingkat:
            if t.kode == kode:
                return t
        raise KinerjaError(f"skala {self.nama!r} tidak memiliki tingkat berkode {kode!r}")

    @classmethod
    def dari_data(cls, data: Mapping[str, object]) -> SkalaPenilaian:
        """Build a scale from configuration data (JSON/YAML).

        ``{"nama": ..., "batas_bawah_inklusif": true, "minimum": 0, "maksimum": 100,
        "tingkat": [{"kode": ..., "nama": ..., "batas_bawah": "100", "warna": ...}, ...]}``,
        levels from the highest down, the last without ``batas_bawah``.
        """
        nama = data.get("nama")
        daftar = data.get("tingkat")
        if not isinstance(nama, str) or not nama:
            raise KinerjaError("skala: 'nama' wajib diisi")
        if not isinstance(daftar, Sequence) or isinstance(daftar, str):
            raise KinerjaError(f"skala {nama!r}: 'tingkat' harus berupa daftar")
        tingkat: list[Tingkat] = []
        for i, t in enumerate(daftar, start=1):
            if not isinstance(t, Mapping):
                raise KinerjaError(f"skala {nama!r}: tingkat ke-{i} bukan objek")
            kode, label = t.get("kode"), t.get("nama", t.get("kode"))
            if not isinstance(kode, str) or not isinstance(label, str):
                raise KinerjaError(f"skala {nama!r}: tingkat ke-{i} tanpa 'kode'/'nama'")
            warna = t.get("warna")
            tingkat.append(
                Tingkat(
                    kode=kode,
                    nama=label,
                    batas_bawah=_angka_konfigurasi(
                        t.get("batas_bawah"), f"skala {nama!r} tingkat {kode!r} batas_bawah"
                    ),
                    warna=warna if isinstance(warna, str) else None,
                )
            )
        inklusif = data.get("batas_bawah_inklusif", True)
        if not isinstance(inklusif, bool):
            raise KinerjaError(f"skala {nama!r}: 'batas_bawah_inklusif' harus true/false")
        return cls(
            nama=nama,
            tingkat=tuple(tingkat),
            batas_bawah_inklusif=inklusif,
            minimum=_angka_konfigurasi(data.get("minimum"), f"skala {nama!r} minimum"),
            maksimum=_angka_konfigurasi(data.get("maksimum"), f"skala {nama!r} maksimum"),
        )


def _tampil(angka: Decimal) -> str:
    # Scores print with two decimals (814,80); NRR-like values keep their own precision.
    eksponen = angka.as_tuple().exponent
    return format_angka(angka, max(2, -eksponen if isinstance(eksponen, int) else 2))


def _d(teks: str) -> Decimal:
    return ke_desimal(Decimal(teks))


def _angka_konfigurasi(nilai: object, nama: str) -> Decimal | None:
    # YAML/JSON give 76.61 as a float; its shortest repr is what the file says. The repr
    # is read as Python writes it ("3.064", "1e+16"), not with the Indonesian reading of
    # parse_angka, which would take "3.064" for 3064 and "1e+16" for 1 with satuan "e+16".
    if isinstance(nilai, float):
        nilai = Decimal(repr(nilai))  # nan/inf become Decimal NaN/Infinity and are refused
    return ke_desimal_atau_none(nilai, nama)


SKALA_EMPAT_TINGKAT = SkalaPenilaian(
    nama="Empat tingkat (LKjIP Setda Kab. Paser, Tabel 3.1)",
    tingkat=(
        Tingkat("berhasil", "Berhasil", _d("100"), "hijau"),
        Tingkat("cukup_berhasil", "Cukup Berhasil", _d("70"), "biru"),
        Tingkat("kurang_berhasil", "Kurang Berhasil", _d("40"), "kuning"),
        Tingkat("tidak_berhasil", "Tidak Berhasil", None, "merah"),
    ),
)
"""Seed 002 Tabel 3.1: ≥ 100 Berhasil; 70–<100 Cukup; 40–<70 Kurang; < 40 Tidak Berhasil."""

SKALA_PERMENDAGRI_86_2017 = SkalaPenilaian(
    nama="Lima tingkat (Permendagri 86/2017)",
    tingkat=(
        Tingkat("sangat_tinggi", "Sangat Tinggi", _d("91"), "hijau tua"),
        Tingkat("tinggi", "Tinggi", _d("76"), "hijau"),
        Tingkat("sedang", "Sedang", _d("66"), "kuning"),
        Tingkat("rendah", "Rendah", _d("51"), "oranye"),
        Tingkat("sangat_rendah", "Sangat Rendah", None, "merah"),
    ),
)
"""Permendagri 86/2017: ≥ 91; 76–90; 66–75; 51–65; ≤ 50 (gaps fall to the lower level)."""

SKALA_BAWAAN = {
    "empat_tingkat": SKALA_EMPAT_TINGKAT,
    "permendagri_86_2017": SKALA_PERMENDAGRI_86_2017,
}
"""The scales an agency can pick by name (DOMAIN.md §7)."""
