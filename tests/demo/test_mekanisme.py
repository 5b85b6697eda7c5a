"""The module-scoped import leaves nothing behind for other modules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sakip.organisasi.models import Unit
from tests.conftest import _muat

MINI = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def mini_modul(django_db_setup: None, django_db_blocker: object) -> Iterator[None]:
    import tests.conftest as c

    asli = c.DEMO
    c.DEMO = MINI
    try:
        yield from _muat(django_db_blocker, "mini.yaml")
    finally:
        c.DEMO = asli


@pytest.mark.django_db
def test_module_data_is_visible(mini_modul: None) -> None:
    assert Unit.objects.get(slug="contoh-dinas").nama == "Dinas Contoh"


@pytest.mark.django_db
def test_a_test_change_is_rolled_back_before_the_next(mini_modul: None) -> None:
    Unit.objects.filter(slug="contoh-dinas").update(nama="Diubah")
    assert Unit.objects.get(slug="contoh-dinas").nama == "Diubah"


@pytest.mark.django_db
def test_the_previous_tests_change_did_not_leak(mini_modul: None) -> None:
    assert Unit.objects.get(slug="contoh-dinas").nama == "Dinas Contoh"
