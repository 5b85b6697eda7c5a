"""Narrative sentences in Bahasa Indonesia, written from the computed figures.

PermenPAN-RB 53/2014 asks the LKjIP to explain, per sasaran and indicator, the
target against the realisasi, the comparison with earlier years and with the
Renstra end target, and the efficiency of the resources used (DOMAIN.md §10).
The seeds' Bab III analyses open every indicator with the same few sentences
of figures ("Target Renstra ... adalah 71, hasil penilaian ... adalah 86,69
sehingga capaian kinerja ... lebih tinggi dari target", seed 000; "pada tahun
2023 sebesar 102,94% dikategorikan Berhasil ... mengalami kenaikan sebesar
21,69%", seed 002). This module writes those sentences so that they are always
consistent with the tables.

The generated text stands beside the operator's own narrative (faktor
pendorong, penghambat, permasalahan, solusi) and never replaces it: it states
what the numbers say, while the causes and the remedies stay the unit's words.

Conventions: the percent sign is written attached to the number ("85%"), as
the seeds' prose and PUEBI write it; computed figures (capaian, perubahan,
kemajuan, serapan, efisiensi) keep two decimals ("122,10%"); targets are
printed as entered ("71", "85,5"); realisasi without decimals when whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip.kinerja.angka import format_angka, format_rupiah
from sakip.kinerja.capaian import Polaritas, perlu_penjelasan
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.predikat import Predikat
from sakip.kinerja.target import Rentang, parse_target

_PERSEN = {"%", "(%)", "persen", "persentase"}
_SATUAN_JENIS = {"", "-", "indeks", "nilai", "skor", "poin", "predikat", "angka", "rasio", "level"}
"""Satuan that name the kind of measure, not a unit: "Nilai LPPD 2,77", never "2,77 Nilai"."""

_KATA = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
)  # fmt: skip
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
_SERATUS = Decimal(100)
_EFISIENSI = {
    1: "lebih tinggi daripada penyerapan anggaran, sehingga penggunaan sumber daya efisien",
    0: "sebanding dengan penyerapan anggarannya",
    -1: "lebih rendah daripada penyerapan anggaran, sehingga penggunaan sumber daya belum efisien",
}
"""Efisiensi = capaian − serapan (DOMAIN.md §6): above zero, more was achieved than spent."""


@dataclass(frozen=True)
class DataIndikator:
    """The figures of one indicator in one year, as the report tables show them."""

    nama: str
    satuan: str
    tahun: int
    target: str | None
    realisasi: Decimal | Predikat | None
    capaian: Decimal | None
    kategori: str | None
    polaritas: Polaritas | str
    realisasi_lalu: Decimal | Predikat | None = None
    perubahan: Decimal | None = None
    target_akhir: str | None = None
    tahun_akhir: int | None = None
    kemajuan: Decimal | None = None


@dataclass(frozen=True)
class DataSasaran:
    """The figures of one sasaran strategis: its indicators, capaian and budget."""

    uraian: str
    tahun: int
    jumlah_indikator: int
    jumlah_tercapai: int
    jumlah_terukur: int
    capaian: Decimal | None
    kategori: str | None
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None
    serapan: Decimal | None
    efisiensi: Decimal | None


@dataclass(frozen=True)
class DataAnggaran:
    """Pagu and realisasi of a program or of the whole unit."""

    nama: str
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    sisa: Decimal | None


@dataclass(frozen=True)
class DataRingkasan:
    """The unit's figures for the Ikhtisar Eksekutif and the Bab IV conclusions."""

    nama_unit: str
    tahun: int
    jumlah_iku: int
    jumlah_tercapai: int
    jumlah_terukur: int
    rata_rata_capaian: Decimal | None
    kategori: str | None
    jumlah_sasaran: int
    jumlah_program: int
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None
    serapan: Decimal | None
    terendah: tuple[str, Decimal] | None
    tertinggi: tuple[str, Decimal] | None


def terbilang(n: int) -> str:
    """Indonesian number words, as reports write counts: "13 (tiga belas) indikator".

    11 "sebelas", 100 "seratus", 1000 "seribu", 2024 "dua ribu dua puluh
    empat"; up to 999 triliun; a negative number reads "minus ...".
    """
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return "nol"
    if n >= 10**15:
        raise KinerjaError(f"{n}: terlalu besar untuk ditulis dengan huruf")
    bagian = []
    for besar, nama in _SKALA:
        kelipatan, n = divmod(n, besar)
        if kelipatan:
            bagian.append(
                "seribu" if (kelipatan, nama) == (1, "ribu") else f"{_ratusan(kelipatan)} {nama}"
            )
    if n:
        bagian.append(_ratusan(n))
    return " ".join(bagian)


def _ratusan(n: int) -> str:
    if n < 12:
        return _KATA[n]
    if n < 20:
        return f"{_KATA[n - 10]} belas"
    if n < 100:
        return f"{_KATA[n // 10]} puluh" + (f" {_KATA[n % 10]}" if n % 10 else "")
    depan = "seratus" if n < 200 else f"{_KATA[n // 100]} ratus"
    return depan + (f" {_ratusan(n % 100)}" if n % 100 else "")


def _banyak(n: int, benda: str = "") -> str:
    return f"{n} ({terbilang(n)}) {benda}".rstrip()


def _persen(x: Decimal) -> str:
    return f"{format_angka(x, 2)}%"


def _atau(serapan: Decimal | None) -> str:
    return f" atau {_persen(serapan)}" if serapan is not None else ""


def _kategori(kategori: str | None) -> str:
    return f" dengan kategori {kategori.strip()}" if kategori and kategori.strip() else ""


def _satuan(teks: str, satuan: str) -> str:
    s = satuan.strip()
    if s.lower() in _PERSEN:
        return f"{teks}%"
    return teks if s.lower() in _SATUAN_JENIS else f"{teks} {s}"


def _nilai(v: Decimal | Predikat, satuan: str) -> str:
    """A realisasi as prose writes it: "86,69", "100%", "12 Dokumen", "predikat BB"."""
    if isinstance(v, Predikat):
        return f"predikat {v.kode}"
    return _satuan(format_angka(v, 0 if v == v.to_integral_value() else 2), satuan)


def _baca_target(teks: str | None) -> Decimal | Predikat | Rentang | str | None:
    """Parsed target; the text itself when it is not a number, predikat or range."""
    if teks is None or not teks.strip():
        return None
    try:
        t = parse_target(teks)
    except KinerjaError:
        return " ".join(teks.split())
    return Decimal(t) if isinstance(t, int) else t


def _frasa_target(t: Decimal | Predikat | Rentang | str, satuan: str, awalan: str = "") -> str:
    """ "sebesar 85%", "pada rentang 2–4%", "predikat BB"; other text ("WTP") as written."""
    if isinstance(t, Predikat):
        return f"{awalan}predikat {t.kode}"
    if isinstance(t, Rentang):
        return f"pada rentang {_satuan(str(t), satuan)}"
    if isinstance(t, Decimal):
        return f"sebesar {_satuan(format_angka(t, None), satuan)}"
    return f"{awalan}{t}"


def _banding(a: Decimal | int, b: Decimal | int) -> int:
    return (a > b) - (a < b)


def _pita(t: Decimal | Predikat | Rentang | str | None) -> Rentang | None:
    """The band a stable indicator must hold: a range, or a single value."""
    if isinstance(t, Decimal):
        return Rentang(t, t)
    return t if isinstance(t, Rentang) else None


def _jarak(r: Decimal, pita: Rentang) -> Decimal:
    return max(pita.bawah - r, r - pita.atas, Decimal(0))


def _kalimat_target(
    t: Decimal | Predikat | Rentang | str, r: Decimal | Predikat, pol: Polaritas, c: Decimal | None
) -> Iterator[str]:
    """Whether the target was reached, in the terms of the indicator's polarity."""
    ya = "sehingga target kinerja tahun ini tercapai."
    belum = "sehingga target kinerja tahun ini belum tercapai."
    pita = _pita(t)
    if isinstance(t, Predikat) and isinstance(r, Predikat):
        arah = _banding(r.peringkat, t.peringkat)  # [-1] is the last word: below the target
        kata = ("sama dengan", "lebih tinggi dari", "lebih rendah dari")[arah]
        yield f"Predikat yang diperoleh {kata} target, {belum if arah < 0 else ya}"
    elif isinstance(r, Decimal) and pita is not None and pol is Polaritas.STABIL:
        jenis = "rentang target" if pita.bawah < pita.atas else "nilai target"
        if pita.bawah <= r <= pita.atas:
            letak = "berada dalam" if pita.bawah < pita.atas else "sama dengan"
            yield f"Realisasi tersebut {letak} {jenis} yang harus dijaga, {ya}"
        else:
            letak = "di bawah" if r < pita.bawah else "di atas"
            yield f"Realisasi tersebut berada {letak} {jenis} yang harus dijaga, {belum}"
    elif isinstance(r, Decimal) and pita is not None:
        arah = _banding(r, pita.atas if pol is Polaritas.MINIMAL else pita.bawah)
        alasan = "Karena indikator ini semakin rendah semakin baik, realisasi yang"
        if pol is Polaritas.MINIMAL and arah < 0:
            yield (
                f"{alasan} lebih rendah dari target menunjukkan kinerja yang lebih baik "
                f"dari rencana, {ya}"
            )
        elif pol is Polaritas.MINIMAL and arah > 0:
            yield f"{alasan} lebih tinggi dari target berarti kinerja belum sesuai rencana, {belum}"
        else:
            kata = ("sama dengan", "melampaui", "masih di bawah")[arah]
            yield f"Realisasi tersebut {kata} target, {belum if arah < 0 else ya}"
    elif c is not None:
        kata = "tercapai" if c >= _SERATUS else "belum tercapai"
        yield f"Capaian tersebut menunjukkan bahwa target kinerja tahun ini {kata}."


def _kalimat_tren(d: DataIndikator, r: Decimal | Predikat, pol: Polaritas) -> str:
    """This year against last year; a fall is good news when lower is better."""
    lalu, th = d.realisasi_lalu, d.tahun - 1
    if lalu is None:
        return (
            f"Realisasi Tahun {th} belum tersedia, sehingga perkembangan kinerja indikator ini "
            "belum dapat dibandingkan dengan tahun sebelumnya."
        )
    if isinstance(lalu, Predikat) and isinstance(r, Predikat):
        naik = r.peringkat - lalu.peringkat
        if not naik:
            return (
                f"Predikat tersebut sama dengan yang diperoleh pada Tahun {th}, yaitu {lalu.kode}."
            )
        kata, makna = ("naik", "peningkatan") if naik > 0 else ("turun", "penurunan")
        return (
            f"Dibandingkan Tahun {th} yang memperoleh predikat {lalu.kode}, predikat tahun ini "
            f"{kata} {terbilang(abs(naik))} tingkat menjadi {r.kode}, yang menunjukkan {makna} "
            "kinerja."
        )
    if isinstance(lalu, Predikat) or isinstance(r, Predikat):
        return (
            f"Realisasi Tahun {th} ({_nilai(lalu, d.satuan)}) berbeda jenis dengan realisasi tahun "
            "ini, sehingga keduanya tidak dapat dibandingkan secara langsung."
        )
    awal = (
        f"Dibandingkan realisasi Tahun {th} sebesar {_nilai(lalu, d.satuan)}, realisasi tahun ini"
    )
    arah = _banding(r, lalu)
    if not arah:
        return f"{awal} tidak berubah, sehingga kinerjanya bertahan pada tingkat yang sama."
    besar = f" {_persen(abs(d.perubahan))}" if d.perubahan else ""
    gerak = f"{awal} {'naik' if arah > 0 else 'turun'}{besar}"
    if pol is Polaritas.MAKSIMAL:
        return f"{gerak}, yang menunjukkan {'peningkatan' if arah > 0 else 'penurunan'} kinerja."
    if pol is Polaritas.MINIMAL:
        makna = "justru menunjukkan perbaikan" if arah < 0 else "menunjukkan penurunan"
        return f"{gerak}, yang {makna} kinerja karena indikator ini semakin rendah semakin baik."
    pita = _pita(_baca_target(d.target))
    if pita is None:
        return f"{gerak}."
    beda = _banding(_jarak(r, pita), _jarak(lalu, pita))
    if not beda:
        return f"{gerak}, tanpa mengubah jaraknya terhadap target yang harus dijaga."
    arah_pita = "menjauh dari" if beda > 0 else "mendekati"
    return f"{gerak}, sehingga semakin {arah_pita} target yang harus dijaga."


def _kalimat_renstra(d: DataIndikator, ada_realisasi: bool) -> Iterator[str]:
    """Progress towards the Renstra end-period target (tingkat kemajuan)."""
    akhir, th = _baca_target(d.target_akhir), d.tahun_akhir
    tahun = f" Tahun {th}" if th is not None else ""
    if akhir is None:
        if th is not None:
            yield (
                f"Target akhir Renstra{tahun} untuk indikator ini belum ditetapkan, sehingga "
                "tingkat kemajuannya belum dapat diukur."
            )
        return
    frasa = _frasa_target(akhir, d.satuan, awalan="berupa ")
    if d.kemajuan is None:
        sebab = "belum dapat diukur" if ada_realisasi else "baru dapat diukur setelah ada realisasi"
        yield f"Target akhir Renstra{tahun} ditetapkan {frasa}, namun tingkat kemajuannya {sebab}."
        return
    awal = (
        f"Dibandingkan target akhir Renstra{tahun} {frasa}, tingkat kemajuannya mencapai "
        f"{_persen(d.kemajuan)}, sehingga"
    )
    if d.kemajuan >= _SERATUS:
        lebih_awal = " lebih awal" if th is not None and d.tahun < th else ""
        yield f"{awal} target akhir periode Renstra telah tercapai{lebih_awal}."
    else:
        pada = f" pada Tahun {th}" if th is not None and th > d.tahun else ""
        yield f"{awal} masih diperlukan upaya untuk mencapai target akhir periode Renstra{pada}."


def narasi_indikator(d: DataIndikator) -> str:
    """One paragraph on one indicator for Bab III, analysis points (1)-(3).

    PermenPAN-RB 53/2014 (Bab III A): target against realisasi this year, the
    comparison with last year, and progress towards the Renstra end target, as
    the seeds' per-indicator analyses state them (seed 000 Bab III "Analisis
    penjabaran data capaian" and Tabel 3.4-3.9; seed 002 Tabel 3.8.x). Polarity
    decides whether a realisasi below the target, or a fall from last year, is
    good news; a predikat is compared on its order D < C < … < AA.
    """
    return " ".join(_kalimat_indikator(d))


def _kalimat_indikator(d: DataIndikator) -> Iterator[str]:
    pol, nama = Polaritas(d.polaritas), d.nama.strip()
    subjek = f"Indikator {nama}" if nama else "Indikator ini"
    if nama.lower().startswith("indikator"):
        subjek = nama
    awal = f"{subjek} pada Tahun {d.tahun}"
    t, r = _baca_target(d.target), d.realisasi
    if r is None:
        if t is None:
            yield f"{awal} belum memiliki target."
        else:
            yield f"{awal} ditargetkan {_frasa_target(t, d.satuan)}."
        yield "Realisasi indikator ini belum tersedia, sehingga capaiannya belum dapat diukur."
    elif t is None:
        yield (
            f"{awal} belum memiliki target, sedangkan realisasinya {_nilai(r, d.satuan)}; oleh "
            "karena itu capaiannya belum dapat diukur."
        )
    else:
        dasar = (
            f"{awal} ditargetkan {_frasa_target(t, d.satuan)} dan terealisasi {_nilai(r, d.satuan)}"
        )
        if d.capaian is None:
            yield f"{dasar}, namun capaian kinerjanya belum dapat dihitung."
        else:
            capaian = f"{_persen(d.capaian)}{_kategori(d.kategori)}"
            yield f"{dasar}, sehingga capaian kinerjanya {capaian}."
        yield from _kalimat_target(t, r, pol, d.capaian)
    if r is not None:
        yield _kalimat_tren(d, r, pol)
    yield from _kalimat_renstra(d, r is not None)


def _tercapai(n: int, terukur: int, tercapai: int, benda: str) -> str:
    """How many of ``n`` indicators met their target; ``terukur`` is above 0."""
    if terukur < n:
        awal = f"Dari {_banyak(n, benda)} tersebut, {_banyak(terukur)} telah memiliki realisasi"
        if not tercapai:
            return f"{awal}, namun belum ada yang mencapai target."
        return f"{awal} dan {_banyak(tercapai)} di antaranya mencapai atau melampaui target."
    if tercapai >= n:
        semua = f"{benda[0].upper()}{benda[1:]}" if n == 1 else f"Seluruh {benda}"
        return f"{semua} tersebut mencapai atau melampaui target."
    if tercapai:
        return (
            f"Sebanyak {_banyak(tercapai)} dari {_banyak(n, benda)} tersebut mencapai atau "
            "melampaui target."
        )
    return f"Belum ada {benda} yang mencapai target."


def narasi_sasaran(d: DataSasaran) -> str:
    """One paragraph on a sasaran strategis: its indicators, capaian, budget and efficiency.

    PermenPAN-RB 53/2014 (Bab III A, points (1) and (6)); seed 002 Tabel 3.8.x
    and §D "Analisa Efisiensi" (121,82% of kinerja with 97,28% of the budget);
    efisiensi = capaian − serapan in percentage points (DOMAIN.md §6, seed 000
    Tabel 3.16): above zero, the sasaran achieved more than it spent.
    """
    return " ".join(_kalimat_sasaran(d))


def _kalimat_sasaran(d: DataSasaran) -> Iterator[str]:
    subjek, n = f"Sasaran {d.uraian.strip()}".rstrip(), d.jumlah_indikator
    if n <= 0:
        yield f"{subjek} belum memiliki indikator kinerja, sehingga capaiannya belum dapat diukur."
    else:
        yield f"{subjek} pada Tahun {d.tahun} diukur melalui {_banyak(n, 'indikator kinerja')}."
        if d.jumlah_terukur <= 0:
            yield (
                "Realisasi indikator tersebut belum tersedia, sehingga capaian sasaran belum "
                "dapat diukur."
            )
        else:
            yield _tercapai(n, d.jumlah_terukur, d.jumlah_tercapai, "indikator")
            if d.capaian is not None:
                jenis = "Capaian" if d.jumlah_terukur == 1 else "Rata-rata capaian"
                yield (
                    f"{jenis} kinerja sasaran ini sebesar {_persen(d.capaian)}"
                    f"{_kategori(d.kategori)}."
                )
    dukung = f"Sasaran ini didukung pagu anggaran sebesar {format_rupiah(d.pagu)}"
    if not d.pagu:
        yield "Pagu anggaran yang mendukung sasaran ini belum tercatat."
    elif d.realisasi_anggaran is None:
        yield f"{dukung}, yang realisasinya belum tercatat."
    else:
        yield f"{dukung} dengan realisasi {format_rupiah(d.realisasi_anggaran)}{_atau(d.serapan)}."
    if d.efisiensi is not None:
        yield (
            f"Tingkat efisiensinya sebesar {format_angka(d.efisiensi, 2)} poin persen (capaian "
            "kinerja dikurangi persentase penyerapan anggaran), yang berarti capaian kinerja "
            f"{_EFISIENSI[_banding(d.efisiensi, 0)]}."
        )


def narasi_anggaran(d: DataAnggaran) -> str:
    """One sentence or two on the budget of a program or of a unit.

    PermenPAN-RB 53/2014 (Bab III B, realisasi anggaran); seed 002 §C: "Realisasi
    ... sebesar Rp.138.760.253.340,- (95,45%) dengan Pagu ... sebesar
    Rp.145.373.575.253,- ... sisa anggaran ... sebesar Rp.6.613.321.913,-".
    A realisasi above the pagu is flagged (DOMAIN.md §5).
    """
    nama = f"anggaran {d.nama.strip()}".rstrip()
    if not d.pagu:
        if d.realisasi is None:
            return f"Pagu dan realisasi {nama} belum tercatat."
        return (
            f"Realisasi {nama} tercatat {format_rupiah(d.realisasi)}, namun pagunya belum "
            "tercatat sehingga penyerapannya belum dapat dihitung."
        )
    awal = f"A{nama[1:]} sebesar {format_rupiah(d.pagu)}"
    if d.realisasi is None:
        return f"{awal} belum memiliki data realisasi."
    awal = f"{awal} terealisasi {format_rupiah(d.realisasi)}{_atau(d.serapan)}"
    if d.realisasi > d.pagu:
        return (
            f"{awal}, melampaui pagu sebesar {format_rupiah(d.realisasi - d.pagu)}. Realisasi di "
            "atas pagu ini perlu ditelusuri kembali kesesuaiannya dengan dokumen pelaksanaan "
            "anggaran."
        )
    if d.realisasi == d.pagu:
        return f"{awal}, sehingga seluruh anggaran terserap."
    return (
        f"{awal}." if d.sisa is None else f"{awal}, dengan sisa anggaran {format_rupiah(d.sisa)}."
    )


def narasi_ikhtisar(d: DataRingkasan) -> list[str]:
    """Two or three paragraphs for the Ikhtisar Eksekutif.

    PermenPAN-RB 53/2014: the Ikhtisar states the sasaran, the achievements
    and the budget in brief, as the seeds' do (seed 000: "melaksanakan 8
    (delapan) program yang didukung dengan anggaran sebesar ..."; seed 002:
    "masuk pada kategori Berhasil dengan nilai rata-rata 108,25 %").
    """
    unit, iku = d.nama_unit.strip(), "Indikator Kinerja Utama (IKU)"
    awal, pk = f"Pada Tahun {d.tahun}, {unit}", "dalam Perjanjian Kinerja"
    sasaran = _banyak(d.jumlah_sasaran, "sasaran strategis")
    if d.jumlah_sasaran <= 0 and d.jumlah_iku <= 0:
        rencana = f"{awal} belum menetapkan sasaran strategis maupun {iku} {pk}."
    elif d.jumlah_iku <= 0:
        rencana = f"{awal} menetapkan {sasaran}, namun belum menetapkan {iku} untuk mengukurnya."
    elif d.jumlah_sasaran <= 0:
        rencana = f"{awal} menetapkan {_banyak(d.jumlah_iku, iku)} {pk}."
    else:
        rencana = (
            f"{awal} menetapkan {sasaran} yang diukur melalui {_banyak(d.jumlah_iku, iku)} {pk}."
        )
    if d.jumlah_program > 0:
        rencana += f" Pelaksanaannya didukung oleh {_banyak(d.jumlah_program, 'program')}."
    paragraf = [rencana]
    if d.jumlah_iku > 0 and d.jumlah_terukur <= 0:
        paragraf.append(
            f"Realisasi IKU Tahun {d.tahun} belum tersedia, sehingga capaian kinerja belum dapat "
            "diukur."
        )
    elif d.jumlah_iku > 0:
        hasil = [_tercapai(d.jumlah_iku, d.jumlah_terukur, d.jumlah_tercapai, "IKU")]
        if d.rata_rata_capaian is not None:
            rata = _persen(d.rata_rata_capaian)
            hasil.append(f"Rata-rata capaian IKU sebesar {rata}{_kategori(d.kategori)}.")
        if d.tertinggi and d.terendah and d.jumlah_terukur > 1:
            (atas, c_atas), (bawah, c_bawah) = d.tertinggi, d.terendah
            hasil.append(
                f"Capaian tertinggi terdapat pada indikator {atas} ({_persen(c_atas)}), sedangkan "
                f"capaian terendah pada indikator {bawah} ({_persen(c_bawah)})."
            )
        paragraf.append(" ".join(hasil))
    if d.pagu:
        dana = (
            f"Untuk mendukung pencapaian kinerja tersebut, {unit} mengelola pagu anggaran sebesar "
            f"{format_rupiah(d.pagu)}"
        )
        if d.realisasi_anggaran is None:
            paragraf.append(f"{dana}, yang realisasinya belum tercatat.")
        else:
            realisasi = format_rupiah(d.realisasi_anggaran)
            paragraf.append(f"{dana} yang terealisasi {realisasi}{_atau(d.serapan)}.")
    return paragraf


def kesimpulan(d: DataRingkasan) -> list[str]:
    """The numbered conclusions of Bab IV Penutup, without their numbers.

    PermenPAN-RB 53/2014 (Bab IV: the general achievements and what is to be
    improved); seed 002 Bab IV A lists the overall category and mean, the
    sasaran, and the budget with its unspent remainder (SiLPA).
    """
    return list(_butir_kesimpulan(d))


def _butir_kesimpulan(d: DataRingkasan) -> Iterator[str]:
    unit, rata, iku = d.nama_unit.strip(), d.rata_rata_capaian, "Indikator Kinerja Utama (IKU)"
    if rata is None:
        yield (
            f"Capaian kinerja {unit} Tahun {d.tahun} belum dapat disimpulkan karena realisasi "
            f"{iku} belum tersedia."
        )
    elif d.kategori and d.kategori.strip():
        yield (
            f"Secara umum, kinerja {unit} pada Tahun {d.tahun} berada pada kategori "
            f"{d.kategori.strip()}, dengan rata-rata capaian {iku} sebesar {_persen(rata)}."
        )
    else:
        yield f"Secara umum, rata-rata capaian {iku} {unit} Tahun {d.tahun} {_persen(rata)}."
    if d.jumlah_iku > 0 and d.jumlah_terukur > 0:
        if d.jumlah_tercapai >= d.jumlah_iku:
            yield (
                f"Seluruh IKU, sebanyak {_banyak(d.jumlah_iku)} indikator, mencapai atau melampaui "
                "target yang ditetapkan dalam Perjanjian Kinerja."
            )
        else:
            belum, tanpa = d.jumlah_terukur - d.jumlah_tercapai, d.jumlah_iku - d.jumlah_terukur
            sisa = [f"{_banyak(belum, 'IKU')} belum mencapai target"] if belum > 0 else []
            sisa += [f"{_banyak(tanpa, 'IKU')} belum memiliki realisasi"] if tanpa > 0 else []
            yield (
                f"Sebanyak {_banyak(d.jumlah_tercapai)} dari {_banyak(d.jumlah_iku, 'IKU')} "
                f"mencapai atau melampaui target, sedangkan {' dan '.join(sisa)}."
            )
    if d.tertinggi and d.terendah and d.jumlah_terukur > 1:
        (atas, c_atas), (bawah, c_bawah) = d.tertinggi, d.terendah
        teks = f"Capaian tertinggi terdapat pada indikator {atas} sebesar {_persen(c_atas)}"
        if perlu_penjelasan(c_atas):
            teks += ", yang menunjukkan perlunya peninjauan kembali besaran target tahun berikutnya"
        teks += f". Capaian terendah terdapat pada indikator {bawah} sebesar {_persen(c_bawah)}"
        if c_bawah < _SERATUS:
            teks += ", sehingga indikator ini perlu mendapat perhatian pada tahun berikutnya"
        yield f"{teks}."
    if d.pagu and d.realisasi_anggaran is not None:
        teks = (
            f"Realisasi anggaran Tahun {d.tahun} sebesar {format_rupiah(d.realisasi_anggaran)}"
            f"{_atau(d.serapan)} dari pagu {format_rupiah(d.pagu)}"
        )
        sisa_dana = d.pagu - d.realisasi_anggaran
        if sisa_dana > 0:
            yield f"{teks}, dengan sisa anggaran tidak terserap {format_rupiah(sisa_dana)}."
        elif sisa_dana < 0:
            yield f"{teks}, melampaui pagu {format_rupiah(-sisa_dana)} sehingga perlu ditelusuri."
        else:
            yield f"{teks}, sehingga seluruh anggaran terserap."
