"""Application factory: builds the aiohttp app, its shared services and their lifetimes (``cleanup_ctx``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
from aiohttp import web

from cosigner.auth import AuthStore
from cosigner.config import Config
from cosigner.drafting import make_draft_deps
from cosigner.errors_http import error_middleware
from cosigner.guard import allowed_hosts, make_guard
from cosigner.keys import KeyStore
from cosigner.paths import ensure_data_dir
from cosigner.policy.reload import PolicyHolder
from cosigner.routes import SERVICES, add_routes
from cosigner.services import Services
from cosigner.store.audit_log import AuditLog, stored_origin

log = logging.getLogger("cosigner.app")
BOUND_PORT: web.AppKey[list[int]] = web.AppKey("bound_port", list)
DEFAULT_POLICY = Path(__file__).resolve().parent / "data" / "policies" / "default.toml"


def policy_path(config: Config) -> Path:
    if config.policy_path is not None:
        return config.policy_path
    repo_policy = Path(__file__).resolve().parents[2] / "policies" / "default.toml"
    return repo_policy if repo_policy.exists() else DEFAULT_POLICY


# Screening of large texts runs in a worker thread. While it holds the GIL, the event loop waits up to the
# interpreter's switch interval (5 ms by default) every time it needs the GIL back; 0.5 ms keeps loop steps short.
GIL_SWITCH_INTERVAL_S = 0.0005


def create_app(config: Config) -> web.Application:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    data_dir = ensure_data_dir(config.data_dir)
    auth = AuthStore(data_dir)
    auth.load()
    port_box: list[int] = [config.port]

    def hosts() -> frozenset[str]:
        return allowed_hosts(config.host, port_box[0])

    app = web.Application(
        middlewares=[error_middleware, make_guard(auth, hosts, config.max_body_bytes)],  # type: ignore[list-item]
        client_max_size=config.max_body_bytes,
    )
    app[BOUND_PORT] = port_box
    policies = PolicyHolder(
        policy_path(config),
        org_public_key=config.org_public_key,
        override=config.policy_override,
        state_dir=data_dir,
    )
    keys = KeyStore(data_dir)

    async def services_ctx(app: web.Application) -> AsyncIterator[None]:
        connector = aiohttp.TCPConnector(limit=200, limit_per_host=100, enable_cleanup_closed=True)
        session = aiohttp.ClientSession(connector=connector, auto_decompress=True)
        db_path = data_dir / "audit.db"
        # The origin is signed into every checkpoint, so it is fixed at the log's creation (key rotation keeps it).
        origin = await asyncio.to_thread(stored_origin, db_path) or f"cosigner.local/{keys.key_id}"
        audit = await AuditLog.open(
            db_path,
            keys,
            origin=origin,
            checkpoint_every=config.checkpoint_every,
            checkpoint_interval_s=config.checkpoint_interval_s,
            collector_url=config.collector_url,
        )
        app[SERVICES] = services = Services(config, session, policies, auth, keys, audit)
        await asyncio.to_thread(services.redactor)  # build the detectors' tables before the first request
        policy = policies.current
        await audit.append(
            "policy_loaded",
            {
                "policy_name": policy.name,
                "policy_hash": policy.content_hash,
                "policy_version": policy.version,
            },
        )
        log.info("cosigner ready", extra={"policy": policies.current.name, "data_dir": str(data_dir)})
        auth_watch = asyncio.create_task(_watch_auth_file(auth), name="auth-watch")
        try:
            yield
        finally:
            auth_watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await auth_watch
            await session.close()
            await audit.close()  # finishes in-flight writes and signs a final checkpoint

    app.cleanup_ctx.append(services_ctx)
    add_routes(app)
    _add_feature_routes(app, auth, data_dir)
    return app


async def _watch_auth_file(auth: AuthStore, interval_s: float = 2.0) -> None:
    """Pick up `cosigner token --rotate` / `cosigner pair` from other processes without a restart."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await asyncio.to_thread(auth.reload_if_changed)
        except (OSError, ValueError) as exc:
            log.warning("auth file reload failed", extra={"error_type": type(exc).__name__})


def _add_feature_routes(app: web.Application, auth: AuthStore, data_dir: Path) -> None:
    from cosigner.drafts.api import add_draft_routes
    from cosigner.web import add_dpo_routes

    def is_dpo(token: str) -> bool:
        principal = auth.authenticate(token)
        return principal is not None and principal.role == "dpo"

    add_draft_routes(app, make_draft_deps(app, data_dir))
    add_dpo_routes(app, lambda: app[SERVICES].audit, is_dpo)
