"""Tokens and extension pairing: one-time codes, origin binding, rotation, and the CLI that shows them."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from cosigner.auth import AuthStore
from cosigner.cli import main
from cosigner.testing import RunningProxy

EXT_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


def _store(proxy: RunningProxy) -> AuthStore:
    from cosigner.routes import SERVICES

    return proxy.app[SERVICES].auth


async def _post(
    proxy: RunningProxy, path: str, body: dict[str, object], headers: dict[str, str]
) -> tuple[int, dict]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(proxy.url + path, json=body, headers=headers) as r,
    ):
        return r.status, await r.json()


async def test_pairing_code_gives_an_origin_bound_token(proxy: RunningProxy) -> None:
    code = AuthStore(_store(proxy).path.parent)
    code.load()
    one_time = code.new_pairing_code()  # as `cosigner pair` does, from another process
    status, body = await _post(proxy, "/cosigner/v1/pair", {"code": one_time}, {"Origin": EXT_ORIGIN})
    assert status == 200 and body["token"].startswith("cosext_")
    token = body["token"]
    ok, status_body = await _post(
        proxy, "/cosigner/v1/status", {}, {"Origin": EXT_ORIGIN, "Authorization": f"Bearer {token}"}
    )
    assert ok == 200 and status_body["ok"] is True and status_body["policy"]["hash"]
    # the same token from another origin, or without one, is refused
    for origin in ("chrome-extension://otherotherotherotherotherothero", None):
        headers = {"Authorization": f"Bearer {token}"}
        if origin:
            headers["Origin"] = origin
        refused, err = await _post(proxy, "/cosigner/v1/status", {}, headers)
        assert refused == 403 and err["error"]["code"] == "origin_rejected"
    # extension tokens cannot call the provider APIs
    refused, err = await _post(
        proxy,
        "/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": []},
        {"Origin": EXT_ORIGIN, "Authorization": f"Bearer {token}"},
    )
    assert refused == 403
    # the code works once
    again, err = await _post(proxy, "/cosigner/v1/pair", {"code": one_time}, {"Origin": EXT_ORIGIN})
    assert again == 401 and err["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("origin", ["https://evil.example", None])
async def test_pairing_only_from_an_extension(proxy: RunningProxy, origin: str | None) -> None:
    store = AuthStore(_store(proxy).path.parent)
    store.load()
    code = store.new_pairing_code()
    headers = {"Origin": origin} if origin else {}
    status, _ = await _post(proxy, "/cosigner/v1/pair", {"code": code}, headers)
    assert status == 403


async def test_wrong_pairing_code_is_refused(proxy: RunningProxy) -> None:
    status, body = await _post(proxy, "/cosigner/v1/pair", {"code": "AAAA-BBBB"}, {"Origin": EXT_ORIGIN})
    assert status == 401 and "cosigner pair" in body["error"]["message"]


async def test_rotated_token_takes_effect_and_dpo_token_is_not_practitioner(proxy: RunningProxy) -> None:
    store = _store(proxy)
    old = store.api_token
    new = store.rotate("api")
    async with aiohttp.ClientSession() as session:
        async with session.post(
            proxy.url + "/cosigner/v1/status", json={}, headers={"Authorization": f"Bearer {old}"}
        ) as resp:
            assert resp.status == 401
        async with session.post(
            proxy.url + "/cosigner/v1/status", json={}, headers={"Authorization": f"Bearer {new}"}
        ) as resp:
            assert resp.status == 200
    assert store.authenticate(store.dpo_token).role == "dpo"  # type: ignore[union-attr]


def test_cli_token_and_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "token"]) == 0
    first = capsys.readouterr().out.strip()
    assert first.startswith("cos_")
    assert main(["--data-dir", str(tmp_path), "token"]) == 0
    assert capsys.readouterr().out.strip() == first  # shown, not changed
    assert main(["--data-dir", str(tmp_path), "token", "--rotate"]) == 0
    assert capsys.readouterr().out.strip() != first
    assert main(["--data-dir", str(tmp_path), "pair"]) == 0
    assert "Pairing code:" in capsys.readouterr().out


def test_cli_reports_config_errors_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "config.toml"
    bad.write_text("[server]\nport = 'x'\n")
    assert main(["--config", str(bad), "token"]) == 2
    assert "config.toml: server.port: must be an integer" in capsys.readouterr().err


async def test_proxy_restarts_after_signing_key_rotation(tmp_path: Path) -> None:
    from cosigner.routes import SERVICES
    from cosigner.testing import proxy_config, start_proxy

    config = proxy_config(tmp_path / "data", {})
    first = await start_proxy(config)
    old_key = first.app[SERVICES].keys.key_id
    await first.app[SERVICES].audit.rotate_key()
    await first.close()
    second = await start_proxy(config)  # the log's origin is fixed at creation, so reopening still works
    try:
        assert second.app[SERVICES].keys.key_id != old_key
    finally:
        await second.close()
