"""The Kaltim recap's "814,80" for the Sekretariat Daerah is refused on import (not stored)."""

from __future__ import annotations

import pytest
import yaml

from sakip.core.management.commands.load_demo import DEMO_DIR
from sakip.evaluasi.models import HasilEvaluasi, SebaranPredikat
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


def _kaltim() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((DEMO_DIR / "setda-kaltim.yaml").read_text(encoding="utf-8"))


def test_the_recorded_2023_distribution_is_imported_with_the_demo(db: None) -> None:
    import_dataset(baca_yaml((DEMO_DIR / "setda-kaltim.yaml").read_text(encoding="utf-8")))
    tercatat = {
        b.predikat: b.jumlah for b in SebaranPredikat.objects.filter(unit__slug="pemprov-kaltim")
    }
    assert tercatat == {"AA": 0, "A": 2, "BB": 20, "B": 14, "CC": 1, "C": 0, "D": 0}


@pytest.mark.parametrize(
    ("kolom", "isi", "pesan"),
    [
        ("unit", "setda-kaltim", "dicatat pada unit Pemda, bukan pada PD"),
        ("predikat", "BBB", "predikat"),
        ("jumlah", "-3", "bilangan bulat tidak negatif"),
        ("jumlah", "2,5", "bilangan bulat tidak negatif"),
    ],
)
def test_a_bad_distribution_row_is_refused_with_its_place(
    db: None, kolom: str, isi: str, pesan: str
) -> None:
    data = _kaltim()
    data["sebaran_predikat"][2][kolom] = isi
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(yaml.safe_dump(data, allow_unicode=True)))
    galat = [str(g) for g in info.value.galat]
    assert len(galat) == 1
    assert galat[0].startswith(f"lembar 'sebaran_predikat', baris 3, kolom '{kolom}'")
    assert pesan in galat[0]
    assert not SebaranPredikat.objects.exists() and not Unit.objects.exists()
