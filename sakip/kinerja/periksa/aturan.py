"""The rule engine: named checks, each with a stable code and a severity.

A check is a function from its input (a document, or a unit's stored data for
a year) to findings. Checks register themselves in a :class:`DaftarAturan`, so
the list of codes with their descriptions (docs/periksa.md, the report page)
comes from the same place the checks run from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.periksa.temuan import Temuan, Tingkat, urutkan

Masukan = TypeVar("Masukan")
FungsiAturan = Callable[[Masukan], Iterable[Temuan]]


@dataclass(frozen=True)
class Aturan(Generic[Masukan]):
    """One named check. ``kode`` is stable: acceptances are stored against it."""

    kode: str
    tingkat: Tingkat
    judul: str
    fungsi: FungsiAturan[Masukan]


class DaftarAturan(Generic[Masukan]):
    """An ordered registry of checks over one kind of input."""

    def __init__(self, nama: str) -> None:
        self.nama = nama
        self._aturan: dict[str, Aturan[Masukan]] = {}

    def daftarkan(
        self, kode: str, tingkat: Tingkat, judul: str
    ) -> Callable[[FungsiAturan[Masukan]], FungsiAturan[Masukan]]:
        """Decorator: register ``fungsi`` under ``kode``; a code is registered once."""

        def bungkus(fungsi: FungsiAturan[Masukan]) -> FungsiAturan[Masukan]:
            if kode in self._aturan:
                raise KinerjaError(f"aturan {kode} sudah terdaftar di {self.nama}")
            self._aturan[kode] = Aturan(kode, tingkat, judul, fungsi)
            return fungsi

        return bungkus

    def __iter__(self) -> Iterator[Aturan[Masukan]]:
        return iter(self._aturan.values())

    def __getitem__(self, kode: str) -> Aturan[Masukan]:
        return self._aturan[kode]

    def __contains__(self, kode: object) -> bool:
        return kode in self._aturan

    def jalankan(self, masukan: Masukan, kode: Iterable[str] | None = None) -> list[Temuan]:
        """Run every check (or only those in ``kode``); findings sorted by severity.

        A finding whose code is not its check's code is refused: the code is
        what a team accepts a finding against, so it must be a registered one.
        """
        pilihan = set(kode) if kode is not None else None
        hasil: list[Temuan] = []
        for aturan in self._aturan.values():
            if pilihan is not None and aturan.kode not in pilihan:
                continue
            for t in aturan.fungsi(masukan):
                if t.kode != aturan.kode:
                    raise KinerjaError(f"aturan {aturan.kode} menghasilkan temuan berkode {t.kode}")
                hasil.append(t)
        return urutkan(hasil)
