"""Cosigner: a local proxy that keeps the human decision, and the accountability, with the practitioner."""

__version__ = "0.1.0"
