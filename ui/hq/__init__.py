"""HQ mode: the desktop app opened on an HQ store (bundles, review, persons, duplicates, dashboard,
devices)."""
