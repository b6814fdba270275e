"""`cosigner serve` as a real process: it starts, answers, reloads its policy on a file change or SIGHUP, and
shuts down cleanly on SIGTERM/SIGINT with the audit log closed by a signed checkpoint."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cosigner.keys import KeyStore
from cosigner.store.verify import verify_log

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals; Windows uses Ctrl+C (KeyboardInterrupt)")


def _start(tmp_path: Path, policy: Path) -> tuple[subprocess.Popen[str], int]:
    cfg = tmp_path / "cosigner.toml"
    cfg.write_text(
        f'[server]\nport = 0\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
        f'[policy]\npath = "{policy.as_posix()}"\n'
        '[[upstreams]]\nname = "local"\nkind = "ollama"\nbase_url = "http://127.0.0.1:9"\n'
        '[[routes]]\nprefix = ""\nupstream = "local"\n'
    )
    with (tmp_path / "stderr.log").open("w") as errors:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(
            [sys.executable, "-m", "cosigner.cli", "--config", str(cfg), "serve"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    match = re.search(r":(\d+)\s*$", line)
    if not match:
        _stop(proc, signal.SIGKILL)
        pytest.fail("cosigner serve did not start: " + (tmp_path / "stderr.log").read_text()[-2000:])
    return proc, int(match.group(1))


def _stop(proc: subprocess.Popen[str], sig: int) -> int:
    proc.send_signal(sig)
    try:
        return proc.wait(timeout=20)
    finally:
        if proc.stdout:
            proc.stdout.close()


def _status(port: int, token: str) -> dict[str, object]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/cosigner/v1/status",
        data=b"{}",
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as resp:
        return json.loads(resp.read())  # type: ignore[no-any-return]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_shuts_down_cleanly_with_a_final_checkpoint(tmp_path: Path, sig: signal.Signals) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text((ROOT / "policies" / "default.toml").read_text(encoding="utf-8"), encoding="utf-8")
    proc, port = _start(tmp_path, policy)
    token = json.loads((tmp_path / "data" / "auth.json").read_text())["api_token"]
    assert _status(port, token)["ok"] is True
    assert _stop(proc, sig) == 0
    data = tmp_path / "data"
    report = verify_log(data / "audit.db", KeyStore(data).public_keys())
    assert report.ok, report.reason
    assert report.unsigned_tail == 0  # the shutdown checkpoint covers every entry


def test_policy_reloads_on_file_change_and_sighup_and_keeps_old_on_error(tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    original = (ROOT / "policies" / "default.toml").read_text(encoding="utf-8")
    policy.write_text(original, encoding="utf-8")
    proc, port = _start(tmp_path, policy)
    try:
        token = json.loads((tmp_path / "data" / "auth.json").read_text())["api_token"]
        first = _status(port, token)["policy"]
        changed = original.replace("\nname = ", "\n# edited\nname = ", 1)
        assert changed != original
        policy.write_text(changed, encoding="utf-8")
        deadline = time.time() + 15
        while _status(port, token)["policy"] == first:  # the file watcher picks it up
            assert time.time() < deadline, "policy was not reloaded after the file changed"
            time.sleep(0.3)
        second = _status(port, token)["policy"]
        policy.write_text(changed + "\nnot_a_key = 1\n", encoding="utf-8")  # invalid: unknown key
        proc.send_signal(signal.SIGHUP)
        time.sleep(3)
        assert _status(port, token)["policy"] == second  # the old, valid policy stays in force
    finally:
        _stop(proc, signal.SIGTERM)
