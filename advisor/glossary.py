"""Which glossary entries explain the words in a text: every page shows those next to the
text, so a hard word is explained where it appears (the Learn page lists them all)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from advisor.content import Content, default_content


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    meaning: str


def _names(term: str, also: tuple[str, ...]) -> list[str]:
    """'Hyperpigmentation (PIH)' is found as 'Hyperpigmentation' or as 'PIH'."""
    inside = re.findall(r"\(([^)]+)\)", term)
    plain = re.sub(r"\s*\([^)]*\)", "", term).strip()
    return [n for n in (plain, *inside, *also) if n]


def _pattern(name: str) -> re.Pattern[str]:
    """Whole words only, a plural 's' allowed; '(est.)' and other punctuation match as written.
    Abbreviations (HA, PIH) match in capitals only and without the 's': 'has' is not 'HA'."""
    start = r"\b" if name[0].isalnum() else ""
    if name.isupper():
        return re.compile(start + re.escape(name) + r"\b")
    end = r"s?\b" if name[-1].isalnum() else ""
    return re.compile(start + re.escape(name) + end, re.IGNORECASE)


@functools.cache
def _default_matchers() -> tuple[tuple[re.Pattern[str], int], ...]:
    return _compile(default_content())


def _matchers(content: Content) -> tuple[tuple[re.Pattern[str], int], ...]:
    """One pattern per name, longest first, with the index of the entry it belongs to
    (compiled once for the app's own content)."""
    return _default_matchers() if content is default_content() else _compile(content)


def _compile(content: Content) -> tuple[tuple[re.Pattern[str], int], ...]:
    names = [
        (name, n)
        for n, (term, _) in enumerate(content.glossary)
        for name in _names(term, content.glossary_also.get(term, ()))
    ]
    names.sort(key=lambda item: -len(item[0]))
    return tuple((_pattern(name), n) for name, n in names)


def entries_in(
    texts: Iterable[str], content: Content | None = None, *, with_meanings: bool = True
) -> list[Entry]:
    """The glossary entries whose words occur in these texts, and those the found entries'
    meanings use (TCA CROSS is explained with TCA), in glossary (alphabetical) order. A longer
    term wins over a shorter one inside it: 'TCA CROSS' is not also 'TCA'."""
    content = content or default_content()
    found = _found(texts, content)
    if with_meanings:
        found |= _found([content.glossary[n][1] for n in found], content)
    entries = [Entry(*content.glossary[n]) for n in found]
    return sorted(entries, key=lambda e: e.term.lower())


def _found(texts: Iterable[str], content: Content) -> set[int]:
    found: set[int] = set()
    for text in texts:
        taken: list[tuple[int, int]] = []
        for pattern, n in _matchers(content):
            for match in pattern.finditer(text):
                span = match.span()
                if any(span[0] < end and start < span[1] for start, end in taken):
                    continue
                taken.append(span)
                found.add(n)
    return found
