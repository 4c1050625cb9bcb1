"""Cachet's public status page, rendered from the emulator's store for a browser.

`pages.respond` answers every path outside `/api/v1` and `/_emulator`: the front page `/`,
`/incidents/{id}` (the incidents' permalinks), `/schedules/{id}` and the stylesheet.
"""

from cachet_emulator.versions import until_23

AS_23 = until_23(False, True)
"""True when the page shows what Cachet 2.3 shows (read with `call.pick(AS_23)`)."""
