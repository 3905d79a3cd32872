"""One module per screen, layouts written in code."""
