"""Writes: a team accepts a finding with a reason, or withdraws the acceptance.

Only the unit's perencana (or an admin) decides that a finding stands as it
is: an operator would be accepting the findings on their own entries, and the
Inspektorat's evaluator and the pimpinan only read. Each write is one
transaction, its change history kept by django-simple-history.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sakip.kinerja.periksa.temuan import Temuan
from sakip.organisasi.akses import wajib_peran
from sakip.organisasi.models import Peran, Unit
from sakip.periksa.models import PenerimaanTemuan

PERAN_PENERIMA = {Peran.PERENCANA, Peran.ADMIN}


@transaction.atomic
def terima_temuan(
    pengguna: object, unit: Unit, tahun: int, temuan: Temuan, alasan: str
) -> PenerimaanTemuan:
    """Accept ``temuan`` of ``unit``'s ``tahun`` with ``alasan`` (required); accepting again
    replaces the reason. Raises PermissionDenied for anyone but the unit's perencana/admin."""
    wajib_peran(pengguna, unit, PERAN_PENERIMA, "menerima temuan pemeriksaan")
    alasan = alasan.strip()
    if not alasan:
        raise ValidationError({"alasan": "Tuliskan alasan temuan ini diterima."})
    penerimaan, _ = PenerimaanTemuan.objects.update_or_create(
        unit=unit,
        tahun=tahun,
        sidik=temuan.sidik,
        defaults={
            "kode": temuan.kode,
            "pesan": temuan.pesan,
            "alasan": alasan,
            "diterima_oleh": pengguna if getattr(pengguna, "pk", None) else None,
            "diterima_pada": timezone.now(),
        },
    )
    return penerimaan


@transaction.atomic
def batalkan_penerimaan(pengguna: object, unit: Unit, tahun: int, sidik: str) -> bool:
    """Withdraw the acceptance of the finding ``sidik``; False when there was none."""
    wajib_peran(pengguna, unit, PERAN_PENERIMA, "membatalkan penerimaan temuan")
    jumlah, _ = PenerimaanTemuan.objects.filter(unit=unit, tahun=tahun, sidik=sidik).delete()
    return jumlah > 0
