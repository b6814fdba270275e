from __future__ import annotations

import pytest

from cosigner.wire.paths import format_path, get_path, set_path


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ((), ""),
        (("model",), "model"),
        (("messages", 2, "content"), "messages[2].content"),
        (("messages", 0, "content", 1, "text"), "messages[0].content[1].text"),
        (("system", 0), "system[0]"),
    ],
)
def test_format_path(path: tuple[str | int, ...], expected: str) -> None:
    assert format_path(path) == expected


def test_get_and_set_path() -> None:
    body = {"messages": [{"content": [{"text": "a"}]}]}
    assert get_path(body, ("messages", 0, "content", 0, "text")) == "a"
    set_path(body, ("messages", 0, "content", 0, "text"), "b")
    assert body == {"messages": [{"content": [{"text": "b"}]}]}


@pytest.mark.parametrize(
    "path",
    [("missing",), ("messages", 1), ("messages", -1), ("messages", "0"), ("messages", 0, "content", 0, "x")],
)
def test_missing_paths_raise_key_error(path: tuple[str | int, ...]) -> None:
    body = {"messages": [{"content": [{"text": "a"}]}]}
    with pytest.raises(KeyError):
        get_path(body, path)
    with pytest.raises(KeyError):
        set_path(body, path, "x")


def test_set_path_never_creates_keys() -> None:
    body: dict[str, object] = {"a": {}}
    with pytest.raises(KeyError):
        set_path(body, ("a", "b"), "x")
    assert body == {"a": {}}
