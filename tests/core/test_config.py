"""Configuration: defaults, environment overrides, routing, and errors that name the exact key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cosigner.config import load_config
from cosigner.errors import ConfigError

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_route_everything_to_local_ollama() -> None:
    cfg = load_config(None, env={})
    assert (cfg.host, cfg.port) == ("127.0.0.1", 8750)
    upstream, model = cfg.route_for("llama3.2") or (None, "")
    assert upstream is not None and upstream.kind == "ollama" and model == "llama3.2"


def test_api_keys_in_env_add_providers() -> None:
    cfg = load_config(None, env={"OPENAI_API_KEY": "k", "ANTHROPIC_API_KEY": "k"})
    assert cfg.route_for("gpt-4o")[0].kind == "openai"  # type: ignore[index]
    assert cfg.route_for("claude-sonnet-4")[0].kind == "anthropic"  # type: ignore[index]


def test_env_overrides_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[server]\nport = 9000\n")
    assert load_config(path, env={"COSIGNER_PORT": "9100"}).port == 9100


def test_exact_route_beats_prefix(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[[upstreams]]
name = "a"
kind = "openai_compatible"
base_url = "http://127.0.0.1:1/v1"
[[upstreams]]
name = "b"
kind = "azure"
base_url = "https://x.openai.azure.com"
api_version = "2024-10-21"
[[routes]]
prefix = "gpt-"
upstream = "a"
[[routes]]
model = "gpt-4o"
upstream = "b"
upstream_model = "deploy1"
""",
    )
    cfg = load_config(path, env={})
    assert cfg.route_for("gpt-4o")[0].name == "b" and cfg.route_for("gpt-4o")[1] == "deploy1"  # type: ignore[index]
    assert cfg.route_for("gpt-4o-mini")[0].name == "a"  # type: ignore[index]


BAD = [
    (
        "[[upstreams]]\nname='x'\nkind='openai'\nbase_url='ftp://x'\n",
        "config.toml: upstreams[0].base_url: must be an http(s) URL",
    ),
    ("[server]\nport='high'\n", "config.toml: server.port: must be an integer"),
    ("[server]\nprot=1\n", "config.toml: server.prot: unknown key"),
    (
        "[[upstreams]]\nname='x'\nkind='gemini'\nbase_url='http://a'\n",
        "config.toml: upstreams[0].kind: must be one of",
    ),
    (
        "[[upstreams]]\nname='x'\nkind='azure'\nbase_url='https://a'\n",
        "config.toml: upstreams[0].api_version: is required",
    ),
    (
        "[[upstreams]]\nname='x'\nkind='ollama'\nbase_url='http://a'\n[[routes]]\nprefix=''\nupstream='y'\n",
        "config.toml: routes[0].upstream: must name one of the [[upstreams]]",
    ),
    ("[timeouts]\nconnect=-1\n", "config.toml: timeouts.connect: must be a positive number of seconds"),
    ("[server\n", "config.toml: not valid TOML"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_config_names_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(_write(tmp_path, text), env={})
    assert message in str(info.value)


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(_write(tmp_path, "[server]\nport='x'\nhost=''\n"), env={})
    assert len(str(info.value).splitlines()) == 2


def test_every_config_key_is_documented() -> None:
    import cosigner.config as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    docs = DOCS.read_text(encoding="utf-8")
    tables = re.findall(r'self\.table\(\s*top\.get\("(\w+)", \{\}\), "\w+", (\{[^}]*\})', source)
    assert tables
    for section, keys in tables:
        for key in re.findall(r'"(\w+)"', keys):
            assert f"`{section}.{key}`" in docs, f"{section}.{key} is not documented"
    for key in ("name", "kind", "base_url", "api_key_env", "api_version"):
        assert f"`upstreams[].{key}`" in docs
    for key in ("model", "prefix", "upstream", "upstream_model"):
        assert f"`routes[].{key}`" in docs
