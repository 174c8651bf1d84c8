"""Colours that carry meaning (a timer breached, a warning), chosen for the palette in use: each keeps a contrast
of at least 4.5:1 (WCAG AA for text) against the list's backgrounds in light and in dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from store.vocabulary import TimerState

MIN_CONTRAST = 4.5
_LIGHT = {
    TimerState.ON_TIME: "#1b5e20",
    TimerState.WARNING: "#8a4b00",
    TimerState.BREACHED: "#b71c1c",
    TimerState.PAUSED: "#4b5563",
}
_DARK = {
    TimerState.ON_TIME: "#81c784",
    TimerState.WARNING: "#ffb74d",
    TimerState.BREACHED: "#ff8a80",
    TimerState.PAUSED: "#b0b7c3",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def timer_colour(state: str, palette: QPalette) -> QColor | None:
    colours = _DARK if is_dark(palette) else _LIGHT
    name = colours.get(state)
    return QColor(name) if name else None


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
