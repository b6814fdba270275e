"""Benchmarks: each module is one command that prints a table of figures (``python -m bench.<name>``)."""
