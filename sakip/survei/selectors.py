"""Survey reads shared by the screens and the export: results of a semester, the annual table.

Every value comes from :class:`HasilSurvei` (the one place the IKM computations
read) and is aggregated as seed 000 does it: a unit's year is the mean of its
semesters, a parent without its own survey the mean of its children's years
(Biro = mean of semesters, Setda = mean of Biro) — the same rule
:mod:`sakip.perhitungan.services` uses for the derived IKM indicators.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sakip.kinerja.angka import bulatkan
from sakip.kinerja.ikm import (
    BOBOT_REGULASI,
    MUTU_UNSUR,
    UNSUR_PELAYANAN,
    ikm_gabungan,
    mutu_pelayanan,
    unsur_terendah,
)
from sakip.kinerja.skala import Tingkat
from sakip.organisasi.akses import unit_ids_untuk
from sakip.organisasi.models import Unit
from sakip.survei.models import (
    SEMESTER,
    HasilSurvei,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
    TanggapanSurvei,
)


@dataclass(frozen=True)
class BarisUnsur:
    kode: str
    nama: str
    nrr: Decimal
    tertimbang: Decimal
    mutu: Tingkat | None


@dataclass(frozen=True)
class BarisProfil:
    label: str
    jumlah: int
    persen: Decimal


@dataclass
class HasilSemester:
    unit: Unit
    tahun: int
    periode: str
    hasil: HasilSurvei | None
    unsur: list[BarisUnsur] = field(default_factory=list)
    terendah: list[tuple[str, Decimal]] = field(default_factory=list)
    profil: list[tuple[str, list[BarisProfil]]] = field(default_factory=list)
    jumlah_tanggapan: int = 0

    @property
    def ikm(self) -> Decimal | None:
        return None if self.hasil is None else self.hasil.nilai

    @property
    def mutu(self) -> Tingkat | None:
        return None if self.ikm is None else mutu_pelayanan(self.ikm)

    @property
    def jumlah_tertimbang(self) -> Decimal | None:
        return sum((u.tertimbang for u in self.unsur), Decimal(0)) if self.unsur else None

    @property
    def label_periode(self) -> str:
        return dict(SEMESTER)[self.periode]


def _profil(tanggapan: list[dict[str, Any]]) -> list[tuple[str, list[BarisProfil]]]:
    n = len(tanggapan)
    if not n:
        return []
    hasil = []
    for judul, kolom, pilihan in (
        ("Jenis kelamin", "jenis_kelamin", JenisKelamin),
        ("Pendidikan", "pendidikan", Pendidikan),
        ("Pekerjaan", "pekerjaan", Pekerjaan),
    ):
        hitung = Counter(t[kolom] for t in tanggapan)
        hasil.append(
            (
                judul,
                [
                    BarisProfil(label, hitung[kode], bulatkan(Decimal(hitung[kode] * 100) / n))
                    for kode, label in pilihan.choices
                ],
            )
        )
    umur = Counter(_kelompok_umur(t["umur"]) for t in tanggapan)
    hasil.append(
        (
            "Umur",
            [
                BarisProfil(k, umur[k], bulatkan(Decimal(umur[k] * 100) / n))
                for k in KELOMPOK_UMUR
                if umur[k] or k != "Tidak diisi"
            ],
        )
    )
    return hasil


KELOMPOK_UMUR = ("< 20", "20–29", "30–39", "40–49", "50–59", "≥ 60", "Tidak diisi")


def _kelompok_umur(umur: int | None) -> str:
    if umur is None:
        return "Tidak diisi"
    if umur < 20:
        return "< 20"
    if umur >= 60:
        return "≥ 60"
    awal = umur // 10 * 10
    return f"{awal}–{awal + 9}"


def hasil_semester(unit: Unit, tahun: int, periode: str) -> HasilSemester:
    """Unsur averages (NRR and weighted), IKM, mutu, three lowest unsur and respondent profile."""
    hasil = HasilSurvei.objects.filter(unit=unit, tahun=tahun, periode=periode).first()
    h = HasilSemester(unit=unit, tahun=tahun, periode=periode, hasil=hasil)
    if hasil is not None:
        nrr = [getattr(hasil, f"unsur_{i}") for i in range(1, 10)]
        if all(n is not None for n in nrr):
            h.unsur = [
                BarisUnsur(
                    f"U{i}", nama, Decimal(n), Decimal(n) * BOBOT_REGULASI, MUTU_UNSUR.kategori(n)
                )
                for i, (nama, n) in enumerate(zip(UNSUR_PELAYANAN, nrr, strict=True), start=1)
            ]
            h.terendah = unsur_terendah(nrr)
    tanggapan = list(
        TanggapanSurvei.objects.filter(unit=unit, tahun=tahun, periode=periode).values(
            "jenis_kelamin", "pendidikan", "pekerjaan", "umur"
        )
    )
    h.jumlah_tanggapan = len(tanggapan)
    h.profil = _profil(tanggapan)
    return h


@dataclass(frozen=True)
class BarisTahunan:
    unit: Unit
    tingkat: int
    semester: dict[str, Decimal | None]
    tahunan: Decimal | None
    dari_anak: bool
    """True when the value is the mean of the units below (no survey of its own)."""

    @property
    def s1(self) -> Decimal | None:
        return self.semester.get("S1")

    @property
    def s2(self) -> Decimal | None:
        return self.semester.get("S2")

    @property
    def mutu(self) -> Tingkat | None:
        return None if self.tahunan is None else mutu_pelayanan(self.tahunan)


def tabel_tahunan(
    akar: Unit, tahun: int, hasil: Iterable[HasilSurvei] | None = None
) -> list[BarisTahunan]:
    """The unit and the units below it with an IKM in ``tahun``, tree order, as seed 000 does it.

    A unit with its own survey: the mean of its semesters; without: the mean of its
    children's values. Units without any value are left out. ``hasil`` gives the
    semester results to use (a report rebuilt as the data stood on a date);
    the stored ones by default.
    """
    semua = list(Unit.objects.all().only("pk", "slug", "nama", "singkatan", "induk_id", "urutan"))
    anak: dict[int | None, list[Unit]] = defaultdict(list)
    for u in semua:
        anak[u.induk_id].append(u)
    semester: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for h in HasilSurvei.objects.filter(tahun=tahun) if hasil is None else hasil:
        semester[h.unit_id][h.periode] = h.nilai
    nilai: dict[int, Decimal | None] = {}

    def hitung(u: Unit) -> Decimal | None:
        if u.pk not in nilai:
            if semester.get(u.pk):
                nilai[u.pk] = ikm_gabungan(semester[u.pk].values())
            else:
                nilai[u.pk] = ikm_gabungan(hitung(a) for a in anak[u.pk])
        return nilai[u.pk]

    baris: list[BarisTahunan] = []

    def jalan(u: Unit, tingkat: int) -> None:
        v = hitung(u)
        if v is None:
            return
        sendiri = semester.get(u.pk, {})
        baris.append(
            BarisTahunan(
                unit=u,
                tingkat=tingkat,
                semester={k: sendiri.get(k) for k, _ in SEMESTER},
                tahunan=v,
                dari_anak=not sendiri,
            )
        )
        for a in sorted(anak[u.pk], key=lambda x: (x.urutan, x.nama)):
            jalan(a, tingkat + 1)

    jalan(akar, 0)
    return baris


def tahun_survei(user: object) -> list[int]:
    """Years with survey results in the user's units, newest first."""
    ids = unit_ids_untuk(user, "view")
    qs = HasilSurvei.objects.all()
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    return sorted(set(qs.values_list("tahun", flat=True)), reverse=True)


def unit_akar(user: object) -> list[Unit]:
    """The topmost units the user may see (their own units, not the ones below)."""
    ids = unit_ids_untuk(user, "view")
    qs = Unit.objects.all() if ids is None else Unit.objects.filter(pk__in=ids)
    units = list(qs.order_by("urutan", "nama"))
    ada = {u.pk for u in units}
    return [u for u in units if u.induk_id not in ada]


def rincian_semua(akar: Unit, tahun: int) -> list[HasilSurvei]:
    """Every semester result of the unit and the units below it in ``tahun`` (for the export)."""
    ids = akar.keturunan_ids()
    return list(
        HasilSurvei.objects.filter(unit_id__in=ids, tahun=tahun)
        .select_related("unit")
        .order_by("unit__urutan", "unit__nama", "periode")
    )
