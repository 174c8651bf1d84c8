"""How mail moves a request's status, as a pure function of what happened in time order.

Folders are synced one after the other (a first sync files INBOX before Sent), so mail is often filed after mail
that is newer. The status a message causes depends on the status before it, so the statuses and the waits they
measure are worked out here by replaying the request's mail and hand-made changes in the order they happened:
any filing order then ends in the statuses that filing in date order gives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from store.vocabulary import EventKind, RequestStatus

# The kinds of event that move a status: mail from the requester or a colleague, a desk reply, and a change made by
# a person (by hand, or from another desktop), which stands as it was made.
MOVING_KINDS = (EventKind.RECEIVED, EventKind.COLLEAGUE_ANSWERED, EventKind.REPLIED, EventKind.STATUS)


@dataclass(frozen=True, slots=True)
class Step:
    """One event that may move the status; ``to``/``department`` of a hand-made change, ``status_after`` and
    ``department`` of a desk reply (``status_after`` None: the default, waiting on the requester)."""

    at: datetime
    kind: str
    actor: str
    order: int  # the event's row id: ties in time keep the order they were written in
    to: str | None = None
    status_after: str | None = None
    department: str | None = None

    @property
    def key(self) -> tuple[datetime, int, int]:
        """Time order to the second: IMAP arrival times have whole seconds, so within one second the order is the
        likely one. A requester's message comes before a reply of ours (which answers it: nobody answers a reply in
        the second it was sent), and a colleague's answer after it (it answers our forward)."""
        return (self.at.replace(microsecond=0), _WITHIN_SECOND.get(self.kind, 1), self.order)


_WITHIN_SECOND: dict[str, int] = {
    EventKind.RECEIVED: 0,
    EventKind.REPLIED: 1,
    EventKind.STATUS: 1,
    EventKind.COLLEAGUE_ANSWERED: 2,
}


@dataclass(frozen=True, slots=True)
class Change:
    """A status change caused by mail (hand-made changes are events already)."""

    at: datetime
    actor: str
    old: str
    new: str
    department: str | None = None


def next_change(status: str, step: Step) -> Change | None:
    """What one message does to a request in ``status``.

    A requester's message reopens a waiting or resolved request; a colleague's answer ends our wait on their
    department; a desk reply makes a new or open request wait on the requester, or sets the status it asked for.
    """
    if step.kind == EventKind.RECEIVED:
        if status in (RequestStatus.WAITING, RequestStatus.RESOLVED):
            return Change(step.at, step.actor, status, RequestStatus.OPEN)
    elif step.kind == EventKind.COLLEAGUE_ANSWERED:
        if status == RequestStatus.WAITING_COLLEAGUE:
            return Change(step.at, step.actor, status, RequestStatus.OPEN)
    elif step.kind == EventKind.REPLIED:
        target = step.status_after
        if target is None and status in (RequestStatus.NEW, RequestStatus.OPEN):
            target = RequestStatus.WAITING
        new_department = target == RequestStatus.WAITING_COLLEAGUE and step.department is not None
        if target is not None and (target != status or new_department):
            return Change(step.at, step.actor, status, target, step.department if new_department else None)
    return None


def replay(
    steps: Iterable[Step], initial: str = RequestStatus.NEW
) -> tuple[list[Change], str, datetime | None]:
    """The changes mail causes over a request's whole history, its final status, and when it was resolved (None
    unless resolved now)."""
    status, resolved_at = initial, None
    changes: list[Change] = []
    for step in sorted(steps, key=lambda s: s.key):
        if step.kind == EventKind.STATUS:
            new, at = step.to or status, step.at
        else:
            change = next_change(status, step)
            if change is None:
                continue
            changes.append(change)
            new, at = change.new, change.at
        status, resolved_at = new, (at if new == RequestStatus.RESOLVED else None)
    return changes, status, resolved_at
