"""Permendagri 90/2019 codes (DOMAIN.md §12)."""

import pytest

from sakip.kinerja import KinerjaError
from sakip.kinerja.kode import validasi_kode


@pytest.mark.parametrize(
    ("kode", "tingkat", "induk"),
    [
        ("4.01.01", "program", None),
        (" 4.01.01 ", "program", None),
        ("X.XX.01", "program", None),  # the cross-cutting "supporting" urusan is coded X.XX
        ("4.01.01.2.01", "kegiatan", "4.01.01"),
        ("4.01.01.2.01.0001", "sub_kegiatan", "4.01.01.2.01"),
        ("4.01.01.2.01.01", "sub_kegiatan", "4.01.01.2.01"),  # older two-digit form, kept as given
    ],
)
def test_valid_codes_are_returned_stripped(kode: str, tingkat: str, induk: str | None) -> None:
    assert validasi_kode(kode, tingkat, induk) == kode.strip()


@pytest.mark.parametrize(
    ("kode", "tingkat", "induk", "pesan"),
    [
        ("4.1.01", "program", None, "tidak sesuai format Permendagri 90/2019 (contoh: 4.01.01)"),
        ("4.01.01.2.1", "kegiatan", None, "contoh: 4.01.01.2.01"),
        ("4.01.01.2.01.001", "sub_kegiatan", None, "atau 4.01.01.2.01.01"),
        ("4.01.02.2.01", "kegiatan", "4.01.01", "tidak diawali kode induknya 4.01.01"),
        ("4.01.01.2.02.0001", "sub_kegiatan", "4.01.01.2.01", "tidak diawali kode induknya"),
    ],
)
def test_bad_codes_say_what_is_expected(
    kode: str, tingkat: str, induk: str | None, pesan: str
) -> None:
    with pytest.raises(KinerjaError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        validasi_kode(kode, tingkat, induk)


def test_unknown_level_is_an_error() -> None:
    with pytest.raises(KinerjaError, match="tingkat kode tidak dikenal"):
        validasi_kode("4.01.01", "urusan")
