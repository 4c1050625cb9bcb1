"""The installed distribution matches the source tree."""

from importlib.metadata import version

import cachet_emulator
import cachetclient


def test_package_versions_match_distribution() -> None:
    assert cachetclient.__version__ == version("cachet-client")
    assert cachet_emulator.__version__ == version("cachet-client")
