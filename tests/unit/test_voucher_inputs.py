"""The shape of a quote request (API JSON and form text), without an app."""

from datetime import date

import pytest

from portal.regions.postcodes import Postcode
from portal.vouchers.inputs import (
    QuoteInput,
    QuoteInputError,
    parse_birth_date,
    parse_euros,
    parse_quote_json,
)

TODAY = date(2026, 11, 28)
BASE = {"postcode": "7101 ab", "birth_date": "1980-12-31", "situation": "employed"}


def test_a_catalogue_course_request():
    assert parse_quote_json(BASE | {"course_id": 12}, TODAY) == QuoteInput(
        Postcode(7101, "AB"), date(1980, 12, 31), "employed", course_id=12
    )


def test_a_price_and_sector_request():
    found = parse_quote_json(BASE | {"price_cents": 0, "sector": "zorg"}, TODAY)
    assert (found.price_cents, found.sector, found.course_id) == (0, "zorg", None)


@pytest.mark.parametrize(
    "body, code",
    [
        ("not an object", "invalid_json"),
        ([BASE], "invalid_json"),
        (None, "invalid_json"),
        (BASE | {"postcode": None, "course_id": 1}, "invalid_postcode"),
        (BASE | {"postcode": "71O1", "course_id": 1}, "invalid_postcode"),
        (BASE | {"birth_date": None, "course_id": 1}, "invalid_birth_date"),
        (BASE | {"birth_date": "31-12-1980", "course_id": 1}, "invalid_birth_date"),
        (BASE | {"birth_date": "1980-02-30", "course_id": 1}, "invalid_birth_date"),
        (BASE | {"birth_date": "2026-11-29", "course_id": 1}, "invalid_birth_date"),
        (BASE | {"birth_date": "1850-01-01", "course_id": 1}, "invalid_birth_date"),
        (BASE | {"birth_date": 19801231, "course_id": 1}, "invalid_birth_date"),
        (BASE | {"situation": "retired", "course_id": 1}, "invalid_situation"),
        (BASE | {"situation": None, "course_id": 1}, "invalid_situation"),
        (BASE | {"course_id": "12"}, "invalid_course"),
        (BASE | {"course_id": 0}, "invalid_course"),
        (BASE | {"course_id": True}, "invalid_course"),
        (BASE | {"course_id": 2**40}, "invalid_course"),
        (BASE | {"course_id": 1, "price_cents": 100}, "invalid_request"),
        (BASE | {"sector": "zorg"}, "missing_price"),
        (BASE | {"price_cents": -1, "sector": "zorg"}, "invalid_price"),
        (BASE | {"price_cents": 12.5, "sector": "zorg"}, "invalid_price"),
        (BASE | {"price_cents": "100", "sector": "zorg"}, "invalid_price"),
        (BASE | {"price_cents": True, "sector": "zorg"}, "invalid_price"),
        (BASE | {"price_cents": 10**12, "sector": "zorg"}, "invalid_price"),
        (BASE | {"price_cents": 100}, "invalid_sector"),
        (BASE | {"price_cents": 100, "sector": "sport"}, "invalid_sector"),
    ],
)
def test_malformed_requests_say_what_is_wrong(body, code):
    with pytest.raises(QuoteInputError) as caught:
        parse_quote_json(body, TODAY)
    assert caught.value.code == code
    assert caught.value.message_nl


@pytest.mark.parametrize(
    "text, born",
    [
        ("31-12-1980", date(1980, 12, 31)),
        ("1-2-1980", date(1980, 2, 1)),
        ("01/02/1980", date(1980, 2, 1)),
        (" 1980-02-01 ", date(1980, 2, 1)),
    ],
)
def test_the_form_accepts_dutch_and_iso_dates(text, born):
    assert parse_birth_date(text, TODAY, dutch=True) == born


@pytest.mark.parametrize(
    "text, cents",
    [
        ("1250", 125_000),
        ("1.250", 125_000),
        ("1250,5", 125_050),
        ("1.250,50", 125_050),
        ("€ 1.250,-", 125_000),
        ("0", 0),
        ("1.000.000", 100_000_000),
    ],
)
def test_euros_as_people_type_them_become_whole_cents(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize(
    "text", ["", "12.50", "-5", "1,234", "abc", "1.25,00", "1.000.001"]
)
def test_euros_that_are_no_amount_are_refused(text):
    with pytest.raises(QuoteInputError):
        parse_euros(text)
