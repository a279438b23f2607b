"""The shape of a quote request: from JSON (the API) or typed text (the calculator form).

Shape only: a real postcode, a real birth date not in the future, a known situation and
sector, a whole non-negative price. Whether the person gets a voucher is for rules.py.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from portal.catalog.vocab import SECTORS
from portal.regions.postcodes import InvalidPostcode, Postcode, parse_postcode
from portal.vouchers.rules import SITUATIONS

# € 1 million: more than any course costs, so a larger number is a typing error.
MAX_PRICE_CENTS = 100_000_000
EARLIEST_BIRTH_YEAR = 1900
MAX_ID = 2**31 - 1  # the largest id an integer column holds on every database

FIELD_NAMES = {"situation": "situatie", "sector": "sector"}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$")
# 1250 · 1.250 · 1250,5 · 1.250,50 · € 1.250,- (Dutch notation; a dot groups thousands).
_EUROS = re.compile(r"^(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-))?$")


class QuoteInputError(ValueError):
    """One thing wrong with the request: the field, a code and a B1 Dutch message."""

    def __init__(self, field: str, code: str, message_nl: str):
        super().__init__(message_nl)
        self.field = field
        self.code = code
        self.message_nl = message_nl


@dataclass(frozen=True)
class QuoteInput:
    """A well-formed request: a catalogue course, or a price and sector typed in."""

    postcode: Postcode
    birth_date: date
    situation: str
    course_id: int | None = None
    price_cents: int | None = None
    sector: str | None = None


def _birth_date_error(message: str) -> QuoteInputError:
    return QuoteInputError("birth_date", "invalid_birth_date", message)


def parse_birth_date(text: object, today: date, dutch: bool = False) -> date:
    """A birth date as YYYY-MM-DD (the API), or also as DD-MM-YYYY (the form, `dutch`)."""
    example = "31-12-1980" if dutch else "1980-12-31"
    if not isinstance(text, str) or not text.strip():
        raise _birth_date_error(f"Vul uw geboortedatum in, bijvoorbeeld {example}.")
    iso, local = _ISO_DATE.match(text.strip()), _DUTCH_DATE.match(text.strip())
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif dutch and local:
        day, month, year = (int(part) for part in local.groups())
    else:
        raise _birth_date_error(
            f"Schrijf uw geboortedatum zo: {example} (dag, maand en jaar)."
        )
    try:
        born = date(year, month, day)
    except ValueError:
        raise _birth_date_error(
            "Deze datum bestaat niet. Controleer dag en maand."
        ) from None
    if born > today:
        raise _birth_date_error("Uw geboortedatum ligt in de toekomst.")
    if born.year < EARLIEST_BIRTH_YEAR:
        raise _birth_date_error("Controleer het jaar van uw geboortedatum.")
    return born


def parse_euros(text: str) -> int:
    """Euros as people type them ("1.250,50", "1250", "€ 1.250,-") in whole cents."""
    match = _EUROS.match((text or "").strip())
    if not match:
        raise QuoteInputError(
            "price",
            "invalid_price",
            "Vul de prijs in euro's in, met alleen cijfers, bijvoorbeeld 1250 of 1.250,50.",
        )
    whole, fraction = match.group(1).replace(".", ""), match.group(2) or "0"
    cents = int(whole) * 100 + (0 if fraction == "-" else int(fraction.ljust(2, "0")))
    return check_price(cents)


def check_price(cents: int) -> int:
    if cents > MAX_PRICE_CENTS:
        raise QuoteInputError(
            "price", "invalid_price", "Deze prijs is te hoog. Controleer het bedrag."
        )
    return cents


def check_postcode(text: object) -> Postcode:
    try:
        return parse_postcode(text if isinstance(text, str) else None)
    except InvalidPostcode as exc:
        raise QuoteInputError("postcode", "invalid_postcode", exc.message_nl) from None


def _check_choice(field: str, value: object, choices) -> str:
    if value not in choices:
        raise QuoteInputError(
            field,
            f"invalid_{field}",
            f"Onbekende {FIELD_NAMES[field]}. Kies uit: {', '.join(choices)}.",
        )
    return value


def check_situation(value: object) -> str:
    return _check_choice("situation", value, SITUATIONS)


def check_sector(value: object) -> str:
    return _check_choice("sector", value, SECTORS)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_quote_json(data: object, today: date) -> QuoteInput:
    """The JSON body of POST /api/v1/vouchers/quote; raises the first error found."""
    if not isinstance(data, Mapping):
        raise QuoteInputError(
            "body",
            "invalid_json",
            "Stuur een JSON-object met postcode, birth_date, situation en course_id, "
            "of met price_cents en sector in plaats van course_id.",
        )
    postcode = check_postcode(data.get("postcode"))
    born = parse_birth_date(data.get("birth_date"), today)
    situation = check_situation(data.get("situation"))
    if data.get("course_id") is not None:
        if "price_cents" in data or "sector" in data:
            raise QuoteInputError(
                "course_id",
                "invalid_request",
                "Geef een opleiding (course_id) óf een prijs en sector, niet allebei.",
            )
        if not _is_int(data["course_id"]) or not 1 <= data["course_id"] <= MAX_ID:
            raise QuoteInputError(
                "course_id", "invalid_course", "course_id moet een heel getal zijn."
            )
        return QuoteInput(postcode, born, situation, course_id=data["course_id"])
    price = data.get("price_cents")
    if price is None:
        raise QuoteInputError(
            "price",
            "missing_price",
            "Geef een opleiding (course_id) of de prijs in centen (price_cents).",
        )
    if not _is_int(price) or price < 0:
        raise QuoteInputError(
            "price",
            "invalid_price",
            "price_cents moet een heel getal van 0 of meer zijn (de prijs in centen).",
        )
    sector = check_sector(data.get("sector"))
    return QuoteInput(
        postcode, born, situation, price_cents=check_price(price), sector=sector
    )
