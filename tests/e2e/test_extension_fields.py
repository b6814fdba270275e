"""For each kind of field: pair, draft, review (keep, reject, edit, confirm a flagged change), accept, and check
on the editor's own model that exactly the accepted text plus the tag line landed, and that the receipt and the
insertion are in the audit log."""

from __future__ import annotations

import json
import re

import pytest
from e2e_browser import ExtensionBrowser, screenshot, wait_until
from playwright.sync_api import Page, expect

from cosigner.drafts.diff import sentence_hunks

pytestmark = pytest.mark.browser

ORIGINAL = ("Visited Sam at home with his mum. He said school was ok. We talked about his football club. "
            "The flat was tidy. We agreed to meet again.")
DRAFT = ("Visited Sam at home with his mother. He said school was going well. We talked about his football club. "
         "The flat was very tidy. We agreed to meet again on 3 May.")
EDIT = 'He said school was <b>fine</b> & "calm". '  # markup must land as literal text
# hunk index → what the practitioner does (hunk 2 is unchanged; hunk 4 adds a date and is flagged)
PLAN = {0: ("keep", None), 1: ("edit", EDIT), 3: ("reject", None), 4: ("confirm_keep", None)}
TAG_LINE = re.compile(
    r"^Drafted with AI assistance; reviewed and accepted by .+ on .+ \(ref AIP-[0-9A-Z]{4}-[0-9A-Z]{4}\)\.$"
)
FIELDS = ["textarea", "react", "contenteditable", "ckeditor", "tinymce", "quill", "iframe"]
# The first strategy of each adapter is expected to land the text (docs/extension.md documents this table).
FIRST_STRATEGY = {"textarea": "exec-insert-text", "react": "exec-insert-text", "contenteditable": "exec-insert-lines",
                  "ckeditor": "ckeditor5-model", "tinymce": "tinymce-api", "quill": "quill-api",
                  "iframe": "exec-insert-lines"}


def expected_final() -> str:
    """Rebuilt independently of the extension, from the proxy's own diff and the plan above."""
    parts = []
    for hunk in sentence_hunks(ORIGINAL, DRAFT):
        action = PLAN.get(hunk.index)
        if not hunk.changed:
            assert action is None
            parts.append(hunk.original)
        elif action[0] in ("keep", "confirm_keep"):
            parts.append(hunk.proposed)
        elif action[0] == "reject":
            parts.append(hunk.original)
        else:
            parts.append(action[1])
    return "".join(parts)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def review_hunk(panel: Page, index: int, action: str, text: str | None) -> None:
    card = panel.locator(f'article.hunk[data-index="{index}"]')
    card.focus()
    expect(card).to_have_attribute("data-status", "seen", timeout=10_000)
    if action == "confirm_keep":
        expect(card.locator("button.keep")).to_be_disabled()  # not before the flag is confirmed
        card.locator("label.check input").check()
        card.locator("button.keep").click()
        expect(card).to_have_attribute("data-status", "kept")
    elif action == "keep":
        card.locator("button.keep").click()
        expect(card).to_have_attribute("data-status", "kept")
    elif action == "reject":
        card.locator("button.reject").click()
        expect(card).to_have_attribute("data-status", "rejected")
    else:
        card.locator("button.edit").click()
        card.locator("textarea").fill(text or "")
        card.get_by_role("button", name="Save edit").click()
        expect(card).to_have_attribute("data-status", "edited")


def draft_from(ext: ExtensionBrowser, kind: str) -> tuple[Page, Page]:
    ext.stack.set_draft(DRAFT)
    page = ext.open_field(kind, ORIGINAL)
    ext.press_cosigner_button(page, "#frame" if kind == "iframe" else None)
    panel = ext.panel()
    expect(panel.locator("body")).to_have_attribute("data-state", "ready", timeout=15_000)
    screenshot(panel, "state-ready")
    panel.click("#draft")
    expect(panel.locator("body")).to_have_attribute("data-state", "review", timeout=20_000)
    return page, panel


@pytest.mark.parametrize("kind", FIELDS)
def test_reviewed_draft_lands_exactly_in_the_editor_model(ext: ExtensionBrowser, kind: str) -> None:
    page, panel = draft_from(ext, kind)
    screenshot(panel, f"{kind}-1-review-unseen")
    assert panel.locator("article.hunk").count() == 4
    expect(panel.locator("article.hunk.flagged")).to_have_count(1)
    for index, (action, text) in PLAN.items():
        review_hunk(panel, index, action, text)
    final = expected_final()
    expect(panel.locator("#whole")).to_have_text(final)  # the whole text shown once every change is decided
    panel.check("#attest")
    screenshot(panel, f"{kind}-2-review-complete")
    panel.click("#insert")
    expect(panel.locator("body")).to_have_attribute("data-state", "inserted", timeout=20_000)
    screenshot(panel, f"{kind}-3-inserted")

    assert panel.locator("body").get_attribute("data-strategy") == FIRST_STRATEGY[kind]
    tag_line = panel.locator("#tag-line").inner_text()
    assert TAG_LINE.match(tag_line), tag_line
    landed = page.evaluate("window.fixture.text()")
    if kind in ("textarea", "react"):
        assert landed == f"{final}\n{tag_line}"
    else:  # rich editors hold paragraphs; the characters must match exactly, line breaks may be paragraph marks
        assert squash(landed) == squash(f"{final}\n{tag_line}")
        assert landed.strip().endswith(tag_line)
    if kind == "textarea":
        assert page.evaluate("window.submitted") is False  # never submits the form
    if kind == "iframe":  # the iframe's own content script owned the field, addressed by its frame id
        capture = ext.worker.evaluate("chrome.storage.session.get('active').then((x) => x.active.capture)")
        assert capture["frameId"] != 0 and capture["kind"] == "contenteditable"

    draft_id = panel.locator("body").get_attribute("data-draft-id")
    receipt_id = panel.locator("body").get_attribute("data-receipt-id")
    accepted = [b for _, _, b in ext.stack.audit_entries("draft_accepted") if b.get("draft_id") == draft_id]
    inserted = [b for _, _, b in ext.stack.audit_entries("draft_inserted") if b.get("draft_id") == draft_id]
    assert len(accepted) == 1, "the acceptance receipt is in the audit log"
    assert len(inserted) == 1 and inserted[0].get("receipt_id") == receipt_id
    assert inserted[0].get("verified") is True
    page.close()
    panel.close()


def test_case_context_read_from_the_page_reaches_the_proxy(ext: ExtensionBrowser) -> None:
    """IT names page elements holding the subject's name and case reference; they travel as case context."""
    ext.worker.evaluate(
        "chrome.storage.local.set({caseContextSelectors: {subject_name: '#subject-name', case_ref: '#case-ref'}})")
    try:
        ext.stack.set_draft("Visited Sam Taylor at home. He said school was going well.")
        sent_before = len(ext.stack.upstream.received)
        page = ext.open_field("textarea", "Visited Sam Taylor at home. He said school was ok.")
        ext.press_cosigner_button(page)
        panel = ext.panel()
        expect(panel.locator("body")).to_have_attribute("data-state", "ready", timeout=15_000)
        panel.click("#draft")
        expect(panel.locator("body")).to_have_attribute("data-state", "review", timeout=20_000)
        draft_id = panel.locator("body").get_attribute("data-draft-id")
        issued = [b for _, _, b in ext.stack.audit_entries("draft_issued") if b.get("draft_id") == draft_id]
        assert len(issued) == 1 and issued[0].get("case_ref"), "the case reference was sent (stored keyed-hashed)"
        sent = json.dumps(ext.stack.upstream.received[sent_before:])
        assert "Taylor" not in sent and "C-1042" not in sent
        page.close()
        panel.close()
    finally:
        ext.worker.evaluate("chrome.storage.local.remove('caseContextSelectors')")


@pytest.mark.parametrize("kind", ["textarea", "tinymce"])
def test_keyboard_shortcut_path_captures_the_focused_field(ext: ExtensionBrowser, kind: str) -> None:
    """The shortcut asks every frame which one holds focus; that frame (for TinyMCE: the page holding the editor's
    iframe) arms its field.  Browser accelerators cannot be pressed headless, so the worker's message is sent as
    the command handler sends it."""
    page = ext.open_field(kind, ORIGINAL)
    before = ext.worker.evaluate("chrome.storage.session.get('active').then((x) => x.active?.capture?.fieldToken)")
    ext.worker.evaluate(
        """async (url) => { const [tab] = await chrome.tabs.query({url});
             await chrome.tabs.sendMessage(tab.id, {type: 'report-focus'}).catch(() => {}); }""",
        f"{ext.stack.site_origin}/{kind}.html",
    )
    read = "chrome.storage.session.get('active').then((x) => x.active?.capture ?? {})"
    assert wait_until(lambda: ext.worker.evaluate(read).get("fieldToken") not in (None, before))
    capture = ext.worker.evaluate(read)
    assert capture["fieldToken"] != before
    assert capture["kind"] == ("tinymce" if kind == "tinymce" else "textarea")
    assert capture["frameId"] == 0
    page.close()
