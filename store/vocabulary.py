"""The helpdesk's fixed words, each declared once: request statuses, folder roles, message roles and directions,
automatic-mail kinds, event kinds, team changes, outbox states, channels, priorities, timer states and queues.

The members are strings equal to the values the database, the exports and the command line use, so they bind as
SQL parameters and compare with what a row holds; a misspelt name fails where it is written, not in a query.
"""

from __future__ import annotations

from enum import StrEnum


class RequestStatus(StrEnum):
    """Where a request stands (``requests.status``)."""

    NEW = "new"
    OPEN = "open"
    WAITING = "waiting"  # on the requester: the timers pause
    WAITING_COLLEAGUE = "waiting_colleague"  # on another department: the timers run
    RESOLVED = "resolved"


# The statuses a reply may leave its request in (``new`` is only where a request starts).
STATUSES_AFTER_REPLY = (
    RequestStatus.OPEN,
    RequestStatus.WAITING,
    RequestStatus.WAITING_COLLEAGUE,
    RequestStatus.RESOLVED,
)
WAITING_STATUSES = (RequestStatus.WAITING, RequestStatus.WAITING_COLLEAGUE)


class FolderRole(StrEnum):
    """What a synced folder holds (``folders.role``): mail to the desk, or the desk's own sent mail."""

    INBOX = "inbox"
    SENT = "sent"


class Role(StrEnum):
    """Who a stored message is from, as far as the request is concerned (``messages.role``)."""

    REQUESTER = "requester"
    DESK = "desk"
    COLLEAGUE = "colleague"
    AUTO = "auto"  # automatic mail: shown, never a requester's answer


class Direction(StrEnum):
    """Whether a message came to the desk or went out from it (``messages.direction``)."""

    IN = "in"
    OUT = "out"


class AutoKind(StrEnum):
    """The kind of automatic mail a message is (``messages.auto_kind``); ``none`` for a person."""

    NONE = "none"
    AUTO_REPLY = "auto-reply"
    BOUNCE = "bounce"
    LIST = "list"
    LOOP = "loop"


class EventKind(StrEnum):
    """What an entry of a request's history records (``events.kind``)."""

    RECEIVED = "received"  # the requester's mail, or a request entered by hand
    AUTO_RECEIVED = "auto_received"
    COLLEAGUE_ANSWERED = "colleague_answered"
    REPLIED = "replied"
    STATUS = "status"
    ASSIGNEE = "assignee"
    PRIORITY = "priority"
    CATEGORY = "category"
    STANDARD = "standard"
    NOTE = "note"
    MERGED = "merged"
    SPLIT = "split"
    RATING = "rating"


class ChangeKind(StrEnum):
    """What a change shared with the team through the mailbox carries (``team_changes.field``)."""

    STATUS = "status"
    ASSIGNEE = "assignee"
    PRIORITY = "priority"
    CATEGORY = "category"
    CHOSEN_STANDARD = "chosen_standard"  # a standard given by hand, by its name
    NOTE = "note"
    NEW = "new"  # a request entered by hand
    MERGE = "merge"
    SPLIT = "split"
    REPLYING = "replying"  # someone is writing a reply


# The request's own fields a person sets, each a column of ``requests``.
SHARED_FIELDS = (
    ChangeKind.STATUS,
    ChangeKind.ASSIGNEE,
    ChangeKind.PRIORITY,
    ChangeKind.CATEGORY,
    ChangeKind.CHOSEN_STANDARD,
)


class OutboxState(StrEnum):
    """Where a reply stands in the outbox (``outbox.state``); it leaves only when sent and filed in Sent."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"  # refused for good (5xx): left alone until corrected


# The states of a reply still owed to a server, and of one not sent at all.
PENDING_STATES = (OutboxState.QUEUED, OutboxState.SENDING)
UNSENT_STATES = (*PENDING_STATES, OutboxState.FAILED)


class Channel(StrEnum):
    """How a request reached the desk (``requests.channel``)."""

    EMAIL = "email"
    PHONE = "phone"
    DESK = "desk"  # a visit at the desk


# The channels of a request entered by hand.
HAND_CHANNELS = (Channel.PHONE, Channel.DESK)


class Priority(StrEnum):
    """The priorities the window and the command line offer (``requests.priority``, ``normal`` until set)."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TimerState(StrEnum):
    """Where a request's running timer stands against its target, or how a stopped one ended."""

    NONE = "none"  # no service standard
    ON_TIME = "on_time"
    WARNING = "warning"  # past the standard's warning share of the target
    BREACHED = "breached"
    PAUSED = "paused"  # waiting on the requester
    MET = "met"
    MET_LATE = "met_late"


class Queue(StrEnum):
    """The fixed queues of the sidebar and ``request list``; a requester's or department's queue is named
    ``requester:ID`` or ``department:ID`` after its ``QueueGroup``."""

    OPEN = "open"
    MINE = "mine"
    UNASSIGNED = "unassigned"
    WAITING = "waiting"
    WAITING_COLLEAGUE = "waiting_colleague"
    BREACHING = "breaching"
    BREACHED = "breached"
    RESOLVED = "resolved"
    ALL = "all"


class QueueGroup(StrEnum):
    """The groups of queues, one per department and one per requester with open requests."""

    DEPARTMENT = "department"
    REQUESTER = "requester"
