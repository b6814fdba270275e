"""The ``cosigner`` command line: serve, token, pair, screen, and the policy/audit/verify-draft families."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from cosigner import __version__
from cosigner.config import Config, load_config
from cosigner.errors import ConfigError


def _config(args: argparse.Namespace) -> Config:
    cfg = load_config(args.config)
    if getattr(args, "data_dir", None):
        from dataclasses import replace

        cfg = replace(cfg, data_dir=Path(args.data_dir))
    return cfg


def cmd_serve(args: argparse.Namespace) -> int:
    from cosigner.logsetup import configure_logging
    from cosigner.server import serve

    cfg = _config(args)
    if args.port is not None:
        from dataclasses import replace

        cfg = replace(cfg, port=args.port)
    configure_logging(cfg.log_level)
    # On Windows Ctrl+C arrives as KeyboardInterrupt; the shutdown in serve's finally has already run.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(cfg))
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    from cosigner.auth import AuthStore

    store = AuthStore(_config(args).data_dir)
    store.load()
    which: Literal["api", "dpo"] = "dpo" if args.dpo else "api"
    if args.revoke_extensions:
        count = store.revoke_extensions()
        sys.stdout.write(f"Revoked {count} paired extension token(s). Pair again with `cosigner pair`.\n")
        return 0
    token = store.rotate(which) if args.rotate else (store.dpo_token if args.dpo else store.api_token)
    sys.stdout.write(token + "\n")
    return 0


def cmd_pair(args: argparse.Namespace) -> int:
    from cosigner.auth import PAIRING_TTL_S, AuthStore

    store = AuthStore(_config(args).data_dir)
    store.load()
    code = store.new_pairing_code()
    sys.stdout.write(
        f"Pairing code: {code}\nEnter it on the Cosigner extension's options page within "
        f"{PAIRING_TTL_S // 60} minutes. It works once.\n"
    )
    return 0


def cmd_screen(args: argparse.Namespace) -> int:
    from cosigner.screen import run_screen

    return run_screen(args, _config(args))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cosigner", description="Cosigner: accountable AI drafting for social work"
    )
    parser.add_argument("--version", action="version", version=f"cosigner {__version__}")
    parser.add_argument("--config", type=Path, default=None, help="configuration TOML (or COSIGNER_CONFIG)")
    parser.add_argument("--data-dir", default=None, help="data directory (or COSIGNER_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="run the proxy on 127.0.0.1:8750")
    p.add_argument("--port", type=int, default=None)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("token", help="show or rotate the API token (or the DPO token)")
    p.add_argument("--rotate", action="store_true")
    p.add_argument("--dpo", action="store_true", help="the data-protection officer's token")
    p.add_argument("--revoke-extensions", action="store_true", help="revoke every paired extension")
    p.set_defaults(func=cmd_token)

    p = sub.add_parser("pair", help="print a one-time code to pair the browser extension")
    p.set_defaults(func=cmd_pair)

    p = sub.add_parser("screen", help="screen text offline with the policy (stdin → stdout)")
    p.add_argument("--jsonl", action="store_true", help="read and write JSON lines")
    p.add_argument("--policy", type=Path, default=None)
    p.set_defaults(func=cmd_screen)

    _add_family_commands(sub)
    return parser


def _add_family_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cosigner.drafts.verify_cli import add_verify_draft_command
    from cosigner.policy.cli import add_policy_commands
    from cosigner.store.cli import add_audit_commands

    add_policy_commands(sub)
    add_audit_commands(sub)
    add_verify_draft_command(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        sys.stderr.write(f"cosigner: configuration error:\n{exc}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
