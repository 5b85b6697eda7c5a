"""Setda Kab. Paser, LKjIP 2023 (seed 002): the report's figures computed from the stored demo data.

The Lampiran's quarterly rows are stored as facts (TW I–IV kinerja and budget);
every year value, capaian and roll-up below is derived from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

import pytest

from sakip.anggaran.models import RealisasiAnggaran
from sakip.organisasi.models import Unit
from sakip.perencanaan.models import Kegiatan, Program, SubKegiatan
from sakip.perhitungan.services import KinerjaUnit, hitung_kinerja

D = Decimal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_paser")]


def _hitung(django_db_blocker: object, tahun: int) -> KinerjaUnit:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        return hitung_kinerja(Unit.objects.get(slug="setda-paser"), tahun)


@pytest.fixture(scope="module")
def paser(demo_paser: None, django_db_blocker: object) -> Iterator[KinerjaUnit]:
    yield _hitung(django_db_blocker, 2023)


@pytest.fixture(scope="module")
def paser_2022(demo_paser: None, django_db_blocker: object) -> Iterator[KinerjaUnit]:
    yield _hitung(django_db_blocker, 2022)


# --- IKU (Tabel 3.5/3.6) --------------------------------------------------------------


def test_iku_2023(paser: KinerjaUnit) -> None:
    hasil = {h.indikator.kode: (h.target, h.realisasi, h.capaian) for h in paser.iku()}
    assert hasil == {
        "IKU-01": ("0", D(0), D("100.00")),  # lower is better, target 0 met
        "IKU-02": ("85", D("103.55"), D("121.82")),
        "IKU-03": ("80", D("82.35"), D("102.94")),
    }
    # The seed's narrative also says 103,11: a slip.
    assert paser.rata_rata_iku == D("108.25")
    assert {h.kategori.nama for h in paser.iku() if h.kategori} == {"Berhasil"}


def test_iku_02_is_the_roll_up_of_its_program(paser: KinerjaUnit) -> None:
    """Program Pemerintahan dan Kesra: mean of (kegiatan mean 106,37; Nilai LPPD 2,77/2,75 = 100,73)."""
    iku02 = paser.hasil("IKU-02")
    assert iku02.sumber == "rollup"
    program = Program.objects.get(renstra__unit__slug="setda-paser", kode="4.01.02")
    assert paser.capaian_program[program.pk] == D("103.55")
    assert iku02.realisasi_lalu[2022] == D("94.02")
    assert iku02.perubahan == D("10.14")


def test_iku_2022_and_the_four_level_scale(paser_2022: KinerjaUnit) -> None:
    capaian = {h.indikator.kode: h.capaian for h in paser_2022.iku()}
    assert capaian == {"IKU-01": D("100.00"), "IKU-02": D("110.61"), "IKU-03": D("81.25")}
    assert paser_2022.rata_rata_iku == D("97.29")
    kategori = paser_2022.hasil("IKU-03").kategori
    assert kategori is not None and (kategori.nama, kategori.warna) == ("Cukup Berhasil", "biru")


def test_efficiency_per_sasaran(paser: KinerjaUnit) -> None:
    per_sasaran = {s.sasaran.kode: (s.capaian, s.serapan, s.efisiensi) for s in paser.sasaran}
    assert per_sasaran["S2"] == (D("121.82"), D("97.28"), D("24.54"))
    assert per_sasaran["S3"] == (D("102.94"), D("91.32"), D("11.62"))


# --- Lampiran: every kegiatan, Bagian and program by mean roll-up ----------------------

LAMPIRAN_KEGIATAN = {
    "4.01.03.2.01": "100.00",
    "4.01.03.2.02": "100.00",
    "4.01.03.2.03": "158.52",
    "4.01.03.2.04": "100.00",
    "4.01.02.2.01": "100.00",
    "4.01.02.2.02": "100.00",
    "4.01.02.2.03": "142.16",
    "4.01.02.2.04": "83.33",
    "4.01.01.2.01": "100.00",
    "4.01.01.2.02": "100.00",
    "4.01.01.2.03": "0.00",
    "4.01.01.2.05": "83.36",
    "4.01.01.2.06": "81.08",
    "4.01.01.2.07": "100.00",
    "4.01.01.2.08": "75.00",
    "4.01.01.2.09": "221.11",
    "4.01.01.2.11": "73.13",
    "4.01.01.2.12": "97.22",
    "4.01.01.2.13": "100.00",
    "4.01.01.2.14": "100.00",
}

LAMPIRAN_BAGIAN = {
    ("4.01.03", "paser-bagian-pbj"): "158.52",
    ("4.01.03", "paser-bagian-perekonomian"): "100.00",
    ("4.01.03", "paser-bagian-adbang"): "100.00",
    ("4.01.03", "paser-bagian-sda"): "100.00",
    ("4.01.02", "paser-bagian-tapem"): "100.00",
    ("4.01.02", "paser-bagian-hukum"): "142.16",
    ("4.01.02", "paser-bagian-kesra"): "100.00",
    ("4.01.02", "paser-bagian-kerjasama"): "83.33",
    ("4.01.01", "paser-bagian-organisasi"): "100.00",
    ("4.01.01", "paser-bagian-umum"): "93.97",
    ("4.01.01", "paser-bagian-prokopim"): "100.00",
    ("4.01.01", "paser-bagian-perencanaan-keuangan"): "91.04",
}


def test_every_kegiatan_of_the_lampiran(paser: KinerjaUnit) -> None:
    kegiatan = Kegiatan.objects.filter(program__renstra__unit__slug="setda-paser")
    assert {k.kode: paser.capaian_kegiatan[k.pk] for k in kegiatan} == {
        k: D(v) for k, v in LAMPIRAN_KEGIATAN.items()
    }


def test_every_bagian_of_each_program_is_the_mean_of_its_kegiatan(paser: KinerjaUnit) -> None:
    program = {p.pk: p.kode for p in Program.objects.filter(renstra__unit__slug="setda-paser")}
    unit = {u.pk: u.slug for u in Unit.objects.filter(induk__slug="setda-paser")}
    dihitung = {(program[p], unit[u]): c for (p, u), c in paser.capaian_unit_program.items()}
    assert dihitung == {k: D(v) for k, v in LAMPIRAN_BAGIAN.items()}


def test_program_capaian(paser: KinerjaUnit) -> None:
    program = {p.kode: p for p in Program.objects.filter(renstra__unit__slug="setda-paser")}
    assert paser.capaian_program[program["4.01.03"].pk] == D("114.63")  # mean of four Bagian
    assert paser.capaian_program[program["4.01.02"].pk] == D("103.55")
    # The Penunjang program has its own indicator: Indeks Kepuasan 76,66 of 72.
    assert paser.capaian_program[program["4.01.01"].pk] == D("106.47")


def test_sub_kegiatan_capaian_and_their_kegiatan(paser: KinerjaUnit) -> None:
    def capaian(kode: str) -> Decimal | None:
        sub = SubKegiatan.objects.get(
            kegiatan__program__renstra__unit__slug="setda-paser", kode=kode
        )
        return paser.capaian_sub_kegiatan[sub.pk]

    # Pemeliharaan BMD: 20/25, 29/6, 6/6 → kegiatan 221,11
    assert [capaian(f"4.01.01.2.09.{n}") for n in ("0001", "0002", "0009")] == [
        D("80.00"),
        D("483.33"),
        D("100.00"),
    ]
    # Fasilitasi dan Koordinasi Hukum: 946/760, 4/2, 102/100 → kegiatan 142,16
    assert [capaian(f"4.01.02.2.03.{n}") for n in ("0001", "0002", "0003")] == [
        D("124.47"),
        D("200.00"),
        D("102.00"),
    ]


def test_annual_realisasi_is_the_sum_of_quarters(paser: KinerjaUnit) -> None:
    """226 + 855 + 817 + 469 = 2.367 dokumen, against 1.705 → 138,83 (Lampiran)."""
    h = paser.hasil("SUB-4.01.03.2.03.0001")
    assert h.indikator.agregasi == "jumlah"
    assert h.realisasi == D(2367)
    assert h.capaian == D("138.83")


# --- budget: totals, quarters, jenis belanja (Tabel 3.10) ------------------------------


def test_budget_total_and_per_program(paser: KinerjaUnit) -> None:
    setda = Unit.objects.get(slug="setda-paser")
    total = paser.anggaran_unit[setda.pk]
    assert (total.pagu, total.realisasi) == (D("145373575253"), D("138760253340"))
    assert (total.serapan, total.sisa) == (D("95.45"), D("6613321913"))
    program = {p.kode: p for p in Program.objects.filter(renstra__unit__slug="setda-paser")}
    per_program = {
        k: (paser.anggaran_program[p.pk].pagu, paser.anggaran_program[p.pk].realisasi)
        for k, p in program.items()
    }
    assert per_program == {
        "4.01.01": (D("106433441739"), D("101199150070")),
        "4.01.02": (D("33552415803"), D("32640870249")),
        "4.01.03": (D("5387717711"), D("4920233021")),
    }


def test_budget_per_bagian(paser: KinerjaUnit) -> None:
    per_bagian = {
        u.slug: (paser.anggaran_unit[u.pk].pagu, paser.anggaran_unit[u.pk].realisasi)
        for u in Unit.objects.filter(induk__slug="setda-paser")
    }
    assert per_bagian["paser-bagian-pbj"] == (D("2064638383"), D("1770769420"))
    assert per_bagian["paser-bagian-umum"] == (D("66633273505"), D("63905077713"))
    assert per_bagian["paser-bagian-perencanaan-keuangan"] == (D("32694969857"), D("30612350905"))
    assert per_bagian["paser-bagian-hukum"] == (D("2385090571"), D("2246587343"))


def test_budget_realisasi_per_quarter() -> None:
    per_tw: dict[str, Decimal] = defaultdict(Decimal)
    for r in RealisasiAnggaran.objects.filter(
        sub_kegiatan__unit__induk__slug="setda-paser", tahun=2023
    ):
        per_tw[r.periode] += r.nilai
    assert dict(per_tw) == {
        "TW1": D("13826587278"),
        "TW2": D("32854427415"),
        "TW3": D("23988342367"),
        "TW4": D("68090896280"),
    }


def test_tabel_3_10_jenis_belanja(paser: KinerjaUnit) -> None:
    baris = [
        (b.tingkat, b.nama, b.pagu, b.realisasi, b.sisa, b.tertimbang) for b in paser.jenis_belanja
    ]
    assert baris == [
        (0, "Belanja Operasi", D("117816365658"), D("112273506348"), D("5542859310"), D("77.23")),
        (1, "Belanja Pegawai", D("30834849745"), D("29294726687"), D("1540123058"), D("20.15")),
        (
            1,
            "Belanja Barang dan Jasa",
            D("66664088813"),
            D("62980662661"),
            D("3683426152"),
            D("43.32"),
        ),
        (1, "Belanja Hibah", D("20317427100"), D("19998117000"), D("319310100"), D("13.76")),
        (0, "Belanja Modal", D("27557209595"), D("26486746992"), D("1070462603"), D("18.22")),
        (
            1,
            "Belanja Modal Peralatan dan Mesin",
            D("27307504595"),
            D("26237145992"),
            D("1070358603"),
            D("18.05"),
        ),
        (
            1,
            "Belanja Modal Gedung dan Bangunan",
            D("249705000"),
            D("249601000"),
            D("104000"),
            D("0.17"),
        ),
    ]
    total = paser.total_jenis_belanja
    assert total is not None
    assert (total.pagu, total.realisasi, total.sisa) == (
        D("145373575253"),
        D("138760253340"),
        D("6613321913"),
    )
    # The jenis belanja table and the program tree describe the same money.
    setda = paser.anggaran_unit[Unit.objects.get(slug="setda-paser").pk]
    assert (total.pagu, total.realisasi) == (setda.pagu, setda.realisasi)
