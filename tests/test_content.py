from __future__ import annotations

from pathlib import Path

import pytest

from advisor.catalog import TREATMENT_IDS, CatalogError
from advisor.content import default_content, load_content


def test_every_option_is_explained_with_benefits_and_harms_in_equal_measure() -> None:
    content = default_content()
    assert tuple(content.options) == TREATMENT_IDS
    for text in content.options.values():
        assert len(text.benefits) >= 2 and len(text.harms) >= 2
        assert abs(len(text.benefits) - len(text.harms)) <= 1
        assert text.what_it_is_like and text.ice_pick_evidence


def test_faq_glossary_and_considerations_are_there() -> None:
    content = default_content()
    assert len(content.faq) >= 10
    assert len(content.glossary) >= 20
    assert set(content.considerations) == {
        "severity",
        "skin_type",
        "goals",
        "budget_downtime",
        "provider",
    }
    terms = [term for term, _ in content.glossary]
    assert terms == sorted(terms, key=str.lower)


def test_a_broken_learn_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "learn.toml"
    bad.write_text("[condition]\nwhat_they_are = 'x'\n")
    with pytest.raises(CatalogError, match=r"learn\.toml"):
        load_content(bad)
