"""The Kaltim recap's "814,80" for the Sekretariat Daerah is refused on import (not stored)."""

from __future__ import annotations

import pytest
import yaml

from sakip.core.management.commands.load_demo import DEMO_DIR
from sakip.evaluasi.models import HasilEvaluasi
from sakip.impor.berkas import baca_yaml
from sakip.impor.services import ImporGagal, import_dataset
from sakip.organisasi.models import Unit

pytestmark = pytest.mark.django_db


def test_the_seeds_814_80_is_refused_on_import_and_not_stored(db: None) -> None:
    """The recap prints "814,80" for the Sekretariat Daerah: refused with its place, nothing stored."""
    data = yaml.safe_load((DEMO_DIR / "setda-kaltim.yaml").read_text(encoding="utf-8"))
    nomor, baris = next(
        (i, b)
        for i, b in enumerate(data["evaluasi_akip"], start=1)
        if b["unit"] == "setda-kaltim" and b["tahun"] == "2024"
    )
    baris["nilai"] = "814,80"
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(yaml.safe_dump(data, allow_unicode=True)))
    galat = [str(g) for g in info.value.galat]
    assert len(galat) == 1
    assert galat[0].startswith(
        f"lembar 'evaluasi_akip', baris {nomor}, kolom 'nilai': nilai 814,80 di luar rentang 0–100"
    )
    assert not HasilEvaluasi.objects.exists() and not Unit.objects.exists()
