"""Driving the extension in headless Chromium: pairing, settings, fields on the fixture pages, the side panel."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from e2e_harness import CHROMIUM, Stack, artifacts_dir, launch_args
from playwright.sync_api import BrowserContext, Page, Worker, expect

# Where to click to put the caret in each fixture's field.
FIELD_SELECTORS = {
    "textarea": "#notes",
    "reverting": "#notes",
    "react": "#notes",
    "contenteditable": "#notes",
    "ckeditor": ".ck-editor__editable",
    "quill": ".ql-editor",
}


@dataclass
class ExtensionBrowser:
    context: BrowserContext
    worker: Worker
    stack: Stack

    @property
    def extension_id(self) -> str:
        return self.worker.url.split("/")[2]

    def url(self, path: str) -> str:
        return f"chrome-extension://{self.extension_id}/{path}"

    # --- set-up through the options page, as a practitioner would ---------------------------------------------
    def pair(self) -> None:
        page = self.context.new_page()
        page.goto(self.url("options.html"))
        page.fill("#code", self.stack.pairing_code())
        page.click("#pair")
        expect(page.locator("#pair-result")).to_contain_text("Paired with Cosigner", timeout=15_000)
        page.close()

    def configure(self, *, origins: list[str], proxy_url: str) -> None:
        page = self.context.new_page()
        page.goto(self.url("options.html"))
        # Extension pages forbid eval (CSP), so wait with locators rather than wait_for_function.
        expect(page.locator("#proxy-url")).not_to_have_value("", timeout=15_000)
        page.fill("#proxy-url", proxy_url)
        page.fill("#origins", "\n".join(origins))
        page.click("#save")
        expect(page.locator("#save-result")).to_have_text("Saved.", timeout=15_000)
        page.close()

    # --- the case system ---------------------------------------------------------------------------------------
    def open_field(self, kind: str, text: str) -> Page:
        page = self.context.new_page()
        page.goto(f"{self.stack.site_origin}/{kind}.html")
        page.wait_for_function("window.fixture && window.fixture.ready", timeout=20_000)
        page.evaluate("(t) => window.fixture.setText(t)", text)
        self.focus_field(page, kind)
        return page

    def focus_field(self, page: Page, kind: str) -> None:
        if kind == "tinymce":
            page.frame_locator("iframe.tox-edit-area__iframe").locator("body").click()
        elif kind == "iframe":
            page.frame_locator("#frame").locator("#notes").click()
        else:
            page.click(FIELD_SELECTORS[kind])

    def press_cosigner_button(self, page: Page, frame: str | None = None) -> None:
        """A real (trusted) click on the in-page button, which only asks for the side panel."""
        host = (page.frame_locator(frame) if frame else page).locator("[data-cosigner-button]")
        expect(host).to_be_visible(timeout=10_000)
        box = host.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def panel(self) -> Page:
        page = self.context.new_page()
        page.set_viewport_size({"width": 420, "height": 1000})
        page.goto(self.url("sidepanel.html"))
        expect(page.locator("body")).not_to_have_attribute("data-state", "loading", timeout=20_000)
        return page


def launch(playwright: Any, user_data_dir: Path, stack: Stack) -> ExtensionBrowser:
    context = playwright.chromium.launch_persistent_context(
        str(user_data_dir), executable_path=str(CHROMIUM), headless=True, args=launch_args(),
    )
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event(
        "serviceworker", timeout=20_000)
    return ExtensionBrowser(context, worker, stack)


def screenshot(page: Page, name: str) -> None:
    page.screenshot(path=str(artifacts_dir() / f"{name}.png"), full_page=True)


def wait_until(predicate: Callable[[], bool], timeout_s: float = 10.0, interval_s: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval_s)
    return predicate()
