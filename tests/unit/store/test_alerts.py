"""Alerts: the first snapshot is a baseline, each request is told about once per kind, many at once are grouped,
and kinds switched off stay quiet without piling up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.alerts import BREACHING, GROUP_FROM, NEW_REQUEST, AlertLog, Mention, Snapshot, alerts_due


def snap(open_ids, breaching=()):
    ids = frozenset(open_ids)
    return Snapshot(ids, frozenset(breaching), {i: Mention(i, 100_000 + i, f"R{i}", f"S{i}") for i in ids})


def test_the_first_snapshot_is_only_a_baseline():
    log = AlertLog()
    assert alerts_due(log, snap({1, 2, 3}, {2})) == []
    assert alerts_due(log, snap({1, 2, 3}, {2})) == []


def test_a_new_request_and_one_about_to_breach_are_told_once():
    log = AlertLog()
    alerts_due(log, snap({1, 2}))
    alerts = alerts_due(log, snap({1, 2, 3}, {1}))
    assert [(a.kind, a.count, a.named[0].subject) for a in alerts] == [
        (NEW_REQUEST, 1, "S3"),
        (BREACHING, 1, "S1"),
    ]
    assert alerts_due(log, snap({1, 2, 3}, {1})) == []
    assert alerts_due(log, snap({1, 2, 3}, ())) == []
    assert alerts_due(log, snap({1, 2, 3}, {1})) == [], "back in warning: still told once"


def test_many_requests_in_one_sync_are_one_alert():
    log = AlertLog()
    alerts_due(log, snap({1}))
    alerts = alerts_due(log, snap(range(1, 2 + GROUP_FROM + 10)))
    assert len(alerts) == 1 and alerts[0].count == GROUP_FROM + 10 and len(alerts[0].named) == 3


def test_a_kind_switched_off_is_recorded_but_not_told():
    log = AlertLog()
    alerts_due(log, snap({1}))
    alerts = alerts_due(log, snap({1, 2}, {1}), wanted=(BREACHING,))
    assert [a.kind for a in alerts] == [BREACHING]
    assert alerts_due(log, snap({1, 2}, {1})) == [], "request 2 is not told later either"


@given(st.lists(st.tuples(st.frozensets(st.integers(1, 40)), st.frozensets(st.integers(1, 40))), max_size=12))
def test_no_request_is_told_about_twice_for_one_kind(snapshots):
    log, told = AlertLog(), []
    for open_ids, breaching in snapshots:
        for alert in alerts_due(log, snap(open_ids, breaching & open_ids)):
            if alert.count < GROUP_FROM:
                told.extend((m.id, alert.kind) for m in alert.named)
    assert len(told) == len(set(told))


def test_a_snapshot_names_requests_by_their_number_and_keeps_their_rows_for_the_log(tmp_path):
    from datetime import UTC, datetime

    from store.alerts import alert_snapshot
    from store.db import open_db
    from tests.filed import desk_data_dir, file_raw
    from tests.mailgen import build

    data_dir = desk_data_dir(tmp_path)
    file_raw(data_dir, build(subject="Printer kapot", message_id="<a@example.org>"))
    db = open_db(data_dir)
    now = datetime.now(UTC)
    log = AlertLog()
    assert alerts_due(log, alert_snapshot(db, now, log.newest_known)) == []
    request_id = file_raw(data_dir, build(subject="Lekkage", message_id="<b@example.org>"))
    [alert] = alerts_due(log, alert_snapshot(db, now, log.newest_known))
    number = db.execute("SELECT number FROM requests WHERE id = ?", [request_id]).fetchone()[0]
    assert (alert.kind, alert.named[0].id, alert.named[0].number) == (NEW_REQUEST, request_id, number)
    assert number != request_id and log.newest_known == request_id
    db.conn.close()
