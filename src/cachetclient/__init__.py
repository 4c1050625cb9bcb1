"""cachetclient: a Python client for the Cachet status page API."""

__version__ = "4.1.0.dev0"
