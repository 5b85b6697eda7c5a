"""Shared fixtures: the small test agency imported through the same service the UI uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip.impor.berkas import baca_berkas
from sakip.impor.services import import_dataset

DATA = Path(__file__).parent / "data"


@pytest.fixture
def mini(db: None) -> None:
    """The small agency of tests/data/mini.yaml, imported."""
    import_dataset(baca_berkas(DATA / "mini.yaml"))


@pytest.fixture
def pengguna(mini: None) -> dict[str, object]:
    """Ready users for every role in the small agency: two operators in two Bagian."""
    from django.contrib.auth import get_user_model

    from sakip.organisasi.models import Keanggotaan, Peran, Unit

    user_model = get_user_model()
    susunan = {
        "perencana": ("setda-contoh", Peran.PERENCANA),
        "pimpinan": ("setda-contoh", Peran.PIMPINAN),
        "evaluator": ("pemkab-contoh", Peran.EVALUATOR),
        "operator_a": ("contoh-bagian-a", Peran.OPERATOR),
        "operator_b": ("contoh-bagian-b", Peran.OPERATOR),
    }
    hasil: dict[str, object] = {}
    for nama, (slug, peran) in susunan.items():
        user = user_model.objects.create_user(nama, password="rahasia-uji")
        Keanggotaan.objects.create(user=user, unit=Unit.objects.get(slug=slug), peran=peran)
        hasil[nama] = user
    return hasil
