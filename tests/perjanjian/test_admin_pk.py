"""The PK screens in the admin: a signed PK is read-only, revised by an action."""

from __future__ import annotations

import pytest

from sakip.perjanjian.models import PerjanjianKinerja

pytestmark = pytest.mark.django_db


def masuk(client, user) -> None:  # type: ignore[no-untyped-def]
    user.is_staff = True
    user.save()
    client.force_login(user)


def test_planner_revises_a_signed_pk_from_the_list(pengguna: dict[str, object], client) -> None:  # type: ignore[no-untyped-def]
    masuk(client, pengguna["perencana"])
    asli = PerjanjianKinerja.objects.get(unit__slug="setda-contoh", tahun=2023)
    assert asli.terkunci
    halaman = client.get(f"/admin/perjanjian/perjanjiankinerja/{asli.pk}/change/").content.decode()
    assert 'name="target-0-target"' not in halaman  # signed: no editable target rows
    jawaban = client.post(
        "/admin/perjanjian/perjanjiankinerja/",
        {"action": "buat_revisi", "_selected_action": [asli.pk]},
        follow=True,
    )
    assert "revisi baru dibuat (draf)" in jawaban.content.decode()
    baru = PerjanjianKinerja.objects.get(unit__slug="setda-contoh", tahun=2023, revisi=2)
    assert not baru.terkunci and baru.target.count() == asli.target.count()
    halaman = client.get(f"/admin/perjanjian/perjanjiankinerja/{baru.pk}/change/").content.decode()
    assert 'name="target-0-target"' in halaman  # the draft revision is editable
    jawaban = client.post(
        "/admin/perjanjian/perjanjiankinerja/",
        {"action": "tandatangani", "_selected_action": [baru.pk]},
        follow=True,
    )
    assert "ditandatangani" in jawaban.content.decode()
    baru.refresh_from_db()
    assert baru.terkunci


def test_an_operator_cannot_sign_or_revise(pengguna: dict[str, object], client) -> None:  # type: ignore[no-untyped-def]
    masuk(client, pengguna["operator_a"])
    asli = PerjanjianKinerja.objects.get(unit__slug="setda-contoh", tahun=2023)
    jawaban = client.post(
        "/admin/perjanjian/perjanjiankinerja/",
        {"action": "buat_revisi", "_selected_action": [asli.pk]},
    )
    assert jawaban.status_code in {302, 403}
    assert PerjanjianKinerja.objects.filter(unit__slug="setda-contoh", tahun=2023).count() == 1
