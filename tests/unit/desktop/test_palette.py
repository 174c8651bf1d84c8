"""Colour that carries meaning keeps 4.5:1 contrast on the list's backgrounds in light and dark palettes, and
the window follows the palette it is given (dark mode) instead of painting light colours over it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory

from desktop.app import create_app
from desktop.palette_colours import MIN_CONTRAST, contrast_ratio, is_dark, timer_colour
from desktop.placeholder_marks import PlaceholderMarks

STATES = ("on_time", "warning", "breached", "paused")


def dark_palette() -> QPalette:
    """A dark palette as a desktop in dark mode hands to Qt."""
    palette = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#1b1b1d",
        QPalette.ColorRole.AlternateBase: "#242428",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3b6fd8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#3c4043",
        QPalette.ColorRole.ToolTipBase: "#2d2e31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }.items():
        palette.setColor(role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    create_app()
    return QStyleFactory.create("Fusion").standardPalette()


def test_the_contrast_ratio_is_the_wcag_one():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette_of", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize("state", STATES)
def test_timer_colours_keep_4_5_to_1_on_the_lists_backgrounds(palette_of, state):
    palette = palette_of()
    colour = timer_colour(state, palette)
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        background = palette.color(role)
        assert contrast_ratio(colour, background) >= MIN_CONTRAST, (state, colour.name(), background.name())


@pytest.mark.parametrize("palette_of", [light_palette, dark_palette], ids=["light", "dark"])
def test_marked_placeholders_keep_the_text_readable(palette_of):
    from PySide6.QtGui import QTextDocument

    palette = palette_of()
    marks = PlaceholderMarks(QTextDocument(), palette)
    ratio = contrast_ratio(palette.color(QPalette.ColorRole.Text), marks.mark.background().color())
    assert ratio >= MIN_CONTRAST


def test_a_dark_palette_is_recognised():
    assert is_dark(dark_palette()) and not is_dark(light_palette())
