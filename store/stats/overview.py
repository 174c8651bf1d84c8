"""Everything the statistics view shows for a period, computed in one pass over the store.

Weekly figures, departments, requesters and the internal-supplier view share the same stream of per-request
figures, so a year of requests is read once and never held in memory as records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from store.accounts import per_person_figures
from store.stats.figures import GroupFigures, Grouping, feed
from store.stats.records import LEAN_LAYOUT, Selection, StatsSource
from store.stats.suppliers import SupplierFigures, SupplierTally


@dataclass(frozen=True, slots=True)
class Overview:
    selection: Selection
    total: GroupFigures
    weekly: list[GroupFigures]  # keyed by the week's Monday (YYYY-MM-DD); weeks without requests are absent
    departments: list[GroupFigures]
    requesters: list[GroupFigures]
    suppliers: list[SupplierFigures]
    standard: tuple[str, float] | None  # the most used standard and its first-response target, for the chart
    per_person: bool = True  # False: a mailbox switched per-person figures off (``store.accounts``)


_CHUNK = 5000
_REQUEST, _STANDARD, _WAITS = (LEAN_LAYOUT.index(name) for name in ("request_id", "standard", "waits_json"))


def overview(
    db: sqlite_utils.Database, selection: Selection, cancelled: Callable[[], bool] | None = None
) -> Overview:
    """All figures of the statistics view; raises ``Cancelled`` soon after ``cancelled()`` turns true."""
    source = StatsSource(db, selection, cancelled)
    weeks, by_requester = Grouping("week", LEAN_LAYOUT), Grouping("requester_row", LEAN_LAYOUT)
    suppliers = SupplierTally()
    standards: Counter[int] = Counter()
    chunks = source.lean_chunks(_CHUNK)
    try:
        for chunk in chunks:
            feed(chunk, (weeks, by_requester))
            standards.update(row[_STANDARD] for row in chunk if row[_STANDARD])
            for row in chunk:
                if row[_WAITS] is not None:
                    suppliers.add(row[_REQUEST], row[_WAITS])
    finally:
        chunks.close()  # a cancelled read ends here, not later in the collector after the connection is closed
    people = source.people()
    totals = by_requester.regrouped(lambda key: ())
    return Overview(
        selection=selection,
        total=totals[0] if totals else empty_figures(),
        weekly=weeks.result(),
        departments=by_requester.regrouped(lambda key: (people[key][2],)),
        requesters=by_requester.regrouped(lambda key: people[key]),
        suppliers=suppliers.result(),
        standard=_target(source, standards.most_common(1)[0][0]) if standards else None,
        per_person=per_person_figures(db),
    )


def _target(source: StatsSource, standard_id: int) -> tuple[str, float] | None:
    found = source.standards.get(standard_id)
    return None if found is None else (found[0].name, found[0].first_response_min)


def empty_figures() -> GroupFigures:
    """The figures of a group without requests."""
    return GroupFigures((), 0, 0, None, None, None, None, None, 0, None, None, 0)
