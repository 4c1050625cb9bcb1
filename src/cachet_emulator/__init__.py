"""cachet_emulator: a local server that answers the Cachet API v1 as real Cachet does."""

__version__ = "4.1.0.dev0"
