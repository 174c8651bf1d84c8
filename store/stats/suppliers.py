"""The internal-supplier view: how long the desk waited on each colleague department (``waiting_colleague``),
from the waits each request's figures keep."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from store.stats.figures import FigureRow, nearest_rank


@dataclass(frozen=True, slots=True)
class SupplierFigures:
    """How long we waited on one colleague department: finished waits in business minutes, plus open ones."""

    department: str
    waits: int
    requests: int
    median_business_min: float | None
    p90_business_min: float | None
    total_business_min: float
    ongoing: int
    longest_business_min: float | None = None  # the longest finished wait


class SupplierTally:
    """The internal-supplier view fed one request at a time: ``waiting_colleague`` spans per colleague department."""

    def __init__(self) -> None:
        self._finished: dict[str, list[float]] = {}
        self._requests: dict[str, set[int]] = {}
        self._ongoing: dict[str, int] = {}

    def add(self, request_id: int, waits_json: str | None) -> None:
        """One request's ``FigureRow.waits_json``."""
        if waits_json is None:
            return
        for department, _started, minutes in json.loads(waits_json):
            self._requests.setdefault(department, set()).add(request_id)
            if minutes is None:
                self._ongoing[department] = self._ongoing.get(department, 0) + 1
            else:
                self._finished.setdefault(department, []).append(minutes)

    def result(self) -> list[SupplierFigures]:
        """One row per colleague department, sorted by name."""
        rows = []
        for department in sorted(self._requests):
            spans = self._finished.get(department, [])
            ongoing = self._ongoing.get(department, 0)
            rows.append(
                SupplierFigures(
                    department=department,
                    waits=len(spans) + ongoing,
                    requests=len(self._requests[department]),
                    median_business_min=nearest_rank(spans, 50),
                    p90_business_min=nearest_rank(spans, 90),
                    total_business_min=sum(spans),
                    ongoing=ongoing,
                    longest_business_min=max(spans, default=None),
                )
            )
        return rows


def supplier_figures(rows: Iterable[FigureRow]) -> list[SupplierFigures]:
    """The internal-supplier view: time spent ``waiting_colleague`` per colleague department, sorted by name."""
    tally = SupplierTally()
    for row in rows:
        tally.add(row.request_id, row.waits_json)
    return tally.result()
