"""Redaction evaluation: synthetic corpus generator, scorer, speed bench, and the name-data builder."""
