"""A drafting app with real keys and a real audit log, a fake model, and a fake guard that maps tokens."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from cosigner.auth import Principal
from cosigner.drafts.api import add_draft_routes
from cosigner.drafts.service import DraftDeps, GenerateRequest, GenerateResult
from cosigner.errors_http import error_middleware
from cosigner.guard import PRINCIPAL_KEY
from cosigner.keys import KeyStore
from cosigner.policy.schema import ReviewRules, TagWording, Template
from cosigner.store.audit_log import AuditLog
from cosigner.store.cli import audit_db_path

TOKENS = {
    "prac": Principal("practitioner", "ext:alpha"),
    "prac2": Principal("practitioner", "ext:beta"),
    "dpo": Principal("dpo", "dpo:gamma"),
}


@dataclass
class FakePolicy:
    review: ReviewRules = field(
        default_factory=lambda: ReviewRules(
            min_dwell_ms_base=500,
            min_dwell_ms_per_word=50,
            allow_bulk_accept=False,
            attestation_text="I have read and checked this text.",
            attestation_version="1",
        )
    )
    name: str = "test-policy"
    version: int = 3
    content_hash: str = "ab" * 32
    tag: TagWording = field(
        default_factory=lambda: TagWording(
            visible_marker="[AI-assisted draft]",
            line="AI-assisted; reviewed and accepted by {practitioner} on {date} (ref {ref}).",
        )
    )
    templates: tuple[Template, ...] = (Template("tidy", "Tidy up", "Correct spelling and grammar."),)

    def template(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)


@dataclass
class FakeModel:
    """Returns ``drafts[original]`` (or the original with 'Draft:' prefixed) and records what it was asked."""

    drafts: dict[str, str] = field(default_factory=dict)
    calls: list[GenerateRequest] = field(default_factory=list)
    error: Exception | None = None

    async def __call__(self, request: GenerateRequest) -> GenerateResult:
        self.calls.append(request)
        if self.error is not None:
            raise self.error
        text = self.drafts.get(request.original_text, "Draft: " + request.original_text)
        return GenerateResult(text, "fake-provider", "fake-model-1", {"PERSON": 2, "POSTCODE": 1})


@dataclass
class DraftingHarness:
    client: TestClient[Any, Any]
    keys: KeyStore
    audit: AuditLog
    policy: FakePolicy
    model: FakeModel
    data_dir: Path

    async def post(self, path: str, body: object, token: str = "prac") -> tuple[int, Any]:
        response = await self.client.post(
            f"/cosigner/v1/{path}", json=body, headers={"Authorization": f"Bearer {token}"}
        )
        return response.status, await response.json()

    def audit_rows(self) -> list[tuple[str, str]]:
        conn = sqlite3.connect(self.audit.db_path)
        try:
            rows = conn.execute("SELECT type, CAST(body AS TEXT) FROM entries ORDER BY seq").fetchall()
        finally:
            conn.close()
        return [(str(t), str(b)) for t, b in rows]


@web.middleware
async def fake_guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if token in TOKENS:
        request[PRINCIPAL_KEY] = TOKENS[token]
    return await handler(request)


@pytest.fixture
async def drafting(
    tmp_path: Path, aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]]
) -> AsyncIterator[DraftingHarness]:
    keys = KeyStore(tmp_path)
    audit = await AuditLog.open(audit_db_path(tmp_path), keys, origin="cosigner.test/log")
    policy = FakePolicy()
    model = FakeModel()
    app = web.Application(middlewares=[error_middleware, fake_guard])
    deps = DraftDeps(policy=lambda: policy, keys=keys, audit=lambda: audit, generate=model, data_dir=tmp_path)
    add_draft_routes(app, deps)
    client = await aiohttp_client(app)
    try:
        yield DraftingHarness(client, keys, audit, policy, model, tmp_path)
    finally:
        await client.close()
        await audit.close()
