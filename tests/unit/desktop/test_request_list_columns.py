"""The request list's columns: sized to their content, the subject takes what is left, and what a person set is
kept for the next start."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from seed import SUBJECTS

from desktop.list_columns import capped_widths
from desktop.request_model import COLUMNS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SUBJECT = COLUMNS.index("subject")


def test_a_long_subject_shows_whole_in_a_1280_by_800_window(open_window, seeded_dir, artifacts):
    window = open_window(seeded_dir[0])
    view = window.list_view
    longest = max(view.fontMetrics().horizontalAdvance(s) for s in SUBJECTS)
    subject_width = view.horizontalHeader().sectionSize(SUBJECT)
    others = [view.horizontalHeader().sectionSize(c) for c in range(len(COLUMNS)) if c != SUBJECT]
    assert subject_width >= 0.85 * longest, (subject_width, longest)
    assert subject_width > max(others)
    window.grab().save(str(artifacts / "columns_1280.png"))
    window.close()


def test_widths_and_order_set_by_hand_are_kept_for_the_next_start(open_window, seeded_dir):
    window = open_window(seeded_dir[0])
    header = window.list_view.horizontalHeader()
    header.moveSection(header.visualIndex(COLUMNS.index("received")), 1)
    header.resizeSection(COLUMNS.index("requester"), 171)
    window.close()
    again = open_window(seeded_dir[0])
    header = again.list_view.horizontalHeader()
    assert header.visualIndex(COLUMNS.index("received")) == 1
    assert header.sectionSize(COLUMNS.index("requester")) == 171
    again.close()


@given(st.dictionaries(st.integers(0, 6), st.integers(20, 400), min_size=1), st.integers(0, 1500))
def test_capped_widths_fit_the_budget_unless_the_headers_alone_do_not(wanted, budget):
    least = {c: min(w, 40) for c, w in wanted.items()}
    widths = capped_widths(wanted, least, budget)
    assert all(least[c] <= widths[c] <= wanted[c] for c in wanted)
    assert sum(widths.values()) <= max(budget, sum(least.values()))
