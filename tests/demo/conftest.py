"""The demo agencies, imported once per test module inside a transaction rolled back after it.

Importing a whole agency takes a second or two; doing it once per module keeps
the suite fast while every test still starts from the same stored data.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction

from sakip.core.management.commands.load_demo import DEMO_DIR
from sakip.impor.berkas import baca_berkas
from sakip.impor.services import import_dataset

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
