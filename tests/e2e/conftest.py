"""Browser e2e fixtures.  Locally the tests skip with the reason when Chromium or the fixture editors are missing;
with CI=true a missing prerequisite is a failure, so CI can never pass by running none of them."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_browser import ExtensionBrowser, launch
from e2e_harness import Stack, missing_prerequisites, reset_artifacts, running_stack


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say why the browser tests did not run, even without -rs."""
    reason = missing_prerequisites()
    if reason is not None and os.environ.get("CI") != "true":
        terminalreporter.write_line(f"NOTE: browser tests skipped: {reason}", yellow=True)


@pytest.fixture(scope="session")
def browser_prerequisites() -> None:
    reason = missing_prerequisites()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session", autouse=True)
def _fresh_artifacts() -> None:
    reset_artifacts()


@pytest.fixture(scope="module")
def stack(browser_prerequisites: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("e2e")) as running:
        yield running


@pytest.fixture(scope="module")
def playwright_instance(browser_prerequisites: None) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def ext(
    playwright_instance: object, stack: Stack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ExtensionBrowser]:
    """Chromium with the extension, paired with the proxy and allowed on the fixture case system."""
    browser = launch(playwright_instance, tmp_path_factory.mktemp("profile"), stack)
    try:
        browser.configure(origins=[stack.site_origin], proxy_url=stack.proxy.url)
        browser.pair()
        yield browser
    finally:
        browser.context.close()
