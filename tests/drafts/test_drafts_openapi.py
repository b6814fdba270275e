"""The OpenAPI document is valid OpenAPI 3.1 and documents exactly the routes under /cosigner/v1/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import web
from drafts_harness import DraftingHarness, FakeModel, FakePolicy
from openapi_spec_validator import validate

from cosigner.drafts.api import add_draft_routes
from cosigner.drafts.errors import ALL_CODES
from cosigner.drafts.openapi import openapi_document
from cosigner.drafts.service import DraftDeps
from cosigner.keys import KeyStore
from cosigner.routes import add_routes


def _app(tmp_path: Path) -> web.Application:
    app = web.Application()
    add_routes(app)  # the lead's routes: pair and status live under /cosigner/v1/ too
    policy = FakePolicy()
    keys = KeyStore(tmp_path)

    def no_audit() -> Any:
        raise AssertionError("not used")

    add_draft_routes(
        app,
        DraftDeps(policy=lambda: policy, keys=keys, audit=no_audit, generate=FakeModel(), data_dir=tmp_path),
    )
    return app


def test_document_is_valid_openapi_31() -> None:
    document = openapi_document()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_every_cosigner_route_is_documented_and_vice_versa(tmp_path: Path) -> None:
    registered = {
        (route.method.lower(), route.resource.canonical)
        for route in _app(tmp_path).router.routes()
        if route.resource is not None
        and route.resource.canonical.startswith("/cosigner/v1/")
        and route.method in ("GET", "POST")
    }
    documented = {
        (method, path)
        for path, item in openapi_document()["paths"].items()
        for method in item
        if method != "parameters"
    }
    assert registered == documented


def test_every_drafting_error_code_is_documented() -> None:
    described = openapi_document()["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]
    assert all(code in described["description"] for code in ALL_CODES)


async def test_served_document_matches(drafting: DraftingHarness) -> None:
    response = await drafting.client.get("/cosigner/v1/openapi.json")
    assert response.status == 200
    assert await response.json() == openapi_document()
