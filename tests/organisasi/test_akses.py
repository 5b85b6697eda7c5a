"""Unit scoping: every role sees and changes only the units it is assigned to."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from sakip.organisasi.akses import boleh, unit_ids_untuk
from sakip.organisasi.models import Unit, aturan_untuk
from sakip.pengukuran.models import Realisasi


def slugs(ids: set[int] | None) -> set[str]:
    assert ids is not None
    return set(Unit.objects.filter(pk__in=ids).values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("peran", "lihat", "ubah"),
    [
        (
            "perencana",
            {"setda-contoh", "contoh-bagian-a", "contoh-bagian-b"},
            {"setda-contoh", "contoh-bagian-a", "contoh-bagian-b"},
        ),
        ("pimpinan", {"setda-contoh", "contoh-bagian-a", "contoh-bagian-b"}, set()),
        (
            "evaluator",
            {"pemkab-contoh", "setda-contoh", "contoh-bagian-a", "contoh-bagian-b", "contoh-dinas"},
            set(),
        ),
        ("operator_a", {"contoh-bagian-a"}, {"contoh-bagian-a"}),
        ("operator_b", {"contoh-bagian-b"}, {"contoh-bagian-b"}),
    ],
)
def test_each_role_sees_its_units_and_changes_only_where_it_may(
    pengguna: dict[str, object], peran: str, lihat: set[str], ubah: set[str]
) -> None:
    user = pengguna[peran]
    assert slugs(unit_ids_untuk(user, "view")) == lihat
    assert slugs(unit_ids_untuk(user, "change")) == ubah


def test_anonymous_sees_nothing_and_superuser_everything(mini: None) -> None:
    from django.contrib.auth import get_user_model

    assert unit_ids_untuk(AnonymousUser()) == set()
    admin = get_user_model().objects.create_superuser("root", password="x")
    assert unit_ids_untuk(admin, "change") is None
    assert boleh(admin, Unit.objects.get(slug="contoh-dinas").pk, "change")
    with pytest.raises(ValueError):
        unit_ids_untuk(admin, "hapus")


def test_realisasi_queryset_is_restricted_to_the_users_units(pengguna: dict[str, object]) -> None:
    kode_a = set(
        Realisasi.objects.restrict(pengguna["operator_a"]).values_list("indikator__kode", flat=True)
    )
    assert kode_a == {"SUB-4.01.02.2.01.0001", "SUB-4.01.02.2.01.0002", "SUB-4.01.02.2.01.0003"}
    assert (
        not Realisasi.objects.restrict(pengguna["operator_b"], "change")
        .filter(indikator__kode__startswith="SUB-4.01.02.2.01")
        .exists()
    )
    assert Unit.objects.restrict(pengguna["operator_a"]).get().slug == "contoh-bagian-a"


def test_rules_are_inherited_from_the_nearest_ancestor_with_settings(mini: None) -> None:
    from sakip.organisasi.models import Pengaturan

    bagian = Unit.objects.get(slug="contoh-bagian-a")
    assert aturan_untuk(bagian).kode_skala == "empat_tingkat"
    Pengaturan.objects.create(
        unit=Unit.objects.get(slug="setda-contoh"),
        skala="permendagri_86_2017",
        rumus_negatif="rasio",
    )
    aturan = aturan_untuk(bagian)
    assert aturan.kode_skala == "permendagri_86_2017"
    assert aturan.opsi_capaian.rumus_negatif == "rasio"


@pytest.mark.parametrize(
    ("peran", "boleh_ubah", "tidak_boleh"),
    [
        ("perencana", ["perencanaan.change_indikator", "perjanjian.add_perjanjiankinerja"], []),
        (
            "operator_a",
            ["pengukuran.change_realisasi", "anggaran.add_realisasianggaran"],
            ["perencanaan.change_indikator", "anggaran.change_anggaran"],
        ),
        ("pimpinan", ["perencanaan.view_indikator"], ["pengukuran.change_realisasi"]),
        (
            "evaluator",
            ["evaluasi.change_hasilevaluasi", "pengukuran.view_realisasi"],
            ["pengukuran.change_realisasi"],
        ),
    ],
)
def test_roles_give_model_permissions(
    pengguna: dict[str, object], peran: str, boleh_ubah: list[str], tidak_boleh: list[str]
) -> None:
    user = pengguna[peran]
    for izin in boleh_ubah:
        assert user.has_perm(izin), izin  # type: ignore[attr-defined]
    for izin in tidak_boleh:
        assert not user.has_perm(izin), izin  # type: ignore[attr-defined]
    assert not user.has_perm("auth.change_user")  # type: ignore[attr-defined]


def test_perencana_sees_only_own_units_in_the_admin(pengguna: dict[str, object], client) -> None:  # type: ignore[no-untyped-def]
    perencana = pengguna["perencana"]
    perencana.is_staff = True  # type: ignore[attr-defined]
    perencana.save()  # type: ignore[attr-defined]
    client.force_login(perencana)
    halaman = client.get("/admin/organisasi/unit/").content.decode()
    assert "Bagian A" in halaman and "Dinas Contoh" not in halaman
    dinas = Unit.objects.get(slug="contoh-dinas")
    assert client.get(f"/admin/organisasi/unit/{dinas.pk}/change/").status_code in {302, 404}
    realisasi = client.get("/admin/pengukuran/realisasi/")
    assert realisasi.status_code == 200
    assert "SUB-4.01.02.2.01.0001" in realisasi.content.decode()


def test_admin_is_indonesian_whatever_the_browser_asks(pengguna: dict[str, object], client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(pengguna["perencana"])
    pengguna["perencana"].is_staff = True  # type: ignore[attr-defined]
    pengguna["perencana"].save()  # type: ignore[attr-defined]
    halaman = client.get("/admin/perencanaan/indikator/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Pilih indikator untuk diubah" in halaman.content.decode()


def test_admin_filters_and_choices_offer_only_the_users_units(
    pengguna: dict[str, object], client
) -> None:  # type: ignore[no-untyped-def]
    from sakip.perencanaan.models import Indikator

    operator = pengguna["operator_a"]
    operator.is_staff = True  # type: ignore[attr-defined]
    operator.save()  # type: ignore[attr-defined]
    client.force_login(operator)
    daftar = client.get("/admin/pengukuran/realisasi/").content.decode()
    assert "SUB-4.01.02.2.01.0001" in daftar and "Bagian B" not in daftar
    milik_b = Indikator.objects.filter(unit__slug="contoh-bagian-b").first()
    assert milik_b is not None
    # A forged post for Bagian B's indicator is refused and writes nothing.
    jawaban = client.post(
        "/admin/pengukuran/realisasi/add/",
        {"indikator": milik_b.pk, "tahun": 2023, "periode": "TW1", "nilai": "5", "status": "draf"},
    )
    assert jawaban.status_code == 200  # the form says the choice is not valid
    assert "Masukkan pilihan yang valid" in jawaban.content.decode()
    assert not Realisasi.objects.filter(indikator=milik_b, tahun=2023, periode="TW1").exists()

    # A planner's unit choices on an add form: its own units, not the rest of the Pemda.
    perencana = pengguna["perencana"]
    perencana.is_staff = True  # type: ignore[attr-defined]
    perencana.save()  # type: ignore[attr-defined]
    client.force_login(perencana)
    formulir = client.get("/admin/perjanjian/perjanjiankinerja/add/").content.decode()
    for slug, ada in [("setda-contoh", True), ("contoh-bagian-a", True), ("contoh-dinas", False)]:
        unit = Unit.objects.get(slug=slug)
        assert (f'<option value="{unit.pk}"' in formulir) is ada, slug


def test_admin_save_refuses_a_row_outside_the_users_units(pengguna: dict[str, object], rf) -> None:  # type: ignore[no-untyped-def]
    from django.contrib import admin as django_admin
    from django.core.exceptions import PermissionDenied

    from sakip.perencanaan.models import Indikator

    permintaan = rf.post("/")
    permintaan.user = pengguna["operator_a"]
    model_admin = django_admin.site._registry[Realisasi]
    lain = Realisasi(
        indikator=Indikator.objects.filter(unit__slug="contoh-bagian-b").first(),
        tahun=2023,
        periode="TW1",
        nilai="5",
    )
    with pytest.raises(PermissionDenied, match="di luar wewenang"):
        model_admin.save_model(permintaan, lain, None, change=False)
    assert lain.pk is None


def test_budget_lists_show_rupiah_in_indonesian_format(pengguna: dict[str, object], client) -> None:  # type: ignore[no-untyped-def]
    operator = pengguna["operator_a"]
    operator.is_staff = True  # type: ignore[attr-defined]
    operator.save()  # type: ignore[attr-defined]
    client.force_login(operator)
    halaman = client.get("/admin/anggaran/anggaran/").content.decode()
    assert "Rp 556.247.135" in halaman
    assert "sakip/admin.css" in halaman
