"""``sakip load-demo``: load the two seed agencies and the demo logins (idempotent).

The logins share the published password ``demo``, so the command refuses to run
unless the demo setting is on (``SAKIP_DEMO``, on by default only with debug).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sakip.impor.berkas import baca_berkas
from sakip.impor.services import ImporGagal, import_dataset
from sakip.organisasi.models import Keanggotaan, Peran, Unit

DEMO_DIR = Path(__file__).resolve().parents[3] / "demo"
DEMO_FILES = ("setda-kaltim.yaml", "setda-paser.yaml")
DEMO_PASSWORD = "demo"


class LoginDemo(NamedTuple):
    username: str
    unit: str | None  # None: the administrator, who sees everything
    peran: str
    keterangan: str


LOGIN_DEMO = (
    LoginDemo("admin", None, Peran.ADMIN, "administrator sistem"),
    LoginDemo("perencana.kaltim", "setda-kaltim", Peran.PERENCANA, "Setda Prov. Kaltim"),
    LoginDemo("pimpinan.kaltim", "setda-kaltim", Peran.PIMPINAN, "Setda Prov. Kaltim"),
    LoginDemo("evaluator.kaltim", "pemprov-kaltim", Peran.EVALUATOR, "seluruh PD Pemprov Kaltim"),
    LoginDemo("operator.hukum.kaltim", "kaltim-biro-hukum", Peran.OPERATOR, "Biro Hukum"),
    LoginDemo("operator.umum.kaltim", "kaltim-biro-umum", Peran.OPERATOR, "Biro Umum"),
    LoginDemo("perencana.paser", "setda-paser", Peran.PERENCANA, "Setda Kab. Paser"),
    LoginDemo("operator.umum.paser", "paser-bagian-umum", Peran.OPERATOR, "Bagian Umum"),
)


class Command(BaseCommand):
    help = (
        "Memuat data demo Setda Prov. Kaltim dan Setda Kab. Paser serta membuat login demo "
        "(hanya untuk instalasi demo/debug; aman dijalankan berulang)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tanpa-data",
            action="store_true",
            help="hanya membuat login demo, tanpa mengimpor data kedua instansi",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.SAKIP_DEMO:
            raise CommandError(
                "Login demo bersandi 'demo' tidak boleh dibuat di instalasi produksi. "
                "Jalankan dengan SAKIP_DEMO=1 (atau SAKIP_DEBUG=1) hanya di mesin demo."
            )
        with transaction.atomic():
            if not options["tanpa_data"]:
                for nama in DEMO_FILES:
                    self._impor(nama)
            self._buat_login()

    def _impor(self, nama: str) -> None:
        self.stdout.write(f"Mengimpor {nama} …")
        try:
            hasil = import_dataset(baca_berkas(DEMO_DIR / nama))
        except ImporGagal as gagal:
            for g in gagal.galat:
                self.stderr.write(f"- {g}")
            raise CommandError(f"Data demo {nama} tidak dapat dimuat.") from gagal
        self.stdout.write(f"  {hasil.total} baris.")

    def _buat_login(self) -> None:
        user_model = get_user_model()
        self.stdout.write(self.style.SUCCESS(f"Login demo (sandi semuanya: {DEMO_PASSWORD}):"))
        for login in LOGIN_DEMO:
            user, _ = user_model.objects.get_or_create(
                username=login.username,
                defaults={"email": f"{login.username}@sakip.invalid"},
            )
            user.is_active = True
            user.is_staff = True
            user.is_superuser = login.unit is None
            user.set_password(DEMO_PASSWORD)
            user.save()
            if login.unit is not None:
                unit = Unit.objects.filter(slug=login.unit).first()
                if unit is None:
                    raise CommandError(
                        f"Unit {login.unit!r} untuk login {login.username} tidak ada; "
                        "muat data demo dulu (tanpa --tanpa-data)."
                    )
                Keanggotaan.objects.get_or_create(user=user, unit=unit, peran=login.peran)
            self.stdout.write(f"  {login.username:<24} {login.peran:<10} {login.keterangan}")
