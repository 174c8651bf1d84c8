"""The window in a dark palette, in German, and at 150% scaling: it follows the palette, and no button or label
is cut off. Each screen is saved to be looked at."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from seed import ME
from test_palette import dark_palette

from desktop.app import create_app
from desktop.compose import ComposeDialog
from desktop.i18n import install_translations
from desktop.main_window import MainWindow
from desktop.palette_colours import is_dark

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def cut_off(top: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text needs."""
    found = []
    for widget in top.findChildren(QAbstractButton) + top.findChildren(QLabel):
        if not widget.isVisibleTo(top) or not widget.text() or getattr(widget, "wordWrap", lambda: False)():
            continue
        if widget.width() < widget.sizeHint().width():
            found.append(
                f"{type(widget).__name__} {widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}"
            )
    return found


@pytest.fixture
def german_dark():
    app = create_app()
    assert isinstance(app, QApplication)
    saved_locale, saved_palette = QLocale(), app.palette()
    install_translations(app, "de")
    app.setPalette(dark_palette())
    yield app
    app.setPalette(saved_palette)
    QLocale.setDefault(saved_locale)
    install_translations(app)


def test_the_window_in_german_and_a_dark_palette_cuts_nothing_off(
    qtbot, owned, seeded_dir, german_dark, artifacts
):
    window = MainWindow(seeded_dir[0], me=ME)
    owned(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
        window.show()
    assert is_dark(window.list_view.palette()) and is_dark(window.queue_view.palette())
    image = window.grab().toImage()
    area = window.list_view.rect()
    # Light text on a dark ground: a single pixel may land on a glyph, the middle of a grid of them lands on the ground.
    samples = sorted(
        image.pixelColor(
            window.list_view.mapTo(window, QPoint(area.width() * x // 10, area.height() * y // 10))
        ).lightness()
        for x in range(1, 10)
        for y in range(1, 10)
    )
    assert samples[len(samples) // 2] < 128, "the list paints the dark palette, not a light colour of its own"
    assert cut_off(window) == []
    image.save(str(artifacts / "window_de_dark.png"))

    dialog = ComposeDialog(seeded_dir[0], window.request_view.request_id(), "reply", agent=ME)
    owned(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    assert cut_off(dialog) == []
    dialog.grab().save(str(artifacts / "compose_de_dark.png"))
    dialog.close()
    window.close()


def test_at_150_percent_scaling_in_german_the_window_paints(seeded_dir, artifacts):
    shot = artifacts / "window_150_de.png"
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "1.5",
        "LANG": "de_DE.UTF-8",
        "LANGUAGE": "de",
        "LC_ALL": "de_DE.UTF-8",
    }
    env["XDG_CONFIG_HOME"] = str(seeded_dir[0] / "config")  # the user's settings stay out of it
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(seeded_dir[0]), "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
