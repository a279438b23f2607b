"""Demand signals from the anonymous search log: weeks, top, zero- and low-result
queries, and a CSV export that a spreadsheet cannot be tricked by."""

import csv
import io
from datetime import UTC, date, datetime

import pytest

from portal.search.signals import LogRow, QueryStat, Summary, summarize, to_csv


def row(day: str, query: str, results: int) -> LogRow:
    return LogRow(
        datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=UTC), query, results
    )


ROWS = [
    row("2026-11-02", "lassen", 30),
    row("2026-11-03", "lassen", 28),
    row("2026-11-04", "doktersassistent", 0),
    row("2026-11-05", "doktersassistent", 0),
    row("2026-11-05", "doktersassistent", 0),
    row("2026-11-20", "dakdekker", 2),
    row("2026-11-21", "dakdekker", 1),
    row("2026-11-21", "", 703),  # browsing without a query
    row("2026-11-22", "", 703),
]


@pytest.fixture
def summary() -> Summary:
    return summarize(ROWS, date(2026, 11, 1), date(2026, 11, 28))


def test_totals_count_every_search_including_browsing(summary):
    assert summary.total == 9
    assert summary.zero_total == 3


def test_top_queries_are_ordered_by_searches_and_skip_browsing(summary):
    assert [(s.query, s.searches) for s in summary.top] == [
        ("doktersassistent", 3),
        ("dakdekker", 2),
        ("lassen", 2),
    ]
    assert summary.top[2].average_results == 29.0


def test_zero_result_queries_are_listed(summary):
    assert summary.zero == [QueryStat("doktersassistent", 3, 0.0)]


def test_low_result_queries_are_those_that_found_one_or_two(summary):
    assert summary.low == [QueryStat("dakdekker", 2, 1.5)]


def test_a_query_that_once_found_enough_is_not_low():
    rows = [row("2026-11-02", "metselaar", 0), row("2026-11-03", "metselaar", 12)]
    summary = summarize(rows, date(2026, 11, 2), date(2026, 11, 8))
    assert summary.zero == [] and summary.low == []


def test_every_week_of_the_period_is_present_also_empty_ones(summary):
    # 2026-11-01 is a Sunday: its week starts on Monday 2026-10-26.
    assert [w.monday for w in summary.weeks] == [
        date(2026, 10, 26),
        date(2026, 11, 2),
        date(2026, 11, 9),
        date(2026, 11, 16),
        date(2026, 11, 23),
    ]
    by_week = {w.label: (w.searches, w.zero_results) for w in summary.weeks}
    assert by_week == {
        "2026-W44": (0, 0),
        "2026-W45": (5, 3),
        "2026-W46": (0, 0),
        "2026-W47": (4, 0),
        "2026-W48": (0, 0),
    }


def test_week_labels_use_the_iso_year_across_new_year():
    summary = summarize([], date(2026, 12, 27), date(2027, 1, 10))
    assert [w.label for w in summary.weeks] == ["2026-W52", "2026-W53", "2027-W01"]
    assert summary.total == 0 and summary.top == []


def test_the_top_list_is_limited():
    rows = [row("2026-11-02", f"vraag {i}", 5) for i in range(40)]
    assert (
        len(summarize(rows, date(2026, 11, 2), date(2026, 11, 8), limit=10).top) == 10
    )


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_lists_each_kind_and_the_weeks(summary):
    lines = parse_csv(to_csv(summary))
    assert lines[0] == [
        "soort",
        "zoekvraag",
        "aantal_zoekopdrachten",
        "gemiddeld_aantal_resultaten",
    ]
    assert ["geen_resultaat", "doktersassistent", "3", "0,0"] in lines
    assert ["weinig_resultaat", "dakdekker", "2", "1,5"] in lines
    assert ["2026-W45", "2026-11-02", "5", "3"] in lines


@pytest.mark.parametrize(
    "query",
    ['=HYPERLINK("http://x")', "+31 6 1234", "-2+3", "@SUM(A1:A9)", "\t=1+1"],
)
def test_csv_neutralises_spreadsheet_formulas(query):
    rows = [row("2026-11-02", query, 0)]
    lines = parse_csv(to_csv(summarize(rows, date(2026, 11, 2), date(2026, 11, 8))))
    cells = [line[1] for line in lines if line and line[0] in ("top", "geen_resultaat")]
    assert cells == ["'" + query, "'" + query]


def test_csv_leaves_ordinary_queries_alone(summary):
    cells = {
        line[1] for line in parse_csv(to_csv(summary)) if line and line[0] == "top"
    }
    assert cells == {"doktersassistent", "dakdekker", "lassen"}
