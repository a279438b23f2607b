"""Fund reporting figures, without an app: age bands on the application date, counts
per dimension, money per month, chart geometry and a CSV that cannot run formulas."""

import csv
import io
from datetime import date

import pytest

from portal.vouchers.reporting import (
    ReportRow,
    age_band,
    bar_chart,
    build_report,
    safe_cell,
    to_csv,
)


def row(**fields) -> ReportRow:
    values = {
        "sector": "zorg",
        "level": "mbo-3",
        "situation": "employed",
        "birth_date": date(1990, 6, 15),
        "applied_on": date(2026, 11, 1),
        "goal": "find_work",
        "status": "ingediend",
    }
    return ReportRow(**(values | fields))


@pytest.mark.parametrize(
    ("birth_date", "band"),
    [
        (date(2008, 11, 1), "18–26"),  # 18 on the day
        (date(2008, 11, 2), "onbekend"),  # 17, one day short
        (date(1999, 11, 2), "18–26"),  # still 26
        (date(1999, 11, 1), "27–35"),  # 27 on the day
        (date(1990, 11, 2), "27–35"),
        (date(1990, 11, 1), "36–45"),
        (date(1980, 11, 1), "46–55"),
        (date(1970, 11, 1), "56–67"),
        (date(1959, 11, 2), "56–67"),  # 67
        (date(1958, 11, 1), "onbekend"),  # 68
    ],
)
def test_the_age_band_is_the_age_on_the_application_date(birth_date, band):
    assert age_band(birth_date, date(2026, 11, 1)) == band


def test_the_report_counts_every_dimension_and_keeps_age_bands_in_order():
    rows = [
        row(),
        row(sector="ict", birth_date=date(2000, 1, 1), status="goedgekeurd"),
        row(sector="ict", level="", birth_date=date(1960, 1, 1)),
    ]
    report = build_report(rows)
    assert report.total == 3
    assert report.counts["sector"] == [("ict", 2), ("zorg", 1)]
    assert report.counts["level"] == [("mbo-3", 2), ("onbekend", 1)]
    assert report.counts["age_band"] == [("18–26", 1), ("36–45", 1), ("56–67", 1)]
    assert report.counts["status"] == [("ingediend", 2), ("goedgekeurd", 1)]
    assert report.counts["situation"] == [("employed", 3)]
    assert report.counts["goal"] == [("find_work", 3)]


def test_money_counts_in_the_month_it_was_reserved_or_paid():
    rows = [
        row(reserved_cents=100_000, reserved_on=date(2026, 10, 3)),
        row(reserved_cents=50_000, reserved_on=date(2026, 11, 30)),
        row(paid_cents=250_000, paid_on=date(2026, 11, 2)),
        row(reserved_cents=0, reserved_on=date(2026, 9, 1)),  # released: not counted
    ]
    months = build_report(rows).months
    assert [(m.month, m.reserved_cents, m.paid_cents) for m in months] == [
        ("2026-10", 100_000, 0),
        ("2026-11", 50_000, 250_000),
    ]


def test_an_empty_report_has_no_figures_and_an_empty_chart():
    report = build_report([])
    assert report.total == 0 and report.months == []
    assert all(pairs == [] for pairs in report.counts.values())
    assert bar_chart([])["bars"] == []


def test_the_longest_bar_fills_the_width():
    chart = bar_chart([("zorg", 4), ("ict", 1)], width=400)
    assert [b["w"] for b in chart["bars"]] == [400, 100]
    assert [b["y"] for b in chart["bars"]] == [0, 22]


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+31", "'+31"),
        ("-1", "'-1"),
        ("@SUM", "'@SUM"),
        ("zorg", "zorg"),
        (3, "3"),
    ],
)
def test_csv_cells_cannot_start_a_formula(value, safe):
    assert safe_cell(value) == safe


def test_the_csv_has_counts_with_labels_and_money_in_euros():
    rows = [
        row(goal="=cmd()", reserved_cents=123_456, reserved_on=date(2026, 11, 5)),
    ]
    text = to_csv(build_report(rows), {"sector": {"zorg": "Zorg en welzijn"}})
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0] == ["onderdeel", "waarde", "omschrijving", "aantal"]
    assert ["sector", "zorg", "Zorg en welzijn", "1"] in lines
    assert ["goal", "'=cmd()", "'=cmd()", "1"] in lines
    assert lines[-1] == ["2026-11", "1234,56", "0,00"]


def test_the_money_chart_puts_reserved_and_paid_per_month_on_one_scale():
    from portal.vouchers.reporting import MonthMoney, money_chart

    chart = money_chart(
        [MonthMoney("2026-10", 250_000, 0), MonthMoney("2026-11", 100_000, 500_000)],
        width=500,
    )
    first, second = chart["rows"]
    assert (first["month"], first["reserved_w"], first["paid_w"]) == ("2026-10", 250, 0)
    assert (second["reserved_w"], second["paid_w"]) == (100, 500)
    assert second["y"] > first["y"] and chart["height"] >= second["y"]
    assert money_chart([])["rows"] == []
