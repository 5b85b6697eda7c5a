"""Reads of the measurement screens: one unit's TW entry page, and completeness across units.

Both run a fixed number of queries whatever the number of indicators, budget lines or
units (DESIGN.md, "pages assert their query count"): rows are loaded per table in one
query each and joined in memory.

The entry page computes only the unit's own indicators instead of calling
:func:`sakip.perhitungan.services.hitung_kinerja`, which computes the whole Renstra tree
(every Biro of a Setda) and costs a few hundred milliseconds per request; the rule for a
row's capaian is the same (PK target first, the year value wins, ``sakip.kinerja``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from sakip.anggaran.models import Anggaran, RealisasiAnggaran
from sakip.kinerja import (
    SKALA_BAWAAN,
    Agregasi,
    KinerjaError,
    Polaritas,
    Predikat,
    Tingkat,
    capaian,
    format_angka,
    jumlah,
    melebihi_pagu,
    nilai_tahunan,
    perlu_penjelasan,
    serapan,
    tenggat_periode,
)
from sakip.kinerja.periode import TRIWULAN, akhir_periode, triwulan_terakhir
from sakip.kinerja.target import sebagai_realisasi
from sakip.organisasi.akses import PERAN_PENGUBAH, boleh, peran_di
from sakip.organisasi.models import ATURAN_BAWAAN, Aturan, Pengaturan, Peran, Unit, aturan_untuk
from sakip.pengukuran.models import (
    Eviden,
    Narasi,
    PengajuanPeriode,
    Realisasi,
    StatusData,
)
from sakip.perencanaan.models import Indikator, SubKegiatan, Target
from sakip.perencanaan.models import Tingkat as TingkatRenstra
from sakip.perjanjian.models import PKTarget, StatusPK

LABEL_TW = {"TW1": "TW I", "TW2": "TW II", "TW3": "TW III", "TW4": "TW IV"}

# Groups of the entry page, top of the plan first; tujuan-level indicators are the
# Perangkat Daerah's and shown with the sasaran.
URUTAN_TINGKAT = (
    (TingkatRenstra.SASARAN, "Sasaran"),
    (TingkatRenstra.PROGRAM, "Program"),
    (TingkatRenstra.KEGIATAN, "Kegiatan"),
    (TingkatRenstra.SUB_KEGIATAN, "Sub Kegiatan"),
)

# Capaian above this always asks for an explanation (sakip.kinerja.perlu_penjelasan).
BATAS_ATAS = Decimal(150)

# A TW is still waiting for the unit while it is in one of these states.
STATUS_BELUM_DIAJUKAN = (StatusData.DRAF, StatusData.DIKEMBALIKAN)


def periode_sah(periode: str) -> bool:
    return periode in TRIWULAN


def status_turunan(pengajuan: str | None, status_data: Iterable[str]) -> str:
    """The TW's workflow state: the PengajuanPeriode's, else derived from its data.

    Imported history (the demo's Paser 2023, Kaltim's 2024 year values) arrives
    final without a workflow record; such a TW is final, not an empty draft.
    """
    if pengajuan:
        return pengajuan
    semua = list(status_data)
    if semua and all(s == StatusData.FINAL for s in semua):
        return StatusData.FINAL
    return StatusData.DRAF


def _teks_angka(nilai: Decimal | Predikat | None) -> str | None:
    if nilai is None:
        return None
    return nilai.kode if isinstance(nilai, Predikat) else str(nilai)


# --- the entry page ----------------------------------------------------------------


@dataclass
class BarisIndikator:
    """One indicator row of a unit's TW: what it is measured against and what it shows."""

    indikator: Indikator
    target: str | None
    sumber_target: str  # "PK" or "Renstra", "" without a target
    realisasi_periode: dict[str, Realisasi]
    realisasi_tahun: Realisasi | None
    sekarang: Realisasi | None
    kumulatif: Decimal | Predikat | None
    capaian: Decimal | None
    kategori: Tingkat | None
    perlu_penjelasan: bool
    galat_hitung: str = ""
    target_banding: str | None = None  # the target compared at this TW, when not the year's
    eviden: list[Eviden] = field(default_factory=list)
    narasi: Narasi | None = None
    # Set by the view after a save: the typed text and the error next to the input.
    galat: str = ""
    nilai_isian: str | None = None
    catatan_isian: str | None = None
    pesan: str = ""
    boleh_ubah: bool = False
    # The value just typed was refused for lack of an explanation: ask for one.
    minta_penjelasan: bool = False

    @property
    def diturunkan(self) -> bool:
        return bool(self.indikator.sumber_realisasi)

    @property
    def terisi(self) -> bool:
        return self.sekarang is not None or self.realisasi_tahun is not None

    @property
    def kurang_penjelasan(self) -> bool:
        return (
            self.perlu_penjelasan
            and self.sekarang is not None
            and not self.sekarang.catatan.strip()
            and self.realisasi_tahun is None
        )

    @property
    def ada_narasi(self) -> bool:
        n = self.narasi
        return n is not None and any(
            getattr(n, f).strip()
            for f in ("faktor_pendorong", "faktor_penghambat", "permasalahan", "solusi")
        )

    @property
    def versi(self) -> int | None:
        return self.sekarang.versi if self.sekarang else None

    @property
    def nilai_tampil(self) -> str:
        """What the input shows: the text just typed (after an error), else the stored value."""
        if self.nilai_isian is not None:
            return self.nilai_isian
        return self.sekarang.nilai if self.sekarang else ""

    @property
    def catatan_tampil(self) -> str:
        if self.catatan_isian is not None:
            return self.catatan_isian
        return self.sekarang.catatan if self.sekarang else ""


@dataclass
class BarisAnggaran:
    """One budget line (sub kegiatan) of a unit's TW: pagu, the TWs' realisasi, serapan."""

    sub_kegiatan: SubKegiatan
    pagu: Decimal | None
    realisasi_periode: dict[str, RealisasiAnggaran]
    realisasi_tahun: RealisasiAnggaran | None
    sekarang: RealisasiAnggaran | None
    kumulatif: Decimal | None
    serapan: Decimal | None
    melebihi_pagu: bool
    penjelasan: str = ""
    galat: str = ""
    nilai_isian: str | None = None
    catatan_isian: str | None = None
    pesan: str = ""
    boleh_ubah: bool = False
    # The value just typed was refused for lack of an explanation: ask for one.
    minta_penjelasan: bool = False

    @property
    def terisi(self) -> bool:
        return self.sekarang is not None or self.realisasi_tahun is not None

    @property
    def kurang_penjelasan(self) -> bool:
        return self.melebihi_pagu and self.realisasi_tahun is None and not self.penjelasan.strip()

    @property
    def versi(self) -> int | None:
        return self.sekarang.versi if self.sekarang else None

    @property
    def nilai_tampil(self) -> str:
        if self.nilai_isian is not None:
            return self.nilai_isian
        return format_angka(self.sekarang.nilai, None) if self.sekarang else ""

    @property
    def catatan_tampil(self) -> str:
        return self.catatan_isian if self.catatan_isian is not None else self.penjelasan


@dataclass(frozen=True)
class DaftarPeriksa:
    """What the unit still owes for the TW before it can submit it."""

    indikator_kosong: list[BarisIndikator]
    anggaran_kosong: list[BarisAnggaran]
    tanpa_penjelasan: list[str]
    tanpa_narasi: list[BarisIndikator]
    jumlah_indikator: int
    jumlah_anggaran: int

    @property
    def lengkap(self) -> bool:
        return not (
            self.indikator_kosong
            or self.anggaran_kosong
            or self.tanpa_penjelasan
            or self.tanpa_narasi
        )


@dataclass
class Isian:
    """Everything the entry (and review) page of one unit's TW shows."""

    unit: Unit
    tahun: int
    periode: str
    aturan: Aturan
    status: str
    pengajuan: PengajuanPeriode | None
    indikator: list[BarisIndikator]
    anggaran: list[BarisAnggaran]
    tenggat: date
    hari_tersisa: int
    tahun_pilihan: list[int]
    # Set by :func:`tandai_hak` for the user looking at the page.
    dapat_diubah: bool = False
    perencana: bool = False

    @property
    def label_periode(self) -> str:
        return LABEL_TW[self.periode]

    @property
    def periode_sebelumnya(self) -> list[str]:
        return list(TRIWULAN[: TRIWULAN.index(self.periode)])

    @property
    def jumlah_kolom(self) -> int:
        """Columns of a row table: fixed ones plus one per earlier TW."""
        return 7 + len(self.periode_sebelumnya)

    @property
    def eviden(self) -> list[Eviden]:
        """Every data dukung of the unit's indicators for the year, newest first."""
        semua = [e for b in self.indikator for e in b.eviden]
        return sorted(semua, key=lambda e: e.diunggah_pada, reverse=True)

    @property
    def kelompok(self) -> list[tuple[str, list[BarisIndikator]]]:
        """Indicator rows by level (sasaran, program, kegiatan, sub kegiatan)."""
        hasil = []
        for tingkat, label in URUTAN_TINGKAT:
            baris = [
                b
                for b in self.indikator
                if b.indikator.tingkat == tingkat
                or (tingkat == TingkatRenstra.SASARAN and b.indikator.tingkat == "tujuan")
            ]
            if baris:
                hasil.append((label, baris))
        return hasil

    @property
    def daftar_periksa(self) -> DaftarPeriksa:
        diisi = [b for b in self.indikator if not b.diturunkan]
        return DaftarPeriksa(
            indikator_kosong=[b for b in diisi if not b.terisi],
            anggaran_kosong=[b for b in self.anggaran if not b.terisi],
            tanpa_penjelasan=[
                f"{b.indikator.kode} (capaian {b.capaian} %)" for b in diisi if b.kurang_penjelasan
            ]
            + [
                f"{b.sub_kegiatan.kode} (realisasi melebihi pagu)"
                for b in self.anggaran
                if b.kurang_penjelasan
            ],
            tanpa_narasi=([b for b in diisi if not b.ada_narasi] if self.periode == "TW4" else []),
            jumlah_indikator=len(diisi),
            jumlah_anggaran=len(self.anggaran),
        )

    @property
    def terlambat(self) -> bool:
        return self.hari_tersisa < 0 and self.status in STATUS_BELUM_DIAJUKAN

    def baris_indikator(self, pk: int) -> BarisIndikator:
        return next(b for b in self.indikator if b.indikator.pk == pk)

    def baris_anggaran(self, pk: int) -> BarisAnggaran:
        return next(b for b in self.anggaran if b.sub_kegiatan.pk == pk)


@dataclass(frozen=True)
class _TargetIndikator:
    """What a row's capaian needs besides the realisasi, loaded for many indicators at once."""

    tahun: dict[int, str]  # indikator id → the year's target (PK first)
    sumber: dict[int, str]
    periode: dict[int, dict[str, str]]  # indikator id → {TW: target}
    pk: dict[int, PKTarget]


def _target(indikator_ids: list[int], tahun: int) -> _TargetIndikator:
    """Targets of the year: the signed PK's (latest revision) over the Renstra's (2 queries)."""
    renstra: dict[int, dict[str, str]] = defaultdict(dict)
    for t in Target.objects.filter(indikator_id__in=indikator_ids, tahun=tahun):
        renstra[t.indikator_id][t.periode] = t.nilai
    pk: dict[int, PKTarget] = {}
    for t in PKTarget.objects.filter(
        indikator_id__in=indikator_ids,
        pk_dokumen__tahun=tahun,
        pk_dokumen__status=StatusPK.DITANDATANGANI,
    ).order_by("pk_dokumen__revisi"):
        pk[t.indikator_id] = t  # a later revision overrides an earlier one
    target_tahun: dict[int, str] = {}
    sumber: dict[int, str] = {}
    for i in indikator_ids:
        if i in pk:
            target_tahun[i], sumber[i] = pk[i].target, "PK"
        elif "TAHUN" in renstra.get(i, {}):
            target_tahun[i], sumber[i] = renstra[i]["TAHUN"], "Renstra"
    return _TargetIndikator(
        target_tahun,
        sumber,
        {i: {p: v for p, v in per.items() if p in TRIWULAN} for i, per in renstra.items()},
        pk,
    )


def _nilai(teks: str | None) -> Decimal | Predikat | None:
    return None if teks is None else sebagai_realisasi(teks)


def hitung_baris(
    ind: Indikator,
    aturan: Aturan,
    target: _TargetIndikator,
    nilai_periode: dict[str, str],
    nilai_tahun: str | None,
    periode: str,
) -> tuple[str | None, Decimal | Predikat | None, Decimal | None, Tingkat | None, bool, str]:
    """(target compared, cumulative realisasi, capaian, category, needs explanation, error).

    The realisasi up to ``periode`` is aggregated by the indicator's rule (sum, last,
    mean, max); a year value, when stored, wins as in the yearly computation. It is
    compared with the period targets up to ``periode`` when the Renaksi has them,
    else with the year's target. A capaian below 50 % asks for an explanation only
    against a target of the same span (a TW I against the year's target is naturally
    low); above 150 % always does.
    """
    pk = target.pk.get(ind.pk)
    agregasi = Agregasi(pk.agregasi if pk and pk.agregasi else ind.agregasi)
    polaritas = Polaritas(pk.polaritas if pk and pk.polaritas else ind.polaritas)
    opsi = aturan.opsi_untuk(pk.rumus_negatif if pk and pk.rumus_negatif else ind.rumus_negatif)
    skala = SKALA_BAWAAN[ind.skala] if ind.skala else aturan.skala
    sampai = TRIWULAN.index(periode) + 1
    try:
        if nilai_tahun is not None:
            kumulatif = _nilai(nilai_tahun)
            t_banding = target.tahun.get(ind.pk)
            sepadan = True
        else:
            nilai = [_nilai(nilai_periode.get(p)) for p in TRIWULAN[:sampai]]
            ada = [n for n in nilai if n is not None]
            if any(isinstance(n, Predikat) for n in ada):
                kumulatif = ada[-1]
            else:
                kumulatif = nilai_tahunan(nilai, agregasi)  # type: ignore[arg-type]
            per_tw = target.periode.get(ind.pk, {})
            if periode in per_tw:
                t_nilai = [_nilai(per_tw.get(p)) for p in TRIWULAN[:sampai]]
                if any(isinstance(n, Predikat) for n in t_nilai):
                    t_banding = per_tw[periode]
                else:
                    t_banding = _teks_angka(nilai_tahunan(t_nilai, agregasi))  # type: ignore[arg-type]
                sepadan = True
            else:
                t_banding = target.tahun.get(ind.pk)
                sepadan = periode == "TW4"
        c = capaian(t_banding, kumulatif, polaritas, opsi) if t_banding is not None else None
    except KinerjaError as exc:
        return target.tahun.get(ind.pk), None, None, None, False, str(exc)
    kategori = skala.kategori(c) if c is not None else None
    penjelasan = perlu_penjelasan(c) and (sepadan or c > BATAS_ATAS)  # type: ignore[operator]
    return t_banding, kumulatif, c, kategori, penjelasan, ""


def _serapan_baris(
    pagu: Decimal | None,
    periode_nilai: dict[str, Decimal],
    nilai_tahun: Decimal | None,
    periode: str,
) -> tuple[Decimal | None, Decimal | None, bool]:
    sampai = TRIWULAN.index(periode) + 1
    if nilai_tahun is not None:
        kumulatif: Decimal | None = nilai_tahun
    else:
        kumulatif = jumlah(periode_nilai.get(p) for p in TRIWULAN[:sampai])
    return kumulatif, serapan(kumulatif, pagu), melebihi_pagu(kumulatif, pagu)


def capaian_dengan(
    indikator: Indikator, tahun: int, periode: str, teks: str
) -> tuple[Decimal | None, bool]:
    """(capaian, needs explanation) of the row if ``teks`` were this TW's realisasi."""
    target = _target([indikator.pk], tahun)
    nilai: dict[str, str] = {}
    nilai_tahun = None
    for r in Realisasi.objects.filter(indikator=indikator, tahun=tahun):
        if r.periode == "TAHUN":
            nilai_tahun = r.nilai
        else:
            nilai[r.periode] = r.nilai
    nilai[periode] = teks
    hasil = hitung_baris(
        indikator, aturan_untuk(indikator.unit), target, nilai, nilai_tahun, periode
    )
    return hasil[2], hasil[4]


def serapan_dengan(
    sub_kegiatan: SubKegiatan, tahun: int, periode: str, nilai: Decimal
) -> tuple[Decimal | None, bool]:
    """(serapan, above pagu) of the line if ``nilai`` were this TW's budget realisasi."""
    pagu = (
        Anggaran.objects.filter(sub_kegiatan=sub_kegiatan, tahun=tahun)
        .values_list("pagu", flat=True)
        .first()
    )
    per: dict[str, Decimal] = {}
    nilai_tahun = None
    for r in RealisasiAnggaran.objects.filter(sub_kegiatan=sub_kegiatan, tahun=tahun):
        if r.periode == "TAHUN":
            nilai_tahun = r.nilai
        else:
            per[r.periode] = r.nilai
    per[periode] = nilai
    _, s, lebih = _serapan_baris(pagu, per, nilai_tahun, periode)
    return s, lebih


def penjelasan_anggaran(sub_ids: Iterable[int], tahun: int, periode: str) -> dict[int, str]:
    """The explanation given with each budget line's realisasi of the TW (one query)."""
    return dict(
        RealisasiAnggaran.objects.filter(
            sub_kegiatan_id__in=list(sub_ids), tahun=tahun, periode=periode
        ).values_list("sub_kegiatan_id", "catatan")
    )


def isian_periode(unit: Unit, tahun: int, periode: str, hari_ini: date | None = None) -> Isian:
    """The entry page of ``unit``'s ``periode`` (TW1..TW4) of ``tahun``, in a fixed number of queries.

    Rows: the unit's own indicators (derived ones flagged, not entered) and its
    budget lines with a pagu of the year; each with earlier TWs, this TW's record
    (with its ``versi`` for optimistic locking), the cumulative capaian/serapan,
    the warnings and the evidence; plus the workflow state and the deadline.
    """
    hari_ini = hari_ini or timezone.localdate()
    aturan = aturan_untuk(unit)
    indikator = list(
        Indikator.objects.filter(unit=unit).select_related("renstra").order_by("urutan", "kode")
    )
    ind_ids = [i.pk for i in indikator]
    target = _target(ind_ids, tahun)
    realisasi: dict[int, dict[str, Realisasi]] = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator_id__in=ind_ids, tahun=tahun):
        realisasi[r.indikator_id][r.periode] = r
    narasi = {
        n.indikator_id: n for n in Narasi.objects.filter(indikator_id__in=ind_ids, tahun=tahun)
    }
    eviden: dict[int, list[Eviden]] = defaultdict(list)
    for e in Eviden.objects.filter(indikator_id__in=ind_ids, tahun=tahun).order_by(
        "-diunggah_pada"
    ):
        eviden[e.indikator_id].append(e)

    baris_ind = []
    for ind in indikator:
        per = realisasi.get(ind.pk, {})
        r_tahun = per.get("TAHUN")
        nilai_tw = {p: r.nilai for p, r in per.items() if p in TRIWULAN}
        t, kum, c, kat, jelas, galat = hitung_baris(
            ind, aturan, target, nilai_tw, r_tahun.nilai if r_tahun else None, periode
        )
        baris_ind.append(
            BarisIndikator(
                indikator=ind,
                target=target.tahun.get(ind.pk),
                sumber_target=target.sumber.get(ind.pk, ""),
                realisasi_periode={p: r for p, r in per.items() if p in TRIWULAN},
                realisasi_tahun=r_tahun,
                sekarang=per.get(periode),
                kumulatif=kum,
                capaian=c,
                kategori=kat,
                perlu_penjelasan=jelas,
                galat_hitung=galat,
                target_banding=t if t != target.tahun.get(ind.pk) else None,
                eviden=eviden.get(ind.pk, []),
                narasi=narasi.get(ind.pk),
            )
        )

    pagu = {
        a.sub_kegiatan_id: a.pagu
        for a in Anggaran.objects.filter(sub_kegiatan__unit=unit, tahun=tahun)
    }
    subs = list(SubKegiatan.objects.filter(unit=unit, pk__in=list(pagu)).order_by("kode"))
    r_ang: dict[int, dict[str, RealisasiAnggaran]] = defaultdict(dict)
    for ra in RealisasiAnggaran.objects.filter(sub_kegiatan_id__in=list(pagu), tahun=tahun):
        r_ang[ra.sub_kegiatan_id][ra.periode] = ra
    penjelasan = penjelasan_anggaran(list(pagu), tahun, periode)
    baris_ang = []
    for s in subs:
        per_a = r_ang.get(s.pk, {})
        tahun_a = per_a.get("TAHUN")
        kum_a, sr, lebih = _serapan_baris(
            pagu.get(s.pk),
            {p: r.nilai for p, r in per_a.items() if p in TRIWULAN},
            tahun_a.nilai if tahun_a else None,
            periode,
        )
        baris_ang.append(
            BarisAnggaran(
                sub_kegiatan=s,
                pagu=pagu.get(s.pk),
                realisasi_periode={p: r for p, r in per_a.items() if p in TRIWULAN},
                realisasi_tahun=tahun_a,
                sekarang=per_a.get(periode),
                kumulatif=kum_a,
                serapan=sr,
                melebihi_pagu=lebih,
                penjelasan=penjelasan.get(s.pk, ""),
            )
        )

    pengajuan = PengajuanPeriode.objects.filter(unit=unit, tahun=tahun, periode=periode).first()
    status = status_turunan(
        pengajuan.status if pengajuan else None,
        [
            r.status
            for b in baris_ind
            if not b.diturunkan
            for r in (b.sekarang or b.realisasi_tahun,)
            if r is not None
        ]
        + [
            r.status for b in baris_ang for r in (b.sekarang or b.realisasi_tahun,) if r is not None
        ],
    )
    tenggat = tenggat_periode(tahun, periode, aturan.hari_tenggat)
    tahun_renstra = {
        th for i in indikator for th in range(i.renstra.tahun_mulai, i.renstra.tahun_selesai + 1)
    }
    return Isian(
        unit=unit,
        tahun=tahun,
        periode=periode,
        aturan=aturan,
        status=status,
        pengajuan=pengajuan,
        indikator=baris_ind,
        anggaran=baris_ang,
        tenggat=tenggat,
        hari_tersisa=(tenggat - hari_ini).days,
        tahun_pilihan=sorted(tahun_renstra | {tahun, hari_ini.year}),
    )


def tandai_hak(isian: Isian, user: object) -> Isian:
    """Mark what ``user`` may change on the page: the TW as a whole, and each row.

    Operators change a draft or returned TW; planners and admins until it is final;
    pimpinan and evaluator only read. A row with a year value, or a final record,
    stays read-only (the year value wins in the computation).
    """
    peran = peran_di(user, isian.unit) if boleh(user, isian.unit.pk, "change") else set()
    isian.perencana = bool(peran & {Peran.PERENCANA, Peran.ADMIN})
    isian.dapat_diubah = bool(peran & PERAN_PENGUBAH) and (
        isian.status in STATUS_BELUM_DIAJUKAN
        or (isian.perencana and isian.status != StatusData.FINAL)
    )

    def boleh_baris(sekarang: Realisasi | RealisasiAnggaran | None, tahunan: object) -> bool:
        if not isian.dapat_diubah or tahunan is not None:
            return False
        if sekarang is None:
            return True
        if isian.perencana:
            return sekarang.status != StatusData.FINAL
        return sekarang.status in STATUS_BELUM_DIAJUKAN

    for b in isian.indikator:
        b.boleh_ubah = not b.diturunkan and boleh_baris(b.sekarang, b.realisasi_tahun)
    for a in isian.anggaran:
        a.boleh_ubah = boleh_baris(a.sekarang, a.realisasi_tahun)
    return isian


def isian_bawaan(unit: Unit, hari_ini: date | None = None) -> tuple[int, str]:
    """Year and TW the entry screen opens on for ``unit``.

    The latest year up to this one where the unit has realisasi or pagu (this year
    when it has none), and in it the latest TW still open to the unit (draft or
    returned) among those already ended; the last ended TW if all are closed.
    """
    hari_ini = hari_ini or timezone.localdate()
    kandidat = [
        Realisasi.objects.filter(indikator__unit=unit, tahun__lte=hari_ini.year).aggregate(
            m=Max("tahun")
        )["m"],
        Anggaran.objects.filter(sub_kegiatan__unit=unit, tahun__lte=hari_ini.year).aggregate(
            m=Max("tahun")
        )["m"],
    ]
    tahun = max((k for k in kandidat if k), default=hari_ini.year)
    if tahun == hari_ini.year:
        _, akhir = triwulan_terakhir(hari_ini)
        if akhir_periode(tahun, "TW1") >= hari_ini:
            akhir = "TW1"  # nothing has ended yet this year: the first TW is being prepared
        berlalu = list(TRIWULAN[: TRIWULAN.index(akhir) + 1])
    else:
        berlalu = list(TRIWULAN)
    kelengkapan = kelengkapan_periode_semua([unit.pk], tahun, berlalu, hari_ini)
    for p in reversed(berlalu):
        # A unit with nothing due (no target that year) has no row: it is not open either.
        if kelengkapan[p] and kelengkapan[p][0].status in STATUS_BELUM_DIAJUKAN:
            return tahun, p
    return tahun, berlalu[-1]


# --- completeness across units ----------------------------------------------------


@dataclass(frozen=True)
class KelengkapanUnit:
    """How far one unit is with one TW: filled rows, workflow state and deadline."""

    unit: Unit
    tahun: int
    periode: str
    indikator_terisi: int
    indikator_total: int
    anggaran_terisi: int
    anggaran_total: int
    status: str
    tenggat: date
    hari_tersisa: int

    @property
    def terlambat(self) -> bool:
        """Past the deadline and not yet submitted (draft or returned)."""
        return self.hari_tersisa < 0 and self.status in STATUS_BELUM_DIAJUKAN

    @property
    def persen(self) -> Decimal | None:
        """Share of rows filled (indicators and budget lines together), 0–100."""
        total = self.indikator_total + self.anggaran_total
        if not total:
            return None
        return (Decimal(100) * (self.indikator_terisi + self.anggaran_terisi) / total).quantize(
            Decimal("0.01")
        )

    @property
    def label_status(self) -> str:
        return StatusData(self.status).label


def kelengkapan_periode(
    unit_ids: Iterable[int], tahun: int, periode: str, hari_ini: date | None = None
) -> list[KelengkapanUnit]:
    """Completeness of TW ``periode`` (TW1..TW4) of ``tahun`` for each of ``unit_ids``.

    For every unit that has something to report (typed indicators, or budget lines
    with a pagu of the year): indicators filled / total, budget lines filled /
    total, the workflow state (PengajuanPeriode, or "final" for imported final
    data), the deadline (``Pengaturan.hari_tenggat`` of the nearest unit up the
    tree) and the days left from ``hari_ini`` (today by default; negative =
    overdue; see ``KelengkapanUnit.terlambat``). A row counts as filled when the
    TW's realisasi, or the year value, exists, whatever its status.

    Runs a fixed number of queries (about eight) however many units are asked;
    units are returned in tree order (``Unit.urutan``, name). Callers: the
    completeness page, the dashboard's "units behind schedule", e-mail reminders.
    """
    return kelengkapan_periode_semua(unit_ids, tahun, [periode], hari_ini)[periode]


def kelengkapan_periode_semua(
    unit_ids: Iterable[int], tahun: int, daftar_periode: list[str], hari_ini: date | None = None
) -> dict[str, list[KelengkapanUnit]]:
    """:func:`kelengkapan_periode` for several TWs of the same year at once (same queries)."""
    hari_ini = hari_ini or timezone.localdate()
    ids = set(unit_ids)
    units = list(Unit.objects.filter(pk__in=ids).order_by("urutan", "nama"))

    # An indicator is due in a year only where the plan sets it a target for that year.
    indikator = dict(
        Indikator.objects.filter(unit_id__in=ids, sumber_realisasi="", target__tahun=tahun)
        .distinct()
        .values_list("pk", "unit_id")
    )
    pagu_sub = dict(
        Anggaran.objects.filter(sub_kegiatan__unit_id__in=ids, tahun=tahun).values_list(
            "sub_kegiatan_id", "sub_kegiatan__unit_id"
        )
    )
    semua_periode = [*daftar_periode, "TAHUN"]
    # (row id, period) → status, for indicators and budget lines
    r_ind = {
        (i, p): s
        for i, p, s in Realisasi.objects.filter(
            indikator_id__in=list(indikator), tahun=tahun, periode__in=semua_periode
        ).values_list("indikator_id", "periode", "status")
    }
    r_ang = {
        (i, p): s
        for i, p, s in RealisasiAnggaran.objects.filter(
            sub_kegiatan_id__in=list(pagu_sub), tahun=tahun, periode__in=semua_periode
        ).values_list("sub_kegiatan_id", "periode", "status")
    }
    pengajuan = {
        (u, p): s
        for u, p, s in PengajuanPeriode.objects.filter(
            unit_id__in=ids, tahun=tahun, periode__in=daftar_periode
        ).values_list("unit_id", "periode", "status")
    }
    hari_tenggat = _hari_tenggat(ids)

    ind_per_unit: dict[int, list[int]] = defaultdict(list)
    for i, u in indikator.items():
        ind_per_unit[u].append(i)
    ang_per_unit: dict[int, list[int]] = defaultdict(list)
    for s, u in pagu_sub.items():
        ang_per_unit[u].append(s)

    hasil: dict[str, list[KelengkapanUnit]] = {}
    for periode in daftar_periode:
        baris = []
        for u in units:
            inds, angs = ind_per_unit.get(u.pk, []), ang_per_unit.get(u.pk, [])
            if not inds and not angs:
                continue
            st_ind = [r_ind.get((i, periode)) or r_ind.get((i, "TAHUN")) for i in inds]
            st_ang = [r_ang.get((s, periode)) or r_ang.get((s, "TAHUN")) for s in angs]
            tenggat = tenggat_periode(tahun, periode, hari_tenggat[u.pk])
            baris.append(
                KelengkapanUnit(
                    unit=u,
                    tahun=tahun,
                    periode=periode,
                    indikator_terisi=sum(1 for s in st_ind if s),
                    indikator_total=len(inds),
                    anggaran_terisi=sum(1 for s in st_ang if s),
                    anggaran_total=len(angs),
                    status=status_turunan(
                        pengajuan.get((u.pk, periode)), [s for s in st_ind + st_ang if s]
                    ),
                    tenggat=tenggat,
                    hari_tersisa=(tenggat - hari_ini).days,
                )
            )
        hasil[periode] = baris
    return hasil


def _hari_tenggat(unit_ids: set[int]) -> dict[int, int]:
    """Each unit's ``hari_tenggat``: the nearest Pengaturan up the tree (2 queries for all)."""
    induk = dict(Unit.objects.values_list("pk", "induk_id"))
    aturan = dict(Pengaturan.objects.values_list("unit_id", "hari_tenggat"))
    hasil = {}
    for uid in unit_ids:
        node: int | None = uid
        while node is not None and node not in aturan:
            node = induk.get(node)
        hasil[uid] = aturan[node] if node is not None else ATURAN_BAWAAN.hari_tenggat
    return hasil


# --- verification queue ------------------------------------------------------------


def antrean_verifikasi(unit_ids: set[int] | None) -> list[PengajuanPeriode]:
    """Submitted TWs waiting for the planner, oldest first; ``None`` = every unit."""
    qs = PengajuanPeriode.objects.filter(status=StatusData.DIAJUKAN).select_related(
        "unit", "diubah_oleh"
    )
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return list(qs.order_by("diubah_pada"))
