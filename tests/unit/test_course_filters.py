import pytest

from portal.catalog.filters import CourseFilters, FilterError, parse_course_filters


def test_no_parameters_give_the_defaults():
    assert parse_course_filters({}) == CourseFilters()


def test_valid_filters_are_kept():
    filters = parse_course_filters(
        {
            "region": "zeeland",
            "sector": "techniek",
            "level": "hbo",
            "page": "2",
            "per_page": "50",
        }
    )
    assert filters == CourseFilters("zeeland", "techniek", "hbo", 2, 50)


@pytest.mark.parametrize(
    "args, code",
    [
        ({"region": "utrecht"}, "invalid_region"),
        ({"sector": "ruimtevaart"}, "invalid_sector"),
        ({"level": "5"}, "invalid_level"),
        ({"page": "0"}, "invalid_page"),
        ({"page": "-1"}, "invalid_page"),
        ({"page": "twee"}, "invalid_page"),
        ({"per_page": "51"}, "invalid_per_page"),
    ],
)
def test_bad_values_raise_a_coded_dutch_error(args, code):
    with pytest.raises(FilterError) as exc:
        parse_course_filters(args)
    assert exc.value.code == code
    assert exc.value.message_nl
