"""Service-standard arithmetic: mean time per call of ``business_minutes_between`` over a 60-day span and of
``due_at`` for a 3-working-day target (target ≤ 20 µs each), and recomputing the due dates of 100,000 open
requests after a change of standard in one transaction (target ≤ 2 s).

Run: ``.venv/bin/python bench/standards.py [--requests N]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from store.db import open_db, transaction  # noqa: E402
from store.standards.business_time import MONDAY_TO_FRIDAY_9_TO_17, Calendar, business_minutes_between, due_at  # noqa: E402
from store.standards.rules import (  # noqa: E402
    Standard,
    add_calendar,
    add_standard,
    edit_standard,
    recompute_due_dates,
)
from store.timeutil import to_db  # noqa: E402

CALL_TARGET_US = 20.0
RECOMPUTE_TARGET_S = 2.0


def _per_call_us(function, arguments: list[tuple], repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        for args in arguments:
            function(*args)
    return (time.perf_counter() - started) / (repeat * len(arguments)) * 1e6


def bench_calls() -> tuple[float, float]:
    calendar = Calendar("Europe/Amsterdam", holidays="NL")
    rng = random.Random(4)
    base = datetime(2026, 1, 5, 8, tzinfo=UTC)
    starts = [base + timedelta(minutes=rng.randrange(0, 300 * 24 * 60)) for _ in range(1000)]
    spans = [(start, start + timedelta(days=60), calendar) for start in starts]
    dues = [(start, 3 * calendar.working_day_minutes, calendar) for start in starts]
    business_minutes_between(*spans[0])  # the calendar's year of intervals is built once, then cached
    due_at(*dues[0])
    return _per_call_us(business_minutes_between, spans, 20), _per_call_us(due_at, dues, 20)


def bench_recompute(requests: int) -> tuple[float, float, float, float]:
    """Wall-clock and CPU seconds of one recompute, then of a whole edit of the standard's target (the change
    event's work: checks, update, recompute); CPU time shows the cost when other work shares the cores."""
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder))
        calendar_id = add_calendar(db, "desk", "Europe/Amsterdam", MONDAY_TO_FRIDAY_9_TO_17, "NL")
        now = datetime(2026, 11, 23, 12, tzinfo=UTC)
        db.execute(
            "INSERT INTO accounts (id, name, address, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
            "smtp_security, username, calendar_id, created_at) VALUES (1, 'desk', 'desk@example.org', "
            "'localhost', 143, 'none', 'localhost', 25, 'none', 'desk', ?, ?)",
            [calendar_id, to_db(now)],
        )
        standard = add_standard(db, Standard(None, 1, "default", 240, 3 * 480), now)
        rng = random.Random(7)
        with transaction(db):
            rows = []
            for index in range(1, requests + 1):
                received = to_db(now - timedelta(minutes=rng.randrange(0, 90 * 24 * 60)))
                rows.append((index, rng.choice(["new", "open", "waiting"]), received, received, standard.id))
            db.conn.executemany(
                "INSERT INTO requests (id, number, account_id, status, received_at, last_activity_at, standard_id) "
                "VALUES (?1, ?1, 1, ?2, ?3, ?4, ?5)",
                rows,
            )
            events = [
                (request_id, to_db(datetime.fromisoformat(received) + timedelta(hours=2)))
                for request_id, status, received, _, _ in rows
                if status == "waiting"
            ]
            db.conn.executemany(
                "INSERT INTO events (request_id, at, kind, actor, data_json) "
                'VALUES (?, ?, \'status\', \'desk\', \'{"from": "open", "to": "waiting"}\')',
                events,
            )
        started, cpu_started = time.perf_counter(), time.process_time()
        updated = recompute_due_dates(db, standard.id, now)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        assert updated == requests, updated
        assert standard.id is not None
        edit_started, edit_cpu_started = time.perf_counter(), time.process_time()
        edit_standard(db, standard.id, {"first_response_min": 120}, now)
        edit_elapsed = time.perf_counter() - edit_started
        edit_cpu = time.process_time() - edit_cpu_started
        db.conn.close()
    return elapsed, cpu, edit_elapsed, edit_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100_000)
    args = parser.parse_args()
    between_us, due_us = bench_calls()
    print(
        f"business_minutes_between, 60-day span: {between_us:.2f} µs/call ({between_us / CALL_TARGET_US:.2f}× target)"
    )
    print(f"due_at, 3 working days: {due_us:.2f} µs/call ({due_us / CALL_TARGET_US:.2f}× target)")
    seconds, cpu, edit_seconds, edit_cpu = bench_recompute(args.requests)
    print(
        f"recompute due dates of {args.requests:,} open requests: {seconds:.2f} s "
        f"({seconds / RECOMPUTE_TARGET_S:.2f}× target; CPU {cpu:.2f} s, {cpu / RECOMPUTE_TARGET_S:.2f}× target)"
    )
    print(
        f"edit the standard's target, {args.requests:,} open requests: {edit_seconds:.2f} s "
        f"({edit_seconds / RECOMPUTE_TARGET_S:.2f}× target; CPU {edit_cpu:.2f} s, "
        f"{edit_cpu / RECOMPUTE_TARGET_S:.2f}× target)"
    )


if __name__ == "__main__":
    main()
