"""HQ: its keys, its store, importing bundles, receipts, devices and the conflict review queue."""
