"""cachet_emulator: a local server that answers the Cachet API v1 as real Cachet does.

The behaviour it reproduces is written down in docs/spec/cachet-api-v1.md; "spec 2.4" or
"Appendix B" in this package's code and tests names a section of that page.
"""

__version__ = "4.1.0.dev0"
