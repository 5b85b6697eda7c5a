"""Checks on a unit's stored data for a year, before a report is generated (issue 8).

The Django side gathers a unit's year into a :class:`DataUnit` (plain values,
no models); the checks here find what the Inspektorat would: a realisasi not
entered for a period that is due, an indicator without narrative, a capaian
outside 50–150 % without an explanation (DOMAIN.md §1), realisasi anggaran
above pagu (DOMAIN.md §5), a target left unchanged while its budget changed in
a PK revision or the APBD-P (seed 002 Tabel 3.9: 6 Unit → 29 Unit, 483,33 %),
a stored total that its lines do not add up to, a qualitative target measured
with a number, and a derived realisasi that was also typed.

Every finding names the indicator or budget line, the period and the value, in
Bahasa Indonesia. ``Lokasi.tautan`` stays None: the app fills in the URL of the
entry page where the value is corrected.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from sakip.kinerja.anggaran import PosAnggaran, melebihi_pagu, pohon_menurut_kode, total_anggaran
from sakip.kinerja.angka import format_angka, format_rupiah, jumlah
from sakip.kinerja.capaian import perlu_penjelasan
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.periksa.daftar import ATURAN_DATA
from sakip.kinerja.periksa.teks import menyebut_target_tetap
from sakip.kinerja.periksa.temuan import Lokasi, Temuan, Tingkat
from sakip.kinerja.predikat import Predikat
from sakip.kinerja.target import Target, sebagai_realisasi, sebagai_target

LABEL_PERIODE: Mapping[str, str] = {
    "TW1": "TW I",
    "TW2": "TW II",
    "TW3": "TW III",
    "TW4": "TW IV",
    "S1": "Semester I",
    "S2": "Semester II",
    "TAHUN": "Tahunan",
}
"""How a period is named in a finding (and read back by the app to link the entry page)."""

TABEL_REALISASI = "Realisasi kinerja"
TABEL_ANGGARAN = "Realisasi anggaran"
TABEL_JENIS_BELANJA = "Jenis belanja"


def tabel_pk(revisi: int) -> str:
    """The location label of a PK revision's findings."""
    return f"Perjanjian Kinerja revisi {revisi}"


@dataclass(frozen=True)
class DataIndikator:
    """One indicator of the unit's year as stored.

    ``realisasi_periode`` holds the values typed per period ("TW1" … "TAHUN");
    ``realisasi`` is the year's value the figures used (typed or derived) and
    ``capaian`` the capaian computed from it by :func:`sakip.kinerja.capaian.capaian`.
    ``periode_target`` lists the periods with a target of their own.
    ``penjelasan`` is the explanation typed with the realisasi (why a capaian is
    so high or low); ``ada_narasi`` whether faktor pendorong/penghambat,
    permasalahan or solusi was written; ``perlu_narasi`` whether the report
    narrates this indicator (sasaran and tujuan indicators, IKU).
    ``turunan`` marks an indicator whose realisasi another module supplies
    (``Indikator.sumber_realisasi``); ``realisasi_turunan`` is that value.
    ``kode_anggaran`` names the budget the indicator's target depends on: the
    codes of its program/kegiatan in the PK, and of its sub kegiatan among the
    budget lines.
    """

    kode: str
    nama: str
    unit: str = ""
    satuan: str = ""
    target: str | None = None
    periode_target: tuple[str, ...] = ()
    realisasi_periode: Mapping[str, str] = field(default_factory=dict)
    realisasi: Decimal | Predikat | None = None
    capaian: Decimal | None = None
    penjelasan: str = ""
    ada_narasi: bool = False
    perlu_narasi: bool = False
    turunan: bool = False
    realisasi_turunan: Decimal | Predikat | None = None
    kode_anggaran: tuple[str, ...] = ()

    @property
    def uraian(self) -> str:
        """The row label of its findings: code and name, as the entry page lists it."""
        return f"{self.kode} {self.nama}".strip()


@dataclass(frozen=True)
class DataAnggaran:
    """A budget line (sub kegiatan) of the year: pagu, the APBD murni pagu, realisasi."""

    kode: str
    nama: str
    unit: str = ""
    pagu: Decimal | None = None
    pagu_murni: Decimal | None = None
    realisasi: Decimal | None = None
    catatan: str = ""
    induk: str = ""

    @property
    def uraian(self) -> str:
        return f"{self.kode} {self.nama}".strip()


@dataclass(frozen=True)
class RevisiPK:
    """One revision of the year's PK: target per indicator code, pagu per program/kegiatan code."""

    revisi: int
    target: Mapping[str, str] = field(default_factory=dict)
    anggaran: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class DataUnit:
    """A unit's stored data for a year, the input of :data:`ATURAN_DATA`.

    ``periode_jatuh_tempo`` lists the periods whose deadline has passed (the
    app derives them from ``Pengaturan.hari_tenggat``); ``jenis_belanja`` the
    stored rows of the jenis belanja table, flat (parents with their own figures).
    """

    unit: str
    tahun: int
    periode_jatuh_tempo: tuple[str, ...] = ()
    indikator: tuple[DataIndikator, ...] = ()
    anggaran: tuple[DataAnggaran, ...] = ()
    revisi_pk: tuple[RevisiPK, ...] = ()
    jenis_belanja: tuple[PosAnggaran, ...] = ()


def label_periode(periode: str) -> str:
    return LABEL_PERIODE.get(periode, periode)


def _lokasi_indikator(ind: DataIndikator, periode: str = "TAHUN") -> Lokasi:
    return Lokasi(tabel=TABEL_REALISASI, uraian=ind.uraian, kolom=label_periode(periode))


def _nilai(nilai: Decimal | Predikat | None, satuan: str = "") -> str:
    if nilai is None:
        return "-"
    if isinstance(nilai, Predikat):
        return nilai.kode
    teks = format_angka(nilai, None)
    return f"{teks} {satuan}".strip() if satuan else teks


def _target(teks: str | None) -> Target | None:
    """A stored target, or None when it cannot be read (other checks own malformed input)."""
    try:
        return sebagai_target(teks)
    except KinerjaError:
        return None


def _realisasi(teks: str | None) -> Decimal | Predikat | None:
    try:
        return sebagai_realisasi(teks)
    except KinerjaError:
        return None


@ATURAN_DATA.daftarkan(
    "REALISASI_KOSONG", Tingkat.PERINGATAN, "Realisasi belum diisi untuk periode yang jatuh tempo"
)
def realisasi_kosong(data: DataUnit) -> Iterator[Temuan]:
    """An indicator with a target this year and no realisasi for a period that is due.

    DESIGN.md step 3: each unit reports every TW after it ends. A year's value
    typed at once ("TAHUN") covers every period; an indicator with targets per
    period is due only for those periods; a derived indicator is never typed.
    """
    for ind in data.indikator:
        if ind.turunan or _target(ind.target) is None or "TAHUN" in ind.realisasi_periode:
            continue
        wajib = ind.periode_target or tuple(p for p in data.periode_jatuh_tempo if p[:2] == "TW")
        kosong = [
            p
            for p in wajib
            if p in data.periode_jatuh_tempo and not ind.realisasi_periode.get(p, "").strip()
        ]
        if not kosong:
            continue
        target = f"target {data.tahun}: {ind.target} {ind.satuan}".rstrip()
        if len(kosong) > 1 and not any(v.strip() for v in ind.realisasi_periode.values()):
            # Nothing typed at all: one finding for the indicator, not one per period.
            rentang = f"{label_periode(kosong[0])} s.d. {label_periode(kosong[-1])}"
            yield Temuan(
                kode="REALISASI_KOSONG",
                tingkat=Tingkat.PERINGATAN,
                pesan=(
                    f"Realisasi {data.tahun} indikator “{ind.nama}” belum diisi sama sekali, "
                    f"padahal {rentang} sudah jatuh tempo ({target})."
                ),
                lokasi=_lokasi_indikator(ind, kosong[-1]),
                tercetak="-",
            )
            continue
        for p in kosong:
            yield Temuan(
                kode="REALISASI_KOSONG",
                tingkat=Tingkat.PERINGATAN,
                pesan=(
                    f"Realisasi {label_periode(p)} {data.tahun} indikator “{ind.nama}” "
                    f"belum diisi, padahal periodenya sudah jatuh tempo ({target})."
                ),
                lokasi=_lokasi_indikator(ind, p),
                tercetak="-",
            )


@ATURAN_DATA.daftarkan("NARASI_KOSONG", Tingkat.PERINGATAN, "Narasi capaian belum ditulis")
def narasi_kosong(data: DataUnit) -> Iterator[Temuan]:
    """An indicator the report narrates, with its year's realisasi and no narrative.

    PermenPAN-RB 53/2014 Bab III.A (5): each sasaran explains its causes of
    success or failure and the solutions; the seeds' evaluators complain of
    reports whose analysis is missing or copied.
    """
    for ind in data.indikator:
        if not ind.perlu_narasi or ind.ada_narasi or ind.realisasi is None:
            continue
        yield Temuan(
            kode="NARASI_KOSONG",
            tingkat=Tingkat.PERINGATAN,
            pesan=(
                f"Indikator “{ind.nama}” sudah memiliki realisasi {data.tahun} "
                f"({_nilai(ind.realisasi, ind.satuan)}) tetapi belum ada narasinya: "
                "isi faktor pendorong, faktor penghambat, permasalahan dan solusi."
            ),
            lokasi=_lokasi_indikator(ind),
        )


@ATURAN_DATA.daftarkan(
    "CAPAIAN_TANPA_PENJELASAN",
    Tingkat.PERINGATAN,
    "Capaian di atas 150 % atau di bawah 50 % tanpa penjelasan",
)
def capaian_tanpa_penjelasan(data: DataUnit) -> Iterator[Temuan]:
    """A capaian above 150 % or below 50 % with no explanation typed beside its realisasi.

    DOMAIN.md §1 (:func:`~sakip.kinerja.capaian.perlu_penjelasan`): such outliers
    ask for an explanation; seed 002 Tabel 3.9 gives one for each (e.g. 483,33 %:
    "pada perubahan tidak mengubah target kinerja").
    """
    for ind in data.indikator:
        if not perlu_penjelasan(ind.capaian) or ind.penjelasan.strip():
            continue
        assert ind.capaian is not None
        arah = "di atas 150" if ind.capaian > 150 else "di bawah 50"
        yield Temuan(
            kode="CAPAIAN_TANPA_PENJELASAN",
            tingkat=Tingkat.PERINGATAN,
            pesan=(
                f"Capaian {data.tahun} indikator “{ind.nama}” {format_angka(ind.capaian)}% "
                f"({arah}%; target {ind.target}, realisasi "
                f"{_nilai(ind.realisasi, ind.satuan)}) belum dijelaskan: isi penjelasan "
                "pada realisasinya (mis. target tidak direvisi pada APBD-P) atau periksa "
                "kembali target dan realisasinya."
            ),
            lokasi=_lokasi_indikator(ind),
            tercetak=format_angka(ind.capaian),
            rumus="capaian di luar 50–150%",
        )


@ATURAN_DATA.daftarkan("ANGGARAN_MELEBIHI_PAGU", Tingkat.GALAT, "Realisasi anggaran melebihi pagu")
def anggaran_melebihi_pagu(data: DataUnit) -> Iterator[Temuan]:
    """Realisasi anggaran of a sub kegiatan above its pagu (DOMAIN.md §5; seed 000
    Tabel 3.19, Fasilitasi Kunjungan Tamu 2.146.259.800 of 1.702.086.000)."""
    for a in data.anggaran:
        if not melebihi_pagu(a.realisasi, a.pagu):
            continue
        assert a.realisasi is not None and a.pagu is not None
        yield Temuan(
            kode="ANGGARAN_MELEBIHI_PAGU",
            tingkat=Tingkat.GALAT,
            pesan=(
                f"Realisasi anggaran {data.tahun} sub kegiatan “{a.nama}” ({a.kode}) "
                f"{format_rupiah(a.realisasi)} melebihi pagunya {format_rupiah(a.pagu)} "
                f"(lebih {format_rupiah(a.realisasi - a.pagu)}): realisasi seharusnya "
                f"paling banyak {format_rupiah(a.pagu)}."
            ),
            lokasi=Lokasi(tabel=TABEL_ANGGARAN, uraian=a.uraian, kolom="Realisasi"),
            tercetak=format_rupiah(a.realisasi),
            seharusnya=f"≤ {format_rupiah(a.pagu)}",
            rumus="realisasi ≤ pagu",
        )


def _sama(a: str | None, b: str | None) -> bool:
    ta, tb = _target(a), _target(b)
    return ta is not None and ta == tb


@ATURAN_DATA.daftarkan(
    "TARGET_TIDAK_DIREVISI",
    Tingkat.PERINGATAN,
    "Anggaran berubah tetapi target kinerja tetap",
)
def target_tidak_direvisi(data: DataUnit) -> Iterator[Temuan]:
    """A target that stayed while its budget changed.

    Seed 002 Tabel 3.9 (lines 603–604): budgets raised in the APBD-P without
    raising the targets gave capaian 483,33 % ("pada perubahan tidak mengubah
    target kinerja"). Two stored traces show it: a PK revision in which the
    pagu of the indicator's program/kegiatan changed and its target did not;
    and a sub kegiatan whose pagu differs from its APBD murni pagu while the
    capaian of its indicator is an outlier (the target may not be revised
    outside a PK, so only the outlier makes it a finding there). A third trace
    is the operator's own explanation of an outlier saying the target was not
    revised (:func:`~sakip.kinerja.periksa.teks.menyebut_target_tetap`), as the
    seed's does: the explanation answers CAPAIAN_TANPA_PENJELASAN but not this.
    An indicator a PK revision already names is not named again by the other
    two traces, and the APBD-P trace names it once, not once per budget line.
    """
    revisi = sorted(data.revisi_pk, key=lambda r: r.revisi)
    disebut: set[str] = set()
    for lama, baru in pairwise(revisi):
        for ind in data.indikator:
            kode = ind.kode
            if kode not in lama.target or kode not in baru.target:
                continue
            if not _sama(lama.target[kode], baru.target[kode]):
                continue
            pos = [k for k in ind.kode_anggaran if k in lama.anggaran and k in baru.anggaran]
            pagu_lama = jumlah(lama.anggaran[k] for k in pos)
            pagu_baru = jumlah(baru.anggaran[k] for k in pos)
            if pagu_lama is None or pagu_baru is None or pagu_lama == pagu_baru:
                continue
            disebut.add(kode)
            yield Temuan(
                kode="TARGET_TIDAK_DIREVISI",
                tingkat=Tingkat.PERINGATAN,
                pesan=(
                    f"Target indikator “{ind.nama}” tetap {baru.target[kode]} pada PK revisi "
                    f"{baru.revisi}, padahal anggarannya ({', '.join(pos)}) berubah dari "
                    f"{format_rupiah(pagu_lama)} menjadi {format_rupiah(pagu_baru)}: "
                    "sesuaikan targetnya dengan anggaran baru atau jelaskan mengapa tetap."
                ),
                lokasi=Lokasi(tabel=tabel_pk(baru.revisi), uraian=ind.uraian, kolom="Target"),
                tercetak=baru.target[kode],
                rumus="anggaran berubah → target ditinjau",
            )
    anggaran = {a.kode: a for a in data.anggaran}
    for ind in data.indikator:
        if not perlu_penjelasan(ind.capaian) or ind.kode in disebut:
            continue
        a = next(
            (
                a
                for a in (anggaran.get(k) for k in ind.kode_anggaran)
                if a is not None
                and a.pagu is not None
                and a.pagu_murni is not None
                and a.pagu != a.pagu_murni
            ),
            None,
        )
        if a is not None:
            assert a.pagu is not None and a.pagu_murni is not None
            sebab = (
                f", sedangkan pagu sub kegiatan {a.kode} berubah pada APBD-P dari "
                f"{format_rupiah(a.pagu_murni)} menjadi {format_rupiah(a.pagu)}: target "
                "kemungkinan tidak direvisi mengikuti anggaran perubahan."
            )
        elif menyebut_target_tetap(ind.penjelasan):
            sebab = (
                f" dijelaskan dengan target yang tidak direvisi (“{ind.penjelasan.strip()}”): "
                "penjelasan itu tidak menggantikan revisi; sesuaikan targetnya dalam PK "
                f"perubahan sehingga capaian {data.tahun} mengukur kinerja, bukan selisih anggaran."
            )
        else:
            continue
        assert ind.capaian is not None
        yield Temuan(
            kode="TARGET_TIDAK_DIREVISI",
            tingkat=Tingkat.PERINGATAN,
            pesan=(
                f"Capaian indikator “{ind.nama}” {format_angka(ind.capaian)}% (target "
                f"{ind.target}, realisasi {_nilai(ind.realisasi, ind.satuan)}){sebab}"
            ),
            lokasi=Lokasi(tabel=TABEL_REALISASI, uraian=ind.uraian, kolom="Target"),
            tercetak=ind.target,
            rumus="anggaran berubah → target ditinjau",
        )


@ATURAN_DATA.daftarkan("JUMLAH_ANGGARAN", Tingkat.GALAT, "Jumlah anggaran tidak sesuai rinciannya")
def jumlah_anggaran(data: DataUnit) -> Iterator[Temuan]:
    """Stored totals that their parts do not add up to (DOMAIN.md §5: totals are sums).

    A jenis belanja row stored with its own figures (5.1 Belanja Operasi) must
    equal the sum of its stored children (5.1.01, 5.1.02 …); the total of the
    jenis belanja table must equal the total of the sub kegiatan budget lines
    when both are stored (seed 002 Tabel 3.10 against the Lampiran).
    """
    if not data.jenis_belanja:
        return
    pohon = pohon_menurut_kode(data.jenis_belanja)

    def periksa(pos: PosAnggaran) -> Iterator[Temuan]:
        if pos.rincian:
            total = total_anggaran(pos)
            for nama, sendiri, hitung in (
                ("Pagu", pos.pagu, total.pagu),
                ("Realisasi", pos.realisasi, total.realisasi),
            ):
                if sendiri is None or hitung is None or sendiri == hitung:
                    continue
                yield _temuan_jumlah(
                    data,
                    Lokasi(tabel=TABEL_JENIS_BELANJA, uraian=f"{pos.kode} {pos.nama}", kolom=nama),
                    f"{nama.lower()} {pos.kode} {pos.nama}",
                    sendiri,
                    hitung,
                    f"jumlah rincian {', '.join(r.kode for r in pos.rincian)}",
                )
            for r in pos.rincian:
                yield from periksa(r)

    for pos in pohon:
        yield from periksa(pos)
    if not data.anggaran:
        return
    atas = [(p.pagu, p.realisasi) for p in pohon]
    for nama, belanja, sub in (
        ("Pagu", jumlah(p for p, _ in atas), jumlah(a.pagu for a in data.anggaran)),
        ("Realisasi", jumlah(r for _, r in atas), jumlah(a.realisasi for a in data.anggaran)),
    ):
        if belanja is None or sub is None or belanja == sub:
            continue
        yield _temuan_jumlah(
            data,
            Lokasi(tabel=TABEL_JENIS_BELANJA, uraian="Jumlah", kolom=nama),
            f"jumlah {nama.lower()} menurut jenis belanja",
            belanja,
            sub,
            "jumlah pagu/realisasi seluruh sub kegiatan",
        )


def _temuan_jumlah(
    data: DataUnit, lokasi: Lokasi, apa: str, tersimpan: Decimal, hitung: Decimal, rumus: str
) -> Temuan:
    return Temuan(
        kode="JUMLAH_ANGGARAN",
        tingkat=Tingkat.GALAT,
        pesan=(
            f"{apa[0].upper()}{apa[1:]} {data.tahun} tersimpan {format_rupiah(tersimpan)}, "
            f"seharusnya {format_rupiah(hitung)} ({rumus}; selisih "
            f"{format_rupiah(abs(tersimpan - hitung))})."
        ),
        lokasi=lokasi,
        tercetak=format_rupiah(tersimpan),
        seharusnya=format_rupiah(hitung),
        rumus=rumus,
    )


@ATURAN_DATA.daftarkan(
    "KUALITATIF_TAK_SEBANDING",
    Tingkat.GALAT,
    "Target kualitatif dengan realisasi angka, atau sebaliknya",
)
def kualitatif_tak_sebanding(data: DataUnit) -> Iterator[Temuan]:
    """A predikat target ("BB") with a numeric realisasi, or a numeric target with a predikat.

    DOMAIN.md §1: a qualitative target is measured on the predikat order
    D < … < AA; a number cannot be compared with it, so no capaian exists.
    """
    for ind in data.indikator:
        t = _target(ind.target)
        if t is None:
            continue
        kualitatif = isinstance(t, Predikat)
        for p, teks in ind.realisasi_periode.items():
            r = _realisasi(teks)
            if r is None or isinstance(r, Predikat) == kualitatif:
                continue
            harap = "predikat (AA, A, BB, B, CC, C atau D)" if kualitatif else "angka"
            yield Temuan(
                kode="KUALITATIF_TAK_SEBANDING",
                tingkat=Tingkat.GALAT,
                pesan=(
                    f"Realisasi {label_periode(p)} {data.tahun} indikator “{ind.nama}” "
                    f"tercatat {teks}, padahal targetnya {ind.target}: realisasi seharusnya "
                    f"berupa {harap} agar capaiannya dapat dihitung."
                ),
                lokasi=_lokasi_indikator(ind, p),
                tercetak=teks,
                seharusnya=harap,
                rumus="target dan realisasi sejenis",
            )


@ATURAN_DATA.daftarkan(
    "REALISASI_TURUNAN_DIKETIK",
    Tingkat.PERINGATAN,
    "Realisasi turunan juga diketik",
)
def realisasi_turunan_diketik(data: DataUnit) -> Iterator[Temuan]:
    """An indicator whose realisasi another module derives (DESIGN.md: "the system
    derives them instead of asking for them twice") but which was also typed.

    The derived value is the one the figures use; a typed value beside it is
    ignored and may disagree, so both are named.
    """
    for ind in data.indikator:
        if not ind.turunan or ind.realisasi_turunan is None:
            continue
        for p, teks in ind.realisasi_periode.items():
            if not teks.strip():
                continue
            turunan = _nilai(ind.realisasi_turunan)
            yield Temuan(
                kode="REALISASI_TURUNAN_DIKETIK",
                tingkat=Tingkat.PERINGATAN,
                pesan=(
                    f"Realisasi {label_periode(p)} {data.tahun} indikator “{ind.nama}” "
                    f"diketik {teks}, padahal realisasinya diturunkan otomatis "
                    f"({turunan}) dan nilai ketikan diabaikan: hapus isian itu "
                    f"(nilai yang berlaku {turunan})."
                ),
                lokasi=_lokasi_indikator(ind, p),
                tercetak=teks,
                seharusnya=turunan,
                rumus="realisasi turunan",
            )


def periksa_data(data: DataUnit, kode: list[str] | None = None) -> list[Temuan]:
    """All findings on a unit's stored year (or only those of the checks named in ``kode``)."""
    return ATURAN_DATA.jalankan(data, kode)
