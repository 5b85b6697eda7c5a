"""``sakip periksa``: on a file, on the Kaltim demo's stored data, exports and exit status."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEED_002 = Path("/work/shared/seeds/002_ec492f8701550267.txt")


def jalankan(*args: str) -> tuple[str, int]:
    keluar = io.StringIO()
    try:
        call_command("periksa", *args, stdout=keluar)
    except SystemExit as exc:
        return keluar.getvalue(), int(exc.code or 0)
    return keluar.getvalue(), 0


def test_small_text_file_runs(tmp_path: Path, db: None) -> None:
    berkas = tmp_path / "lkjip.md"
    berkas.write_text(
        "LAPORAN KINERJA TAHUN 2024\n\nTabel 3.1 Capaian\n\n"
        "| Indikator | Target | Realisasi | Capaian |\n|---|---|---|---|\n"
        "| A | 80 | 80 | 100,00 |\n",
        encoding="utf-8",
    )
    teks, status = jalankan(str(berkas))
    assert teks.startswith("Pemeriksaan lkjip.md")
    assert "Ringkasan:" in teks
    assert status in (0, 1)


def test_seed_002_runs_and_lists_findings(db: None) -> None:
    teks, status = jalankan(str(SEED_002))
    assert teks.startswith(f"Pemeriksaan {SEED_002.name}")
    assert "Ringkasan:" in teks.splitlines()[-1]
    assert status in (0, 1)


def test_file_errors_are_clear(tmp_path: Path, db: None) -> None:
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("periksa", str(tmp_path / "tidak-ada.txt"))
    rusak = tmp_path / "rusak.txt"
    rusak.write_bytes(b"\xff\xfe\x00bukan utf-8 \xff")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("periksa", str(rusak))
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(CommandError, match=r"jenis \.pdf tidak dikenal"):
        call_command("periksa", str(pdf))
    docx = tmp_path / "laporan.docx"
    docx.write_bytes(b"bukan zip")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("periksa", str(docx))
    with pytest.raises(CommandError, match="Sebutkan BERKAS"):
        call_command("periksa")
    with pytest.raises(CommandError, match="Pilih salah satu"):
        call_command("periksa", str(rusak), "--unit", "x", "--year", "2024")


def test_unknown_unit(db: None) -> None:
    with pytest.raises(CommandError, match="Unit 'tidak-ada' tidak ada"):
        call_command("periksa", "--unit", "tidak-ada", "--year", "2024")


def test_help_names_the_exit_status() -> None:
    from sakip.periksa.management.commands.periksa import Command

    assert "Status keluar 1" in Command.help
