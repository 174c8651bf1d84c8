"""The statistics view's two charts: weekly first-response median and P90 against the standard, and the weekly
share within standard, over the picked period with the user's date and number formats."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QPen

from desktop.i18n import tr
from store.stats.overview import Overview


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _week_x(monday: object) -> float:
    """A week's point on the time axis: noon of its Monday, local time."""
    day = date.fromisoformat(str(monday))
    return float(QDateTime(qdate(day), QTime(12, 0)).toMSecsSinceEpoch())


def _reset(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _date_axis(chart: QChart, first: QDate, last: QDate) -> QDateTimeAxis:
    """The picked period along the bottom, dates in the user's short format."""
    axis = QDateTimeAxis(chart)
    axis.setFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
    axis.setRange(QDateTime(first, QTime(0, 0)), QDateTime(last, QTime(23, 59)))
    axis.setTickCount(6)
    return axis


def draw_times(chart: QChart, result: Overview, first: QDate, last: QDate) -> None:
    """Weekly median and P90 of first-response business hours, and the most used standard's target as a line."""
    _reset(chart)
    weeks = [week for week in result.weekly if week.first_response_median_business_min is not None]
    median = QLineSeries(chart)
    median.setName(tr("Median"))
    p90 = QLineSeries(chart)
    p90.setName(tr("P90"))
    top = 1.0
    for week in weeks:
        x = _week_x(week.key[0])
        median.append(x, (week.first_response_median_business_min or 0) / 60.0)
        p90.append(x, (week.first_response_p90_business_min or 0) / 60.0)
        top = max(top, (week.first_response_p90_business_min or 0) / 60.0)
    series = [median, p90]
    if result.standard is not None and weeks:
        name, target = result.standard
        line = QLineSeries(chart)
        line.setName(
            tr("Standard “%1”: %2 h")
            .replace("%1", name)
            .replace("%2", QLocale().toString(target / 60.0, "f", 1))
        )
        pen = QPen(Qt.GlobalColor.darkRed)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        line.setPen(pen)
        for x in (_week_x(weeks[0].key[0]), _week_x(weeks[-1].key[0])):
            line.append(x, target / 60.0)
        top = max(top, target / 60.0)
        series.append(line)
    for item in series:
        chart.addSeries(item)
    axis_y = QValueAxis(chart)
    axis_y.setRange(0, top * 1.1)
    axis_y.setLabelFormat("%.1f")
    axis_y.setTitleText(tr("business hours"))
    chart.addAxis(_date_axis(chart, first, last), Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for item in series:
        for axis in chart.axes():
            item.attachAxis(axis)


def draw_share(chart: QChart, result: Overview, first: QDate, last: QDate) -> None:
    """The weekly share of requests within standard, 0–100 %."""
    _reset(chart)
    share = QLineSeries(chart)
    share.setName(tr("Within standard (%)"))
    share.setPointsVisible(True)
    for week in result.weekly:
        if week.within_standard_pct is not None:
            share.append(_week_x(week.key[0]), week.within_standard_pct)
    chart.addSeries(share)
    axis_y = QValueAxis(chart)
    axis_y.setRange(0, 100)
    axis_y.setLabelFormat("%d %%")
    chart.addAxis(_date_axis(chart, first, last), Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for axis in chart.axes():
        share.attachAxis(axis)
