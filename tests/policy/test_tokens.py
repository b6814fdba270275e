"""Token counting works offline: the vocabularies come from the bpe-openai wheel, verified by SHA-256."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap

import pytest

from cosigner import tokens


def test_known_token_ids_match_the_official_encodings() -> None:
    assert tokens.encoding_for_model("gpt-4o").encode_ordinary("hello world") == [24912, 2375]
    assert tokens.encoding_for_model("gpt-4").encode_ordinary("hello world") == [15339, 1917]


@pytest.mark.parametrize(
    ("model", "encoding"),
    [
        ("gpt-4o", "o200k_base"),
        ("gpt-4o-mini", "o200k_base"),
        ("gpt-4", "cl100k_base"),
        ("gpt-4-turbo", "cl100k_base"),
        ("gpt-3.5-turbo", "cl100k_base"),
        ("claude-sonnet-4", "o200k_base"),
        ("llama3.1:8b", "o200k_base"),
        ("o3-mini", "o200k_base"),
    ],
)
def test_model_to_encoding(model: str, encoding: str) -> None:
    assert tokens.encoding_name_for(model) == encoding


def test_special_token_text_is_counted_as_ordinary_text() -> None:
    assert tokens.count_tokens("<|endoftext|>", "gpt-4o") > 1


def test_vocabulary_with_wrong_hash_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(tokens.EXPECTED_SHA256, "cl100k_base", "0" * 64)
    with pytest.raises(tokens.VocabularyError, match="SHA-256"):
        tokens._vocab_bytes("cl100k_base")


def test_counting_needs_no_network_and_no_cache(tmp_path: object) -> None:
    """A fresh interpreter with sockets disabled and an empty tiktoken cache still counts tokens."""
    code = textwrap.dedent(
        """
        import socket, os
        def refuse(*a, **k):
            raise RuntimeError("network used")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from cosigner.tokens import count_tokens
        print(count_tokens("Please improve the wording of my visit note.", "gpt-4o"))
        print(count_tokens("Please improve the wording of my visit note.", "gpt-4"))
        print(len(os.listdir(os.environ["TIKTOKEN_CACHE_DIR"])))
        """
    )
    env = {"TIKTOKEN_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    o200k, cl100k, cached = out.stdout.split()
    assert int(o200k) > 5 and int(cl100k) > 5
    assert cached == "0"
    assert socket.socket.connect is not None  # this process untouched


def test_warm_up_loads_only_o200k_and_cl100k_loads_on_demand() -> None:
    import subprocess
    import sys

    code = (
        "from cosigner import tokens\n"
        "tokens.warm_up()\n"
        "assert tokens.is_loaded('gpt-4o') and not tokens.is_loaded('gpt-4')\n"
        "assert tokens.count_tokens('hello world', 'gpt-4') == 2\n"
        "assert tokens.is_loaded('gpt-4')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
