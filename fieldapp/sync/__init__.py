"""Sync to HQ: signed, age-encrypted bundles out; HQ-signed receipts back (see DESIGN.md "Sync")."""
