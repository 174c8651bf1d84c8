"""The report's PDF names requests as people know them: by number."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.report_pdf import write_report
from store import lifecycle
from store.db import open_memory_db
from store.stats.report import report_figures
from tests.unit.store.export_fixtures import add_request, new_account, reply

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def test_the_longest_waits_name_each_request_by_its_number(qapp, tmp_path: Path) -> None:
    db = open_memory_db()
    account = new_account(db)
    request_id = add_request(
        db, account, datetime(2026, 3, 2, 9, 0, tzinfo=UTC), subject="Laptop", number=482913
    )
    reply(
        db,
        account,
        request_id,
        datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        status_after="waiting_colleague",
        department="Engineering",
    )
    lifecycle.set_status(db, request_id, "open", "anna", datetime(2026, 3, 3, 10, 0, tzinfo=UTC))
    out = tmp_path / "report.pdf"
    write_report(report_figures(db, date(2026, 3, 1), date(2026, 3, 31)), out, "2026-04-01 09:00 UTC")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True)
    [line] = [found for found in text.stdout.splitlines() if "Laptop" in found]
    assert request_id != 482913
    assert line.split()[0] == "#482913"
