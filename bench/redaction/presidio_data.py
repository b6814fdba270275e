"""Map the presidio-research synthetic sentences (shared/eval-data, MIT) to the corpus format (SOURCE.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[3] / "shared" / "eval-data" / "presidio-research-synth"
FILES = ("synth_dataset_v2.json", "generated_large.json")
_GOLD = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "STREET_ADDRESS": "ADDRESS",
    "ADDRESS": "ADDRESS",
}
_TITLE = re.compile(r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|rev|lady|lord)\.?\s+)+", re.IGNORECASE)
_TITLE_ONLY = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|sir|rev|lady|lord)\.?$", re.IGNORECASE)
_BIRTH = re.compile(r"(?i)(birth|born|dob|d\.o\.b|b\.\s*$|birthday)")


def data_dir() -> Path:
    for candidate in (DATA, Path("/work/shared/eval-data/presidio-research-synth")):
        if candidate.exists():
            return candidate
    raise FileNotFoundError("presidio-research-synth data not found next to the checkout")


def load(name: str) -> list[dict[str, Any]]:
    records = json.loads((data_dir() / name).read_text(encoding="utf-8"))
    docs = []
    for index, record in enumerate(records):
        text = record["full_text"]
        gold, neutral = [], []
        for span in record["spans"]:
            kind, start, end = span["entity_type"], span["start_position"], span["end_position"]
            value = text[start:end]
            if kind == "PERSON":
                if _TITLE_ONLY.match(value.strip()):
                    neutral.append({"start": start, "end": end, "type": "TITLE"})
                    continue
                trimmed = _TITLE.match(value)
                if trimmed:
                    neutral.append({"start": start, "end": start + trimmed.end(), "type": "TITLE"})
                    start += trimmed.end()
            if kind == "DATE_TIME" and _BIRTH.search(text[max(0, start - 40) : start]):
                gold.append({"start": start, "end": end, "type": "DOB"})
            elif kind in _GOLD:
                gold.append({"start": start, "end": end, "type": _GOLD[kind]})
            else:
                neutral.append({"start": start, "end": end, "type": kind})
        docs.append(
            {
                "id": f"{name.split('.')[0]}-{index}",
                "text": text,
                "gold": gold,
                "neutral": neutral,
                "context": None,
            }
        )
    return docs
