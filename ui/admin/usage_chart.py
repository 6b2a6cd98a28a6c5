"""The usage chart: one stacked bar per day for the last 30 days, drawn with QPainter.

Four kinds (bookings, meal orders, benefit checks, alarms) are told apart by fill pattern
as well as shade, and a legend in words sits beside it, so colour is never the only cue.
Numbers for the biggest day and the first and last dates are written on the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

KIND_ORDER = ("bookings", "orders", "benefit_checks", "alarms")
PATTERNS = {
    "bookings": Qt.BrushStyle.SolidPattern,
    "orders": Qt.BrushStyle.BDiagPattern,
    "benefit_checks": Qt.BrushStyle.CrossPattern,
    "alarms": Qt.BrushStyle.Dense4Pattern,
}


class UsageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart.usage")
        self.setMinimumHeight(320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.days: Sequence[Any] = ()
        self.ink = QColor("#000000")
        self.paper = QColor("#FFFFFF")

    def set_colours(self, ink: str, paper: str) -> None:
        self.ink, self.paper = QColor(ink), QColor(paper)
        self.update()

    def set_days(self, days: Sequence[Any]) -> None:
        """``days``: objects with ``day`` (a date) and ``counts`` (kind -> int), oldest first."""
        self.days = days
        total = sum(sum(d.counts.values()) for d in days)
        self.setAccessibleName(f"{len(days)} days, {total} in all")
        self.update()

    def biggest(self) -> int:
        return max((sum(d.counts.values()) for d in self.days), default=0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(self.rect(), self.paper)
        font = painter.font()
        line = max(24, font.pixelSize() if font.pixelSize() > 0 else 24)
        left, bottom, top = line * 3, line + 16, line + 8
        area = QRectF(left, top, self.width() - left - 8, self.height() - top - bottom)
        painter.setPen(QPen(self.ink, 3))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        peak = max(1, self.biggest())
        painter.drawText(
            QRectF(0, top - line / 2, left - 8, line), Qt.AlignmentFlag.AlignRight, str(peak)
        )
        painter.drawText(
            QRectF(0, area.bottom() - line, left - 8, line), Qt.AlignmentFlag.AlignRight, "0"
        )
        if self.days:
            slot = area.width() / len(self.days)
            for index, day in enumerate(self.days):
                x = area.left() + index * slot + slot * 0.15
                y = area.bottom()
                for kind in KIND_ORDER:
                    count = day.counts.get(kind, 0)
                    if not count:
                        continue
                    height = area.height() * count / peak
                    bar = QRectF(x, y - height, slot * 0.7, height)
                    painter.fillRect(bar, self.paper)
                    painter.fillRect(bar, QBrush(self.ink, PATTERNS[kind]))
                    painter.setPen(QPen(self.ink, 2))
                    painter.drawRect(bar)
                    y -= height
            first, last = self.days[0].day, self.days[-1].day
            painter.setPen(QPen(self.ink, 3))
            painter.drawText(
                QRectF(area.left(), area.bottom() + 8, area.width(), line + 8),
                Qt.AlignmentFlag.AlignLeft,
                first.strftime("%m-%d"),
            )
            painter.drawText(
                QRectF(area.left(), area.bottom() + 8, area.width(), line + 8),
                Qt.AlignmentFlag.AlignRight,
                last.strftime("%m-%d"),
            )
        painter.end()


class LegendSwatch(QWidget):
    """A small square with one kind's pattern, next to its name in the legend."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setFixedSize(48, 48)
        self.ink = QColor("#000000")
        self.paper = QColor("#FFFFFF")

    def set_colours(self, ink: str, paper: str) -> None:
        self.ink, self.paper = QColor(ink), QColor(paper)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.paper)
        painter.fillRect(self.rect().adjusted(2, 2, -2, -2), QBrush(self.ink, PATTERNS[self.kind]))
        painter.setPen(QPen(self.ink, 3))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()
