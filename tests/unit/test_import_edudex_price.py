"""The price of an EDU-DEX program: required cost lines with VAT, rounding, refusals."""

import copy
from decimal import Decimal

import pytest

from portal.imports.edudex import map_program
from portal.imports.edudex_parts import required_total
from tests.unit.test_import_edudex import BASE, costs, line, price_of, program

# --- price -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines,cents",
    [
        ([line("1250.00")], 125000),
        ([line("1250,00")], 125000),
        ([line(1250)], 125000),
        ([line("100.00", VATCode=1)], 10000),
        ([line("100.00", VATCode=2)], 10000),
        ([line("100.00", VATCode=3)], 10900),
        ([line("100.00", VATCode="4")], 12100),
        ([line("100.00", VATCode=5)], 12100),
        ([line("100.00", VATPercentage=21)], 12100),
        ([line("100.00", VATPercentage="9", VATCode=4)], 10900),
        ([line("100.00", amountVAT="21.00", VATCode=1)], 12100),
        ([line("0.05", VATPercentage=50)], 8),  # 0.075 → 0.08, half up
        ([line("0.01", VATPercentage=50)], 2),  # 0.015 → 0.02
        ([line("10.005")], 1001),
        ([line("1250.00"), line("150.00", required=False)], 125000),
        ([line("1250.00"), line("95.00", amountVAT="19.95")], 136495),
        (
            [
                line("0.1", VATPercentage=21),
                line("0.1", VATPercentage=21),
                line("0.1", VATPercentage=21),
            ],
            36,
        ),
    ],
)
def test_price_is_the_required_lines_with_vat(lines, cents):
    assert price_of(*lines) == cents


def test_price_sums_exactly_before_rounding():
    total, _codes, problems = required_total(
        [line("0.333", VATPercentage=0)] * 3, "cost"
    )
    assert total == Decimal("0.999") and problems == []


@pytest.mark.parametrize(
    "lines,field",
    [
        ([], "programSchedule.genericProgramRun.cost"),
        ([line("100", required=False)], "programSchedule.genericProgramRun.cost"),
        ([line("12 euro")], "programSchedule.genericProgramRun.cost[0]"),
        ([line("100", VATCode=7)], "programSchedule.genericProgramRun.cost[0]"),
        ([line("100", VATPercentage=150)], "programSchedule.genericProgramRun.cost[0]"),
        ([line("100", currency="USD")], "programSchedule.genericProgramRun.cost[0]"),
        ([line("-100")], "programSchedule.genericProgramRun.cost"),
        ([line(float("nan"))], "programSchedule.genericProgramRun.cost[0]"),
    ],
)
def test_bad_prices_are_rejected(lines, field):
    data = copy.deepcopy(BASE)
    data.update(costs(*lines))
    record, rejections = map_program(data)
    assert record is None
    assert field in [r.field for r in rejections]


def test_price_from_the_first_run_when_there_is_no_generic_run():
    data = program(
        programSchedule={
            "programRun": [
                {
                    "id": "a",
                    "startDate": {"date": "2027-01-01"},
                    "status": "application opened",
                    "cost": [line("50.00", VATCode=4)],
                },
                {
                    "id": "b",
                    "startDate": {"date": "2027-06-01"},
                    "status": "application opened",
                    "cost": [line("99.00")],
                },
            ]
        }
    )
    record, rejections = map_program(data)
    assert rejections == [] and record.price_cents == 6050
