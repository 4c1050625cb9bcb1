"""The version of cachet-client, in a module of its own so any module can read it."""

__version__ = "4.1.0.dev0"
