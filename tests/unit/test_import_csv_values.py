"""CSV cell values: prices, Dutch labels, yes/no, dates, optional columns."""

from datetime import date

import pytest

from portal.imports.values import ValueProblem, parse_date, parse_euros
from tests.unit.test_import_csv import one


@pytest.mark.parametrize(
    "text,cents",
    [
        ("1250", 125000),
        ("1250,00", 125000),
        ("1250.00", 125000),
        ("€ 1.250,00", 125000),
        ("€1.250", 125000),
        ("1,250.00", 125000),
        ("1250,-", 125000),
        ("12,5", 1250),
        ("0", 0),
        ("1.234.567,89", None),
        ("0,005", None),
    ],
)
def test_prices(text, cents):
    result = one({"prijs": text})
    if cents is None:
        assert result.records == [] and result.rejections[0].field == "prijs"
    else:
        assert result.records[0].price_cents == cents


@pytest.mark.parametrize("text", ["gratis", "12 euro 50", "-5", "1.25.0", ""])
def test_bad_prices(text):
    result = one({"prijs": text})
    assert [r.field for r in result.rejections] == ["prijs"]
    assert (
        result.rejections[0].record == "c-1"
        and result.rejections[0].origin == "regel 2"
    )


def test_euro_parsing_is_exact():
    assert str(parse_euros("€ 1.250,55")) == "1250.55"


@pytest.mark.parametrize(
    "column,value,expected",
    [
        ("niveau", "Mbo niveau 3", "3"),
        ("niveau", "GEEN NIVEAU", "none"),
        ("niveau", "hbo", "hbo"),
        ("niveau", "mbo 1", "1"),
        ("vorm", "BBL (leren en werken)", "bbl"),
        ("vorm", "Cursus", "course"),
        ("vorm", "e-learning", "elearning"),
        ("sector", "Zorg en welzijn", "zorg"),
        ("sector", "ICT", "ict"),
        ("sector", "groen en dieren", "groen"),
        ("uitvoering", "Deels online", "hybrid"),
        ("uitvoering", "op locatie", "on_site"),
        ("uitvoering", "", "on_site"),
        ("uitvoering", "online", "online"),
    ],
)
def test_keys_and_dutch_labels(column, value, expected):
    record = one({column: value}, extra_header=["uitvoering"]).records[0]
    assert (
        getattr(
            record,
            {"niveau": "level", "vorm": "form", "uitvoering": "delivery"}.get(
                column, column
            ),
        )
        == expected
    )


@pytest.mark.parametrize(
    "column,value",
    [
        ("niveau", "5"),
        ("vorm", "avondschool"),
        ("sector", "ruimtevaart"),
        ("uitvoering", "soms"),
    ],
)
def test_unknown_words_name_the_allowed_values(column, value):
    result = one({column: value})
    assert [r.field for r in result.rejections] == [column]
    assert value in str(
        result.rejections[0].message
    ) and "Gebruik een van deze waarden" in str(result.rejections[0].message)


@pytest.mark.parametrize(
    "value,expected",
    [("ja", True), ("Nee", False), ("", None), ("misschien", "rejected")],
)
def test_kansrijk(value, expected):
    result = one({"kansrijk": value})
    assert (result.records[0].kansrijk if result.records else "rejected") == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2027-02-01", date(2027, 2, 1)),
        ("01-02-2027", date(2027, 2, 1)),
        ("1-2-2027", date(2027, 2, 1)),
        ("01/02/2027", date(2027, 2, 1)),
        ("1.2.2027", date(2027, 2, 1)),
    ],
)
def test_dutch_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31-02-2027", "2027-13-01", "02/01/27", "morgen", "01-02-3027"]
)
def test_bad_dates(text):
    with pytest.raises(ValueProblem):
        parse_date(text)
    assert [r.field for r in one({"startdata": text}).rejections] == ["startdata"]


def test_start_and_cancelled_dates():
    record = one(
        {"startdata": "01-02-2027; 2027-09-01", "geannuleerd": "2027-09-01;2028-01-10"}
    ).records[0]
    assert [(s.starts_on.isoformat(), s.cancelled) for s in record.starts] == [
        ("2027-02-01", False),
        ("2027-09-01", True),
        ("2028-01-10", True),
    ]
