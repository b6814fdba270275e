"""Regenerate the shipped name gazetteer and English common-word list in proxy/cosigner/data/names/.

    .venv/bin/python -m bench.redaction.build_name_data

Sources (both MIT-licensed, both installed in the venv; nothing is downloaded):
- first names and surnames: Faker's person providers for the locales in LOCALES (Latin-script values only,
  plus an accent-folded copy of each);
- common English words: the OpenAI cl100k_base BPE vocabulary shipped in the bpe-openai wheel.  A lower-case
  word is "common" when " word" is a single token ranked below COMMON_RANK and ranks no worse than " Word"
  (merge rank follows corpus frequency, so words used mostly capitalised - names - fall out).
"""

from __future__ import annotations

import base64
import gzip
import importlib
import importlib.resources
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "proxy" / "cosigner" / "data" / "names"
LOCALES = (
    "en_GB",
    "en_US",
    "en_IE",
    "ga_IE",
    "en_IN",
    "hi_IN",
    "ta_IN",
    "en_PK",
    "pl_PL",
    "ro_RO",
    "tr_TR",
    "lt_LT",
    "lv_LV",
    "et_EE",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "en_NG",
    "tw_GH",
    "en_KE",
    "sw",
    "zu_ZA",
    "hu_HU",
    "cs_CZ",
    "sk_SK",
    "sl_SI",
    "hr_HR",
    "fi_FI",
    "is_IS",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "pt_PT",
    "nl_NL",
    "sv_SE",
    "da_DK",
    "no_NO",
    "id_ID",
    "bn_BD",
    "ar_AA",
    "fa_IR",
    "uk_UA",
    "ru_RU",
    "bg_BG",
    "el_GR",
)
COMMON_RANK = 60000
MIN_NAME_LEN = 2


def _latin(word: str) -> bool:
    return all(c in "-'" or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in word)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _values(provider: type, prefix: str) -> set[str]:
    found: set[str] = set()
    for attr in dir(provider):
        if prefix not in attr or not attr.endswith(("names", "_male", "_female", "_nonbinary")) or "format" in attr:
            continue
        value = getattr(provider, attr)
        if isinstance(value, dict):
            found.update(value)
        elif isinstance(value, (list, tuple)):
            found.update(v for v in value if isinstance(v, str))
    return found


def collect_names() -> tuple[set[str], set[str], list[str]]:
    firsts: set[str] = set()
    lasts: set[str] = set()
    used: list[str] = []
    for locale in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        used.append(locale)
        for target, prefix in ((firsts, "first_name"), (lasts, "last_name")):
            for raw in _values(provider, prefix):
                for word in raw.replace("-", " ").split():
                    word = word.strip(".,")
                    if len(word) >= MIN_NAME_LEN and _latin(word):
                        target.add(word.lower())
                        target.add(_fold(word).lower())
    return firsts, lasts, used


def collect_common_words() -> list[str]:
    path = importlib.resources.files("bpe_openai.data") / "cl100k_base.tiktoken.gz"
    ranks: dict[str, int] = {}
    with gzip.open(str(path)) as handle:
        for line in handle:
            token, rank = line.split()
            try:
                text = base64.b64decode(token).decode("ascii")
            except UnicodeDecodeError:
                continue
            if text.startswith(" ") and text[1:].isalpha():
                ranks[text[1:]] = int(rank)
    common = []
    for word, rank in ranks.items():
        if not word.islower() or len(word) < 2 or rank >= COMMON_RANK:
            continue
        capital = ranks.get(word.capitalize())
        if capital is None or rank <= capital:
            common.append(word)
    return sorted(common)


def main() -> None:
    firsts, lasts, used = collect_names()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "first_names.txt").write_text("\n".join(sorted(firsts)) + "\n", encoding="utf-8")
    (OUT / "surnames.txt").write_text("\n".join(sorted(lasts)) + "\n", encoding="utf-8")
    words = collect_common_words()
    (OUT / "english_common.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (OUT / "faker_locales.txt").write_text("\n".join(used) + "\n", encoding="utf-8")
    print(f"first names {len(firsts)}, surnames {len(lasts)}, common words {len(words)}, locales {len(used)}")


if __name__ == "__main__":
    main()
