"""The period report's speed and size for a year of 100,000 requests.

Prints the seconds ``loket report`` needs for the year (target ≤ 5 s), the command as a whole and its figures alone
(the export's rows, grouped), and the PDF's size. The first read after ingest computes every request's figures and
keeps them; that is done before the timing, as the export's benchmark does.

    PYTHONPATH=. .venv/bin/python bench/report.py [--requests 100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from bench.export import YEAR, _timed, generate
from store.db import open_db
from store.stats.records import keep_figures
from store.stats.report import report_figures

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="loket-bench-") as folder:
        base = Path(folder)
        db = open_db(base / "data")
        generate(db, args.requests)
        keep_figures(db)
        first, last = date(YEAR, 1, 1), date(YEAR, 12, 31)
        pdf = base / "report.pdf"
        command = [sys.executable, "-m", "desktop.cli", "--data-dir", str(base / "data"), "report",
                   "--from", str(first), "--to", str(last), "--language", "en", "-o", str(pdf)]  # fmt: skip
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        print("best of three runs; wall-clock seconds (CPU seconds of this process)")
        figures_s, figures_cpu, figures = _timed(lambda: report_figures(db, first, last), runs=3)
        print(
            f"report figures: {figures_s:6.2f} s ({figures_cpu:.2f}) for {figures.current.requests:,} requests"
        )
        whole_s, _, _ = _timed(lambda: subprocess.run(command, check=True, cwd=ROOT, env=environment), runs=3)
        print(f"loket report:   {whole_s:6.2f} s, {pdf.stat().st_size / 1024:.0f} KiB  (target ≤ 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
