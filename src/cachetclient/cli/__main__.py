"""`python -m cachetclient.cli`: the same as the `cachet` command."""

import sys

from cachetclient.cli import main

sys.exit(main())
