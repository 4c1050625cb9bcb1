"""Benchmarks of cachet-client against the emulator: `python -m bench` (or `make bench`).

Our client, the reference `cachet-client` release from PyPI and bare `requests.Session` calls
run the same scenarios side by side against one emulator process; see `bench/README.md`.
"""
