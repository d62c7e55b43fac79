"""Reading ease of the Learn text: Fernández-Huerta and INFLESZ for Spanish, Flesch for
English. `python bench/readability.py` prints both languages.

Fernández-Huerta (1959): 206.84 - 0.60 P - 1.02 F, P syllables and F sentences per 100
words. INFLESZ (Barrio-Cantalejo 2008, on Szigriszt-Pazos): 206.835 - 62.3 S/W - W/F;
55-65 is "normal", as a popular magazine; above 65, "fairly easy" (about age 12). Syllables
are counted by rule (vowel groups, split where two strong vowels meet): an estimate.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STRONG = set("aeoáéóíú")  # an accented i or u breaks a diphthong
VOWELS = STRONG | set("iuü")
WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")


def spanish_syllables(word: str) -> int:
    word = word.lower()
    count, previous = 0, ""
    for letter in word:
        starts = previous not in VOWELS or (letter in STRONG and previous in STRONG)
        if letter in VOWELS and starts:
            count += 1
        previous = letter
    return max(1, count)


def english_syllables(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word.lower())
    count = len(groups) - (1 if word.lower().endswith("e") and len(groups) > 1 else 0)
    return max(1, count)


def texts(data: object) -> list[str]:
    """Every sentence-like string in a TOML tree (ids and short labels left out)."""
    if isinstance(data, dict):
        return [t for k, v in data.items() if k not in ("id", "term") for t in texts(v)]
    if isinstance(data, list):
        return [t for item in data for t in texts(item)]
    if isinstance(data, str) and len(data.split()) >= 4:
        return [re.sub(r"\[S[\d,\s]+\]", "", data)]
    return []


def counts(text: str, syllables) -> tuple[int, int, int]:
    words = WORD.findall(text)
    sentences = max(1, len(re.findall(r"[.!?:;]+(\s|$)", text)))
    return len(words), sentences, sum(syllables(w) for w in words)


def report(path: Path, spanish: bool) -> dict[str, float]:
    corpus = " ".join(texts(tomllib.loads(path.read_text(encoding="utf-8"))))
    words, sentences, syllables = counts(
        corpus, spanish_syllables if spanish else english_syllables
    )
    if spanish:
        p, f = 100 * syllables / words, 100 * sentences / words
        return {
            "words": words,
            "fernandez_huerta": 206.84 - 0.60 * p - 1.02 * f,
            "inflesz": 206.835 - 62.3 * syllables / words - words / sentences,
        }
    return {
        "words": words,
        "flesch_reading_ease": 206.835 - 1.015 * words / sentences - 84.6 * syllables / words,
        "flesch_kincaid_grade": 0.39 * words / sentences + 11.8 * syllables / words - 15.59,
    }


if __name__ == "__main__":
    print("English data/learn.toml:", report(ROOT / "data" / "learn.toml", spanish=False))
    print("Spanish data/es/learn.toml:", report(ROOT / "data" / "es" / "learn.toml", spanish=True))
