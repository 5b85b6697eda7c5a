"""TW reminders: before a deadline, units still missing data get an e-mail and a banner.

Which TW is due and how many days are left are rules of :mod:`sakip.kinerja.periode`;
what a unit still misses comes from :func:`sakip.pengukuran.selectors.kelengkapan_periode`,
the same figures the planner's completeness page shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format

from sakip.core.versi import versi_data
from sakip.kinerja.periode import triwulan_terakhir
from sakip.organisasi.models import Keanggotaan, Peran, Unit
from sakip.perencanaan.models import Periode

NAMA_PERIODE = dict(Periode.choices)


@dataclass(frozen=True)
class Pengingat:
    """One unit that still misses data of the TW that is due."""

    unit: Unit
    tahun: int
    periode: str
    tenggat: dt.date
    sisa_hari: int
    kurang: int

    @property
    def pesan(self) -> str:
        tw = f"{NAMA_PERIODE[self.periode]} {self.tahun}"
        tanggal = date_format(self.tenggat, "j F Y")
        if self.sisa_hari < 0:
            waktu = f"tenggatnya {tanggal} sudah lewat {-self.sisa_hari} hari"
        elif self.sisa_hari == 0:
            waktu = f"tenggatnya hari ini, {tanggal}"
        else:
            waktu = f"tenggat {tanggal}, {self.sisa_hari} hari lagi"
        return f"Isian {tw} {self.unit.nama} masih kurang {self.kurang} data; {waktu}."

    def tautan(self) -> str:
        try:
            return reverse("pengukuran:isian", args=[self.unit.slug, self.tahun, self.periode])
        except NoReverseMatch:  # pragma: no cover - the entry screen is always installed
            return ""


def pengingat_untuk(unit_ids: set[int] | None, hari_ini: dt.date) -> list[Pengingat]:
    """Units (all when None) whose due TW is incomplete and not yet submitted."""
    from sakip.pengukuran.selectors import STATUS_BELUM_DIAJUKAN, kelengkapan_periode

    tahun, periode = triwulan_terakhir(hari_ini)
    if unit_ids is None:
        unit_ids = set(Unit.objects.values_list("pk", flat=True))
    hasil: list[Pengingat] = []
    for k in kelengkapan_periode(unit_ids, tahun, periode, hari_ini):
        kurang = (k.indikator_total - k.indikator_terisi) + (k.anggaran_total - k.anggaran_terisi)
        if kurang <= 0 or k.status not in STATUS_BELUM_DIAJUKAN:
            continue
        hasil.append(
            Pengingat(
                unit=k.unit,
                tahun=tahun,
                periode=periode,
                tenggat=k.tenggat,
                sisa_hari=k.hari_tersisa,
                kurang=kurang,
            )
        )
    return hasil


# A banner is recomputed at most this often even if nothing changed (the date moves on).
UMUR_SPANDUK = 10 * 60


def spanduk(request: HttpRequest) -> dict[str, Any]:
    """Template context: a banner per unit of an operator (or planner) still missing data.

    On every page, so it is cached per user, day and state of the data: one query
    when nothing changed, the completeness queries when something did.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    hari_ini = timezone.localdate()
    kunci = f"sakip:spanduk:{user.pk}:{hari_ini.isoformat()}:{versi_data()}"
    daftar = cache.get(kunci)
    if daftar is None:
        daftar = _spanduk(user, hari_ini)
        cache.set(kunci, daftar, UMUR_SPANDUK)
    return {"spanduk_tenggat": daftar}


def _spanduk(user: Any, hari_ini: dt.date) -> list[dict[str, str]]:
    from sakip.organisasi.akses import unit_ids_peran

    # Operators hear about their own unit only; a planner sees the units under them.
    ids = unit_ids_peran(user, {Peran.OPERATOR, Peran.PERENCANA})
    if ids is None or not ids:
        return []
    daftar = pengingat_untuk(ids, hari_ini)
    if len(daftar) <= 1:
        return [{"pesan": p.pesan, "tautan": p.tautan()} for p in daftar]
    # A planner over many units gets one line pointing at the completeness page, not a wall.
    p = daftar[0]
    tw = f"{NAMA_PERIODE[p.periode]} {p.tahun}"
    terlambat = sum(1 for x in daftar if x.sisa_hari < 0)
    keterangan = f", {terlambat} di antaranya melewati tenggat" if terlambat else ""
    try:
        tautan = reverse("pengukuran:kelengkapan", args=[p.tahun, p.periode])
    except NoReverseMatch:  # pragma: no cover - the completeness page is always installed
        tautan = ""
    return [
        {
            "pesan": f"{len(daftar)} unit belum melengkapi isian {tw}{keterangan}.",
            "tautan": tautan,
        }
    ]


def kirim_pengingat(hari_ini: dt.date, kirim: bool = True) -> list[tuple[Pengingat, list[str]]]:
    """E-mail the operators of every unit still missing data, on the configured days.

    Meant to run once a day (cron or a systemd timer): a unit hears on each of the
    days of ``SAKIP_PENGINGAT_HARI`` before the deadline, and not on the others.
    Returns what was (or, with ``kirim=False``, would be) sent, with the recipients.
    """
    hasil = []
    User = get_user_model()
    for p in pengingat_untuk(None, hari_ini):
        if p.sisa_hari not in settings.SAKIP_PENGINGAT_HARI:
            continue
        # The unit's own operators; a unit without any gets its planners, who can chase it.
        alamat = _alamat(User, p.unit, Peran.OPERATOR) or _alamat(
            User, p.unit, Peran.PERENCANA, ke_atas=True
        )
        if not alamat:
            continue
        if kirim:
            send_mail(
                subject=f"[sakip] Pengingat isian {NAMA_PERIODE[p.periode]} {p.tahun}: {p.unit.nama}",
                message=(
                    f"Yth. operator {p.unit.nama},\n\n{p.pesan}\n\n"
                    f"Silakan lengkapi dan ajukan di {settings.SAKIP_URL}{p.tautan()}\n\n"
                    "Pesan ini dikirim otomatis oleh sakip."
                ),
                from_email=None,
                recipient_list=alamat,
            )
        hasil.append((p, alamat))
    return hasil


def _alamat(User: Any, unit: Unit, peran: str, ke_atas: bool = False) -> list[str]:
    unit_ids = [unit.pk, *(u.pk for u in unit.leluhur())] if ke_atas else [unit.pk]
    user_ids = Keanggotaan.objects.filter(unit_id__in=unit_ids, peran=peran).values("user_id")
    return sorted(
        User.objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
