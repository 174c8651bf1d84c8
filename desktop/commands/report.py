"""``loket report``: the period report as a PDF, in the interface language unless ``--language`` says otherwise."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.commands.export import _date

LANGUAGES = (
    "en",
    "nl",
    "de",
    "it",
)  # kept here so ``loket --help`` loads no Qt; a test checks desktop.i18n's


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="the period report for a team meeting, as a PDF")
    parser.add_argument(
        "--from", dest="date_from", required=True, type=_date, metavar="DATE", help="first day"
    )
    parser.add_argument("--to", dest="date_to", required=True, type=_date, metavar="DATE", help="last day")
    parser.add_argument("--department", metavar="NAME", help="only requests from this department")
    parser.add_argument(
        "--language", choices=LANGUAGES, help="the report's language (default: the interface's)"
    )
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the PDF to write")
    parser.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    from desktop.commands import CliError
    from store.db import open_db
    from store.stats.records import PeriodError
    from store.stats.report import ReportError, report_figures
    from store.timeutil import utcnow

    try:
        figures = report_figures(open_db(args.data_dir), args.date_from, args.date_to, args.department)
    except PeriodError as error:
        raise CliError(f"--from/--to: {error}", 2) from error
    except ReportError as error:
        raise CliError(str(error), 2) from error
    # Drawing text needs fonts, and Qt reaches fonts only through a QGuiApplication; without a screen (a server,
    # a scheduled job) the offscreen platform gives it one.
    if not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QGuiApplication

    from desktop.app import APP_NAME
    from desktop.commands.window import qt_messages_to_log
    from desktop.i18n import install_translations
    from desktop.report_pdf import write_report
    from store.stats.export import ExportError

    qt_messages_to_log()
    app = QGuiApplication.instance() or QGuiApplication(["loket"])
    app.setOrganizationName(APP_NAME)  # where the window keeps the interface language
    app.setApplicationName(APP_NAME)
    if QLocale().language() == QLocale.Language.C:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    install_translations(app, args.language or "")
    try:
        write_report(figures, args.output, utcnow().strftime("%Y-%m-%d %H:%M UTC"))
    except ExportError as error:
        raise CliError(str(error), 1) from error
    print(f"report written to {args.output}")
    return 0
