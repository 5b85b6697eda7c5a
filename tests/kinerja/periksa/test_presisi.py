"""Printed numbers and comparison at printed precision (issue 8's rounding rules)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.periksa.presisi import (
    Selang,
    Tercetak,
    baca_tercetak,
    sesuai,
    sesuai_selang,
    tampil,
)


@pytest.mark.parametrize(
    ("teks", "nilai", "tempat"),
    [
        ("98,80", D("98.80"), 2),
        ("98.80", D("98.80"), 2),
        ("1.004.422.800", D(1004422800), 0),
        ("1,004,422,800", D(1004422800), 0),
        ("250,723,916,523.55", D("250723916523.55"), 2),
        ("Rp 1.234.567,-", D(1234567), 0),
        ("Rp2.553.106.102", D(2553106102), 0),
        ("85 %", D(85), 0),
        ("12 Dokumen", D(12), 0),
        ("-1,57", D("-1.57"), 2),
        ("−1,60", D("-1.60"), 2),
        ("**93,6**", D("93.6"), 1),
        ("1.234", D(1234), 0),
        ("0,16", D("0.16"), 2),
    ],
)
def test_baca_tercetak(teks: str, nilai: D, tempat: int) -> None:
    t = baca_tercetak(teks)
    assert t is not None
    assert (t.nilai, t.tempat) == (nilai, tempat)


def test_baca_tercetak_persen_dan_konvensi() -> None:
    t = baca_tercetak("126,10%")
    assert t is not None and t.persen
    t = baca_tercetak("1.234", desimal=".")
    assert t is not None and t.nilai == D("1.234")
    t = baca_tercetak("1,234", desimal=",")
    assert t is not None and t.nilai == D("1.234")


@pytest.mark.parametrize(
    "teks", ["", "-", "1. 106,37 2. 2,77", "BB", "1.024144.900,00", "1,2.3", "1.23,456.7"]
)
def test_bukan_satu_angka(teks: str) -> None:
    assert baca_tercetak(teks) is None


def test_sesuai_pada_presisi_tercetak() -> None:
    def c(teks: str) -> Tercetak:
        t = baca_tercetak(teks)
        assert t is not None
        return t

    assert sesuai(D("93.63"), c("93,6"))
    assert sesuai(D("168.42"), c("168"))
    assert sesuai(D("101.647"), c("101,64"))  # cut off, not rounded
    assert sesuai(D("-1.565"), c("-1,56"))
    assert sesuai(D("100.005"), c("100,00"))
    assert not sesuai(D("-1.60"), c("-1,57"))
    assert not sesuai(D("109.26"), c("167,69"))


def test_selang_dan_pembagian() -> None:
    a = Selang(D(1), D(2))
    b = Selang.tepat(4)
    assert (a + b) == Selang(D(5), D(6))
    assert (b - a) == Selang(D(2), D(3))
    assert (a * b) == Selang(D(4), D(8))
    assert (b / a) == Selang(D(2), D(4))
    assert a.kali(2) == Selang(D(2), D(4))
    assert a.tengah == D("1.5") and a.memuat(D("1.5"))
    with pytest.raises(KinerjaError):
        b / Selang(D(-1), D(1))


def test_selang_tercetak_dan_sesuai_selang() -> None:
    t = baca_tercetak("0,16")
    assert t is not None
    assert t.selang() == Selang(D("0.155"), D("0.165"))
    bulat = baca_tercetak("97")
    assert bulat is not None
    assert bulat.selang() == Selang.tepat(97)
    assert bulat.selang(tepat_bila_bulat=False) == Selang(D("96.5"), D("97.5"))
    # a rate shown as 0,16 may be 162/100.000: its capaian against 0,15 may be 108
    capaian = t.selang() / Selang.tepat(D("0.15"))
    hasil = baca_tercetak("108,00")
    assert hasil is not None and sesuai_selang(capaian.kali(100), hasil)


def test_tampil() -> None:
    assert tampil(D("109.255")) == "109,26"
    assert tampil(D("-1.6")) == "-1,60"


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=4), st.integers(0, 2))
def test_nilai_dibulatkan_selalu_sesuai(nilai: D, tempat: int) -> None:
    cetak = nilai.quantize(D(1).scaleb(-tempat))
    teks = f"{cetak:f}".replace(".", ",")
    t = baca_tercetak(teks)
    assert t is not None
    assert sesuai(nilai, t)
