"""Judgement-guard evaluation: ``python -m bench.guard [--split dev|heldout|heldout2|all] [--errors] [--speed]``."""
