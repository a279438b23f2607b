"""CSV exports cannot carry spreadsheet formulas."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.csvexport import BOM, safe_cell, to_csv


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("Lassen MIG/MAG", "Lassen MIG/MAG"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_to_csv_keeps_numbers_and_neutralises_text():
    text = to_csv([["titel", "prijs"], ['=HYPERLINK("x")', 125000], [True, -5]])
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows == [
        ["titel", "prijs"],
        ['\'=HYPERLINK("x")', "125000"],
        ["True", "-5"],
    ]


@given(st.lists(st.lists(st.text(), min_size=1, max_size=4), max_size=5))
def test_no_exported_text_cell_starts_a_formula(rows):
    text = to_csv(rows, bom=False)
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "＝", "＋", "－", "＠"))
