"""The organisation: the unit tree, each agency's rules, and who may do what where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.kinerja import (
    SKALA_BAWAAN,
    MetodeRollup,
    MetodeSerapan,
    OpsiCapaian,
    RumusNegatif,
    SkalaPenilaian,
)

slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "Slug hanya boleh berisi huruf kecil, angka dan tanda hubung (contoh: kaltim-biro-hukum).",
)


PILIHAN_RUMUS_NEGATIF = [
    (RumusNegatif.SELISIH.value, "(2T − R) / T"),
    (RumusNegatif.RASIO.value, "T / R"),
]
PILIHAN_SKALA = [(k, v.nama) for k, v in SKALA_BAWAAN.items()]


class JenisUnit(models.TextChoices):
    PEMDA = "pemda", "Pemerintah Daerah"
    PERANGKAT_DAERAH = "perangkat_daerah", "Perangkat Daerah"
    BIRO = "biro", "Biro"
    BAGIAN = "bagian", "Bagian"
    SUB_BAGIAN = "sub_bagian", "Sub Bagian"
    LAINNYA = "lainnya", "Lainnya"


class Kluster(models.TextChoices):
    UTAMA = "utama", "Kluster Utama"
    PENDUKUNG = "pendukung", "Kluster Pendukung"
    TAMBAHAN = "tambahan", "Kluster Tambahan"


class UnitQuerySet(models.QuerySet["Unit"]):
    def restrict(self, user: object, aksi: str = "view") -> UnitQuerySet:
        """Units the user may see (``view``) or change (``change``); see :mod:`.akses`."""
        from sakip.organisasi.akses import unit_ids_untuk

        ids = unit_ids_untuk(user, aksi)
        return self if ids is None else self.filter(pk__in=ids)


class Unit(models.Model):
    """A node of the tree Pemda → Perangkat Daerah → Biro/Bagian → Sub Bagian."""

    slug = models.CharField("slug", max_length=80, unique=True, validators=[slug_validator])
    nama = models.CharField("nama", max_length=255)
    singkatan = models.CharField("singkatan", max_length=120, blank=True)
    jenis = models.CharField("jenis", max_length=20, choices=JenisUnit.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name="unit induk",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    kluster = models.CharField("kluster", max_length=12, choices=Kluster.choices, blank=True)
    kepala_nama = models.CharField("nama kepala", max_length=160, blank=True)
    kepala_nip = models.CharField("NIP kepala", max_length=30, blank=True)
    kepala_jabatan = models.CharField("jabatan kepala", max_length=160, blank=True)
    alamat = models.CharField("alamat", max_length=255, blank=True)
    kota = models.CharField("kota", max_length=80, blank=True)
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "unit"
        verbose_name_plural = "unit"
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.singkatan or self.nama

    def clean(self) -> None:
        node = self.induk
        while node is not None:
            if node.pk == self.pk:
                raise ValidationError(
                    {"induk": "Unit tidak boleh menjadi induk dari dirinya sendiri."}
                )
            node = node.induk

    def leluhur(self) -> list[Unit]:
        """Ancestors, nearest first (one query per level; trees are shallow)."""
        hasil: list[Unit] = []
        node = self.induk
        while node is not None:
            hasil.append(node)
            node = node.induk
        return hasil

    def keturunan_ids(self) -> set[int]:
        """Primary keys of this unit and every unit below it."""
        return keturunan_ids([self.pk])


def keturunan_ids(akar: Iterable[int]) -> set[int]:
    """The given units and all their descendants, one query per tree level."""
    hasil = set(akar)
    lapisan = set(hasil)
    while lapisan:
        lapisan = (
            set(Unit.objects.filter(induk_id__in=lapisan).values_list("pk", flat=True)) - hasil
        )
        hasil |= lapisan
    return hasil


class Pengaturan(models.Model):
    """An agency's rules; every unit below it inherits them (DESIGN.md: rules are configuration)."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="pengaturan")
    skala = models.CharField(
        "skala penilaian",
        max_length=40,
        default="empat_tingkat",
        choices=PILIHAN_SKALA,
    )
    rumus_negatif = models.CharField(
        "rumus polaritas negatif",
        max_length=10,
        choices=PILIHAN_RUMUS_NEGATIF,
        default=RumusNegatif.SELISIH.value,
    )
    metode_rollup = models.CharField(
        "metode roll-up capaian",
        max_length=20,
        choices=[
            (MetodeRollup.RATA_RATA.value, "Rata-rata anak"),
            (MetodeRollup.TERTIMBANG_PAGU.value, "Tertimbang pagu"),
        ],
        default=MetodeRollup.RATA_RATA.value,
    )
    metode_serapan = models.CharField(
        "metode serapan sasaran",
        max_length=20,
        choices=[
            (MetodeSerapan.RASIO_TOTAL.value, "Σ realisasi / Σ pagu"),
            (MetodeSerapan.RATA_RATA_PERSEN.value, "Rata-rata persentase program"),
        ],
        default=MetodeSerapan.RASIO_TOTAL.value,
    )
    batas_atas_capaian = models.DecimalField(
        "batas atas capaian (%)", max_digits=7, decimal_places=2, null=True, blank=True
    )
    hari_tenggat = models.PositiveSmallIntegerField(
        "tenggat pelaporan (hari setelah periode berakhir)",
        default=10,
        help_text="Realisasi triwulan dilaporkan paling lambat sekian hari setelah triwulan berakhir.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pengaturan"
        verbose_name_plural = "pengaturan"

    def __str__(self) -> str:
        return f"Pengaturan {self.unit}"


@dataclass(frozen=True)
class Aturan:
    """The rules in force for a unit, ready for :mod:`sakip.kinerja`."""

    skala: SkalaPenilaian
    opsi_capaian: OpsiCapaian
    metode_rollup: MetodeRollup
    metode_serapan: MetodeSerapan
    kode_skala: str = "empat_tingkat"
    hari_tenggat: int = 10

    def opsi_untuk(self, rumus_negatif: str = "") -> OpsiCapaian:
        if not rumus_negatif or rumus_negatif == self.opsi_capaian.rumus_negatif:
            return self.opsi_capaian
        return OpsiCapaian(
            rumus_negatif=RumusNegatif(rumus_negatif),
            batas_atas=self.opsi_capaian.batas_atas,
        )


ATURAN_BAWAAN = Aturan(
    skala=SKALA_BAWAAN["empat_tingkat"],
    opsi_capaian=OpsiCapaian(),
    metode_rollup=MetodeRollup.RATA_RATA,
    metode_serapan=MetodeSerapan.RASIO_TOTAL,
)


def aturan_untuk(unit: Unit) -> Aturan:
    """The nearest Pengaturan of the unit or its ancestors; the defaults of DOMAIN.md otherwise."""
    for node in [unit, *unit.leluhur()]:
        p = Pengaturan.objects.filter(unit=node).first()
        if p is not None:
            return Aturan(
                skala=SKALA_BAWAAN[p.skala],
                opsi_capaian=OpsiCapaian(
                    rumus_negatif=RumusNegatif(p.rumus_negatif),
                    batas_atas=(
                        Decimal(p.batas_atas_capaian) if p.batas_atas_capaian is not None else None
                    ),
                ),
                metode_rollup=MetodeRollup(p.metode_rollup),
                metode_serapan=MetodeSerapan(p.metode_serapan),
                kode_skala=p.skala,
                hari_tenggat=p.hari_tenggat,
            )
    return ATURAN_BAWAAN


class Peran(models.TextChoices):
    ADMIN = "admin", "Admin"
    PERENCANA = "perencana", "Perencana"
    OPERATOR = "operator", "Operator"
    PIMPINAN = "pimpinan", "Pimpinan"
    EVALUATOR = "evaluator", "Evaluator"


class Keanggotaan(models.Model):
    """A user's role in a unit; it covers the unit and every unit below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="keanggotaan"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="keanggotaan")
    peran = models.CharField("peran", max_length=12, choices=Peran.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "keanggotaan"
        verbose_name_plural = "keanggotaan"
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "peran"], name="keanggotaan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_peran_display()} {self.unit}"
