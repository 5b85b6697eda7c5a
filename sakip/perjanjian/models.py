"""Perjanjian Kinerja: the yearly agreement, locked once signed, revised by new revisions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.kinerja import KinerjaError, parse_target
from sakip.organisasi.models import Unit
from sakip.perencanaan.models import Indikator, Kegiatan, Program, Renstra


class StatusPK(models.TextChoices):
    DRAF = "draf", "Draf"
    DITANDATANGANI = "ditandatangani", "Ditandatangani"


class PerjanjianKinerja(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="perjanjian_kinerja")
    tahun = models.PositiveSmallIntegerField("tahun")
    revisi = models.PositiveSmallIntegerField("revisi", default=1)
    renstra = models.ForeignKey(Renstra, on_delete=models.PROTECT, related_name="perjanjian")
    status = models.CharField(
        "status", max_length=16, choices=StatusPK.choices, default=StatusPK.DRAF
    )
    tanggal = models.DateField("tanggal penandatanganan", null=True, blank=True)
    penandatangan = models.CharField("pihak pertama", max_length=160, blank=True)
    nip_penandatangan = models.CharField("NIP pihak pertama", max_length=30, blank=True)
    jabatan_penandatangan = models.CharField("jabatan pihak pertama", max_length=160, blank=True)
    pihak_kedua = models.CharField("pihak kedua", max_length=160, blank=True)
    jabatan_pihak_kedua = models.CharField("jabatan pihak kedua", max_length=160, blank=True)
    catatan = models.TextField("catatan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Perjanjian Kinerja"
        verbose_name_plural = "Perjanjian Kinerja"
        ordering = ["-tahun", "unit__nama", "-revisi"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun", "revisi"], name="pk_unik")]

    def __str__(self) -> str:
        judul = f"PK {self.unit} {self.tahun}"
        return judul if self.revisi == 1 else f"{judul} (revisi {self.revisi})"

    @property
    def terkunci(self) -> bool:
        return self.status == StatusPK.DITANDATANGANI


class PKTarget(models.Model):
    """A target agreed in a PK, with the indicator's definition as that year used it."""

    pk_dokumen = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="target"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="pk_target")
    target = models.CharField("target", max_length=40)
    # Snapshot at signing (DESIGN.md: editing next year's indicator never rewrites this year).
    satuan = models.CharField("satuan", max_length=40, blank=True)
    polaritas = models.CharField("polaritas", max_length=10, blank=True)
    agregasi = models.CharField("agregasi", max_length=12, blank=True)
    rumus_negatif = models.CharField("rumus negatif", max_length=10, blank=True)
    formula = models.TextField("formulasi", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "target PK"
        verbose_name_plural = "target PK"
        constraints = [
            models.UniqueConstraint(fields=["pk_dokumen", "indikator"], name="pk_target_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode}: {self.target}"

    def clean(self) -> None:
        try:
            parse_target(self.target)
        except KinerjaError as exc:
            raise ValidationError({"target": str(exc)}) from exc


class PKAnggaran(models.Model):
    pk_dokumen = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="anggaran"
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="pk_anggaran")
    kegiatan = models.ForeignKey(
        Kegiatan, null=True, blank=True, on_delete=models.PROTECT, related_name="pk_anggaran"
    )
    pagu = models.DecimalField("pagu (Rp)", max_digits=18, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "anggaran PK"
        verbose_name_plural = "anggaran PK"

    def __str__(self) -> str:
        return f"{self.kegiatan or self.program}: {self.pagu}"
