"""The command line, run as a user would: a real process, real files."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

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


# whole euros as Spanish writes them (Babel, es): 1.234 €, the sign after a no-break space
EUROS = re.compile(r"\d{1,3}(?:\.\d{3})+\u00a0€")


def write_profile(tmp_path: Path, **answers: object) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(profile_to_json(Profile.model_validate(answers)), encoding="utf-8")
    return path


def spanish_euro_run(path: Path, *more: str) -> subprocess.CompletedProcess[str]:
    return run_cli("recommend", str(path), "--lang", "es", "--currency", "EUR", *more)


def test_without_lang_and_currency_the_profile_s_own_are_used(tmp_path: Path) -> None:
    path = write_profile(tmp_path, language="es", preferences={"currency": "EUR"})
    result = run_cli("recommend", str(path), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert EUROS.search(result.stdout), "the profile's euros, written as Spanish writes them"
    assert not re.search(r"\$\d", result.stdout)


def test_lang_and_currency_override_the_profile(tmp_path: Path) -> None:
    path = write_profile(tmp_path, language="es", preferences={"currency": "EUR"})
    result = run_cli(
        "recommend", str(path), "--lang", "en", "--currency", "USD", "--format", "markdown"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Ice pick scar treatment options: my summary")
    assert re.search(r"\$\d{1,3},\d{3}", result.stdout) and "€" not in result.stdout


def test_an_unknown_language_or_currency_is_refused(profile_file: Path) -> None:
    for flag, value in (("--lang", "fr"), ("--currency", "JPY")):
        result = run_cli("recommend", str(profile_file), flag, value)
        assert result.returncode == 2 and "invalid choice" in result.stderr


def test_lang_es_currency_eur_gives_spanish_markdown_in_euros(profile_file: Path) -> None:
    result = spanish_euro_run(profile_file, "--format", "markdown")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Opciones de tratamiento para cicatrices en pica de hielo")
    for heading in ("## Para el dermatólogo", "## Mis mejores opciones", "## Fuentes"):
        assert heading in text
    assert "ajuste" in text and "Ice pick scar treatment options" not in text
    assert EUROS.search(text), "euros as Spanish writes them: 1.234 €"
    assert not re.search(r"\$\d", text), "no dollar amounts left"


def test_lang_es_currency_eur_gives_a_spanish_pdf_in_euros(tmp_path: Path) -> None:
    path = write_profile(tmp_path, notes="Mañana, señal, canción")
    out = tmp_path / "resumen.pdf"
    result = spanish_euro_run(path, "--format", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "mi resumen" in text and "Para el dermatólogo" in text
    assert "Mañana, señal, canción" in text, "the DejaVu fonts carry Spanish letters"
    assert "á" in text and "ñ" in text
    # (the PDF's text layer gives the no-break space back as a space)
    assert "€" in text and re.search(r"\d{1,3}(?:\.\d{3})+\s€", text)
    assert re.search(r"Página 1 de \d", text)
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}", text), "the date as Spanish writes it"


def test_lang_es_gives_the_command_line_s_errors_in_spanish(tmp_path: Path) -> None:
    missing = run_cli("recommend", str(tmp_path / "nope.json"), "--lang", "es")
    assert missing.returncode == 2 and "no existe ese archivo" in missing.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"scars": {"depth": "huge"}}', encoding="utf-8")
    result = run_cli("recommend", str(bad), "--lang", "es")
    assert result.returncode == 2
    # the field path and the allowed ids stay as the file writes them
    assert 'scars.depth: "huge" no está permitido; use' in result.stderr
    assert "shallow, moderate, deep" in result.stderr
