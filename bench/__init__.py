"""Benchmarks of sakip (``make bench``); results are recorded in docs/benchmarks.md."""
