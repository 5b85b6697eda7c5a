"""The plan: Renstra → tujuan → sasaran, the program tree, indicators and their targets."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.kinerja import Agregasi, KinerjaError, Polaritas, parse_target
from sakip.kinerja.kode import validasi_kode
from sakip.organisasi.models import PILIHAN_RUMUS_NEGATIF, PILIHAN_SKALA, Unit


class Periode(models.TextChoices):
    TW1 = "TW1", "Triwulan I"
    TW2 = "TW2", "Triwulan II"
    TW3 = "TW3", "Triwulan III"
    TW4 = "TW4", "Triwulan IV"
    S1 = "S1", "Semester I"
    S2 = "S2", "Semester II"
    TAHUN = "TAHUN", "Tahunan"


URUTAN_PERIODE = {"TW1": 1, "TW2": 2, "TW3": 3, "TW4": 4, "S1": 1, "S2": 2, "TAHUN": 0}


# Nomenklatur names (Kepmendagri 050-5889/2021) run past 255 characters; the
# longest sub kegiatan of the Kaltim seed has 269.
PANJANG_NAMA = 500


class Renstra(models.Model):
    kode = models.SlugField("kode", max_length=80, unique=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="renstra")
    nama = models.CharField("nama", max_length=PANJANG_NAMA)
    tahun_mulai = models.PositiveSmallIntegerField("tahun mulai")
    tahun_selesai = models.PositiveSmallIntegerField("tahun selesai")
    dasar = models.CharField("dasar (RPJMD/RPD)", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["-tahun_mulai", "unit__nama"]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        if self.tahun_mulai and self.tahun_selesai and self.tahun_selesai < self.tahun_mulai:
            raise ValidationError({"tahun_selesai": "Tahun selesai sebelum tahun mulai."})


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField("kode", max_length=20)
    uraian = models.TextField("uraian")
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["renstra", "kode"], name="tujuan_unik")]

    def __str__(self) -> str:
        return f"{self.kode}. {self.uraian[:80]}"


class Sasaran(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(Tujuan, on_delete=models.PROTECT, related_name="sasaran")
    kode = models.CharField("kode", max_length=20)
    uraian = models.TextField("uraian")
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sasaran strategis"
        verbose_name_plural = "sasaran strategis"
        ordering = ["urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["renstra", "kode"], name="sasaran_unik")]

    def __str__(self) -> str:
        return f"{self.kode}. {self.uraian[:80]}"


class KodeMixin(models.Model):
    """Validates ``kode`` for its level of the Permendagri 90/2019 tree."""

    tingkat_kode = ""

    class Meta:
        abstract = True

    def kode_induk(self) -> str | None:
        return None

    def clean(self) -> None:
        try:
            self.kode = validasi_kode(self.kode, self.tingkat_kode, self.kode_induk())
        except KinerjaError as exc:
            raise ValidationError({"kode": str(exc)}) from exc


class Program(KodeMixin):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="program")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="program")
    kode = models.CharField("kode", max_length=20)
    nama = models.CharField("nama", max_length=PANJANG_NAMA)
    sasaran = models.ManyToManyField(Sasaran, blank=True, related_name="program")
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "unit", "kode"], name="program_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    tingkat_kode = "program"


class Kegiatan(KodeMixin):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="kegiatan")
    kode = models.CharField("kode", max_length=24)
    nama = models.CharField("nama", max_length=PANJANG_NAMA)
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["program", "unit", "kode"], name="kegiatan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    tingkat_kode = "kegiatan"

    def kode_induk(self) -> str | None:
        return self.program.kode


class SubKegiatan(KodeMixin):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="sub_kegiatan")
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama", max_length=PANJANG_NAMA)
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "kode"], name="sub_kegiatan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    tingkat_kode = "sub_kegiatan"

    def kode_induk(self) -> str | None:
        return self.kegiatan.kode


class Tingkat(models.TextChoices):
    TUJUAN = "tujuan", "Tujuan"
    SASARAN = "sasaran", "Sasaran"
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "Sub Kegiatan"


class SumberRealisasi(models.TextChoices):
    ISIAN = "", "Diisi unit"
    ROLLUP = "rollup", "Roll-up capaian tingkat di bawahnya"
    EVALUASI_NILAI = "evaluasi_nilai", "Nilai evaluasi AKIP unit"
    EVALUASI_PERSEN_BB = "evaluasi_persen_bb", "Persentase PD berpredikat minimal BB"
    IKM = "ikm", "Indeks Kepuasan Masyarakat"


class Indikator(models.Model):
    """An indicator at any level, with everything the capaian rule needs."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="indikator")
    kode = models.CharField("kode", max_length=60)
    tingkat = models.CharField("tingkat", max_length=12, choices=Tingkat.choices)
    tujuan = models.ForeignKey(
        Tujuan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        Sasaran, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="penanggung jawab",
        on_delete=models.PROTECT,
        related_name="indikator",
    )
    nama = models.TextField("nama indikator")
    satuan = models.CharField("satuan", max_length=40, blank=True)
    polaritas = models.CharField(
        "polaritas",
        max_length=10,
        choices=[
            (Polaritas.MAKSIMAL.value, "Maksimal (makin tinggi makin baik)"),
            (Polaritas.MINIMAL.value, "Minimal (makin rendah makin baik)"),
            (Polaritas.STABIL.value, "Stabil (dalam rentang)"),
        ],
        default=Polaritas.MAKSIMAL.value,
    )
    agregasi = models.CharField(
        "agregasi periode",
        max_length=12,
        choices=[
            (Agregasi.TERAKHIR.value, "Nilai terakhir (kumulatif)"),
            (Agregasi.JUMLAH.value, "Jumlah periode"),
            (Agregasi.RATA_RATA.value, "Rata-rata periode"),
            (Agregasi.MAKSIMUM.value, "Maksimum periode"),
        ],
        default=Agregasi.TERAKHIR.value,
    )
    iku = models.BooleanField("IKU", default=False)
    formula = models.TextField("formulasi perhitungan", blank=True)
    definisi = models.TextField("definisi operasional", blank=True)
    sumber_data = models.CharField("sumber data", max_length=255, blank=True)
    sumber_realisasi = models.CharField(
        "sumber realisasi", max_length=20, choices=SumberRealisasi.choices, blank=True
    )
    rumus_negatif = models.CharField(
        "rumus polaritas negatif",
        max_length=10,
        blank=True,
        choices=PILIHAN_RUMUS_NEGATIF,
        help_text="Kosong: mengikuti pengaturan instansi.",
    )
    skala = models.CharField(
        "skala penilaian",
        max_length=40,
        blank=True,
        choices=PILIHAN_SKALA,
        help_text="Kosong: mengikuti pengaturan instansi.",
    )
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="indikator_unik"),
        ]

    def __str__(self) -> str:
        # Short enough that a list of realisasi still shows its period, value and status.
        nama = self.nama if len(self.nama) <= 60 else self.nama[:59] + "…"
        return f"{self.kode} {nama}"

    @property
    def induk(self) -> models.Model | None:
        return getattr(self, self.tingkat)

    def clean(self) -> None:
        terisi = [t for t in Tingkat.values if getattr(self, f"{t}_id") is not None]
        if terisi != [self.tingkat]:
            raise ValidationError(
                f"Indikator tingkat {self.tingkat} harus terkait tepat pada satu {self.tingkat}."
            )


class Target(models.Model):
    """A target of an indicator for a year (and optionally a period): number, predikat or range."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField(
        "periode", max_length=5, choices=Periode.choices, default=Periode.TAHUN
    )
    nilai = models.CharField("target", max_length=40)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "target"
        verbose_name_plural = "target"
        ordering = ["tahun", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "periode"], name="target_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun} {self.periode}: {self.nilai}"

    def clean(self) -> None:
        try:
            parse_target(self.nilai)
        except KinerjaError as exc:
            raise ValidationError({"nilai": str(exc)}) from exc
