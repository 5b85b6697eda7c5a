"""The charts of the LKjIP, drawn with matplotlib and returned as PNG bytes.

Why charts at all: the LKjIP format of PermenPAN-RB 53/2014 asks that the
performance results be shown in graphs beside the tables, and the seeds do so
(seed 000: the organisation chart as Gambar 1.1, the staff by gender, golongan
and education as Grafik 1.1–1.3). This module draws those charts plus capaian,
trend and budget absorption; :mod:`sakip.laporan.bangun` numbers and captions them.

How they are drawn, and why:

* **Grayscale first.** Reports are printed and copied in black and white in
  government offices, so no chart relies on colour: series differ by grey
  level *and* by hatch, marker or line style, and bars carry their figures.
* **Indonesian numbers.** Every printed number, tick labels included, goes
  through :func:`sakip.kinerja.format_angka` (``122,10``; ``1.234``).
* **Thread safe and cheap.** Only the object-oriented API is used
  (:class:`~matplotlib.figure.Figure` with its own Agg canvas, never pyplot, and
  ``rcParams`` are never changed), so charts can be drawn in a worker thread. The layout is
  computed once in inches (margins from measured label widths, height growing
  with the number of rows) instead of ``tight_layout``; a chart takes a few
  tens of milliseconds.
* **Deterministic.** Fixed size (16 cm wide), dpi 150, font "DejaVu Sans"
  (shipped with matplotlib) and no ``Software`` stamp in the PNG: the same
  input gives the same bytes, so a regenerated report does not change.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Patch
from matplotlib.ticker import FuncFormatter
from PIL import Image

from sakip.kinerja import format_angka, persentase, serapan

__all__ = [
    "DPI",
    "LEBAR_INCI",
    "bagan_organisasi",
    "grafik_capaian",
    "grafik_pai",
    "grafik_serapan",
    "grafik_tren",
]

DPI = 150
LEBAR_INCI = 6.3
"""Figure width: 16 cm, the text width of an A4 page with the reports' margins."""

HURUF = "DejaVu Sans"
LEBAR_LABEL = 45
"""Characters per line of an indicator or programme name on an axis or in a legend."""

_HITAM = "0.0"
_GARIS_BANTU = "0.85"


# --- shared helpers ------------------------------------------------------------------


def _huruf(ukuran: float, tebal: bool = False, miring: bool = False) -> FontProperties:
    return FontProperties(
        family=HURUF,
        size=ukuran,
        weight="bold" if tebal else "normal",
        style="italic" if miring else "normal",
    )


def _figur(tinggi: float) -> Figure:
    fig = Figure(figsize=(LEBAR_INCI, tinggi), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    """The figure as an 8-bit grayscale PNG.

    Every chart is drawn in greys, so one channel loses nothing; it is a quarter
    of the RGBA data, which makes the file about 2.5× smaller and the encoding
    3× faster than ``savefig``. Pillow writes no time or software stamp, so
    the bytes depend on the drawing only.
    """
    kanvas = fig.canvas
    assert isinstance(kanvas, FigureCanvasAgg)
    kanvas.draw()  # type: ignore[no-untyped-call]
    rgba = np.asarray(kanvas.buffer_rgba())  # type: ignore[no-untyped-call]
    gambar = Image.fromarray(rgba).convert("L")
    buf = io.BytesIO()
    gambar.save(buf, format="PNG", dpi=(DPI, DPI))
    return buf.getvalue()


def _pengukur() -> RendererAgg:
    """A tiny renderer, only to measure text (fonts are the ones the PNG will use)."""
    return RendererAgg(1, 1, DPI)  # type: ignore[no-untyped-call]


def _lebar_inci(baris: Sequence[str], huruf: FontProperties, pengukur: RendererAgg) -> float:
    """Width in inches of the widest of ``baris`` (each may hold several lines)."""
    lebar = 0.0
    for teks in baris:
        for satu in teks.split("\n"):
            if satu:
                w, _h, _d = pengukur.get_text_width_height_descent(  # type: ignore[no-untyped-call]
                    satu, huruf, ismath=False
                )
                lebar = max(lebar, w)
    return lebar / DPI


def _bungkus(teks: str, lebar: int = LEBAR_LABEL) -> str:
    return textwrap.fill(" ".join(str(teks).split()), lebar, break_long_words=True) or "-"


def _bungkus_muat(
    teks: str, lebar_inci: float, huruf: FontProperties, pengukur: RendererAgg
) -> str:
    """Wrap ``teks`` word by word so that every line fits in ``lebar_inci`` (measured).

    A single word wider than the box is cut where it has to be.
    """
    baris: list[str] = []
    for kata in str(teks).split():
        coba = f"{baris[-1]} {kata}" if baris else kata
        if baris and _lebar_inci([coba], huruf, pengukur) <= lebar_inci:
            baris[-1] = coba
            continue
        while len(kata) > 1 and _lebar_inci([kata], huruf, pengukur) > lebar_inci:
            potong = len(kata) - 1
            while potong > 1 and _lebar_inci([kata[:potong]], huruf, pengukur) > lebar_inci:
                potong -= 1
            baris.append(kata[:potong])
            kata = kata[potong:]
        baris.append(kata)
    return "\n".join(baris) or "-"


def _jumlah_baris(teks: str) -> int:
    return teks.count("\n") + 1


def _desimal(x: float) -> Decimal:
    """A tick value as the Decimal :func:`format_angka` takes (floats are refused there)."""
    d = Decimal(repr(round(float(x), 6)))
    return Decimal(0) if d == 0 else d


def _angka_sumbu(x: float, _pos: object = None) -> str:
    return format_angka(_desimal(x), None)


def _ke_float(nilai: Decimal | int | None) -> float:
    return math.nan if nilai is None else float(nilai)


def _gaya_sumbu(ax: Axes, ukuran: float = 8) -> None:
    ax.tick_params(labelfontfamily=HURUF, labelsize=ukuran, colors=_HITAM, width=0.6)
    for sisi in ("top", "right"):
        ax.spines[sisi].set_visible(False)
    for sisi in ("left", "bottom"):
        ax.spines[sisi].set_linewidth(0.7)
        ax.spines[sisi].set_color(_HITAM)
    ax.set_axisbelow(True)


def _legenda_bawah(
    fig: Figure, handles: list[Patch | Line2D], bawah_inci: float, tinggi: float
) -> None:
    """One row of legend entries centred under the plot."""
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, bawah_inci / tinggi),
        ncol=len(handles),
        frameon=False,
        prop=_huruf(8),
        handlelength=2.2,
        handleheight=1.0,
        columnspacing=1.6,
        borderaxespad=0,
    )


def _belum_ada_data() -> bytes:
    fig = _figur(1.0)
    fig.text(
        0.5,
        0.5,
        "Belum ada data",
        ha="center",
        va="center",
        fontproperties=_huruf(10, miring=True),
        color="0.3",
    )
    return _png(fig)


def _sumbu_baris(
    fig: Figure, tinggi: float, kiri: float, kanan: float, atas: float, bawah: float
) -> Axes:
    """Axes placed by margins in inches."""
    return fig.add_axes(_letak(tinggi, kiri, kanan, atas, bawah))


def _letak(
    tinggi: float, kiri: float, kanan: float, atas: float, bawah: float
) -> tuple[float, float, float, float]:
    """Axes rectangle (figure fractions) from margins in inches."""
    return (
        kiri / LEBAR_INCI,
        bawah / tinggi,
        1 - (kiri + kanan) / LEBAR_INCI,
        1 - (atas + bawah) / tinggi,
    )


# --- capaian -------------------------------------------------------------------------


_GAYA_CAPAIAN: dict[str, tuple[dict[str, Any], str]] = {
    "tercapai": (
        {"facecolor": "0.35", "edgecolor": _HITAM, "linewidth": 0.6},
        "Capaian ≥ 100%",
    ),
    "kurang": (
        {
            "facecolor": "0.8",
            "edgecolor": _HITAM,
            "linewidth": 0.6,
            "hatch": "////",
            "hatch_linewidth": 0.5,
        },
        "Capaian < 100%",
    ),
    "kosong": (
        {"fill": False, "edgecolor": "0.45", "linestyle": ":", "linewidth": 0.9},
        "Belum terukur",
    ),
}
"""Bar style and legend entry of a capaian at/above target, below it, and not measured."""


def _tata_baris(
    teks: list[str], tinggi_baris: list[float], huruf_label: Any, pengukur: Any
) -> tuple[Figure, Axes, list[float], float, float]:
    """A horizontal-bar figure whose rows are as tall as their wrapped labels need."""
    tengah, y = [], 0.0
    for h in tinggi_baris:
        tengah.append(y + h / 2)
        y += h
    plot = y
    atas, bawah = 0.12, 0.78
    kiri = min(3.2, _lebar_inci(teks, huruf_label, pengukur) + 0.15)
    tinggi = atas + plot + bawah
    fig = _figur(tinggi)
    ax = _sumbu_baris(fig, tinggi, kiri, 0.15, atas, bawah)
    return fig, ax, tengah, plot, tinggi


def grafik_capaian(label: list[str], capaian: list[Decimal | None]) -> bytes:
    """Capaian (%) of each indicator as horizontal bars against the 100% target line.

    A bar at or above 100% is dark grey, below 100% light grey with a hatch; an
    indicator not yet measured (None) is an empty dotted bar reading "belum
    terukur". Each bar ends with its value ("122,10").
    """
    if len(label) != len(capaian):
        raise ValueError("label dan capaian harus sama panjang")
    if not label:
        return _belum_ada_data()
    pengukur = _pengukur()
    huruf_label, huruf_nilai = _huruf(7.5), _huruf(7.5)
    teks = [_bungkus(x) for x in label]
    tinggi_baris = [max(0.32, 0.135 * _jumlah_baris(t) + 0.12) for t in teks]
    fig, ax, tengah, plot, tinggi = _tata_baris(teks, tinggi_baris, huruf_label, pengukur)

    ada = [float(c) for c in capaian if c is not None]
    bawah_x = min([0.0, *ada])
    atas_x = max([100.0, *ada])
    rentang = atas_x - bawah_x
    ax.set_xlim(bawah_x - (0.12 * rentang if bawah_x < 0 else 0), atas_x + 0.13 * rentang)
    ax.set_ylim(plot, 0)
    geser = 0.01 * rentang
    tebal_batang = 0.2
    kelompok: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in _GAYA_CAPAIAN}
    for yy, c in zip(tengah, capaian, strict=True):
        if c is None:
            kelompok["kosong"][0].append(yy)
            kelompok["kosong"][1].append(100.0)
            ax.text(
                geser * 2,
                yy,
                "belum terukur",
                ha="left",
                va="center",
                fontproperties=_huruf(7, miring=True),
                color="0.3",
            )
            continue
        v = float(c)
        sasaran = kelompok["tercapai" if c >= 100 else "kurang"]
        sasaran[0].append(yy)
        sasaran[1].append(v)
        ax.text(
            v + (geser if v >= 0 else -geser),
            yy,
            format_angka(c, 2),
            ha="left" if v >= 0 else "right",
            va="center",
            fontproperties=huruf_nilai,
            zorder=4,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )
    handles: list[Patch | Line2D] = []
    for kunci, (ys, vs) in kelompok.items():
        if ys:
            gaya, nama = _GAYA_CAPAIAN[kunci]
            ax.barh(ys, vs, height=tebal_batang, **gaya)
            handles.append(Patch(label=nama, **gaya))
    ax.axvline(100, color=_HITAM, linestyle="--", linewidth=1.0, zorder=3)
    if bawah_x < 0:
        ax.axvline(0, color=_HITAM, linewidth=0.6)
    ax.set_yticks(tengah, teks)
    ax.xaxis.set_major_formatter(FuncFormatter(_angka_sumbu))
    _gaya_sumbu(ax, 7.5)
    ax.tick_params(axis="y", length=0, pad=5)
    ax.grid(axis="x", color=_GARIS_BANTU, linewidth=0.5)
    ax.set_xlabel("Capaian (%)", fontproperties=_huruf(8))

    handles.append(Line2D([], [], color=_HITAM, linestyle="--", linewidth=1.0, label="Target 100%"))
    _legenda_bawah(fig, handles, 0.06, tinggi)
    return _png(fig)


# --- tren ----------------------------------------------------------------------------

# Three cycles of coprime lengths (10 markers, 7 line styles, 4 greys; markers
# alternately filled and hollow): series stay distinct in grayscale by shape and
# dash, not only by grey, and no two of the first 70 series look the same.
_PENANDA = ("o", "s", "^", "D", "v", "P", "X", "*", "<", "h")
_GARIS: tuple[str | tuple[int, tuple[int, ...]], ...] = (
    "-",
    "--",
    ":",
    "-.",
    (0, (6, 2, 1, 2, 1, 2)),
    (0, (8, 3)),
    (0, (1, 1)),
)
_ABU = ("0.0", "0.4", "0.2", "0.55")


def grafik_tren(
    tahun: list[int], seri: dict[str, list[Decimal | None]], satuan: str = "", judul: str = ""
) -> bytes:
    """Realisasi over the years, one line per indicator; None leaves a gap.

    Each series has its own grey, marker and line style; the legend under the
    plot carries the (wrapped) indicator names.
    """
    for nama, nilai in seri.items():
        if len(nilai) != len(tahun):
            raise ValueError(f"seri {nama!r}: {len(nilai)} nilai untuk {len(tahun)} tahun")
    if not tahun or not any(v is not None for vs in seri.values() for v in vs):
        return _belum_ada_data()
    kolom = 1 if len(seri) == 1 else 2
    nama_legenda = [_bungkus(n, LEBAR_LABEL if kolom == 2 else 90) for n in seri]
    # Legend rows: matplotlib fills the columns top-down, column after column.
    per_kolom = math.ceil(len(nama_legenda) / kolom)
    tinggi_legenda = max(
        sum(
            0.125 * _jumlah_baris(t) + 0.06
            for t in nama_legenda[k * per_kolom : (k + 1) * per_kolom]
        )
        for k in range(kolom)
    )
    judul_teks = _bungkus(judul, 80) if judul else ""
    atas = 0.15 + (0.2 * _jumlah_baris(judul_teks) + 0.1 if judul_teks else 0)
    plot = 2.6
    sumbu_x = 0.5
    bawah = sumbu_x + tinggi_legenda + 0.1
    tinggi = atas + plot + bawah
    fig = _figur(tinggi)
    ax = _sumbu_baris(fig, tinggi, 0.85, 0.2, atas, bawah)

    for i, (nama, nilai) in enumerate(zip(nama_legenda, seri.values(), strict=True)):
        warna, penanda = _ABU[i % len(_ABU)], _PENANDA[i % len(_PENANDA)]
        gaya_garis, kosong = _GARIS[i % len(_GARIS)], i % 2 == 1
        ax.plot(
            tahun,
            [_ke_float(v) for v in nilai],
            color=warna,
            linestyle=gaya_garis,
            linewidth=1.3,
            marker=penanda,
            markersize=6.5 if penanda == "*" else 5,
            markerfacecolor="white" if kosong else warna,
            markeredgecolor=warna,
            markeredgewidth=1.0,
            label=nama,
            clip_on=False,
            zorder=3,
        )
    ax.set_xticks(tahun, [str(t) for t in tahun])
    ax.set_xlim(min(tahun) - 0.4, max(tahun) + 0.4)
    ax.yaxis.set_major_formatter(FuncFormatter(_angka_sumbu))
    ax.margins(y=0.12)
    _gaya_sumbu(ax, 8)
    ax.grid(axis="y", color=_GARIS_BANTU, linewidth=0.5)
    ax.set_xlabel("Tahun", fontproperties=_huruf(8))
    if satuan:
        ax.set_ylabel(satuan, fontproperties=_huruf(8))
    if judul_teks:
        ax.set_title(judul_teks, fontproperties=_huruf(9.5, tebal=True), pad=8)
    # Left margin from the widest tick label ("1.250.000.000" needs room).
    label_y = [_angka_sumbu(t) for t in ax.get_yticks()]
    kiri = _lebar_inci(label_y, _huruf(8), _pengukur()) + (0.42 if satuan else 0.2)
    ax.set_position(_letak(tinggi, kiri, 0.2, atas, bawah))
    fig.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, (bawah - sumbu_x) / tinggi),
        ncol=kolom,
        frameon=False,
        prop=_huruf(7.5),
        handlelength=3.2,
        columnspacing=1.5,
        borderaxespad=0,
    )
    return _png(fig)


# --- serapan -------------------------------------------------------------------------


def grafik_serapan(
    label: list[str], pagu: list[Decimal | None], realisasi: list[Decimal | None]
) -> bytes:
    """Pagu and realisasi of each programme as paired bars, the serapan (%) after realisasi.

    Amounts are in billions ("Miliar Rp"), or millions when every amount is
    under a billion so that small units do not read "0,0". Pagu is light grey,
    realisasi dark grey with a white hatch.
    """
    if not len(label) == len(pagu) == len(realisasi):
        raise ValueError("label, pagu dan realisasi harus sama panjang")
    semua = [float(v) for v in (*pagu, *realisasi) if v is not None]
    if not label or not semua:
        return _belum_ada_data()
    maks = max(semua)
    skala, satuan = (1e9, "Miliar Rp") if maks >= 1e9 or maks == 0 else (1e6, "Juta Rp")
    pengukur = _pengukur()
    huruf_label = _huruf(7.5)
    teks = [_bungkus(x) for x in label]
    tebal_batang = 0.17
    tinggi_baris = [max(2 * tebal_batang + 0.2, 0.135 * _jumlah_baris(t) + 0.14) for t in teks]
    fig, ax, tengah, plot, tinggi = _tata_baris(teks, tinggi_baris, huruf_label, pengukur)
    batas = maks / skala if maks > 0 else 1.0
    ax.set_xlim(0, batas * 1.17)
    ax.set_ylim(plot, 0)
    geser = 0.01 * batas
    gaya_pagu: dict[str, Any] = {"facecolor": "0.88", "edgecolor": _HITAM, "linewidth": 0.6}
    gaya_realisasi: dict[str, Any] = {
        "facecolor": "0.35",
        "edgecolor": _HITAM,
        "linewidth": 0.6,
        "hatch": "////",
        "hatchcolor": "white",
        "hatch_linewidth": 0.6,
    }
    y_pagu = [yy - tebal_batang / 2 for yy, p in zip(tengah, pagu, strict=True) if p is not None]
    v_pagu = [float(p) / skala for p in pagu if p is not None]
    y_real: list[float] = []
    v_real: list[float] = []
    for yy, p, r in zip(tengah, pagu, realisasi, strict=True):
        y = yy + tebal_batang / 2
        if r is None:
            ax.text(
                geser,
                y,
                "belum ada realisasi",
                ha="left",
                va="center",
                fontproperties=_huruf(7, miring=True),
                color="0.3",
            )
            continue
        v = float(r) / skala
        y_real.append(y)
        v_real.append(v)
        persen = serapan(r, p)
        ax.text(
            v + geser,
            y,
            "-" if persen is None else f"{format_angka(persen, 2)}%",
            ha="left",
            va="center",
            fontproperties=_huruf(7.5, tebal=True),
        )
    if y_pagu:
        ax.barh(y_pagu, v_pagu, height=tebal_batang, **gaya_pagu)
    if y_real:
        ax.barh(y_real, v_real, height=tebal_batang, **gaya_realisasi)
    ax.set_yticks(tengah, teks)
    ax.xaxis.set_major_formatter(FuncFormatter(_angka_sumbu))
    _gaya_sumbu(ax, 7.5)
    ax.tick_params(axis="y", length=0, pad=5)
    ax.grid(axis="x", color=_GARIS_BANTU, linewidth=0.5)
    ax.set_xlabel(f"Anggaran ({satuan})", fontproperties=_huruf(8))
    _legenda_bawah(
        fig,
        [
            Patch(label="Pagu", **gaya_pagu),
            Patch(label="Realisasi (dengan % serapan)", **gaya_realisasi),
        ],
        0.06,
        tinggi,
    )
    return _png(fig)


# --- pai -----------------------------------------------------------------------------

# (fill, hatch, hatch colour): neighbours differ in grey and in pattern.
_GAYA_PAI: tuple[tuple[str, str, str], ...] = (
    ("0.92", "", _HITAM),
    ("0.45", "////", "white"),
    ("0.75", "....", _HITAM),
    ("0.25", "", _HITAM),
    ("0.85", "xxx", _HITAM),
    ("0.6", "\\\\\\\\", _HITAM),
    ("0.98", "ooo", "0.3"),
    ("0.35", "---", "white"),
)


def grafik_pai(label: list[str], nilai: list[int | Decimal]) -> bytes:
    """Composition (e.g. SDM by gender, golongan, pendidikan) as a pie; zero slices are left out.

    Shares are printed on the wedges ("54,55%", outside for thin slices) and
    the legend gives each count and the total. The fonts are larger than in the
    other charts because the report prints this chart 11 cm wide.
    """
    if len(label) != len(nilai):
        raise ValueError("label dan nilai harus sama panjang")
    isi = [(str(a), b) for a, b in zip(label, nilai, strict=True) if b is not None and b > 0]
    if not isi:
        return _belum_ada_data()
    total = sum((Decimal(b) for _a, b in isi), Decimal(0))
    tinggi = 3.2
    fig = _figur(tinggi)
    ax = fig.add_axes((0.0, 0.0, tinggi / LEBAR_INCI, 1.0))
    ax.set_aspect("equal")
    ax.axis("off")
    irisan, _teks = ax.pie(
        [float(b) for _a, b in isi],
        startangle=90,
        counterclock=False,
        radius=1.0,
        wedgeprops={"edgecolor": _HITAM, "linewidth": 0.8},
    )
    ax.set_xlim(-1.42, 1.42)  # after pie(), which sets its own limits
    ax.set_ylim(-1.42, 1.42)
    huruf_persen = _huruf(10, tebal=True)
    luar_ke = 0
    for i, (potong, (_a, b)) in enumerate(zip(irisan, isi, strict=True)):
        warna, arsir, warna_arsir = _GAYA_PAI[i % len(_GAYA_PAI)]
        potong.set_facecolor(warna)
        if arsir:
            potong.set_hatch(arsir)
            potong.set_hatchcolor(warna_arsir)
            potong.set_hatch_linewidth(0.7)
        persen = persentase(b, total)
        if persen is None or len(isi) == 1:
            teks = "100%" if len(isi) == 1 else "-"
        else:
            teks = f"{format_angka(persen, 2)}%"
        sudut = math.radians((potong.theta1 + potong.theta2) / 2)
        cos, sin = math.cos(sudut), math.sin(sudut)
        kotak = {
            "boxstyle": "round,pad=0.2",
            "facecolor": "white",
            "edgecolor": "0.5",
            "linewidth": 0.5,
        }
        if len(isi) == 1:
            ax.text(0, 0, teks, ha="center", va="center", fontproperties=huruf_persen, bbox=kotak)
        elif persen is not None and persen >= 8:
            ax.text(
                0.62 * cos,
                0.62 * sin,
                teks,
                ha="center",
                va="center",
                fontproperties=huruf_persen,
                bbox=kotak,
            )
        else:
            # Thin slice: outside, on a leader line; neighbours alternate radius.
            r = 1.12 + 0.13 * (luar_ke % 2)
            luar_ke += 1
            ax.plot(
                [0.95 * cos, (r - 0.04) * cos], [0.95 * sin, (r - 0.04) * sin], color=_HITAM, lw=0.6
            )
            ax.text(
                r * cos,
                r * sin,
                teks,
                ha="left" if cos >= 0 else "right",
                va="bottom" if sin > 0.5 else "top" if sin < -0.5 else "center",
                fontproperties=_huruf(9, tebal=True),
            )
    entri = [
        Patch(
            facecolor=p.get_facecolor(),
            edgecolor=_HITAM,
            linewidth=0.7,
            hatch=p.get_hatch(),
            hatchcolor=p.get_hatchcolor(),
            label=f"{a}: {format_angka(b, None)}",
        )
        for p, (a, b) in zip(irisan, isi, strict=True)
    ]
    fig.legend(
        handles=entri,
        loc="center left",
        bbox_to_anchor=(0.56, 0.5),
        frameon=False,
        prop=_huruf(11),
        title=f"Jumlah: {format_angka(total, None)}",
        title_fontproperties=_huruf(11, tebal=True),
        alignment="left",
        handlelength=2.4,
        handleheight=1.5,
        labelspacing=0.7,
    )
    return _png(fig)


# --- bagan organisasi ----------------------------------------------------------------


def bagan_organisasi(akar: str, anak: list[str]) -> bytes:
    """The unit (root box) above its sub-units, joined by lines.

    Up to five sub-units stand in one row under the root. More are set in rows
    of four, two on each side of a central trunk, so that no line crosses a
    box (a lone last one hangs at the end of the trunk). Names are wrapped to fit their boxes (measured with the real font).
    """
    pengukur = _pengukur()
    tepi, sela = 0.1, 0.12
    huruf_akar, huruf_anak = _huruf(9, tebal=True), _huruf(8)
    tengah_x = LEBAR_INCI / 2
    pad = 0.07

    # The root box takes the name on one line when it can (up to 4,6 in wide).
    teks_akar = _bungkus_muat(akar, 4.6 - 2 * pad - 0.3, huruf_akar, pengukur)
    lebar_akar = max(2.6, _lebar_inci([teks_akar], huruf_akar, pengukur) + 2 * pad + 0.3)
    tinggi_akar = 0.18 * _jumlah_baris(teks_akar) + 2 * pad

    # Slots of the child boxes: x of the left edge and the row.
    n = len(anak)
    if n <= 5:
        lebar_anak = min(1.9, (LEBAR_INCI - 2 * tepi - (max(n, 1) - 1) * sela) / max(n, 1))
        mulai = tengah_x - (n * lebar_anak + (n - 1) * sela) / 2
        letak = [(mulai + i * (lebar_anak + sela), 0) for i in range(n)]
    else:
        celah = 0.3  # the gap the trunk runs through
        lebar_anak = (LEBAR_INCI - 2 * tepi - celah - 2 * sela) / 4
        kiri_x = [tengah_x - celah / 2 - 2 * lebar_anak - sela, tengah_x - celah / 2 - lebar_anak]
        kanan_x = [tengah_x + celah / 2, tengah_x + celah / 2 + lebar_anak + sela]
        letak = []
        for baris in range(math.ceil(n / 4)):
            k = min(4, n - 4 * baris)
            if k == 1:  # a last lone box hangs at the end of the trunk
                xs = [tengah_x - lebar_anak / 2]
            else:
                kiri_k = math.ceil(k / 2)
                xs = kiri_x[2 - kiri_k :] + kanan_x[: k - kiri_k]
            letak.extend((x, baris) for x in xs)
    teks_anak = [_bungkus_muat(a, lebar_anak - 2 * pad, huruf_anak, pengukur) for a in anak]
    tinggi_anak = 0.16 * max([_jumlah_baris(t) for t in teks_anak] or [1]) + 2 * pad
    jumlah_baris = (letak[-1][1] + 1) if letak else 0
    jarak = 0.34  # vertical room for the connecting lines above each row

    tinggi = 2 * tepi + tinggi_akar + jumlah_baris * (jarak + tinggi_anak)
    fig = _figur(tinggi)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, LEBAR_INCI)
    ax.set_ylim(0, tinggi)
    ax.axis("off")

    def kotak(
        x: float, y_atas: float, w: float, h: float, teks: str, isi: str, huruf: FontProperties
    ) -> None:
        ax.add_patch(
            FancyBboxPatch(
                (x, y_atas - h),
                w,
                h,
                boxstyle="round,pad=0,rounding_size=0.05",
                facecolor=isi,
                edgecolor=_HITAM,
                linewidth=0.9,
                zorder=2,
            )
        )
        ax.text(
            x + w / 2,
            y_atas - h / 2,
            teks,
            ha="center",
            va="center",
            multialignment="center",
            fontproperties=huruf,
            zorder=3,
            linespacing=1.15,
        )

    y_akar = tinggi - tepi
    kotak(tengah_x - lebar_akar / 2, y_akar, lebar_akar, tinggi_akar, teks_akar, "0.85", huruf_akar)
    garis: dict[str, Any] = {
        "color": _HITAM,
        "linewidth": 0.9,
        "zorder": 1,
        "solid_capstyle": "projecting",
    }
    bawah_akar = y_akar - tinggi_akar
    y_bus_terakhir = bawah_akar
    for baris in range(jumlah_baris):
        y_atas_baris = bawah_akar - baris * (jarak + tinggi_anak) - jarak
        y_bus = y_atas_baris + jarak / 2
        y_bus_terakhir = y_bus
        pusat = [x + lebar_anak / 2 for x, b in letak if b == baris]
        ax.plot([min(*pusat, tengah_x), max(*pusat, tengah_x)], [y_bus, y_bus], **garis)
        for px in pusat:
            ax.plot([px, px], [y_bus, y_atas_baris], **garis)
    if jumlah_baris:
        ax.plot([tengah_x, tengah_x], [bawah_akar, y_bus_terakhir], **garis)
    for (x, baris), teks in zip(letak, teks_anak, strict=True):
        y_atas_baris = bawah_akar - baris * (jarak + tinggi_anak) - jarak
        kotak(x, y_atas_baris, lebar_anak, tinggi_anak, teks, "white", huruf_anak)
    return _png(fig)
