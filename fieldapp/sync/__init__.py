"""Sync to HQ: signed, age-encrypted bundles out; HQ-signed receipts back (docs/bundles.md)."""
