"""Identifier redaction: detect on a normalised shadow, replace with typed placeholders, restore locally.

Public API::

    cfg = RedactionConfig.default()
    redactor = Redactor(cfg)                       # once per policy load; thread-safe
    result = redactor.redact(texts, context)       # every text of one request in one call
    result.placeholders.restore(reply_text)
    StreamRestorer(result.placeholders, json_mode=False).feed(chunk) / .flush()
"""

from cosigner.detectors.case_context import CaseContext, KnownId, KnownPerson
from cosigner.redaction.config import OrgPattern, RedactionConfig, TypeAction
from cosigner.redaction.engine import RedactionResult, Redactor
from cosigner.redaction.placeholders import PlaceholderMap
from cosigner.redaction.spans import Span
from cosigner.redaction.stream import StreamRestorer

__all__ = [
    "CaseContext",
    "KnownId",
    "KnownPerson",
    "OrgPattern",
    "PlaceholderMap",
    "RedactionConfig",
    "RedactionResult",
    "Redactor",
    "Span",
    "StreamRestorer",
    "TypeAction",
]
