"""Capaian (%) of one indicator from its target and realisasi (DOMAIN.md §1)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from sakip.kinerja.angka import Angka, bulatkan, format_angka, ke_desimal, ke_desimal_atau_none
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.predikat import Predikat
from sakip.kinerja.target import Rentang, Target, sebagai_realisasi, sebagai_target

SERATUS = Decimal(100)
DUA_RATUS = Decimal(200)


class Polaritas(StrEnum):
    """Direction of an indicator."""

    MAKSIMAL = "maksimal"
    """Higher is better (positif)."""
    MINIMAL = "minimal"
    """Lower is better (negatif)."""
    STABIL = "stabil"
    """A band to be held: inside the target range is best (e.g. inflation 3 ± 1)."""


class RumusNegatif(StrEnum):
    """The two formulas in use for lower-is-better indicators; each agency picks one."""

    SELISIH = "selisih"
    """(2T − R) / T × 100: PermenPAN-RB 8/2021 ("minimize"), seed 002 §III.A.1. Default."""
    RASIO = "rasio"
    """T / R × 100: found in other agencies' LKjIPs."""


@dataclass(frozen=True)
class OpsiCapaian:
    """An agency's settings for capaian (DESIGN.md: rules that differ are configuration).

    ``capaian_target_nol_terlampaui``: capaian of a lower-is-better count whose
    target is 0 but whose realisasi is above 0 (seed 002 Tabel 2.2 "0 = 100%"
    gives 100 only for realisasi 0; the default for anything above is 0).
    ``batas_atas`` / ``batas_bawah``: optional cap and floor (none by default:
    the seeds print 122,10 and 483,33).
    """

    rumus_negatif: RumusNegatif = RumusNegatif.SELISIH
    capaian_target_nol_terlampaui: Decimal = Decimal(0)
    batas_atas: Decimal | None = None
    batas_bawah: Decimal | None = None

    def __post_init__(self) -> None:
        if (
            self.batas_atas is not None
            and self.batas_bawah is not None
            and self.batas_bawah > self.batas_atas
        ):
            raise KinerjaError("opsi capaian: batas bawah lebih besar dari batas atas")


OPSI_BAWAAN = OpsiCapaian()


def capaian(
    target: Target | str | None,
    realisasi: Angka | Predikat | str | None,
    polaritas: Polaritas = Polaritas.MAKSIMAL,
    opsi: OpsiCapaian = OPSI_BAWAAN,
) -> Decimal | None:
    """Capaian (%) of one indicator, rounded half-up to two decimals.

    - higher is better: R / T × 100 (seed 002 §III.A.1; seed 000 Tabel 3.4
      "6=5/4*100": 86,69 / 71 → 122,10);
    - lower is better: (2T − R) / T × 100 by default, or T / R × 100
      (``opsi.rumus_negatif``); under T / R a realisasi of 0 gives 200, the
      value the default formula gives, so no division by zero escapes;
    - target 0 (seed 002 Tabel 2.2 and 3.2, "Jumlah Temuan", "0 = 100%"):
      lower is better → realisasi 0 gives 100, above 0 gives
      ``opsi.capaian_target_nol_terlampaui`` (0); higher is better → any
      realisasi ≥ 0 meets it (100);
    - a qualitative target on D < C < CC < B < BB < A < AA: met or exceeded →
      100, otherwise rank(R) / rank(T) × 100 with D = 1 … AA = 7 (our rule;
      higher is better only);
    - a range target a–b: for a band to be held (``STABIL``) inside → 100,
      below a → R / a × 100, above b → (2b − R) / b × 100; a higher-is-better
      range is measured against a, a lower-is-better one against b;
    - no target or no realisasi → None (shown "-"), never 0 (seed 000 Tabel 3.5).

    The optional cap and floor of ``opsi`` apply last.
    """
    t = sebagai_target(target)
    r = sebagai_realisasi(realisasi)
    if t is None or r is None:
        return None
    if isinstance(t, Predikat):
        hasil = _capaian_kualitatif(t, r, polaritas)
    elif isinstance(r, Predikat):
        raise KinerjaError(
            f"realisasi {r.kode} berupa predikat, padahal targetnya angka ({t}): "
            "keduanya harus sejenis"
        )
    elif isinstance(t, Rentang):
        hasil = _capaian_rentang(t, r, polaritas, opsi)
    else:
        hasil = _capaian_angka(Decimal(t), r, polaritas, opsi)
    return _batasi(bulatkan(hasil), opsi)


def _capaian_kualitatif(t: Predikat, r: Decimal | Predikat, polaritas: Polaritas) -> Decimal:
    if not isinstance(r, Predikat):
        raise KinerjaError(
            f"target {t.kode} berupa predikat, padahal realisasinya angka "
            f"({format_angka(r, None)}): isi realisasi dengan predikat (AA … D)"
        )
    if polaritas is not Polaritas.MAKSIMAL:
        raise KinerjaError(
            f"target predikat {t.kode} hanya bisa berpolaritas maksimal (AA lebih baik dari D)"
        )
    if r.peringkat >= t.peringkat:
        return SERATUS
    return Decimal(r.peringkat) / Decimal(t.peringkat) * SERATUS


def _capaian_angka(t: Decimal, r: Decimal, polaritas: Polaritas, opsi: OpsiCapaian) -> Decimal:
    if t < 0:
        raise KinerjaError(
            f"target negatif ({format_angka(t, None)}): capaian tidak terdefinisi; "
            "nyatakan indikator dengan target tidak negatif"
        )
    if polaritas is Polaritas.STABIL:
        return _capaian_rentang(Rentang(t, t), r, polaritas, opsi)
    if t == 0:
        if polaritas is Polaritas.MAKSIMAL:
            return SERATUS if r >= 0 else Decimal(0)
        return SERATUS if r <= 0 else opsi.capaian_target_nol_terlampaui
    if polaritas is Polaritas.MAKSIMAL:
        return r / t * SERATUS
    if opsi.rumus_negatif is RumusNegatif.SELISIH:
        return (2 * t - r) / t * SERATUS
    if r < 0:
        raise KinerjaError(
            f"realisasi negatif ({format_angka(r, None)}) tidak bisa diukur dengan rumus T/R"
        )
    if r == 0:
        return DUA_RATUS
    return t / r * SERATUS


def _capaian_rentang(t: Rentang, r: Decimal, polaritas: Polaritas, opsi: OpsiCapaian) -> Decimal:
    if polaritas is Polaritas.MAKSIMAL:
        return _capaian_angka(t.bawah, r, polaritas, opsi)
    if polaritas is Polaritas.MINIMAL:
        return _capaian_angka(t.atas, r, polaritas, opsi)
    if t.bawah < 0:
        raise KinerjaError(f"rentang target {t} memuat nilai negatif: capaian tidak terdefinisi")
    if t.bawah <= r <= t.atas:
        return SERATUS
    if r < t.bawah:
        return _capaian_angka(t.bawah, r, Polaritas.MAKSIMAL, opsi)
    # Above the band DOMAIN.md prescribes (2b − R) / b whatever the agency's negative formula.
    band = replace(opsi, rumus_negatif=RumusNegatif.SELISIH)
    return _capaian_angka(t.atas, r, Polaritas.MINIMAL, band)


def _batasi(nilai: Decimal, opsi: OpsiCapaian) -> Decimal:
    if opsi.batas_atas is not None and nilai > opsi.batas_atas:
        return bulatkan(opsi.batas_atas)
    if opsi.batas_bawah is not None and nilai < opsi.batas_bawah:
        return bulatkan(opsi.batas_bawah)
    return nilai


def perlu_penjelasan(
    nilai_capaian: Angka | None,
    bawah: Angka = Decimal(50),
    atas: Angka = Decimal(150),
) -> bool:
    """True when a capaian is above ``atas`` or below ``bawah`` (150 % / 50 % by default).

    DOMAIN.md §1: such outliers ask for an explanation (seed 002 Tabel 3.9
    shows how they arise: targets not revised in APBD-P).
    """
    nilai = ke_desimal_atau_none(nilai_capaian, "capaian")
    if nilai is None:
        return False
    return nilai > ke_desimal(atas, "batas atas") or nilai < ke_desimal(bawah, "batas bawah")
