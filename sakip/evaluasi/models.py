"""Evaluation results: AKIP scores per unit and year, LHE recommendations, audit findings."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.kinerja import MODEL_12_2015, MODEL_88_2021, KinerjaError, Predikat, nilai_akip
from sakip.kinerja import predikat_akip as hitung_predikat
from sakip.organisasi.models import Unit

MODEL_EVALUASI = {m.kode: m for m in (MODEL_88_2021, MODEL_12_2015)}

SKOR = {
    "max_digits": 5,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
}


class ModelEvaluasi(models.TextChoices):
    PERMENPANRB_88_2021 = "permenpanrb-88-2021", "PermenPAN-RB 88/2021"
    PERMENPANRB_12_2015 = "permenpanrb-12-2015", "PermenPAN-RB 12/2015"
    HIBRIDA = "hibrida", "Lain/hibrida (skor diambil apa adanya)"


class HasilEvaluasi(models.Model):
    """A unit's AKIP evaluation of a year: component scores, or only the total where that is all we have."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="hasil_evaluasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    model = models.CharField(
        "model evaluasi",
        max_length=24,
        choices=ModelEvaluasi.choices,
        default=ModelEvaluasi.HIBRIDA,
    )
    nilai_total = models.DecimalField(
        "nilai (bila tanpa rincian komponen)", null=True, blank=True, **SKOR
    )
    catatan = models.TextField("catatan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hasil evaluasi AKIP"
        verbose_name_plural = "hasil evaluasi AKIP"
        ordering = ["-tahun", "unit__nama"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun"], name="hasil_evaluasi_unik")
        ]

    def __str__(self) -> str:
        return f"Evaluasi AKIP {self.unit} {self.tahun}"

    def nilai(self, skor: list[SkorKomponen] | None = None) -> Decimal | None:
        """The total: the stored total, or the sum of the component scores (PermenPAN-RB 88/2021)."""
        if self.nilai_total is not None:
            return Decimal(self.nilai_total)
        daftar = list(self.skor.all()) if skor is None else skor
        if not daftar:
            return None
        return nilai_akip(
            {s.komponen: Decimal(s.nilai) for s in daftar}, MODEL_EVALUASI.get(self.model)
        )

    def predikat(self, skor: list[SkorKomponen] | None = None) -> Predikat | None:
        n = self.nilai(skor)
        return None if n is None else hitung_predikat(n)


class SkorKomponen(models.Model):
    hasil = models.ForeignKey(HasilEvaluasi, on_delete=models.CASCADE, related_name="skor")
    komponen = models.CharField("komponen", max_length=40)
    nilai = models.DecimalField("nilai", **SKOR)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "skor komponen"
        verbose_name_plural = "skor komponen"
        constraints = [
            models.UniqueConstraint(fields=["hasil", "komponen"], name="skor_komponen_unik")
        ]

    def __str__(self) -> str:
        return f"{self.komponen}: {self.nilai}"

    def clean(self) -> None:
        model = MODEL_EVALUASI.get(self.hasil.model)
        if model is not None:
            kode = {k.kode for k in model.komponen}
            if self.komponen not in kode:
                raise ValidationError(
                    {"komponen": f"Komponen {self.komponen!r} tidak ada pada {model.nama}."}
                )
        try:
            nilai_akip({self.komponen: Decimal(self.nilai)}, None)
        except KinerjaError as exc:
            raise ValidationError({"nilai": str(exc)}) from exc


class StatusTindakLanjut(models.TextChoices):
    SUDAH = "sudah", "Sudah"
    BELUM = "belum", "Belum"


class Rekomendasi(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="rekomendasi")
    tahun = models.PositiveSmallIntegerField("tahun evaluasi")
    komponen = models.CharField("komponen", max_length=120, blank=True)
    rekomendasi = models.TextField("rekomendasi")
    tindak_lanjut = models.TextField("tindak lanjut", blank=True)
    status = models.CharField(
        "status", max_length=6, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.BELUM
    )
    batas_waktu = models.DateField("batas waktu", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "rekomendasi"
        verbose_name_plural = "rekomendasi"
        ordering = ["-tahun", "pk"]

    def __str__(self) -> str:
        return f"{self.komponen or 'Rekomendasi'} {self.tahun}"


class Temuan(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="temuan")
    tahun = models.PositiveSmallIntegerField("tahun")
    temuan = models.TextField("temuan pemeriksaan")
    rekomendasi = models.TextField("rekomendasi", blank=True)
    rencana_aksi = models.TextField("rencana aksi", blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    status = models.CharField(
        "status", max_length=6, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.BELUM
    )
    nilai = models.DecimalField(
        "nilai (Rp)", max_digits=18, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "temuan"
        verbose_name_plural = "temuan"
        ordering = ["-tahun", "pk"]

    def __str__(self) -> str:
        return self.temuan[:80]
