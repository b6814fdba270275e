"""Export the guard's hand-written behaviour cases in ``tests/policy`` as a development split for the wording model.

    .venv/bin/python -m bench.guard.export_cases      # writes bench/guard/data/dev29.tsv

The behaviour tests list requests the guard must refuse or allow, written over seven rounds of phrase tables.  They
are labelled data like any development split, so the wording model learns from them too; the tests then check that
the rules and the model together still honour every one of them.  What generalises is measured on the held-out
splits, never on these.  Only the module-level case lists are exported, each by the explicit rule below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import cast

from bench.guard.evaluate import DATA, ROOT

OUT = DATA / "dev29.tsv"
# The user message the system-message tests in test_guard.py pair their system prompts with.
INSTRUCTION_NOTE = "Visit note: baby unwashed, mum asleep on the sofa at 2pm."
DRAFTING_NOTE = INSTRUCTION_NOTE + " I think the risk to the baby is high."

# (module, list) → label, fixed category (None: the case names its rule), how a case becomes (system, user, rule)
Case = tuple[str, str, str]


def _text_rule(case: object) -> Case:
    text, rule = cast(tuple[str, str], case)
    return "", text, rule


def _text(case: object) -> Case:
    return "", cast(str, case), ""


def _pair(case: object) -> Case:
    system, user = cast(tuple[str, str], case)
    return system, user, ""


def _system_rule(note: str) -> Callable[[object], Case]:
    def convert(case: object) -> Case:
        system, rule = cast(tuple[str, str], case)
        return system, note, rule

    return convert


def _system(note: str) -> Callable[[object], Case]:
    def convert(case: object) -> Case:
        return cast(str, case), note, ""

    return convert


LISTS = {
    ("test_guard", "BLOCK"): ("block", None, _text_rule),
    ("test_guard", "ALLOW"): ("allow", "general", _text),
    ("test_guard", "MECHANISM_BLOCKS"): ("block", None, _text_rule),
    ("test_guard", "MECHANISM_ALLOWS"): ("allow", "general", _text),
    ("test_guard", "SYSTEM_INSTRUCTIONS"): ("block", None, _system_rule(INSTRUCTION_NOTE)),
    ("test_guard", "SYSTEM_DRAFTING"): ("allow", "rewrite_own", _system(DRAFTING_NOTE)),
    ("test_guard", "FRAMING_BLOCKS"): ("block", None, _text_rule),
    ("test_guard", "FRAMING_ALLOWS"): ("allow", "general", _text),
    ("test_guard_profiling", "SYSTEM_BLOCKED"): ("block", "profiling", _pair),
    ("test_guard_profiling", "SYSTEM_ALLOWED"): ("allow", "rewrite_own", _pair),
    ("test_guard_profiling", "BLOCKED"): ("block", "profiling", _text),
    ("test_guard_profiling", "ALLOWED"): ("allow", "general", _text),
    ("test_guard_purposes", "ALLOWED"): ("allow", "general", _text),
    ("test_guard_purposes", "BLOCKED"): ("block", None, _text_rule),
    ("test_guard_purposes", "EVASIVE_SPELLINGS"): ("block", None, _text_rule),
    ("test_guard_purposes", "PLAIN_DRAFTING"): ("allow", "summarise", _text),
    ("test_guard_purposes", "BARE_VERDICTS"): ("block", None, _text_rule),
    ("test_guard_purposes", "NOT_VERDICTS"): ("allow", "general", _text),
    ("test_guard_purposes", "MORE_ALLOWED"): ("allow", "record_decision", _text),
    ("test_guard_purposes", "MORE_BLOCKED"): ("block", None, _text_rule),
}


def rows() -> Iterable[str]:
    for (module_name, list_name), (label, category, convert) in LISTS.items():
        module = importlib.import_module(f"tests.policy.{module_name}")
        for case in getattr(module, list_name):
            system, user, rule = convert(case)
            text = f"SYSTEM: {system} ⟂ USER: {user}" if system else user
            variant = "split" if system and label == "block" else "plain"
            yield "\t".join((label, rule or category or "", variant, "both", text))


def main() -> int:
    import sys

    sys.path.insert(0, str(ROOT))  # the tests package
    header = ("# label\tcategory\tvariant\tservice\ttext   (dev29: the guard's hand-written behaviour cases from "
              "tests/policy, exported by `python -m bench.guard.export_cases`; do not edit by hand)")
    body = sorted(set(rows()))
    OUT.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(body)} cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
