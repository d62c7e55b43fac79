"""The command line, run as a user would: a real process, real files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.profile import Profile, profile_to_json

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(profile_to_json(Profile()), encoding="utf-8")
    return path


def test_json_output_follows_the_contract(profile_file: Path) -> None:
    result = run_cli("recommend", str(profile_file))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    assert [o["rank"] for o in data["options"]] == list(range(1, 15))
    first = data["options"][0]
    assert first["status"] in ("suitable", "caution", "not_advised")
    assert 0 <= first["fit"] <= 100
    assert {"low", "high"} == set(first["total_cost_usd"]) == set(first["sessions"])
    assert data["plan"][0]["step"] == 1
    assert {"id", "start_week", "end_week"} <= set(data["plan"][0])


def test_markdown_and_csv_outputs(profile_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    assert (
        run_cli("recommend", str(profile_file), "--format", "markdown", "-o", str(out)).returncode
        == 0
    )
    assert out.read_text(encoding="utf-8").startswith("# Ice pick scar treatment options")
    result = run_cli("recommend", str(profile_file), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 14


BAD_FILES = [
    ("", "empty"),
    ("{not json", "not valid JSON"),
    (
        '{"scars": {"depth": "huge"}}',
        'scars.depth: "huge" is not allowed; use one of shallow, moderate, deep',
    ),
    ('{"favourite_colour": "blue"}', "favourite_colour: unknown field"),
    ("[]", "expected a JSON object"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_an_invalid_profile_exits_2_with_one_clear_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli("recommend", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr


def test_a_missing_file_or_folder_exits_2(tmp_path: Path) -> None:
    for target, message in ((tmp_path / "nope.json", "no such file"), (tmp_path, "is a folder")):
        result = run_cli("recommend", str(target))
        assert result.returncode == 2 and message in result.stderr
        assert "Traceback" not in result.stderr


def test_an_unwritable_output_exits_2(profile_file: Path, tmp_path: Path) -> None:
    result = run_cli("recommend", str(profile_file), "-o", str(tmp_path / "missing" / "out.json"))
    assert result.returncode == 2 and "cannot be written" in result.stderr


def test_check_data_reports_the_catalog() -> None:
    result = run_cli("check-data")
    assert result.returncode == 0
    assert "14 options" in result.stdout


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_pdf_output(profile_file: Path, tmp_path: Path, size: str) -> None:
    out = tmp_path / "summary.pdf"
    result = run_cli(
        "recommend", str(profile_file), "--format", "pdf", "--page-size", size, "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_a_version_1_file_with_pregnant_or_breastfeeding_says_how_it_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"schema_version": 1, "health": {"pregnant_or_breastfeeding": True}}))
    assert main(["recommend", str(old)]) == 0
    captured = capsys.readouterr()
    assert "read as pregnant" in captured.err
    report = json.loads(captured.out)
    statuses = {o["id"]: o["status"] for o in report["options"]}
    assert statuses["tca_cross"] == "not_advised", "the safer reading"
