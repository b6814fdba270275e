"""Resident memory of what an idle proxy holds, component by component.

    .venv/bin/python -m bench.redaction.memory

Loads, in a fresh interpreter and in the order the proxy does, the modules ``cosigner.app`` imports, the
default policy (with the judgement guard's phrase tables), the redactor the policy configures, and the two
tokeniser vocabularies; prints the resident set size (VmRSS, Linux) after each step and what each step added.
The proxy itself warms only ``o200k_base`` at start; ``cl100k_base`` is shown for the case where the routing
table sends traffic to a GPT-4 / GPT-3.5-era model.  ``bench.overhead`` measures the running proxy.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS not available (Linux only)")


def _imports() -> None:
    import cosigner.app  # noqa: F401


def main() -> None:
    state = tempfile.mkdtemp()
    holder: list[object] = []

    def policy() -> None:
        from cosigner.policy.reload import PolicyHolder

        holder.append(PolicyHolder(REPO / "policies" / "default.toml", state_dir=Path(state)).current)

    def redactor() -> None:
        from cosigner.redaction import Redactor

        current = holder[0]
        built = Redactor(current.redaction)  # type: ignore[attr-defined]
        built.redact(["warm up Kerry Nolan 943 476 5919"])
        holder.append(built)

    def vocabulary(name: str) -> Callable[[], None]:
        def load() -> None:
            from cosigner import tokens

            tokens.get_encoding(name)

        return load

    steps: list[tuple[str, Callable[[], None]]] = [
        ("modules imported by cosigner.app (aiohttp, cryptography, tiktoken, name lexicon, ...)", _imports),
        ("default policy loaded (judgement-guard phrase tables, rules)", policy),
        ("redactor for the policy (detectors, automata)", redactor),
        ("tokeniser o200k_base (warmed at start)", vocabulary("o200k_base")),
        ("tokeniser cl100k_base (only when a GPT-4/3.5-era model is used)", vocabulary("cl100k_base")),
    ]
    previous = _rss_mb()
    print(f"{'interpreter':<90} {previous:7.1f} MB")
    for label, step in steps:
        step()
        gc.collect()
        now = _rss_mb()
        print(f"{label:<90} {now:7.1f} MB  (+{now - previous:.1f})")
        previous = now


if __name__ == "__main__":
    main()
