"""Load a policy pack: parse, validate, verify its signature, apply a tighten-only override, build checks.

    policy = load_policy(path, org_public_key=key_path, state_dir=data_dir, override=override_path)

``PolicyError`` (a ``ConfigError``) lists every problem found, one per line, as ``<file>: <dotted.key>:
<what>``.
With an organisation public key configured, an unsigned, tampered, expired or rolled-back pack is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cosigner.errors import ConfigError
from cosigner.policy import guard as _guard  # noqa: F401  (registers the built-in checks)
from cosigner.policy.contract import check_factory
from cosigner.policy.guard.matcher import automaton
from cosigner.policy.model import Policy, RuleCheck, SignatureInfo
from cosigner.policy.override import loosening_problems, merge_raw, structural_problems
from cosigner.policy.schema import PolicyDocument
from cosigner.policy.signing import SignatureError, load_public_keys, signature_path, verify_bytes
from cosigner.policy.state import RollbackError, check_not_rolled_back, record_accepted
from cosigner.policy.validate import validate_document


class PolicyError(ConfigError):
    """Every problem with a policy, one per line; ``problems`` holds them as a tuple."""

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


def read_toml(path: Path) -> tuple[bytes, dict[str, Any]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PolicyError([f"{path.name}: file not found"]) from None
    except OSError as exc:
        raise PolicyError([f"{path.name}: cannot read ({type(exc).__name__})"]) from None
    try:
        return data, tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise PolicyError([f"{path.name}: not UTF-8 text"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError([f"{path.name}: not valid TOML: {exc}"]) from None


def parse_document(source: str, raw: Mapping[str, Any]) -> PolicyDocument:
    try:
        return validate_document(source, raw)
    except ValueError as exc:
        raise PolicyError(str(exc).splitlines()) from None


def load_policy(
    path: Path,
    *,
    org_public_key: Path | None = None,
    state_dir: Path | None = None,
    override: Path | None = None,
    today: dt.date | None = None,
) -> Policy:
    data, raw = read_toml(path)
    document = parse_document(path.name, raw)
    signature: SignatureInfo | None = None
    if org_public_key is not None:
        signature = _verify(path, data, document, org_public_key, state_dir, today)
    override_hash: str | None = None
    if override is not None:
        document, override_hash = _apply_override(document, raw, override)
    policy = Policy(
        document=document,
        source=path,
        content_hash=hashlib.sha256(data).hexdigest(),
        rule_checks=build_checks(document),
        signature=signature,
        override_source=override,
        override_hash=override_hash,
    )
    if signature is not None and state_dir is not None:
        record_accepted(state_dir, document.name, document.version, policy.content_hash)
    return policy


def build_checks(document: PolicyDocument) -> tuple[RuleCheck, ...]:
    automaton()  # build the guard's phrase automaton now, not on the first request
    try:
        return tuple(RuleCheck(spec, check_factory(spec.check)(spec)) for spec in document.rules)
    except PolicyError:
        raise
    except ConfigError as exc:  # the guard's wording model is missing or altered: refuse the policy
        raise PolicyError([f"policy {document.name}: {exc}"]) from exc


def _verify(
    path: Path,
    data: bytes,
    document: PolicyDocument,
    key_path: Path,
    state_dir: Path | None,
    today: dt.date | None,
) -> SignatureInfo:
    sig_path = signature_path(path)
    try:
        keys = load_public_keys(key_path)
        sig_text = sig_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError([f"{path.name}: unsigned (no {sig_path.name}); an organisation key is configured"]) from None
    except (SignatureError, OSError, UnicodeDecodeError) as exc:
        raise PolicyError(
            [str(exc) if isinstance(exc, SignatureError) else f"{sig_path.name}: cannot read ({type(exc).__name__})"]
        ) from None
    try:
        fields = verify_bytes(data, sig_text, keys, sig_path.name, today)
    except SignatureError as exc:
        raise PolicyError([str(exc)]) from None
    problems: list[str] = []
    if fields.policy != document.name:
        problems.append(f"{sig_path.name}: signed for policy {fields.policy!r}, file is {document.name!r}")
    if fields.version != document.version:
        problems.append(
            f"{sig_path.name}: signed version {fields.version} differs from policy.version {document.version}"
        )
    if problems:
        raise PolicyError(problems)
    if state_dir is not None:  # serve always passes its data directory; offline tools (screen) may not
        try:
            check_not_rolled_back(state_dir, document.name, document.version, fields.file_sha256)
        except RollbackError as exc:
            raise PolicyError([f"{path.name}: {exc}"]) from None
    return SignatureInfo(fields.key_id, fields.version, fields.expires.isoformat(), fields.signed_at)


def _apply_override(base: PolicyDocument, base_raw: Mapping[str, Any], path: Path) -> tuple[PolicyDocument, str]:
    data, extra = read_toml(path)
    problems = [f"{path.name}: {key}: {what}" for key, what in structural_problems(extra)]
    if problems:
        raise PolicyError(problems)
    try:
        merged = validate_document(path.name, merge_raw(base_raw, extra))
    except ValueError as exc:
        raise PolicyError(str(exc).splitlines()) from None
    problems = [f"{path.name}: {key}: {what}" for key, what in loosening_problems(base, merged)]
    if problems:
        raise PolicyError(problems)
    return merged, hashlib.sha256(data).hexdigest()
