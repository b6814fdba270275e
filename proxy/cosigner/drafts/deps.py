"""What the drafting API needs from the app (``DraftDeps``) and the model call it delegates to the pipeline."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cosigner.drafts.flag_vocab import DEFAULT_RISK_TERMS
from cosigner.drafts.flags import NameFinder
from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog

DEFAULT_TTL_S = 4 * 3600.0
DEFAULT_MAX_HELD = 1000


@dataclass(frozen=True, slots=True)
class GenerateRequest:
    instruction: str
    original_text: str
    case_context: object | None
    model: str | None


@dataclass(frozen=True, slots=True)
class GenerateResult:
    draft_text: str
    provider: str
    model: str
    redaction_counts: dict[str, int]


@dataclass
class DraftDeps:
    """What the drafting API needs from the app; callables so a policy reload or key rotation is seen live."""

    policy: Callable[[], Any]
    keys: KeyStore | Callable[[], KeyStore]
    audit: Callable[[], AuditLog]
    generate: Callable[[GenerateRequest], Awaitable[GenerateResult]]
    data_dir: Path
    find_names: NameFinder | None = None
    risk_terms: tuple[str, ...] = DEFAULT_RISK_TERMS
    ttl_s: float = DEFAULT_TTL_S
    max_held: int = DEFAULT_MAX_HELD
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
