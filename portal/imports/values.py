"""Single values shared by the readers: text, amounts, dates, codes and lengths.

The parse and check functions raise `ValueProblem` with a Dutch (lazy) message; the
readers turn that into a `Rejection` for the field at hand. Every pattern is compiled
once, here.
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from flask_babel import lazy_gettext as _l

# Column sizes of the catalogue tables (catalog/models.py), checked before the database.
MAX_LENGTHS = {
    "external_id": 120,
    "provider_ref": 80,
    "title": 300,
    "url": 500,
    "duration_nl": 80,
    "run_id": 80,
    "location_name": 200,
    "street": 200,
    "postcode": 10,
    "town": 80,
}
MAX_EUROS = Decimal(1_000_000)  # a course price above this is a typing error
CENT = Decimal("0.01")

CREBO_RE = re.compile(r"(?:[A-Z]|\d)\d{4}")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES_RE = re.compile(r"\s+")
_URL_RE = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_AMOUNT_RE = re.compile(r"-?\d+(?:[.,]\d+)?")
_EURO_NOISE_RE = re.compile(
    r"^(?:€|eur(?:o)?\b)?\s*|\s*(?:€|eur(?:o)?)?$", re.IGNORECASE
)
_EURO_PLAIN_RE = re.compile(r"\d+(?:[.,]\d{1,2})?")
_EURO_NL_RE = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d{1,2})?")
_EURO_EN_RE = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d{1,2})?")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NL_DATE_RE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


class ValueProblem(ValueError):
    """A value that cannot be used; `message` is a Dutch (lazy) string."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def clean_text(value, *, single_line: bool = True) -> str:
    """A plain string without control characters (PostgreSQL refuses NUL); titles and
    names on one line with single spaces, longer texts keep their line breaks."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if text.isprintable() and not (single_line and "  " in text):
        return text.strip()  # the common case, without the regular expressions
    text = _CONTROL_RE.sub("", text)
    if single_line:
        return _SPACES_RE.sub(" ", text).strip()
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def check_length(value: str, kind: str) -> str:
    limit = MAX_LENGTHS[kind]
    if len(value) > limit:
        raise ValueProblem(
            _l(
                "Deze tekst is te lang: %(length)s tekens. Het mag hoogstens %(limit)s zijn.",
                length=len(value),
                limit=limit,
            )
        )
    return value


def check_url(value: str) -> str:
    """An http(s) web address, or "" when empty; anything else (javascript:, a bare
    domain) is refused so the portal never links to it."""
    if not value:
        return ""
    if not _URL_RE.fullmatch(value):
        raise ValueProblem(
            _l(
                "Het webadres '%(value)s' is niet goed. Het moet beginnen met https:// of http://.",
                value=value[:100],
            )
        )
    return check_length(value, "url")


def check_crebo(value: str) -> str | None:
    """A crebo code (5 characters: a digit or capital letter, then 4 digits), or None."""
    if not value:
        return None
    if not CREBO_RE.fullmatch(value):
        raise ValueProblem(
            _l(
                "De crebo-code '%(value)s' is niet goed. Een crebo-code heeft 5 tekens, bijvoorbeeld 25491.",
                value=value[:20],
            )
        )
    return value


def parse_amount(value) -> Decimal:
    """An EDU-DEX amount: a string such as "1250.00" or "1250,00", or a JSON number."""
    if isinstance(value, bool) or value is None:
        raise ValueProblem(_l("Er staat geen bedrag."))
    text = repr(value) if isinstance(value, float) else str(value).strip()
    if not _AMOUNT_RE.fullmatch(text):
        raise ValueProblem(
            _l(
                "Het bedrag '%(value)s' is geen getal. Schrijf het zo: 1250.00 of 1250,00.",
                value=text[:40],
            )
        )
    return Decimal(text.replace(",", "."))


@lru_cache(maxsize=4096)
def parse_euros(value: str) -> Decimal:
    """A price as people type it: "1250", "1250,00", "1250.00", "€ 1.250,00",
    "1,250.00" or "1250,-". A dot or comma followed by exactly three digits groups
    thousands; followed by one or two digits it is the decimal separator."""
    text = _EURO_NOISE_RE.sub("", value.strip())
    if text.endswith((",-", ".-")):
        text = text[:-2]
    if _EURO_PLAIN_RE.fullmatch(text):
        amount = Decimal(text.replace(",", "."))
    elif _EURO_NL_RE.fullmatch(text):
        amount = Decimal(text.replace(".", "").replace(",", "."))
    elif _EURO_EN_RE.fullmatch(text):
        amount = Decimal(text.replace(",", ""))
    else:
        raise ValueProblem(
            _l(
                "De prijs '%(value)s' is geen bedrag. Schrijf de prijs in euro's, bijvoorbeeld 1250,00.",
                value=value[:40],
            )
        )
    return amount


def to_cents(amount: Decimal) -> int:
    """Whole cents, rounded half up; refuses negative and absurdly high totals."""
    if not amount.is_finite() or amount < 0:
        raise ValueProblem(_l("De prijs mag niet lager zijn dan 0 euro."))
    if amount > MAX_EUROS:
        raise ValueProblem(
            _l("De prijs is hoger dan 1 miljoen euro. Kijk of het bedrag goed is.")
        )
    return int(amount.quantize(CENT, rounding=ROUND_HALF_UP) * 100)


@lru_cache(maxsize=4096)
def parse_date(value: str) -> date:
    """A date as 2027-02-01 (EDU-DEX, ISO) or 01-02-2027, 1-2-2027, 01/02/2027."""
    text = value.strip()
    match = _ISO_DATE_RE.fullmatch(text)
    if match:
        year, month, day = match.groups()
    else:
        match = _NL_DATE_RE.fullmatch(text)
        if not match:
            raise ValueProblem(
                _l(
                    "De datum '%(value)s' is niet goed. Schrijf de datum zo: 2027-02-01 of 01-02-2027.",
                    value=text[:40],
                )
            )
        day, month, year = match.groups()
    try:
        parsed = date(int(year), int(month), int(day))
    except ValueError:
        parsed = None
    if parsed is None or not 1900 <= parsed.year <= 2100:
        raise ValueProblem(_l("De datum '%(value)s' bestaat niet.", value=text[:40]))
    return parsed
