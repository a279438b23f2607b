"""Fund reporting: vouchers counted by sector, level, situation, age band, goal and
status, and money reserved and paid per month; the page, its charts and the CSV
export share these figures.

Pure: plain rows in, frozen figures out; no Flask, no database.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

from portal.csvexport import euros, safe_cell

# Age bands on the application date; the rules only allow 18 to 67.
AGE_BANDS = ((18, 26), (27, 35), (36, 45), (46, 55), (56, 67))
DIMENSIONS = ("sector", "level", "situation", "age_band", "goal", "status")
UNKNOWN = "onbekend"


@dataclass(frozen=True)
class ReportRow:
    """One application, as the report needs it."""

    sector: str
    level: str
    situation: str
    birth_date: date
    applied_on: date
    goal: str
    status: str
    reserved_cents: int = 0
    reserved_on: date | None = None
    paid_cents: int = 0
    paid_on: date | None = None


@dataclass(frozen=True)
class MonthMoney:
    month: str  # "2026-11"
    reserved_cents: int
    paid_cents: int


@dataclass(frozen=True)
class Report:
    total: int
    counts: dict[str, list[tuple[str, int]]]  # dimension → (value, count), most first
    months: list[MonthMoney]


def age_on(birth_date: date, on: date) -> int:
    """Full years of age on a date."""
    return (
        on.year
        - birth_date.year
        - ((on.month, on.day) < (birth_date.month, birth_date.day))
    )


def age_band(birth_date: date, on: date) -> str:
    """The band ("18–26", …, "56–67") of the age on `on`; UNKNOWN outside them."""
    age = age_on(birth_date, on)
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}–{high}"
    return UNKNOWN


def _value(row: ReportRow, dimension: str) -> str:
    if dimension == "age_band":
        return age_band(row.birth_date, row.applied_on)
    return getattr(row, dimension) or UNKNOWN


def _count(rows: list[ReportRow], dimension: str) -> list[tuple[str, int]]:
    counted = Counter(_value(row, dimension) for row in rows)
    if dimension == "age_band":  # in age order, not by size
        order = [f"{low}–{high}" for low, high in AGE_BANDS] + [UNKNOWN]
        return [(band, counted[band]) for band in order if counted[band]]
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))


def _months(rows: list[ReportRow]) -> list[MonthMoney]:
    reserved: Counter[str] = Counter()
    paid: Counter[str] = Counter()
    for row in rows:
        if row.reserved_cents and row.reserved_on:
            reserved[row.reserved_on.strftime("%Y-%m")] += row.reserved_cents
        if row.paid_cents and row.paid_on:
            paid[row.paid_on.strftime("%Y-%m")] += row.paid_cents
    return [
        MonthMoney(month, reserved[month], paid[month])
        for month in sorted(set(reserved) | set(paid))
    ]


def build_report(rows: list[ReportRow]) -> Report:
    """Counts per dimension and money per month. Reserved money counts in the month it
    was reserved and still is; paid money in the month it was paid."""
    return Report(
        total=len(rows),
        counts={dimension: _count(rows, dimension) for dimension in DIMENSIONS},
        months=_months(rows),
    )


def bar_chart(pairs: list[tuple[str, int]], width: int = 480, bar: int = 22) -> dict:
    """Horizontal bar geometry for an inline SVG (the template draws it; a table next
    to it gives the same figures)."""
    peak = max((count for _, count in pairs), default=0) or 1
    bars = [
        {"label": label, "value": count, "y": i * bar, "w": round(width * count / peak)}
        for i, (label, count) in enumerate(pairs)
    ]
    return {
        "width": width,
        "height": max(len(pairs), 1) * bar,
        "bar": bar - 4,
        "bars": bars,
    }


def money_chart(months: list[MonthMoney], width: int = 480, bar: int = 14) -> dict:
    """Two horizontal bars per month, reserved and paid, on one scale (the largest
    amount of either), for an inline SVG; the table next to it gives the amounts."""
    peak = max((max(m.reserved_cents, m.paid_cents) for m in months), default=0) or 1
    rows = [
        {
            "month": m.month,
            "y": i * (2 * bar + 8),
            "reserved": m.reserved_cents,
            "paid": m.paid_cents,
            "reserved_w": round(width * m.reserved_cents / peak),
            "paid_w": round(width * m.paid_cents / peak),
        }
        for i, m in enumerate(months)
    ]
    return {
        "width": width,
        "height": max(len(months), 1) * (2 * bar + 8),
        "bar": bar,
        "rows": rows,
    }


def to_csv(report: Report, labels: dict[str, dict[str, str]] | None = None) -> str:
    """The report as CSV (semicolons, as Dutch spreadsheets expect): the counts per
    dimension, then the money per month in euros."""
    labels = labels or {}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["onderdeel", "waarde", "omschrijving", "aantal"])
    for dimension, pairs in report.counts.items():
        names = labels.get(dimension, {})
        for value, count in pairs:
            label = names.get(value, value)
            writer.writerow([safe_cell(c) for c in (dimension, value, label, count)])
    writer.writerow([])
    writer.writerow(["maand", "gereserveerd_euro", "uitbetaald_euro"])
    for month in report.months:
        writer.writerow(
            [month.month, euros(month.reserved_cents), euros(month.paid_cents)]
        )
    return out.getvalue()
