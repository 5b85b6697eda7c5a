"""Run every benchmark and print a Markdown table to paste into docs/benchmarks.md.

Timings are the best of several repeats (``timeit``), so a busy machine
inflates them least. Speed targets live here and in docs/benchmarks.md,
never as timed assertions in tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import timeit
from collections.abc import Callable

from bench import halaman, impor, kinerja, laporan

BENCHMARKS: list[tuple[str, int, Callable[[], object]]] = kinerja.BENCHMARKS


def mesin() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
            mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"Date: {dt.date.today().isoformat()}  ")
    print(f"Machine: {mesin()}\n")
    print("| benchmark | items | best of runs | per item |")
    print("|---|---:|---:|---:|")
    for nama, banyak, fungsi in BENCHMARKS:
        fungsi()  # warm up caches and imports
        terbaik = min(timeit.repeat(fungsi, number=1, repeat=args.repeat))
        print(
            f"| {nama} | {banyak:,} | {terbaik * 1000:.1f} ms | {terbaik / banyak * 1e6:.2f} µs |"
        )
    print("\nImport (fresh SQLite database, one run; target ≤ 10 s):\n")
    print("| benchmark | rows | time |")
    print("|---|---:|---:|")
    for nama, banyak, detik in impor.main():
        print(f"| {nama} | {banyak:,} | {detik:.2f} s |")
    print(f"\nLKjIP report (median of {args.repeat} runs; target ≤ 2 s and ≤ 3× the floor):\n")
    print("| benchmark | median | runs |")
    print("|---|---:|---|")
    hasil = laporan.main(args.repeat)
    for nama, median, runs in hasil:
        print(f"| {nama} | {median:.2f} s | {', '.join(f'{r:.2f}' for r in runs)} |")
    print(
        f"\nPages of the app, Kaltim demo (server time, median of {halaman.ULANG} requests; "
        "target ≤ 200 ms):\n"
    )
    print("| page | median | worst | queries |")
    print("|---|---:|---:|---:|")
    for nama, median, maks, kueri in halaman.main():
        print(f"| {nama} | {median * 1000:.0f} ms | {maks * 1000:.0f} ms | {kueri} |")
    print(
        f"\nRatio to the floor: {hasil[0][1] / hasil[-1][1]:.2f} (charts drawn anew: "
        f"{hasil[1][1] / hasil[-1][1]:.2f})"
    )


if __name__ == "__main__":
    main()
