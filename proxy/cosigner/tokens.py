"""Token counting with tiktoken, fully offline.

tiktoken normally downloads its vocabularies on first use.  We never let it: the ``bpe-openai`` wheel ships
the
official ``o200k_base`` and ``cl100k_base`` files (gzip); we decompress them in memory, verify the SHA-256
that
tiktoken itself expects, parse them in tiktoken's own format and build a ``tiktoken.Encoding`` directly.  No
cache directory is read or written and no network call is possible.

Models without a public tokenizer (Claude, local Llama/Mistral models) are counted with ``o200k_base``; for
the
purpose of a limit this is an estimate, documented in docs/policies.md.
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import gzip
import hashlib
import sys
import threading
from importlib.util import find_spec
from pathlib import Path

import tiktoken

# The hashes tiktoken_ext.openai_public pins for the official vocabulary files.
EXPECTED_SHA256: dict[str, str] = {
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
}
_PATTERNS: dict[str, str] = {
    "cl100k_base": (
        r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|"""
        r"""\s*[\r\n]|\s+(?!\S)|\s"""
    ),
    "o200k_base": "|".join(
        [
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""\p{N}{1,3}""",
            r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
            r"""\s*[\r\n]+""",
            r"""\s+(?!\S)""",
            r"""\s+""",
        ]
    ),
}
_SPECIAL: dict[str, dict[str, int]] = {
    "cl100k_base": {
        "<|endoftext|>": 100257,
        "<|fim_prefix|>": 100258,
        "<|fim_middle|>": 100259,
        "<|fim_suffix|>": 100260,
        "<|endofprompt|>": 100276,
    },
    "o200k_base": {"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
}
_CL100K_PREFIXES = (
    "gpt-4-",
    "gpt-3.5",
    "gpt-35",
    "text-embedding-",
    "davinci-002",
    "babbage-002",
    "ft:gpt-4-",
    "ft:gpt-3.5",
)

_lock = threading.Lock()
_cache: dict[str, tiktoken.Encoding] = {}


class VocabularyError(RuntimeError):
    pass


def encoding_name_for(model: str) -> str:
    m = model.lower()
    if m == "gpt-4" or m.startswith(_CL100K_PREFIXES):
        return "cl100k_base"
    return "o200k_base"


def _vocab_path(name: str) -> Path:
    """Locate the wheel's data file without importing ``bpe_openai`` (importing it loads its own)."""
    spec = find_spec("bpe_openai")
    if spec is None or not spec.submodule_search_locations:
        raise VocabularyError("the bpe-openai package (bundled vocabularies) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / f"{name}.tiktoken.gz"


def _vocab_bytes(name: str) -> bytes:
    try:
        raw = gzip.decompress(_vocab_path(name).read_bytes())
    except (OSError, EOFError) as exc:
        raise VocabularyError(f"{name}: bundled vocabulary unreadable ({type(exc).__name__})") from None
    if hashlib.sha256(raw).hexdigest() != EXPECTED_SHA256[name]:
        raise VocabularyError(f"{name}: bundled vocabulary does not match the official SHA-256")
    return raw


def _parse_ranks(data: bytes) -> dict[bytes, int]:
    """The ``.tiktoken`` format, as ``tiktoken.load.load_tiktoken_bpe`` reads it: ``base64(token) rank``."""
    ranks: dict[bytes, int] = {}
    start, size = 0, len(data)
    while start < size:  # line by line without a 200k-element list of lines
        end = data.find(b"\n", start)
        end = size if end < 0 else end
        line = data[start:end]
        start = end + 1
        if line.strip():
            token, rank = line.split()
            ranks[base64.b64decode(token)] = int(rank)
    return ranks


def _build(name: str) -> tiktoken.Encoding:
    ranks = _parse_ranks(_vocab_bytes(name))
    encoding = tiktoken.Encoding(
        name=f"cosigner_{name}",
        pat_str=_PATTERNS[name],
        mergeable_ranks=ranks,
        special_tokens=_SPECIAL[name],
    )
    # The Rust core keeps its own copy of the ranks; the Encoding keeps ours only to pickle itself, which we never
    # do.  Emptying it releases ~20 MB (o200k) of Python objects that would otherwise stay resident.
    ranks.clear()
    _return_free_heap()
    return encoding


def _return_free_heap() -> None:
    """Give the parsing temporaries back to the OS (glibc keeps freed small blocks in its arenas otherwise)."""
    if sys.platform.startswith("linux"):
        # not glibc (e.g. musl): nothing to call, the memory is reused by later allocations instead
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def get_encoding(name: str) -> tiktoken.Encoding:
    if name not in EXPECTED_SHA256:
        raise VocabularyError(f"unknown encoding {name!r}")
    with _lock:
        enc = _cache.get(name)
        if enc is None:
            enc = _build(name)
            _cache[name] = enc
        return enc


def encoding_for_model(model: str) -> tiktoken.Encoding:
    return get_encoding(encoding_name_for(model))


def is_loaded(model: str) -> bool:
    """Whether counting for ``model`` is ready without loading a vocabulary (which takes 0.4–0.9 s)."""
    return encoding_name_for(model) in _cache


def count_tokens(text: str, model: str) -> int:
    """Tokens in ``text`` for ``model``; special-token strings in user text are counted as ordinary text."""
    return len(encoding_for_model(model).encode_ordinary(text))


def warm_up(models: tuple[str, ...] = ("gpt-4o",)) -> None:
    """Load vocabularies at start-up (0.4–0.9 s each) so the first request does not pay for it.

    Only ``o200k_base`` by default (every current OpenAI model, and the estimate for Claude and local models).
    ``cl100k_base`` (GPT-4 / GPT-3.5 era models) costs another ~30 MB resident and is loaded on the first
    request that needs it; pass such a model here when the routing table sends traffic to one.
    """
    for model in models:
        encoding_for_model(model)
