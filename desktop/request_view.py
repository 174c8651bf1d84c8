"""The right pane: one request's conversation in order and the requester's card.

The conversation is one ``QTextBrowser``: incoming, desk, colleague and automatic messages and internal notes each
get their own colour band. Remote images stay blocked (the browser never fetches them) until the user allows them
for that message; then they are fetched asynchronously, never on the GUI thread's time. Attachments are opened or
saved under a sanitised name by the reading thread.
"""

from __future__ import annotations

import html
import logging
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils
from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QImage, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.attached_view import Opened, open_attachments, opened_html
from desktop.formatting import channel_label, duration, priority_label, short_datetime, status_label
from desktop.palette_colours import is_dark
from desktop.reader import Reader
from mail.attachment_bytes import attachment_bytes
from mail.filenames import sanitize_filename
from mail.parse import shown_html

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply

from store.conversation import (
    ConversationItem,
    RequesterCard,
    conversation,
    request_requester,
    requester_card,
)
from store.queues import RequestRow, request_rows
from store.ratings import satisfaction
from store.request_report import standard_names
from store.vocabulary import Role

log = logging.getLogger(__name__)

_REMOTE_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(["'])(https?://[^"']*)\1[^>]*>""", re.IGNORECASE)
ROLE_STYLE: dict[str, tuple[str, str]] = {
    Role.REQUESTER: ("#ffffff", "#2563eb"),
    Role.DESK: ("#f0f7f0", "#2e7d32"),
    Role.COLLEAGUE: ("#fff8e6", "#b26a00"),
    Role.AUTO: ("#f4f4f5", "#6b7280"),
    "note": ("#fffbe0", "#8a6d00"),  # an internal note among the messages
}


@dataclass(frozen=True, slots=True)
class Loaded:
    request_id: int
    row: RequestRow | None
    items: list[ConversationItem]
    card: RequesterCard | None
    opened: dict[int, Opened]  # attached messages and invitations, read, by attachment id
    rating: tuple[int, str] | None = None  # the requester's latest rating and comment
    replying: tuple[tuple[str, datetime], ...] = ()  # who writes a reply now, and until when that holds
    standard: tuple[str | None, str | None] = (
        None,
        None,
    )  # the standard that times it, the one given by hand


def _load(db: sqlite_utils.Database, request_id: int) -> Loaded:
    requester = request_requester(db, request_id)
    card = None if requester is None else requester_card(db, requester)
    rows = request_rows(db, [request_id])
    rating = satisfaction(db, request_id)
    items = conversation(db, request_id, shown_html)
    return Loaded(
        request_id,
        rows[0] if rows else None,
        items,
        card,
        open_attachments(db, request_id),
        rating,
        _replying(db, request_id),
        standard_names(db, request_id),
    )


def _replying(db: sqlite_utils.Database, request_id: int) -> tuple[tuple[str, datetime], ...]:
    from store.team_changes import TeamChangeError, replying_now

    try:
        return tuple(replying_now(db, request_id, datetime.now(UTC)))
    except TeamChangeError:  # a request with nothing to name it by has no team signs either
        return ()


class Conversation(QTextBrowser):
    """Renders the items; anchors ``loket:images/N``, ``loket:open/N`` and ``loket:save/N`` are the actions."""

    action = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self._wanted: set[str] = set()
        self._images: dict[str, QImage] = {}
        self._pending: set[str] = set()
        self._network: QNetworkAccessManager | None = None

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "loket":
            verb, _, ident = url.path().partition("/")
            if ident.isdigit():
                self.action.emit(verb, int(ident))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Only images of messages the user allowed, and only once fetched; nothing remote is loaded otherwise."""
        text = url.toString() if isinstance(url, QUrl) else url
        if text.startswith(("http://", "https://")):
            if text in self._images:
                return self._images[text]
            if text in self._wanted:
                self._fetch(text)
            return None
        return super().loadResource(kind, url)

    def allow_images(self, urls: set[str]) -> None:
        self._wanted |= urls

    def _fetch(self, url: str) -> None:
        if url in self._pending:
            return
        self._pending.add(url)
        # Qt's network module is loaded only when someone allows remote images: opening the window never needs it.
        from PySide6.QtNetwork import QNetworkAccessManager, QNetworkRequest

        if self._network is None:
            self._network = QNetworkAccessManager(self)
        reply = self._network.get(QNetworkRequest(QUrl(url)))
        reply.finished.connect(lambda: self._fetched(url, reply))

    def _fetched(self, url: str, reply: QNetworkReply) -> None:
        from PySide6.QtNetwork import QNetworkReply

        image = QImage()
        if reply.error() == QNetworkReply.NetworkError.NoError:
            image.loadFromData(reply.readAll())
        else:
            log.info("remote image %s not loaded: %s", url, reply.errorString())
        reply.deleteLater()
        self._images[url] = image
        self.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        self.document().markContentsDirty(0, self.document().characterCount())
        self.viewport().update()


class RequestView(QWidget):
    """Shows the request chosen in the list; ``show_request(None)`` clears it."""

    loaded = Signal(int)

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._current: Loaded | None = None
        self._allowed_images: set[int] = set()
        self.me = ""  # who works at this desktop: their own reply in progress is no warning
        self.heading = QLabel()
        self.heading.setObjectName("requestHeading")
        self.heading.setWordWrap(True)
        self.replying_banner = QLabel()
        self.replying_banner.setObjectName("replyingBanner")
        self.replying_banner.setStyleSheet(
            "background: #fff4d6; color: #6b4a00; border: 1px solid #e8c768; border-radius: 4px; padding: 4px 8px;"
        )
        self.replying_banner.hide()
        self._replying_expiry = QTimer(self)
        self._replying_expiry.setSingleShot(True)
        self._replying_expiry.timeout.connect(self._show_replying)
        self.conversation = Conversation()
        self.conversation.setObjectName("conversation")
        self.conversation.setAccessibleName(self.tr("Conversation"))
        self.conversation.action.connect(self._on_action)
        self.card = QTextBrowser()
        self.card.setObjectName("requesterCard")
        self.card.setAccessibleName(self.tr("Requester"))
        self.card.setAccessibleDescription(self.tr("Who asked, their other open requests and their history"))
        self.card.setOpenLinks(False)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(self.conversation)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 230])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.replying_banner)
        self.actions_bar = QToolBar()
        self.actions_bar.setObjectName("requestActions")
        self.actions_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(self.actions_bar)
        layout.addWidget(splitter, 1)
        self.show_request(None)

    def set_actions(self, actions: list[tuple[str, QAction]]) -> None:
        """The most used actions on the request as buttons above the conversation, with short labels (the
        menus keep the full names and the shortcuts)."""
        self.actions_bar.clear()
        buttons: list[QToolButton] = []
        for text, action in actions:
            # Not ``setDefaultAction``: the button would take the action's long menu text back on every change.
            button = QToolButton(self.actions_bar)
            button.setText(text)
            button.setEnabled(action.isEnabled())
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
            self.actions_bar.addWidget(button)
            buttons.append(button)
        for earlier, later in pairwise([*buttons, self.conversation, self.card]):
            QWidget.setTabOrder(earlier, later)  # the buttons above the conversation come before it
        # Never narrower than its buttons (German labels are long): a hidden button is a lost action.
        self.setMinimumWidth(self.actions_bar.sizeHint().width() + 24)

    def request_id(self) -> int | None:
        return None if self._current is None else self._current.request_id

    def request_number(self) -> int | None:
        """What people call the request shown (``request_id`` is the store's own)."""
        return None if self._current is None or self._current.row is None else self._current.row.number

    def messages(self) -> list[ConversationItem]:
        return [] if self._current is None else [i for i in self._current.items if i.kind == "message"]

    def show_request(self, request_id: int | None) -> None:
        if request_id is None:
            self._current = None
            self.heading.setText(self.tr("No request selected"))
            self._show_replying()
            self.conversation.setHtml("")
            self.card.setHtml("")
            return
        self._reader.submit("request-view", lambda db: _load(db, request_id), self._show)

    def refresh(self) -> None:
        if self._current is not None:
            self.show_request(self._current.request_id)

    def _show(self, loaded: Loaded) -> None:
        if self._current is None or self._current.request_id != loaded.request_id:
            self._allowed_images.clear()
        self._current = loaded
        first = next((i for i in loaded.items if i.kind == "message"), None)
        subject = first.subject if first else ""
        subject = subject or self.tr("(no subject)")
        self.heading.setText(
            f"<b>{html.escape(subject)}</b>"
            f"<br><span style='color:#6b7280; font-size:small'>{html.escape(self._facts(loaded))}</span>"
        )
        self._show_replying()
        self._render()
        self.card.setHtml(self._card_html(loaded.card))
        self.loaded.emit(loaded.request_id)

    def _show_replying(self) -> None:
        """ "Anna is replying" while a colleague writes a reply to this request; gone when their sign expires."""
        now = datetime.now(UTC)
        signs = [] if self._current is None else self._current.replying
        active = [(name, until) for name, until in signs if until > now and name != self.me]
        self._replying_expiry.stop()
        if not active:
            self.replying_banner.hide()
            return
        names = ", ".join(name for name, _ in active)
        text = self.tr("%1 is replying") if len(active) == 1 else self.tr("%1 are replying")
        self.replying_banner.setText(text.replace("%1", names))
        self.replying_banner.show()
        first_expiry = min(until for _, until in active)
        self._replying_expiry.start(max(1000, int((first_expiry - now).total_seconds() * 1000) + 500))

    def _facts(self, loaded: Loaded) -> str:
        """One line under the subject: number, status, who has it, priority, category, channel and rating."""
        facts: list[str] = []
        row = loaded.row
        if row is not None:
            facts.append(self.tr("Request #%1").replace("%1", str(row.number)))
            facts.append(status_label(row.status))
            facts.append(
                self.tr("assigned to %1").replace("%1", row.assignee)
                if row.assignee
                else self.tr("not assigned")
            )
            facts.append(self.tr("priority %1").replace("%1", priority_label(row.priority).lower()))
            if row.category:
                facts.append(row.category)
            facts.append(channel_label(row.channel))
            facts.extend(self._standard_facts(*loaded.standard))
        if loaded.rating is not None:
            value, comment = loaded.rating
            rated = self.tr("rated %1 of 5").replace("%1", str(value))
            facts.append(f"{rated}: “{comment}”" if comment else rated)
        return " · ".join(facts)

    def _standard_facts(self, timing: str | None, chosen: str | None) -> list[str]:
        """The standard that times the request; one given by hand that this desktop lacks is named as well."""
        if chosen is None:
            return [self.tr("standard “%1”").replace("%1", timing)] if timing else []
        if chosen == timing:
            return [self.tr("standard “%1”, given by hand").replace("%1", chosen)]
        missing = self.tr("standard “%1”, given by hand, is not defined here").replace("%1", chosen)
        if timing is None:
            return [missing]
        return [missing, self.tr("timed by “%1”").replace("%1", timing)]

    def _render(self) -> None:
        assert self._current is not None
        now = datetime.now(UTC)
        parts = [self._item_html(item, now) for item in self._current.items]
        if not parts:
            empty = self.tr("No messages in this request.")
            parts = [f"<p style='color:#6b7280'>{html.escape(empty)}</p>"]
        scroll = self.conversation.verticalScrollBar().value()
        self.conversation.setHtml("".join(parts))
        self.conversation.verticalScrollBar().setValue(scroll)

    def _item_html(self, item: ConversationItem, now: datetime) -> str:
        if item.kind == "history":
            text = html.escape(self.tr("Filed as history on import"))
            when = html.escape(short_datetime(item.at, now))
            return f"<p style='color:#6b7280; margin:4px 0 10px 0'>— {text} · {when}</p>"
        background, accent = ROLE_STYLE.get(item.role, ROLE_STYLE[Role.REQUESTER])
        if is_dark(
            self.palette()
        ):  # light tints under the palette's light text would hide it: the base shows
            background = self.palette().color(QPalette.ColorRole.Base).name()
        who = {
            Role.REQUESTER: self.tr("Requester"),
            Role.DESK: self.tr("Desk"),
            Role.COLLEAGUE: self.tr("Colleague"),
            Role.AUTO: self.tr("Automatic"),
            "note": self.tr("Internal note"),
        }.get(item.role, item.role)
        sender = html.escape(item.sender or item.sender_address)
        when = html.escape(short_datetime(item.at, now))
        body = self._body_html(item)
        extras = ""
        if item.attachments:
            label = html.escape(self.tr("Attachment:"))
            open_link, save_link = html.escape(self.tr("Open")), html.escape(self.tr("Save…"))
            links = "<br>".join(
                f"<span style='color:#6b7280'>{label}</span> {html.escape(a.filename)} ({html.escape(self.locale().formattedDataSize(a.size))}) "
                f"<a href='loket:open/{a.id}'>{open_link}</a> · "
                f"<a href='loket:save/{a.id}'>{save_link}</a>"
                for a in item.attachments
            )
            opened = self._current.opened if self._current is not None else {}
            read = "".join(opened_html(opened[a.id], now) for a in item.attachments if a.id in opened)
            extras += f"{read}<p style='margin-top:6px'>{links}</p>"
        return (
            f"<table width='100%' cellspacing='0' cellpadding='8' style='margin-bottom:8px; "
            f"background-color:{background}; border-left: 3px solid {accent}'>"
            f"<tr><td><span style='color:{accent}; font-weight:600'>{html.escape(who)}</span> &nbsp; "
            f"<b>{sender}</b> <span style='color:#6b7280'>{html.escape(item.sender_address)}</span>"
            f"<span style='color:#6b7280'> · {when}</span>{body}{extras}</td></tr></table>"
        )

    def _body_html(self, item: ConversationItem) -> str:
        if item.html:
            remote = {m.group(2) for m in _REMOTE_SRC.finditer(item.html)}
            if remote and item.id not in self._allowed_images:
                blocked_image = html.escape(self.tr("remote image"))
                placeholder = f"<span style='color:#9ca3af'>[{blocked_image}]</span>"
                blocked = _REMOTE_SRC.sub(lambda _: placeholder, item.html)
                note = html.escape(self.tr("Remote images in this message are blocked."))
                link = html.escape(self.tr("Load remote images"))
                return (
                    f"<p style='color:#6b7280; font-size:small'>{note} "
                    f"<a href='loket:images/{item.id}'>{link}</a></p>{blocked}"
                )
            self.conversation.allow_images(remote)
            return item.html
        text = html.escape(item.text).replace("\n", "<br>")
        return f"<p style='margin-top:6px'>{text}</p>"

    def _card_html(self, card: RequesterCard | None) -> str:
        if card is None:
            return ""
        locale = self.locale()
        muted = "color:#6b7280"
        stats = self.tr("%1 requests in all").replace("%1", locale.toString(card.total_requests))
        if card.median_first_response_min is not None:
            median = duration(card.median_first_response_min, day_minutes=24 * 60)
            stats += " · " + self.tr("median first response %1").replace("%1", median)
        department = card.department or self.tr("No department known")
        parts = [
            f"<p style='margin:0'><b>{html.escape(card.name or card.address)}</b> · "
            f"{html.escape(department)}<br>"
            f"<span style='{muted}'>{html.escape(card.address)}</span><br>"
            f"<span style='{muted}'>{html.escape(stats)}</span></p>"
        ]
        others = [r for r in card.open_requests if self._current is None or r[0] != self._current.request_id]
        sections = (
            (self.tr("Also open"), [(f"#{number}", s, status_label(st)) for _, number, s, st in others]),
            (self.tr("History"), [(short_datetime(at), s, status_label(st)) for _, s, st, at in card.recent]),
        )
        for title, rows in sections:
            if not rows:
                continue
            cells = "".join(
                f"<tr><td style='{muted}; padding-right:8px'>{html.escape(a)}</td><td>{html.escape(b)}</td>"
                f"<td style='{muted}; padding-left:8px'>{html.escape(c)}</td></tr>"
                for a, b, c in rows
            )
            parts.append(
                f"<p style='margin:8px 0 2px 0; {muted}; font-weight:600'>{html.escape(title)}</p>"
                f"<table cellspacing='0' cellpadding='1'>{cells}</table>"
            )
        return "".join(parts)

    # -- actions on the conversation ---------------------------------------------------------------------------
    def _on_action(self, verb: str, ident: int) -> None:
        if verb == "images":
            self._allowed_images.add(ident)
            self._render()
        elif verb in ("open", "save"):
            self._attachment(verb, ident)

    def _attachment(self, verb: str, attachment_id: int) -> None:
        shown = self._current.items if self._current is not None else []
        filename = next(
            (a.filename for item in shown for a in item.attachments if a.id == attachment_id), None
        )
        if filename is None:
            return
        name = sanitize_filename(filename)
        if verb == "save":
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), name)
            if not chosen:
                return
            target = Path(chosen)
        else:
            target = Path(tempfile.mkdtemp(prefix="loket-")) / name
        self._reader.submit(
            f"attachment-{attachment_id}",
            lambda db: write_attachment(db, attachment_id, target),
            lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) if verb == "open" else None,
        )


def write_attachment(db: sqlite_utils.Database, attachment_id: int, target: Path) -> Path:
    """Copy an attachment's bytes out of the store (runs on the reading thread: they can be large, and are mostly
    read from the message's raw mail)."""
    data = attachment_bytes(db, attachment_id)
    if data is None:
        raise FileNotFoundError(f"attachment {attachment_id} has no stored bytes")
    target.write_bytes(data)
    return target
