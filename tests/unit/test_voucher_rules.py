"""The voucher rules, table by table, without an app: ages on the application date,
the cap, rounding half up, each situation, each reason to say no."""

import ast
import dataclasses
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.vouchers import rules
from portal.vouchers.rules import (
    SITUATIONS,
    Applicant,
    CopayShare,
    CourseFacts,
    FundPolicy,
    Split,
    age_on,
    assess,
    copayment_cents,
    split_price,
)

TODAY = date(2026, 11, 28)
THIRD = CopayShare("employer", 1, 3)
NOBODY = CopayShare("none", 0, 1)


def opijver(**overrides) -> FundPolicy:
    """A policy with Opijver's parameters (seed/funds.yaml)."""
    shares = {s: NOBODY for s in SITUATIONS} | {
        "employed": THIRD,
        "self_employed": CopayShare("applicant", 1, 3),
    }
    fields = dict(
        region="achterhoek",
        region_name="Achterhoek",
        fund_name="Opijver",
        min_age=18,
        max_age=67,
        max_voucher_cents=250_000,
        max_grants_per_year=1,
        sectors=frozenset(
            {"zorg", "techniek", "bouw", "logistiek", "ict", "onderwijs"}
        ),
        copay_shares=tuple(shares.items()),
    )
    return FundPolicy(**(fields | overrides))


def resident(**overrides) -> Applicant:
    fields = dict(
        region="achterhoek", birth_date=date(1980, 5, 1), situation="employed"
    )
    return Applicant(**(fields | overrides))


ZORG = CourseFacts(price_cents=90_000, sector="zorg", kansrijk=True)


@pytest.mark.parametrize(
    "born, on, age",
    [
        (date(2008, 11, 28), date(2026, 11, 27), 17),  # the day before the birthday
        (date(2008, 11, 28), date(2026, 11, 28), 18),  # on the birthday itself
        (date(2008, 11, 28), date(2026, 11, 29), 18),
        (date(2008, 12, 31), date(2026, 1, 1), 17),
        # Born on 29 February: a year older on 1 March when there is no 29 February.
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 28), 19),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
        (date(2000, 1, 1), date(2000, 1, 1), 0),
    ],
)
def test_age_counts_whole_years_on_the_date(born, on, age):
    assert age_on(born, on) == age


@pytest.mark.parametrize(
    "born, on, code",
    [
        (date(2008, 11, 29), TODAY, "too_young"),  # 17: 18 tomorrow
        (date(2008, 11, 28), TODAY, None),  # 18 today
        (date(1959, 11, 28), TODAY, None),  # 67 today
        (date(1958, 11, 29), TODAY, None),  # 67: 68 tomorrow
        (date(1958, 11, 28), TODAY, "too_old"),  # 68 today
        (date(1950, 1, 1), TODAY, "too_old"),
        (date(2008, 2, 29), date(2026, 2, 28), "too_young"),  # still 17
        (date(2008, 2, 29), date(2026, 3, 1), None),  # 18 on 1 March
        # 68 years after a leap year is a leap year: the 68th birthday is a real 29 Feb.
        (date(1956, 2, 29), date(2024, 2, 28), None),  # still 67
        (date(1956, 2, 29), date(2024, 2, 29), "too_old"),  # 68 today
    ],
)
def test_age_is_18_to_67_inclusive_on_the_application_date(born, on, code):
    found = rules.check_age(resident(birth_date=born), opijver(), on)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    "price, num, den, copay",
    [
        (100, 1, 3, 33),  # 33.33 → 33
        (200, 1, 3, 67),  # 66.67 → 67
        (1, 1, 3, 0),  # 0.33 → 0
        (2, 1, 3, 1),  # 0.67 → 1
        (0, 1, 3, 0),
        (150, 1, 3, 50),
        (590_000, 1, 3, 196_667),
        (1, 1, 2, 1),  # exactly half: up
        (5, 1, 2, 3),  # 2.5 → 3
        (50, 1, 4, 13),  # 12.5 → 13
        (7, 0, 1, 0),
        (7, 1, 1, 7),
    ],
)
def test_copayment_is_rounded_half_up_to_the_cent(price, num, den, copay):
    payer = "none" if num == 0 else "employer"
    assert copayment_cents(price, CopayShare(payer, num, den)) == copay


@pytest.mark.parametrize(
    "situation, price, split",
    [
        # P − C just below, at and above the maximum voucher of € 2,500.
        ("employed", 374_999, (249_999, 125_000, 0)),
        ("employed", 375_000, (250_000, 125_000, 0)),
        ("employed", 375_001, (250_000, 125_000, 1)),
        ("self_employed", 374_999, (249_999, 0, 125_000)),
        ("self_employed", 375_000, (250_000, 0, 125_000)),
        ("self_employed", 375_001, (250_000, 0, 125_001)),
        ("jobseeker_uwv", 249_999, (249_999, 0, 0)),
        ("jobseeker_uwv", 250_000, (250_000, 0, 0)),
        ("jobseeker_uwv", 250_001, (250_000, 0, 1)),
        ("student", 1_000_000, (250_000, 0, 750_000)),
        ("employed", 0, (0, 0, 0)),
        ("employed", 1, (1, 0, 0)),
        ("employed", 2, (1, 1, 0)),
    ],
)
def test_voucher_is_price_minus_copayment_up_to_the_maximum(situation, price, split):
    assert split_price(price, situation, opijver()) == Split(price, *split)


@pytest.mark.parametrize(
    "situation, voucher, employer, own",
    [
        ("employed", 60_000, 30_000, 0),  # the employer pays a third
        ("self_employed", 60_000, 0, 30_000),  # the zzp'er pays a third
        ("jobseeker_uwv", 90_000, 0, 0),
        ("jobseeker_municipality", 90_000, 0, 0),
        ("jobseeker_other", 90_000, 0, 0),
        ("young", 90_000, 0, 0),
        ("student", 90_000, 0, 0),
    ],
)
def test_each_situation_splits_the_price_as_the_fund_says(
    situation, voucher, employer, own
):
    decision = assess(resident(situation=situation), ZORG, opijver(), TODAY)
    assert decision.eligible
    assert decision.split == Split(90_000, voucher, employer, own)


@pytest.mark.parametrize(
    "applicant, course, policy, codes",
    [
        (resident(region=None), ZORG, opijver(), ["outside_region"]),
        (resident(region="zeeland"), ZORG, opijver(), ["outside_region"]),
        (resident(birth_date=date(2010, 1, 1)), ZORG, opijver(), ["too_young"]),
        (resident(birth_date=date(1950, 1, 1)), ZORG, opijver(), ["too_old"]),
        (resident(grants_this_year=1), ZORG, opijver(), ["yearly_limit_reached"]),
        (
            resident(grants_this_year=2),
            ZORG,
            opijver(max_grants_per_year=2),
            ["yearly_limit_reached"],
        ),
        (
            resident(),
            CourseFacts(90_000, "horeca", True),
            opijver(),
            ["sector_not_covered"],
        ),
        (resident(), CourseFacts(90_000, "zorg", False), opijver(), ["not_kansrijk"]),
        (resident(), ZORG, None, ["no_fund"]),
        (
            resident(region=None, birth_date=date(1950, 1, 1)),
            CourseFacts(90_000, "horeca", False),
            opijver(),
            ["outside_region", "too_old", "sector_not_covered", "not_kansrijk"],
        ),
    ],
)
def test_each_reason_to_say_no_has_its_own_code(applicant, course, policy, codes):
    decision = assess(applicant, course, policy, TODAY)
    assert not decision.eligible
    assert [v.code for v in decision.violations] == codes
    # Without a voucher the person pays the whole price.
    assert decision.split == Split(course.price_cents, 0, 0, course.price_cents)


@pytest.mark.parametrize(
    "applicant, course, policy",
    [
        (resident(grants_this_year=0), ZORG, opijver()),
        (resident(grants_this_year=1), ZORG, opijver(max_grants_per_year=2)),
        (resident(), CourseFacts(90_000, "zorg", None), opijver()),  # typed in by hand
    ],
)
def test_no_reason_means_eligible(applicant, course, policy):
    assert assess(applicant, course, policy, TODAY).eligible


def test_reasons_name_the_rule_in_dutch():
    decision = assess(
        resident(region=None, birth_date=date(2010, 1, 1), grants_this_year=1),
        CourseFacts(90_000, "horeca", False),
        opijver(),
        TODAY,
    )
    messages = {v.code: v.message_nl for v in decision.violations}
    assert "Achterhoek" in messages["outside_region"]
    assert "18 jaar" in messages["too_young"]
    assert "per kalenderjaar" in messages["yearly_limit_reached"]
    assert "sectoren" in messages["sector_not_covered"]
    assert "goede kansen op werk" in messages["not_kansrijk"]
    too_old = rules.check_age(resident(birth_date=date(1950, 1, 1)), opijver(), TODAY)
    assert "67 jaar" in too_old.message_nl


def test_an_unknown_situation_is_a_programming_error():
    with pytest.raises(ValueError):
        assess(resident(situation="retired"), ZORG, opijver(), TODAY)


@pytest.mark.parametrize(
    "payer, num, den",
    [("employer", 4, 3), ("employer", 1, 0), ("none", 1, 3), ("employer", 0, 1)],
)
def test_a_share_must_be_a_fraction_with_a_matching_payer(payer, num, den):
    with pytest.raises(ValueError):
        CopayShare(payer, num, den)


def test_a_policy_needs_a_share_for_every_situation():
    with pytest.raises(ValueError, match="young"):
        opijver(copay_shares=tuple((s, NOBODY) for s in SITUATIONS if s != "young"))


def test_the_policy_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        opijver().max_voucher_cents = 1


@given(
    price=st.integers(min_value=0, max_value=10**9),
    situation=st.sampled_from(SITUATIONS),
    den=st.integers(min_value=1, max_value=12),
    num_fraction=st.fractions(min_value=0, max_value=1),
    payer=st.sampled_from(["employer", "applicant"]),
    max_voucher=st.integers(min_value=0, max_value=10**7),
)
def test_the_three_parts_always_add_up_to_the_price(
    price, situation, den, num_fraction, payer, max_voucher
):
    num = int(num_fraction * den)
    share = CopayShare(payer if num else "none", num, den)
    policy = opijver(
        max_voucher_cents=max_voucher,
        copay_shares=tuple((s, share) for s in SITUATIONS),
    )
    split = split_price(price, situation, policy)
    parts = (split.voucher_cents, split.employer_cents, split.own_cents)
    assert sum(parts) == price and min(parts) >= 0
    assert split.voucher_cents <= max_voucher
    # The co-payment is P·num/den rounded half up, checked with exact fractions.
    copay = copayment_cents(price, share)
    assert copay == int(Fraction(price * num, den) + Fraction(1, 2))
    assert split.voucher_cents == min(price - copay, max_voucher)
    assert split.employer_cents == (copay if share.payer == "employer" else 0)


RULES = [
    rules.check_residence,
    rules.check_age,
    rules.check_grants_per_year,
    rules.check_sector,
    rules.check_kansrijk,
    rules.copayment_cents,
    rules.split_price,
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_each_rule_says_its_source(rule):
    assert "Source" in (rule.__doc__ or "")


@pytest.mark.parametrize("module", ["rules", "workflow", "alternatives"])
def test_pure_modules_import_neither_flask_nor_the_database(module):
    path = Path(rules.__file__).with_name(f"{module}.py")
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    forbidden = ("flask", "sqlalchemy", "portal.extensions", "portal.clock")
    assert not [name for name in imported if name.startswith(forbidden)]
