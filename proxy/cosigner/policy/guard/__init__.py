"""The judgement guard: refuses requests that ask the model to score, predict or decide about a person.

Importing this package registers the built-in checks (``risk_scoring``, ``prediction``,
``statutory_decision``,
``credibility``, ``profiling``, ``guard_evasion``) and the generic ``phrases`` check.
"""

from __future__ import annotations

from cosigner.policy.contract import registered_checks
from cosigner.policy.guard.checks import register_builtin_checks

if "risk_scoring" not in registered_checks():
    register_builtin_checks()
