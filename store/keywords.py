"""Status and assignee as IMAP keywords on a request's opening message: how desktops sharing a mailbox agree.

Pure rules, no IMAP: which keywords a state becomes, which state keywords say, and a three-way comparison of the
local state, the remote one and the last one both sides agreed on, so a change made on one desktop reaches the
others and the last change wins when both changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

PREFIX = "$Loket."
STATUS_PREFIX = PREFIX + "Status."
ASSIGNEE_PREFIX = PREFIX + "Assignee."
_SAFE = re.compile(r"[A-Za-z0-9_-]")
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)  # as SQLite writes JSON


@dataclass(frozen=True, slots=True)
class TeamState:
    status: str
    assignee: str | None

    def to_json(self) -> str:
        # The same text as SQLite's json_object('assignee', ..., 'status', ...), so SQL can compare it.
        return _COMPACT_JSON.encode({"assignee": self.assignee, "status": self.status})

    @classmethod
    def from_json(cls, text: str | None) -> TeamState | None:
        if not text:
            return None
        data = json.loads(text)
        return cls(data["status"], data.get("assignee"))


@dataclass(frozen=True, slots=True)
class Decision:
    agreed: TeamState
    apply_locally: TeamState | None = None  # another desktop changed it: take it over
    push: TeamState | None = None  # this desktop changed it: put it on the server


def encode_name(name: str) -> str:
    """A person's name as IMAP atom characters: ``Anna Müller`` → ``Anna=20M=C3=BCller`` (readable, reversible)."""
    return "".join(ch if _SAFE.fullmatch(ch) else "".join(f"={b:02X}" for b in ch.encode()) for ch in name)


def decode_name(text: str) -> str:
    return re.sub(
        r"(?:=[0-9A-F]{2})+",
        lambda m: bytes.fromhex(m.group(0).replace("=", "")).decode("utf-8", "replace"),
        text,
    )


def keywords_for(state: TeamState) -> set[str]:
    words = {STATUS_PREFIX + state.status}
    if state.assignee:
        words.add(ASSIGNEE_PREFIX + encode_name(state.assignee))
    return words


def loket_keywords(flags: Iterable[str]) -> set[str]:
    return {flag for flag in flags if flag.startswith(PREFIX)}


def state_from_flags(flags: Iterable[str], statuses: Iterable[str]) -> TeamState | None:
    """The state the keywords say, or None when they say no (valid) status."""
    words = loket_keywords(flags)
    known = set(statuses)
    status = next((w[len(STATUS_PREFIX) :] for w in sorted(words) if w.startswith(STATUS_PREFIX)), None)
    if status not in known:
        return None
    assignee = next((w[len(ASSIGNEE_PREFIX) :] for w in sorted(words) if w.startswith(ASSIGNEE_PREFIX)), None)
    return TeamState(status, decode_name(assignee) if assignee else None)


def reconcile(local: TeamState, agreed: TeamState | None, remote: TeamState | None) -> Decision:
    """Three-way merge: a side that differs from the agreed state changed; when both did, this desktop wins."""
    if agreed is None:
        # First look at this request: the mailbox's word counts if it has one, else what this desktop derived.
        if remote is not None and remote != local:
            return Decision(remote, apply_locally=remote)
        return Decision(local)
    if local != agreed:
        return Decision(local, push=local) if remote != local else Decision(local)
    if remote is not None and remote != agreed:
        return Decision(remote, apply_locally=remote)
    return Decision(agreed)
