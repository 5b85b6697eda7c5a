"""The evaluation and survey screens of issue 7 in Chromium, on the Kaltim demo."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from sakip.evaluasi.services import buat_evaluasi
from sakip.organisasi.models import Unit

pytestmark = pytest.mark.browser


def test_the_evaluator_reads_history_recap_and_a_worksheet(masuk: object) -> None:
    evaluator = masuk("evaluator.kaltim")  # type: ignore[operator]
    evaluator.buka("/evaluasi/riwayat/setda-kaltim/?sampai=2023")
    teks = evaluator.page.inner_text("main")
    assert "81,80" in teks and "-1,60" in teks.replace("−", "-")
    evaluator.potret("evaluasi-riwayat")
    evaluator.buka("/evaluasi/rekap/pemprov-kaltim/2024/")
    teks = evaluator.page.inner_text("main")
    assert "81,08" in teks
    evaluator.potret("evaluasi-rekap")
    lke = buat_evaluasi(
        get_user_model().objects.get(username="evaluator.kaltim"),
        Unit.objects.get(slug="kaltim-biro-hukum"),
        2024,
    )
    evaluator.buka(f"/evaluasi/{lke.pk}/")
    assert "Perencanaan Kinerja" in evaluator.page.inner_text("main")
    evaluator.potret("evaluasi-lembar")


def test_the_survey_table_and_a_semester(masuk: object) -> None:
    perencana = masuk("perencana.kaltim")  # type: ignore[operator]
    perencana.buka("/survei/setda-kaltim/2024/")
    teks = perencana.page.inner_text("main")
    assert "86,40" in teks and "88,86" in teks
    perencana.potret("survei-tahunan")
    perencana.buka("/survei/kaltim-biro-hukum/2024/S1/")
    perencana.potret("survei-semester")
