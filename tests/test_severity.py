from __future__ import annotations

import pytest

from advisor.profile import Profile, Scars
from advisor.recommend import recommend
from advisor.severity import estimate_severity, score_words


@pytest.mark.parametrize(
    ("visible", "flattens", "grade", "label"),
    [
        (False, False, 2, "mild"),
        (False, True, 2, "mild"),
        (True, True, 3, "moderate"),
        (True, False, 4, "severe"),
    ],
)
def test_goodman_baron_grade_from_two_plain_questions(
    visible: bool, flattens: bool, grade: int, label: str
) -> None:
    severity = estimate_severity(
        Scars(visible_at_conversation_distance=visible, flattens_when_stretched=flattens)
    )
    assert (severity.grade, severity.label) == (grade, label)
    assert "Goodman" in severity.source
    assert severity.explanation


@pytest.mark.parametrize(
    ("scars", "score", "minimum"),
    [
        # 12 deep ice pick scars: 3 points (punched out, deep) x 2 (11-20 scars)
        ({"count": 12}, 6, False),
        ({"count": 5, "depth": "shallow"}, 2, False),  # shallow base: 2 points x 1
        ({"count": 25}, 9, False),  # more than 20 scars: x 3
        # rolling scars counted: at least 1 point (mildly atrophic) x 3 (25 scars)
        ({"count": 5, "other_types": ["rolling"], "other_counts": {"rolling": 25}}, 3 + 3, True),
        # rolling scars not counted: at least one, so at least x 1
        ({"count": 5, "other_types": ["rolling"]}, 3 + 1, True),
        # boxcar scars may be deep (3 points): a minimum even when counted
        ({"count": 5, "other_types": ["boxcar"], "other_counts": {"boxcar": 4}}, 3 + 2, True),
        # raised scars score 6 by area, which the questions do not ask: a minimum
        (
            {"count": 5, "other_types": ["hypertrophic"], "other_counts": {"hypertrophic": 2}},
            9,
            True,
        ),
        # counted as none: nothing added, nothing missing
        ({"count": 5, "other_types": ["rolling"], "other_counts": {"rolling": 0}}, 3, False),
    ],
)
def test_goodman_baron_quantitative_score_by_hand(scars: dict, score: int, minimum: bool) -> None:
    severity = estimate_severity(Scars.model_validate(scars))
    assert (severity.quantitative_score, severity.quantitative_is_minimum) == (score, minimum)


def test_the_score_says_at_least_when_a_count_is_missing() -> None:
    words = score_words(estimate_severity(Scars(count=5, other_types=["rolling"])))
    assert words.startswith("at least 4 (")
    assert "rolling scars (number not given, counted as 1)" in words


def test_the_grade_describes_the_scars_not_the_person() -> None:
    severity = estimate_severity(Scars())
    assert severity.explanation.startswith("On this scale, grade 4 means scars that")
    assert "not how many scars you have or how much they matter to you" in severity.explanation


def test_the_json_report_carries_the_quantitative_score() -> None:
    report = recommend(Profile.model_validate({"scars": {"other_types": ["boxcar"]}})).to_json()
    assert report["severity"]["quantitative_score"] == 6 + 2  # 12 ice pick, 1 boxcar at least
    assert report["severity"]["quantitative_is_minimum"] is True
