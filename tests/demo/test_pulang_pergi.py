"""Both demo agencies survive export → import into an empty database → export, in YAML and Excel."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from sakip.core.management.commands.load_demo import DEMO_DIR
from sakip.impor.berkas import baca_berkas, baca_xlsx, baca_yaml, tulis_xlsx, tulis_yaml
from sakip.impor.ekspor import export_dataset
from sakip.impor.services import import_dataset
from sakip.impor.skema import LEMBAR
from sakip.organisasi.models import Unit


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("berkas", "pemda"),
    [("setda-kaltim.yaml", "pemprov-kaltim"), ("setda-paser.yaml", "pemkab-paser")],
)
def test_demo_agency_round_trip_through_yaml_and_excel(berkas: str, pemda: str) -> None:
    asli = baca_berkas(DEMO_DIR / berkas)
    import_dataset(asli)
    pertama = export_dataset(Unit.objects.get(slug=pemda))
    # Nothing of the transcription is lost on the way out.
    for spek in LEMBAR:
        assert len(pertama.get(spek.nama, [])) == len(asli.baris(spek.nama)), spek.nama
    for salinan in (baca_yaml(tulis_yaml(pertama)), baca_xlsx(tulis_xlsx(pertama))):
        call_command("flush", interactive=False, verbosity=0)
        import_dataset(salinan)
        assert export_dataset(Unit.objects.get(slug=pemda)) == pertama
