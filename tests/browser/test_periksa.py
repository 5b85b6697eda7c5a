"""The consistency findings of issue 8 in Chromium: the report page's panel and a hand-made LKjIP."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SEED_KALTIM = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_927889737ba2f067.txt"
)


def test_the_planner_reads_the_findings_of_the_report_page(masuk: object) -> None:
    perencana = masuk("perencana.kaltim")  # type: ignore[operator]
    perencana.buka("/laporan/setda-kaltim/2024/periksa/")
    teks = perencana.page.inner_text("main")
    # the data's own slip, found twice: in the stored budget and in the report's table
    assert "Fasilitasi Kunjungan Tamu" in teks
    assert "ANGGARAN_MELEBIHI_PAGU" in teks and "REALISASI_MELEBIHI_PAGU" in teks
    perencana.potret("periksa-laporan")


@pytest.mark.skipif(not SEED_KALTIM.exists(), reason="seed 000 tidak ada di mesin ini")
def test_the_planner_checks_a_hand_made_report(masuk: object) -> None:
    perencana = masuk("perencana.kaltim")  # type: ignore[operator]
    perencana.buka("/laporan/periksa-dokumen/")
    perencana.page.get_by_label("Berkas LKjIP").set_input_files(str(SEED_KALTIM))
    perencana.page.get_by_role("button", name="Periksa").click()
    perencana.page.wait_for_selector("#judul-hasil")
    teks = perencana.page.inner_text("main")
    for benar in ("seharusnya 109,26", "seharusnya 11,83", "seharusnya -1,60", "814,80"):
        assert benar in teks.replace("−", "-"), benar
    perencana.potret("periksa-dokumen")
