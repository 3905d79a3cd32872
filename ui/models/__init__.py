"""Table and list models: thin adapters over core rows."""
