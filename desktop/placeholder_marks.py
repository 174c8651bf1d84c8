"""Template placeholders left in a draft (``{standard.first_response}`` with no value) are marked where they stand:
a tinted background and a wavy underline, so they show without relying on colour alone."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from store.templates import placeholder_spans

# Amber that keeps 4.5:1 against the text colour of light and dark palettes alike when blended as a background.
_LIGHT_MARK, _DARK_MARK = QColor("#ffe08a"), QColor("#6b4e00")


class PlaceholderMarks(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.mark = QTextCharFormat()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        self.mark.setBackground(_DARK_MARK if dark else _LIGHT_MARK)
        self.mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.mark.setFontWeight(700)

    def highlightBlock(self, text: str) -> None:
        for start, length in placeholder_spans(text):
            self.setFormat(start, length, self.mark)
