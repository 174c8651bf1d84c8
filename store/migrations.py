"""The schema in one place: numbered migrations applied on open, tracked by ``PRAGMA user_version``.

Every change to the schema is a new entry at the end of ``MIGRATIONS``; an entry never changes once released, so a
store written by any earlier version opens and upgrades in one transaction.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable

log = logging.getLogger(__name__)

V1 = """
CREATE TABLE calendars (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    tz TEXT NOT NULL,
    hours_json TEXT NOT NULL,          -- {"0": [["09:00", "17:00"]], ...}; weekday 0 = Monday
    holidays TEXT,                     -- "NL", "DE-BY", "IT" ... or NULL
    closed_days_json TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    address TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    imap_host TEXT NOT NULL,
    imap_port INTEGER NOT NULL,
    imap_security TEXT NOT NULL CHECK (imap_security IN ('ssl', 'starttls', 'none')),
    smtp_host TEXT NOT NULL,
    smtp_port INTEGER NOT NULL,
    smtp_security TEXT NOT NULL CHECK (smtp_security IN ('ssl', 'starttls', 'none')),
    username TEXT NOT NULL,
    calendar_id INTEGER REFERENCES calendars(id),
    signature TEXT NOT NULL DEFAULT '',
    last_error TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('inbox', 'sent')),
    uidvalidity INTEGER,
    uidnext INTEGER,
    highestmodseq INTEGER,
    last_uid INTEGER NOT NULL DEFAULT 0,   -- highest UID stored: the resume point after a cut
    last_sync TEXT,
    last_error TEXT,
    UNIQUE (account_id, name)
);

CREATE TABLE raw (
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL                 -- zlib-compressed original bytes
);

CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE department_domains (
    domain TEXT PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE
);

CREATE TABLE requesters (
    id INTEGER PRIMARY KEY,
    address TEXT NOT NULL UNIQUE,      -- normalised: lower-case, no display name
    name TEXT NOT NULL DEFAULT '',
    department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL
);

CREATE TABLE standards (
    id INTEGER PRIMARY KEY,
    account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    department TEXT,                   -- NULL = any
    requester TEXT,
    category TEXT,
    priority TEXT,
    first_response_min REAL NOT NULL CHECK (first_response_min > 0),
    resolution_min REAL CHECK (resolution_min IS NULL OR resolution_min > 0),
    warning_pct REAL NOT NULL DEFAULT 75 CHECK (warning_pct > 0 AND warning_pct < 100),
    calendar_id INTEGER REFERENCES calendars(id),
    UNIQUE (account_id, name)
);

CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    requester_id INTEGER REFERENCES requesters(id),
    subject TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'open', 'waiting', 'waiting_colleague', 'resolved')),
    priority TEXT NOT NULL DEFAULT 'normal',
    category TEXT,
    assignee TEXT,
    standard_id INTEGER REFERENCES standards(id) ON DELETE SET NULL,
    channel TEXT NOT NULL DEFAULT 'email',   -- email, phone, desk
    received_at TEXT NOT NULL,               -- INTERNALDATE of the opening message (UTC ISO)
    first_message_id INTEGER,                -- messages.id that opened it
    thread_index TEXT,                       -- Outlook Thread-Index root (base64 of the first 22 bytes)
    first_response_at TEXT,
    resolved_at TEXT,
    last_activity_at TEXT NOT NULL,
    first_response_due TEXT,
    resolution_due TEXT,
    merged_into INTEGER REFERENCES requests(id)
);
CREATE INDEX requests_status ON requests(status, received_at);
CREATE INDEX requests_requester ON requests(requester_id, received_at);
CREATE INDEX requests_received ON requests(received_at);
CREATE INDEX requests_thread_index ON requests(thread_index);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,  -- NULL: sent by Loket, Sent copy not yet synced
    uidvalidity INTEGER,
    uid INTEGER,
    message_id TEXT,                   -- with angle brackets, as in the header
    in_reply_to TEXT,
    references_json TEXT NOT NULL DEFAULT '[]',
    thread_index TEXT,
    subject TEXT NOT NULL DEFAULT '',
    from_addr TEXT NOT NULL DEFAULT '',
    from_name TEXT NOT NULL DEFAULT '',
    to_json TEXT NOT NULL DEFAULT '[]',
    cc_json TEXT NOT NULL DEFAULT '[]',
    date TEXT,                         -- Date header, UTC ISO
    internal_date TEXT,                -- IMAP INTERNALDATE, UTC ISO
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    role TEXT NOT NULL DEFAULT 'requester'
        CHECK (role IN ('requester', 'desk', 'colleague', 'auto')),
    text_body TEXT NOT NULL DEFAULT '',
    html_body TEXT,                    -- sanitised
    snippet TEXT NOT NULL DEFAULT '',
    auto_kind TEXT NOT NULL DEFAULT 'none'
        CHECK (auto_kind IN ('none', 'auto-reply', 'bounce', 'list', 'loop')),
    raw_sha256 TEXT REFERENCES raw(sha256),
    size INTEGER NOT NULL DEFAULT 0,
    flags_json TEXT NOT NULL DEFAULT '[]',
    parse_problems TEXT,               -- NULL when the parser had no complaint
    deleted_on_server INTEGER NOT NULL DEFAULT 0,
    request_id INTEGER REFERENCES requests(id) ON DELETE SET NULL,
    UNIQUE (account_id, folder_id, uidvalidity, uid)
);
CREATE INDEX messages_message_id ON messages(account_id, message_id);
CREATE INDEX messages_request ON messages(request_id, date);
CREATE INDEX messages_sha ON messages(raw_sha256);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL
);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,            -- sanitised: safe as a file name on every platform
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    inline INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_message ON attachments(message_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    at TEXT NOT NULL,                  -- UTC ISO
    kind TEXT NOT NULL,                -- received, replied, status, assignee, standard, note, merged, split ...
    actor TEXT NOT NULL DEFAULT '',
    message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    data_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_request ON events(request_id, at);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES requests(id) ON DELETE SET NULL,
    message_id TEXT NOT NULL UNIQUE,   -- the Message-ID header we generated
    answers_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,  -- gets \\Answered
    raw BLOB NOT NULL,
    recipients_json TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt_at TEXT,
    status_after TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);

CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    UNIQUE (name, language)
);

CREATE VIRTUAL TABLE messages_fts USING fts5(subject, body, requester, tokenize = 'unicode61 remove_diacritics 2');
"""

# Every Message-ID a message answers (In-Reply-To and References), so a reply that was stored before the message it
# answers (another folder synced first) is found and filed when that message arrives.
V2 = """
CREATE TABLE message_refs (
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    ref TEXT NOT NULL
);
CREATE INDEX message_refs_ref ON message_refs(ref);
CREATE INDEX message_refs_message ON message_refs(message_id);
"""

# When the SMTP server accepted an outbox row: a row found in ``sending`` after a crash then only needs its Sent copy,
# so it is never handed to the server twice.
V3 = """
ALTER TABLE outbox ADD COLUMN smtp_accepted_at TEXT;
"""

# The desk's views list open requests by arrival and by requester, and resolved ones by arrival; these partial and
# covering indexes keep those lists and the sidebar counts fast with 100,000 requests.
V4 = """
CREATE INDEX requests_open_received ON requests(received_at) WHERE status != 'resolved' AND merged_into IS NULL;
CREATE INDEX requests_open_requester ON requests(requester_id, received_at)
    WHERE status != 'resolved' AND merged_into IS NULL;
CREATE INDEX requests_status_merged ON requests(status, merged_into, received_at);
"""

# Per-request response figures, derived from requests, messages and status events and kept so a year of statistics
# reads in well under a second. Triggers drop a request's row whenever anything it was derived from changes; the
# statistics recompute missing rows before reading, so the rows are never stale, only sometimes absent.
V5 = """
CREATE INDEX messages_request_role ON messages(request_id, role, date);
CREATE TABLE request_figures (
    request_id INTEGER PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
    messages INTEGER NOT NULL,
    first_response_at TEXT,
    first_response_business_min REAL,
    first_response_calendar_min REAL,
    resolved_at TEXT,
    resolution_business_min REAL,
    within_standard INTEGER,           -- 1 yes, 0 no, NULL open or without standard
    reopened INTEGER NOT NULL,
    received_week TEXT NOT NULL,       -- Monday of the local week of received_at, YYYY-MM-DD
    received_month TEXT NOT NULL,      -- local month of received_at, YYYY-MM
    waits_json TEXT                    -- [[department, started_at, business_min or null], ...]; NULL: none
);
CREATE TRIGGER request_figures_event_insert AFTER INSERT ON events BEGIN
    DELETE FROM request_figures WHERE request_id = NEW.request_id;
END;
CREATE TRIGGER request_figures_event_update AFTER UPDATE ON events BEGIN
    DELETE FROM request_figures WHERE request_id IN (OLD.request_id, NEW.request_id);
END;
CREATE TRIGGER request_figures_event_delete AFTER DELETE ON events BEGIN
    DELETE FROM request_figures WHERE request_id = OLD.request_id;
END;
CREATE TRIGGER request_figures_message_insert AFTER INSERT ON messages WHEN NEW.request_id IS NOT NULL BEGIN
    DELETE FROM request_figures WHERE request_id = NEW.request_id;
END;
CREATE TRIGGER request_figures_message_update AFTER UPDATE OF request_id, role, date ON messages BEGIN
    DELETE FROM request_figures WHERE request_id IN (OLD.request_id, NEW.request_id);
END;
CREATE TRIGGER request_figures_message_delete AFTER DELETE ON messages BEGIN
    DELETE FROM request_figures WHERE request_id = OLD.request_id;
END;
CREATE TRIGGER request_figures_request_update
AFTER UPDATE OF account_id, received_at, status, resolved_at, standard_id, first_message_id ON requests BEGIN
    DELETE FROM request_figures WHERE request_id = NEW.id;
END;
CREATE TRIGGER request_figures_standard_update AFTER UPDATE ON standards BEGIN
    DELETE FROM request_figures WHERE request_id IN (SELECT id FROM requests WHERE standard_id IN (OLD.id, NEW.id));
END;
CREATE TRIGGER request_figures_calendar_update AFTER UPDATE ON calendars BEGIN
    DELETE FROM request_figures;
END;
CREATE TRIGGER request_figures_account_update AFTER UPDATE OF calendar_id ON accounts BEGIN
    DELETE FROM request_figures WHERE request_id IN (SELECT id FROM requests WHERE account_id = NEW.id);
END;
"""

# The statistics view reads a year of figures from ``request_figures`` alone, by account and arrival: the row carries
# what it groups by, and changing any of those (or merging the request) drops it like any other source change.
V6 = """
ALTER TABLE request_figures ADD COLUMN account_id INTEGER;
ALTER TABLE request_figures ADD COLUMN received_at TEXT;
ALTER TABLE request_figures ADD COLUMN requester_id INTEGER;
ALTER TABLE request_figures ADD COLUMN standard_id INTEGER;
DELETE FROM request_figures;
CREATE INDEX request_figures_received ON request_figures(account_id, received_at);
DROP TRIGGER request_figures_request_update;
CREATE TRIGGER request_figures_request_update
AFTER UPDATE OF account_id, requester_id, received_at, status, resolved_at, standard_id, first_message_id, merged_into
ON requests BEGIN
    DELETE FROM request_figures WHERE request_id = NEW.id;
END;
"""

# The desk's list opens on its open requests, most urgent timer first, and its sidebar counts those breached and
# assigned to each colleague: indexes on the running timer (the expression ``store.queues`` sorts by) and on the
# assignee of open requests answer these without reading every open request.
V7 = """
CREATE INDEX requests_open_timer ON requests((CASE WHEN status IN ('resolved', 'waiting') THEN NULL
    ELSE CASE WHEN first_response_at IS NULL THEN first_response_due ELSE resolution_due END END))
    WHERE status != 'resolved' AND merged_into IS NULL;
CREATE INDEX requests_open_assignee ON requests(assignee, received_at)
    WHERE status != 'resolved' AND merged_into IS NULL;
"""

# Search needs only which messages match, never the text back: a contentless index does not keep a second copy of
# every body, which halves what ingest writes for it.
V8 = """
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(
    subject, body, requester, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO messages_fts (rowid, subject, body, requester)
    SELECT id, subject, text_body, trim(from_name || ' ' || from_addr) FROM messages;
"""

# The desk's list sorts open and resolved requests by subject or assignee (case-insensitively, as people read
# them): with these indexes the first screen of such a sort is read in order instead of sorting every request.
V9 = """
CREATE INDEX requests_list_subject ON requests(status, merged_into, subject COLLATE NOCASE);
CREATE INDEX requests_list_assignee ON requests(status, merged_into, assignee COLLATE NOCASE);
CREATE INDEX requests_open_subject ON requests(subject COLLATE NOCASE)
    WHERE status != 'resolved' AND merged_into IS NULL;
CREATE INDEX requests_open_assignee_order ON requests(assignee COLLATE NOCASE)
    WHERE status != 'resolved' AND merged_into IS NULL;
"""

# The status and assignee this desktop and the mailbox's keywords last agreed on (store.keywords), so each side's
# changes since can be told apart.
V10 = """
ALTER TABLE requests ADD COLUMN keywords_agreed TEXT;
"""

# Exports write instants in the account's zone: ``request_figures`` keeps them that way, so a year of rows needs no
# zone arithmetic when read. From here on its first_response_at and resolved_at hold ISO 8601 text with the account's
# UTC offset, like received_local; the rows kept so far are dropped and recomputed on the next read.
V11 = """
ALTER TABLE request_figures ADD COLUMN received_local TEXT;
DELETE FROM request_figures;
"""

# When each running timer starts to warn, in business time like the due instants it sits beside.
V12 = """
ALTER TABLE requests ADD COLUMN first_response_warn TEXT;
ALTER TABLE requests ADD COLUMN resolution_warn TEXT;
"""

# Public holidays as the ``holidays`` package computed them (store.standards.holiday_table), one row per region and year:
# reading them back is what lets a window show business-time timers without loading the package first.
V13 = """
CREATE TABLE public_holidays (
    region TEXT NOT NULL,           -- NL, DE-BY, IT ...
    year INTEGER NOT NULL,
    source TEXT NOT NULL,           -- the holidays package's version that computed them
    days_json TEXT NOT NULL,        -- {"2026-04-27": "Koningsdag", ...}
    PRIMARY KEY (region, year)
);
"""

# The list sorted by requester or department reads requesters and departments in name order (store.queues).
V14 = """
CREATE INDEX requesters_sort ON requesters(coalesce(nullif(name, ''), address) COLLATE NOCASE);
CREATE INDEX requesters_department ON requesters(department_id);
CREATE INDEX departments_sort ON departments(name COLLATE NOCASE);
"""

# New events and messages drop their request's figures in the code that writes them (store.stats.cache): as
# triggers, these two made SQLite keep a statement journal for every insert, a fifth of ingest's filing time.
V15 = """
DROP TRIGGER request_figures_event_insert;
DROP TRIGGER request_figures_message_insert;
"""

# A search turns matching messages into their requests: read from this small index instead of the message rows
# (which hold the bodies), that step takes half the time.
V16 = """
CREATE INDEX messages_request_of ON messages(id, request_id);
"""

# Status, standard and the other changes of a request drop its figures in the code that writes them, beside the event
# that every such change records: the trigger made each of them keep a statement journal (a tenth of filing's work).
# ``deferred_indexes`` holds the definitions of indexes a large ingest drops and builds again at its end
# (store.bulk_load), so a process killed in between leaves what the next open needs to restore them.
V17 = """
DROP TRIGGER request_figures_request_update;
CREATE TABLE deferred_indexes (
    name TEXT PRIMARY KEY,
    sql TEXT NOT NULL,
    owner_pid INTEGER NOT NULL         -- the process that dropped it; restored by others only once it is gone
);
"""

# Every sync pass compares the copies a folder holds with the server (how many, which flags) and every new mail that
# IDLE reports changes the folder's MODSEQ: read from this small index, not from the message rows with their bodies,
# that comparison no longer grows with the size of the mailbox.
V18 = """
CREATE INDEX messages_in_folder ON messages(folder_id, uidvalidity, deleted_on_server, uid, flags_json);
"""

# Search asks only which messages hold every word of the query (each a one-token prefix term), never where in them
# or how often: an index without token positions is a good part smaller, and cheaper to fill during a first sync.
V19 = """
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(
    subject, body, requester, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO messages_fts (rowid, subject, body, requester)
    SELECT id, subject, text_body, trim(from_name || ' ' || from_addr) FROM messages;
"""

_CHECK_IN_LIST = re.compile(r"CHECK \((\w+) IN \(((?:'[^']*'(?:, )?)+)\)\)")
_CREATE_TABLE = re.compile(r'^CREATE TABLE\s+("?)(\w+)\1')


def v20_checks_without_lists(conn: sqlite3.Connection) -> None:
    """A CHECK listing the allowed values with IN (role, status, auto_kind …) makes SQLite build a temporary b-tree
    of the list for every row it checks: a tenth of what filing a message costs. The same rule written with OR is
    compared in place. ALTER TABLE cannot change a CHECK, so each such table is rebuilt the way SQLite documents."""
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%CHECK (% IN (%'"
    ).fetchall()
    for name, sql in tables:
        rebuild_table(conn, name, _CHECK_IN_LIST.sub(_check_without_list, sql))


def _check_without_list(match: re.Match[str]) -> str:
    column, values = match.group(1), re.findall(r"'[^']*'", match.group(2))
    return "CHECK (" + " OR ".join(f"{column} = {value}" for value in values) + ")"


def rebuild_table(
    conn: sqlite3.Connection, name: str, create_sql: str, renamed: dict[str, str] | None = None
) -> None:
    """SQLite's procedure for a change ALTER TABLE cannot make (lang_altertable.html, "other kinds of table schema
    changes"): a new table of the new shape takes the rows, replaces the old one and gets its indexes and triggers
    back. ``renamed`` maps an old column to the new one that takes its values. ``migrate`` runs it in the step's
    transaction with foreign keys off and checks them before it commits."""
    renamed = renamed or {}
    dependents = conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        [name],
    ).fetchall()
    old_columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
    source = ", ".join(f'"{column}"' for column in old_columns)
    target = ", ".join(f'"{renamed.get(column, column)}"' for column in old_columns)
    staging = f"{name}_rebuilt"
    conn.execute(_CREATE_TABLE.sub(f'CREATE TABLE "{staging}"', create_sql, count=1))
    conn.execute(f'INSERT INTO "{staging}" ({target}) SELECT {source} FROM "{name}"')
    conn.execute(f'DROP TABLE "{name}"')
    # Triggers of other tables name the old table; the legacy rename leaves them be instead of parsing them while
    # that name is briefly gone. They name the new table once it has the old one's name.
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute(f'ALTER TABLE "{staging}" RENAME TO "{name}"')
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
    for (sql,) in dependents:
        conn.execute(sql)


# A reply counts (first response, status change) only once the SMTP server took it: who wrote it and which
# colleague's department it waits on are kept with the queued row until then. Statuses are replayed in time order
# when mail is filed late (store.status_flow): a status change that mail caused is marked ``by_mail`` (it directly
# follows its message's event, at the same instant), and a desk reply names the status it asked for.
V22_OUTBOX_ACTOR = """
ALTER TABLE outbox ADD COLUMN actor TEXT;
ALTER TABLE outbox ADD COLUMN department TEXT;
UPDATE events SET data_json = json_set(data_json,
        '$.status_after', (SELECT json_extract(n.data_json, '$.to') FROM events n WHERE n.id = events.id + 1),
        '$.department', (SELECT json_extract(n.data_json, '$.department') FROM events n WHERE n.id = events.id + 1))
    WHERE kind = 'replied' AND EXISTS (SELECT 1 FROM events n WHERE n.id = events.id + 1
        AND n.request_id = events.request_id AND n.at = events.at AND n.kind = 'status');
UPDATE events SET data_json = json_set(data_json, '$.status_after', (SELECT o.status_after FROM messages m
        JOIN outbox o ON o.account_id = m.account_id AND o.message_id = m.message_id WHERE m.id = events.message_id))
    WHERE kind = 'replied' AND json_extract(data_json, '$.status_after') IS NULL AND (SELECT o.status_after
        FROM messages m JOIN outbox o ON o.account_id = m.account_id AND o.message_id = m.message_id
        WHERE m.id = events.message_id) IS NOT NULL;
UPDATE events SET data_json = json_set(data_json, '$.by_mail', json('true'))
    WHERE kind = 'status' AND EXISTS (SELECT 1 FROM events p WHERE p.id = events.id - 1
        AND p.request_id = events.request_id AND p.at = events.at
        AND p.kind IN ('received', 'colleague_answered', 'replied'));
"""

# A standard may apply to one channel (email, phone, desk) as it may to one category.
V23 = """
ALTER TABLE standards ADD COLUMN channel TEXT
    CHECK (channel IS NULL OR channel = 'email' OR channel = 'phone' OR channel = 'desk');
"""

# Per-person figures (the report's page per colleague, the export by agent) may be switched off for a mailbox where
# monitoring individual performance needs a works council's consent.
V24 = """
ALTER TABLE accounts ADD COLUMN per_person_figures INTEGER NOT NULL DEFAULT 1
    CHECK (per_person_figures = 0 OR per_person_figures = 1);
"""

# A reply that resolves a request ends with links to rate the answer, unless the mailbox switched them off; a
# request's latest rating is kept with its figures, as the export and the statistics read them.
V25 = """
ALTER TABLE accounts ADD COLUMN rating_links INTEGER NOT NULL DEFAULT 1
    CHECK (rating_links = 0 OR rating_links = 1);
ALTER TABLE request_figures ADD COLUMN satisfaction INTEGER;
"""


# How an account signs in: a password, or OAuth 2.0 at a provider (Microsoft 365, Google, an OpenID Connect issuer)
# whose refresh token lives in the keyring only. Keyring entries are named by a random id of the account's own, so
# two accounts with the same login on the same server (two data dirs, a copied store) never share a secret.
V_ACCOUNT_SIGN_IN = """
ALTER TABLE accounts ADD COLUMN secret_id TEXT NOT NULL DEFAULT '';
UPDATE accounts SET secret_id = lower(hex(randomblob(16)));
ALTER TABLE accounts ADD COLUMN auth TEXT NOT NULL DEFAULT 'password' CHECK (auth = 'password' OR auth = 'oauth2');
ALTER TABLE accounts ADD COLUMN oauth_provider TEXT;
ALTER TABLE accounts ADD COLUMN oauth_issuer TEXT;
ALTER TABLE accounts ADD COLUMN oauth_client_id TEXT;
ALTER TABLE accounts ADD COLUMN oauth_tenant TEXT;
ALTER TABLE accounts ADD COLUMN login_user TEXT;
ALTER TABLE accounts ADD COLUMN state TEXT NOT NULL DEFAULT 'ok' CHECK (state = 'ok' OR state = 'signin_required');
"""

# Changes people make to requests, as the team shares them through the mailbox's Loket folder (store.team_changes):
# this desktop's own wait in ``pushed = 0`` until the server has them, so none is lost while it is away, and every
# change is known once by its id, so none is applied twice. ``request_keys`` name a request that no message opened (one
# entered by hand) the same on every desktop; ``team_folders`` is where reading each account's Loket folder stopped.
TEAM_CHANGES = """
CREATE TABLE team_changes (
    change_id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    request_key TEXT NOT NULL,
    field TEXT NOT NULL,               -- status, assignee, priority, category, note, new, merge, split
    value_json TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,                  -- UTC, fixed width: text order is time order
    pushed INTEGER NOT NULL DEFAULT 0, -- 1 once the Loket folder holds it
    applied INTEGER NOT NULL DEFAULT 0 -- 0 while the request it names is not known here yet
);
CREATE INDEX team_changes_field ON team_changes(request_key, field, at, change_id);
CREATE INDEX team_changes_queued ON team_changes(account_id, at) WHERE pushed = 0;
CREATE INDEX team_changes_pending ON team_changes(account_id, at) WHERE applied = 0;
CREATE TABLE request_keys (
    request_id INTEGER PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
    key TEXT NOT NULL UNIQUE
);
CREATE TABLE team_folders (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    uidvalidity INTEGER,
    uidnext INTEGER,
    last_uid INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE request_aliases (
    number INTEGER PRIMARY KEY,        -- a number the request had before numbers were shared
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE
);
CREATE TABLE desk_preferences (        -- this desktop's own choices that the window and the command line share
    name TEXT PRIMARY KEY,             -- agent: who works at this desktop
    value TEXT NOT NULL
);
"""


def team_changes_and_shared_numbers(conn: sqlite3.Connection) -> None:
    """The tables above, then every request renumbered once as every desktop numbers it (store.numbers); its old
    number stays an alias, so a ``[#N]`` tag in a reply sent before still finds it."""
    from store.numbers import candidates, message_number_key

    for statement in _statements(TEAM_CHANGES):
        conn.execute(statement)
    rows = conn.execute(
        "SELECT q.id, m.message_id, m.raw_sha256 FROM requests q LEFT JOIN messages m ON m.id = q.first_message_id "
        "ORDER BY q.received_at, q.id"
    ).fetchall()
    taken: set[int] = set()
    mapping = []
    for old, message_id, raw_sha256 in rows:
        key = message_number_key(message_id, raw_sha256) if raw_sha256 else f"<{old}.local@request.loket>"
        if not raw_sha256:  # entered by hand before requests were shared: a key of its own from now on
            conn.execute("INSERT INTO request_keys (request_id, key) VALUES (?, ?)", [old, key])
        number = next(n for n in candidates(key) if n not in taken)
        taken.add(number)
        mapping.append((old, number))
    if not mapping:
        return
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("CREATE TEMP TABLE renumbered (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    conn.executemany("INSERT INTO temp.renumbered (old, new) VALUES (?, ?)", mapping)
    columns = [("requests", "id"), *referring_columns(conn)]
    for table, column in columns:  # out of the way first: a new number may be another request's old one
        conn.execute(f"UPDATE {table} SET {column} = -{column} WHERE {column} IS NOT NULL")
    for table, column in columns:
        conn.execute(
            f"UPDATE {table} SET {column} = (SELECT new FROM temp.renumbered WHERE old = -{column}) "
            f"WHERE {column} IS NOT NULL"
        )
    conn.execute("INSERT INTO request_aliases (number, request_id) SELECT old, new FROM temp.renumbered")
    conn.execute("DROP TABLE temp.renumbered")


# A mailbox of years brings years of requests nobody will answer now: on an account's first sync, those whose last
# message is older than ``history_days`` are filed as done (store.history). ``history_filed_at`` says when that
# happened; the stores kept so far had their first sync long ago, so they are marked as done with it and keep
# every request as it is.
HISTORY_DAYS = """
ALTER TABLE accounts ADD COLUMN history_days INTEGER NOT NULL DEFAULT 30 CHECK (history_days >= 0);
ALTER TABLE accounts ADD COLUMN history_filed_at TEXT;
UPDATE accounts SET history_filed_at = created_at
    WHERE EXISTS (SELECT 1 FROM folders f WHERE f.account_id = accounts.id AND f.last_sync IS NOT NULL)
       OR EXISTS (SELECT 1 FROM requests q WHERE q.account_id = accounts.id);
"""


# The sidebar counts the breached and breaching requests and finds the oldest of each from an index of the running
# timer, its warning instant and the arrival (store.queues), not from every row in the timer's range: on a store where
# every request is open, that read most rows of the table. The list of resolved requests sorted by requester walks
# resolved requests only, not every request of each requester.
WINDOW_INDEXES = """
CREATE INDEX requests_open_timer_counts ON requests((CASE WHEN status IN ('resolved', 'waiting') THEN NULL
    ELSE CASE WHEN first_response_at IS NULL THEN first_response_due ELSE resolution_due END END),
    (CASE WHEN first_response_at IS NULL THEN first_response_warn ELSE resolution_warn END), received_at)
    WHERE status != 'resolved' AND merged_into IS NULL;
CREATE INDEX requests_resolved_requester ON requests(requester_id, received_at)
    WHERE status = 'resolved' AND merged_into IS NULL;
"""


# Merging a request and deleting one look for the requests merged into it and the old numbers that name it: without
# these each look-up read every request (three times per merge), so the Sent folder of a first sync, whose replies
# merge the requests that answers to them opened, slowed down as the store grew.
MERGE_LOOKUPS = """
CREATE INDEX requests_merged_into ON requests(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX request_aliases_request ON request_aliases(request_id);
"""


def attachments_without_blobs(conn: sqlite3.Connection) -> None:
    """A received message's attachments are read from its raw mail again (``mail.attachment_bytes``) instead of
    kept a second time in ``blobs``: an attachment row no longer needs a blob, so its foreign key to one goes. The
    table holds names and sizes only: rebuilt in well under a second on a store of years. Blobs already stored
    stay; they are read first."""
    rebuild_table(
        conn,
        "attachments",
        """CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,            -- sanitised: safe as a file name on every platform
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,              -- of the decoded bytes: in blobs for the desk's own replies, else in raw
    inline INTEGER NOT NULL DEFAULT 0
)""",
    )


# A message's bodies are kept compressed (store.bodies) in the store of a mailbox synced from now on; rows written
# before keep their text columns. Adding a column rewrites nothing: instant on a store of any size.
MESSAGE_BODIES_PACKED = """
ALTER TABLE messages ADD COLUMN bodies BLOB;
"""


# A service standard given to one request by hand, by its name: standards are each desktop's own, the name is what
# the team shares (store.standards.rules); NULL lets the rules choose.
V_CHOSEN_STANDARD = """
ALTER TABLE requests ADD COLUMN chosen_standard TEXT;
"""

# The request a message opened, found by an index: a colleague's change names its request by the opening message,
# and a new desktop applies thousands of them in its first sync (store.team_changes.find_request).
V_FIRST_MESSAGE_INDEX = """
CREATE INDEX requests_first_message ON requests(first_message_id);
"""


def requests_in_arrival_order(conn: sqlite3.Connection) -> None:
    """Request rows are stored in the order they arrive (``seq``), their number (``id``) a unique key beside it.

    A number comes from a hash, so as the row's key it put each new request, and every index entry of it, at a
    random place in the table: a first sync of years of mail rewrote most of the table's pages at every commit. In
    arrival order, new rows go to the end. Foreign keys still name ``requests(id)``, now through its unique index.
    """
    create = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'requests'"
    ).fetchone()[0]
    shape = "id INTEGER PRIMARY KEY,"
    if shape not in create:
        raise sqlite3.DatabaseError(f"requests: expected {shape!r} in its definition")
    rebuild_table(
        conn,
        "requests",
        create.replace(
            shape,
            "seq INTEGER PRIMARY KEY,  -- arrival order: where the row is stored\n    "
            "id INTEGER NOT NULL UNIQUE,  -- the request's number (store.numbers)",
            1,
        ),
    )


def requests_known_by_their_row(conn: sqlite3.Connection) -> None:
    """A request is known inside the store by its row (``id``, in arrival order); its number is a column beside it.

    As the key every other table pointed at, the number, a hash, put each request's messages, events and figures at
    a random place of their indexes, and moving a request to another number rewrote every row naming it. Now rows
    point at the request's place, which never changes, and a new number is one column's change."""
    create = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'requests'"
    ).fetchone()[0]
    shape = (
        "seq INTEGER PRIMARY KEY,  -- arrival order: where the row is stored\n    "
        "id INTEGER NOT NULL UNIQUE,  -- the request's number (store.numbers)"
    )
    if shape not in create:
        raise sqlite3.DatabaseError(f"requests: expected {shape!r} in its definition")
    for table, column in referring_columns(conn):
        conn.execute(
            f'UPDATE "{table}" SET "{column}" = (SELECT q.seq FROM requests q WHERE q.id = "{table}"."{column}") '
            f'WHERE "{column}" IS NOT NULL'
        )
    for kind, field in _EVENT_REQUEST_FIELDS:
        conn.execute(
            f"UPDATE events SET data_json = json_set(data_json, '$.{field}', "
            f"(SELECT q.seq FROM requests q WHERE q.id = json_extract(events.data_json, '$.{field}'))) "
            f"WHERE kind = ? AND json_type(data_json, '$.{field}') = 'integer'",
            [kind],
        )
    rebuild_table(
        conn,
        "requests",
        create.replace(
            shape,
            "id INTEGER PRIMARY KEY,  -- the request's place in this store, in arrival order\n    "
            "number INTEGER NOT NULL UNIQUE,  -- what people and mail call it (store.numbers)",
            1,
        ),
        renamed={"seq": "id", "id": "number"},
    )


# Events that name another request in their data, by its row since ``requests_known_by_their_row``.
_EVENT_REQUEST_FIELDS = (("split", "source"), ("split", "into"), ("merged", "into"), ("merged", "source"))


def referring_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every (table, column) with a foreign key to ``requests``."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [
        (table, row[3])
        for table in tables
        for row in conn.execute(f"PRAGMA foreign_key_list('{table}')")
        if row[2] == "requests"
    ]


Migration = str | Callable[[sqlite3.Connection], None]
MIGRATIONS: tuple[Migration, ...] = (
    V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19,
    v20_checks_without_lists,
    v20_checks_without_lists,  # a store whose SQLite refused V20's earlier in-place schema edit still had lists
    V22_OUTBOX_ACTOR,
    V23, V24, V25,
    V_ACCOUNT_SIGN_IN,
    team_changes_and_shared_numbers,
    HISTORY_DAYS,
    WINDOW_INDEXES,
    MERGE_LOOKUPS,
    attachments_without_blobs,
    MESSAGE_BODIES_PACKED,
    V_CHOSEN_STANDARD,
    V_FIRST_MESSAGE_INDEX,
    requests_in_arrival_order,
    requests_known_by_their_row,
)  # fmt: skip


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to the newest version; returns it. Each step runs in its own transaction, which completes
    or leaves the store as it was. Foreign keys are off while a step runs, as SQLite's procedure for rebuilding a
    table asks (dropping a table would otherwise delete or refuse the rows that point at it), and checked before
    the step commits."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= len(MIGRATIONS):
        return version
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set before each step begins
    try:
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                if callable(step):
                    step(conn)
                else:
                    for statement in _statements(step):
                        conn.execute(statement)
                if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError(f"migration {number} would leave rows pointing at nothing")
                conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """Split a migration into statements; ``executescript`` would commit on its own and break the transaction."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]
