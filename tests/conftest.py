"""Suite-wide settings: fast (insecure) key derivation and headless Qt, set before anything imports them."""

from __future__ import annotations

import os

# Argon2id at production cost (~1 s) per unlock would make the suite crawl; slots made under this
# flag are reported as weak by `fieldapp check`. Tests that measure the real cost unset it.
os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's uncategorised warnings ("This plugin does not support propagateSizeHints()", the offscreen screen's
# limits) go to stderr now that pytest-qt does not capture Qt's messages (pyproject.toml says why), and
# some land between tests, outside pytest's capture. QT_LOGGING_RULES="" shows them when debugging.
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")
os.environ.setdefault("FIELDAPP_NO_CRASH_DIALOG", "1")
# A bug in a command fails the test with its traceback (users get one plain line and a log entry).
os.environ.setdefault("FIELDAPP_CLI_RAISE", "1")
