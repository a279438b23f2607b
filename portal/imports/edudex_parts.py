"""Pieces of an EDU-DEX program that need more than a lookup: localised texts, HTML,
durations, locations and the price (required cost lines including VAT).

The JSON and XML readers give the same dict shape, but XML has no lists of one and
gives every value as text, so the helpers accept a single value or a list, and
"true"/"1" for booleans.
"""

from decimal import Decimal
from html.parser import HTMLParser

from flask_babel import lazy_gettext as _l

from portal.imports.records import LocationRecord
from portal.imports.values import ValueProblem, check_length, clean_text, parse_amount

# cost.VATCode (EDU-DEX, Dutch VAT): 1 no VAT (0 %, e.g. exempt education), 2 VAT
# reverse-charged (0 % for the buyer), 3 low rate (9 %), 4 and 5 high rate (21 %, goods
# and services). Used only when a line gives neither amountVAT nor VATPercentage.
VAT_CODES = {
    "1": Decimal(0),
    "2": Decimal(0),
    "3": Decimal(9),
    "4": Decimal(21),
    "5": Decimal(21),
}
HUNDRED = Decimal(100)

# programDuration parts, largest first: (key, singular, plural). Dutch says "2 jaar".
DURATION_UNITS = (
    ("years", "jaar", "jaar"),
    ("months", "maand", "maanden"),
    ("weeks", "week", "weken"),
    ("days", "dag", "dagen"),
)
_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr"}
)


def as_list(value) -> list:
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def as_dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def as_bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "ja", "yes")
    return value is True or value == 1


def localized(value, lang: str = "nl") -> str:
    """A localised set ({"nl": …, "en": …}) in Dutch, or a plain string as it is."""
    if isinstance(value, dict):
        value = value.get(lang)
    if isinstance(value, list | dict):
        return ""
    return clean_text(value, single_line=False)


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, blocks on their own line."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).splitlines())
    return clean_text("\n".join(line for line in lines if line), single_line=False)


def description(descriptions: dict) -> str:
    """The Dutch description: the text fields first, else the HTML ones as text."""
    for key in ("programDescriptionText", "programSummaryText"):
        text = localized(descriptions.get(key))
        if text:
            return text
    for key in ("programDescriptionHtml", "programSummaryHtml"):
        html = localized(descriptions.get(key))
        if html:
            return html_to_text(html)
    return ""


def _count(value) -> int:
    if value is None or value == "":
        return 0
    text = str(value).strip()
    if (
        isinstance(value, bool)
        or not (text.isascii() and text.isdigit())
        or len(text) > 5
    ):
        raise ValueProblem(
            _l("De duur '%(value)s' is geen heel getal.", value=text[:20])
        )
    return int(text)


def duration(value) -> tuple[str, int | None]:
    """programDuration {years, months, weeks, days, hours} → ("6 maanden", hours)."""
    if not value:
        return "", None
    if not isinstance(value, dict):
        raise ValueProblem(
            _l("De duur moet jaren, maanden, weken, dagen of uren noemen.")
        )
    parts = []
    for key, one, many in DURATION_UNITS:
        number = _count(value.get(key))
        if number:
            parts.append(f"{number} {one if number == 1 else many}")
    hours = _count(value.get("hours"))
    text = " en ".join(parts)
    if hours:
        text = f"{text} ({hours} uur)" if text else f"{hours} uur"
    return check_length(text, "duration_nl"), hours or None


def location(value) -> LocationRecord | None:
    """A run's location {locationName, address, zipcode, city}, or None when empty."""
    place = as_dict(value)
    street = clean_text(place.get("address"))
    postcode = clean_text(place.get("zipcode"))
    town = clean_text(place.get("city"))
    name = clean_text(localized(place.get("locationName"))) or town or street
    if not name:
        return None
    return LocationRecord(
        name=check_length(name, "location_name"),
        street=check_length(street, "street"),
        postcode=check_length(postcode, "postcode"),
        town=check_length(town, "town"),
    )


def program_location(value) -> LocationRecord | None:
    """programClassification.programLocation {description, id} (or a plain text)."""
    text = value.get("description") if isinstance(value, dict) else value
    name = clean_text(localized(text))
    return LocationRecord(name=check_length(name, "location_name")) if name else None


def _vat(line: dict, amount: Decimal) -> Decimal:
    if line.get("amountVAT") not in (None, ""):
        return parse_amount(line["amountVAT"])
    if line.get("VATPercentage") not in (None, ""):
        percentage = parse_amount(line["VATPercentage"])
        if not 0 <= percentage <= HUNDRED:
            raise ValueProblem(_l("Het btw-percentage moet tussen 0 en 100 liggen."))
        return amount * percentage / HUNDRED
    if line.get("VATCode") not in (None, ""):
        code = str(line["VATCode"]).strip()
        if code not in VAT_CODES:
            raise ValueProblem(
                _l(
                    "De btw-code '%(value)s' kennen we niet. Gebruik 1, 2, 3, 4 of 5.",
                    value=code[:10],
                )
            )
        return amount * VAT_CODES[code] / HUNDRED
    return Decimal(0)


def cost_lines(schedule: dict) -> tuple[str, list]:
    """The cost lines that set the price, and their field path: those of the
    genericProgramRun, else those of the first programRun."""
    generic = as_list(as_dict(schedule.get("genericProgramRun")).get("cost"))
    if generic:
        return "programSchedule.genericProgramRun.cost", generic
    runs = as_list(schedule.get("programRun"))
    first = as_list(as_dict(runs[0]).get("cost")) if runs else []
    if not first:
        return "programSchedule.genericProgramRun.cost", []
    return "programSchedule.programRun[0].cost", first


def required_total(lines: list, path: str) -> tuple[Decimal | None, list, list]:
    """Sum of the required lines, amount plus VAT, exact (rounding comes later).
    Returns (total or None when no line is required, the lines' codes, problems as
    (field path, message))."""
    total, codes, problems, required = Decimal(0), [], [], 0
    for index, raw in enumerate(lines):
        line = as_dict(raw)
        field = f"{path}[{index}]"
        required_line = as_bool(line.get("isRequiredCost"))
        codes.append(
            {
                key: line[key]
                for key in (
                    "costType",
                    "amount",
                    "VATCode",
                    "VATPercentage",
                    "amountVAT",
                    "isRequiredCost",
                    "currency",
                )
                if key in line
            }
        )
        if not required_line:
            continue
        required += 1
        currency = clean_text(line.get("currency")).upper()
        try:
            if currency and currency != "EUR":
                raise ValueProblem(
                    _l(
                        "Het bedrag staat in %(currency)s. Wij nemen alleen bedragen in euro over.",
                        currency=currency[:3],
                    )
                )
            amount = parse_amount(line.get("amount"))
            total += amount + _vat(line, amount)
        except ValueProblem as problem:
            problems.append((field, problem.message))
    return (total if required else None), codes, problems
