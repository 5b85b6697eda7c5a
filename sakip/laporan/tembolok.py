"""Charts kept on disk by their inputs, so an unchanged chart is not drawn again.

Drawing is most of a report's build time (matplotlib's import alone is a third of
a second, and each chart some 60 ms) while the figures behind a chart change only
when data is entered: a planner who regenerates the report after editing one
paragraph, or the worker building the four formats, gets the same PNG bytes from
here. The key is the chart function, its arguments, the source of
:mod:`sakip.laporan.grafik` and matplotlib's version, so a code or library change
draws again; the PNGs themselves are deterministic, so a cached one is exactly
what a fresh draw would give (a finalised report still rebuilds byte for byte).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

SUMBER_GRAFIK = Path(__file__).with_name("grafik.py")


@cache
def _versi() -> bytes:
    return SUMBER_GRAFIK.read_bytes() + importlib.metadata.version("matplotlib").encode()


def folder() -> Path | None:
    """Where charts are kept; None when the cache is switched off (SAKIP_TEMBOLOK_GRAFIK=0)."""
    nilai = getattr(settings, "SAKIP_TEMBOLOK_GRAFIK", None)
    if nilai is False:
        return None
    return Path(nilai) if nilai else Path(settings.VAR_DIR) / "tembolok" / "grafik"


def kunci(nama: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    # repr of str, int, Decimal, None, lists, tuples and dicts is stable across runs.
    isi = repr((nama, args, sorted(kwargs.items()))).encode()
    return hashlib.sha256(_versi() + b"\0" + isi).hexdigest()


def tersimpan(nama: str) -> Callable[..., bytes]:
    """``sakip.laporan.grafik.<nama>``, answered from the cache when it has drawn it before."""

    def gambar(*args: Any, **kwargs: Any) -> bytes:
        tempat = folder()
        berkas = tempat / f"{kunci(nama, args, kwargs)}.png" if tempat else None
        if berkas is not None and berkas.is_file():
            return berkas.read_bytes()
        from sakip.laporan import grafik  # matplotlib is imported only when a chart is drawn

        png: bytes = getattr(grafik, nama)(*args, **kwargs)
        if berkas is not None:
            try:
                berkas.parent.mkdir(parents=True, exist_ok=True)
                # Written aside and renamed, so a reader never sees half a file.
                with tempfile.NamedTemporaryFile(dir=berkas.parent, delete=False) as f:
                    f.write(png)
                os.replace(f.name, berkas)
            except OSError:
                pass  # a read-only or full disk costs speed, never the report
        return png

    return gambar


class _Grafik:
    def __getattr__(self, nama: str) -> Callable[..., bytes]:
        return tersimpan(nama)


grafik = _Grafik()
