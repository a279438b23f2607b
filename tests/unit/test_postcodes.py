import pytest

from portal.regions.postcodes import (
    InvalidPostcode,
    Postcode,
    parse_postcode,
    parse_ranges,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7101", Postcode(7101)),
        ("7101AB", Postcode(7101, "AB")),
        ("7101 ab", Postcode(7101, "AB")),
        ("  6211 cd ", Postcode(6211, "CD")),
    ],
)
def test_accepts_the_three_written_forms(text, expected):
    assert parse_postcode(text) == expected


@pytest.mark.parametrize(
    "text", ["", "  ", "abc", "0123", "123", "71011", "7101 A", "7101-AB", "7101 SA"]
)
def test_rejects_what_is_no_postcode_with_a_dutch_message(text):
    with pytest.raises(InvalidPostcode) as exc:
        parse_postcode(text)
    assert "postcode" in exc.value.message_nl.lower()


def test_ranges_are_inclusive_pairs():
    assert parse_ranges(["7001-7009", "7011", 7020]) == [
        (7001, 7009),
        (7011, 7011),
        (7020, 7020),
    ]


@pytest.mark.parametrize("spec", ["7009-7001", "999", "10000"])
def test_bad_ranges_are_refused(spec):
    with pytest.raises(ValueError):
        parse_ranges([spec])
