"""`python -m ui` opens the desktop app (the usual way is the `fieldapp` command)."""

from __future__ import annotations

import sys

from ui.app import main

sys.exit(main())
