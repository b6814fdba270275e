"""Configuration: a TOML file plus ``COSIGNER_*`` environment variables, validated fully at start.

Every problem is reported as ``<file>: <dotted.key>: <what is wrong>`` and all problems are reported at once.
Credentials are never stored in the file: an upstream names the environment variable that holds its key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

from cosigner.errors import ConfigError
from cosigner.paths import default_data_dir

UpstreamKind = Literal["openai", "azure", "anthropic", "ollama", "openai_compatible"]
UPSTREAM_KINDS: tuple[str, ...] = ("openai", "azure", "anthropic", "ollama", "openai_compatible")
DEFAULT_PORT = 8750
DEFAULT_MAX_BODY = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Upstream:
    name: str
    kind: UpstreamKind
    base_url: str
    api_key_env: str | None = None
    api_version: str | None = None  # Azure OpenAI only

    @property
    def api_format(self) -> Literal["openai", "anthropic"]:
        return "anthropic" if self.kind == "anthropic" else "openai"

    def api_key(self) -> str | None:
        return os.environ.get(self.api_key_env) if self.api_key_env else None


@dataclass(frozen=True, slots=True)
class Route:
    upstream: str
    model: str | None = None  # exact model name
    prefix: str | None = None  # model-name prefix
    upstream_model: str | None = None  # rename on the way out (Azure deployment, Ollama tag)

    def matches(self, model: str) -> bool:
        if self.model is not None:
            return model == self.model
        return self.prefix is not None and model.startswith(self.prefix)


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect: float = 10.0
    total: float = 300.0
    between_chunks: float = 60.0


@dataclass(frozen=True, slots=True)
class Config:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    max_body_bytes: int = DEFAULT_MAX_BODY
    data_dir: Path = field(default_factory=default_data_dir)
    policy_path: Path | None = None
    org_public_key: Path | None = None
    policy_override: Path | None = None
    log_level: str = "INFO"
    timeouts: Timeouts = Timeouts()
    upstreams: tuple[Upstream, ...] = ()
    routes: tuple[Route, ...] = ()
    collector_url: str | None = None
    checkpoint_every: int = 100
    checkpoint_interval_s: float = 900.0
    drafting_model: str = "llama3.2"
    source: str = "<defaults>"

    def upstream(self, name: str) -> Upstream:
        for up in self.upstreams:
            if up.name == name:
                return up
        raise KeyError(name)

    def route_for(self, model: str) -> tuple[Upstream, str] | None:
        """The upstream and the model name to send for ``model``; exact routes win over prefixes."""
        exact = [r for r in self.routes if r.model is not None and r.matches(model)]
        prefixed = sorted(
            (r for r in self.routes if r.prefix is not None and r.matches(model)),
            key=lambda r: -len(r.prefix or ""),
        )
        for route in (*exact, *prefixed):
            return self.upstream(route.upstream), route.upstream_model or model
        return None

    def model_names(self) -> list[str]:
        return sorted({r.model for r in self.routes if r.model is not None})


def default_upstreams(env: Mapping[str, str]) -> tuple[tuple[Upstream, ...], tuple[Route, ...]]:
    """A private local Ollama, plus OpenAI or Anthropic when their API keys are set."""
    ups = [Upstream("ollama", "ollama", "http://127.0.0.1:11434")]
    routes: list[Route] = []
    if env.get("OPENAI_API_KEY"):
        ups.append(Upstream("openai", "openai", "https://api.openai.com/v1", api_key_env="OPENAI_API_KEY"))
        routes += [Route("openai", prefix=p) for p in ("gpt-", "o1", "o3", "o4", "chatgpt-")]
    if env.get("ANTHROPIC_API_KEY"):
        ups.append(
            Upstream("anthropic", "anthropic", "https://api.anthropic.com", api_key_env="ANTHROPIC_API_KEY")
        )
        routes.append(Route("anthropic", prefix="claude-"))
    routes.append(Route("ollama", prefix=""))  # anything else goes to the local model server
    return tuple(ups), tuple(routes)


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    env = os.environ if env is None else env
    raw: dict[str, Any] = {}
    source = "<defaults>"
    if path is None and env.get("COSIGNER_CONFIG"):
        path = Path(env["COSIGNER_CONFIG"])
    if path is not None:
        source = path.name
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{source}: file not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{source}: not valid TOML: {exc}") from None
    return _Validator(source, raw, env).build()


class _Validator:
    def __init__(self, source: str, raw: dict[str, Any], env: Mapping[str, str]) -> None:
        self.source = source
        self.raw = raw
        self.env = env
        self.problems: list[str] = []

    def fail(self, key: str, what: str) -> None:
        self.problems.append(f"{self.source}: {key}: {what}")

    def table(self, obj: Any, key: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(obj, dict):
            self.fail(key, "must be a table")
            return {}
        for k in obj:
            if k not in allowed:
                self.fail(f"{key}.{k}" if key else k, "unknown key")
        return obj

    def build(self) -> Config:
        top = self.table(
            self.raw,
            "",
            {"server", "policy", "timeouts", "upstreams", "routes", "logging", "audit", "drafting"},
        )
        server = self.table(top.get("server", {}), "server", {"host", "port", "max_body_bytes", "data_dir"})
        policy = self.table(top.get("policy", {}), "policy", {"path", "org_public_key", "override"})
        times = self.table(top.get("timeouts", {}), "timeouts", {"connect", "total", "between_chunks"})
        logging_ = self.table(top.get("logging", {}), "logging", {"level"})
        audit = self.table(
            top.get("audit", {}), "audit", {"collector_url", "checkpoint_every", "checkpoint_interval_s"}
        )

        host = self.env.get("COSIGNER_HOST", server.get("host", "127.0.0.1"))
        if not isinstance(host, str) or not host:
            self.fail("server.host", "must be a non-empty string")
            host = "127.0.0.1"
        port = self._int(
            self.env.get("COSIGNER_PORT", server.get("port", DEFAULT_PORT)), "server.port", 0, 65535
        )
        max_body = self._int(
            server.get("max_body_bytes", DEFAULT_MAX_BODY), "server.max_body_bytes", 1024, 1 << 30
        )
        data_dir = self._path(self.env.get("COSIGNER_DATA_DIR", server.get("data_dir")), "server.data_dir")
        timeouts = Timeouts(
            connect=self._float(times.get("connect", 10.0), "timeouts.connect"),
            total=self._float(times.get("total", 300.0), "timeouts.total"),
            between_chunks=self._float(times.get("between_chunks", 60.0), "timeouts.between_chunks"),
        )
        level = str(self.env.get("COSIGNER_LOG_LEVEL", logging_.get("level", "INFO"))).upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            self.fail("logging.level", "must be one of DEBUG, INFO, WARNING, ERROR")
        collector = audit.get("collector_url")
        if collector is not None and not _is_http_url(collector):
            self.fail("audit.collector_url", "must be an http(s) URL")
        drafting = self.table(top.get("drafting", {}), "drafting", {"model"})
        drafting_model = self.env.get("COSIGNER_DRAFTING_MODEL", drafting.get("model", "llama3.2"))
        if not isinstance(drafting_model, str) or not drafting_model:
            self.fail("drafting.model", "must be a model name")
            drafting_model = "llama3.2"
        upstreams, routes = self._upstreams(top)
        cfg = Config(
            host=host,
            port=port,
            max_body_bytes=max_body,
            data_dir=data_dir or default_data_dir(),
            policy_path=self._path(self.env.get("COSIGNER_POLICY", policy.get("path")), "policy.path"),
            org_public_key=self._path(policy.get("org_public_key"), "policy.org_public_key"),
            policy_override=self._path(policy.get("override"), "policy.override"),
            log_level=level,
            timeouts=timeouts,
            upstreams=upstreams,
            routes=routes,
            collector_url=collector,
            checkpoint_every=self._int(
                audit.get("checkpoint_every", 100), "audit.checkpoint_every", 1, 1_000_000
            ),
            checkpoint_interval_s=self._float(
                audit.get("checkpoint_interval_s", 900.0), "audit.checkpoint_interval_s"
            ),
            drafting_model=drafting_model,
            source=self.source,
        )
        if self.problems:
            raise ConfigError("\n".join(self.problems))
        return cfg

    def _upstreams(self, top: dict[str, Any]) -> tuple[tuple[Upstream, ...], tuple[Route, ...]]:
        if "upstreams" not in top and "routes" not in top:
            return default_upstreams(self.env)
        raw_ups = top.get("upstreams", [])
        ups: list[Upstream] = []
        if not isinstance(raw_ups, list):
            self.fail("upstreams", "must be an array of tables ([[upstreams]])")
            raw_ups = []
        for i, item in enumerate(raw_ups):
            key = f"upstreams[{i}]"
            t = self.table(item, key, {"name", "kind", "base_url", "api_key_env", "api_version"})
            name, kind, url = t.get("name"), t.get("kind"), t.get("base_url")
            if not isinstance(name, str) or not name:
                self.fail(f"{key}.name", "must be a non-empty string")
                continue
            if any(u.name == name for u in ups):
                self.fail(f"{key}.name", f"duplicate upstream name {name!r}")
            if kind not in UPSTREAM_KINDS:
                self.fail(f"{key}.kind", "must be one of " + ", ".join(UPSTREAM_KINDS))
                continue
            if not _is_http_url(url):
                self.fail(f"{key}.base_url", "must be an http(s) URL")
                continue
            key_env = t.get("api_key_env")
            if key_env is not None and (not isinstance(key_env, str) or not key_env):
                self.fail(f"{key}.api_key_env", "must name an environment variable")
                key_env = None
            version = t.get("api_version")
            if kind == "azure" and not isinstance(version, str):
                self.fail(f"{key}.api_version", 'is required for Azure OpenAI (e.g. "2024-10-21")')
            ups.append(Upstream(name, kind, str(url).rstrip("/"), key_env, version))
        raw_routes = top.get("routes", [])
        routes: list[Route] = []
        if not isinstance(raw_routes, list):
            self.fail("routes", "must be an array of tables ([[routes]])")
            raw_routes = []
        names = {u.name for u in ups}
        for i, item in enumerate(raw_routes):
            key = f"routes[{i}]"
            t = self.table(item, key, {"model", "prefix", "upstream", "upstream_model"})
            model, prefix, target = t.get("model"), t.get("prefix"), t.get("upstream")
            if (model is None) == (prefix is None):
                self.fail(key, "needs exactly one of model or prefix")
                continue
            if not isinstance(model or prefix or "", str):
                self.fail(f"{key}.{'model' if model is not None else 'prefix'}", "must be a string")
                continue
            if target not in names:
                self.fail(f"{key}.upstream", "must name one of the [[upstreams]]")
                continue
            renamed = t.get("upstream_model")
            if renamed is not None and not isinstance(renamed, str):
                self.fail(f"{key}.upstream_model", "must be a string")
                renamed = None
            routes.append(Route(str(target), model, prefix, renamed))
        return tuple(ups), tuple(routes)

    def _int(self, value: Any, key: str, lo: int, hi: int) -> int:
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(key, "must be an integer")
            return lo
        if isinstance(value, bool) or not lo <= number <= hi:
            self.fail(key, f"must be an integer from {lo} to {hi}")
        return number

    def _float(self, value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.fail(key, "must be a positive number of seconds")
            return 1.0
        return float(value)

    def _path(self, value: Any, key: str) -> Path | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            self.fail(key, "must be a path")
            return None
        return Path(value).expanduser()


def _is_http_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parsed = urlparse(value)
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc)
