from __future__ import annotations

import pytest

from advisor.profile import Scars
from advisor.severity import estimate_severity


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
