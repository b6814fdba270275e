"""One ``Exchange`` per request, written by the pipeline's stages in order.

Field ownership (a stage writes only its own fields; later stages read earlier ones):

| stage    | writes                                                                                    |
|----------|-------------------------------------------------------------------------------------------|
| guard    | ``principal`` (set by the guard middleware before the route runs)                        |
| parse    | ``body``, ``model``, ``stream``, ``upstream``, ``upstream_model``, ``slots``, ``context``, |
|          | ``include_usage``                                                                         |
| check    | ``verdict``, ``input_tokens``                                                            |
| redact   | ``redaction``, ``outbound``                                                              |
| forward  | ``forwarded``, ``upstream_status``, ``timings["upstream_us"]``                            |
| restore  | ``unknown_placeholders``, ``reply_chars``                                                 |
| tag      | ``tag``                                                                                   |
| audit    | ``screened_commit`` (before forwarding), ``audit_seq`` (always runs, in ``finally``)      |
| (any)    | ``status``, ``error_code``, ``rule_id`` — set by the pipeline on failure                  |
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import asyncio

    from cosigner.auth import Principal
    from cosigner.config import Upstream
    from cosigner.drafts.tags import DraftTag
    from cosigner.policy.contract import Verdict
    from cosigner.redaction import CaseContext, RedactionResult
    from cosigner.store.entries import EntryRef
    from cosigner.wire.paths import TextSlot

ApiFormat = Literal["openai", "anthropic"]


@dataclass
class Exchange:
    client_format: ApiFormat
    route: str
    principal: Principal
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started: float = field(default_factory=time.perf_counter)
    # parse
    body: dict[str, Any] = field(default_factory=dict)
    model: str = ""
    stream: bool = False
    include_usage: bool = False
    upstream: Upstream | None = None
    upstream_model: str = ""
    slots: list[TextSlot] = field(default_factory=list)
    context: CaseContext | None = None
    # check
    verdict: Verdict | None = None
    input_tokens: int | None = None
    # redact
    redaction: RedactionResult | None = None
    outbound: dict[str, Any] | None = None
    # forward
    forwarded: bool = False
    upstream_status: int | None = None
    # restore
    unknown_placeholders: int = 0
    reply_chars: int = 0
    # tag
    tag: DraftTag | None = None
    # outcome
    status: int = 200
    error_code: str | None = None
    rule_id: str | None = None
    audit_seq: int | None = None
    screened_commit: asyncio.Future[EntryRef] | None = None
    timings: dict[str, int] = field(default_factory=dict)  # microseconds

    def mark(self, name: str, since: float) -> None:
        # Whole microseconds: integers keep audit entries on canonical JSON's fast path.
        self.timings[name] = int((time.perf_counter() - since) * 1_000_000)

    @property
    def upstream_format(self) -> ApiFormat:
        assert self.upstream is not None
        return self.upstream.api_format

    @property
    def cross_format(self) -> bool:
        return self.upstream is not None and self.upstream.api_format != self.client_format
