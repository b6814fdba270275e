"""Pipeline stages: guard → parse → check → redact → forward → restore → tag, then audit (always).

Each module owns the ``Exchange`` fields listed in ``cosigner.exchange``.  Pre-forward stages raise
``cosigner.errors`` exceptions; the pipeline forwards only after all of them have returned.
"""
