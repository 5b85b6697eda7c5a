"""IKM results per unit and semester as reported (PermenPAN-RB 14/2017)."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.organisasi.models import Unit

NRR = {
    "max_digits": 6,
    "decimal_places": 4,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(4))],
}


class HasilSurvei(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="hasil_survei")
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField(
        "semester", max_length=2, choices=[("S1", "Semester I"), ("S2", "Semester II")]
    )
    nilai = models.DecimalField(
        "IKM",
        max_digits=6,
        decimal_places=3,
        validators=[MinValueValidator(Decimal(25)), MaxValueValidator(Decimal(100))],
    )
    responden = models.PositiveIntegerField("jumlah responden", null=True, blank=True)
    unsur_1 = models.DecimalField("U1 Persyaratan", **NRR)
    unsur_2 = models.DecimalField("U2 Prosedur", **NRR)
    unsur_3 = models.DecimalField("U3 Waktu", **NRR)
    unsur_4 = models.DecimalField("U4 Biaya/Tarif", **NRR)
    unsur_5 = models.DecimalField("U5 Produk", **NRR)
    unsur_6 = models.DecimalField("U6 Kompetensi", **NRR)
    unsur_7 = models.DecimalField("U7 Perilaku", **NRR)
    unsur_8 = models.DecimalField("U8 Sarana Prasarana", **NRR)
    unsur_9 = models.DecimalField("U9 Pengaduan", **NRR)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hasil survei (IKM)"
        verbose_name_plural = "hasil survei (IKM)"
        ordering = ["-tahun", "unit__nama", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "periode"], name="hasil_survei_unik")
        ]

    def __str__(self) -> str:
        return f"IKM {self.unit} {self.tahun} {self.periode}: {self.nilai}"
