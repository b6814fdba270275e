"""Tokens, roles and extension pairing.

State lives in ``<data_dir>/auth.json`` (written atomically, owner-only where the OS allows).  The API token
(practitioner role, for SDKs and tools) and the DPO token are kept so ``cosigner token`` can show them; extension
tokens and pairing codes are stored only as SHA-256 digests.  The running proxy reloads the file when it changes,
so ``cosigner token --rotate`` and ``cosigner pair`` take effect without a restart.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Role = Literal["practitioner", "dpo", "admin"]
PAIRING_TTL_S = 600
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O/1/I: read aloud and typed by hand


@dataclass(frozen=True, slots=True)
class Principal:
    role: Role
    subject: str  # stable pseudonymous id of the token holder (never the token itself)
    origin: str | None = None  # paired extension origin, when the token belongs to an extension


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_token(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


class AuthStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "auth.json"
        self._state: dict[str, Any] = {}
        self._mtime: float | None = None

    # -- persistence -----------------------------------------------------------------------------------------
    def load(self) -> None:
        """Load (creating tokens on first use). Blocking: call at start-up or via ``asyncio.to_thread``."""
        if self.path.exists():
            self._state = json.loads(self.path.read_text(encoding="utf-8"))
            self._mtime = self.path.stat().st_mtime
        changed = False
        for key, prefix in (("api_token", "cos"), ("dpo_token", "cosdpo")):
            if not self._state.get(key):
                self._state[key] = _new_token(prefix)
                changed = True
        self._state.setdefault("extensions", [])
        self._state.setdefault("pairing", None)
        if changed:
            self._save()

    def reload_if_changed(self) -> bool:
        try:
            mtime = self.path.stat().st_mtime
        except FileNotFoundError:
            return False
        if mtime == self._mtime:
            return False
        self.load()
        return True

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._state, indent=1), encoding="utf-8")
        with contextlib.suppress(OSError):  # filesystems without POSIX modes
            os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
        self._mtime = self.path.stat().st_mtime

    # -- tokens ----------------------------------------------------------------------------------------------
    @property
    def api_token(self) -> str:
        return str(self._state["api_token"])

    @property
    def dpo_token(self) -> str:
        return str(self._state["dpo_token"])

    def rotate(self, which: Literal["api", "dpo"]) -> str:
        self._state[f"{which}_token"] = _new_token("cos" if which == "api" else "cosdpo")
        self._save()
        return str(self._state[f"{which}_token"])

    def authenticate(self, token: str) -> Principal | None:
        if not token:
            return None
        if hmac.compare_digest(token.encode(), self.api_token.encode()):
            return Principal("practitioner", "api:" + _digest(self.api_token)[:12])
        if hmac.compare_digest(token.encode(), self.dpo_token.encode()):
            return Principal("dpo", "dpo:" + _digest(self.dpo_token)[:12])
        digest = _digest(token)
        for ext in self._state["extensions"]:
            if hmac.compare_digest(digest, ext["token_sha256"]) and not ext.get("revoked"):
                return Principal("practitioner", "ext:" + ext["id"], origin=ext["origin"])
        return None

    # -- pairing ---------------------------------------------------------------------------------------------
    def new_pairing_code(self) -> str:
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
        self._state["pairing"] = {"code_sha256": _digest(code), "expires": time.time() + PAIRING_TTL_S}
        self._save()
        return f"{code[:4]}-{code[4:]}"

    def redeem_pairing_code(self, code: str, origin: str) -> str | None:
        """Exchange a one-time code for a long-lived extension token bound to ``origin``."""
        pending = self._state.get("pairing")
        normalised = code.replace("-", "").replace(" ", "").upper()
        if not pending or time.time() > float(pending["expires"]):
            return None
        if not hmac.compare_digest(_digest(normalised), str(pending["code_sha256"])):
            return None
        token = _new_token("cosext")
        self._state["pairing"] = None  # single use
        self._state["extensions"].append(
            {
                "id": secrets.token_hex(6),
                "origin": origin,
                "token_sha256": _digest(token),
                "paired": time.time(),
            }
        )
        self._save()
        return token

    def revoke_extensions(self) -> int:
        count = 0
        for ext in self._state["extensions"]:
            if not ext.get("revoked"):
                ext["revoked"] = True
                count += 1
        self._save()
        return count
