"""Document checks (see lkjip.py); registered in :data:`~sakip.kinerja.periksa.daftar.ATURAN_DOKUMEN`.

These look across a document: a table's title against the report's year, the
text against the tables, one table against another, a parent row against its
children, and the outliers of capaian. The row-local recomputations (a row's
capaian, a JUMLAH row) live in :mod:`~sakip.kinerja.periksa.cek_tabel`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sakip.kinerja.angka import NilaiSatuan, jumlah, parse_nilai, rata_rata
from sakip.kinerja.capaian import capaian, perlu_penjelasan
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.perbandingan import efisiensi
from sakip.kinerja.periksa.daftar import ATURAN_DOKUMEN
from sakip.kinerja.periksa.dokumen import POLA_TAHUN, Dokumen, Tabel
from sakip.kinerja.periksa.kolom import Peran, kolom_peran, kolom_tabel
from sakip.kinerja.periksa.presisi import Tercetak, sesuai, tampil
from sakip.kinerja.periksa.struktur import (
    Simpul,
    kolom_uang,
    label_baris,
    nomor_baris,
    pecah_berurutan,
    pohon_uang,
    sama_rata,
    simpul_semua,
)
from sakip.kinerja.periksa.teks import (
    jumlah_dalam_teks,
    menyebut_target_tetap,
    rata_dalam_teks,
    tanpa_isi,
)
from sakip.kinerja.periksa.temuan import Lokasi, Temuan, Tingkat


def _kolom_capaian(tabel: Tabel, tahun: int | None) -> int | None:
    """This year's performance capaian column (not a budget's, a Renstra period's or another year's)."""
    return kolom_peran(
        kolom_tabel(tabel),
        Peran.CAPAIAN,
        tahun=tahun,
        kecuali=("anggaran", "target", "realisasi", "periode", "renstra", "pagu"),
    )


def baris_total(label: str) -> bool:
    """A printed total or mean row ("JUMLAH", "RATA-RATA PENCAPAIAN IKU", "Total")."""
    return bool(re.match(r"^(jumlah|total|rata\s*-?\s*rata)\b", label.strip(), re.IGNORECASE)) and (
        len(label.split()) <= 4
    )


def _salah_sel(
    kode: str,
    t: Tabel,
    r: int,
    c: int,
    tercetak: Tercetak,
    benar: str,
    alasan: str,
    rumus: str | None = None,
) -> Temuan:
    """A printed cell that should hold ``benar``, with the reason (the formula) in the message."""
    uraian = label_baris(t, r)
    nomor = nomor_baris(t, r)
    tempat = f"sasaran {nomor}" if nomor.isdigit() else f"“{uraian}”"
    return Temuan(
        kode,
        Tingkat.GALAT,
        f"{t.nama}, {tempat}, kolom “{t.kolom[c]}”: tercetak {tercetak.teks}, "
        f"seharusnya {benar} ({alasan}).",
        Lokasi(t.nama, r + 1, t.kolom[c], uraian, t.baris_sumber(r)),
        tercetak=tercetak.teks,
        seharusnya=benar,
        rumus=rumus or alasan,
    )


def _normal(teks: str) -> str:
    return re.sub(r"\W+", " ", teks).strip().lower()


# --- TAHUN_JUDUL ---------------------------------------------------------------

_BUKAN_TAHUN_LAPORAN = (
    "evaluasi",
    "penilaian",
    "temuan",
    "rekomendasi",
    "renstra",
    "rpjmd",
    "periode",
    "sebelum",
    "akhir",
    "lhe",
)


@ATURAN_DOKUMEN.daftarkan("TAHUN_JUDUL", Tingkat.PERINGATAN, "Tahun pada judul tabel")
def tahun_judul(dok: Dokumen) -> Iterator[Temuan]:
    """A table titled with an earlier year where the report's own year is meant.

    Seed 000 (LKjIP 2024): the Ikhtisar's summary table "Pengukuran Kinerja
    Tahun 2023" and Tabel 1.1 "… Per 31 Desember 2023" are last year's titles
    left in. Titles with a range or several years ("Tahun 2019-2023",
    "Realisasi Tahun 2021 s/d 2023 dengan Tahun 2024"), or about the previous
    year's evaluation, findings and follow-up, or a Renstra period, are left alone.
    """
    if dok.tahun is None:
        return
    for t in dok.tabel:
        judul = t.judul
        tahun = {int(y) for y in POLA_TAHUN.findall(judul)}
        if len(tahun) != 1:
            continue
        (y,) = tahun
        if y >= dok.tahun or y < dok.tahun - 3:
            continue
        kecil = judul.lower()
        if any(w in kecil for w in _BUKAN_TAHUN_LAPORAN):
            continue
        if not re.search(
            rf"\b(tahun|ta\.?|per\s+\d{{1,2}}\s+\w+|desember|anggaran)\s*{y}\b", kecil
        ):
            continue
        benar = re.sub(rf"\b{y}\b", str(dok.tahun), judul)
        yield Temuan(
            "TAHUN_JUDUL",
            Tingkat.PERINGATAN,
            f"Judul {t.nama if t.label else 'tabel'} “{judul}” menyebut tahun {y}, padahal laporan ini tentang "
            f"tahun {dok.tahun}: seharusnya “{benar}” (atau tabelnya masih data tahun lalu).",
            Lokasi(tabel=t.nama, kolom="judul", baris_berkas=t.baris_sumber(0)),
            tercetak=str(y),
            seharusnya=str(dok.tahun),
        )


# --- TOTAL_TEKS ----------------------------------------------------------------


def _total_tabel(dok: Dokumen) -> tuple[set[Decimal], list[tuple[Decimal, Tabel, str]]]:
    """Every amount a table supports (cells, column sums, level sums) and the level totals.

    The level totals, (sum, table, header), are the sums of a table's top
    rows (the Biro of seed 000 Tabel 3.19, the sasaran of Tabel 2.5).
    """
    didukung: set[Decimal] = set()
    tingkat: list[tuple[Decimal, Tabel, str]] = []
    for t in dok.tabel:
        for c in kolom_uang(t):
            nilai = [a.nilai for r in range(len(t.baris)) if (a := t.angka(r, c)) is not None]
            didukung.update(nilai)
            total = jumlah(nilai)
            if total is not None:
                didukung.add(total)
            pohon = pohon_uang(t, c)
            if pohon:
                akar = jumlah(t.angka(s.baris, c).nilai for s in pohon)  # type: ignore[union-attr]
                if akar is not None:
                    didukung.add(akar)
                    tingkat.append((akar, t, t.kolom[c] if c < len(t.kolom) else ""))
    return didukung, tingkat


@ATURAN_DOKUMEN.daftarkan("TOTAL_TEKS", Tingkat.GALAT, "Jumlah di teks tanpa dukungan tabel")
def total_teks(dok: Dokumen) -> Iterator[Temuan]:
    """A Rupiah total stated in the text that no table carries or adds up to.

    Seed 000 states the budget "Rp. 535.648.948.995" (Ikhtisar, Bab II) while
    Tabel 3.19's Biro rows add up to 546.949.028.754. A part of a split
    stated beside it (Belanja Operasi + Belanja Modal) is not checked again,
    nor an amount the text does not state as a total ("sisa anggaran Rp …",
    an overpayment in an audit finding).
    """
    didukung, tingkat = _total_tabel(dok)
    if not tingkat:
        return
    sudah: set[Decimal] = set()
    for j in jumlah_dalam_teks(dok.paragraf):
        if not j.total or j.rincian or j.nilai in didukung or j.nilai in sudah:
            continue
        sudah.add(j.nilai)
        dekat = min(tingkat, key=lambda x: (abs(x[0] - j.nilai), -len(x[1].baris)))
        total, t, kepala = dekat
        yield Temuan(
            "TOTAL_TEKS",
            Tingkat.GALAT,
            f"Teks menyebut {j.teks.strip()} ({tampil(j.nilai, 0)}), tetapi tidak ada tabel yang "
            f"memuat atau menjumlahkan nilai itu; jumlah baris teratas {t.nama} "
            f"(kolom “{kepala}”) adalah {tampil(total, 0)}: seharusnya {tampil(total, 0)}, "
            "atau tabelnya dilengkapi.",
            Lokasi(tabel="teks", uraian=j.paragraf.teks[:80], baris_berkas=j.paragraf.baris_berkas),
            tercetak=tampil(j.nilai, 0),
            seharusnya=tampil(total, 0),
            rumus=f"Σ baris teratas {t.nama}",
        )


# --- RATA_TEKS -----------------------------------------------------------------


def _rata_tabel(dok: Dokumen) -> list[tuple[Decimal, Tabel, bool]]:
    """Means of this year's capaian the tables give: printed RATA-RATA/JUMLAH rows (True) and recomputed ones."""
    hasil: list[tuple[Decimal, Tabel, bool]] = []
    for t in dok.tabel:
        c = _kolom_capaian(t, dok.tahun)
        if c is None:
            continue
        anak: list[Decimal] = []
        for r in range(len(t.baris)):
            a = t.angka(r, c)
            if a is None:
                continue
            if baris_total(label_baris(t, r)):
                hasil.append((a.nilai, t, True))
                break
            anak.append(a.nilai)
        else:
            rata = rata_rata(anak)
            if rata is not None and len(anak) >= 2:
                hasil.append((rata, t, False))
    return hasil


@ATURAN_DOKUMEN.daftarkan("RATA_TEKS", Tingkat.GALAT, "Rata-rata di teks berbeda dengan tabel")
def rata_teks(dok: Dokumen) -> Iterator[Temuan]:
    """A mean capaian stated in the text that contradicts the tables.

    Seed 002 line 482: "nilai rata – rata 103.11%" while Tabel 3.2's mean of
    the IKU capaian (and Tabel 3.6's, and the text elsewhere) is 108,25. Only
    a percentage within the range of the tables' means is compared (a mean of
    survey answers, "rata-rata 3,460", is another figure), and only a table
    mean printed as such (a RATA-RATA row) names the right value.
    """
    rata = _rata_tabel(dok)
    if not rata:
        return
    for r in rata_dalam_teks(dok.paragraf):
        if any(sesuai(n, r.nilai) for n, _, _ in rata):
            continue
        tertulis = [(n, t) for n, t, dicetak in rata if dicetak]
        if not tertulis:
            continue
        benar, t = tertulis[0]
        if abs(benar - r.nilai.nilai) > 50:
            continue
        yield Temuan(
            "RATA_TEKS",
            Tingkat.GALAT,
            f"Teks menyebut nilai rata-rata {r.nilai.teks}%, padahal rata-rata capaian di "
            f"{t.nama} adalah {tampil(benar)}: seharusnya {tampil(benar)}.",
            Lokasi(tabel="teks", uraian=r.paragraf.teks[:80], baris_berkas=r.paragraf.baris_berkas),
            tercetak=r.nilai.teks,
            seharusnya=tampil(benar),
            rumus=f"rata-rata capaian indikator {t.nama}",
        )


# --- EFISIENSI_SILANG -------------------------------------------------------------


def _kelompok_sasaran(tabel: Tabel, kolom: int) -> dict[int, list[Decimal]]:
    """Capaian of a measurement table grouped by sasaran number (an empty "No." continues the group)."""
    hasil: dict[int, list[Decimal]] = {}
    sekarang: int | None = None
    for r in range(len(tabel.baris)):
        nomor = nomor_baris(tabel, r)
        if nomor and "." not in nomor:
            sekarang = int(nomor)
        elif nomor or tabel.sel(r, 0).strip():
            sekarang = None
        a = tabel.angka(r, kolom)
        if sekarang is not None and a is not None:
            hasil.setdefault(sekarang, []).append(a.nilai)
    return hasil


@ATURAN_DOKUMEN.daftarkan(
    "EFISIENSI_SILANG",
    Tingkat.GALAT,
    "Capaian sasaran di tabel efisiensi berbeda dengan tabel pengukuran",
)
def efisiensi_silang(dok: Dokumen) -> Iterator[Temuan]:
    """The efficiency table's capaian per sasaran against the measurement table's indicators.

    DOMAIN.md §3 and §6: sasaran capaian = mean of its indicators' capaian;
    efisiensi = capaian − penyerapan. Seed 000 Tabel 3.16 sasaran 4 prints
    167,69 and 70,26 where Tabel 3.3 gives mean(116,86; 101,66) = 109,26 and
    109,26 − 97,43 = 11,83. The serapan column is not compared: DOMAIN.md §6
    admits both the pooled and the plain mean of the programs.
    """
    for t in dok.tabel:
        kolom = kolom_tabel(t)
        c_ef = kolom_peran(kolom, Peran.EFISIENSI)
        c_cap = kolom_peran(kolom, Peran.CAPAIAN, kecuali=("anggaran",))
        c_ser = kolom_peran(kolom, Peran.SERAPAN)
        if c_ef is None or c_cap is None or c_ser is None:
            continue
        sumber: list[tuple[Tabel, dict[int, list[Decimal]]]] = []
        for s in dok.tabel:
            kolom_s = kolom_tabel(s)
            if (
                s is t
                or kolom_peran(kolom_s, Peran.URAIAN, kata=("indikator",)) is None
                or kolom_peran(kolom_s, Peran.TARGET) is None
            ):
                continue
            c = _kolom_capaian(s, dok.tahun)
            if c is None:
                continue
            kelompok = _kelompok_sasaran(s, c)
            if len(kelompok) >= 2:
                sumber.append((s, kelompok))
        sumber.sort(key=lambda x: x[0].label is None)
        for r in range(len(t.baris)):
            nomor = nomor_baris(t, r)
            cap, ser, ef = t.angka(r, c_cap), t.angka(r, c_ser), t.angka(r, c_ef)
            if not nomor.isdigit() or cap is None:
                continue
            rata = [
                (rr, s) for s, k in sumber if (rr := rata_rata(k.get(int(nomor), []))) is not None
            ]
            if not rata or any(sesuai(rr, cap) for rr, _ in rata):
                continue
            benar, s = rata[0]
            anak = "; ".join(
                tampil(n)
                for n in _kelompok_sasaran(s, _kolom_capaian(s, dok.tahun) or 0)[int(nomor)]
            )
            rumus = f"rata-rata capaian indikator sasaran {nomor} di {s.nama}"
            yield _salah_sel(
                "EFISIENSI_SILANG",
                t,
                r,
                c_cap,
                cap,
                tampil(benar),
                f"{rumus}: rata-rata dari {anak}",
            )
            if ser is None or ef is None:
                continue
            ef_benar = efisiensi(benar, ser.nilai)
            if ef_benar is None or sesuai(ef_benar, ef):
                continue
            yield _salah_sel(
                "EFISIENSI_SILANG",
                t,
                r,
                c_ef,
                ef,
                tampil(ef_benar),
                f"capaian {tampil(benar)} − penyerapan {ser.teks}",
                "efisiensi = capaian kinerja − penyerapan anggaran (" + rumus + ")",
            )


# --- ANAK_INDUK -------------------------------------------------------------------


def _anak_induk_uang(t: Tabel) -> Iterator[Temuan]:
    for struktur in kolom_uang(t):
        pohon = pohon_uang(t, struktur)
        if pohon is None:
            continue
        induk = [s for s in simpul_semua(pohon) if s.anak]
        for c in kolom_uang(t):
            temuan = [x for s in induk for x in _banding_jumlah(t, s, c)]
            # the sum rule must visibly hold in this column before its breaks are believed
            if len(induk) - len(temuan) >= 2 and len(temuan) * 3 <= len(induk):
                yield from temuan
        return  # one readable structure is enough


def _banding_jumlah(t: Tabel, s: Simpul, c: int) -> Iterator[Temuan]:
    induk = t.angka(s.baris, c)
    anak = [a.nilai for x in s.anak if (a := t.angka(x.baris, c)) is not None]
    if induk is None or not s.anak or len(anak) != len(s.anak):
        return
    total = jumlah(anak)
    if total is None or total == induk.nilai:
        return
    yield _salah_sel(
        "ANAK_INDUK",
        t,
        s.baris,
        c,
        induk,
        tampil(total, 0),
        f"jumlah {len(anak)} baris di bawahnya",
    )


def _baris_kelompok(t: Tabel, r: int, c: int) -> bool:
    """A group row (a Bagian): a label and a capaian, nothing else."""
    isi = [k for k, s in enumerate(t.baris[r]) if s.strip()]
    return len(isi) == 2 and isi[1] == c and t.angka(r, c) is not None


def _anak_induk_rata(t: Tabel, tahun: int | None) -> Iterator[Temuan]:
    c = _kolom_capaian(t, tahun)
    if c is None:
        return
    kelompok = [r for r in range(len(t.baris)) if _baris_kelompok(t, r, c)]
    for i, r in enumerate(kelompok):
        akhir = kelompok[i + 1] if i + 1 < len(kelompok) else len(t.baris)
        baris = [x for x in range(r + 1, akhir) if t.angka(x, c) is not None]
        if not baris or any(kunci_besar(label_baris(t, x)) for x in baris):
            continue
        nilai = [t.angka(x, c).nilai for x in baris]  # type: ignore[union-attr]
        induk = t.angka(r, c)
        assert induk is not None
        cara = pecah_berurutan(nilai, sama_rata)
        if not cara:
            continue
        harapan = {rata_rata(nilai[k] for k, _ in p) for p in cara}
        if any(h is not None and sesuai(h, induk) for h in harapan) or len(harapan) != 1:
            continue
        (benar,) = harapan
        assert benar is not None
        kepala = [baris[k] for k, _ in cara[0]]
        rumus = "rata-rata capaian kegiatan di bawahnya: " + "; ".join(
            f"{label_baris(t, x)} {t.sel(x, c)}" for x in kepala
        )
        yield _salah_sel("ANAK_INDUK", t, r, c, induk, tampil(benar), rumus)


def kunci_besar(label: str) -> bool:
    """An uppercase PROGRAM row ends a Bagian's block."""
    huruf = [h for h in label if h.isalpha()]
    return len(huruf) >= 4 and all(h.isupper() for h in huruf)


@ATURAN_DOKUMEN.daftarkan("ANAK_INDUK", Tingkat.GALAT, "Baris induk tidak sesuai dengan anaknya")
def anak_induk(dok: Dokumen) -> Iterator[Temuan]:
    """A parent row against its children: sums for money, means for capaian.

    DOMAIN.md §5 (seed 000 Tabel 3.19 adds up at every level; Tabel 2.5
    sasaran = Σ programs) and §3 (seed 002 Tabel 3.5: a Bagian's capaian is
    the mean of its kegiatan, a kegiatan's the mean of its sub kegiatan:
    "Bagian Kerjasama 100,00%" where its kegiatan is 83,33). The hierarchy is
    inferred (:mod:`~sakip.kinerja.periksa.struktur`); rows it cannot read are skipped.
    """
    for t in dok.tabel:
        yield from _anak_induk_uang(t)
        yield from _anak_induk_rata(t, dok.tahun)


# --- CAPAIAN_EKSTREM --------------------------------------------------------------

_KOLOM_PENJELASAN = ("hambatan", "masalah", "keterangan", "penjelasan", "alasan", "solusi")


def _nilai(teks: str) -> NilaiSatuan | None:
    try:
        n = parse_nilai(teks)
    except KinerjaError:
        return None
    return n if n.angka is not None else None


@ATURAN_DOKUMEN.daftarkan("CAPAIAN_EKSTREM", Tingkat.PERINGATAN, "Capaian di luar rentang wajar")
def capaian_ekstrem(dok: Dokumen) -> Iterator[Temuan]:
    """A capaian above 150 % or below 50 % (DOMAIN.md §1), once per indicator.

    Printed in a capaian column, or R / T × 100 of a row printing target and
    realisasi in the same satuan (seed 002 Tabel 3.9: 6 Unit → 29 Unit,
    483,33 %). Says whether the document explains it, and when the
    explanation is a target not revised in the APBD-Perubahan, says so.
    """
    temuan: dict[tuple[str, Decimal], tuple[Decimal, Tabel, int, str, list[str]]] = {}
    for t in dok.tabel:
        kolom = kolom_tabel(t)
        c_t = kolom_peran(
            kolom,
            Peran.TARGET,
            tahun=dok.tahun,
            kecuali=("akhir", "renstra", "periode", "pagu", "rp"),
        )
        c_r = kolom_peran(kolom, Peran.REALISASI, tahun=dok.tahun, kecuali=("triwulan",))
        if c_t is None or c_r is None:
            continue
        c_c = _kolom_capaian(t, dok.tahun)
        c_p = [c for c, k in enumerate(t.kolom) if any(w in k.lower() for w in _KOLOM_PENJELASAN)]
        for r in range(len(t.baris)):
            hitung: Decimal | None = None
            tg, re_ = _nilai(t.sel(r, c_t)), _nilai(t.sel(r, c_r))
            if tg and re_ and (tg.satuan or "").lower() == (re_.satuan or "").lower():
                hitung = capaian(tg.angka, re_.angka)
            tertulis = t.angka(r, c_c) if c_c is not None else None
            nilai = tertulis.nilai if tertulis is not None else hitung
            if nilai is None or not perlu_penjelasan(nilai):
                continue
            if hitung is not None and not perlu_penjelasan(hitung):
                continue  # the printed capaian is the slip (cek_tabel reports it), not the indicator
            label = label_baris(t, r)
            if not _normal(label):
                continue
            # One finding per indicator: the same label and capaian in another table is the
            # same indicator again; two sub kegiatan that share a name but not a capaian are two.
            kunci = (_normal(label), nilai.quantize(Decimal(1)))
            jelas = [t.sel(r, c).strip() for c in c_p if not tanpa_isi(t.sel(r, c))]
            if kunci in temuan:
                temuan[kunci][4].extend(jelas)
                continue
            ringkas = f"target {t.sel(r, c_t)}, realisasi {t.sel(r, c_r)}"
            temuan[kunci] = (nilai, t, r, ringkas, jelas)
    for nilai, t, r, ringkas, jelas in temuan.values():
        label = label_baris(t, r)
        arah = "di atas 150" if nilai > 150 else "di bawah 50"
        # An outlier the document explains is worth a look, not a warning; one whose
        # explanation is an unrevised target still needs the PK corrected.
        tingkat = Tingkat.PERINGATAN
        if any(menyebut_target_tetap(j) for j in jelas):
            penjelasan = (
                "dokumen menjelaskannya: target kinerja tidak direvisi pada APBD-Perubahan "
                f"(“{jelas[0]}”); seharusnya target direvisi dalam PK perubahan"
            )
        elif jelas:
            penjelasan = f"dokumen menjelaskannya: “{jelas[0]}”"
            tingkat = Tingkat.CATATAN
        else:
            penjelasan = "tidak ada penjelasan di baris tabelnya; tambahkan penjelasan"
        yield Temuan(
            "CAPAIAN_EKSTREM",
            tingkat,
            f"{t.nama}, “{label}”: capaian {tampil(nilai)} % ({ringkas}) {arah} %; {penjelasan}.",
            Lokasi(t.nama, r + 1, None, label, t.baris_sumber(r)),
            tercetak=tampil(nilai),
            rumus="capaian = realisasi / target × 100",
        )
