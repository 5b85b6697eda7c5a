"""Evidence files: accepted types and size limit."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sakip.pengukuran.models import UKURAN_MAKS_EVIDEN, validasi_berkas_eviden


def test_a_pdf_within_the_limit_is_accepted() -> None:
    validasi_berkas_eviden(SimpleUploadedFile("notulen.PDF", b"%PDF-1.4 isi"))


@pytest.mark.parametrize(
    ("nama", "ukuran", "pesan"),
    [
        ("skrip.exe", 10, "Jenis berkas .exe tidak diterima"),
        ("tanpa-ekstensi", 10, r"\(tanpa ekstensi\) tidak diterima"),
        ("besar.pdf", UKURAN_MAKS_EVIDEN + 1, "melebihi batas 20 MB"),
    ],
)
def test_other_types_and_oversized_files_are_refused(nama: str, ukuran: int, pesan: str) -> None:
    berkas = SimpleUploadedFile(nama, b"x")
    berkas.size = ukuran
    with pytest.raises(ValidationError, match=pesan):
        validasi_berkas_eviden(berkas)
