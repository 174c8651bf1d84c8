"""``loket report``: a PDF of a few pages whose key figures are the export's to the decimal, in each interface
language, written whole or not at all."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from bench.export import generate
from store.accounts import set_per_person_figures
from store.db import open_db
from store.stats.export import export
from store.stats.records import Selection

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
MARCH = Selection(date(2025, 3, 1), date(2025, 3, 31))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("report")
    generate(open_db(directory), 1200)
    return directory


def report(
    data_dir: Path, out: Path, *extra: str, period: tuple[str, str] = ("2025-03-01", "2025-03-31")
) -> subprocess.CompletedProcess[str]:
    """``loket report`` in a process of its own, as a scheduled job would run it: no display."""
    command = ["--data-dir", str(data_dir), "report", "--from", period[0], "--to", period[1]]
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *command, *extra, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def pdf_text(path: Path) -> str:
    """The text of the PDF, ligatures (ﬁ) spelled out."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return unicodedata.normalize("NFKC", done.stdout)


def exported_month(data_dir: Path, tmp_path: Path) -> dict[str, str]:
    export(open_db(data_dir), tmp_path / "m.csv", "csv", "month", MARCH)
    with open(tmp_path / "m.csv", encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))


def test_the_key_figures_are_the_exports_to_the_decimal(data_dir, tmp_path):
    out = tmp_path / "march.pdf"
    done = report(data_dir, out, "--language", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    text = pdf_text(out)
    row = exported_month(data_dir, tmp_path)

    def line(label: str) -> str:
        return next(found for found in text.splitlines() if found.strip().startswith(label))

    assert re.search(rf"\b{int(row['requests']):,}\b", line("Requests received"))
    assert re.search(rf"\b{int(row['answered']):,}\b", line("Answered"))
    for label, column in (
        ("First response, median", "first_response_median_business_min"),
        ("First response, P90", "first_response_p90_business_min"),
        ("Resolution, median", "resolution_median_business_min"),
    ):
        assert f"{float(row[column]):,.1f} min" in line(label), label
    assert f"{float(row['within_standard_pct']):.1f} %" in line("Within standard").replace("\u202f", " ")
    assert "We waited on" in text and "Per person" in text and "Definitions" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert 3 <= int(re.search(r"Pages:\s+(\d+)", info)[1]) <= 6


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Service report", "Key figures", "Who asks")),
        ("nl", ("Servicerapport", "Kerncijfers", "Wie vraagt")),
        ("de", ("Servicebericht", "Kennzahlen", "Wer fragt")),
        ("it", ("Rapporto di servizio", "Cifre chiave", "Chi chiede")),
    ],
)
def test_the_report_speaks_each_interface_language(data_dir, tmp_path, artifacts, language, words):
    out = tmp_path / f"report-{language}.pdf"
    done = report(data_dir, out, "--language", language, period=("2025-01-01", "2025-06-30"))
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    for word in words:
        assert word in text, word
    if shutil.which("pdftoppm"):
        pages = ["pdftoppm", "-png", "-r", "60", str(out), str(artifacts / f"report-{language}")]
        subprocess.run(pages, check=True)


def test_per_person_figures_switched_off_are_left_out_with_the_reason(data_dir, tmp_path):
    db = open_db(data_dir)
    account_id = db.execute("SELECT id FROM accounts").fetchone()[0]
    set_per_person_figures(db, account_id, False)
    try:
        out = tmp_path / "no-people.pdf"
        done = report(data_dir, out, "--language", "en")
        assert done.returncode == 0, done.stderr
        text = " ".join(pdf_text(out).split())
        assert "works council's consent" in text
        assert "anna" not in text and "(not assigned)" not in text
    finally:
        set_per_person_figures(db, account_id, True)


def test_a_file_that_cannot_be_written_exits_1_with_one_line_and_leaves_nothing(data_dir, tmp_path):
    done = report(data_dir, tmp_path / "no such folder" / "r.pdf")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "cannot write" in done.stderr
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    done = report(data_dir, folder)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert [path.name for path in tmp_path.iterdir()] == ["a folder.pdf"]


def test_bad_periods_and_departments_are_usage_errors(data_dir, tmp_path):
    out = tmp_path / "r.pdf"
    done = report(data_dir, out, period=("2025-03-31", "2025-03-01"))
    assert done.returncode == 2 and "starts (2025-03-31) after it ends" in done.stderr
    done = report(data_dir, out, "--department", "Nowhere")
    assert done.returncode == 2 and "Nowhere" in done.stderr
    assert not out.exists()


def test_the_report_offers_the_interface_languages():
    from desktop.commands.report import LANGUAGES
    from desktop.i18n import LANGUAGES as INTERFACE

    assert LANGUAGES == INTERFACE
