"""The request list view and its column widths: each column as wide as its content, the subject (what people scan) gets what
is left and at least a fair share of it; the widths and order a person sets are kept between starts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from desktop.request_model import COLUMNS, TIMER_COLUMN
from desktop.settings import REQUEST_LIST_HEADER

SUBJECT_SHARE = 0.4  # of the list's width, kept for the subject when the other columns would take more
NARROWEST = (
    "MMMM"  # a column narrowed for the subject still shows this much (its header is elided, with a tooltip)
)


def request_list_view(model: QAbstractTableModel) -> tuple[QTableView, bool]:
    """The request list over ``model``, sorted by timer, with the columns a person set last time; the flag says
    whether there were any (else they are fitted to the first page's content once it shows)."""
    view = QTableView()
    view.setObjectName("requests")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSortIndicator(TIMER_COLUMN, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionsMovable(True)
    header.setSectionResizeMode(COLUMNS.index("subject"), QHeaderView.ResizeMode.Stretch)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    offer_column_choice(header, COLUMNS.index("subject"))
    restored = restore_columns(header)
    if not restored:  # the sidebar lists departments; the header's menu shows the column
        header.setSectionHidden(COLUMNS.index("department"), True)
    return view, restored


def capped_widths(wanted: dict[int, int], least: dict[int, int], budget: int) -> dict[int, int]:
    """Columns are narrowed in proportion to what they can give (their width above ``least``) until they fit
    ``budget``: a long name loses more than a short status, and each keeps the most of its text it can."""
    excess = sum(wanted.values()) - budget
    spare = sum(w - least[c] for c, w in wanted.items())
    if excess <= 0 or spare <= 0:
        return dict(wanted)
    share = min(1.0, excess / spare)
    return {c: w - int((w - least[c]) * share + 0.999) for c, w in wanted.items()}


def fit_columns(view: QTableView, stretch: int, keep_whole: tuple[int, ...] = ()) -> None:
    """Size every visible column but ``stretch`` to its content (the rows on screen; a header wider than that is
    elided, its tooltip says it whole); columns in ``keep_whole`` are never narrowed below it."""
    header = view.horizontalHeader()
    columns = [c for c in range(header.count()) if c != stretch and not header.isSectionHidden(c)]
    wanted = {c: view.sizeHintForColumn(c) or header.sectionSizeHint(c) for c in columns}
    narrowest = header.fontMetrics().horizontalAdvance(NARROWEST)
    least = {c: wanted[c] if c in keep_whole else min(wanted[c], narrowest) for c in columns}
    budget = int(view.viewport().width() * (1 - SUBJECT_SHARE))
    for column, width in capped_widths(wanted, least, budget).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def restore_columns(header: QHeaderView) -> bool:
    """The widths and order saved at the last close; False when there are none (or they no longer fit)."""
    state = REQUEST_LIST_HEADER.get()
    return bool(state.size()) and header.restoreState(state)


def save_columns(header: QHeaderView) -> None:
    REQUEST_LIST_HEADER.set(header.saveState())


def offer_column_choice(header: QHeaderView, fixed: int) -> None:
    """The header's context menu shows and hides columns (all but ``fixed``)."""
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(at: QPoint) -> None:
        menu = QMenu(header)
        model = header.model()
        for column in range(header.count()):
            if column == fixed:
                continue
            label = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(at))
        menu.deleteLater()

    header.customContextMenuRequested.connect(show_menu)
