"""`python -m cachet_emulator`: the same as the `cachet-emulator` command."""

import sys

from cachet_emulator.server import main

sys.exit(main())
