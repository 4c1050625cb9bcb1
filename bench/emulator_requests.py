"""Server time of the emulator: keep-alive GETs of one component, reported as req/s and mean.

python bench/emulator_requests.py [COUNT]
"""

from __future__ import annotations

import sys
import time

import requests

from cachet_emulator.server import CachetEmulator


def main() -> None:
    """Run COUNT (default 2000) GETs of one component over one keep-alive connection."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with CachetEmulator() as emulator, requests.Session() as session:
        headers = {"X-Cachet-Token": emulator.token}
        session.post(emulator.endpoint + "/components", json={"name": "API"}, headers=headers)
        url = emulator.endpoint + "/components/1"
        for _ in range(200):  # warm up
            session.get(url)
        started = time.perf_counter()
        for _ in range(count):
            response = session.get(url)
            assert response.status_code == 200
        elapsed = time.perf_counter() - started
    print(
        f"{count} GET /components/1 over one connection: {count / elapsed:.0f} req/s, "
        f"mean {elapsed / count * 1000:.3f} ms per request (client time included)"
    )


if __name__ == "__main__":
    main()
