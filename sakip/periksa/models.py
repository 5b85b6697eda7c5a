"""A team's acceptance of a finding: the check was right to ask, and here is why it stands."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sakip.organisasi.models import Unit


class PenerimaanTemuan(models.Model):
    """A finding of ``unit``'s year accepted with a reason, keyed by ``Temuan.sidik``.

    The fingerprint is built from the check's code and the finding's location,
    not from its numbers, so an acceptance survives corrections and rebuilt
    reports; ``kode`` is kept beside it to list acceptances per check.
    """

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="penerimaan_temuan")
    tahun = models.PositiveSmallIntegerField("tahun")
    sidik = models.CharField("sidik temuan", max_length=32)
    kode = models.CharField("kode pemeriksaan", max_length=60)
    pesan = models.TextField("pesan temuan", blank=True)
    alasan = models.TextField("alasan diterima")
    diterima_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    diterima_pada = models.DateTimeField("diterima pada", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penerimaan temuan"
        verbose_name_plural = "penerimaan temuan"
        ordering = ["tahun", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "sidik"], name="penerimaan_temuan_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.unit} {self.tahun}: {self.alasan[:60]}"
