"""Checks inside one row of a table, or one explicit total row (issue 8).

Each check recomputes a printed figure from the other figures of its row (or,
for a total row, from the rows above it), under the formula the document
itself states or the formulas that are admissible for the column, and reports
only what no admissible formula explains within the rounding of the printed
inputs (:mod:`~sakip.kinerja.periksa.presisi`). The domain rules are those of
:mod:`sakip.kinerja` (capaian, serapan, perbandingan, predikat, skala); the
interval arithmetic here only decides whether a printed value can be right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from sakip.kinerja.anggaran import melebihi_pagu, porsi, serapan, sisa_anggaran
from sakip.kinerja.angka import format_rupiah, jumlah, rata_rata
from sakip.kinerja.capaian import OpsiCapaian, Polaritas, RumusNegatif, capaian
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.perbandingan import efisiensi, perubahan_persen, selisih, tingkat_kemajuan
from sakip.kinerja.periksa.daftar import ATURAN_DOKUMEN
from sakip.kinerja.periksa.dokumen import Dokumen, Tabel
from sakip.kinerja.periksa.kolom import (
    JenisRumus,
    Kolom,
    Peran,
    kiri_terdekat,
    kolom_tabel,
    selaraskan,
)
from sakip.kinerja.periksa.presisi import (
    Selang,
    Tercetak,
    baca_tercetak,
    sesuai,
    sesuai_selang,
    tampil,
)
from sakip.kinerja.periksa.temuan import Lokasi, Temuan, Tingkat
from sakip.kinerja.predikat import Predikat, predikat_akip
from sakip.kinerja.skala import SKALA_BAWAAN, SkalaPenilaian
from sakip.kinerja.skala import Tingkat as TingkatSkala

SERATUS = Decimal(100)
POLA_BARIS_TOTAL = re.compile(
    r"^\W*(jumlah|total|rata[\s-]*rata|nilai hasil evaluasi|nilai akip)\b", re.IGNORECASE
)
"""A row that totals or averages the rows above it (seed 002 Tabel 3.6 "JUMLAH",
Tabel 3.2 "RATA-RATA PENCAPAIAN IKU"; seed 000 Tabel 3.1 "Nilai Hasil Evaluasi AKIP")."""


# ---------------------------------------------------------------- reading a table


@dataclass
class _TabelBaca:
    """A table with its column roles and its rows aligned under their headers."""

    tabel: Tabel
    kolom: list[Kolom]
    baris: list[list[str]]

    @classmethod
    def dari(cls, tabel: Tabel) -> _TabelBaca:
        kolom = kolom_tabel(tabel)
        return cls(tabel, kolom, [selaraskan(tabel, kolom, r) for r in range(len(tabel.baris))])

    def angka(self, r: int, k: int) -> Tercetak | None:
        isi = self.baris[r]
        return baca_tercetak(isi[k]) if k < len(isi) else None

    def pembaca(self, k: int) -> Callable[[int], Tercetak | None]:
        """The printed number of column ``k`` of a given row."""
        return lambda r: self.angka(r, k)

    def uraian(self, r: int) -> str:
        """The row's label: its last text cell under a text column, else its first text cell."""
        isi = self.baris[r]
        teks = [
            isi[k.indeks]
            for k in self.kolom
            if k.peran is Peran.URAIAN and k.indeks < len(isi) and _teks(isi[k.indeks])
        ]
        if teks:
            return teks[-1]
        lain = [s for s in isi if _teks(s)]
        return lain[0] if lain else ""

    def label_baris(self, r: int) -> str:
        """The first text cell of the row (where "JUMLAH" or "Kategori Penilaian" stands)."""
        lain = [s for s in self.baris[r] if _teks(s)]
        return lain[0] if lain else ""

    def total(self, r: int) -> bool:
        """A total or mean row: a total label that is the row's only text.

        An indicator named "Jumlah Temuan …" or a sub kegiatan "Jumlah Dokumen
        RKA-SKPD …" (seed 002 Tabel 3.6, 3.11) has a satuan or other text
        beside it, or a long name that says nothing of totals: it is a row.
        """
        label = self.label_baris(r)
        if not POLA_BARIS_TOTAL.match(label):
            return False
        isi = self.baris[r]
        # a label spanning two columns is read twice ("Jumlah | Jumlah"): one text
        teks_lain = {
            isi[k.indeks].strip().lower()
            for k in self.kolom
            if k.peran is not Peran.KATEGORI and k.indeks < len(isi) and _teks(isi[k.indeks])
        }
        if len(teks_lain) > 1:
            return False
        return len(label.split()) <= 4 or bool(
            re.search(
                r"keseluruhan|seluruh|realisasi anggaran|pencapaian|capaian|nilai hasil",
                label,
                re.IGNORECASE,
            )
        )

    def lokasi(self, r: int, k: Kolom) -> Lokasi:
        return Lokasi(
            tabel=self.tabel.nama,
            baris=r + 1,
            kolom=k.kepala or None,
            uraian=self.uraian(r) or None,
            baris_berkas=self.tabel.baris_sumber(r),
        )

    def temuan(
        self,
        kode: str,
        r: int,
        k: Kolom,
        apa: str,
        tercetak: str,
        seharusnya: str,
        alasan: str,
        rumus: str,
    ) -> Temuan:
        """A finding in the shape every message here takes: where, what is printed, what
        should stand there, and from what (issue 8: a reader corrects from the message alone)."""
        return Temuan(
            kode,
            Tingkat.GALAT,
            f"{self.tempat(r, k)}: {apa} tercetak {tercetak}, seharusnya {seharusnya} ({alasan}).",
            self.lokasi(r, k),
            tercetak=tercetak,
            seharusnya=seharusnya,
            rumus=rumus,
        )

    def tempat(self, r: int, k: Kolom) -> str:
        """Where, in a message: 'Tabel 3.16, baris 4, “…”, kolom “…”'."""
        return str(replace(self.lokasi(r, k), baris_berkas=None))


def _teks(s: str) -> bool:
    return bool(s.strip()) and baca_tercetak(s) is None and bool(re.search(r"[A-Za-z]", s))


def _tabel_baca(dok: Dokumen) -> Iterator[_TabelBaca]:
    for t in dok.tabel:
        if t.baris:
            yield _TabelBaca.dari(t)


def _kolom_berperan(dok: Dokumen, peran: Peran) -> Iterator[tuple[_TabelBaca, Kolom]]:
    """Every column of ``peran`` in the document, with its table."""
    for tb in _tabel_baca(dok):
        for k in tb.kolom:
            if k.peran is peran:
                yield tb, k


def _cocok(hitung: Selang | None, titik: Decimal | None, p: Tercetak) -> bool:
    """A printed value is right if the exact recomputation or some value of the interval gives it."""
    if titik is not None and sesuai(titik, p):
        return True
    return hitung is not None and sesuai_selang(hitung, p)


def _bagi(a: Selang, b: Selang) -> Selang | None:
    try:
        return a / b
    except KinerjaError:
        return None


# ---------------------------------------------------------------- capaian


@dataclass(frozen=True)
class _RumusCapaian:
    nama: str
    polaritas: Polaritas
    opsi: OpsiCapaian

    def selang(self, t: Selang, r: Selang) -> Selang | None:
        if self.polaritas is Polaritas.MAKSIMAL:
            hasil = _bagi(r, t)
        elif self.opsi.rumus_negatif is RumusNegatif.SELISIH:
            hasil = _bagi(t.kali(2) - r, t)
        else:
            hasil = _bagi(t, r)
        return hasil.kali(SERATUS) if hasil is not None else None

    def titik(self, t: Decimal, r: Decimal) -> Decimal | None:
        try:
            return capaian(t, r, self.polaritas, self.opsi)
        except KinerjaError:
            return None


RUMUS_CAPAIAN = (
    _RumusCapaian("realisasi / target × 100", Polaritas.MAKSIMAL, OpsiCapaian()),
    _RumusCapaian(
        "(2 × target − realisasi) / target × 100 (indikator negatif)",
        Polaritas.MINIMAL,
        OpsiCapaian(rumus_negatif=RumusNegatif.SELISIH),
    ),
    _RumusCapaian(
        "target / realisasi × 100 (indikator negatif)",
        Polaritas.MINIMAL,
        OpsiCapaian(rumus_negatif=RumusNegatif.RASIO),
    ),
)
"""The admissible capaian formulas: seed 002 §III.A.1 states the first two; the third
is found in other agencies' reports (DOMAIN.md §1). Target 0 follows capaian()."""


_SATUAN_MALAR = re.compile(r"indeks|nilai|persen|%|skor|angka|rasio|poin", re.IGNORECASE)


def _rumus_cocok(rumus: _RumusCapaian, t: Tercetak, r: Tercetak, p: Tercetak, malar: bool) -> bool:
    """Whether ``rumus`` gives the printed capaian from the printed target and realisasi.

    A target is set as printed; a realisasi measured on a continuous scale
    (an index, a score, a percentage) may be printed rounded even when whole
    ("97 Indeks" may be 97,4: seed 000 Tabel 3.19 prints 115 for 85 → 97).
    """
    return _cocok(
        rumus.selang(t.selang(), r.selang(tepat_bila_bulat=not malar)),
        rumus.titik(t.nilai, r.nilai),
        p,
    )


@ATURAN_DOKUMEN.daftarkan(
    "CAPAIAN_HITUNG", Tingkat.GALAT, "Capaian (%) tidak sesuai target dan realisasi"
)
def cek_capaian(dok: Dokumen) -> Iterator[Temuan]:
    """Capaian (%) vs realisasi and target of its row (DOMAIN.md §1; seed 000 Tabel 3.3/3.4, seed 002 Tabel 3.2).

    The formula is the column's stated one ("6=5/4*100") when there is one,
    else any admissible one (:data:`RUMUS_CAPAIAN`); a finding assumes the
    formula most rows of the column fit. A column none of whose rows fits any
    formula is not read as a capaian of these columns and is left alone.
    """
    for tb, kc in _kolom_berperan(dok, Peran.CAPAIAN):
        if kc.rumus is not None and kc.rumus.jenis is JenisRumus.RASIO:
            ir, it = kc.rumus.a, kc.rumus.b
            calon: tuple[_RumusCapaian, ...] = RUMUS_CAPAIAN[:1]
        else:
            kt = kiri_terdekat(tb.kolom, kc, Peran.TARGET)
            kr = kiri_terdekat(tb.kolom, kc, Peran.REALISASI)
            if kt is None or kr is None:
                continue
            it, ir = kt.indeks, kr.indeks
            calon = RUMUS_CAPAIAN
        satuan_kolom = [k for k in tb.kolom if k.peran is Peran.SATUAN]
        baris: list[tuple[int, Tercetak, Tercetak, Tercetak, list[_RumusCapaian]]] = []
        for r in range(len(tb.baris)):
            p, t, re_ = tb.angka(r, kc.indeks), tb.angka(r, it), tb.angka(r, ir)
            if p is None or t is None or re_ is None or t.nilai < 0:
                continue
            satuan = " ".join([re_.teks, t.teks, *(tb.baris[r][k.indeks] for k in satuan_kolom)])
            malar = bool(_SATUAN_MALAR.search(re.sub(r"[\d.,\s]", " ", satuan)))
            baris.append((r, p, t, re_, [f for f in calon if _rumus_cocok(f, t, re_, p, malar)]))
        if not baris or not any(cocok for *_, cocok in baris):
            continue
        anggap = max(calon, key=lambda f: sum(f in cocok for *_, cocok in baris))
        for r, p, t, re_, cocok in baris:
            if cocok:
                continue
            benar = anggap.titik(t.nilai, re_.nilai)
            if benar is None:
                continue
            rumus = kc.rumus.teks if kc.rumus is not None else anggap.nama
            yield tb.temuan(
                "CAPAIAN_HITUNG",
                r,
                kc,
                "capaian",
                p.teks,
                tampil(benar),
                f"rumus {anggap.nama}: target {t.teks}, realisasi {re_.teks}",
                rumus,
            )


# ---------------------------------------------------------------- budget


def _pasangan_anggaran(tb: _TabelBaca, k: Kolom) -> tuple[int, int] | None:
    """(pagu, budget realisasi) columns a budget percentage is computed from."""
    if k.rumus is not None and k.rumus.jenis is JenisRumus.RASIO:
        return k.rumus.b, k.rumus.a
    kp = kiri_terdekat(tb.kolom, k, Peran.PAGU)
    kr = kiri_terdekat(tb.kolom, k, Peran.REALISASI_ANGGARAN)
    if kp is None or kr is None:
        return None
    return kp.indeks, kr.indeks


@ATURAN_DOKUMEN.daftarkan(
    "SERAPAN_HITUNG", Tingkat.GALAT, "Persentase anggaran tidak sesuai pagu dan realisasi"
)
def cek_serapan(dok: Dokumen) -> Iterator[Temuan]:
    """Budget % vs realisasi / pagu × 100 in the same row (seed 000 Tabel 2.5, 3.17–3.19; seed 002 Tabel 3.11)."""
    for tb, k in _kolom_berperan(dok, Peran.SERAPAN):
        pasangan = _pasangan_anggaran(tb, k)
        if pasangan is None:
            continue
        ip, ir = pasangan
        yield from _cek_persen_anggaran(
            tb,
            k,
            ir,
            tb.pembaca(ip),
            "SERAPAN_HITUNG",
            "persentase anggaran",
            "pagu",
            serapan,
        )


def _cek_persen_anggaran(
    tb: _TabelBaca,
    k: Kolom,
    ir: int,
    pagu_baris: Callable[[int], Tercetak | None],
    kode: str,
    sebutan: str,
    nama_pagu: str,
    fungsi: Callable[[Decimal, Decimal], Decimal | None],
) -> Iterator[Temuan]:
    """A budget percentage = the row's realisasi / a pagu × 100 (the row's, or the total's)."""
    for r in range(len(tb.baris)):
        p, pagu, real = tb.angka(r, k.indeks), pagu_baris(r), tb.angka(r, ir)
        if p is None or pagu is None or real is None or pagu.nilai <= 0:
            continue
        benar = fungsi(real.nilai, pagu.nilai)
        assert benar is not None
        hitung = _bagi(real.selang(), pagu.selang())
        if _cocok(hitung.kali(SERATUS) if hitung else None, benar, p):
            continue
        yield tb.temuan(
            kode,
            r,
            k,
            sebutan,
            p.teks,
            tampil(benar),
            f"realisasi {real.teks} / {nama_pagu} {pagu.teks} × 100",
            f"{sebutan} = realisasi / {nama_pagu} × 100",
        )


@ATURAN_DOKUMEN.daftarkan(
    "REALISASI_MELEBIHI_PAGU", Tingkat.PERINGATAN, "Realisasi anggaran melebihi pagu"
)
def cek_melebihi_pagu(dok: Dokumen) -> Iterator[Temuan]:
    """Budget realisasi above its pagu in a row (seed 000 Tabel 3.19 "Fasilitasi Kunjungan Tamu").

    A warning, not an error: the figures may be printed as recorded (our own
    report of the Kaltim demo data prints the same row), yet spending above
    the pagu breaks the APBD and must be corrected or explained.
    """
    for tb, k in _kolom_berperan(dok, Peran.REALISASI_ANGGARAN):
        kp = kiri_terdekat(tb.kolom, k, Peran.PAGU)
        if kp is None:
            continue
        for r in range(len(tb.baris)):
            pagu, real = tb.angka(r, kp.indeks), tb.angka(r, k.indeks)
            if pagu is None or real is None or not melebihi_pagu(real.nilai, pagu.nilai):
                continue
            lebih = real.nilai - pagu.nilai
            persen = serapan(real.nilai, pagu.nilai)
            yield Temuan(
                "REALISASI_MELEBIHI_PAGU",
                Tingkat.PERINGATAN,
                f"{tb.tempat(r, k)}: realisasi anggaran {real.teks} melebihi pagu "
                f"{pagu.teks} sebesar {format_rupiah(lebih)}"
                + (f" ({tampil(persen)}% dari pagu)" if persen is not None else "")
                + f"; realisasi seharusnya paling banyak {pagu.teks}.",
                tb.lokasi(r, k),
                tercetak=real.teks,
                seharusnya=f"≤ {pagu.teks}",
                rumus="realisasi anggaran ≤ pagu",
            )


# ---------------------------------------------------------------- differences and ratios


@dataclass(frozen=True)
class _Rumus2:
    """A formula over two cells of the row: its name, its interval form and its exact form."""

    nama: str
    selang: Callable[[Selang, Selang], Selang | None]
    titik: Callable[[Decimal, Decimal], Decimal | None]


def _r_selisih(nama: str) -> _Rumus2:
    return _Rumus2(nama, lambda a, b: a - b, lambda a, b: selisih(a, b))


def _r_perubahan(nama: str) -> _Rumus2:
    def sel(a: Selang, b: Selang) -> Selang | None:
        h = _bagi(a, b)
        return (h - Selang.tepat(1)).kali(SERATUS) if h is not None else None

    return _Rumus2(nama, sel, lambda a, b: perubahan_persen(a, b))


def _r_rasio(nama: str, titik: Callable[[Decimal, Decimal], Decimal | None]) -> _Rumus2:
    def sel(a: Selang, b: Selang) -> Selang | None:
        h = _bagi(a, b)
        return h.kali(SERATUS) if h is not None else None

    return _Rumus2(nama, sel, titik)


def _kemajuan(a: Decimal, b: Decimal) -> Decimal | None:
    return tingkat_kemajuan(a, b)


def _rasio_persen(a: Decimal, b: Decimal) -> Decimal | None:
    return serapan(a, b) if b > 0 else None


_SEBUTAN = {
    Peran.EFISIENSI: "tingkat efisiensi",
    Peran.PERUBAHAN: "perubahan",
    Peran.KEMAJUAN: "tingkat kemajuan",
    Peran.SISA: "sisa anggaran",
}

_NAMA_RUMUS = {
    JenisRumus.RASIO: "kolom {a} / kolom {b} × 100",
    JenisRumus.SELISIH: "kolom {a} − kolom {b}",
    JenisRumus.PERUBAHAN: "(kolom {a} / kolom {b} − 1) × 100",
}


_TURUNAN_BAWAAN: dict[Peran, tuple[Peran, Peran, _Rumus2]] = {
    Peran.EFISIENSI: (
        Peran.CAPAIAN,
        Peran.SERAPAN,
        _Rumus2(
            "tingkat efisiensi = capaian kinerja − penyerapan anggaran",
            lambda a, b: a - b,
            efisiensi,
        ),
    ),
    Peran.SISA: (
        Peran.PAGU,
        Peran.REALISASI_ANGGARAN,
        _Rumus2("sisa = pagu − realisasi", lambda a, b: a - b, sisa_anggaran),
    ),
    Peran.KEMAJUAN: (
        Peran.REALISASI,
        Peran.TARGET,
        _r_rasio("tingkat kemajuan = realisasi / target akhir Renstra × 100", _kemajuan),
    ),
}
"""A derived column whose formula the document does not state: its two inputs and
formula (DOMAIN.md §4, §6; seed 002 Tabel 3.12, 3.10; seed 000 Tabel 3.6)."""


def _rumus_turunan(tb: _TabelBaca, k: Kolom) -> tuple[int, int, list[_Rumus2]] | None:
    """The two input columns of a derived column and the admissible formulas over them."""
    if k.rumus is not None:
        nama = f"{k.rumus.teks}: " + _NAMA_RUMUS[k.rumus.jenis].format(
            a=_nama_kolom(tb, k.rumus.a), b=_nama_kolom(tb, k.rumus.b)
        )
        if k.rumus.jenis is JenisRumus.SELISIH:
            rumus = _r_selisih(nama)
        elif k.rumus.jenis is JenisRumus.PERUBAHAN:
            rumus = _r_perubahan(nama)
        else:
            rumus = _r_rasio(nama, _kemajuan if k.peran is Peran.KEMAJUAN else _rasio_persen)
        return k.rumus.a, k.rumus.b, [rumus]
    bawaan = _TURUNAN_BAWAAN.get(k.peran)
    if bawaan is not None:
        peran_a, peran_b, rumus_bawaan = bawaan
        ka = kiri_terdekat(tb.kolom, k, peran_a)
        kb = kiri_terdekat(tb.kolom, k, peran_b)
        if ka is None or kb is None:
            return None
        return ka.indeks, kb.indeks, [rumus_bawaan]
    if k.peran is Peran.PERUBAHAN:
        return _perubahan_tanpa_rumus(tb, k)
    return None


def _perubahan_tanpa_rumus(tb: _TabelBaca, k: Kolom) -> tuple[int, int, list[_Rumus2]] | None:
    """A change column whose formula is not stated: this year's column against last year's.

    The years are those its header names ("Peningkatan/ Penurunan Capaian
    2022-2023", seed 000 Tabel 3.1), else the two last year columns to its
    left. A header with "%" is a change in percent; otherwise both a change
    in points and in percent are admissible, and a finding assumes points.
    """
    tahun = [int(t) for t in re.findall(r"\b(20\d\d)\b", k.kepala)]
    kiri = [c for c in tb.kolom[: k.indeks] if c.tahun is not None]
    if len(tahun) >= 2:
        lalu, kini = tahun[-2], tahun[-1]
    else:
        th = sorted({c.tahun for c in kiri if c.tahun is not None})
        if len(th) < 2:
            return None
        lalu, kini = th[-2], th[-1]
    kol_kini = [c for c in kiri if c.tahun == kini]
    kol_lalu = [c for c in kiri if c.tahun == lalu]
    if len(kol_kini) != 1 or len(kol_lalu) != 1 or kol_kini[0].peran is not kol_lalu[0].peran:
        return None
    persen = _r_perubahan(f"perubahan = ({kini} / {lalu} − 1) × 100")
    poin = _r_selisih(f"perubahan = nilai {kini} − nilai {lalu}")
    rumus = [persen] if k.persen else [poin, persen]
    return kol_kini[0].indeks, kol_lalu[0].indeks, rumus


def _nama_kolom(tb: _TabelBaca, i: int) -> str:
    kepala = tb.kolom[i].kepala if i < len(tb.kolom) else ""
    return f"({i + 1}) {kepala}".strip() if kepala else f"({i + 1})"


@ATURAN_DOKUMEN.daftarkan(
    "SELISIH_HITUNG", Tingkat.GALAT, "Selisih, perubahan, kemajuan atau efisiensi tidak sesuai"
)
def cek_selisih(dok: Dokumen) -> Iterator[Temuan]:
    """Columns derived from two others in the same row (DOMAIN.md §4, §6).

    Efficiency "5=3-4" (seed 000 Tabel 3.16, seed 002 Tabel 3.12), change in
    points (seed 000 Tabel 3.1: −1,57 where 13,60 − 15,20 = −1,60), change in
    percent "8=(7/6-1)*100" (Tabel 3.5), tingkat kemajuan "6=5/4*100" (Tabel
    3.6), sisa anggaran and tertimbang (seed 002 Tabel 3.10).
    """
    for tb in _tabel_baca(dok):
        for k in tb.kolom:
            if k.peran is Peran.TERTIMBANG:
                yield from _cek_tertimbang(tb, k)
                continue
            if k.rumus is None and k.peran not in (
                Peran.EFISIENSI,
                Peran.SISA,
                Peran.KEMAJUAN,
                Peran.PERUBAHAN,
            ):
                continue
            turunan = _rumus_turunan(tb, k)
            if turunan is None:
                continue
            ia, ib, rumus = turunan
            if k.peran in (Peran.CAPAIAN, Peran.SERAPAN):
                continue  # checked by CAPAIAN_HITUNG / SERAPAN_HITUNG
            for r in range(len(tb.baris)):
                p, a, b = tb.angka(r, k.indeks), tb.angka(r, ia), tb.angka(r, ib)
                if p is None or a is None or b is None:
                    continue
                if any(
                    _cocok(f.selang(a.selang(), b.selang()), f.titik(a.nilai, b.nilai), p)
                    for f in rumus
                ):
                    continue
                f = rumus[0]
                benar = f.titik(a.nilai, b.nilai)
                if benar is None:
                    continue
                teks_benar = format_rupiah(benar) if k.peran is Peran.SISA else tampil(benar)
                yield tb.temuan(
                    "SELISIH_HITUNG",
                    r,
                    k,
                    _SEBUTAN.get(k.peran, "nilai"),
                    p.teks,
                    teks_benar,
                    f"{f.nama}; dari {a.teks} dan {b.teks}",
                    f.nama,
                )


def _cek_tertimbang(tb: _TabelBaca, k: Kolom) -> Iterator[Temuan]:
    """Tertimbang (%) = a row's realisasi / the total pagu × 100 (seed 002 Tabel 3.10)."""
    kp = kiri_terdekat(tb.kolom, k, Peran.PAGU)
    kr = kiri_terdekat(tb.kolom, k, Peran.REALISASI_ANGGARAN)
    total = [r for r in range(len(tb.baris)) if tb.total(r)]
    if kp is None or kr is None or len(total) != 1:
        return
    pagu_total = tb.angka(total[0], kp.indeks)
    yield from _cek_persen_anggaran(
        tb,
        k,
        kr.indeks,
        lambda _r: pagu_total,
        "SELISIH_HITUNG",
        "tertimbang",
        "jumlah pagu",
        porsi,
    )


# ---------------------------------------------------------------- totals and means


_KOLOM_JUMLAH = (
    Peran.TARGET,
    Peran.REALISASI,
    Peran.CAPAIAN,
    Peran.PAGU,
    Peran.REALISASI_ANGGARAN,
    Peran.SISA,
    Peran.NILAI,
    Peran.LAIN,
)
"""Columns a total row adds up or averages; a budget %, a tertimbang or a change of a
total row is a ratio of its own row, which SERAPAN_HITUNG and SELISIH_HITUNG check."""


def _tingkat_hierarki(nilai: list[Tercetak]) -> tuple[list[int], list[int]]:
    """(top-level, leaves) of rows that may nest: a row equal to the sum of the rows
    right after it (or right before it) is their parent (seed 002 Tabel 3.10
    "BELANJA OPERASI"; seed 000 "Minimal BB" after AA, A and BB)."""
    n = len(nilai)
    induk: set[int] = set()
    anak: set[int] = set()
    for i in range(n):
        for arah in (1, -1):
            s = Selang.tepat(0)
            j = i + arah
            while 0 <= j < n:
                s = s + nilai[j].selang()
                # two rows at least: equal neighbours are siblings more often than parent and child
                if abs(j - i) >= 2 and _cocok(s, None, nilai[i]) and nilai[i].nilai != 0:
                    induk.add(i)
                    anak.update(range(min(i, j), max(i, j) + 1))
                    anak.discard(i)
                    break
                j += arah
    atas = [i for i in range(n) if i not in anak]
    daun = [i for i in range(n) if i not in induk]
    return atas, daun


_POLA_KODE = re.compile(r"^\d+(?:\.\d+)*$")


def _teratas_menurut_kode(tabel: Tabel, baris: list[int]) -> list[int]:
    """The top-level rows among ``baris`` by their Permendagri 90/2019 code.

    A table with a code column (our own budget tables: "4.01.03" program,
    "4.01.03.2.02" kegiatan, "4.01.03.2.02.0001" sub kegiatan, and "-" for a
    Bagian that groups them) nests by the code's depth; a parent with a single
    child prints the same money twice, which sums of neighbours cannot tell
    apart, so the code decides. [] when the table has no code column.
    """
    for c in range(tabel.lebar):
        sel = [tabel.sel(r, c).strip() for r in baris]
        kode = [s for s in sel if _POLA_KODE.match(s) and "." in s]
        if len(kode) < max(2, len(sel) // 2):
            continue
        if any(s == "-" for s in sel):
            return [r for r, s in zip(baris, sel, strict=True) if s == "-"]
        dalam = min(s.count(".") for s in kode)
        return [
            r
            for r, s in zip(baris, sel, strict=True)
            if _POLA_KODE.match(s) and s.count(".") == dalam
        ]
    return []


def _jumlah_cocok(nilai: list[Tercetak], p: Tercetak) -> bool:
    atas, daun = _tingkat_hierarki(nilai)
    for pilih in (list(range(len(nilai))), atas, daun):
        if not pilih:
            continue
        s = Selang.tepat(0)
        for i in pilih:
            s = s + nilai[i].selang()
        rata = Selang(s.bawah / len(pilih), s.atas / len(pilih))
        titik = jumlah(nilai[i].nilai for i in pilih)
        if _cocok(s, titik, p) or _cocok(rata, None, p):
            return True
    return False


@ATURAN_DOKUMEN.daftarkan(
    "JUMLAH_HITUNG", Tingkat.GALAT, "Baris jumlah atau rata-rata tidak sesuai"
)
def cek_jumlah(dok: Dokumen) -> Iterator[Temuan]:
    """An explicit total or mean row vs the rows above it.

    A row labelled JUMLAH/TOTAL/RATA-RATA/"Nilai Hasil Evaluasi AKIP" is right
    when it is the sum or the mean of the printed rows above it (back to the
    previous total row; or of all rows above; or of the total rows above), or
    of their top-level rows or leaves when the rows nest. Seed 002 Tabel 3.6's
    "JUMLAH" is the mean of its capaian: it fits the mean, so it is right. A
    mean that matches the printed children is right even when a child is
    wrong: the child is reported by its own check.
    """
    for tb in _tabel_baca(dok):
        total = [r for r in range(len(tb.baris)) if tb.total(r)]
        for r in total:
            batas = [-1, *(t for t in total if t < r)]
            # the rows since the previous total, since any earlier total (a program's
            # grand total after its kegiatan totals), since the top; and the totals above
            himpunan_anak = [
                [i for i in range(b + 1, r) if i not in total] for b in reversed(batas)
            ] + [[i for i in total if i < r]]
            rata_label = bool(re.search(r"rata", tb.label_baris(r), re.IGNORECASE))
            for k in tb.kolom:
                if k.peran not in _KOLOM_JUMLAH:
                    continue
                p = tb.angka(r, k.indeks)
                if p is None:
                    continue
                if any(
                    _tak_terbaca(tb.baris[i][k.indeks])
                    for i in range(r)
                    if k.indeks < len(tb.baris[i])
                ):
                    continue  # a child that is not a number ("1.024144.900,00"): no sum to check
                calon: list[list[Tercetak]] = []
                for himpunan in himpunan_anak:
                    isi = [a for i in himpunan if (a := tb.angka(i, k.indeks)) is not None]
                    if isi:
                        calon.append(isi)
                    teratas = _teratas_menurut_kode(tb.tabel, himpunan)
                    isi = [a for i in teratas if (a := tb.angka(i, k.indeks)) is not None]
                    if isi:
                        calon.append(isi)
                if not calon or any(_jumlah_cocok(c, p) for c in calon):
                    continue
                if _sel_gabungan_cocok(tb, r, k.indeks, himpunan_anak[0], p):
                    continue
                # reported against the rows since the previous total, or, for a total
                # right under another one (a grand total), against every row above
                blok = [
                    a
                    for i in (himpunan_anak[0] or himpunan_anak[len(batas) - 1])
                    if (a := tb.angka(i, k.indeks)) is not None
                ]
                anak = blok or calon[0]
                atas, _ = _tingkat_hierarki(anak)
                pilih = [anak[i].nilai for i in atas] if atas else [a.nilai for a in anak]
                if rata_label:
                    benar = rata_rata(pilih)
                    nama = "rata-rata baris di atasnya"
                else:
                    benar = jumlah(pilih)
                    nama = "jumlah baris di atasnya"
                assert benar is not None
                teks_benar = tampil(benar, p.tempat if not rata_label else 2)
                rincian = " + ".join(a.teks for a in anak[:8]) + (" + …" if len(anak) > 8 else "")
                yield tb.temuan(
                    "JUMLAH_HITUNG",
                    r,
                    k,
                    "rata-rata" if rata_label else "jumlah",
                    p.teks,
                    teks_benar,
                    f"{nama}: {rincian}",
                    nama,
                )


def _sel_gabungan_cocok(tb: _TabelBaca, r: int, c: int, anak: list[int], p: Tercetak) -> bool:
    """Whether a total spans the empty cells to its right, and adds up over them.

    Seed 000's staff table prints "Jumlah Non PNS | 264 | 264 |": the second 264
    is one cell merged over the L and P columns (173 + 91), read into the first.
    A merged cell is the group's value, so it is checked against the group.
    """
    kanan = c + 1
    while kanan < len(tb.baris[r]) and not tb.baris[r][kanan].strip() and kanan - c <= 3:
        kanan += 1
    if kanan == c + 1 or not anak:
        return False
    isi = [a for i in anak for j in range(c, kanan) if (a := tb.angka(i, j)) is not None]
    return bool(isi) and _jumlah_cocok(isi, p)


def _tak_terbaca(teks: str) -> bool:
    t = teks.strip()
    return (
        bool(re.search(r"\d", t)) and baca_tercetak(t) is None and not re.search(r"[A-Za-z]{3}", t)
    )


# ---------------------------------------------------------------- scores and predikat


def _predikat_sel(teks: str) -> Predikat | None:
    m = re.match(r"^\s*([A-D]{1,2})\b", teks.strip())
    if not m or not Predikat.cocok(m.group(1)):
        return None
    return Predikat.dari_teks(m.group(1))


def _predikat_mungkin(p: Tercetak) -> set[Predikat]:
    """The predikat of every value that prints as ``p`` (80,00 may be 79,996: BB or A)."""
    s = p.selang(tepat_bila_bulat=False)
    bawah = max(s.bawah, Decimal(0))
    atas = min(s.atas, Decimal(100))
    return {predikat_akip(bawah), predikat_akip(atas), predikat_akip(p.nilai)}


def _pasangan_nilai_predikat(
    tb: _TabelBaca,
) -> Iterator[tuple[int, Kolom, Tercetak, int, Predikat]]:
    """(row of the score, its column, the score, row of the predikat, the predikat)."""
    for kk in tb.kolom:
        if kk.peran is not Peran.KATEGORI:
            continue
        kn = kiri_terdekat(tb.kolom, kk, Peran.NILAI)
        if kn is None:
            continue
        for r in range(len(tb.baris)):
            n, pr = tb.angka(r, kn.indeks), _predikat_sel(tb.baris[r][kk.indeks])
            if n is not None and pr is not None:
                yield r, kn, n, r, pr
    for r in range(1, len(tb.baris)):
        if not re.search(r"kategori|predikat", tb.label_baris(r), re.IGNORECASE):
            continue
        for k in tb.kolom:
            if k.peran is not Peran.NILAI or k.indeks >= len(tb.baris[r]):
                continue
            pr = _predikat_sel(tb.baris[r][k.indeks])
            n = tb.angka(r - 1, k.indeks)
            if pr is not None and n is not None:
                yield r - 1, k, n, r, pr


@ATURAN_DOKUMEN.daftarkan("PREDIKAT_NILAI", Tingkat.GALAT, "Predikat tidak sesuai nilai")
def cek_predikat(dok: Dokumen) -> Iterator[Temuan]:
    """A predikat beside (or under) an AKIP score vs predikat_akip (PermenPAN-RB 88/2021).

    Seed 000 Tabel 3.1 "Kategori Penilaian" and the 37-PD recap ("Hasil
    Evaluasi", "Kategori/ Interpretasi"). A score outside 0–100 is left to
    NILAI_DI_LUAR_RENTANG.
    """
    for tb in _tabel_baca(dok):
        for _rn, kn, n, rp, pr in _pasangan_nilai_predikat(tb):
            if not Decimal(0) <= n.nilai <= Decimal(100):
                continue
            if pr in _predikat_mungkin(n):
                continue
            benar = predikat_akip(n.nilai)
            yield tb.temuan(
                "PREDIKAT_NILAI",
                rp,
                kn,
                "predikat",
                pr.kode,
                benar.kode,
                f"nilai {n.teks} → {benar.kode} {benar.sebutan}, PermenPAN-RB 88/2021",
                "predikat AKIP menurut nilai (AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30)",
            )


def _tabel_nilai_akip(tb: _TabelBaca) -> bool:
    if any(k.peran is Peran.KATEGORI for k in tb.kolom):
        return True
    teks = " ".join([tb.tabel.judul, *(k.kepala for k in tb.kolom)]).lower()
    return bool(re.search(r"akip|sakip|akuntabilitas|ikm|kepuasan|hasil evaluasi", teks))


def _nilai_sendiri(dok: Dokumen) -> list[tuple[Tercetak, str]]:
    """The unit's own AKIP scores the document prints (seed 000 Tabel 3.1 "Nilai Hasil Evaluasi AKIP")."""
    hasil: list[tuple[Tercetak, str]] = []
    for tb in _tabel_baca(dok):
        for r in range(len(tb.baris)):
            if not re.search(r"nilai hasil evaluasi|nilai akip", tb.label_baris(r), re.IGNORECASE):
                continue
            for k in tb.kolom:
                n = tb.angka(r, k.indeks) if k.peran is Peran.NILAI else None
                if n is not None and 0 <= n.nilai <= 100:
                    hasil.append((n, tb.tempat(r, k)))
    return hasil


def _salah_ketik(p: Tercetak, calon: list[tuple[Tercetak, str]]) -> tuple[Tercetak, str] | None:
    """A score of the document that ``p`` is with one digit too many (814,80 → 81,80)."""
    digit = re.sub(r"\D", "", p.teks)
    for n, tempat in calon:
        if n.tempat != p.tempat:
            continue
        target = re.sub(r"\D", "", n.teks)
        if any(digit[:i] + digit[i + 1 :] == target for i in range(len(digit))):
            return n, tempat
    return None


@ATURAN_DOKUMEN.daftarkan(
    "NILAI_DI_LUAR_RENTANG", Tingkat.GALAT, "Nilai AKIP atau IKM di luar 0–100"
)
def cek_rentang_nilai(dok: Dokumen) -> Iterator[Temuan]:
    """An AKIP score or an IKM outside 0–100 (PermenPAN-RB 88/2021, 14/2017).

    Seed 000's 37-PD recap prints "Sekretariat Daerah 814,80"; when the
    document prints a score of its own that the value is with one digit too
    many (Tabel 3.1's 81,80), the finding names it. Capaian is not bounded
    and is never checked here.
    """
    sendiri: list[tuple[Tercetak, str]] | None = None
    for tb in _tabel_baca(dok):
        if not _tabel_nilai_akip(tb):
            continue
        for k in tb.kolom:
            if k.peran is not Peran.NILAI:
                continue
            for r in range(len(tb.baris)):
                n = tb.angka(r, k.indeks)
                if n is None or Decimal(0) <= n.nilai <= Decimal(100):
                    continue
                if sendiri is None:
                    sendiri = _nilai_sendiri(dok)
                ketik = _salah_ketik(n, sendiri)
                tambahan = (
                    f"; kemungkinan salah ketik: {ketik[1]} mencetak {ketik[0].teks}"
                    if ketik
                    else ""
                )
                yield Temuan(
                    "NILAI_DI_LUAR_RENTANG",
                    Tingkat.GALAT,
                    f"{tb.tempat(r, k)}: nilai {n.teks} di luar rentang 0–100{tambahan}.",
                    tb.lokasi(r, k),
                    tercetak=n.teks,
                    seharusnya=ketik[0].teks if ketik else "0–100",
                    rumus="0 ≤ nilai ≤ 100",
                )


# ---------------------------------------------------------------- category scales


def _skala_dokumen(dok: Dokumen, skala: SkalaPenilaian) -> SkalaPenilaian:
    """The scale as the document defines it in a table of its own (seed 002 Tabel 3.1), else ``skala``.

    The table names every level; each level's lower bound is the first number
    in its row (“≥ 100%”, “70% < 100%”); the lowest level keeps none.
    """
    nama = [t.nama.lower() for t in skala.tingkat]
    for t in dok.tabel:
        batas: dict[str, Decimal | None] = {}
        for b in t.baris:
            sel = [s.strip().lower() for s in b]
            for i, nm in enumerate(nama):
                if nm in sel and nm not in batas:
                    angka = re.findall(r"\d+(?:[.,]\d+)?", " ".join(b[: sel.index(nm)]))
                    bawah = [a for a in angka if not re.fullmatch(r"\d", a)]
                    batas[nm] = Decimal(bawah[0].replace(",", ".")) if bawah else None
                    if i == len(nama) - 1:
                        batas[nm] = None
        if len(batas) != len(nama) or any(batas[n] is None for n in nama[:-1]):
            continue
        try:
            return SkalaPenilaian(
                nama=f"{skala.nama} — {t.nama}",
                tingkat=tuple(
                    TingkatSkala(s.kode, s.nama, batas[s.nama.lower()], s.warna)
                    for s in skala.tingkat
                ),
                batas_bawah_inklusif=skala.batas_bawah_inklusif,
            )
        except KinerjaError:
            continue
    return skala


def _skala_sel(teks: str) -> tuple[SkalaPenilaian, TingkatSkala] | None:
    bersih = re.sub(r"\s+", " ", teks).strip().lower()
    for skala in SKALA_BAWAAN.values():
        for t in skala.tingkat:
            if bersih == t.nama.lower():
                return skala, t
    return None


@ATURAN_DOKUMEN.daftarkan("KATEGORI_SKALA", Tingkat.GALAT, "Kategori capaian tidak sesuai skala")
def cek_kategori(dok: Dokumen) -> Iterator[Temuan]:
    """A category printed beside a capaian vs the scale (DOMAIN.md §7).

    The scale the document defines itself (seed 002 Tabel 3.1) is preferred;
    else the built-in scale whose level names the cells use (four levels by
    default, or Permendagri 86/2017's five).
    """
    skala_dok: dict[str, SkalaPenilaian] = {}
    for tb, kk in _kolom_berperan(dok, Peran.KATEGORI):
        kc = kiri_terdekat(tb.kolom, kk, Peran.CAPAIAN)
        if kc is None:
            continue
        for r in range(len(tb.baris)):
            cel = _skala_sel(tb.baris[r][kk.indeks]) if kk.indeks < len(tb.baris[r]) else None
            p = tb.angka(r, kc.indeks)
            if cel is None or p is None:
                continue
            bawaan, tercetak = cel
            if bawaan.nama not in skala_dok:
                skala_dok[bawaan.nama] = _skala_dokumen(dok, bawaan)
            skala = skala_dok[bawaan.nama]
            s = p.selang(tepat_bila_bulat=False)
            mungkin = {
                t.nama.lower()
                for v in (s.bawah, p.nilai, s.atas)
                if (t := skala.kategori(v)) is not None
            }
            if tercetak.nama.lower() in mungkin:
                continue
            benar = skala.kategori(p.nilai)
            assert benar is not None
            yield tb.temuan(
                "KATEGORI_SKALA",
                r,
                kk,
                "kategori",
                tercetak.nama,
                benar.nama,
                f"capaian {p.teks} menurut skala {skala.nama}",
                f"skala {skala.nama}",
            )
