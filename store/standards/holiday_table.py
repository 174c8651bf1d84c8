"""Public holidays kept in the store, so that business time can be counted without the ``holidays`` package.

Loading that package and one country's rules costs about a fifth of a second of interpreter time, which the window
would otherwise spend before it can show a single timer. Each (region, year) is computed once per version of the
package and read back from the ``public_holidays`` table from then on.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sqlite3
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import sqlite_utils

from store.db import transaction
from store.standards.business_time import known_holidays, public_holidays, remember_holidays

log = logging.getLogger(__name__)

# A cache write that has to wait for a sync's transaction is skipped rather than holding up its reader.
_WRITE_WAIT_MS = 100


def package_version() -> str:
    """The installed ``holidays`` version, found without importing the package or ``importlib.metadata`` (each
    costs the window's first paint tens of milliseconds): the name of its dist-info folder says it."""
    spec = importlib.util.find_spec("holidays")
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        for info in site.glob("holidays-*.dist-info"):
            return info.name.removeprefix("holidays-").removesuffix(".dist-info")
    from importlib import metadata

    try:
        return metadata.version("holidays")
    except metadata.PackageNotFoundError:  # a bundle without the package's metadata
        import holidays

        return str(holidays.__version__)


def load_holidays(db: sqlite_utils.Database, regions: Iterable[str], years: Iterable[int]) -> None:
    """Make the holidays of these regions and years known to ``store.standards.business_time``: from the store where it has
    them, else computed and stored for next time. An unknown region is left for the calendar to refuse."""
    regions, years = sorted({region.strip().upper() for region in regions}), sorted(set(years))
    if not regions or not years:
        return
    source = package_version()
    marks = ",".join("?" * len(regions))
    for region, year, days_json in db.execute(
        f"SELECT region, year, days_json FROM public_holidays WHERE source = ? AND region IN ({marks})",
        [source, *regions],
    ):
        days = json.loads(days_json)
        remember_holidays(region, year, {date.fromisoformat(day): name for day, name in days.items()})
    computed = []
    for region in regions:
        for year in years:
            if known_holidays(region, year):
                continue
            try:
                days = public_holidays(region, year)
            except NotImplementedError:
                break
            computed.append((region, year, source, json.dumps({d.isoformat(): n for d, n in days.items()})))
    if computed:
        _store(db, computed)


def _store(db: sqlite_utils.Database, rows: list[tuple[str, int, str, str]]) -> None:
    (waited_ms,) = db.execute("PRAGMA busy_timeout").fetchone()
    db.execute(f"PRAGMA busy_timeout = {_WRITE_WAIT_MS}")
    try:
        with transaction(db):
            db.conn.executemany("INSERT OR REPLACE INTO public_holidays VALUES (?, ?, ?, ?)", rows)
    except sqlite3.OperationalError as error:  # busy or read-only: computed again next time
        log.info("public holidays not stored: %s", error)
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(waited_ms)}")
