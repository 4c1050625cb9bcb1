"""Cachet's public status page, rendered from the emulator's store for a browser.

`pages.respond` answers every path outside `/api/v1` and `/_emulator`: the front page `/`,
`/incidents/{id}` (the incidents' permalinks), `/schedules/{id}` and the stylesheet.
"""
