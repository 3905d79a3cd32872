"""Photos: ingest (hash first, orientation, view + thumbnail), crypto-shredded storage, metadata policy."""
