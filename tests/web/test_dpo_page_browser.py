"""The DPO page in system Chromium (Playwright): charts, metrics, filters, CSV export and escaping render from
real audit data. Skipped with a reason when Chromium is absent, except in CI (CI=true), where that fails."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestServer
from dpo_fixtures import DPO_TOKEN, make_app, populated_log
from playwright.async_api import expect

from cosigner.canonical import canonical_json
from cosigner.store.audit_log import AuditLog
from cosigner.store.merkle import leaf_hash

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("COSIGNER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
if not HAVE_CHROMIUM and os.environ.get("CI") != "true":
    pytest.skip(
        f"system Chromium not found at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )


@pytest.fixture
async def log(tmp_path: Path) -> AsyncIterator[AuditLog]:
    audit = await populated_log(tmp_path)
    yield audit
    await audit.close()


@pytest.fixture
async def base_url(log: AuditLog) -> AsyncIterator[str]:
    server = TestServer(make_app(log), host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.fixture
async def page() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    assert HAVE_CHROMIUM, f"CI requires system Chromium at {CHROMIUM}"
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = await browser.new_context(accept_downloads=True)
        tab = await context.new_page()
        errors: list[str] = []
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.console_errors = errors
        yield tab
        await browser.close()


async def open_page(page: Any, base_url: str) -> None:
    await page.goto(f"{base_url}/cosigner/dpo#token={DPO_TOKEN}")
    await page.wait_for_selector("body[data-loaded='true']", timeout=15_000)


async def test_charts_metrics_and_chain_status_render_from_audit_data(page: Any, base_url: str) -> None:
    await open_page(page, base_url)
    assert "token" not in page.url  # the fragment was removed from the address bar
    kinds = await page.eval_on_selector_all(
        "svg[data-chart='redactions'] rect", "rects => [...new Set(rects.map(r => r.dataset.kind))].sort()"
    )
    assert kinds == ["NHS_NUMBER", "PERSON", "POSTCODE"]
    postcode = await page.eval_on_selector_all(
        "svg[data-chart='redactions'] rect[data-kind='POSTCODE']",
        "rs => rs.reduce((a, r) => a + +r.dataset.count, 0)",
    )
    assert postcode == 12
    blocks = await page.eval_on_selector_all(
        "svg[data-chart='blocks'] rect",
        "rs => Object.fromEntries(rs.map(r => [r.dataset.rule, +r.dataset.count]))",
    )
    assert blocks == {"judgement.risk_score": 3, "judgement.predict_outcome": 1}
    assert await page.text_content("#m-acceptance") == "66.7 %"
    assert await page.text_content("#m-bulk") == "50.0 %"
    assert await page.text_content("#m-median") == "4.5 s"
    status = await page.text_content("#chain-status")
    assert status.startswith("Chain verified up to entry") and "last checkpoint at" in status
    assert "No checkpoint has been anchored" in await page.text_content("#anchor-status")
    rows = await page.eval_on_selector_all("#events tbody tr", "trs => trs.length")
    assert rows == 100 and await page.is_visible("#more")
    assert page.console_errors == []


async def test_filters_paging_and_csv_export(page: Any, base_url: str) -> None:
    await open_page(page, base_url)
    await page.select_option("#f-type", "request_blocked")
    await page.fill("#f-rule", "judgement.risk_score")
    await page.click("#filter-form button[type='submit']")
    await expect(page.locator("#events tbody tr")).to_have_count(3)
    types = await page.eval_on_selector_all("#events tbody tr", "trs => trs.map(t => t.dataset.type)")
    assert types == ["request_blocked"] * 3
    async with page.expect_download() as download_info:
        await page.click("#export-csv")
    download = await download_info.value
    text = (await download.path()).read_text("utf-8")
    lines = text.strip().splitlines()
    assert lines[0].startswith("seq,time,type") and len(lines) == 4
    assert all(",request_blocked,judgement.risk_score," in line for line in lines[1:])
    await page.select_option("#f-type", "")
    await page.fill("#f-rule", "")
    await page.click("#filter-form button[type='submit']")
    await expect(page.locator("#events tbody tr")).to_have_count(100)
    await page.click("#more")
    await expect(page.locator("#events tbody tr")).not_to_have_count(100)
    assert await page.locator("#events tbody tr").count() > 100
    assert page.console_errors == []


async def test_wrong_token_shows_the_login_form(page: Any, base_url: str) -> None:
    await page.goto(f"{base_url}/cosigner/dpo#token=not-the-dpo-token")
    await page.wait_for_selector("#error:not([hidden])")
    assert "refused" in await page.text_content("#error")
    assert await page.is_visible("#login-form") and not await page.is_visible("#app")
    await page.fill("#token-input", DPO_TOKEN)
    await page.click("#login-form button")
    await page.wait_for_selector("body[data-loaded='true']")


async def test_markup_smuggled_into_the_database_is_shown_as_text(
    page: Any, base_url: str, log: AuditLog
) -> None:
    """Markup written into a row by someone with file access is displayed inertly (and the chain flagged)."""
    payload = '<img src=x onerror="window.__pwned=1">'
    await log.append("request_blocked", {"rule_id": "placeholder.rule", "status": 403})
    conn = sqlite3.connect(log.db_path, isolation_level=None)
    conn.execute("DROP TRIGGER entries_only_tombstone")
    seq, body = conn.execute(
        "SELECT seq, body FROM entries WHERE type='request_blocked' ORDER BY seq DESC"
    ).fetchone()
    entry = json.loads(body)
    entry["fields"]["rule_id"] = payload
    new = canonical_json(entry)
    conn.execute("UPDATE entries SET body = ?, hash = ? WHERE seq = ?", (new, leaf_hash(new), seq))
    conn.close()
    await log.checkpoint("test")
    await open_page(page, base_url)
    assert await page.evaluate("window.__pwned") is None
    assert await page.query_selector("#events img") is None
    assert payload in await page.text_content("#events tbody")
    assert payload in await page.text_content("#chart-blocks")
    assert "FAILED" in await page.text_content("#chain-status")
