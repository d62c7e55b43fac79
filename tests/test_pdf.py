from __future__ import annotations

import datetime as dt
import io

import pytest
from factories import make_profile
from pypdf import PdfReader

from advisor.pdf import build_pdf
from advisor.recommend import recommend

NOTES = "Café, 5 €, £3, ✓ done, 😀 emoji, naïve, Łódź; <b>bold?</b> **not bold** =SUM(A1)"
PAGE_POINTS = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}


@pytest.fixture(scope="module")
def cache() -> dict[str, bytes]:
    return {}


def read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_the_summary(cache: dict[str, bytes]) -> None:
    profile = make_profile(health={"cold_sores": True}, scars={"other_types": ["rolling"]},
                           notes=NOTES)  # fmt: skip
    rec = recommend(profile)
    reader, text = read(build_pdf(rec, today=dt.date(2026, 11, 30), image_cache=cache))
    assert 3 <= len(reader.pages) <= 12
    assert "Ice pick scar treatment options: my summary" in text
    assert "does not diagnose" in text
    for option in rec.ranking.options[:3]:
        assert option.name in text
    assert "antiviral" in text, "the cautions"
    assert "Questions to ask the provider" in text
    assert "Café" in text and "€" in text and "✓ done" in text, "the notes, as written"
    assert "<b>bold?</b> **not bold**" in text, "markup in notes is shown literally"
    assert "Lee JB" in text, "the sources cited"
    assert "Page 1 of" in text
    assert "30 November 2026" in text


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_every_page_has_the_right_size_and_nothing_outside_it(
    size: str, cache: dict[str, bytes]
) -> None:
    pdf = build_pdf(recommend(make_profile(notes="x " * 900)), page_size=size, image_cache=cache)
    reader = PdfReader(io.BytesIO(pdf))
    width, height = PAGE_POINTS[size]
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=1)
        assert float(page.mediabox.height) == pytest.approx(height, abs=1)
        positions: list[tuple[float, float]] = []

        def visit(text, cm, tm, font, size_, positions=positions) -> None:
            if text.strip():
                positions.append((tm[4], tm[5]))

        page.extract_text(visitor_text=visit)
        for x, y in positions:
            assert 0 <= x <= width - 20, f"text starts at x={x} on a {size} page"
            assert 0 <= y <= height


def test_the_pdf_has_chart_images(cache: dict[str, bytes]) -> None:
    reader = PdfReader(io.BytesIO(build_pdf(recommend(make_profile()), image_cache=cache)))
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 2  # the fit and the plan timeline; the table holds the rest


def test_chart_images_are_reused_from_the_cache() -> None:
    cache: dict[str, bytes] = {}
    rec = recommend(make_profile())
    build_pdf(rec, image_cache=cache)
    first = dict(cache)
    build_pdf(rec, image_cache=cache)
    assert cache == first and len(cache) == 2


def test_an_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError, match="A4, Letter"):
        build_pdf(recommend(make_profile()), page_size="A3")


def test_the_pdf_still_comes_when_the_charts_cannot_be_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken_renderer(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("vl-convert failed")

    monkeypatch.setattr("advisor.pdf.vlc.vegalite_to_png", broken_renderer)
    rec = recommend(make_profile())
    reader, text = read(build_pdf(rec, image_cache={}))
    assert not any(page.images for page in reader.pages)
    assert "The charts could not be drawn" in " ".join(text.split())
    assert "Sources cited" in text, "everything after the charts is still there"
    assert rec.ranking.options[0].name in text
