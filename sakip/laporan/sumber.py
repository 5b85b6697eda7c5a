"""Everything a unit's LKjIP reads, gathered in a fixed number of queries.

The builder never touches the database: it gets a :class:`DataLaporan`. With
``pada`` every fact with a change history is read as it stood at that moment, so
a finalised report can be rebuilt from history (DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sakip.evaluasi.models import HasilEvaluasi, Rekomendasi, SkorKomponen
from sakip.evaluasi.selectors import RekapPD, rekap_pd
from sakip.laporan.models import NaskahLaporan, TemplatLaporan
from sakip.organisasi.models import JenisUnit, Unit
from sakip.pengukuran.models import Narasi
from sakip.perencanaan.models import Renstra, SumberRealisasi, Tujuan
from sakip.perhitungan.services import KinerjaUnit, historis, hitung_kinerja
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget
from sakip.profil.models import IsuStrategis, Pegawai, Sarana
from sakip.survei.models import HasilSurvei
from sakip.survei.selectors import BarisTahunan, tabel_tahunan

TAHUN_RIWAYAT_EVALUASI = 5


@dataclass
class DataLaporan:
    unit: Unit
    tahun: int
    kinerja: KinerjaUnit
    renstra: Renstra | None
    pada: dt.datetime | None
    hanya_terverifikasi: bool
    semua_unit: dict[int, Unit]
    naskah: NaskahLaporan | None = None
    bagan_png: bytes | None = None
    templat: bytes | None = None
    tujuan: list[Tujuan] = field(default_factory=list)
    narasi: dict[int, Narasi] = field(default_factory=dict)
    pk: PerjanjianKinerja | None = None
    pk_target: list[PKTarget] = field(default_factory=list)
    pk_anggaran: list[PKAnggaran] = field(default_factory=list)
    evaluasi: list[HasilEvaluasi] = field(default_factory=list)
    skor: dict[int, list[SkorKomponen]] = field(default_factory=dict)
    rekomendasi: list[Rekomendasi] = field(default_factory=list)
    pegawai: list[Pegawai] = field(default_factory=list)
    sarana: list[Sarana] = field(default_factory=list)
    isu: list[IsuStrategis] = field(default_factory=list)
    # IKM of the unit and the units below it (seed 000's SKM table).
    ikm: list[BarisTahunan] = field(default_factory=list)
    # The SAKIP recap of the Pemda's PD, when an indicator derives from it (seed 000 IKU-10).
    rekap_sakip: RekapPD | None = None

    def rantai(self) -> list[Unit]:
        """The unit and its ancestors, nearest first, from the units already read
        (``Unit.leluhur`` would query once per level)."""
        hasil = [self.unit]
        while hasil[-1].induk_id:
            hasil.append(self.semua_unit[hasil[-1].induk_id])  # type: ignore[index]
        return hasil

    @property
    def induk_pemda(self) -> Unit | None:
        return next((u for u in self.rantai() if u.jenis == JenisUnit.PEMDA), None)

    def anak(self, unit: Unit) -> list[Unit]:
        return sorted(
            (u for u in self.semua_unit.values() if u.induk_id == unit.pk),
            key=lambda u: (u.urutan, u.nama),
        )


def kumpulkan(
    unit: Unit,
    tahun: int,
    *,
    hanya_terverifikasi: bool = False,
    pada: dt.datetime | None = None,
) -> DataLaporan:
    """Read what the report of ``unit`` for ``tahun`` needs, as of ``pada`` when given."""
    kinerja = hitung_kinerja(unit, tahun, hanya_terverifikasi=hanya_terverifikasi, pada=pada)
    semua_unit = {u.pk: u for u in Unit.objects.all()}
    milik = [r for r in kinerja.renstra if r.tahun_mulai <= tahun <= r.tahun_selesai]
    renstra = next((r for r in milik if r.unit_id == unit.pk), milik[0] if milik else None)
    data = DataLaporan(
        unit=unit,
        tahun=tahun,
        kinerja=kinerja,
        renstra=renstra,
        pada=pada,
        hanya_terverifikasi=hanya_terverifikasi,
        semua_unit=semua_unit,
    )
    rantai = [u.pk for u in data.rantai()]
    data.naskah = historis(NaskahLaporan, pada, unit_id=unit.pk, tahun=tahun).first()
    if data.naskah is not None and data.naskah.bagan_organisasi:
        try:
            with data.naskah.bagan_organisasi.open("rb") as f:
                data.bagan_png = f.read()
        except OSError:
            data.bagan_png = None  # the file is gone; the chart is drawn from the unit tree
    templat = {t.unit_id: t for t in historis(TemplatLaporan, pada, unit_id__in=rantai)}
    for uid in rantai:
        if uid in templat and templat[uid].berkas:
            with templat[uid].berkas.open("rb") as f:
                data.templat = f.read()
            break
    if renstra is not None:
        data.tujuan = list(Tujuan.objects.filter(renstra=renstra).order_by("urutan", "kode"))
    ind_ids = list(kinerja.indikator)
    data.narasi = {
        n.indikator_id: n for n in historis(Narasi, pada, indikator_id__in=ind_ids, tahun=tahun)
    }
    pk = kinerja.pk_berlaku.get(unit.pk)
    if pk is not None:
        data.pk = pk
        data.pk_target = sorted(
            historis(PKTarget, pada, pk_dokumen_id=pk.pk),
            key=lambda t: (
                kinerja.indikator[t.indikator_id].indikator.urutan
                if t.indikator_id in kinerja.indikator
                else 0,
                t.indikator_id,
            ),
        )
        data.pk_anggaran = list(historis(PKAnggaran, pada, pk_dokumen_id=pk.pk).order_by("pk"))
    data.evaluasi = list(
        historis(
            HasilEvaluasi,
            pada,
            unit_id=unit.pk,
            tahun__gte=tahun - TAHUN_RIWAYAT_EVALUASI,
            tahun__lt=tahun,
        ).order_by("tahun")
    )
    skor: dict[int, list[SkorKomponen]] = {}
    for s in historis(SkorKomponen, pada, hasil_id__in=[h.pk for h in data.evaluasi]):
        skor.setdefault(s.hasil_id, []).append(s)
    data.skor = skor
    data.rekomendasi = list(
        historis(
            Rekomendasi, pada, unit_id=unit.pk, tahun__lt=tahun, tahun__gte=tahun - 1
        ).order_by("pk")
    )
    data.pegawai = list(
        historis(Pegawai, pada, unit_id=unit.pk, tahun=tahun).order_by("kelompok", "urutan")
    )
    data.sarana = list(historis(Sarana, pada, unit_id=unit.pk, tahun=tahun).order_by("urutan"))
    data.isu = list(historis(IsuStrategis, pada, unit_id=unit.pk, tahun=tahun).order_by("urutan"))
    data.ikm = tabel_tahunan(unit, tahun, historis(HasilSurvei, pada, tahun=tahun))
    pemda = data.induk_pemda
    if pemda is not None and any(
        h.indikator.sumber_realisasi == SumberRealisasi.EVALUASI_PERSEN_BB
        and h.indikator.renstra.unit_id == unit.pk
        for h in kinerja.indikator.values()
    ):
        data.rekap_sakip = rekap_pd(pemda, tahun, pada)
    return data
