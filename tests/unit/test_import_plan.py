"""The import planner: created / updated / unchanged / rejected / withdrawn, without an
app or a database (the catalogue comes in as plain data)."""

from datetime import date

import pytest

from portal.imports.plan import CatalogueState, KnownLocation, make_plan
from portal.imports.records import (
    CourseRecord,
    LocationRecord,
    ParseResult,
    Rejection,
    StartRecord,
)

ACH, ZEE = 1, 2


def record(external_id="c-1", **changes) -> CourseRecord:
    values = dict(
        external_id=external_id,
        provider_ref="graafschap-college",
        title="Lassen MIG/MAG",
        level="2",
        form="course",
        sector="techniek",
        delivery="on_site",
        price_cents=125000,
        starts=(StartRecord(date(2027, 2, 1), "run-1"),),
        locations=(LocationRecord("Graafschap College Doetinchem"),),
        origin="programma 1",
    )
    values.update(changes)
    return CourseRecord(**values)


def state(courses=None) -> CatalogueState:
    return CatalogueState(
        providers_by_ref={"graafschap-college": 10, "gc-unit-7": 10, "scalda": 20},
        provider_names={10: "Graafschap College", 20: "Scalda"},
        provider_regions={10: [ACH], 20: [ZEE]},
        locations={
            10: [
                KnownLocation(
                    100, "Graafschap College Doetinchem", "7004 HA", "Doetinchem", ACH
                )
            ],
            20: [KnownLocation(200, "Scalda Terneuzen", "4530 AA", "Terneuzen", ZEE)],
        },
        courses=courses or {},
        region_for_pc4={7001: ACH, 4531: ZEE},
        fund_sectors={ACH: {"techniek", "zorg"}},
    )


def stored(plan_change) -> dict:
    """The fields as the database would hold them after applying."""
    return dict(plan_change.fields)


def test_a_new_record_is_created_with_the_derived_region_and_kansrijk():
    plan = make_plan(ParseResult(records=[record()]), state())
    assert plan.counts == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "withdrawn": 0,
    }
    change = plan.changes[0]
    assert change.provider_id == 10
    assert change.fields["region_id"] == ACH
    assert change.fields["kansrijk"] is True  # techniek is a fund sector in Achterhoek
    assert change.fields["locations"] == (100,)
    assert change.fields["starts"] == (("2027-02-01", "run-1", False),)


def test_kansrijk_from_the_file_wins_over_the_derived_value():
    plan = make_plan(ParseResult(records=[record(kansrijk=False)]), state())
    assert plan.changes[0].fields["kansrijk"] is False


def test_the_same_record_again_is_unchanged_and_a_changed_price_is_an_update():
    first = make_plan(ParseResult(records=[record()]), state())
    existing = {(10, "c-1"): (55, stored(first.changes[0]))}
    again = make_plan(ParseResult(records=[record()]), state(existing))
    assert again.counts["unchanged"] == 1 and not again.has_changes
    dearer = make_plan(
        ParseResult(records=[record(price_cents=135000)]), state(existing)
    )
    (change,) = dearer.changes
    assert change.kind == "update" and change.course_id == 55
    assert change.diffs == [("price_cents", 125000, 135000)]


def test_a_withdrawn_course_that_comes_back_is_an_update():
    first = make_plan(ParseResult(records=[record()]), state())
    fields = {**stored(first.changes[0]), "withdrawn": True}
    plan = make_plan(
        ParseResult(records=[record()]), state({(10, "c-1"): (55, fields)})
    )
    assert plan.changes[0].diffs == [("withdrawn", True, False)]


def test_the_org_unit_id_also_finds_the_provider():
    plan = make_plan(ParseResult(records=[record(provider_ref="GC-UNIT-7")]), state())
    assert plan.changes[0].provider_id == 10


@pytest.mark.parametrize(
    "ref, provider_id, message",
    [
        ("onbekend", None, "kennen wij niet"),
        ("", None, "De aanbieder ontbreekt"),
        ("scalda", 10, "niet bij de gekozen aanbieder"),
    ],
)
def test_provider_problems_are_rejections(ref, provider_id, message):
    plan = make_plan(
        ParseResult(records=[record(provider_ref=ref)]),
        state(),
        provider_id=provider_id,
    )
    (rejection,) = plan.rejections
    assert rejection.field == "aanbieder" and message in str(rejection.message)
    assert rejection.record == "c-1"
    assert not plan.changes


def test_a_chosen_provider_adopts_records_without_a_provider():
    plan = make_plan(
        ParseResult(records=[record(provider_ref="")]), state(), provider_id=20
    )
    assert plan.changes[0].provider_id == 20


def test_full_withdraws_only_missing_courses_of_the_providers_in_scope():
    base = stored(make_plan(ParseResult(records=[record()]), state()).changes[0])
    courses = {
        (10, "c-1"): (1, base),
        (10, "c-old"): (2, {**base, "title": "Oud"}),
        (10, "c-gone"): (3, {**base, "withdrawn": True}),
        (20, "s-1"): (4, base),
    }
    plan = make_plan(ParseResult(records=[record()]), state(courses), full=True)
    assert [(w.course_id, w.external_id, w.title) for w in plan.withdrawals] == [
        (2, "c-old", "Oud")
    ]
    not_full = make_plan(ParseResult(records=[record()]), state(courses))
    assert not_full.withdrawals == []


def test_full_does_not_withdraw_a_course_whose_record_was_rejected():
    base = stored(make_plan(ParseResult(records=[record()]), state()).changes[0])
    courses = {(10, "c-1"): (1, base), (10, "c-2"): (2, base)}
    parsed = ParseResult(
        records=[record()], rejections=[Rejection("c-2", "prijs", "kapot")]
    )
    plan = make_plan(parsed, state(courses), provider_id=10, full=True)
    assert plan.withdrawals == []
    assert plan.counts["rejected"] == 1


def test_places_resolve_by_postcode_name_or_town_else_new():
    places = (
        LocationRecord("Campus", postcode="7004ha"),  # same postcode → 100
        LocationRecord("graafschap college doetinchem"),  # same name → 100
        LocationRecord("Vestiging", town="Doetinchem"),  # only one in town → 100
        LocationRecord("Nieuwe hal", postcode="7001 AB", town="Doetinchem"),  # new
    )
    plan = make_plan(
        ParseResult(records=[record(locations=places, starts=())]), state()
    )
    change = plan.changes[0]
    assert change.fields["locations"] == (100, "nieuw: Nieuwe hal")
    assert [n.postcode for n in change.new_locations] == ["7001 AB"]
    assert change.new_locations[0].region_id == ACH


def test_a_new_place_outside_the_regions_falls_back_to_the_provider_region():
    rec = record(
        locations=(LocationRecord("Online campus", postcode="1011 AB"),), starts=()
    )
    change = make_plan(ParseResult(records=[rec]), state()).changes[0]
    assert change.fields["region_id"] == ACH
