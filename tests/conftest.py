"""Shared fixtures: the small test agency, and the demo agencies imported once per module.

Both go through the same import service the UI uses. Importing a whole demo agency
takes a second or two; doing it once per module, inside a transaction rolled back
after it, keeps the suite fast while every test still starts from the same data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction

from sakip.core.management.commands.load_demo import DEMO_DIR
from sakip.impor.berkas import baca_berkas
from sakip.impor.services import import_dataset

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _tembolok_kosong() -> None:
    """Each test starts with an empty cache: dashboards and banners are cached per data state."""
    from django.core.cache import cache

    cache.clear()


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


DEMO = DEMO_DIR


class _Batal(Exception):
    pass


def _muat(django_db_blocker: object, *nama: str) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        try:
            with transaction.atomic():
                for n in nama:
                    import_dataset(baca_berkas(DEMO / n))
                yield
                raise _Batal
        except _Batal:
            pass


@pytest.fixture(scope="module")
def demo_kaltim(django_db_setup: None, django_db_blocker: object) -> Iterator[None]:
    yield from _muat(django_db_blocker, "setda-kaltim.yaml")


@pytest.fixture(scope="module")
def demo_paser(django_db_setup: None, django_db_blocker: object) -> Iterator[None]:
    yield from _muat(django_db_blocker, "setda-paser.yaml")


# Users of every role on the Kaltim demo, as the demo logins have them: the Setda's
# planner and head, the Pemprov's evaluator, and operators of two Biro (one the
# other's "foreign unit").
PENGGUNA_KALTIM = {
    "perencana": ("setda-kaltim", "perencana"),
    "pimpinan": ("setda-kaltim", "pimpinan"),
    "evaluator": ("pemprov-kaltim", "evaluator"),
    "operator_hukum": ("kaltim-biro-hukum", "operator"),
    "operator_umum": ("kaltim-biro-umum", "operator"),
}


@pytest.fixture
def klien_kaltim(demo_kaltim: None, db: None) -> dict[str, object]:
    """A logged-in test client per role on the Kaltim demo, plus "admin" and anonymous "tamu"."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from sakip.organisasi.models import Keanggotaan, Unit

    user_model = get_user_model()
    hasil: dict[str, object] = {}
    for nama, (slug, peran) in PENGGUNA_KALTIM.items():
        user = user_model.objects.create_user(f"uji.{nama}", password="rahasia-uji")
        Keanggotaan.objects.create(user=user, unit=Unit.objects.get(slug=slug), peran=peran)
        c = Client()
        c.force_login(user)
        c.user = user  # type: ignore[attr-defined]
        hasil[nama] = c
    admin = user_model.objects.create_superuser("uji.admin", password="rahasia-uji")
    c = Client()
    c.force_login(admin)
    c.user = admin  # type: ignore[attr-defined]
    hasil["admin"] = c
    hasil["tamu"] = Client()
    return hasil
