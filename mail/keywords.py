"""Status and assignee travel between desktops as IMAP keywords on each request's opening message in INBOX.

Run after each sync pass: it takes over what other desktops changed and puts this desktop's changes on the server
(the only flag changes Loket makes there besides ``\\Answered`` on a message it answered).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection
from datetime import datetime
from typing import Any

import imapclient
import sqlite_utils

from mail.errors import ProtocolError
from mail.imap import imap_call
from store import lifecycle
from store.db import transaction
from store.keywords import PREFIX, TeamState, keywords_for, loket_keywords, reconcile, state_from_flags
from store.timeutil import utcnow
from store.vocabulary import RequestStatus

log = logging.getLogger(__name__)

TEAM_ACTOR = "another desktop"


def _has_keyword(flags_column: str) -> str:
    """SQL: the flags (JSON text) hold a string that starts with Loket's keyword prefix."""
    return f"instr({flags_column}, '\"{PREFIX}') > 0"


# Requests looked at for the first time whose opening message carries no Loket keyword: ``reconcile`` makes this
# desktop's state the agreed one, with nothing to take over or push, so one statement records that for all of them
# (on a first sync, for every request).
_FIRST_LOOKS = f"""
UPDATE requests SET keywords_agreed = json_object('assignee', assignee, 'status', status)
WHERE account_id = :account AND merged_into IS NULL AND keywords_agreed IS NULL
  AND first_message_id IN (
      SELECT id FROM messages
      WHERE folder_id = :folder AND uidvalidity = :uidvalidity AND deleted_on_server = 0
        AND NOT {_has_keyword("flags_json")})
"""

_CANDIDATES = f"""
SELECT q.id, q.status, q.assignee, q.keywords_agreed, m.id, m.uid, m.flags_json
FROM requests q JOIN messages m ON m.id = q.first_message_id
WHERE q.account_id = :account AND q.merged_into IS NULL
  AND m.folder_id = :folder AND m.uidvalidity = :uidvalidity AND m.deleted_on_server = 0
  AND (q.keywords_agreed IS NULL
       OR q.keywords_agreed != json_object('assignee', q.assignee, 'status', q.status)
       OR (m.uid IN (SELECT value FROM json_each(:touched)) AND {_has_keyword("m.flags_json")}))
"""


def sync_team_state(
    db: sqlite_utils.Database,
    client: imapclient.IMAPClient,
    account_id: int,
    inbox: tuple[int, int],
    touched_uids: Collection[int],
    now: datetime | None = None,
) -> tuple[int, int]:
    """Reconcile every request whose state or keywords may have changed; returns (taken over, pushed).

    ``inbox`` is the INBOX folder's (id, uidvalidity); ``touched_uids`` are INBOX copies that are new or whose
    flags changed in this pass.
    """
    folder_id, uidvalidity = inbox
    query = {
        "account": account_id,
        "folder": folder_id,
        "uidvalidity": uidvalidity,
        "touched": json.dumps(list(touched_uids)),
    }
    at = now or utcnow()
    taken, pushes, agreed_rows = 0, [], []
    with transaction(db):
        db.execute(_FIRST_LOOKS, query)
        for request_id, status, assignee, agreed_json, message_row, uid, flags_json in db.execute(
            _CANDIDATES, query
        ).fetchall():
            flags = json.loads(flags_json)
            local = TeamState(status, assignee)
            decision = reconcile(
                local, TeamState.from_json(agreed_json), state_from_flags(flags, RequestStatus)
            )
            if decision.apply_locally is not None:
                _take_over(db, request_id, local, decision.apply_locally, at)
                taken += 1
            if decision.push is not None:
                pushes.append((message_row, uid, set(flags), decision.push))
            agreed_rows.append((decision.agreed.to_json(), request_id))
        db.conn.executemany("UPDATE requests SET keywords_agreed = ? WHERE id = ?", agreed_rows)
    if pushes:
        _push(db, client, pushes)
    return taken, len(pushes)


def _take_over(
    db: sqlite_utils.Database, request_id: int, local: TeamState, remote: TeamState, at: datetime
) -> None:
    if remote.status != local.status:
        lifecycle.set_status(db, request_id, remote.status, TEAM_ACTOR, at)
    if remote.assignee != local.assignee:
        lifecycle.set_assignee(db, request_id, remote.assignee, TEAM_ACTOR, at)


def stores_keywords(select_response: dict[bytes, Any]) -> bool:
    """Whether a folder selected read-write keeps keywords of our own: ``\\*`` in PERMANENTFLAGS (absent on
    Microsoft Exchange and 365, and on Courier with IMAP_KEYWORDS=0)."""
    return b"\\*" in select_response.get(b"PERMANENTFLAGS", ())


def _push(
    db: sqlite_utils.Database,
    client: imapclient.IMAPClient,
    pushes: list[tuple[int, int, set[str], TeamState]],
) -> None:
    """STORE this desktop's changes; INBOX is selected read-write only for this. A server that keeps no keywords
    or refuses the STORE is logged and left alone: keywords only speed up what the Loket folder carries anyway."""
    try:
        selected = imap_call(client.select_folder, "INBOX")
    except ProtocolError as error:
        log.warning(
            "INBOX cannot be selected for keywords; team state travels through the Loket folder: %s", error
        )
        return
    try:
        if not stores_keywords(selected):
            log.info(
                "the server keeps no keywords of our own; team state travels through the Loket folder alone"
            )
            return
        updates = []
        for message_row, uid, flags, state in pushes:
            wanted = keywords_for(state)
            stale = loket_keywords(flags) - wanted
            try:
                if stale:
                    imap_call(client.remove_flags, [uid], sorted(stale))
                imap_call(client.add_flags, [uid], sorted(wanted))
            except ProtocolError as error:
                log.warning("the server refused keywords on INBOX message %s: %s", uid, error)
                continue
            updates.append((json.dumps(sorted((flags - stale) | wanted)), message_row))
        db.conn.executemany("UPDATE messages SET flags_json = ? WHERE id = ?", updates)
    finally:
        imap_call(client.select_folder, "INBOX", readonly=True)
