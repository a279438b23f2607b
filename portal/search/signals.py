"""Demand signals: what people search for, and what they do not find. Pure functions
over log rows, so the dashboard and the CSV export share one computation."""

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from portal.csvexport import safe_cell

LOCAL = ZoneInfo(
    "Europe/Amsterdam"
)  # days and weeks as people in the regions count them
LOW_RESULTS = 3  # fewer results than this counts as "weinig resultaten"
TOP = 25


@dataclass(frozen=True)
class LogRow:
    created_at: datetime
    normalized: str
    result_count: int


@dataclass(frozen=True)
class QueryStat:
    query: str
    searches: int
    average_results: float


@dataclass(frozen=True)
class Week:
    label: str  # ISO week, e.g. "2026-W48"
    monday: date
    searches: int
    zero_results: int


@dataclass(frozen=True)
class Summary:
    total: int
    zero_total: int
    top: list[QueryStat]
    zero: list[QueryStat]
    low: list[QueryStat]
    weeks: list[Week]


def _stats(groups: dict[str, list[int]], keep, limit: int) -> list[QueryStat]:
    stats = [
        QueryStat(query, len(counts), sum(counts) / len(counts))
        for query, counts in groups.items()
        if keep(counts)
    ]
    stats.sort(key=lambda s: (-s.searches, s.query))
    return stats[:limit]


def weeks_between(start: date, end: date) -> list[date]:
    monday = start - timedelta(days=start.weekday())
    mondays = []
    while monday <= end:
        mondays.append(monday)
        monday += timedelta(days=7)
    return mondays


def summarize(rows: list[LogRow], start: date, end: date, limit: int = TOP) -> Summary:
    """Top queries, queries that found nothing or little, and searches per week
    (every week of the period, also the empty ones). Empty queries (browsing) count
    in the totals but not as a query."""
    groups: dict[str, list[int]] = defaultdict(list)
    per_week: Counter = Counter()
    zero_per_week: Counter = Counter()
    for row in rows:
        day = row.created_at.astimezone(LOCAL).date()
        monday = day - timedelta(days=day.weekday())
        per_week[monday] += 1
        if row.result_count == 0:
            zero_per_week[monday] += 1
        if row.normalized:
            groups[row.normalized].append(row.result_count)
    weeks = [
        Week(
            f"{m.isocalendar().year}-W{m.isocalendar().week:02d}",
            m,
            per_week[m],
            zero_per_week[m],
        )
        for m in weeks_between(start, end)
    ]
    return Summary(
        total=len(rows),
        zero_total=sum(1 for r in rows if r.result_count == 0),
        top=_stats(groups, lambda c: True, limit),
        zero=_stats(groups, lambda c: max(c) == 0, limit),
        low=_stats(groups, lambda c: 0 < max(c) < LOW_RESULTS, limit),
        weeks=weeks,
    )


def to_csv(summary: Summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        ["soort", "zoekvraag", "aantal_zoekopdrachten", "gemiddeld_aantal_resultaten"]
    )
    for kind, stats in (
        ("top", summary.top),
        ("geen_resultaat", summary.zero),
        ("weinig_resultaat", summary.low),
    ):
        for s in stats:
            writer.writerow(
                [
                    kind,
                    safe_cell(s.query),
                    s.searches,
                    f"{s.average_results:.1f}".replace(".", ","),
                ]
            )
    writer.writerow([])
    writer.writerow(["week", "maandag", "zoekopdrachten", "zonder_resultaat"])
    for w in summary.weeks:
        writer.writerow([w.label, w.monday.isoformat(), w.searches, w.zero_results])
    return out.getvalue()
