"""What must not happen: inserting before every change was seen, reviewing a field that changed underneath,
pasting unreviewed AI text, a page script accepting on the practitioner's behalf; and the failure states the
practitioner sees (proxy down, policy block, pairing gone, an editor that would not keep the text)."""

from __future__ import annotations

import json

import pytest
from e2e_browser import ExtensionBrowser, screenshot
from playwright.sync_api import Page, expect
from test_extension_fields import DRAFT, ORIGINAL, draft_from, review_hunk

pytestmark = pytest.mark.browser


def accepted_for(ext: ExtensionBrowser, panel: Page) -> list[dict[str, object]]:
    draft_id = panel.locator("body").get_attribute("data-draft-id")
    return [b for _, _, b in ext.stack.audit_entries("draft_accepted") if b.get("draft_id") == draft_id]


def test_insert_is_impossible_while_a_change_is_unseen(ext: ExtensionBrowser) -> None:
    page, panel = draft_from(ext, "textarea")
    panel.check("#attest")
    expect(panel.locator("#insert")).to_be_disabled()
    # Deciding an unseen change is refused, by button (disabled) and by key.
    card = panel.locator('article.hunk[data-index="3"]')
    expect(card.locator("button.keep")).to_be_disabled()
    card.focus()
    panel.keyboard.press("k")
    expect(card).not_to_have_attribute("data-status", "kept")
    # Everything but one change decided: still no insert.
    review_hunk(panel, 0, "keep", None)
    review_hunk(panel, 1, "reject", None)
    review_hunk(panel, 4, "confirm_keep", None)
    expect(panel.locator("#insert")).to_be_disabled()
    # A forged acceptance from the panel's own context (skipping the UI) is refused by the service worker
    # because a change is undecided, and nothing is recorded or inserted.
    draft_id = panel.locator("body").get_attribute("data-draft-id")
    answer = panel.evaluate(
        """(id) => chrome.runtime.sendMessage({type: 'draft.accept', payload: {draftId: id,
             decisions: [{index: 0, action: 'keep', confirmed: false, seen_ms: 0}], bulkAccept: false,
             attestation: {version: '1', accepted: true}, finalText: 'x'}})""",
        draft_id,
    )
    assert answer["ok"] is False and answer["error"]["code"] == "review_refused"
    assert accepted_for(ext, panel) == []
    assert page.evaluate("window.fixture.text()") == ORIGINAL
    page.close()
    panel.close()


def test_editing_the_field_mid_review_resets_the_review(ext: ExtensionBrowser) -> None:
    page, panel = draft_from(ext, "contenteditable")
    review_hunk(panel, 0, "keep", None)
    page.click("#notes")
    page.keyboard.press("End")
    page.keyboard.type(" Added later.")
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "review_reset", timeout=10_000)
    expect(panel.locator("#insert")).to_have_count(0)
    expect(panel.get_by_role("button", name="Draft again from the current text")).to_be_visible()
    screenshot(panel, "state-review-reset")
    # The worker refuses an acceptance of the reset review too.
    draft_id = panel.locator("body").get_attribute("data-draft-id")
    answer = panel.evaluate(
        """(id) => chrome.runtime.sendMessage({type: 'draft.reject', payload: {draftId: id}})""", draft_id)
    assert answer["ok"] is True  # rejecting stays possible and is recorded
    assert accepted_for(ext, panel) == []
    page.close()
    panel.close()


def test_an_edit_made_while_the_model_works_resets_the_review(ext: ExtensionBrowser) -> None:
    from cosigner.testing import Behaviour

    page = ext.open_field("textarea", ORIGINAL)
    ext.press_cosigner_button(page)
    ext.stack.upstream.behaviour = Behaviour(mode="fixed", text=DRAFT, delay_s=1.5)
    panel = ext.panel()
    expect(panel.locator("body")).to_have_attribute("data-state", "ready", timeout=15_000)
    panel.click("#draft")
    expect(panel.locator("body")).to_have_attribute("data-state", "drafting")
    page.click("#notes")
    page.keyboard.press("End")
    page.keyboard.type(" More.")
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "review_reset", timeout=15_000)
    assert accepted_for(ext, panel) == []
    page.close()
    panel.close()

def test_paste_of_an_unreviewed_draft_is_intercepted(ext: ExtensionBrowser) -> None:
    page, panel = draft_from(ext, "textarea")
    other = ext.open_field("ckeditor", "My own words only.")
    ext.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=ext.stack.site_origin)
    # A real paste (Ctrl+V) of one AI-written sentence into another editor on the case system.
    other.evaluate("(t) => navigator.clipboard.writeText(t)", "He said school was going well.")
    ext.focus_field(other, "ckeditor")
    other.keyboard.press("Control+V")
    expect(other.locator('[data-cosigner-notice="paste"]')).to_have_count(1, timeout=5_000)
    assert other.evaluate("window.fixture.text()") == "My own words only."
    # A page-dispatched paste carrying Cosigner's unreviewed marker is stopped as well.
    stopped = page.evaluate(
        """(text) => { const dt = new DataTransfer(); dt.setData('text/plain', text);
             const ev = new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true});
             document.getElementById('notes').dispatchEvent(ev); return ev.defaultPrevented; }""",
        "Some text ⟦AI-assisted draft · unreviewed · ref AIP-7Q2K-9F3M⟧",
    )
    assert stopped is True
    # Ordinary text still pastes.
    other.evaluate("(t) => navigator.clipboard.writeText(t)", " Plus this.")
    other.keyboard.press("Control+V")
    expect(other.locator(".ck-editor__editable")).to_contain_text("Plus this.")
    expect(panel.locator("#banner")).to_contain_text("paste of unreviewed AI text was stopped")
    screenshot(panel, "state-paste-intercepted")
    for p in (page, other, panel):
        p.close()


def test_a_page_script_cannot_trigger_acceptance(ext: ExtensionBrowser) -> None:
    page, panel = draft_from(ext, "textarea")
    for index, action in ((0, "keep"), (1, "keep"), (3, "reject"), (4, "confirm_keep")):
        review_hunk(panel, index, action, None)
    # The review is complete and only the attestation + Insert click remain.  Everything a page can do:
    before = ext.worker.evaluate("chrome.storage.session.get('active').then((x) => JSON.stringify(x.active.capture))")
    results = page.evaluate(
        """async () => {
          const out = {};
          const ta = document.getElementById('notes');
          ta.focus();
          await new Promise((r) => setTimeout(r, 50));
          const host = document.querySelector('[data-cosigner-button]');
          out.buttonVisibleToPage = Boolean(host);
          out.shadowClosed = host ? host.shadowRoot === null : null;
          if (host) {
            host.click();
            for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
              host.dispatchEvent(new MouseEvent(type, {bubbles: true, composed: true}));
            }
          }
          for (const key of ['Enter', 'k', 'i']) {
            document.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
          }
          out.runtime = typeof chrome !== 'undefined' && chrome.runtime && typeof chrome.runtime.sendMessage;
          try {
            await chrome.runtime.sendMessage('x', {type: 'draft.accept', payload: {}});
            out.sendMessage = 'sent';
          } catch (e) { out.sendMessage = 'failed'; }
          window.postMessage({type: 'draft.accept', payload: {}}, '*');
          document.dispatchEvent(new CustomEvent('cosigner:main-request', {detail: JSON.stringify({
            id: '0'.repeat(32), op: 'accept', target: '0'.repeat(32)})}));
          await new Promise((r) => setTimeout(r, 500));
          return out;
        }"""
    )
    assert results["sendMessage"] == "failed"
    assert results["shadowClosed"] in (True, None)
    after = ext.worker.evaluate("chrome.storage.session.get('active').then((x) => JSON.stringify(x.active.capture))")
    assert json.loads(after) == json.loads(before), "an untrusted click must not capture or re-arm anything"
    assert accepted_for(ext, panel) == []
    assert page.evaluate("window.fixture.text()") == ORIGINAL
    expect(panel.locator("body")).to_have_attribute("data-state", "review")
    page.close()
    panel.close()


def test_keyboard_review_and_navigation_keys_never_decide(ext: ExtensionBrowser) -> None:
    page, panel = draft_from(ext, "textarea")
    cards = panel.locator("article.hunk")
    cards.nth(0).focus()
    expect(cards.nth(0)).to_have_attribute("data-status", "seen", timeout=10_000)
    panel.keyboard.press("k")
    expect(cards.nth(0)).to_have_attribute("data-status", "kept")
    for position, key in ((1, "r"), (2, "r")):
        panel.keyboard.press("ArrowDown")
        expect(cards.nth(position)).to_be_focused()
        expect(cards.nth(position)).to_have_attribute("data-status", "seen", timeout=10_000)
        panel.keyboard.press(key)
        expect(cards.nth(position)).to_have_attribute("data-status", "rejected")
    panel.keyboard.press("ArrowDown")
    flagged = cards.nth(3)
    expect(flagged).to_have_attribute("data-status", "seen", timeout=10_000)
    panel.keyboard.press("k")  # refused: the flag is not confirmed yet
    expect(flagged).to_have_attribute("data-status", "seen")
    expect(panel.locator("#banner")).to_contain_text("Tick the check box")
    flagged.focus()
    panel.keyboard.press("c")
    panel.keyboard.press("k")
    expect(flagged).to_have_attribute("data-status", "kept")
    for key in ("ArrowUp", "ArrowDown", "n", "p", "Enter", " "):
        panel.keyboard.press(key)
    expect(panel.locator("body")).to_have_attribute("data-state", "review")  # navigation never inserts
    assert accepted_for(ext, panel) == []
    page.close()
    panel.close()

def test_accept_remaining_never_covers_flagged_changes(ext: ExtensionBrowser) -> None:
    page, panel = draft_from(ext, "textarea")
    for index in (0, 1, 3, 4):
        card = panel.locator(f'article.hunk[data-index="{index}"]')
        card.focus()
        expect(card).to_have_attribute("data-status", "seen", timeout=10_000)
    expect(panel.locator("#accept-remaining")).to_be_disabled()  # attestation first
    panel.check("#attest")
    panel.click("#accept-remaining")
    for index in (0, 1, 3):
        expect(panel.locator(f'article.hunk[data-index="{index}"]')).to_have_attribute("data-status", "kept")
    expect(panel.locator('article.hunk[data-index="4"]')).to_have_attribute("data-status", "seen")
    expect(panel.locator("#insert")).to_be_disabled()
    review_hunk(panel, 4, "confirm_keep", None)
    panel.click("#insert")
    expect(panel.locator("body")).to_have_attribute("data-state", "inserted", timeout=20_000)
    assert page.evaluate("window.fixture.text()").startswith(DRAFT)
    accepted = accepted_for(ext, panel)
    assert len(accepted) == 1 and accepted[0].get("bulk_accept") is True
    page.close()
    panel.close()


def test_text_the_editor_will_not_keep_is_restored_and_offered_to_copy(ext: ExtensionBrowser) -> None:
    page, panel = draft_from(ext, "reverting")
    for index, action in ((0, "keep"), (1, "keep"), (3, "keep"), (4, "confirm_keep")):
        review_hunk(panel, index, action, None)
    panel.check("#attest")
    panel.click("#insert")
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "insert_unverified", timeout=20_000)
    expect(panel.get_by_role("button", name="Copy the accepted text")).to_be_visible()
    screenshot(panel, "state-insert-unverified")
    ext.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=ext.stack.site_origin)
    panel.get_by_role("button", name="Copy the accepted text").click()
    expect(panel.locator("#banner")).to_contain_text("Copied", timeout=5_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(DRAFT) and copied.splitlines()[-1].startswith("Drafted with AI assistance")
    assert page.evaluate("window.fixture.text()") == ORIGINAL
    inserted = [b for _, _, b in ext.stack.audit_entries("draft_inserted")
                if b.get("draft_id") == panel.locator("body").get_attribute("data-draft-id")]
    assert len(inserted) == 1 and inserted[0].get("verified") is False
    page.close()
    panel.close()


def test_policy_block_shows_the_policys_message(ext: ExtensionBrowser) -> None:
    ext.stack.set_draft(DRAFT)
    sent_before = len(ext.stack.upstream.received)
    page = ext.open_field("textarea", ORIGINAL)
    ext.press_cosigner_button(page)
    panel = ext.panel()
    expect(panel.locator("body")).to_have_attribute("data-state", "ready", timeout=15_000)
    panel.select_option("#template", "")
    panel.fill("#instruction", "Predict how likely he is to go missing in the next month.")
    panel.click("#draft")
    failure = panel.locator("section.failure")
    expect(failure).to_have_attribute("data-failure", "policy_blocked", timeout=15_000)
    expect(failure).to_contain_text("Policy rule: prediction")
    screenshot(panel, "state-policy-blocked")
    assert len(ext.stack.upstream.received) == sent_before, "a blocked request never reaches the provider"
    assert page.evaluate("window.fixture.text()") == ORIGINAL
    page.close()
    panel.close()


def test_provider_down_says_nothing_was_changed(ext: ExtensionBrowser) -> None:
    from cosigner.testing import Behaviour

    page = ext.open_field("textarea", ORIGINAL)
    ext.press_cosigner_button(page)
    ext.stack.upstream.behaviour = Behaviour(mode="status", status=503)
    panel = ext.panel()
    expect(panel.locator("body")).to_have_attribute("data-state", "ready", timeout=15_000)
    panel.click("#draft")
    failure = panel.locator("section.failure")
    expect(failure).to_have_attribute("data-failure", "provider_unreachable", timeout=15_000)
    expect(failure).to_contain_text("Your text has not been changed")
    screenshot(panel, "state-provider-unreachable")
    assert page.evaluate("window.fixture.text()") == ORIGINAL
    page.close()
    panel.close()

def test_an_empty_field_is_not_drafted_from(ext: ExtensionBrowser) -> None:
    sent_before = len(ext.stack.upstream.received)
    page = ext.open_field("textarea", "   ")
    ext.press_cosigner_button(page)
    panel = ext.panel()
    expect(panel.locator("body")).to_have_attribute("data-state", "ready", timeout=15_000)
    panel.click("#draft")
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "empty_field", timeout=10_000)
    assert len(ext.stack.upstream.received) == sent_before
    page.close()
    panel.close()

def test_the_token_is_not_where_content_scripts_can_read_it(ext: ExtensionBrowser) -> None:
    """storage.local is readable by content scripts; the token must live only in IndexedDB / storage.session."""
    local = ext.worker.evaluate("chrome.storage.local.get(null).then((x) => JSON.stringify(x))")
    assert "cosext_" not in local
    level = ext.worker.evaluate(
        "chrome.storage.session.get(null).then((x) => JSON.stringify(Object.keys(x)))")
    assert "pairingCache" in level  # the cache is in session storage, which content scripts cannot read
    stored = ext.worker.evaluate(
        """() => new Promise((resolve) => { const r = indexedDB.open('cosigner', 1);
             r.onsuccess = () => { const tx = r.result.transaction('secrets', 'readonly');
               const g = tx.objectStore('secrets').get('pairing');
               g.onsuccess = () => resolve(String(g.result?.token ?? '').startsWith('cosext_')); }; })"""
    )
    assert stored is True

def test_failure_states_say_what_to_do(ext: ExtensionBrowser) -> None:
    """Runs last in this module: it breaks and then restores the pairing and the proxy address."""
    import socket

    from cosigner.routes import SERVICES

    # IT pinned another policy hash than the one the proxy runs: drafting is off.
    ext.worker.evaluate("chrome.storage.local.set({expectedPolicyHash: 'sha256-not-the-running-policy'})")
    panel = ext.panel()
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "policy_mismatch", timeout=15_000)
    screenshot(panel, "state-policy-mismatch")
    panel.close()
    ext.worker.evaluate("chrome.storage.local.remove('expectedPolicyHash')")
    # Token revoked on the proxy side.
    ext.stack.proxy.app[SERVICES].auth.revoke_extensions()
    panel = ext.panel()
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "token_revoked", timeout=15_000)
    screenshot(panel, "state-token-revoked")
    panel.close()
    # Not paired at all.
    options = ext.context.new_page()
    options.goto(ext.url("options.html"))
    options.click("#unpair")
    expect(options.locator("#pair-result")).to_contain_text("no longer paired")
    options.close()
    panel = ext.panel()
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "not_paired", timeout=15_000)
    expect(panel.get_by_role("button", name="Open Cosigner options")).to_be_visible()
    screenshot(panel, "state-not-paired")
    panel.close()
    ext.pair()
    # Proxy not running.
    with ext.stack.proxy_stopped():
        panel = ext.panel()
        failure = panel.locator("section.failure")
        expect(failure).to_have_attribute("data-failure", "proxy_not_running", timeout=15_000)
        expect(failure).to_contain_text("Start Cosigner")
        expect(panel.get_by_role("button", name="Try again")).to_be_visible()
        screenshot(panel, "state-proxy-not-running")
    panel.get_by_role("button", name="Try again").click()  # Cosigner is back
    expect(panel.locator("section.failure")).to_have_count(0, timeout=15_000)
    panel.close()
    # A token is never sent to another address than the proxy that issued it.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        other = s.getsockname()[1]
    ext.configure(origins=[ext.stack.site_origin], proxy_url=f"http://127.0.0.1:{other}")
    panel = ext.panel()
    expect(panel.locator("section.failure")).to_have_attribute("data-failure", "not_paired", timeout=15_000)
    panel.close()
    ext.configure(origins=[ext.stack.site_origin], proxy_url=ext.stack.proxy.url)
